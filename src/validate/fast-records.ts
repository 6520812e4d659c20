/**
 * Fast pre-filters for the four month-file record kinds (orders, leads, activities, surveys).
 *
 * zod stays the schema of record and writes every message. These checks only answer "is this
 * record plainly valid?", about 10x faster than `safeParse` and without its per-record garbage.
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
 * When the input already is exactly what zod would output (a plain object, keys in schema order,
 * text already trimmed, defaults present) it is returned as is, not copied; otherwise a fresh
 * object is built in schema order. A js-yaml survey, lead or activity is usually returned as is;
 * an order is rebuilt because its lines rarely spell out `discount` and `kind`.
 */
import { types } from 'node:util';
import { isDateTime, isLeapYear } from '../schema/fields.ts';
import type { Activity } from '../schema/activities.ts';
import type { Lead } from '../schema/leads.ts';
import type { Order, OrderLine } from '../schema/orders.ts';
import type { Survey } from '../schema/surveys.ts';

const isProxy = types.isProxy;
const getProto = Object.getPrototypeOf;
const hasOwn = Object.hasOwn;
// Annex B, in every engine Node runs on; typed here because lib.es5 leaves it out.
const lookupGetter = (Object.prototype as unknown as { __lookupGetter__(key: PropertyKey): unknown }).__lookupGetter__;
const getOwnSymbols = Object.getOwnPropertySymbols;
const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;

type Raw = Record<string, unknown>;

/**
 * A plain record: an object (not an array, not a proxy) whose prototype is Object.prototype or
 * null. Returns 1 for Object.prototype (the object may be returned as zod's output), 2 for null
 * (it may not: zod's output has Object.prototype), 0 for anything else.
 */
