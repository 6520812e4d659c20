/**
 * Comments, from the `yaml` package's Document (which hangs each comment on a node) to the
 * `Notes` the writer (to-yaml.ts) puts back beside the same values; and comment lines as text.
 * The Document is walked together with the value js-yaml read, so what fmt writes is exactly
 * the value the tools read: where the two readers disagree, fmt gives up (Unformattable).
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { resolvePlainScalar } from '../schema/yaml-scalar.ts';
import { isPlainObject } from './check-output.ts';
import type { Notes } from './to-yaml.ts';

/** How fmt reads a Document with `yaml`: the core schema, as js-yaml; repeated keys are js-yaml's to refuse. */
export const DOC_OPTIONS = { schema: 'core', uniqueKeys: false, prettyErrors: false } as const;

/** Something in the file fmt does not handle (it then leaves the file as it is). */
export class Unformattable extends Error {}

/** The lines of a comment as the `yaml` package gives it: "" is a blank line (dropped), " " an empty comment. */
export function commentLines(comment: string | null | undefined): string[] {
  if (!comment) return [];
  const out: string[] = [];
  for (const line of comment.split('\n')) if (line !== '') out.push(line.trimEnd());
  return out;
}

/**
 * The comments (and, where the style is kept, flow or block) of a node, walked together with its
 * value as js-yaml read it, so that what is written is exactly the value the tools read.
 */
export function notesOf(node: Node | null, value: unknown, keepStyle: boolean, src: string): Notes | undefined {
  if (node === null) {
    if (value !== null) throw new Unformattable('the two YAML readers disagree on an empty value');
    return undefined;
  }
  let notes: Notes | undefined;
  const before = commentLines(node.commentBefore);
  if (before.length) (notes ??= {}).before = before;
  if (isMap(node)) {
    if (!isPlainObject(value)) throw new Unformattable('the two YAML readers disagree on a mapping');
    const children = new Map<string, Notes>();
    for (const pair of node.items) {
      const key = keyOf(pair.key as Node | null, value);
      let child = notesOf(pair.value as Node | null, value[key], keepStyle, src);
      const keyNode = pair.key as Node | null;
      const keyBefore = keyNode ? [...commentLines(keyNode.commentBefore), ...commentLines(keyNode.comment)] : [];
      if (keyBefore.length) child = { ...child, keyBefore };
      if (child) children.set(key, child);
    }
    if (children.size) (notes ??= {}).children = children;
  } else if (isSeq(node)) {
    if (!Array.isArray(value) || value.length !== node.items.length) throw new Unformattable('the two YAML readers disagree on a list');
    const children = new Map<number, Notes>();
    node.items.forEach((item, i) => {
      if (isPair(item)) throw new Unformattable('a list item is a single "key: value" pair inside [ ]; write it as { key: value }');
      const child = notesOf(item as Node, value[i], keepStyle, src);
      if (child) children.set(i, child);
    });
    if (children.size) (notes ??= {}).children = children;
  } else if (isScalar(node)) {
    if (typeof value === 'object' && value !== null) throw new Unformattable('the two YAML readers disagree on a value');
  } else {
    throw new Unformattable('aliases are not supported');
  }
  if (keepStyle && (isMap(node) || isSeq(node))) (notes ??= {}).flow = !!node.flow;
  const comment = isScalar(node) && node.type?.startsWith('BLOCK') ? blockHeaderComment(src, node) : commentLines(node.comment);
  if (comment.length) {
    notes ??= {};
    if (isScalar(node) || ((isMap(node) || isSeq(node)) && node.flow)) {
      notes.inline = comment[0]!;
      if (comment.length > 1) notes.after = comment.slice(1);
    } else notes.after = comment;
  }
  return notes;
}

/**
 * The comment on a block scalar's "|" or ">" line, read from the source: the `yaml` package
 * drops an empty one ("| #").
 */
function blockHeaderComment(src: string, node: Node): string[] {
  const start = node.range?.[0] ?? 0;
  const header = src.slice(start, lineEnd(src, start));
  const m = /^[|>][0-9+-]*[ \t]+#(.*)$/.exec(header);
  return m ? [m[1]!.trimEnd()] : commentLines(node.comment);
}

/** The key of a pair as js-yaml reads it: a string, which the mapping must have. */
export function keyOf(key: Node | null, mapping: Record<string, unknown>): string {
  let text: string;
  if (key === null) text = 'null';
  else if (!isScalar(key)) throw new Unformattable('a key is a list or a mapping');
  else if (key.type === 'PLAIN' && !key.tag) text = String(resolvePlainScalar(String(key.source ?? key.value)));
  else text = String(key.value);
  if (!Object.hasOwn(mapping, text)) throw new Unformattable(`the two YAML readers disagree on the key ${JSON.stringify(text)}`);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Comment lines as text

/** The end of the line that starts at (or runs through) `pos`: its "\n", or the end of the text. */
export function lineEnd(src: string, pos: number): number {
  const nl = src.indexOf('\n', pos);
  return nl < 0 ? src.length : nl;
}

/** Comment lines as text, each "#" + its text + "\n". */
export function commentBlock(lines: string[]): string {
  let out = '';
  for (const line of lines) out += '#' + line + '\n';
  return out;
}

/**
 * The header comments, then the body. When the body starts with comments of its own (those of
 * its first record or key), a blank line keeps them apart from the header, so that they still
 * belong to that record the next time.
 */
export function withHeader(header: string[], body: string): string {
  if (!header.length) return body;
  return commentBlock(header) + (body.startsWith('#') ? '\n' : '') + body;
}
