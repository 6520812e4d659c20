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
import type { Lead } from '../schema/leads.ts';
import type { Order, OrderLine } from '../schema/orders.ts';
import type { Survey } from '../schema/surveys.ts';

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
  if (typeof v !== 'object' || v === null || isProxy(v)) return false;
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

// ---------------------------------------------------------------------------------------------
// orders

const L_SKU = 1;
const L_QTY = 2;
const L_PRICE = 4;
const L_DISCOUNT = 8;
const L_KIND = 16;

/** One order line, defaults filled, or null. */
function fastLine(raw: unknown): OrderLine | null {
  if (!isPlain(raw)) return null;
  const o = raw;
  let seen = 0;
  for (const k in o) {
    switch (k) {
      case 'sku': seen |= L_SKU; break;
      case 'qty': seen |= L_QTY; break;
      case 'price': seen |= L_PRICE; break;
      case 'discount': seen |= L_DISCOUNT; break;
      case 'kind': seen |= L_KIND; break;
      default: return null;
    }
    if (!isDataProperty(o, k)) return null;
  }
  const sku = o.sku;
  const qty = o.qty;
  const price = o.price;
  if (!isId(sku) || !isQuantity(qty) || !isAmount(price)) return null;
  let defined = L_SKU | L_QTY | L_PRICE;
  const discountRaw = o.discount;
  let discount = 0;
  if (discountRaw === undefined) {
    if ('discount' in o) return null;
  } else if (isFraction(discountRaw)) {
    discount = discountRaw;
    defined |= L_DISCOUNT;
  } else return null;
  const kindRaw = o.kind;
  let kind: OrderLine['kind'] = 'regular';
  if (kindRaw === undefined) {
    if ('kind' in o) return null;
  } else if (kindRaw === 'regular' || kindRaw === 'cross-sell' || kindRaw === 'up-sell') {
    kind = kindRaw;
    defined |= L_KIND;
  } else return null;
  if (seen !== defined) return null;
  return { sku, qty, price, discount, kind };
}

const O_ID = 1;
const O_DATE = 2;
const O_CUSTOMER = 4;
const O_REP = 8;
const O_LINES = 16;
const O_NOTE = 32;

/** An order (orderSchema): checked, line defaults filled, or null when zod must decide. */
export function fastOrder(raw: unknown): Order | null {
  if (!isPlain(raw)) return null;
  const o = raw;
  let seen = 0;
  for (const k in o) {
    switch (k) {
      case 'id': seen |= O_ID; break;
      case 'date': seen |= O_DATE; break;
      case 'customer': seen |= O_CUSTOMER; break;
      case 'rep': seen |= O_REP; break;
      case 'lines': seen |= O_LINES; break;
      case 'note': seen |= O_NOTE; break;
      default: return null;
    }
    if (!isDataProperty(o, k)) return null;
  }
  const id = o.id;
  const date = o.date;
  const customer = o.customer;
  const rep = o.rep;
  if (!isId(id) || !isDateValue(date) || !isId(customer) || !isId(rep)) return null;
  let defined = O_ID | O_DATE | O_CUSTOMER | O_REP | O_LINES;

  // A real array (not a proxy, not a subclass) of at least one line, without holes or getters.
  const lines = o.lines;
  if (!Array.isArray(lines) || isProxy(lines) || getProto(lines) !== ARRAY_PROTO) return null;
  const n = lines.length;
  if (n === 0) return null;
  const outLines = new Array<OrderLine>(n);
  for (let i = 0; i < n; i++) {
    if (!isDataProperty(lines, i)) return null;
    const line = fastLine(lines[i]);
    if (line === null) return null;
    outLines[i] = line;
  }

  const noteRaw = o.note;
  let note: string | undefined;
  if (noteRaw === undefined) {
    if ('note' in o) return null;
  } else {
    const t = textValue(noteRaw);
    if (t === null) return null;
    note = t;
    defined |= O_NOTE;
  }
  if (seen !== defined) return null;
  const out: Order = { id, date, customer, rep, lines: outLines };
  if (note !== undefined) out.note = note;
  return out;
}

// ---------------------------------------------------------------------------------------------
// leads

const D_ID = 1;
const D_CREATED = 2;
const D_NAME = 4;
const D_SOURCE = 8;
const D_REP = 16;
const D_REGION = 32;
const D_SEGMENT = 64;

