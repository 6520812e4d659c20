/**
 * The fast record checks against zod, the schema of record. The contract is one-sided: when a
 * fast check answers (non-null), zod must accept the same input and produce a deep-equal value
 * with the same key order; when it answers null, nothing is claimed (the caller runs zod).
 *
 * 1. Every record of every month file in data/ takes the fast path and equals zod's output.
 * 2. Property tests per kind: valid records, mutated into near-valid and invalid ones (dropped and
 *    unknown keys, wrong types, boundary numbers and strings, exotic objects: getters, proxies,
 *    null prototypes, symbols, holes). Every non-null answer must agree with zod; and the valid
 *    records must mostly take the fast path, so the check cannot pass by always saying null.
 * 3. The hand-written id, date and date-time checks against fields.ts over whole ranges.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { activitySchema } from '../../src/schema/activities.ts';
import { isDate, isDateTime } from '../../src/schema/fields.ts';
import { leadSchema } from '../../src/schema/leads.ts';
import { orderSchema } from '../../src/schema/orders.ts';
import { surveySchema } from '../../src/schema/surveys.ts';
import { LINE_BREAK } from '../../src/schema/fields.ts';
import { ACTIVITY_FIELDS, keysOf, LEAD_FIELDS, ORDER_FIELDS, ORDER_LINE_FIELDS, requiredKeysOf, SURVEY_FIELDS, type Field } from '../../src/schema/record-fields.ts';
import { FAST_CHECK, fastActivity, fastCustomer, fastLead, fastOrder, fastSurvey } from '../../src/validate/fast-records.ts';
import { customerSchema } from '../../src/schema/customers.ts';

type Kind = keyof typeof FAST_CHECK;
type Rec = Record<string, unknown>;

const RUNS = Number(process.env.FC_RUNS ?? 2500);
const DATA = join(import.meta.dirname, '../../data');

const SCHEMAS: Record<Kind, z.ZodType> = {
  orders: orderSchema,
  leads: leadSchema,
  activities: activitySchema,
  surveys: surveySchema,
};
const KINDS = Object.keys(SCHEMAS) as Kind[];

/** The keys of a value, nested (lines included), to compare key order, not just contents. */
function keyOrder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(keyOrder);
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, keyOrder(x)]);
  return null;
}

/**
 * Runs the fast check, then zod, on one input. A non-null fast answer must be zod's output:
 * returns true for it, false for null; throws on any disagreement.
 */
function agrees(kind: Kind, raw: unknown): boolean {
  const out = FAST_CHECK[kind](raw);
  if (out === null) return false;
  const parsed = SCHEMAS[kind].safeParse(raw);
  if (!parsed.success) throw new Error(`fast accepted what zod rejects: ${parsed.error.message}`);
  if (!isDeepStrictEqual(parsed.data, out)) throw new Error(`fast output differs from zod: ${show(out)} vs ${show(parsed.data)}`);
  if (!isDeepStrictEqual(keyOrder(parsed.data), keyOrder(out))) throw new Error(`key order differs: ${show(out)} vs ${show(parsed.data)}`);
  return true;
}

function show(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x) => (Object.is(x, -0) ? '-0' : typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
  } catch {
    return String(v);
  }
}

