/**
 * Fast pre-filters for the four month-file record kinds (orders, leads, activities, surveys).
 *
 * zod stays the schema of record and writes every message. These checks only answer "is this
 * record plainly valid?", 4-6x faster than `safeParse` with `reportInput` (3-5x without), allocating
 * only the output (zod allocates 2-5 KB per record).
 * The contract is one-sided:
 *
 * - non-null: `schema.safeParse(raw)` succeeds and its `data` is `isDeepStrictEqual` to the
 *   returned value, with the same key order (schema order), defaults filled and text trimmed;
 * - null: nothing is claimed; the caller runs zod, which accepts or explains.
 *
 * So anything unusual returns null: a proxy, a prototype other than Object.prototype (or null),
 * an unknown key, a key present with the value undefined, an accessor property, a key that is
 * there but not enumerable, a hole in the lines list, and every value zod would reject.
 *
 * The output is always a fresh object (one per record, one per order line, plus the lines array),
 * built in schema order. Returning the input itself when it already is exactly zod's output was
 * measured too: it saves that allocation but needs an Object.getOwnPropertySymbols call per object
 * (isDeepStrictEqual compares symbol keys, zod drops them), which made it 15-25 % slower.
 */
import { types } from 'node:util';
import { AMOUNT_MAX, isDateTime, isLeapYear, LINE_BREAK, QTY_MAX } from '../schema/fields.ts';
import type { Activity } from '../schema/activities.ts';
import type { Customer, Ownership } from '../schema/customers.ts';
import type { Lead } from '../schema/leads.ts';
import type { Order, OrderLine } from '../schema/orders.ts';
import type { Survey } from '../schema/surveys.ts';
import { ACTIVITY_FIELDS, LEAD_FIELDS, ORDER_FIELDS, ORDER_LINE_FIELDS, SURVEY_FIELDS, type Field } from '../schema/record-fields.ts';

const isProxy = types.isProxy;
const getProto = Object.getPrototypeOf;
const hasOwn = Object.hasOwn;
// Annex B, in every engine Node runs on; typed here because lib.es5 leaves it out.
const lookupGetter = (Object.prototype as unknown as { __lookupGetter__(key: PropertyKey): unknown }).__lookupGetter__;
const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;

type Raw = Record<string, unknown>;

/** A plain record: an object, not an array or a proxy, whose prototype is Object.prototype or null. */
function isPlain(v: unknown): v is Raw {
  // An array whose prototype was swapped for Object.prototype is still an array to zod.
  if (typeof v !== 'object' || v === null || Array.isArray(v) || isProxy(v)) return false;
  const p = getProto(v);
  return p === OBJECT_PROTO || p === null;
}

/**
 * True when `key` is an own data property: not inherited, no getter. (A getter could answer zod
 * differently from this check; `__lookupGetter__` finds one without calling it or allocating a
 * descriptor. A setter without a getter reads as undefined, which every caller rejects.)
 */
function isDataProperty(o: object, key: PropertyKey): boolean {
  return hasOwn(o, key) && lookupGetter.call(o, key) === undefined;
}

// Character classes for ids: 1 = letter or digit (may start an id), 2 = '.', '_' or '-'.
const ID_CHAR = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ID_CHAR[c] = 1;
for (let c = 65; c <= 90; c++) ID_CHAR[c] = 1;
for (let c = 97; c <= 122; c++) ID_CHAR[c] = 1;
ID_CHAR[46] = ID_CHAR[95] = ID_CHAR[45] = 2;

/** The `id` field: /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/. */
function isId(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const n = v.length;
  if (n === 0 || n > 80) return false;
  let c = v.charCodeAt(0);
  if (c >= 128 || ID_CHAR[c] !== 1) return false;
  for (let i = 1; i < n; i++) {
    c = v.charCodeAt(i);
    if (c >= 128 || ID_CHAR[c] === 0) return false;
  }
  return true;
}

/** The digit at s[i] as a number, or -1 (only ASCII 0-9, as `\d` in a non-unicode regex). */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Two digits at s[i], s[i+1] as a number, or -1. */
function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

// Days per month (index 1-12) in a common year. fields.ts isCalendarDate builds this list on every
// call (about 100 bytes); the copy here keeps the check allocation-free. The test compares the two.
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD at the start of s (length not checked) naming a real day. */
function datePart(s: string): boolean {
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  const m = two(s, 5);
  const d = two(s, 8);
  if (y1 < 0 || y2 < 0 || m < 0 || d < 0) return false;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  if (d <= DAYS_IN_MONTH[m]!) return true;
  // Only February 29 is left to decide: fields.ts isLeapYear, as isCalendarDate asks it.
  return m === 2 && d === 29 && isLeapYear(y1 * 100 + y2);
}

/** The `date` field, exactly as fields.ts isDate: YYYY-MM-DD, a real calendar day. */
function isDateValue(v: unknown): v is string {
  return typeof v === 'string' && v.length === 10 && datePart(v);
}

