/**
 * YAML text to plain data. js-yaml is the fast path (about 10x the `yaml` package); exact
 * positions of problems are recovered afterwards by the locator, only for files with problems.
 *
 * The YAML 1.2 core schema keeps dates as strings (we check them ourselves) and has no merge
 * keys or custom tags. Anchors and aliases are refused: data files have no use for them, and a
 * billion-laughs file would otherwise expand exponentially when walked.
 */
import yaml from 'js-yaml';
import { isAlias, isNode, LineCounter, parseDocument, visit } from 'yaml';
import { lineBreaksAsLf, topLevelItems, WHOLE_FILE_LIMIT } from './locate.ts';
import { scanRecordList } from './fast-yaml.ts';
import { formatPath, issue, type DocPath, type PendingIssue } from '../issues/issue.ts';

export const MAX_DEPTH = 32;

export interface Parsed {
  value: unknown;
  issues: PendingIssue[];
}

// Could hold an anchor (&a) or alias (*a) token: one after a line start, space, or flow
// punctuation. Also true of plain text such as "Bookcase, *Special Order" or "Toko &Co": only
// the parser itself tells (below).
const ANCHOR_OR_ALIAS = /(?:^|[\s,[{:-])[&*][^\s,[\]{}]/;

export function parseYaml(text: string, file: string): Parsed {
  // The canonical layout of month files is read by a fast scanner, which gives up on every
  // anchor, alias and scalar starting with & or * (fast-yaml.ts): what it reads has none.
  const fast = scanRecordList(text);
  if (fast !== undefined) return { value: fast, issues: [] };
  // Anything else goes to js-yaml. A text that may hold an anchor is read with a listener that
  // keeps js-yaml's state, whose anchor table then says whether the document defined any: an
  // alias needs an anchor before it (js-yaml refuses it otherwise), so no anchor, no alias, and
  // "*Special Order" inside a product name costs nothing. Only a document that does hold one is
  // parsed again (findAlias), to point at it.
  const candidate = ANCHOR_OR_ALIAS.test(text);
  let state: { anchorMap?: object } | undefined;
  const options = { schema: yaml.CORE_SCHEMA, filename: file, maxDepth: MAX_DEPTH, ...(candidate ? { listener: (_event: string, s: { anchorMap?: object }) => void (state = s) } : {}) };
  let value: unknown;
  try {
    value = yaml.load(text, options as yaml.LoadOptions);
  } catch (e) {
    // A document with an anchor or alias is refused as such, whatever else is wrong with it.
    const alias = candidate ? findAlias(text, file) : null;
    return { value: undefined, issues: [alias ?? syntaxIssue(e, file, text)] };
  }
  if (state?.anchorMap && Object.keys(state.anchorMap).length > 0) return { value: undefined, issues: [findAlias(text, file) ?? aliasIssue(file, 0, 0)] };
  return { value, issues: [] };
}

/**
 * Every `__proto__` key in a parsed document. zod's records and catch-alls drop such keys without
 * a word (assigning one would replace an object's prototype), so where a schema has free-form keys
 * (KPI filters, import mappings) a `__proto__` filter or rename would be silently ignored: it is
 * reported instead.
 */
export function protoKeys(value: unknown, file: string): PendingIssue[] {
  const out: PendingIssue[] = [];
  const walk = (v: unknown, at: DocPath) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        const path = [...at, key];
        if (key === '__proto__') out.push({ ...issue(file, path, 'reserved-key', `${formatPath(path)}: "__proto__" cannot be used as a name`, 'remove it, or use the name you meant'), atKey: true });
        else walk((v as Record<string, unknown>)[key], path);
      }
    }
  };
  walk(value, []);
  return out;
}

/**
 * The first anchor or alias, confirmed by a real parse (the quick test also matches inside quotes
 * and in text like "Toko &Co"). A big file is not parsed whole (the `yaml` package needs about 100
 * bytes of memory per byte): only the records that hold a candidate are, each on its own.
 */
function findAlias(raw: string, file: string): PendingIssue | null {
  const text = lineBreaksAsLf(raw);
  const items = text.length > WHOLE_FILE_LIMIT ? topLevelItems(text) : null;
  let found: { line: number; col: number } | null = null;
  if (items) {
    const candidates = new RegExp(ANCHOR_OR_ALIAS.source, 'g');
    let last = -2;
    for (let m = candidates.exec(text); m && !found; m = candidates.exec(text)) {
      const k = items.itemAt(m.index + m[0].length - 2);
      if (k === last) continue;
      last = k;
      const slice = k >= 0 ? items.slice(k) : null;
      const at = slice ? aliasIn(slice.text) : null;
      if (at) found = { line: at.line + slice!.line, col: at.col };
    }
  } else found = aliasIn(text);
  return found ? aliasIssue(file, found.line, found.col) : null;
}

