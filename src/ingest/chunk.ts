/**
 * The valid records of one month file as columns: everything validation and the dataset need
 * from them, and nothing else. A million orders live as a few typed arrays instead of millions
 * of objects; a name (a customer, a rep, a lead a record refers to) is a code into a per-file
 * dictionary that keeps only the name's two hashes, and a record's own id only its hash (see
 * id-hash.ts): no strings at all, so chunks cross threads and the cache without copying text.
 *
 * A chunk is plain data (typed arrays, arrays of strings), so it crosses worker threads and is
 * written to the cache as is. Row i is record i of the file: chunks are only made of files whose
 * every record is valid.
 */
import type { Activity } from '../schema/activities.ts';
import type { Lead } from '../schema/leads.ts';
import type { Order } from '../schema/orders.ts';
import type { Survey } from '../schema/surveys.ts';
import { parseMonth } from '../calendar/periods.ts';
import { dayOf, instantOf, localDay, monthOfDay } from './days.ts';
import { detached, idCheck, idHash } from './id-hash.ts';
import { ACTIVITY_FIELDS, enumColumnsOf, LEAD_FIELDS, ORDER_FIELDS, ORDER_LINE_FIELDS, SURVEY_FIELDS, type Field } from '../schema/record-fields.ts';

export const MONTH_KINDS = ['orders', 'leads', 'activities', 'surveys'] as const;
export type MonthKind = (typeof MONTH_KINDS)[number];

export const LINE_KIND_CODES = ORDER_LINE_FIELDS[4].values;
export const ACTIVITY_TYPE_CODES = ACTIVITY_FIELDS[2].values;
export const WON = 3;
export const LOST = 4;

interface ChunkBase {
  file: string;
  /** YYYY-MM of the file's folder. */
  month: string;
  length: number;
  idHash: Float64Array;
  /**
   * The kind's plain enum fields (ENUM_COLUMNS: an order's channel), by name: per record, the
   * index of its value among the field's values; ABSENT when not given.
   */
  enums: Record<string, Uint8Array>;
}

type EnumField = Extract<Field, { type: 'enum' }>;

/**
 * The enum fields of each kind that are kept as plain columns, straight from the field tables
 * (schema/record-fields.ts). An activity's type has its own column (`type`), which the rules read.
 */
export const ENUM_COLUMNS: Record<MonthKind, EnumField[]> = {
  orders: enumColumnsOf(ORDER_FIELDS),
  leads: enumColumnsOf(LEAD_FIELDS),
  activities: enumColumnsOf(ACTIVITY_FIELDS, ['type']),
  surveys: enumColumnsOf(SURVEY_FIELDS),
};

/** The code of an enum field that is not given. */
export const ABSENT = 255;

/** The enum columns of one file being filled. */
export class EnumColumns {
  private readonly cols: Grow<Uint8Array>[];
  constructor(private readonly fields: EnumField[]) {
    this.cols = fields.map(() => u8());
  }
  /** Appends one record's values (a record object). */
  add(record: Record<string, unknown>): void {
    for (let f = 0; f < this.fields.length; f++) {
      const v = record[this.fields[f]!.name];
      this.cols[f]!.push(v === undefined ? ABSENT : this.fields[f]!.values.indexOf(v as string));
    }
  }
  /** Appends the code of field f (index into ENUM_COLUMNS of the kind). */
  push(f: number, code: number): void {
    this.cols[f]!.push(code);
  }
  done(): Record<string, Uint8Array> {
    return Object.fromEntries(this.fields.map((f, i) => [f.name, this.cols[i]!.done()]));
  }
}

export interface OrdersChunk extends ChunkBase, Dicts<'customer' | 'rep' | 'sku'> {
  kind: 'orders';
  /** Day number (days since 1970-01-01) of the order date. */
  day: Int32Array;
  customer: Int32Array;
  rep: Int32Array;
  /** Lines of order i are lineStart[i] .. lineStart[i+1]-1. */
  lineStart: Int32Array;
  sku: Int32Array;
  qty: Float64Array;
  price: Float64Array;
  discount: Float64Array;
  /** Index into LINE_KIND_CODES. */
  lineKind: Uint8Array;
}

export interface LeadsChunk extends ChunkBase, Dicts<'rep' | 'region' | 'source' | 'segment'> {
  kind: 'leads';
  /** idCheck of each lead id (with idHash, what activities' leads are looked up by). */
  idCheck: Int32Array;
  created: Float64Array;
  /** Company-local day number of created. */
  day: Int32Array;
  rep: Int32Array;
  region: Int32Array;
  source: Int32Array;
  /** -1 when not given. */
  segment: Int32Array;
}