describe('every record of the sample data', () => {
  const files: { kind: Kind; path: string }[] = [];
  for (const y of readdirSync(DATA).filter((d) => /^\d{4}$/.test(d)))
    for (const m of readdirSync(join(DATA, y)).filter((d) => /^\d{2}$/.test(d)))
      for (const f of readdirSync(join(DATA, y, m))) {
        const kind = f.replace(/\.yaml$/, '') as Kind;
        if (kind in SCHEMAS) files.push({ kind, path: join(DATA, y, m, f) });
      }

  it('finds month files of every kind', () => {
    for (const kind of KINDS) expect(files.filter((f) => f.kind === kind).length).toBeGreaterThan(10);
  });

  it.each(KINDS)('%s: takes the fast path and equals zod', (kind) => {
    let n = 0;
    for (const f of files.filter((x) => x.kind === kind)) {
      const records = yaml.load(readFileSync(f.path, 'utf8'), { schema: yaml.CORE_SCHEMA }) as unknown[] | null;
      for (const [i, r] of (records ?? []).entries()) {
        expect(SCHEMAS[kind].safeParse(r).success, `${f.path} #${i}: the sample data is valid`).toBe(true);
        expect(agrees(kind, r), `${f.path} #${i} takes the fast path`).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThan(1000);
  });
});

// ---------------------------------------------------------------------------------------------
// Generators: valid records (a mix of what files hold and what zod also allows), then mutations.

const ALNUM = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];
const ID_TAIL = [...ALNUM, '.', '_', '-'];
const idArb = fc
  .tuple(fc.constantFrom(...ALNUM), fc.oneof(fc.string({ unit: fc.constantFrom(...ID_TAIL), maxLength: 12 }), fc.string({ unit: fc.constantFrom(...ID_TAIL), minLength: 70, maxLength: 79 })))
  .map(([a, b]) => a + b);

const pad2 = (n: number) => String(n).padStart(2, '0');
const dateArb = fc
  .date({ min: new Date('1999-12-01T00:00:00Z'), max: new Date('2101-03-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateTimeArb = fc
  .record({
    date: dateArb,
    sep: fc.constantFrom('T', 'T', 'T', ' '),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.option(fc.integer({ min: 0, max: 59 }), { freq: 3 }),
    frac: fc.option(fc.stringMatching(/^\.\d{1,9}$/), { freq: 4 }),
    off: fc.option(fc.constantFrom('Z', '+07:00', '-0530', '+14:00', '+99:99'), { freq: 3 }),
  })
  .map(({ date, sep, h, mi, s, frac, off }) => `${date}${sep}${pad2(h)}:${pad2(mi)}${s === null ? '' : `:${pad2(s)}${frac ?? ''}`}${off ?? ''}`);

const textArb = fc
  .tuple(
    fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), fc.constantFrom('Toko tutup', 'Harga bersaing', 'x'.repeat(500))),
    fc.constantFrom('', '', '', ' ', '  ', '\t', '\u00a0', '\n'),
    fc.constantFrom('', '', '', ' ', '\u3000', '\ufeff'),
  )
  .filter(([t]) => t.trim().length > 0)
  .map(([t, before, after]) => before + t + after);

/** A valid value of each field type (a mix of what files hold and what zod also allows). */
function fieldArb(f: Field): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'id':
    case 'ref':
      return idArb;
    case 'date':
      return dateArb;
    case 'date-time':
      return dateTimeArb;
    case 'amount':
      return fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constantFrom(0, 1e15));
    case 'qty':
      return fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1, 1e9));
    case 'fraction':
      return fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.05));
    case 'int':
      return fc.integer({ min: f.min, max: f.max });
    case 'enum':
      return fc.constantFrom(...f.values);
    case 'line':
      // A name is one line: no line break once trimmed (a grapheme can be U+2028).
      return textArb.filter((t) => !LINE_BREAK.test(t.trim()));
    case 'text':
      return textArb;
    case 'lines':
      return fc.array(lineArb, { minLength: 1, maxLength: 4 });
  }
}

/** Valid records of a field table: every field from its type, the required ones always there. */
function tableArb(table: readonly Field[]): fc.Arbitrary<Rec> {
  return fc.record(Object.fromEntries(table.map((f) => [f.name, fieldArb(f)])), { requiredKeys: requiredKeysOf(table) }).map((r) => r as Rec);
}

const lineArb = tableArb(ORDER_LINE_FIELDS);

const RECORD_ARB: Record<Kind, fc.Arbitrary<Rec>> = {
  orders: tableArb(ORDER_FIELDS),
  leads: tableArb(LEAD_FIELDS),
  activities: tableArb(ACTIVITY_FIELDS),
  surveys: tableArb(SURVEY_FIELDS),
};

const SCHEMA_KEYS: Record<Kind, string[]> = {
  orders: keysOf(ORDER_FIELDS),
  leads: keysOf(LEAD_FIELDS),
  activities: keysOf(ACTIVITY_FIELDS),
  surveys: keysOf(SURVEY_FIELDS),
};
const LINE_KEYS = keysOf(ORDER_LINE_FIELDS);

/** Values at the edges of every field type, and of no field type. */
const WEIRD: unknown[] = [
  // numbers
  0, -0, 1, 2, 5, 6, 1.5, -1, 0.5, 0.9999999, 1.0000001, 1e9, 1e9 + 1, 1e15, 1e15 + 0.125, 1e21, 2 ** 53, 2 ** 53 - 1, 2 ** 53 + 2, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE,
  Infinity, -Infinity, NaN, 1n,
  // other primitives and objects
  true, false, null, undefined, '1', '0.5', [], {}, [1], new Date('2026-03-01'), new Number(3), new String('abc'), () => 1, Symbol('s'),
  // strings: text
  '', ' ', '  x ', '\t', '\u00a0x', '\ufeff', 'x'.repeat(500), 'x'.repeat(501), ` ${'x'.repeat(500)} `, '😀'.repeat(250), '😀'.repeat(251), 'é', 'Toko\nTutup', 'Toko\u2028Tutup', 'Toko\r', 'Toko\u0085Tutup',
  // strings: ids
  'a'.repeat(80), 'a'.repeat(81), '-abc', '.abc', '_abc', 'a-b.c_d', 'A1', 'abc ', ' abc', 'ab/c', 'ab c', 'C0001\n', 'Ｃ0001',
  // strings: dates
  '2026-02-29', '2028-02-29', '2000-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-01-00', '2026-04-31', '2026-12-31', '0000-01-01', '2026-1-01',
  '2026-01-01 ', '2026-01-01\n', '２０２６-01-01', '2026/01/01', '20260101',
  // strings: date-times
  '2026-03-04T09:15', '2026-03-04 09:15', '2026-03-04T09:15:30', '2026-03-04T09:15:30.123', '2026-03-04T09:15:30.1234567891', '2026-03-04T09:15Z',
  '2026-03-04T09:15+07:00', '2026-03-04T09:15+0700', '2026-03-04T09:15:60', '2026-03-04T24:00', '2026-03-04T23:59', '2026-03-04T23:60', '2026-03-04T9:15',
  '2026-02-29T10:00', '2028-02-29T10:00', '2026-03-04t09:15', '2026-03-04T09:15:30Z', '2026-03-04T09:15 ', '2026-03-04T09:1５',
  // strings: enums
  'regular', 'cross-sell', 'up-sell', 'Regular', 'upsell', 'visit', 'phone', 'online', 'distributor', 'Online', 'contact', 'follow-up', 'meeting', 'won', 'lost', 'followup', 'Won',
];