function aliasIssue(file: string, line: number, column: number): PendingIssue {
  const out = issue(file, [], 'yaml-alias', 'YAML anchors and aliases (&name, *name) are not allowed in data files', 'write the values out in full');
  out.line = line;
  out.column = column;
  return out;
}

/** Line and column of the first alias or anchor (at its &name) in a YAML text. */
function aliasIn(text: string): { line: number; col: number } | null {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, schema: 'core', uniqueKeys: false });
  let offset = -1;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    }
    if (isNode(node) && node.anchor) {
      // The node's range starts at its value; the &name is written before it.
      const start = node.range?.[0] ?? 0;
      const at = text.lastIndexOf(`&${node.anchor}`, start);
      offset = at >= 0 ? at : start;
      return visit.BREAK;
    }
    return undefined;
  });
  return offset < 0 ? null : lc.linePos(offset);
}

function syntaxIssue(e: unknown, file: string, text: string): PendingIssue {
  const err = e as { reason?: string; message?: string; mark?: { line: number; column: number; position: number } };
  const reason = err.reason ?? err.message ?? String(e);
  let message = `YAML syntax error: ${reason}`;
  let line = err.mark ? err.mark.line + 1 : 0;
  let column = err.mark ? err.mark.column + 1 : 0;
  if (reason.includes('duplicated mapping key') && err.mark) {
    const key = /^\s*"?([^":\n]+)"?\s*:/.exec(text.slice(err.mark.position))?.[1]?.trim();
    if (key) message = `"${key}" appears twice in the same mapping`;
  }
  if (err.mark && err.mark.position >= text.length) {
    // js-yaml reads the text with a line end added: "end of the stream" is past the last line of a file without one.
    [line, column] = lineColumnAt(text, text.length);
  }
  if (reason.includes('non-printable') && err.mark) {
    // js-yaml marks the end of the scalar it was reading (for a file of one line, the line after it): point at the character.
    const at = nonPrintableBefore(text, err.mark.position);
    if (at >= 0) [line, column] = lineColumnAt(text, at);
  }
  if (reason.includes('single document')) {
    message = 'file holds more than one YAML document';
    const second = secondDocumentLine(text);
    if (second) [line, column] = [second, 1];
  }
  const out = issue(file, [], 'yaml-syntax', message, syntaxHint(reason));
  out.line = line;
  out.column = column;
  return out;
}

// The characters js-yaml refuses in a scalar (its PATTERN_NON_PRINTABLE, without the surrogate checks).
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;

/** The first non-printable character on the line of the last one before `end`, or -1. */
function nonPrintableBefore(text: string, end: number): number {
  let at = -1;
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (NON_PRINTABLE.test(text[i]!)) {
      at = i;
      break;
    }
  }
  if (at < 0) return -1;
  const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
  for (let i = lineStart; i < at; i++) if (NON_PRINTABLE.test(text[i]!)) return i;
  return at;
}

/** 1-based line and column of an offset; LF, CRLF and a lone CR end a line. */
function lineColumnAt(text: string, offset: number): [number, number] {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return [line, offset - start + 1];
}

/** The line of the "---" that starts a second document. */
function secondDocumentLine(text: string): number | null {
  const lines = text.split('\n');
  let content = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^---(\s|$)/.test(l)) {
      if (content) return i + 1;
    } else if (l.trim() && !l.trim().startsWith('#')) content = true;
  }
  return null;
}

function syntaxHint(reason: string): string {
  if (reason.includes('duplicated mapping key')) return 'each field may appear once per record; remove or rename the second one';
  if (reason.includes('maxDepth')) return `data files nest a few levels at most (limit ${MAX_DEPTH})`;
  if (reason.includes('single document')) return 'one document per file: remove the "---" separator and what follows, or move it to its own file';
  if (reason.includes('unknown tag')) return 'tags like !!binary or !foo are not used in data files; write plain values';
  if (reason.includes('non-printable')) return 'remove the control character (often pasted from another program along with the text)';
  if (reason.includes('tab characters')) return 'indent with spaces, not tabs';
  if (reason.includes('flow collection')) return 'a list or mapping opened with [ or { is not closed: check this line and the ones before for a missing ] or }';
  return 'check indentation and quoting on this line and the one before';
}
