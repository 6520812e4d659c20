/**
 * `capaian fmt` for any file as a whole (a mapping, a KPI definition, a list the fast path of
 * format-list.ts cannot cut): read with `yaml`'s Document API for its comments, written by the
 * writer with them. See format-file.ts for the rules.
 */
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { isPlainObject } from './check-output.ts';
import { commentBlock, commentLines, DOC_OPTIONS, keyOf, lineEnd, notesOf, Unformattable, withHeader } from './comment-notes.ts';
import { toYaml, type Layout, type Notes } from './to-yaml.ts';

/** A mapping file that is the writer's text for its value, under comment lines at the top (the sample's company.yaml). */
export function isCanonicalMapping(src: string, value: unknown, layout: Layout): boolean {
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

export function formatWhole(src: string, value: unknown, layout: Layout, keepStyle: boolean): string {
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
