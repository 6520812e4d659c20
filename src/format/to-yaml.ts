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
 *   otherwise double-quoted with JSON escapes. Numbers are written without an exponent.
 * - Records of the kinds that are kept sorted (`Layout.sortBy`: month files by time then id,
 *   customers, team, products, targets) are written in that order.
 *
 * `capaian fmt` writes with the same functions, passing the comments it read (`Notes`) to be
 * written back beside the values they belong to; see format-file.ts.
 */

import { isPlainSafe } from '../schema/yaml-scalar.ts';

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
  /** A list of these items is kept sorted by these fields (compared as text), in this order. */
  sortBy?: readonly string[];
}

/**
 * Comments that go with a value, for `capaian fmt` (see format-file.ts): where each one is
 * written is a function of the node it belongs to, so that reading the output back attaches
 * it to the same node and formatting twice changes nothing. Comment texts are what follows "#".
 */
export interface Notes {
  /** Lines before a mapping entry's key line. */
  keyBefore?: string[];
  /**
   * Lines before the node: before the "- " of a list item; between "key:" and the first child
   * of a block value; before the key line when the value is written on that line.
   */
  before?: string[];
  /** At the end of the node's line (a scalar, a flow collection). */
  inline?: string;
  /** Lines after a block collection, at its own indentation. */
  after?: string[];
  /** The style the source used (flow or block); set only where that style is kept (KPI formulas). */
  flow?: boolean;
  /** Per key (mapping) or index (list). */
  children?: ReadonlyMap<string | number, Notes>;
}

export interface ToYamlOptions {
  /** Comment lines written first, each prefixed with "# ". */
  header?: string;
  /** Comments (and kept styles) to write with the value: `capaian fmt`. */
  notes?: Notes;
}

type Mapping = Record<string, unknown>;

/** Longest line a flat mapping is written on in flow style. */
const MAX_FLOW_LINE = 120;

export function toYaml(value: unknown, layout?: Layout, options: ToYamlOptions = {}): string {
  if (Array.isArray(value)) return listToYaml(value, layout, options);
  const out = headerLines(options);
  const notes = options.notes;
  if (isMapping(value)) {
    if (!writeMapping(out, value, layout, 0, '', notes)) out.push('{}');
  } else {
    comments(out, 0, notes?.before);
    out.push(scalar(value, false) + inlineOf(notes));
    comments(out, 0, notes?.after);
  }
  return out.join('\n') + '\n';
}

/**
 * A top-level list of records. Takes any iterable, so that a big file's records can be made
 * one by one while writing and die young. Lines are joined in chunks as we go, for the same
 * reason: short-lived line strings are cheap to collect, a million kept to the end are not.
 * With `layout.sortBy`, an array is written sorted; any other iterable must come sorted.
 */
export function listToYaml(records: Iterable<unknown>, layout?: Layout, options: ToYamlOptions = {}): string {
  const out = headerLines(options);
  const recordLayout: Layout = { ...(layout ?? { keys: [], nested: {}, defaults: {} }), block: true };
  let notes = options.notes;
  const sortBy = layout?.sortBy;
  let check: ((item: unknown) => void) | undefined;
  if (sortBy && Array.isArray(records)) [records, notes] = sortedWithNotes(records, notes, sortBy);
  else if (sortBy) check = sortedCheck(sortBy);
  comments(out, 0, notes?.before);
  const chunks: string[] = [];
  let i = 0;
  for (const item of records) {
    check?.(item);
    writeSeqItem(out, item, recordLayout, 0, notes?.children?.get(i));
    i++;
    if (out.length > 2000 && !notes) chunks.push(out.splice(0).join('\n'));
  }
  if (i === 0) out.push('[]' + inlineOf(notes));
  comments(out, 0, notes?.after);
  if (out.length) chunks.push(out.join('\n'));
  return chunks.join('\n') + '\n';
}

function headerLines(options: ToYamlOptions): string[] {
  const out: string[] = [];
  if (options.header) for (const line of options.header.split('\n')) out.push(line ? `# ${line}` : '#');
  return out;
}

