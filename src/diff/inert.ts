/**
 * The one escaping function for the PR comment: every string that comes from the data (a KPI
 * title, a file name, a record id, a member's name, a lint's message) goes through `inert` before
 * it is written into markdown, whatever the place (table cell, list item, <code>). Pure.
 *
 * What GitHub would otherwise do with such a string, and what stops it:
 * - markdown and HTML (`*`, `_`, `[`, `|`, `<`, `&`, `$` math, …): a backslash or an HTML entity;
 * - a line break (LF, CR, NEL, LS, PS, VT, FF) or another control character: a space, so a string
 *   stays on its line and in its cell, and never ends a code span or a table row;
 * - `@name` mentions and `a@b.c` mail links, `#12`, `GH-12` and `owner/repo#12` references,
 *   `http://`, `https://` and `www.` links, 7+ hex digits taken for a commit: a zero-width joiner
 *   (U+200D) inside the pattern. GitHub links these after the markdown is parsed, on the text
 *   itself, so a backslash or an entity would not stop them (both are gone by then); an invisible
 *   character that breaks the pattern does;
 * - bidirectional controls (which can make text read backwards): removed;
 * - a very long string: cut at `max` characters with "…".
 */
const ZWJ = '\u200d';

export function inert(s: string, max = 200): string {
  let t = oneLine(s).replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '');
  if (t.length > max) t = t.slice(0, max - 1) + '…';
  return (
    t
      // Links and references GitHub finds in the rendered text.
      .replace(/@/g, `@${ZWJ}`)
      .replace(/#/g, `#${ZWJ}`)
      .replace(/\b(gh)-/gi, `$1${ZWJ}-`)
      .replace(/:\/\//g, `:${ZWJ}//`)
      .replace(/\b(www)\./gi, `$1${ZWJ}.`)
      .replace(/\b[0-9a-f]{7,}\b/gi, (run) => run.replace(/(.{6})(?=.)/g, `$1${ZWJ}`))
      // Markdown and HTML.
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_{}[\]|~!$]/g, (c) => `\\${c}`)
  );
}

/** Every line break and control character as a space: the string stays on one line. */
export function oneLine(s: string): string {
  return s.replace(/\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/** Data-derived text shown as code: `inert` inside <code>, which (unlike a backtick span) honours its escapes. */
export function codeOf(s: string, max?: number): string {
  return `<code>${inert(s, max)}</code>`;
}

/**
 * Lines shown verbatim in a fenced code block (validation problems): each on one line, inside a
 * fence longer than any run of backticks they hold, so nothing in them can close it. Text in a
 * code block is never linked or mentioned.
 */
export function fenceOf(lines: string[]): { open: string; lines: string[]; close: string } {
  const flat = lines.map(oneLine);
  const longest = Math.max(0, ...flat.map((l) => Math.max(0, ...[...l.matchAll(/`+/g)].map((m) => m[0].length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return { open: fence, lines: flat, close: fence };
}