/**
 * The `dateTime` field. The usual YYYY-MM-DDTHH:MM (or with a space for the T) is checked by
 * hand; every other form (seconds, fractions, offsets, anything invalid) goes to fields.ts
 * isDateTime, the very function zod's refinement calls.
 */
function isDateTimeValue(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const sep = v.charCodeAt(10);
  if (v.length === 16 && (sep === 84 /* T */ || sep === 32) && v.charCodeAt(13) === 58 /* : */) {
    const h = two(v, 11);
    const mi = two(v, 14);
    return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && datePart(v);
  }
  return isDateTime(v);
}

/**
 * The `text` field: a string, trimmed (String.prototype.trim, as zod's .trim()), then 1 to 500
 * UTF-16 units. Returns the trimmed text, or null. (zod counts code points, so it also takes up to
 * 1000 units of astral characters; those go to zod.)
 */
function textValue(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t.length >= 1 && t.length <= 500 ? t : null;
}

/**
 * The `text` field (names): as textValue, and without a line break inside (fields.ts LINE_BREAK).
 * Notes and comments are `freeText`: textValue alone.
 */
function lineValue(v: unknown): string | null {
  const t = textValue(v);
  return t === null || LINE_BREAK.test(t) ? null : t;
}

/** An amount: a number from 0 to AMOUNT_MAX (-0 included and kept, as zod keeps it; NaN fails both). */
function isAmount(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v <= AMOUNT_MAX;
}

/** The `quantity` field: an integer from 1 to QTY_MAX (below 2^53, so z.int() accepts it). */
function isQuantity(v: unknown): v is number {
  return typeof v === 'number' && v > 0 && v <= QTY_MAX && Math.floor(v) === v;
}

/** A fraction 0..1 (-0 included and kept). */
function isFraction(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v <= 1;
}

// How each check tells present from absent, as zod does. Every key gets a bit, in schema order.
// - `seen`: the keys for...in yields (zod's unknown-key loop). Each must be known and an own data
//   property (no getter, nothing inherited).
// - `defined`: the keys that read as a value (zod's `input[key]`). A key that reads undefined must
//   not be `in` the object: zod keeps a present-but-undefined optional key in its output, and a
//   getter that is not enumerable could answer differently the next time.
// - `seen === defined`, so what zod reads is exactly what for...in shows: nothing non-enumerable.
//
// The checks are compiled from the field tables (schema/record-fields.ts), the same tables the zod
// schemas are built from: a field added there is checked here too.

/** A failed check (every checked value, even null, is something else). */
const FAIL: unique symbol = Symbol('fail');

/** The check of one field type, as an expression over `v`: the value as zod outputs it (text trimmed), or FAIL. */
function checkOf(f: Field): string {
  switch (f.type) {
    case 'id':
    case 'ref':
      return 'isId(v) ? v : FAIL';
    case 'date':
      return 'isDateValue(v) ? v : FAIL';
    case 'date-time':
      return 'isDateTimeValue(v) ? v : FAIL';
    case 'amount':
      return 'isAmount(v) ? v : FAIL';
    case 'qty':
      return 'isQuantity(v) ? v : FAIL';
    case 'fraction':
      return 'isFraction(v) ? v : FAIL';
    case 'int':
      return `typeof v === 'number' && Number.isInteger(v) && v >= ${f.min} && v <= ${f.max} ? v : FAIL`;
    case 'enum':
      return `${f.values.map((x) => `v === ${JSON.stringify(x)}`).join(' || ')} ? v : FAIL`;
    case 'line':
      return 'lineValue(v) ?? FAIL';
    case 'text':
      return 'textValue(v) ?? FAIL';
    case 'lines':
      return 'linesValue(v)';
  }
}

/**
 * The check of a record of `table`: its source is written from the table and compiled once, so
 * that each field is read by its name and checked inline, as a hand-written check would (a loop
 * over the fields reading `o[name]` and calling a check per field measured twice as slow). The
 * source holds only the table's names, types and limits.
 */
function compile(table: readonly Field[]): (raw: unknown) => Raw | null {
  const keyCases = table.map((f, i) => `case ${JSON.stringify(f.name)}: seen |= ${1 << i}; break;`).join(' ');
  const fields = table.map((f, i) => {
    const key = JSON.stringify(f.name);
    const absent = f.required
      ? 'return null;'
      : `if (${key} in o) return null;${'default' in f && f.default !== undefined ? ` out[${key}] = ${JSON.stringify(f.default)};` : ''}`;
    return `v = o[${key}];
    if (v === undefined) { ${absent} }
    else { r = ${checkOf(f)}; if (r === FAIL) return null; out[${key}] = r; defined |= ${1 << i}; }`;
  });
  const body = `return function check(raw) {
    if (!isPlain(raw)) return null;
    const o = raw;
    let seen = 0;
    for (const k in o) {
      switch (k) { ${keyCases} default: return null; }
      if (!isDataProperty(o, k)) return null;
    }
    const out = {};
    let defined = 0;
    let v;
    let r;
    ${fields.join('\n    ')}
    return seen === defined ? out : null;
  };`;
  const helpers = { isPlain, isDataProperty, isId, isDateValue, isDateTimeValue, isAmount, isQuantity, isFraction, lineValue, textValue, linesValue, FAIL };
  return new Function(...Object.keys(helpers), body)(...Object.values(helpers)) as (raw: unknown) => Raw | null;
}

