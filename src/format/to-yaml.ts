/**
 * The canonical YAML form of our data files, written without a YAML library so that the
 * output is byte-for-byte stable and a changed record shows in `git diff` as that record alone.
 *
 * - A top-level list is a block sequence whose records start with "- " at column 0.
 * - Keys come in the order the schema declares them (a `Layout`); unknown keys follow in
 *   their own order, so nothing is lost.
 * - Records are block mappings; a nested mapping with only scalar values (an order line, a
 *   holiday, a localized name) is one flow mapping `{ a: 1, b: x }` on one line, unless that
 *   line would be longer than 120 characters (long descriptions): then it is a block mapping.
 * - Lists of scalars are flow sequences `[mon, tue]`.
 * - Strings are plain when the YAML 1.2 core schema reads them back as the same string,
 *   otherwise double-quoted with JSON escapes.
 */

/** Key order and defaults of one kind of mapping, derived from its zod schema (see layout.ts). */
export interface Layout {
  /** Keys in the order the schema declares them. */
  keys: readonly string[];
  /** Per key, the layout of the nested mapping, or of the mappings in the nested list. */
  nested: Readonly<Record<string, Layout>>;
  /** The schema's defaults; with `omitDefaults`, a field equal to its default is left out. */
  defaults: Readonly<Record<string, unknown>>;
  omitDefaults?: boolean;
  /** Items of this kind are records: always block mappings, even when flat. */
  block?: boolean;
}

export interface ToYamlOptions {
  /** Comment lines written first, each prefixed with "# ". */
  header?: string;
}

type Mapping = Record<string, unknown>;

/** Longest line a flat mapping is written on in flow style. */
const MAX_FLOW_LINE = 120;

export function toYaml(value: unknown, layout?: Layout, options: ToYamlOptions = {}): string {
  if (Array.isArray(value)) return listToYaml(value, layout, options);
  const out = headerLines(options);
  if (isMapping(value)) {
    if (!writeMapping(out, value, layout, 0, '')) out.push('{}');
  } else {
    out.push(scalar(value, false));
  }
  return out.join('\n') + '\n';
}

/**
 * A top-level list of records. Takes any iterable, so that a big file's records can be made
 * one by one while writing and die young. Lines are joined in chunks as we go, for the same
 * reason: short-lived line strings are cheap to collect, a million kept to the end are not.
 */
export function listToYaml(records: Iterable<unknown>, layout?: Layout, options: ToYamlOptions = {}): string {
  const out = headerLines(options);
  const recordLayout: Layout = { ...(layout ?? { keys: [], nested: {}, defaults: {} }), block: true };
  const chunks: string[] = [];
  let empty = true;
  for (const item of records) {
    empty = false;
    writeSeqItem(out, item, recordLayout, 0);
    if (out.length > 2000) chunks.push(out.splice(0).join('\n'));
  }
  if (empty) out.push('[]');
  if (out.length) chunks.push(out.join('\n'));
  return chunks.join('\n') + '\n';
}

function headerLines(options: ToYamlOptions): string[] {
  const out: string[] = [];
  if (options.header) for (const line of options.header.split('\n')) out.push(line ? `# ${line}` : '#');
  return out;
}

function writeSeqItem(out: string[], item: unknown, layout: Layout | undefined, indent: number): void {
  const dash = dashOf(indent);
  if (isMapping(item)) {
    const line = !layout?.block && isFlat(item) ? dash + flowMapping(item, layout) : undefined;
    if (line !== undefined && line.length <= MAX_FLOW_LINE) out.push(line);
    else if (!writeMapping(out, item, layout, indent + 2, dash)) out.push(dash + '{}');
  } else if (Array.isArray(item)) {
    out.push(dash + flowValue(item, layout));
  } else {
    out.push(dash + scalar(item, false));
  }
}

/** Writes a block mapping; the first line starts with `first` (the "- " of a list item). Returns false if nothing was written. */
function writeMapping(out: string[], obj: Mapping, layout: Layout | undefined, indent: number, first: string): boolean {
  const rest = pad(indent);
  let prefix = first || rest;
  const keys = fieldsOf(obj, layout);
  for (const key of keys) {
    const v = obj[key];
    const child = layout?.nested[key];
    const head = headOf(prefix, key); // "prefix key: "
    prefix = rest;
    if (isMapping(v)) {
      const line = isFlat(v) ? head + flowMapping(v, child) : undefined;
      if (line !== undefined && line.length <= MAX_FLOW_LINE) out.push(line);
      else {
        out.push(head.slice(0, -1));
        if (!writeMapping(out, v, child, indent + 2, '')) out[out.length - 1] += ' {}';
      }
    } else if (Array.isArray(v)) {
      if (v.some(isMapping)) {
        out.push(head.slice(0, -1));
        for (const item of v) writeSeqItem(out, item, child, indent + 2);
      } else out.push(head + flowValue(v, child));
    } else {
      out.push(head + scalar(v, false));
    }
  }
  return keys.length > 0;
}