/** A lead (leadSchema), or null when zod must decide. */
export function fastLead(raw: unknown): Lead | null {
  if (!isPlain(raw)) return null;
  const o = raw;
  let seen = 0;
  for (const k in o) {
    switch (k) {
      case 'id': seen |= D_ID; break;
      case 'created': seen |= D_CREATED; break;
      case 'name': seen |= D_NAME; break;
      case 'source': seen |= D_SOURCE; break;
      case 'rep': seen |= D_REP; break;
      case 'region': seen |= D_REGION; break;
      case 'segment': seen |= D_SEGMENT; break;
      default: return null;
    }
    if (!isDataProperty(o, k)) return null;
  }
  const id = o.id;
  const created = o.created;
  const source = o.source;
  const rep = o.rep;
  const region = o.region;
  if (!isId(id) || !isDateTimeValue(created) || !isId(source) || !isId(rep) || !isId(region)) return null;
  let defined = D_ID | D_CREATED | D_SOURCE | D_REP | D_REGION;
  const nameRaw = o.name;
  let name: string | undefined;
  if (nameRaw === undefined) {
    if ('name' in o) return null;
  } else {
    const t = lineValue(nameRaw);
    if (t === null) return null;
    name = t;
    defined |= D_NAME;
  }
  const segment = o.segment;
  if (segment === undefined) {
    if ('segment' in o) return null;
  } else if (isId(segment)) defined |= D_SEGMENT;
  else return null;
  if (seen !== defined) return null;
  const out: Lead = name === undefined ? { id, created, source, rep, region } : { id, created, name, source, rep, region };
  if (segment !== undefined) out.segment = segment;
  return out;
}

// ---------------------------------------------------------------------------------------------
// activities

const A_ID = 1;
const A_AT = 2;
const A_TYPE = 4;
const A_REP = 8;
const A_LEAD = 16;
const A_CUSTOMER = 32;
const A_NOTE = 64;

/** An activity (activitySchema), or null when zod must decide. */
export function fastActivity(raw: unknown): Activity | null {
  if (!isPlain(raw)) return null;
  const o = raw;
  let seen = 0;
  for (const k in o) {
    switch (k) {
      case 'id': seen |= A_ID; break;
      case 'at': seen |= A_AT; break;
      case 'type': seen |= A_TYPE; break;
      case 'rep': seen |= A_REP; break;
      case 'lead': seen |= A_LEAD; break;
      case 'customer': seen |= A_CUSTOMER; break;
      case 'note': seen |= A_NOTE; break;
      default: return null;
    }
    if (!isDataProperty(o, k)) return null;
  }
  const id = o.id;
  const at = o.at;
  const type = o.type;
  const rep = o.rep;
  if (!isId(id) || !isDateTimeValue(at) || !isId(rep)) return null;
  if (type !== 'contact' && type !== 'follow-up' && type !== 'meeting' && type !== 'won' && type !== 'lost') return null;
  let defined = A_ID | A_AT | A_TYPE | A_REP;
  const lead = o.lead;
  if (lead === undefined) {
    if ('lead' in o) return null;
  } else if (isId(lead)) defined |= A_LEAD;
  else return null;
  const customer = o.customer;
  if (customer === undefined) {
    if ('customer' in o) return null;
  } else if (isId(customer)) defined |= A_CUSTOMER;
  else return null;
  const noteRaw = o.note;
  let note: string | undefined;
  if (noteRaw === undefined) {
    if ('note' in o) return null;
  } else {
    const t = textValue(noteRaw);
    if (t === null) return null;
    note = t;
    defined |= A_NOTE;
  }
  if (seen !== defined) return null;
  const out: Activity = { id, at, type, rep };
  if (lead !== undefined) out.lead = lead;
  if (customer !== undefined) out.customer = customer;
  if (note !== undefined) out.note = note;
  return out;
}

// ---------------------------------------------------------------------------------------------
// surveys

const S_ID = 1;
const S_DATE = 2;
const S_CUSTOMER = 4;
const S_SCORE = 8;
const S_COMMENT = 16;

/** A survey response (surveySchema), or null when zod must decide. */
export function fastSurvey(raw: unknown): Survey | null {
  if (!isPlain(raw)) return null;
  const o = raw;
  let seen = 0;
  for (const k in o) {
    switch (k) {
      case 'id': seen |= S_ID; break;
      case 'date': seen |= S_DATE; break;
      case 'customer': seen |= S_CUSTOMER; break;
      case 'score': seen |= S_SCORE; break;
      case 'comment': seen |= S_COMMENT; break;
      default: return null;
    }
    if (!isDataProperty(o, k)) return null;
  }
  const id = o.id;
  const date = o.date;
  const customer = o.customer;
  const score = o.score;
  if (!isId(id) || !isDateValue(date) || !isId(customer)) return null;
  if (score !== 1 && score !== 2 && score !== 3 && score !== 4 && score !== 5) return null;
  let defined = S_ID | S_DATE | S_CUSTOMER | S_SCORE;
  const commentRaw = o.comment;
  let comment: string | undefined;
  if (commentRaw === undefined) {
    if ('comment' in o) return null;
  } else {
    const t = textValue(commentRaw);
    if (t === null) return null;
    comment = t;
    defined |= S_COMMENT;
  }
  if (seen !== defined) return null;
  const out: Survey = { id, date, customer, score };
  if (comment !== undefined) out.comment = comment;
  return out;
}

/** The fast check for each month-file kind. */
export const FAST_CHECK = {
  orders: fastOrder,
  leads: fastLead,
  activities: fastActivity,
  surveys: fastSurvey,
} as const;