const LINE = compile(ORDER_LINE_FIELDS);

/** An order's lines: a real array (not a proxy, not a subclass) of at least one line, without holes or getters. */
function linesValue(lines: unknown): OrderLine[] | typeof FAIL {
  if (!Array.isArray(lines) || isProxy(lines) || getProto(lines) !== ARRAY_PROTO) return FAIL;
  const n = lines.length;
  if (n === 0) return FAIL;
  const out = new Array<OrderLine>(n);
  for (let i = 0; i < n; i++) {
    if (!isDataProperty(lines, i)) return FAIL;
    const line = LINE(lines[i]);
    if (line === null) return FAIL;
    out[i] = line as OrderLine;
  }
  return out;
}

const ORDER = compile(ORDER_FIELDS);
const LEAD = compile(LEAD_FIELDS);
const ACTIVITY = compile(ACTIVITY_FIELDS);
const SURVEY = compile(SURVEY_FIELDS);

/** An order (orderSchema): checked, line defaults filled, or null when zod must decide. */
export const fastOrder = ORDER as (raw: unknown) => Order | null;
/** A lead (leadSchema), or null when zod must decide. */
export const fastLead = LEAD as (raw: unknown) => Lead | null;
/** An activity (activitySchema), or null when zod must decide. */
export const fastActivity = ACTIVITY as (raw: unknown) => Activity | null;
/** A survey response (surveySchema), or null when zod must decide. */
export const fastSurvey = SURVEY as (raw: unknown) => Survey | null;

const CUSTOMER_KEYS: Record<string, number> = { id: 1, name: 2, region: 4, segment: 8, owner: 16, owners: 32, since: 64 };

/** An ownership entry ({ rep, from? }): its normalized form, or null. */
function ownershipValue(raw: unknown): Ownership | null {
  if (!isPlain(raw)) return null;
  let seen = 0;
  for (const k in raw) {
    if (k === 'rep') seen |= 1;
    else if (k === 'from') seen |= 2;
    else return null;
    if (!isDataProperty(raw, k)) return null;
  }
  const rep = raw.rep;
  const from = raw.from;
  if (!isId(rep)) return null;
  if (from === undefined) return seen === 1 ? { rep, from: null } : null;
  return seen === 3 && isDateValue(from) ? { rep, from } : null;
}

/**
 * A customer (customerSchema: `owner` or `owners` read into `owners`, which form the file used in
 * `ownersWrittenAs`), or null when zod must decide. customers.yaml holds every account, tens of
 * thousands in a large repository, and is read on every run: zod took most of its time.
 */
export function fastCustomer(raw: unknown): Customer | null {
  if (!isPlain(raw)) return null;
  let seen = 0;
  for (const k in raw) {
    const bit = CUSTOMER_KEYS[k];
    if (bit === undefined || !hasOwn(CUSTOMER_KEYS, k) || !isDataProperty(raw, k)) return null;
    seen |= bit;
  }
  const { id, region, segment, owner, owners, since } = raw;
  const name = lineValue(raw.name);
  if (!isId(id) || name === null || !isId(region) || !isId(segment)) return null;
  // Every key present reads as a value (a present key that reads undefined: zod decides).
  if (seen !== (1 | 2 | 4 | 8 | (owner !== undefined ? 16 : 0) | (owners !== undefined ? 32 : 0) | (since !== undefined ? 64 : 0))) return null;
  if (since !== undefined && !isDateValue(since)) return null;
  // Exactly one of owner and owners; after the first entry each names its first day, later than the one before.
  let list: Ownership[];
  if (owner !== undefined) {
    if (owners !== undefined || !isId(owner)) return null;
    list = [{ rep: owner, from: null }];
  } else {
    if (!Array.isArray(owners) || isProxy(owners) || getProto(owners) !== ARRAY_PROTO || owners.length === 0) return null;
    list = new Array<Ownership>(owners.length);
    for (let i = 0; i < owners.length; i++) {
      if (!isDataProperty(owners, i)) return null;
      const o = ownershipValue(owners[i]);
      if (o === null) return null;
      if (i > 0 && (o.from === null || (list[i - 1]!.from !== null && o.from <= list[i - 1]!.from!))) return null;
      list[i] = o;
    }
  }
  return { id, name, region, segment, ...(since !== undefined ? { since } : {}), owners: list, ownersWrittenAs: owner !== undefined ? 'owner' : 'owners' } as Customer;
}

/** The fast check for each month-file kind. */
export const FAST_CHECK = {
  orders: fastOrder,
  leads: fastLead,
  activities: fastActivity,
  surveys: fastSurvey,
} as const;
