/** A problem found in the input, as users see it: `file:line:column  message  (hint)`. */
export type Level = 'error' | 'warning';

export type DocPath = (string | number)[];

export interface Issue {
  level: Level;
  /** A stable name for the rule, for tools and tests. @example unknown-field */
  code: string;
  /** Path relative to the repository root. @example data/2026/03/orders.yaml */
  file: string;
  /** 1-based; 0 when the problem is the file as a whole. */
  line: number;
  /** 1-based; 0 when the problem is the file as a whole. */
  column: number;
  /** Where in the YAML document the problem sits; used to find line and column. */
  at: DocPath;
  /** Point at the key of `at` (an unknown field) rather than its value. */
  atKey?: boolean;
  /** What is wrong, starting with the field's path inside the record. */
  message: string;
  /** What to change. */
  hint?: string;
  /** Another place the problem involves (the first use of a duplicate id); named in the message. */
  related?: { file: string; at: DocPath; line?: number; column?: number };
}

/** An issue before its line and column are known (found from `at` by the locator). */
export type PendingIssue = Omit<Issue, 'line' | 'column'> & { line?: number; column?: number };

export function issue(
  file: string,
  at: DocPath,
  code: string,
  message: string,
  hint?: string,
  level: Level = 'error',
): PendingIssue {
  return { level, code, file, at, message, ...(hint ? { hint } : {}) };
}

/**
 * `into.push(...items)` for lists of any length: a spread passes every item as an argument, and
 * above about 100,000 of them (a rule that fails on every record of a big file) it throws.
 */
export function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

/** `lines[1].qty` from ['lines', 1, 'qty']. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${p}` : p;
  }
  return out;
}

/** Issues in reading order: by file, line, column, then message, so output is stable. */
export function sortIssues<T extends Issue>(issues: T[]): T[] {
  return issues.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

export function formatIssue(i: Issue): string {
  const where = i.line ? `${i.file}:${i.line}:${i.column}` : i.file;
  return `${where}  ${i.message}${i.hint ? `  (${i.hint})` : ''}`;
}

export function countByLevel(issues: Issue[]): Record<Level, number> {
  const counts = { error: 0, warning: 0 };
  for (const i of issues) counts[i.level]++;
  return counts;
}

/** A short human rendering of a value inside a message: strings quoted, long values cut. */
export function showValue(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = JSON.stringify(v);
  else if (v === null) s = 'nothing';
  else if (Array.isArray(v)) s = v.length ? `a list of ${v.length}` : 'an empty list';
  else if (typeof v === 'object') s = 'a mapping';
  else s = String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
