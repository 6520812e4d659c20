/**
 * Finds the line and column of each issue from its document path. Uses the `yaml` package,
 * which keeps source positions (js-yaml, our fast parser, does not). It only runs on files that
 * have problems, and on big files it parses just the records concerned.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { DocPath, Issue, PendingIssue } from '../issues/issue.ts';

/**
 * Above this size a list file is located record by record instead of parsed whole: the `yaml`
 * package's whole-file parse of a 45 KB targets file to place one warning cost about 0.2 s of a
 * `capaian compute` on a small repository; one record's parse costs next to nothing. Files under it
 * (company.yaml, a KPI) are small enough that the whole parse is quick. test/load/locate.test.ts
 * holds the two ways to the same places.
 */
export const WHOLE_FILE_LIMIT = 16_000;

export function locateIssues(issues: PendingIssue[], textOf: (file: string) => string | undefined): Issue[] {
  const locators = new Map<string, Locator | null>();
  const position = (file: string, at: DocPath, atKey: boolean): Pos | null => {
    if (at.length === 0) return null;
    if (!locators.has(file)) {
      const text = textOf(file);
      locators.set(file, text === undefined ? null : fileLocator(text));
    }
    return locators.get(file)?.(at, atKey) ?? null;
  };
  return issues.map((i) => {
    const pos = i.line !== undefined ? { line: i.line, col: i.column ?? 0 } : position(i.file, i.at, !!i.atKey);
    const located: Issue = { ...i, line: pos?.line ?? 0, column: pos?.col ?? 0 };
    if (i.related) {
      const rp = position(i.related.file, i.related.at, false);
      located.related = { ...i.related, line: rp?.line ?? 0, column: rp?.col ?? 0 };
      located.message += `; first at ${i.related.file}:${rp?.line ?? 0}:${rp?.col ?? 0}`;
    }
    return located;
  });
}

interface Pos {
  line: number;
  col: number;
}

type Locator = (at: DocPath, atKey: boolean) => Pos | null;

/**
 * A lone CR ends a line for js-yaml (and for editors) but not for the `yaml` package: the
 * locator reads it as LF, which keeps every offset and so every column.
 */
export function lineBreaksAsLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * A locator for one file; the whole-file parse happens once, on first use. Big files are not
 * parsed whole (the `yaml` package needs about 100 bytes of memory per byte of text): their
 * top-level records are found once, and only the record an issue is in is parsed.
 */
function fileLocator(raw: string): Locator {
  const text = lineBreaksAsLf(raw);
  let whole: { doc: ReturnType<typeof parseDocument>; lc: LineCounter } | undefined;
  let items: TopLevelItems | null | undefined;
  return (at, atKey) => {
    if (text.length > WHOLE_FILE_LIMIT && typeof at[0] === 'number') {
      items ??= topLevelItems(text);
      const slice = items?.slice(at[0]);
      if (!slice) return null;
      const pos = locateIn(slice.text, slice.inList ? [0, ...at.slice(1)] : at.slice(1), atKey);
      return pos && { line: pos.line + slice.line, col: pos.col };
    }
    if (!whole) {
      const lc = new LineCounter();
      whole = { doc: parseDocument(text, { lineCounter: lc, schema: 'core', uniqueKeys: false }), lc };
    }
    return find(whole.doc.contents as Node | null, at, atKey, whole.lc);
  };
}

function locateIn(text: string, at: DocPath, atKey: boolean): Pos | null {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, schema: 'core', uniqueKeys: false });
  return find(doc.contents as Node | null, at, atKey, lc);
}

/** Walks the path as far as it exists; the deepest node reached is where we point. */
function find(root: Node | null, at: DocPath, atKey: boolean, lc: LineCounter): Pos | null {
  let node: Node | null = root;
  let keyNode: Node | null = null;
  for (let depth = 0; depth < at.length && node; depth++) {
    const step = at[depth];
    let next: Node | null = null;
    keyNode = null;
    if (isSeq(node) && typeof step === 'number') next = (node.items[step] as Node) ?? null;
    else if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (pair) {
        next = (pair.value as Node) ?? (pair.key as Node);
        keyNode = pair.key as Node;
      }
    }
    if (!next) break;
    node = next;
  }
  const target = atKey && keyNode ? keyNode : node;
  const offset = target?.range?.[0];
  if (offset === undefined) return null;
  const p = lc.linePos(offset);
  return { line: p.line, col: p.col };
}

export interface TopLevelItems {
  /** Offsets where the records start, in order. */
  starts: number[];
  /**
   * Record n as a text of its own that keeps its lines' columns, and the 0-based line it starts
   * on; `inList`: the text is still a one-record list (a block list), else the record itself.
   */
  slice(n: number): { text: string; line: number; inList: boolean } | null;
  /** The record whose text holds `offset`, or -1. */
  itemAt(offset: number): number;
}

