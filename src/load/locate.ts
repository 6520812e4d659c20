/**
 * Finds the line and column of each issue from its document path. Uses the `yaml` package,
 * which keeps source positions (js-yaml, our fast parser, does not). It only runs on files that
 * have problems, and on big files it parses just the records concerned.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { DocPath, Issue, PendingIssue } from '../validate/issue.ts';

/** Above this size a file is located record by record instead of parsed whole. */
const WHOLE_FILE_LIMIT = 1_000_000;

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

/** A locator for one file; the whole-file parse happens once, on first use. */
function fileLocator(text: string): Locator {
  let whole: { doc: ReturnType<typeof parseDocument>; lc: LineCounter } | undefined;
  return (at, atKey) => {
    if (text.length > WHOLE_FILE_LIMIT && typeof at[0] === 'number') {
      const slice = recordSlice(text, at[0]);
      if (!slice) return null;
      const pos = locateIn(text.slice(slice.start, slice.end), [0, ...at.slice(1)], atKey);
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

/** The text of the n-th top-level record of a block list whose items start at column 0. */
function recordSlice(text: string, n: number): { start: number; end: number; line: number } | null {
  let count = -1;
  let start = -1;
  let startLine = 0;
  let line = 0;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    if (text[pos] === '-' && (pos + 1 === end || text[pos + 1] === ' ' || text[pos + 1] === '\r')) {
      count++;
      if (count === n) {
        start = pos;
        startLine = line;
      } else if (count === n + 1) return { start, end: pos, line: startLine };
    }
    if (nl === -1) break;
    pos = nl + 1;
    line++;
  }
  return start >= 0 ? { start, end: text.length, line: startLine } : null;
}