export interface ActivitiesChunk extends ChunkBase, Dicts<'rep' | 'lead' | 'customer' | 'reason'> {
  kind: 'activities';
  at: Float64Array;
  /** Company-local day number of at. */
  day: Int32Array;
  /** Index into ACTIVITY_TYPE_CODES. */
  type: Uint8Array;
  rep: Int32Array;
  /** -1 when not given. */
  lead: Int32Array;
  /** -1 when not given. */
  customer: Int32Array;
  /** The lost reason (lost activities only); -1 when not given. */
  reason: Int32Array;
  /** Rank of each record's id among the file's ids: orders activities of one instant by id. */
  idRank: Int32Array;
}

export interface SurveysChunk extends ChunkBase, Dicts<'customer'> {
  kind: 'surveys';
  day: Int32Array;
  customer: Int32Array;
  score: Float64Array;
}

export type MonthChunk = OrdersChunk | LeadsChunk | ActivitiesChunk | SurveysChunk;
export type ChunkOf<K extends MonthKind> = Extract<MonthChunk, { kind: K }>;

/** Strings to codes within one file. */
class Dict {
  readonly values: string[] = [];
  /** idHash and idCheck of each value: what links.ts looks names up by. */
  readonly hashes: number[] = [];
  readonly checks: number[] = [];
  private readonly codes = new Map<string, number>();
  code(s: string | undefined): number {
    if (s === undefined) return -1;
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(detached(s));
      this.hashes.push(idHash(s));
      this.checks.push(idCheck(s));
      this.codes.set(s, c);
    }
    return c;
  }
}

/** The hashes of a chunk's dictionaries (the names themselves stay behind). */
export function dicts<K extends string>(d: Record<K, { hashes: number[]; checks: number[] }>): Dicts<K> {
  const keys = Object.keys(d) as K[];
  const each = <T>(f: (k: K) => T) => Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, T>;
  return { dictHash: each((k) => Float64Array.from(d[k].hashes)), dictCheck: each((k) => Int32Array.from(d[k].checks)) };
}

/**
 * A chunk's dictionaries: per field, the idHash and idCheck of each name, in order of first use
 * in the file. Names are not kept: links.ts finds what they name by the two hashes.
 */
interface Dicts<K extends string> {
  dictHash: Record<K, Float64Array>;
  dictCheck: Record<K, Int32Array>;
}

