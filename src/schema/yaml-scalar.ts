/**
 * The YAML 1.2 core schema's rules for plain scalars, in one place: what a plain scalar resolves
 * to (null, a boolean, an integer, a float, or else a string), exactly as js-yaml's CORE_SCHEMA
 * resolves it, and when a string must be quoted to be read back as the same string.
 *
 * Read by the fast scanner (load/fast-yaml.ts: its keywords and reserved keys), the canonical
 * reader (ingest/canonical-reader.ts: the words it must not take for text), fmt
 * (format/comment-notes.ts: the value of a plain key) and the writer (format/to-yaml.ts: plain or
 * quoted). test/schema/yaml-scalar.test.ts holds it to js-yaml.
 *
 * js-yaml 4 resolves, in this order (lib/type/null.js, bool.js, int.js, float.js):
 * - null: `~`, `null`, `Null`, `NULL` (and an empty value);
 * - bool: `true`, `True`, `TRUE`, `false`, `False`, `FALSE`;
 * - int: `[-+]?` then `0`, `0b[01]+`, `0x[0-9a-fA-F]+`, `0o[0-7]+` or decimal digits (a leading
 *   zero allowed: `010` is 10), when the value is finite;
 * - float: `[-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?`, `\.[0-9]+([eE][-+]?[0-9]+)?` (no sign),
 *   when finite; `[-+]?.inf` in three spellings, `.nan` in three spellings.
 */

/** The words that are null, true or false: one of them is never a string when plain. */
export const KEYWORD_VALUES: ReadonlyMap<string, null | boolean> = new Map<string, null | boolean>([
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);

/** Whether a plain `word` is null, true or false rather than a string (`~` included). */
export function isKeyword(word: string): boolean {
  return word === '~' || KEYWORD_VALUES.has(word);
}

const INT = /^[-+]?(?:0|0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+)$/;
const FLOAT = /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The value of an integer `text` that INT matched (js-yaml's parseYamlInteger). */
function intValue(text: string): number {
  const sign = text[0] === '-' ? -1 : 1;
  const v = text[0] === '-' || text[0] === '+' ? text.slice(1) : text;
  if (v === '0') return 0;
  const base = v[1] === 'b' ? 2 : v[1] === 'x' ? 16 : v[1] === 'o' ? 8 : 10;
  return sign * parseInt(base === 10 ? v : v.slice(2), base);
}

/** The value of a float `text` that FLOAT matched (js-yaml's constructYamlFloat). */
function floatValue(text: string): number {
  const lower = text.toLowerCase();
  const sign = lower[0] === '-' ? -1 : 1;
  const v = lower[0] === '-' || lower[0] === '+' ? lower.slice(1) : lower;
  if (v === '.inf') return sign * Infinity;
  if (v === '.nan') return NaN;
  return sign * parseFloat(v);
}

/**
 * What the plain scalar `text` (as written, trimmed) is in the core schema: null, a boolean, a
 * number, or the text itself.
 */
export function resolvePlainScalar(text: string): unknown {
  if (text === '' || text === '~') return null;
  const k = KEYWORD_VALUES.get(text);
  if (k !== undefined) return k;
  const c = text.charCodeAt(0);
  // Every number starts with a digit, a sign or a dot.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return text;
  if (INT.test(text)) {
    const v = intValue(text);
    if (Number.isFinite(v)) return v;
  }
  if (FLOAT.test(text)) {
    const v = floatValue(text);
    if (Number.isFinite(v) || /inf|nan/i.test(text)) return v;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Writing: plain or quoted

// Plain scalars the core schema resolves to something other than a string. A superset of the
// YAML 1.2 core schema and of js-yaml's CORE_SCHEMA (which also reads 0b101 and .5e3).
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:[0-9]+|0b[01]+|0o[0-7]+|0x[0-9a-fA-F]+)|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
// Indicator characters that may not start a plain scalar (plus whitespace).
const BAD_START = /^[\s\-?:,[\]{}#&*!|>'"%@`]/;
// Anything a plain scalar may not contain: ": ", " #", a trailing ":" or space, control and
// non-printable characters, line separators, lone surrogates.
const BAD_INSIDE =
  /: |:$| #|\s$|^\.\.\.|[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;
// In flow collections these end or split a plain scalar; ":" is refused there to stay safe
// with every parser.
const BAD_IN_FLOW = /[,[\]{}:]/;

// Fast path for the common case (ids, names, dates), by character class: 1 letter, 2 digit,
// 4 other characters that are harmless anywhere but at the start or end (space . _ / ( ) -).
const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CHAR_CLASS[c] = /[A-Za-z]/.test(ch) ? 1 : /[0-9]/.test(ch) ? 2 : /[ ._/()-]/.test(ch) ? 4 : 0;
}
const SIMPLE_DATE = /^\d{4}-\d\d-\d\d(?:T\d\d:\d\d)?$/;

/** Letters first, then letters, digits and harmless punctuation, not ending in a space. */
function isSimpleWords(s: string): boolean {
  if (s.length === 0 || CHAR_CLASS[s.charCodeAt(0)] !== 1) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || CHAR_CLASS[c] === 0) return false;
  }
  return s.charCodeAt(s.length - 1) !== 32;
}

/**
 * Whether `s` may be written as a plain scalar (in a flow collection when `flow`) and read back
 * as the same string; otherwise the writer quotes it.
 */
export function isPlainSafe(s: string, flow: boolean): boolean {
  if (isSimpleWords(s)) return s.length > 5 || !KEYWORD_VALUES.has(s);
  if (SIMPLE_DATE.test(s)) return !flow || s.length === 10;
  if (s === '' || BAD_START.test(s) || BAD_INSIDE.test(s) || NOT_A_STRING.test(s)) return false;
  return !(flow && BAD_IN_FLOW.test(s));
}