/** The fields to write: layout order first, then unknown keys; not undefined values nor (if asked) defaults. */
function fieldsOf(obj: Mapping, layout: Layout | undefined): string[] {
  let keys = Object.keys(obj);
  if (!layout) return present(keys, obj, undefined);
  // Records are usually built in layout order: check that in one pass, sort only if not.
  const order = layout.keys;
  let j = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    while (j < order.length && order[j] !== k) j++;
    if (j === order.length) {
      keys = [...order.filter((x) => Object.hasOwn(obj, x)), ...keys.filter((x) => !order.includes(x))];
      break;
    }
    j++;
  }
  return present(keys, obj, layout.omitDefaults ? layout.defaults : undefined);
}

/** Drops (in place) keys whose value is undefined or equal to its default. */
function present(keys: string[], obj: Mapping, defaults: Layout['defaults'] | undefined): string[] {
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = obj[k];
    if (v === undefined || (defaults && defaults[k] === v && Object.hasOwn(defaults, k))) continue;
    keys[n++] = k;
  }
  keys.length = n;
  return keys;
}

function flowValue(v: unknown, layout: Layout | undefined): string {
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i ? ', ' : '') + flowValue(v[i], layout);
    return s + ']';
  }
  if (isMapping(v)) return flowMapping(v, layout);
  return scalar(v, true);
}

function flowMapping(obj: Mapping, layout: Layout | undefined): string {
  const keys = fieldsOf(obj, layout);
  if (!keys.length) return '{}';
  let s = '{ ';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    s += (i ? ', ' : '') + headOf('{', k) + flowValue(obj[k], layout?.nested[k]);
  }
  return s + ' }';
}

function isMapping(v: unknown): v is Mapping {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A mapping whose values are all scalars: written as one flow mapping. */
function isFlat(obj: Mapping): boolean {
  for (const k in obj) {
    const v = obj[k];
    if (typeof v === 'object' && v !== null) return false;
  }
  return true;
}

const pads: string[] = [];
function pad(n: number): string {
  return (pads[n] ??= ' '.repeat(n));
}

const dashes: string[] = [];
function dashOf(n: number): string {
  return (dashes[n] ??= ' '.repeat(n) + '- ');
}

// Keys repeat on every record: remember how each is written after each line prefix.
// The prefix "{" stands for a key inside a flow mapping.
const heads = new Map<string, Map<string, string>>();
function headOf(prefix: string, key: string): string {
  let byKey = heads.get(prefix);
  if (!byKey) heads.set(prefix, (byKey = new Map()));
  let head = byKey.get(key);
  if (head === undefined) {
    head = (prefix === '{' ? scalar(key, true) : prefix + scalar(key, false)) + ': ';
    if (byKey.size < 10_000) byKey.set(key, head);
  }
  return head;
}

export function scalar(v: unknown, flow: boolean): string {
  switch (typeof v) {
    case 'string':
      return isPlainSafe(v, flow) ? v : quote(v);
    case 'number':
      return formatNumber(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return String(v);
    default:
      if (v === null) return 'null';
      throw new TypeError(`toYaml: cannot write a ${typeof v} value`);
  }
}

/** JS prints integers below 1e21 without an exponent, and every double so it reads back exactly. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Object.is(n, -0)) return '-0.0'; // "-0" reads back as an integer 0
  return String(n);
}

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
const RESERVED_WORDS = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** Letters first, then letters, digits and harmless punctuation, not ending in a space. */
function isSimpleWords(s: string): boolean {
  if (s.length === 0 || CHAR_CLASS[s.charCodeAt(0)] !== 1) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || CHAR_CLASS[c] === 0) return false;
  }
  return s.charCodeAt(s.length - 1) !== 32;
}

export function isPlainSafe(s: string, flow: boolean): boolean {
  if (isSimpleWords(s)) return s.length > 5 || !RESERVED_WORDS.test(s);
  if (SIMPLE_DATE.test(s)) return !flow || s.length === 10;
  if (s === '' || BAD_START.test(s) || BAD_INSIDE.test(s) || NOT_A_STRING.test(s)) return false;
  return !(flow && BAD_IN_FLOW.test(s));
}

// JSON.stringify leaves these raw; YAML wants them escaped (non-printable or line breaks).
const ESCAPE_MORE = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** Double-quoted: JSON escapes are valid YAML escapes. */
export function quote(s: string): string {
  return JSON.stringify(s).replace(ESCAPE_MORE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
