/**
 * `capaian fmt` for one file: the text of a data or KPI file in its canonical form, with every
 * value and every comment kept. Pure: text in, text (or the reason it cannot be done) out.
 *
 * The canonical form is what the writer (to-yaml.ts) makes of the file's values: keys in schema
 * order, unknown keys after them, the same flow or block style, quoting and numbers, records
 * sorted (layout.ts says by what). Comments come along: read with the `yaml` package's Document
 * API, which hangs each comment on a node, they become `Notes` that the writer puts back next
 * to the same node. Two rules of our own on top:
 *
 * - The comment lines at the top of a file are its header: they stay at the top.
 * - Comment lines right before a record (at the "- ", not indented deeper) belong to that
 *   record and travel with it when records are sorted; indented comment lines at the end of a
 *   record are its own trailing comments.
 *
 * Fast path: js-yaml (10x the `yaml` package) reads the values; a top-level list is cut into
 * records by its "- " lines, and a record whose text already is the writer's text for its value
 * is taken as it is. Only the other records are read again with `yaml` to find their comments,
 * so formatting a big file costs little more than reading it, and a comment in a 20 MB month
 * file does not mean parsing all of it with the slow parser.
 *
 * Blank lines are not kept, comment texts lose trailing spaces, a byte order mark and CRLF
 * line ends go. Defaults are written as they are (`discount: 0` stays): fmt never changes a
 * value. To make sure, the output of every changed file is read back and compared with the
 * input's values (records sorted) and comments; if either differs, the file is left alone and
 * the problem reported.
 */
import yaml from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, Lexer, parseDocument, type Node } from 'yaml';
import { parseYaml } from '../load/parse-yaml.ts';
import type { FileKind } from '../schema/file-kinds.ts';
import { resolvePlainScalar } from '../schema/yaml-scalar.ts';
import { issue, type PendingIssue } from '../issues/issue.ts';
import { KPI_LAYOUT, LAYOUTS, REVIEW_LAYOUT } from './layout.ts';
import { compareRecords, listToYaml, toYaml, type Layout, type Notes } from './to-yaml.ts';

/** A data file kind, or a KPI definition (kpis/<id>.yaml). */
export type FormatKind = FileKind | 'kpi';
/** What fmt formats: a FormatKind, or a review's frontmatter (review.ts). */
export type FormatTarget = FormatKind | 'review';

export type Formatted = { text: string; issues?: undefined } | { text?: undefined; issues: PendingIssue[] };

const DOC_OPTIONS = { schema: 'core', uniqueKeys: false, prettyErrors: false } as const;

/** The file in canonical form, or the issues that stop fmt from touching it. */
export function formatYaml(text: string, kind: FormatTarget, file: string): Formatted {
  const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const parsed = parseYaml(src, file);
  if (parsed.issues.length) return { issues: parsed.issues };
  const value = parsed.value;
  const layout = layoutFor(kind);
  let out: string;
  let outValue = value;
  try {
    out = formatOnce(src, value, layout, kind === 'kpi');
    // Where a YAML reader hangs a comment depends on what surrounds it, so a comment that moved
    // may belong elsewhere when read back. Formatting the output again settles it (in practice
    // the first pass is final): the result is what formatting no longer changes.
    for (let pass = 0; out !== src; pass++) {
      const again = parseYaml(out, file);
      if (again.issues.length) return failed(file, 'write a file it cannot read back');
      outValue = again.value;
      const next = formatOnce(out, outValue, layout, kind === 'kpi');
      if (next === out) break;
      if (pass === 3) return failed(file, 'not settle where the comments go');
      out = next;
    }
  } catch (e) {
    if (!(e instanceof Unformattable)) throw e;
    return { issues: [issue(file, [], 'fmt-unsupported', `fmt cannot format this file: ${e.message}`, 'the file was left as it is; write it in plain YAML (no tags, no complex keys), or format it by hand')] };
  }
  if (out !== src) {
    const problem = checkOutput(src, value, out, outValue, layout);
    if (problem) return failed(file, problem);
  }
  return { text: out };
}

function formatOnce(src: string, value: unknown, layout: Layout, keepStyle: boolean): string {
  if (keepStyle) return formatWhole(src, value, layout, true);
  if (Array.isArray(value)) return formatList(src, value, layout) ?? formatWhole(src, value, layout, false);
  return isCanonicalMapping(src, value, layout) ? src : formatWhole(src, value, layout, false);
}