type Mutation =
  | { op: 'set'; key: string; value: unknown }
  | { op: 'delete'; key: string }
  | { op: 'shuffle'; seed: number }
  | { op: 'exotic'; how: Exotic; key: string; value: unknown }
  | { op: 'line'; index: number; mutation: Mutation }
  | { op: 'lines'; how: LinesExotic };
type Exotic = 'nullProto' | 'classInstance' | 'getter' | 'flipGetter' | 'hiddenFlipGetter' | 'hiddenGetter' | 'nonEnumerable' | 'symbol' | 'proxy' | 'inherited' | 'array' | 'frozen' | 'protoKey' | 'setterOnly';
type LinesExotic = 'hole' | 'extraProp' | 'empty' | 'notArray' | 'subclass' | 'proxy' | 'getter' | 'symbol' | 'sparseLength';

const EXOTIC: Exotic[] = ['nullProto', 'classInstance', 'getter', 'flipGetter', 'hiddenFlipGetter', 'hiddenGetter', 'nonEnumerable', 'symbol', 'proxy', 'inherited', 'array', 'frozen', 'protoKey', 'setterOnly'];
const LINES_EXOTIC: LinesExotic[] = ['hole', 'extraProp', 'empty', 'notArray', 'subclass', 'proxy', 'getter', 'symbol', 'sparseLength'];

function valueArb(kind: Kind | 'line'): fc.Arbitrary<unknown> {
  const own = kind === 'line' ? lineArb.map((l) => l.qty) : RECORD_ARB[kind].map((r) => Object.values(r)[0]);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...WEIRD) },
    { weight: 2, arbitrary: fc.oneof(idArb, dateArb, dateTimeArb, textArb, fc.integer({ min: -3, max: 8 })) },
    { weight: 1, arbitrary: own },
    { weight: 1, arbitrary: fc.anything() },
  );
}

function mutationArb(kind: Kind | 'line', depth = 0): fc.Arbitrary<Mutation> {
  const keys = kind === 'line' ? LINE_KEYS : SCHEMA_KEYS[kind];
  const keyArb = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.constantFrom('extra', 'Id', 'note ', 'toString', 'constructor') });
  const options: fc.Arbitrary<Mutation>[] = [
    fc.record({ op: fc.constant('set' as const), key: keyArb, value: valueArb(kind) }),
    fc.record({ op: fc.constant('delete' as const), key: keyArb }),
    fc.record({ op: fc.constant('shuffle' as const), seed: fc.nat() }),
    fc.record({ op: fc.constant('exotic' as const), how: fc.constantFrom(...EXOTIC), key: keyArb, value: valueArb(kind) }),
  ];
  if (kind === 'orders' && depth === 0) {
    options.push(
      fc.record({ op: fc.constant('line' as const), index: fc.nat({ max: 3 }), mutation: mutationArb('line', 1) }),
      fc.record({ op: fc.constant('line' as const), index: fc.nat({ max: 3 }), mutation: mutationArb('line', 1) }),
      fc.record({ op: fc.constant('lines' as const), how: fc.constantFrom(...LINES_EXOTIC) }),
    );
  }
  return fc.oneof(...options);
}

class Holder {
  constructor(fields: Rec) {
    Object.assign(this, fields);
  }
}

/** A copy of the record with one mutation applied; never changes its input. */
function mutate(rec: unknown, m: Mutation): unknown {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) return rec;
  const src = rec as Rec;
  const copy = (): Rec => Object.assign({}, src);
  switch (m.op) {
    case 'set': {
      const r = copy();
      if (m.key === '__proto__') Object.defineProperty(r, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      else r[m.key] = m.value;
      return r;
    }
    case 'delete': {
      const r = copy();
      delete r[m.key];
      return r;
    }
    case 'shuffle': {
      const entries = Object.entries(src);
      let s = m.seed;
      for (let i = entries.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2 ** 31;
        const j = s % (i + 1);
        [entries[i], entries[j]] = [entries[j]!, entries[i]!];
      }
      return Object.fromEntries(entries);
    }
    case 'exotic':
      return exotic(src, m.how, m.key, m.value);
    case 'line': {
      const lines = src.lines;
      if (!Array.isArray(lines) || lines.length === 0) return src;
      const i = m.index % lines.length;
      const out = copy();
      out.lines = lines.map((l, j) => (j === i ? mutate(l, m.mutation) : l));
      return out;
    }
    case 'lines':
      return linesExotic(src, m.how);
  }
}