function plainKind(v: unknown): 0 | 1 | 2 {
  if (typeof v !== 'object' || v === null || isProxy(v)) return 0;
  const p = getProto(v);
  return p === OBJECT_PROTO ? 1 : p === null ? 2 : 0;
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

/** A finite number >= 0 (-0 included and kept, as zod keeps it). */
function isAmount(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v !== Infinity;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** z.int().positive(): a safe integer > 0. */
function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && v > 0 && v <= MAX_SAFE && Math.floor(v) === v;
}

/** A fraction 0..1 (-0 included and kept). */
function isFraction(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v <= 1;
}

// Each key's bit, in schema order. The key loops below build the mask of enumerable keys seen
// (own or inherited, as zod's for...in sees them); it must equal the mask of keys that read as a
// defined value, and every key that reads undefined must be absent (`in`), as zod tells absent
// from present-but-undefined.

// ---------------------------------------------------------------------------------------------
// orders

const L_SKU = 1;
const L_QTY = 2;
const L_PRICE = 4;
const L_DISCOUNT = 8;
const L_KIND = 16;

/** One order line, or null. */
function fastLine(raw: unknown): OrderLine | null {
  const plain = plainKind(raw);
  if (plain === 0) return null;
  const o = raw as Raw;
  let seen = 0;
  let ordered = plain === 1;
  let last = 0;
  for (const k in o) {
    let bit: number;
    switch (k) {
      case 'sku': bit = L_SKU; break;
      case 'qty': bit = L_QTY; break;
      case 'price': bit = L_PRICE; break;
      case 'discount': bit = L_DISCOUNT; break;
      case 'kind': bit = L_KIND; break;
      default: return null;
    }
    if (!isDataProperty(o, k)) return null;
    if (bit < last) ordered = false;
    last = bit;
    seen |= bit;
  }
  const sku = o.sku;
  const qty = o.qty;
  const price = o.price;
  let discount = o.discount;
  const kindRaw = o.kind;
  let kind: OrderLine['kind'];
  if (!isId(sku) || !isPositiveInt(qty) || !isAmount(price)) return null;
  let defined = L_SKU | L_QTY | L_PRICE;
  if (discount === undefined) {
    if ('discount' in o) return null;
    discount = 0;
    ordered = false;
  } else if (!isFraction(discount)) return null;
  else defined |= L_DISCOUNT;
  if (kindRaw === undefined) {
    if ('kind' in o) return null;
    kind = 'regular';
    ordered = false;
  } else if (kindRaw === 'regular' || kindRaw === 'cross-sell' || kindRaw === 'up-sell') {
    kind = kindRaw;
    defined |= L_KIND;
  } else return null;
  if (seen !== defined) return null;
  if (ordered && noSymbols(o)) return o as OrderLine;
  return { sku, qty, price, discount: discount as number, kind };
}

const O_ID = 1;
const O_DATE = 2;
const O_CUSTOMER = 4;
const O_REP = 8;
const O_LINES = 16;
const O_NOTE = 32;

/** An order (orderSchema): checked, defaults filled, or null when zod must decide. */
export function fastOrder(raw: unknown): Order | null {
  const plain = plainKind(raw);
  if (plain === 0) return null;
  const o = raw as Raw;
  let seen = 0;
  let ordered = plain === 1;
  let last = 0;
  for (const k in o) {
    let bit: number;
    switch (k) {
      case 'id': bit = O_ID; break;
      case 'date': bit = O_DATE; break;
      case 'customer': bit = O_CUSTOMER; break;
      case 'rep': bit = O_REP; break;
      case 'lines': bit = O_LINES; break;
      case 'note': bit = O_NOTE; break;
      default: return null;
    }
    if (!isDataProperty(o, k)) return null;
    if (bit < last) ordered = false;
    last = bit;
    seen |= bit;
  }
  // Every required key must be there; only `note` may be missing.
  if ((seen | O_NOTE) !== 63) return null;
  const id = o.id;
  const date = o.date;
  const customer = o.customer;
  const rep = o.rep;
  const lines = o.lines;
  if (!isId(id) || !isDateValue(date) || !isId(customer) || !isId(rep)) return null;

  if (!Array.isArray(lines) || isProxy(lines) || getProto(lines) !== ARRAY_PROTO) return null;
  const n = lines.length;
  if (n === 0) return null;
  // The lines are copied into a fresh array unless every one is returned as is.
  let outLines: OrderLine[] | null = null;
  for (let i = 0; i < n; i++) {
    if (!isDataProperty(lines, i)) return null; // a hole or an accessor
    const line = lines[i];
    const checked = fastLine(line);
    if (checked === null) return null;
    if (outLines === null && checked !== line) {
      outLines = new Array<OrderLine>(n);
      for (let j = 0; j < i; j++) outLines[j] = lines[j] as OrderLine;
    }
    if (outLines !== null) outLines[i] = checked;
  }
  // zod's output array has only the elements: extra own keys (lines.foo) mean a copy.
  if (outLines === null && !(hasOnlyElements(lines) && noSymbols(lines))) outLines = lines.slice() as OrderLine[];

  const noteRaw = o.note;
  let note: string | undefined;
  if (noteRaw === undefined) {
    if ('note' in o || seen & O_NOTE) return null;
  } else {
    if (!(seen & O_NOTE)) return null;
    const t = textValue(noteRaw);
    if (t === null) return null;
    if (t !== noteRaw) ordered = false;
    note = t;
  }
  if (ordered && outLines === null && noSymbols(o)) return o as Order;
  const out: Order = { id, date, customer, rep, lines: outLines ?? (lines as OrderLine[]) };
  if (note !== undefined) out.note = note;
  return out;
}

/**
 * True when an object has no own symbol keys. zod ignores them, isDeepStrictEqual does not, so
 * an input with one is never returned as is.
 */
function noSymbols(o: object): boolean {
  return getOwnSymbols(o).length === 0;
}

/** True when an array's only enumerable keys are its indices. */
function hasOnlyElements(a: unknown[]): boolean {
  let n = 0;
  for (const _ in a) n++;
  return n === a.length;
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
  const plain = plainKind(raw);
  if (plain === 0) return null;
  const o = raw as Raw;
  let seen = 0;
  let ordered = plain === 1;
  let last = 0;
  for (const k in o) {
    let bit: number;
    switch (k) {
      case 'id': bit = D_ID; break;
      case 'created': bit = D_CREATED; break;
      case 'name': bit = D_NAME; break;
      case 'source': bit = D_SOURCE; break;
      case 'rep': bit = D_REP; break;
      case 'region': bit = D_REGION; break;
      case 'segment': bit = D_SEGMENT; break;
      default: return null;
    }
    if (!isDataProperty(o, k)) return null;
    if (bit < last) ordered = false;
    last = bit;
    seen |= bit;
  }
  if ((seen | D_NAME | D_SEGMENT) !== 127) return null;
  const id = o.id;
  const created = o.created;
  const source = o.source;
  const rep = o.rep;
  const region = o.region;
  if (!isId(id) || !isDateTimeValue(created) || !isId(source) || !isId(rep) || !isId(region)) return null;
  const nameRaw = o.name;
  let name: string | undefined;
  if (nameRaw === undefined) {
    if ('name' in o || seen & D_NAME) return null;
  } else {
    if (!(seen & D_NAME)) return null;
    const t = textValue(nameRaw);
    if (t === null) return null;
    if (t !== nameRaw) ordered = false;
    name = t;
  }
  const segment = o.segment;
  if (segment === undefined) {
    if ('segment' in o || seen & D_SEGMENT) return null;
  } else if (!(seen & D_SEGMENT) || !isId(segment)) return null;
  if (ordered && noSymbols(o)) return o as Lead;
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
  const plain = plainKind(raw);
  if (plain === 0) return null;
  const o = raw as Raw;
  let seen = 0;
  let ordered = plain === 1;
  let last = 0;
  for (const k in o) {
    let bit: number;
    switch (k) {
      case 'id': bit = A_ID; break;
      case 'at': bit = A_AT; break;
      case 'type': bit = A_TYPE; break;
      case 'rep': bit = A_REP; break;
      case 'lead': bit = A_LEAD; break;
      case 'customer': bit = A_CUSTOMER; break;
      case 'note': bit = A_NOTE; break;
      default: return null;
    }
    if (!isDataProperty(o, k)) return null;
    if (bit < last) ordered = false;
    last = bit;
    seen |= bit;
  }
  if ((seen | A_LEAD | A_CUSTOMER | A_NOTE) !== 127) return null;
  const id = o.id;
  const at = o.at;
  const type = o.type;
  const rep = o.rep;
  if (!isId(id) || !isDateTimeValue(at) || !isId(rep)) return null;
  if (type !== 'contact' && type !== 'follow-up' && type !== 'meeting' && type !== 'won' && type !== 'lost') return null;
  const lead = o.lead;
  if (lead === undefined) {
    if ('lead' in o || seen & A_LEAD) return null;
  } else if (!(seen & A_LEAD) || !isId(lead)) return null;
  const customer = o.customer;
  if (customer === undefined) {
    if ('customer' in o || seen & A_CUSTOMER) return null;
  } else if (!(seen & A_CUSTOMER) || !isId(customer)) return null;
  const noteRaw = o.note;
  let note: string | undefined;
  if (noteRaw === undefined) {
    if ('note' in o || seen & A_NOTE) return null;
  } else {
    if (!(seen & A_NOTE)) return null;
    const t = textValue(noteRaw);
    if (t === null) return null;
    if (t !== noteRaw) ordered = false;
    note = t;
  }
  if (ordered && noSymbols(o)) return o as Activity;
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
  const plain = plainKind(raw);
  if (plain === 0) return null;
  const o = raw as Raw;
  let seen = 0;
  let ordered = plain === 1;
  let last = 0;
  for (const k in o) {
    let bit: number;
    switch (k) {
      case 'id': bit = S_ID; break;
      case 'date': bit = S_DATE; break;
      case 'customer': bit = S_CUSTOMER; break;
      case 'score': bit = S_SCORE; break;
      case 'comment': bit = S_COMMENT; break;
      default: return null;
    }
    if (!isDataProperty(o, k)) return null;
    if (bit < last) ordered = false;
    last = bit;
    seen |= bit;
  }
  if ((seen | S_COMMENT) !== 31) return null;
  const id = o.id;
  const date = o.date;
  const customer = o.customer;
  const score = o.score;
  if (!isId(id) || !isDateValue(date) || !isId(customer)) return null;
  if (typeof score !== 'number' || !(score === 1 || score === 2 || score === 3 || score === 4 || score === 5)) return null;
  const commentRaw = o.comment;
  let comment: string | undefined;
  if (commentRaw === undefined) {
    if ('comment' in o || seen & S_COMMENT) return null;
  } else {
    if (!(seen & S_COMMENT)) return null;
    const t = textValue(commentRaw);
    if (t === null) return null;
    if (t !== commentRaw) ordered = false;
    comment = t;
  }
  if (ordered && noSymbols(o)) return o as Survey;
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