/** Orders records by the given fields, compared as text (a missing field sorts first); stable. */
export function compareRecords(sortBy: readonly string[]): (a: unknown, b: unknown) => number {
  return (a, b) => {
    for (const key of sortBy) {
      const x = sortKeyOf(a, key);
      const y = sortKeyOf(b, key);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}

function sortKeyOf(record: unknown, key: string): string {
  if (!isMapping(record)) return '';
  const v = record[key];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/**
 * The items sorted (stably), with their notes moved along. Comments before the list's first
 * item belong to that item (they travel with it). Returns the inputs when nothing changes.
 */
function sortedWithNotes<T>(items: readonly T[], notes: Notes | undefined, sortBy: readonly string[]): [T[], Notes | undefined] {
  if (notes?.before && items.length) {
    const first = notes.children?.get(0);
    const children = new Map(notes.children);
    children.set(0, { ...first, before: [...notes.before, ...(first?.before ?? [])] });
    notes = { ...notes, before: undefined, children };
  }
  const compare = compareRecords(sortBy);
  let sorted = true;
  for (let i = 1; i < items.length && sorted; i++) sorted = compare(items[i - 1], items[i]) <= 0;
  if (sorted) return [items as T[], notes];
  const order = items.map((_, i) => i).sort((a, b) => compare(items[a], items[b]) || a - b);
  const children = notes?.children;
  if (!children) return [order.map((i) => items[i]!), notes];
  const moved = new Map<string | number, Notes>();
  order.forEach((from, to) => {
    const n = children.get(from);
    if (n) moved.set(to, n);
  });
  return [order.map((i) => items[i]!), { ...notes, children: moved }];
}

function sortedCheck(sortBy: readonly string[]): (item: unknown) => void {
  const compare = compareRecords(sortBy);
  let previous: unknown;
  let first = true;
  return (item) => {
    if (!first && compare(previous, item) > 0) throw new Error(`listToYaml: records must come sorted by ${sortBy.join(', ')}`);
    previous = item;
    first = false;
  };
}

/**
 * Comment lines at an indentation. Right after comment lines indented deeper they take that
 * indentation: a YAML reader gives a run of comment lines to one node, the one the first line
 * belongs to, so that is where they stand the next time anyway.
 */
function comments(out: string[], indent: number, lines: readonly string[] | undefined): void {
  if (!lines?.length) return;
  const last = out[out.length - 1];
  if (last !== undefined && last.length > indent && last[indent] === ' ') {
    const at = last.search(/\S/);
    if (last[at] === '#' && at > indent) indent = at;
  }
  for (const line of lines) out.push(pad(indent) + '#' + line);
}

function inlineOf(notes: Notes | undefined): string {
  return notes?.inline === undefined ? '' : ' #' + notes.inline;
}

/** Every comment inside a node written on one line (a flow collection), hoisted before that line. */
function innerComments(notes: Notes | undefined, into: string[] = []): string[] {
  if (notes?.children) {
    for (const n of notes.children.values()) {
      if (n.keyBefore) into.push(...n.keyBefore);
      if (n.before) into.push(...n.before);
      if (n.inline !== undefined) into.push(n.inline);
      innerComments(n, into);
      if (n.after) into.push(...n.after);
    }
  }
  return into;
}

/**
 * A node written on one line: its own comments before it (unless written already), the inner
 * ones hoisted, its inline one at the end, trailing ones after it. `at` is where the lines
 * before go (for the first entry of a list item: the "- "), `indent` where the lines after go.
 */
function oneLine(out: string[], line: string, at: number, indent: number, notes: Notes | undefined, ownBefore: boolean): void {
  if (notes) {
    if (ownBefore) comments(out, at, notes.before);
    comments(out, at, innerComments(notes));
  }
  out.push(line + inlineOf(notes));
  if (notes) comments(out, indent, notes.after);
}

/** Flow style for a mapping: as the source had it where the style is kept, else when flat (and not a record). */
function asFlowMapping(obj: Mapping, layout: Layout | undefined, notes: Notes | undefined): boolean {
  if (notes?.flow !== undefined && !layout?.keys.length) return notes.flow;
  return !layout?.block && isFlat(obj);
}

/** Flow style for a list: as the source had it where the style is kept, else when it holds no mapping. */
function flowList(list: unknown[], notes: Notes | undefined): boolean {
  if (notes?.flow !== undefined) return notes.flow || list.length === 0;
  return !list.some(isMapping);
}

function writeSeqItem(out: string[], item: unknown, layout: Layout | undefined, indent: number, notes?: Notes): void {
  const dash = dashOf(indent);
  if (notes) comments(out, indent, notes.before);
  if (isMapping(item)) {
    const line = asFlowMapping(item, layout, notes) ? dash + flowMapping(item, layout) : undefined;
    if (line !== undefined && line.length <= MAX_FLOW_LINE) oneLine(out, line, indent, indent, notes, false);
    else if (!writeMapping(out, item, layout, indent + 2, dash, notes && blockNotes(notes))) out.push(dash + '{}');
  } else if (Array.isArray(item)) {
    oneLine(out, dash + flowValue(item, layout), indent, indent, notes, false);
  } else {
    oneLine(out, dash + scalar(item, false), indent, indent, notes, false);
  }
}

/** A block collection has no line end of its own: a comment that stood at the end of its flow line follows it. */
function blockNotes(notes: Notes): Notes {
  if (notes.inline === undefined) return notes;
  return { ...notes, inline: undefined, after: [notes.inline, ...(notes.after ?? [])] };
}

/**
 * Writes a block mapping; the first line starts with `first` (the "- " of a list item). Returns
 * false if nothing was written. Comments before the first line of a list item go before its "- ".
 */
function writeMapping(out: string[], obj: Mapping, layout: Layout | undefined, indent: number, first: string, notes?: Notes): boolean {
  const rest = pad(indent);
  let prefix = first || rest;
  const keys = fieldsOf(obj, layout);
  const children = notes?.children;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const v = obj[key];
    const child = layout?.nested[key];
    const n = children?.get(key);
    const head = headOf(prefix, key); // "prefix key: "
    const at = i === 0 && first ? indent - 2 : indent; // where comments before this line go
    prefix = rest;
    if (n) comments(out, at, n.keyBefore);
    if (isMapping(v)) {
      const line = asFlowMapping(v, child, n) ? head + flowMapping(v, child) : undefined;
      if (line !== undefined && line.length <= MAX_FLOW_LINE) oneLine(out, line, at, indent, n, true);
      else {
        out.push(head.slice(0, -1));
        if (n) comments(out, indent + 2, n.inline === undefined ? n.before : [...(n.before ?? []), n.inline]);
        if (!writeMapping(out, v, child, indent + 2, '', n && { ...n, inline: undefined })) out[out.length - 1] += ' {}';
      }
    } else if (Array.isArray(v)) {
      if (!flowList(v, n)) {
        let items: unknown[] = v;
        let listNotes = n;
        if (child?.sortBy) [items, listNotes] = sortedWithNotes(v, n, child.sortBy);
        out.push(head.slice(0, -1));
        if (listNotes) comments(out, indent + 2, listNotes.inline === undefined ? listNotes.before : [...(listNotes.before ?? []), listNotes.inline]);
        const itemNotes = listNotes?.children;
        for (let j = 0; j < items.length; j++) writeSeqItem(out, items[j], child, indent + 2, itemNotes?.get(j));
        if (listNotes) comments(out, indent + 2, listNotes.after);
      } else oneLine(out, head + flowValue(v, child), at, indent, n, true);
    } else {
      oneLine(out, head + scalar(v, false), at, indent, n, true);
    }
  }
  if (notes) comments(out, indent, notes.after);
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

/**
 * The shortest digits that read back as the same double (what JS prints), written out without
 * an exponent: 1e21 is 1000000000000000000000 and 1e-7 is 0.0000001, the same decimal value.
 */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Object.is(n, -0)) return '-0.0'; // "-0" reads back as an integer 0
  const s = String(n);
  const e = s.indexOf('e');
  return e < 0 ? s : withoutExponent(s, e);
}

function withoutExponent(s: string, e: number): string {
  const sign = s[0] === '-' ? '-' : '';
  const mantissa = s.slice(sign.length, e);
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + Number(s.slice(e + 1));
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// Plain or quoted: the core schema's rules live in schema/yaml-scalar.ts.
export { isPlainSafe };

// JSON.stringify leaves these raw; YAML wants them escaped (non-printable or line breaks).
const ESCAPE_MORE = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** Double-quoted: JSON escapes are valid YAML escapes. */
export function quote(s: string): string {
  return JSON.stringify(s).replace(ESCAPE_MORE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