function exotic(src: Rec, how: Exotic, key: string, value: unknown): unknown {
  switch (how) {
    case 'nullProto':
      return Object.assign(Object.create(null) as Rec, src);
    case 'classInstance':
      return new Holder(src);
    case 'getter': {
      // A getter that always answers the same: harmless, but not a plain data property.
      const r = { ...src };
      const v = src[key] ?? value;
      Object.defineProperty(r, key, { get: () => v, enumerable: true, configurable: true });
      return r;
    }
    case 'flipGetter': {
      // Valid on the first read, the mutation value afterwards: a check that reads the field and
      // then lets zod read it again would disagree with zod.
      const r = { ...src };
      const first = src[key];
      let reads = 0;
      Object.defineProperty(r, key, { get: () => (reads++ === 0 ? first : value), enumerable: true, configurable: true });
      return r;
    }
    case 'hiddenFlipGetter': {
      // Not enumerable, so invisible to for...in, and undefined on the first read only.
      const r = { ...src };
      delete r[key];
      let reads = 0;
      Object.defineProperty(r, key, { get: () => (reads++ === 0 ? undefined : value), enumerable: false, configurable: true });
      return r;
    }
    case 'hiddenGetter': {
      // Not enumerable; the record's own value on the first read, the mutation value afterwards.
      const r = { ...src };
      const first = src[key];
      delete r[key];
      let reads = 0;
      Object.defineProperty(r, key, { get: () => (reads++ === 0 ? first : value), enumerable: false, configurable: true });
      return r;
    }
    case 'nonEnumerable': {
      const r = { ...src };
      delete r[key];
      Object.defineProperty(r, key, { value: src[key] ?? value, enumerable: false, writable: true, configurable: true });
      return r;
    }
    case 'symbol':
      return { ...src, [Symbol('extra')]: value };
    case 'proxy': {
      let reads = 0;
      return new Proxy({ ...src }, { get: (t, k, r) => (k === key && reads++ > 0 ? value : Reflect.get(t, k, r)) });
    }
    case 'inherited': {
      // The field is inherited from a plain-looking prototype rather than owned.
      const proto = { [key]: src[key] ?? value };
      const r = Object.create(proto) as Rec;
      for (const [k, v] of Object.entries(src)) if (k !== key) r[k] = v;
      return r;
    }
    case 'array':
      return Object.assign([], src);
    case 'frozen':
      return Object.freeze({ ...src });
    case 'protoKey':
      // An own "__proto__" key, as js-yaml makes for `__proto__: x`.
      return Object.defineProperty({ ...src }, '__proto__', { value, enumerable: true, writable: true, configurable: true });
    case 'setterOnly': {
      const r = { ...src };
      Object.defineProperty(r, key, { set: () => {}, enumerable: true, configurable: true });
      return r;
    }
  }
}

class LineList<T> extends Array<T> {}

function linesExotic(src: Rec, how: LinesExotic): unknown {
  const given = src.lines; // read once: src may be a proxy that answers differently each time
  const lines = Array.isArray(given) ? (given as unknown[]) : [];
  let out: unknown;
  switch (how) {
    case 'hole': {
      const a = [...lines];
      a.length = a.length + 1;
      a.push(lines[0]);
      out = a;
      break;
    }
    case 'extraProp':
      out = Object.assign([...lines], { extra: 1 });
      break;
    case 'empty':
      out = [];
      break;
    case 'notArray':
      out = { ...lines };
      break;
    case 'subclass':
      out = LineList.from(lines);
      break;
    case 'proxy': {
      let reads = 0;
      out = new Proxy([...lines], { get: (t, k, r) => (k === '0' && reads++ > 0 ? { sku: 'X' } : Reflect.get(t, k, r)) });
      break;
    }
    case 'getter': {
      const a = [...lines];
      const first = a[0];
      let reads = 0;
      Object.defineProperty(a, 0, { get: () => (reads++ === 0 ? first : null), enumerable: true, configurable: true });
      out = a;
      break;
    }
    case 'symbol':
      out = Object.assign([...lines], { [Symbol('x')]: 1 });
      break;
    case 'sparseLength': {
      const a = [...lines];
      a.length = 3;
      out = a;
      break;
    }
  }
  return { ...src, lines: out };
}

