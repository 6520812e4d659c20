/**
 * `capaian fmt`'s fast path for a file that is a top-level block list (every month file): cut
 * into records at its "- " lines, each record written by the writer, and read again with `yaml`
 * (for its comments) only when it has any. Comment lines right before a record travel with it
 * when the records are sorted. See format-file.ts for the rules.
 */
import yaml from 'js-yaml';
import { isSeq, parseDocument, type Node } from 'yaml';
import { deepEqual } from './check-output.ts';
import { commentBlock, commentLines, DOC_OPTIONS, lineEnd, notesOf, Unformattable, withHeader } from './comment-notes.ts';
import { compareRecords, listToYaml, type Layout, type Notes } from './to-yaml.ts';

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
export function formatList(src: string, records: unknown[], layout: Layout): string | undefined {
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