/**
 * The records of a file whose document is a list: a block list (`- ` at the same indentation on
 * every record) or a flow list (`[ {…}, {…} ]`, as JSON is written). Null for anything else.
 * One pass over the text; afterwards each record is found by its number.
 */
export function topLevelItems(text: string): TopLevelItems | null {
  // The first line that is not blank, a comment, a directive or a document start.
  let pos = 0;
  let line = 0;
  for (;;) {
    if (pos >= text.length) return null;
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    let k = pos;
    while (k < end && (text[k] === ' ' || text[k] === '\t')) k++;
    const c = text[k];
    const skip = k === end || c === '\r' || c === '#' || (k === pos && c === '%') || (k === pos && /^---(?:[ \t\r]|$)/.test(text.slice(pos, Math.min(end, pos + 4))));
    if (!skip) break;
    if (nl < 0) return null;
    pos = nl + 1;
    line++;
  }
  let ind = 0;
  while (text[pos + ind] === ' ') ind++;
  const c = text[pos + ind];
  if (c === '-' && isBlank(text[pos + ind + 1])) return blockItems(text, pos, line, ind);
  if (c === '[') return flowItems(text, pos + ind, line);
  return null;
}

function isBlank(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

/** Records of a block list: lines with exactly `ind` spaces, then "- " (or a lone "-"). */
function blockItems(text: string, from: number, fromLine: number, ind: number): TopLevelItems {
  const starts: number[] = [];
  const lines: number[] = [];
  let pos = from;
  let line = fromLine;
  while (pos < text.length) {
    let k = 0;
    while (k < ind && text[pos + k] === ' ') k++;
    if (k === ind && text[pos + ind] === '-' && isBlank(text[pos + ind + 1])) {
      starts.push(pos);
      lines.push(line);
    }
    const nl = text.indexOf('\n', pos);
    if (nl < 0) break;
    pos = nl + 1;
    line++;
  }
  return {
    starts,
    slice: (n) => (n >= 0 && n < starts.length ? { text: text.slice(starts[n]!, starts[n + 1] ?? text.length), line: lines[n]!, inList: true } : null),
    itemAt: (offset) => lastAtOrBefore(starts, offset),
  };
}

/**
 * Records of a flow list opening at `open`: split at the commas outside quotes and brackets.
 * Quotes only open a quoted scalar where one can start (after [ { , : or a space); inside a plain
 * scalar (O'Donnell, Toko "Maju") they are text.
 */
function flowItems(text: string, open: number, openLine: number): TopLevelItems | null {
  const starts: number[] = [];
  const ends: number[] = [];
  const lines: number[] = [];
  let depth = 0;
  let line = openLine;
  let itemStart = -1;
  let prev = ' ';
  const begin = (i: number) => {
    if (itemStart < 0 && depth === 1) {
      itemStart = i;
      starts.push(i);
      lines.push(line);
    }
  };
  const finish = (i: number) => {
    if (itemStart >= 0) ends.push(i);
    itemStart = -1;
  };
  let i = open;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      prev = ' ';
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      prev = ' ';
      continue;
    }
    if (c === '#' && prev === ' ') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl - 1;
      continue;
    }
    if ((c === '"' || c === "'") && ' [{,:'.includes(prev)) {
      if (depth === 1) begin(i);
      // To the closing quote: "" escapes with \, '' doubles.
      let j = i + 1;
      for (; j < text.length; j++) {
        const q = text[j];
        if (q === '\n') line++;
        else if (c === '"' && q === '\\') j++;
        else if (q === c) {
          if (c === "'" && text[j + 1] === "'") j++;
          else break;
        }
      }
      i = j;
      prev = c;
      continue;
    }
    if (c === '[' || c === '{') {
      if (depth === 1) begin(i);
      depth++;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        finish(i);
        break;
      }
    } else if (c === ',' && depth === 1) finish(i);
    else if (depth === 1) begin(i);
    prev = c;
  }
  if (depth !== 0) return null;
  return {
    starts,
    slice: (n) => {
      if (n < 0 || n >= starts.length) return null;
      const start = starts[n]!;
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      return { text: ' '.repeat(start - lineStart) + text.slice(start, ends[n]), line: lines[n]!, inList: false };
    },
    itemAt: (offset) => {
      const k = lastAtOrBefore(starts, offset);
      return k >= 0 && offset < ends[k]! ? k : -1;
    },
  };
}

/** The index of the last element <= x in a sorted list, or -1. */
function lastAtOrBefore(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