function failed(file: string, problem: string): Formatted {
  return { issues: [issue(file, [], 'fmt-failed', `fmt would ${problem}`, 'the file was left as it is; please report this as a bug in capaian fmt, with the file')] };
}

/** Something in the file fmt does not handle (it then leaves the file as it is). */
class Unformattable extends Error {}

// ---------------------------------------------------------------------------------------------
// Layouts

const layouts = new Map<FormatTarget, Layout>();

/** The kind's canonical layout, writing defaults as they stand (the sample leaves them out). */
function layoutFor(kind: FormatTarget): Layout {
  let layout = layouts.get(kind);
  if (!layout) layouts.set(kind, (layout = keepingDefaults(kind === 'kpi' ? KPI_LAYOUT : kind === 'review' ? REVIEW_LAYOUT : LAYOUTS[kind])));
  return layout;
}

function keepingDefaults(layout: Layout): Layout {
  const nested: Record<string, Layout> = {};
  for (const [k, v] of Object.entries(layout.nested)) nested[k] = keepingDefaults(v);
  return { ...layout, nested, omitDefaults: false };
}

// ---------------------------------------------------------------------------------------------
// A top-level list, record by record

interface Chunk {
  /** Comment lines before the record's "- " (they travel with it). */
  lead: string[];
  /** The record's lines, from its "- " line, each ending in "\n" (but maybe the file's last). */
  body: string;
}

interface Split {
  header: string[];
  chunks: Chunk[];
  footer: string[];
}

/** The list file in canonical form; undefined when it is not a plain block list (then the whole file is read with `yaml`). */
function formatList(src: string, records: unknown[], layout: Layout): string | undefined {
  const split = splitRecords(src);
  if (!split || split.chunks.length !== records.length) return undefined;
  const texts: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const body = split.chunks[i]!.body;
    const canonical = listToYaml([records[i]], layout);
    // Without a "#" the record has no comments: the writer's text it is. (The cut is right: it
    // found as many "- " lines in column 0 as there are records.)
    if (body === canonical || !body.includes('#')) texts.push(canonical);
    else {
      const text = formatRecord(body, records[i], layout);
      if (text === undefined) return undefined;
      texts.push(text);
    }
  }
  let order = records.map((_, i) => i);
  if (layout.sortBy) {
    const compare = compareRecords(layout.sortBy);
    order = order.sort((a, b) => compare(records[a], records[b]) || a - b);
  }
  let body = '';
  for (const i of order) body += commentBlock(split.chunks[i]!.lead) + texts[i];
  return withHeader(split.header, body) + commentBlock(split.footer);
}

/**
 * The header comments, then the body. When the body starts with comments of its own (those of
 * its first record or key), a blank line keeps them apart from the header, so that they still
 * belong to that record the next time.
 */
function withHeader(header: string[], body: string): string {
  if (!header.length) return body;
  return commentBlock(header) + (body.startsWith('#') ? '\n' : '') + body;
}