describe.each(KINDS)('%s: property', (kind) => {
  it('never disagrees with zod; valid records mostly take the fast path', () => {
    const stats = { zodValid: 0, fastOnZodValid: 0, base: 0, fastOnBase: 0 };
    fc.assert(
      fc.property(RECORD_ARB[kind], fc.array(mutationArb(kind), { maxLength: 3 }), (base, mutations) => {
        // The unmutated record, in schema order or shuffled, trimmed or not: always fast.
        stats.base++;
        if (agrees(kind, base)) stats.fastOnBase++;
        let raw: unknown = base;
        for (const m of mutations) raw = mutate(raw, m);
        const fast = agrees(kind, raw);
        if (SCHEMAS[kind].safeParse(raw).success) {
          stats.zodValid++;
          if (fast) stats.fastOnZodValid++;
        }
      }),
      { numRuns: RUNS },
    );
    if (process.env.FAST_STATS) console.log(kind, stats);
    expect(stats.fastOnBase).toBe(stats.base);
    // Mutated records that zod still accepts include the ones the fast check leaves to zod on
    // purpose (getters, proxies, class instances, a key set to undefined, 251 emoji = 502 UTF-16
    // units of text); most of the rest are plain and must be fast (about 85-90 % in practice).
    expect(stats.zodValid).toBeGreaterThan(RUNS / 5);
    expect(stats.fastOnZodValid / stats.zodValid).toBeGreaterThan(0.6);
  });
});