/** Typed arrays that grow while a file's records are appended. */
export class Grow<T extends Float64Array | Int32Array | Uint8Array> {
  private a: T;
  length = 0;
  constructor(private readonly make: (n: number) => T, n = 1024) {
    this.a = make(n);
  }
  push(v: number): void {
    if (this.length === this.a.length) {
      const b = this.make(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
  done(): T {
    return this.a.slice(0, this.length) as T;
  }
}
export const f64 = () => new Grow((n) => new Float64Array(n));
export const i32 = () => new Grow((n) => new Int32Array(n));
export const u8 = () => new Grow((n) => new Uint8Array(n));

export interface ChunkBuilder<R> {
  /** Appends a valid record; false (and nothing appended) when it is not in the file's month. */
  add(record: R): boolean;
  finish(): MonthChunk;
}

/** Builds the chunk of one file from its validated records, in file order. */
export function chunkBuilder(kind: 'orders', file: string, month: string, tz: string): ChunkBuilder<Order>;
export function chunkBuilder(kind: 'leads', file: string, month: string, tz: string): ChunkBuilder<Lead>;
export function chunkBuilder(kind: 'activities', file: string, month: string, tz: string): ChunkBuilder<Activity>;
export function chunkBuilder(kind: 'surveys', file: string, month: string, tz: string): ChunkBuilder<Survey>;
export function chunkBuilder(kind: MonthKind, file: string, month: string, tz: string): ChunkBuilder<never>;
export function chunkBuilder(kind: MonthKind, file: string, month: string, tz: string): ChunkBuilder<never> {
  const builders = { orders: ordersBuilder, leads: leadsBuilder, activities: activitiesBuilder, surveys: surveysBuilder };
  return builders[kind](file, month, tz) as ChunkBuilder<never>;
}

function ordersBuilder(file: string, month: string): ChunkBuilder<Order> {
  const dict = { customer: new Dict(), rep: new Dict(), sku: new Dict() };
  const [hash, day, customer, rep, lineStart, sku, qty, price, discount, lineKind] = [f64(), i32(), i32(), i32(), i32(), i32(), f64(), f64(), f64(), u8()];
  const enums = new EnumColumns(ENUM_COLUMNS.orders);
  lineStart.push(0);
  return {
    add(o) {
      if (!o.date.startsWith(month)) return false;
      hash.push(idHash(o.id));
      day.push(dayOf(o.date));
      customer.push(dict.customer.code(o.customer));
      rep.push(dict.rep.code(o.rep));
      enums.add(o);
      for (const l of o.lines) {
        sku.push(dict.sku.code(l.sku));
        qty.push(l.qty);
        price.push(l.price);
        discount.push(l.discount);
        lineKind.push(LINE_KIND_CODES.indexOf(l.kind));
      }
      lineStart.push(sku.length);
      return true;
    },
    finish: () => ({
      kind: 'orders',
      file,
      month,
      length: hash.length,
      idHash: hash.done(),
      day: day.done(),
      customer: customer.done(),
      rep: rep.done(),
      lineStart: lineStart.done(),
      sku: sku.done(),
      qty: qty.done(),
      price: price.done(),
      discount: discount.done(),
      lineKind: lineKind.done(),
      enums: enums.done(),
      ...dicts(dict),
    }),
  };
}

function leadsBuilder(file: string, month: string, tz: string): ChunkBuilder<Lead> {
  const monthNo = parseMonth(month);
  const dict = { rep: new Dict(), region: new Dict(), source: new Dict(), segment: new Dict() };
  const [hash, check, created, day, rep, region, source, segment] = [f64(), i32(), f64(), i32(), i32(), i32(), i32(), i32()];
  const enums = new EnumColumns(ENUM_COLUMNS.leads);
  return {
    add(l) {
      const at = instantOf(l.created, tz);
      const local = localDay(at, tz);
      if (monthOfDay(local) !== monthNo) return false;
      hash.push(idHash(l.id));
      check.push(idCheck(l.id));
      created.push(at);
      day.push(local);
      rep.push(dict.rep.code(l.rep));
      region.push(dict.region.code(l.region));
      source.push(dict.source.code(l.source));
      segment.push(dict.segment.code(l.segment));
      enums.add(l);
      return true;
    },
    finish: () => ({
      kind: 'leads',
      file,
      month,
      length: hash.length,
      idHash: hash.done(),
      idCheck: check.done(),
      created: created.done(),
      day: day.done(),
      rep: rep.done(),
      region: region.done(),
      source: source.done(),
      segment: segment.done(),
      enums: enums.done(),
      ...dicts(dict),
    }),
  };
}

function activitiesBuilder(file: string, month: string, tz: string): ChunkBuilder<Activity> {
  const monthNo = parseMonth(month);
  const dict = { rep: new Dict(), lead: new Dict(), customer: new Dict(), reason: new Dict() };
  const [hash, at, day, type, rep, lead, customer, reason] = [f64(), f64(), i32(), u8(), i32(), i32(), i32(), i32()];
  const enums = new EnumColumns(ENUM_COLUMNS.activities);
  // Ids are kept only while the file is read, to rank them (ties in time are ordered by id).
  let ids: string[] = [];
  let sorted = true;
  let last = -Infinity;
  return {
    add(a) {
      const t = instantOf(a.at, tz);
      const local = localDay(t, tz);
      if (monthOfDay(local) !== monthNo) return false;
      const n = ids.length;
      if (n && (t < last || (t === last && !(ids[n - 1]! < a.id)))) sorted = false;
      last = t;
      ids.push(a.id);
      hash.push(idHash(a.id));
      at.push(t);
      day.push(local);
      type.push(ACTIVITY_TYPE_CODES.indexOf(a.type));
      rep.push(dict.rep.code(a.rep));
      lead.push(dict.lead.code(a.lead));
      customer.push(dict.customer.code(a.customer));
      reason.push(dict.reason.code(a.reason));
      enums.add(a);
      return true;
    },
    finish: () => {
      const n = ids.length;
      const idRank = new Int32Array(n);
      if (sorted) for (let i = 0; i < n; i++) idRank[i] = i;
      else {
        const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : x - y));
        order.forEach((row, rank) => (idRank[row] = rank));
      }
      ids = [];
      return {
        kind: 'activities',
        file,
        month,
        length: n,
        idHash: hash.done(),
        at: at.done(),
        day: day.done(),
        type: type.done(),
        rep: rep.done(),
        lead: lead.done(),
        customer: customer.done(),
        reason: reason.done(),
        idRank,
        enums: enums.done(),
        ...dicts(dict),
      };
    },
  };
}

function surveysBuilder(file: string, month: string): ChunkBuilder<Survey> {
  const dict = { customer: new Dict() };
  const [hash, day, customer, score] = [f64(), i32(), i32(), f64()];
  const enums = new EnumColumns(ENUM_COLUMNS.surveys);
  return {
    add(s) {
      if (!s.date.startsWith(month)) return false;
      hash.push(idHash(s.id));
      day.push(dayOf(s.date));
      customer.push(dict.customer.code(s.customer));
      score.push(s.score);
      enums.add(s);
      return true;
    },
    finish: () => ({
      kind: 'surveys',
      file,
      month,
      length: hash.length,
      idHash: hash.done(),
      day: day.done(),
      customer: customer.done(),
      score: score.done(),
      enums: enums.done(),
      ...dicts(dict),
    }),
  };
}