/** One record that is not in canonical form (or has comments): read with `yaml`, written with its comments. */
function formatRecord(body: string, record: unknown, layout: Layout): string | undefined {
  // The cut is right only if the record's text alone reads as that record.
  let alone: unknown;
  try {
    alone = yaml.load(body, { schema: yaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (!deepEqual(alone, [record])) return undefined;
  const doc = parseDocument(body, DOC_OPTIONS);
  const seq = doc.contents;
  if (doc.errors.length || !isSeq(seq) || seq.items.length !== 1) return undefined;
  let item: Notes | undefined;
  try {
    item = notesOf(seq.items[0] as Node, record, false, body);
  } catch (e) {
    if (e instanceof Unformattable) return undefined;
    throw e;
  }
  const before = [...commentLines(doc.commentBefore), ...commentLines(seq.commentBefore)];
  const after = [...commentLines(seq.comment), ...commentLines(doc.comment)];
  const notes: Notes = { children: new Map(item ? [[0, item]] : []) };
  if (before.length) notes.before = before;
  if (after.length) notes.after = after;
  return listToYaml([record], layout, { notes });
}

/**
 * Cuts a block list at the "- " lines in column 0. The comment lines at the top are the header;
 * those right before a record (blank lines and comments in column 0) are its lead; those after
 * the last record the footer. Undefined when the file is not such a list.
 */
function splitRecords(src: string): Split | undefined {
  let header: string[] = [];
  let lead: string[] = [];
  const chunks: Chunk[] = [];
  const n = src.length;
  let pos = 0;
  for (; pos < n; ) {
    const end = lineEnd(src, pos);
    const first = firstNonSpace(src, pos, end);
    if (first < end && src[first] !== '#') break;
    if (first < end) lead.push(src.slice(first + 1, end).trimEnd());
    else if (lead.length) [header, lead] = [[...header, ...lead], []];
    pos = end + 1;
  }
  if (pos >= n) return { header: [...header, ...lead], chunks, footer: [] };
  if (!isItemStart(src, pos)) return undefined;
  // Without a blank line, the comments at the top are all header; after one, those below it
  // belong to the first record.
  if (!header.length) [header, lead] = [lead, []];
  let bodyStart = pos;
  let runStart = -1; // start of the blank and column-0 comment lines since the last other line
  for (pos = lineEnd(src, pos) + 1; pos < n; ) {
    const end = lineEnd(src, pos);
    const c = src[pos];
    if (c === '-' && isItemStart(src, pos)) {
      const until = runStart >= 0 ? runStart : pos;
      chunks.push({ lead, body: src.slice(bodyStart, until) });
      lead = commentsIn(src, until, pos);
      bodyStart = pos;
      runStart = -1;
    } else if (c === '#' || firstNonSpace(src, pos, end) === end) {
      if (runStart < 0) runStart = pos;
    } else runStart = -1;
    pos = end + 1;
  }
  const until = runStart >= 0 ? runStart : n;
  chunks.push({ lead, body: src.slice(bodyStart, until) });
  return { header, chunks, footer: commentsIn(src, until, n) };
}

function lineEnd(src: string, pos: number): number {
  const nl = src.indexOf('\n', pos);
  return nl < 0 ? src.length : nl;
}

function firstNonSpace(src: string, pos: number, end: number): number {
  while (pos < end && (src[pos] === ' ' || src[pos] === '\t')) pos++;
  return pos;
}

/** "- " or a lone "-" at the start of a line: a list item (not "---", not "-1"). */
function isItemStart(src: string, pos: number): boolean {
  const next = src[pos + 1];
  return src[pos] === '-' && (next === undefined || next === ' ' || next === '\t' || next === '\n');
}

/** The texts of the comment lines between two line starts (blank lines skipped). */
function commentsIn(src: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let pos = from; pos < to; ) {
    const end = lineEnd(src, pos);
    if (src[pos] === '#') out.push(src.slice(pos + 1, end).trimEnd());
    pos = end + 1;
  }
  return out;
}

function commentBlock(lines: string[]): string {
  let out = '';
  for (const line of lines) out += '#' + line + '\n';
  return out;
}

// ---------------------------------------------------------------------------------------------
// Any file, whole

/** A mapping file that is the writer's text for its value, under comment lines at the top (the sample's company.yaml). */
function isCanonicalMapping(src: string, value: unknown, layout: Layout): boolean {
  if (!isPlainObject(value)) return false;
  const header: string[] = [];
  let pos = 0;
  while (src[pos] === '#') {
    const end = lineEnd(src, pos);
    header.push(src.slice(pos + 1, end).trimEnd());
    pos = end + 1;
  }
  return src === commentBlock(header) + toYaml(value, layout);
}

function formatWhole(src: string, value: unknown, layout: Layout, keepStyle: boolean): string {
  const doc = parseDocument(src, DOC_OPTIONS);
  if (doc.errors.length) throw new Unformattable(doc.errors[0]!.message.split('\n')[0]!);
  const header = commentLines(doc.commentBefore);
  const footer = commentLines(doc.comment);
  const root = doc.contents as Node | null;
  if (root === null) {
    // Comments only (or nothing): no records.
    return commentBlock([...header, ...footer]);
  }
  const notes = notesOf(root, value, keepStyle, src);
  if (notes) {
    // The comments before the file's first line are its header, whatever moves; but those after
    // a blank line belong to the first record (or key) and travel with it.
    header.push(...commentLines(root.commentBefore));
    delete notes.before;
    let first: { notes: Notes; field: 'before' | 'keyBefore'; raw: string } | undefined;
    if (isSeq(root) && root.items.length) {
      const n = notes.children?.get(0);
      if (n?.before) first = { notes: n, field: 'before', raw: (root.items[0] as Node).commentBefore ?? '' };
    } else if (isMap(root) && root.items.length) {
      const key = root.items[0]!.key as Node | null;
      const n = notes.children?.get(keyOf(key, value as Record<string, unknown>));
      if (n?.keyBefore) first = { notes: n, field: 'keyBefore', raw: key?.commentBefore ?? '' };
    }
    if (first) {
      const lines = first.notes[first.field]!;
      const raw = first.raw.split('\n');
      const blank = raw.lastIndexOf('');
      const above = blank < 0 ? [] : commentLines(raw.slice(0, blank).join('\n'));
      header.push(...lines.splice(0, above.length));
      if (!header.length) header.push(...lines.splice(0, commentLines(first.raw).length));
    }
  }
  const body = toYaml(value, layout, notes ? { notes } : {});
  // Comment lines right after indented ones are read as theirs: write them so.
  const last = body.slice(body.lastIndexOf('\n', body.length - 2) + 1);
  const indent = last.search(/\S/);
  const at = last[indent] === '#' ? ' '.repeat(indent) : '';
  return withHeader(header, body) + footer.map((line) => `${at}#${line}\n`).join('');
}

// ---------------------------------------------------------------------------------------------
// Comments: from the `yaml` Document to Notes for the writer

/** The lines of a comment as the `yaml` package gives it: "" is a blank line (dropped), " " an empty comment. */
function commentLines(comment: string | null | undefined): string[] {
  if (!comment) return [];
  const out: string[] = [];
  for (const line of comment.split('\n')) if (line !== '') out.push(line.trimEnd());
  return out;
}

/**
 * The comments (and, where the style is kept, flow or block) of a node, walked together with its
 * value as js-yaml read it, so that what is written is exactly the value the tools read.
 */
function notesOf(node: Node | null, value: unknown, keepStyle: boolean, src: string): Notes | undefined {
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
function keyOf(key: Node | null, mapping: Record<string, unknown>): string {
  let text: string;
  if (key === null) text = 'null';
  else if (!isScalar(key)) throw new Unformattable('a key is a list or a mapping');
  else if (key.type === 'PLAIN' && !key.tag) text = String(resolvePlainScalar(String(key.source ?? key.value)));
  else text = String(key.value);
  if (!Object.hasOwn(mapping, text)) throw new Unformattable(`the two YAML readers disagree on the key ${JSON.stringify(text)}`);
  return text;
}

// ---------------------------------------------------------------------------------------------
// The safety net

/** What fmt would break by writing `out` (read back as `after`): "change a value" …, or undefined if nothing. */
function checkOutput(src: string, value: unknown, out: string, after: unknown, layout: Layout): string | undefined {
  if (!deepEqual(after, inCanonicalOrder(value, layout))) return 'change a value';
  if (!src.includes('#') && !out.includes('#')) return undefined;
  const a = commentsOf(src);
  const b = commentsOf(out);
  if (a.length !== b.length || a.some((c, i) => c !== b[i])) return 'lose or change a comment';
  return undefined;
}

/** The value with its records sorted as the writer sorts them. */
export function inCanonicalOrder(value: unknown, layout: Layout | undefined): unknown {
  if (Array.isArray(value)) {
    let items = value;
    if (layout?.sortBy) {
      const compare = compareRecords(layout.sortBy);
      items = value.map((x, i) => [x, i] as const).sort((a, b) => compare(a[0], b[0]) || a[1] - b[1]).map(([x]) => x);
    }
    return items.map((x) => inCanonicalOrder(x, layout));
  }
  if (isPlainObject(value) && layout) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      Object.defineProperty(out, k, { value: inCanonicalOrder(value[k], layout.nested[k]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** The comment texts of a YAML text, sorted (trailing spaces dropped). */
function commentsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text)) if (token[0] === '#') out.push(token.slice(1).trimEnd());
  return out.sort();
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality as the data means it: numbers by Object.is (0 is not -0, NaN is NaN). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ob = b as Record<string, unknown>;
  const oa = a as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(ob, k) && deepEqual(oa[k], ob[k]));
}