describe('targeted cases', () => {
  const order = { id: 'SO-1', date: '2026-03-02', customer: 'C1', rep: 'andi', lines: [{ sku: 'A', qty: 2, price: 100 }] };
  const survey = { id: 'S-1', date: '2026-03-02', customer: 'C1', score: 4 };
  const activity = { id: 'A-1', at: '2026-03-02T08:00', type: 'meeting', rep: 'andi' };
  const lead = { id: 'L-1', created: '2026-03-02T08:00', source: 'web', rep: 'andi', region: 'r' };

  it('fills line defaults and orders keys as zod does', () => {
    const out = fastOrder({ lines: [{ kind: 'up-sell', price: 1, qty: 1, sku: 'X' }], rep: 'r', customer: 'c', date: '2026-01-31', id: 'o' });
    expect(out).not.toBeNull();
    expect(Object.keys(out!)).toEqual(['id', 'date', 'customer', 'rep', 'lines']);
    expect(Object.keys(out!.lines[0]!)).toEqual(['sku', 'qty', 'price', 'discount', 'kind']);
    expect(out!.lines[0]).toEqual({ sku: 'X', qty: 1, price: 1, discount: 0, kind: 'up-sell' });
    expect(agrees('orders', { ...order })).toBe(true);
  });

  it("checks an order's channel (an optional field of the table) as zod does, in table order", () => {
    const out = fastOrder({ lines: order.lines, channel: 'online', rep: 'r', customer: 'c', date: '2026-01-31', id: 'o' });
    expect(Object.keys(out!)).toEqual(['id', 'date', 'customer', 'rep', 'channel', 'lines']);
    expect(out!.channel).toBe('online');
    for (const channel of ['visit', 'phone', 'online', 'distributor']) expect(agrees('orders', { ...order, channel })).toBe(true);
    expect(fastOrder({ ...order, channel: 'Online' })).toBeNull();
    const parsed = orderSchema.safeParse({ ...order, channel: 'Online' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe('must be visit, phone, online or distributor');
    expect(fastOrder({ ...order, channel: undefined })).toBeNull();
  });

  it('trims text and keeps -0 as zod does', () => {
    expect(agrees('orders', { ...order, note: '  x ' })).toBe(true);
    expect(fastOrder({ ...order, note: '  x ' })!.note).toBe('x');
    const out = fastOrder({ ...order, lines: [{ sku: 'A', qty: 1, price: -0, discount: -0 }] });
    expect(Object.is(out!.lines[0]!.price, -0) && Object.is(out!.lines[0]!.discount, -0)).toBe(true);
    expect(agrees('orders', { ...order, lines: [{ sku: 'A', qty: 1, price: -0, discount: -0 }] })).toBe(true);
    expect(agrees('surveys', { ...survey, comment: '\u00a0ok\ufeff' })).toBe(true);
  });

  it('says null to values zod rejects', () => {
    const bad: [Kind, unknown][] = [
      ['orders', { ...order, lines: [] }],
      ['orders', { ...order, lines: [{ sku: 'A', qty: 0, price: 1 }] }],
      ['orders', { ...order, lines: [{ sku: 'A', qty: 1.5, price: 1 }] }],
      ['orders', { ...order, lines: [{ sku: 'A', qty: 2 ** 53, price: 1 }] }],
      ['orders', { ...order, lines: [{ sku: 'A', qty: 1e9 + 1, price: 1 }] }],
      ['orders', { ...order, lines: [{ sku: 'A', qty: 1, price: 1e15 + 0.125 }] }],
      ['orders', { ...order, lines: [{ sku: 'A', qty: 1, price: 1e308 }] }],
      ['leads', { ...lead, name: 'Warung\nBu Sri' }],
      ['leads', { ...lead, name: 'Warung\u2029Bu Sri' }],
      ['orders', { ...order, lines: [{ sku: 'A', qty: 1, price: Infinity }] }],
      ['orders', { ...order, lines: [{ sku: 'A', qty: 1, price: NaN }] }],
      ['orders', { ...order, lines: [{ sku: 'A', qty: 1, price: 1, discount: 1.0000001 }] }],
      ['orders', { ...order, lines: [{ sku: 'A', qty: 1, price: 1, kind: 'Regular' }] }],
      ['orders', { ...order, date: '2026-02-29' }],
      ['orders', { ...order, id: 'a'.repeat(81) }],
      ['orders', { ...order, id: '-a' }],
      ['orders', { ...order, note: '   ' }],
      ['orders', { ...order, note: 'x'.repeat(501) }],
      ['orders', { ...order, note: ` ${'x'.repeat(501)} ` }],
      ['orders', { ...order, extra: 1 }],
      ['surveys', { ...survey, score: 0 }],
      ['surveys', { ...survey, score: 6 }],
      ['surveys', { ...survey, score: 4.5 }],
      ['activities', { ...activity, type: 'call' }],
      ['activities', { ...activity, at: '2026-03-02T24:00' }],
      ['leads', { ...lead, created: '2026-02-29T10:00' }],
    ];
    for (const [kind, raw] of bad) {
      expect(SCHEMAS[kind].safeParse(raw).success, show(raw)).toBe(false);
      expect(FAST_CHECK[kind](raw), show(raw)).toBeNull();
    }
  });

  it('accepts the edges zod accepts', () => {
    const good: [Kind, unknown][] = [
      ['orders', { ...order, lines: [{ sku: 'A', qty: 1e9, price: 1e15, discount: 1 }] }],
      ['orders', { ...order, note: 'Kirim pagi\nlewat pintu belakang' }],
      ['leads', { ...lead, name: ' Warung Bu Sri\n' }],
      ['orders', { ...order, id: 'a'.repeat(80), date: '2028-02-29' }],
      ['orders', { ...order, note: 'x'.repeat(500) }],
      ['orders', { ...order, note: `\t${'x'.repeat(500)}  ` }],
      ['surveys', { ...survey, score: 1, comment: ' x ' }],
      ['surveys', { ...survey, score: 5 }],
      ['activities', { ...activity, at: '2026-03-04T09:15:30.123456789+07:00', lead: 'L', customer: 'C', note: 'n' }],
      ['activities', { ...activity, at: '2026-03-04 23:59' }],
      ['leads', { ...lead, name: 'Warung', segment: 'retail' }],
      ['leads', { segment: 's', region: 'r', rep: 'r', source: 's', name: 'n', created: '2026-03-04T09:15Z', id: 'l' }],
    ];
    for (const [kind, raw] of good) expect(agrees(kind, raw), show(raw)).toBe(true);
  });

  it('says null to exotic objects, also where zod would accept them', () => {
    let reads = 0;
    const flip = { ...survey };
    Object.defineProperty(flip, 'score', { get: () => (reads++ === 0 ? 4 : 9), enumerable: true });
    const cases: [Kind, unknown][] = [
      ['surveys', flip],
      ['surveys', new Holder(survey)],
      ['surveys', new Proxy({ ...survey }, {})],
      ['surveys', Object.create(survey)],
      ['surveys', { ...survey, comment: undefined }],
      ['surveys', Object.defineProperty({ ...survey }, 'comment', { value: 'hi', enumerable: false })],
      ['surveys', Object.defineProperty({ ...survey }, 'comment', { value: undefined, enumerable: false })],
      ['orders', { ...order, lines: Object.assign([], { length: 2, 1: order.lines[0] }) }],
      ['orders', { ...order, lines: new Proxy([...order.lines], {}) }],
      ['orders', { ...order, lines: [{ ...order.lines[0], discount: undefined }] }],
      // zod accepts these, keeping segment: undefined (present) in its output: null is the safe answer.
      ['leads', { ...lead, segment: undefined }],
      ['leads', { ...lead, name: undefined }],
    ];
    for (const [kind, raw] of cases) expect(FAST_CHECK[kind](raw), show(raw)).toBeNull();
  });

  it('says null to getters that for...in does not show, whatever they answer first', () => {
    const hidden = (target: Rec, key: string, answers: unknown[]) => {
      let reads = 0;
      return Object.defineProperty(target, key, { get: () => answers[Math.min(reads++, answers.length - 1)], enumerable: false, configurable: true });
    };
    const line = (key: string, answers: unknown[]) => ({ ...order, lines: [hidden({ sku: 'A', qty: 1, price: 1 }, key, answers)] });
    const cases: [Kind, () => unknown][] = [
      ['orders', () => line('discount', [undefined, 0.5])],
      ['orders', () => line('discount', [0.1, 0.5])],
      ['orders', () => line('kind', [undefined, 'up-sell'])],
      ['orders', () => line('kind', ['regular', 'up-sell'])],
      ['orders', () => hidden({ ...order }, 'note', [undefined, 'x'])],
      ['orders', () => hidden({ ...order }, 'note', ['x', 'y'])],
      ['surveys', () => hidden({ ...survey }, 'comment', ['x', 'y'])],
      ['activities', () => hidden({ ...activity }, 'lead', [undefined, 'L-2'])],
      ['leads', () => hidden({ ...lead }, 'name', ['a', 'b'])],
    ];
    for (const [kind, make] of cases) {
      expect(FAST_CHECK[kind](make()), kind).toBeNull();
      // and zod, reading each getter once, does accept these: the null is the fast check's caution
      expect(SCHEMAS[kind].safeParse(make()).success, kind).toBe(true);
    }
  });

  it('says null when Object.prototype has an enumerable field name (the record does not own it)', () => {
    const results: [string, unknown][] = [];
    const nullWhenPolluted: boolean[] = [];
    Object.defineProperty(Object.prototype, 'comment', { value: 'polluted', enumerable: true, configurable: true, writable: true });
    try {
      for (const raw of [{ ...survey }, { ...survey, comment: 'own' }]) {
        const out = fastSurvey(raw);
        const parsed = surveySchema.safeParse(raw);
        results.push([show(raw), out === null || (parsed.success && isDeepStrictEqual(parsed.data, out))]);
        nullWhenPolluted.push(out === null);
      }
    } finally {
      delete (Object.prototype as Rec).comment;
    }
    expect(results.map(([, ok]) => ok)).toEqual([true, true]);
    // Stricter than the contract needs (zod reads the inherited value too): an inherited field is
    // never fast; an own one that shadows it is.
    expect(nullWhenPolluted).toEqual([true, false]);
    expect(fastSurvey({ ...survey })).not.toBeNull();
  });

  it('accepts a null-prototype record (zod output has Object.prototype)', () => {
    expect(agrees('surveys', Object.assign(Object.create(null), survey))).toBe(true);
    expect(Object.getPrototypeOf(fastSurvey(Object.assign(Object.create(null), survey)))).toBe(Object.prototype);
  });
});

describe('hand-written field checks match fields.ts', () => {
  const survey = { id: 'S-1', date: '2026-03-02', customer: 'C1', score: 4 };
  const activity = { id: 'A-1', at: '2026-03-02T08:00', type: 'meeting', rep: 'andi' };

  it('date: every day 00-32 of every month 00-13 of leap-rule years', () => {
    const years = [0, 1, 4, 100, 200, 400, 1600, 1900, 1999, 2000, 2024, 2025, 2026, 2028, 2100, 2400, 9996, 9999];
    let n = 0;
    for (const y of years)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const date = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
          expect(fastSurvey({ ...survey, date }) !== null, date).toBe(isDate(date));
          n++;
        }
    // February 29 of every year 0000-9999.
    for (let y = 0; y <= 9999; y++) {
      const date = `${String(y).padStart(4, '0')}-02-29`;
      if ((fastSurvey({ ...survey, date }) !== null) !== isDate(date)) expect.fail(date);
    }
    expect(n).toBeGreaterThan(8000);
  });

  it('date-time: every hour 00-25 and minute 00-61, both separators', () => {
    for (const date of ['2026-03-04', '2026-02-29', '2028-02-29', '2026-13-01'])
      for (const sep of ['T', ' ', 't', '_'])
        for (let h = 0; h <= 25; h++)
          for (let mi = 0; mi <= 61; mi++) {
            const at = `${date}${sep}${pad2(h)}:${pad2(mi)}`;
            if ((fastActivity({ ...activity, at }) !== null) !== isDateTime(at)) expect.fail(at);
          }
    for (const at of ['2026-03-04T09:15:30', '2026-03-04T09:15:60', '2026-03-04T09:15+07:00', '2026-03-04T9:15', '2026-03-04T09:1a', '2026-03-04T09-15'])
      expect(fastActivity({ ...activity, at }) !== null, at).toBe(isDateTime(at));
  });

  it('id: every character 0-0x2ff in first and later position; lengths 80 and 81', () => {
    const re = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
    for (let c = 0; c < 0x300; c++) {
      for (const id of [String.fromCharCode(c), `a${String.fromCharCode(c)}`, `${String.fromCharCode(c)}a`]) {
        if ((fastSurvey({ ...survey, id }) !== null) !== re.test(id)) expect.fail(JSON.stringify(id));
      }
    }
    for (const id of ['a'.repeat(80), 'a'.repeat(81), `a${'-'.repeat(79)}`, '', '\ud800a', 'a\udc00'])
      expect(fastSurvey({ ...survey, id }) !== null, id).toBe(re.test(id));
  });

  it('FAST_CHECK names the four checks', () => {
    expect(FAST_CHECK).toEqual({ orders: fastOrder, leads: fastLead, activities: fastActivity, surveys: fastSurvey });
  });
});

describe('customers (fastCustomer)', () => {
  const readsUndefined = (v: unknown): boolean => !!v && typeof v === 'object' && Object.values(v).some((x) => x === undefined || readsUndefined(x));
  /** A non-null fast answer must be customerSchema's output, key order included; true for it, false for null. */
  const agreesCustomer = (raw: unknown): boolean => {
    const out = fastCustomer(raw);
    if (out === null) return false;
    const parsed = customerSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`fast accepted what zod rejects: ${show(raw)}: ${parsed.error.message}`);
    if (!isDeepStrictEqual(parsed.data, out) || !isDeepStrictEqual(keyOrder(parsed.data), keyOrder(out))) throw new Error(`fast output differs from zod: ${show(out)} vs ${show(parsed.data)}`);
    return true;
  };

  it('every customer of the sample takes the fast path and equals zod', () => {
    const list = yaml.load(readFileSync(join(DATA, 'customers.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA }) as unknown[];
    expect(list.length).toBeGreaterThan(100);
    for (const c of list) expect(agreesCustomer(c), show(c)).toBe(true);
  });

  it('never disagrees with zod on near-valid customers; the valid ones mostly take the fast path', () => {
    // Mostly good values, now and then one zod refuses (or, for undefined, one only zod decides).
    const mostly = <T,>(good: T[], bad: unknown[]) => fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });
    const day = mostly(['2025-01-01', '2025-11-01', '2025-11-02', '2024-02-29'], ['2026-02-29', '2025-1-01', 20250101, undefined]);
    const entry = fc.record({ rep: mostly(['andi', 'rina'], ['x y', '', 7]), from: day }, { requiredKeys: ['rep'] });
    const arb = fc.record(
      {
        id: mostly(['C0001', 'C-2'], ['-C', 12]),
        name: mostly(['Toko Jaya', '  Toko Jaya ', 'x'.repeat(500)], ['Toko\nJaya', '', ' ', 'x'.repeat(501)]),
        region: mostly(['jawa'], ['r 1']),
        segment: mostly(['retail'], [null]),
        owner: mostly(['andi'], ['a b', undefined]),
        owners: fc.oneof(fc.array(entry, { maxLength: 3 }), fc.constant('andi')),
        since: day,
        extra: fc.constant('x'),
      },
      { requiredKeys: ['id', 'name', 'region', 'segment'] },
    ).chain((r) =>
      // Mostly one of owner and owners (as zod wants), now and then both or neither; rarely an unknown key.
      fc.nat(19).map((n) => {
        const c: Record<string, unknown> = { ...r };
        if (n > 0) delete c.extra;
        if (n > 1) delete c[n % 2 ? 'owner' : 'owners'];
        return c;
      }),
    );
    let valid = 0;
    let fast = 0;
    fc.assert(
      fc.property(arb, (raw) => {
        const f = agreesCustomer(raw);
        if (!customerSchema.safeParse(raw).success) return;
        valid++;
        if (f) fast++;
        // What zod accepts, the fast check takes, unless a key reads undefined (then zod decides).
        else expect(readsUndefined(raw), show(raw)).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(valid).toBeGreaterThan(RUNS / 50);
    expect(fast / valid).toBeGreaterThan(0.8);
  });

  it('reads owner and owners as zod does, in its key order', () => {
    expect(fastCustomer({ owner: 'andi', segment: 's', since: '2024-05-01', region: 'r', name: ' T ', id: 'C1' })).toEqual({ id: 'C1', name: 'T', region: 'r', segment: 's', since: '2024-05-01', owners: [{ rep: 'andi', from: null }], ownersWrittenAs: 'owner' });
    expect(agreesCustomer({ id: 'C1', name: 'T', region: 'r', segment: 's', owners: [{ rep: 'a' }, { rep: 'b', from: '2025-11-01' }, { from: '2025-12-01', rep: 'c' }] })).toBe(true);
    // A history zod refuses: a later entry without its day, two entries on one day, out of order, both forms.
    for (const owners of [[{ rep: 'a' }, { rep: 'b' }], [{ rep: 'a', from: '2025-11-01' }, { rep: 'b', from: '2025-11-01' }], [{ rep: 'a', from: '2025-11-02' }, { rep: 'b', from: '2025-11-01' }], []]) {
      expect(fastCustomer({ id: 'C1', name: 'T', region: 'r', segment: 's', owners })).toBeNull();
    }
    expect(fastCustomer({ id: 'C1', name: 'T', region: 'r', segment: 's', owner: 'a', owners: [{ rep: 'a' }] })).toBeNull();
    expect(fastCustomer({ id: 'C1', name: 'T', region: 'r', segment: 's' })).toBeNull();
    // A key that reads undefined, an inherited field name: zod decides.
    expect(fastCustomer({ id: 'C1', name: 'T', region: 'r', segment: 's', owner: 'a', since: undefined })).toBeNull();
    expect(fastCustomer({ id: 'C1', name: 'T', region: 'r', segment: 's', owner: 'a', toString: 'x' })).toBeNull();
  });
});
