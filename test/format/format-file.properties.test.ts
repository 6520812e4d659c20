/**
 * Properties of `capaian fmt` over generated files: records with tricky strings and numbers,
 * unknown fields, written in a random messy style (key order, quoting, number notation, flow or
 * block, indentation, blank lines, CRLF) with comments in random places. For every such file:
 *
 * - fmt never changes a value: js-yaml (CORE_SCHEMA) reads the same data before and after,
 *   records compared in sorted order;
 * - fmt keeps every comment;
 * - fmt is idempotent: fmt(fmt(x)) === fmt(x);
 * - without comments the output is exactly what the canonical writer makes of the values;
 * - a comment right before a record travels with the record when the records are sorted.
 */
import fc from 'fast-check';
import yaml from 'js-yaml';
import { Lexer } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatYaml, type FormatKind } from '../../src/format/format-file.ts';
import { LAYOUTS } from '../../src/format/layout.ts';
import { isPlainSafe, quote, toYaml, type Layout } from '../../src/format/to-yaml.ts';

const RUNS = Number(process.env.FC_RUNS ?? 150);

// ---------------------------------------------------------------------------------------------
// Values

const TRICKY = [
  'yes', 'no', 'on', 'null', 'Null', '~', 'true', 'False', '1e3', '-1', '+1', '.5', '1.', '007', '0x1F', '0o17', '0b101',
  '.inf', '-.Inf', '.nan', '2026-03-04', '2026-03-04T09:15', '12:30', 'a: b', 'a:b', 'a:', '#x', 'a #b', 'a#b',
  ' leading', 'trailing ', '', ' ', '-', '- x', '-x', '?', '? x', ':x', ',x', 'x, y', '[x]', '{x}', '&a', '*a', '!tag',
  '|', '>', "'q'", '"q"', "it's", 'say "hi"', '%x', '@x', '`x', '...', '---', 'a\nb', 'a\r\nb', '\ttab', 'back\\slash',
  'Café Jalan Raya', 'Toko 😀', '\u0085', '\u2028', '\ufeff', '\x7f', '\x00', '<<', 'Rp 1.250.000', 'SO-2026-03-0001',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 1, arbitrary: fc.constantFrom('two\nlines\n', 'one\ntwo', 'Jl. Merdeka 1\nBekasi\n', 'a.\nb, c\nd\n') },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._()-]{0,14}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const number = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -1_000_000, max: 10_000_000_000 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e21, 1e-7, 5500, 0.05, 2 ** 53 + 2, 123456789012345680000, NaN, Infinity, -Infinity) },
);
const scalar = fc.oneof({ weight: 5, arbitrary: text }, { weight: 3, arbitrary: number }, fc.boolean(), fc.constant(null));
const key = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z_]{0,7}$/) },
  { weight: 1, arbitrary: fc.constantFrom('1', '2', 'null', 'true', 'a b', 'x: y', '#', '-', '?', '<<', 'Kunci', 'ключ') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 5 }) },
);
const extras = fc.dictionary(key, fc.oneof({ weight: 3, arbitrary: scalar }, fc.array(scalar, { maxLength: 3 }), fc.dictionary(key, scalar, { maxKeys: 3 })), { maxKeys: 2 });
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
const date = fc.oneof({ weight: 4, arbitrary: day }, { weight: 1, arbitrary: day.map((d) => `${d}T0${d.length % 10}:15`) }, { weight: 1, arbitrary: scalar });
const localized = fc.oneof(text, fc.record({ id: text, en: text }));

type Rec = Record<string, unknown>;
/** A record of the layout's fields (any subset, values of any kind where it is tricky) plus unknown ones. */
function record(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Rec> {
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), extras).map(([known, more]) => ({ ...more, ...known }) as Rec);
}

const orderLine = record({ sku: text, qty: number, price: number, discount: fc.oneof(fc.constant(0), number), kind: fc.constantFrom('regular', 'cross-sell', 'up-sell') });
const order = record({ id: fc.oneof(fc.integer({ min: 1, max: 99 }).map((i) => `SO-${i}`), text), date, customer: text, rep: text, lines: fc.array(orderLine, { maxLength: 3 }), note: text });
const target = record({ kpi: fc.constantFrom('net-sales', 'new-leads', 'b'), period: fc.oneof(fc.constant(2026), fc.constantFrom('2026-01', '2026-Q1', '2026-12')), value: number, rep: fc.constantFrom('andi', 'sari'), region: text, category: text });
const goal = record({ id: text, title: localized, description: localized, kpi: text, owner: text });
const vocab = record({ id: text, name: localized });
const company = record({ name: text, currency: text, locale: text, timezone: text, fiscal_year_start: number, working_days: fc.array(text, { maxLength: 4 }), holidays: fc.array(record({ date, name: text }), { maxLength: 3 }), regions: fc.array(vocab, { maxLength: 3 }), segments: fc.array(vocab, { maxLength: 2 }) });
const products = record({ categories: fc.array(vocab, { maxLength: 3 }), products: fc.array(record({ sku: fc.oneof(fc.constantFrom('A', 'B', 'C'), text), name: text, category: text, tier: number, list_price: number }), { maxLength: 5 }) });
const formula: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
})).node;
const kpi = record({ id: text, title: localized, description: localized, group: text, unit: text, formula, secondary: record({ title: localized, unit: text, formula }), breakdowns: fc.array(fc.oneof(text, record({ by: text, field: text })), { maxLength: 3 }), additive: fc.boolean(), maturity_days: number });

// ---------------------------------------------------------------------------------------------
// A messy YAML writer: the same values, written as a person or another tool might

class Messy {
  lines: string[] = [];
  comments: string[] = [];
  private state: number;
  constructor(
    seed: number,
    private pool: string[],
  ) {
    this.state = seed >>> 0 || 1;
  }
  random(): number {
    // mulberry32
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)]!;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
  push(line: string): void {
    if (this.chance(0.04)) this.lines.push(this.pick(['', '  ']));
    this.lines.push(line + (this.chance(0.05) ? ' \t ' : ''));
  }
  /** Lines pushed as they are (the content of a block scalar). */
  raw(lines: string[]): void {
    this.lines.push(...lines);
  }
  /** Maybe a comment line at this indentation. */
  comment(indent: number): void {
    if (this.pool.length && this.chance(0.2)) {
      const c = this.pool.shift()!;
      this.comments.push(c);
      this.push(' '.repeat(indent) + '#' + c);
    }
  }
  /** Maybe a comment at the end of a line. */
  inline(): string {
    if (!this.pool.length || !this.chance(0.2)) return '';
    const c = this.pool.shift()!;
    this.comments.push(c);
    return this.pick([' #', '  #', '\t#']) + c;
  }
}

const isMapping = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const SINGLE_SAFE = /^[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]*$/;

function scalarText(m: Messy, v: unknown, flow: boolean): string {
  if (v === null) return m.pick(['null', '~', 'Null']);
  if (typeof v === 'boolean') return v ? m.pick(['true', 'True', 'TRUE']) : m.pick(['false', 'False', 'FALSE']);
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return m.pick(['.nan', '.NaN', '.NAN']);
    if (v === Infinity) return m.pick(['.inf', '.Inf', '+.inf']);
    if (v === -Infinity) return m.pick(['-.inf', '-.INF']);
    if (Object.is(v, -0)) return '-0.0';
    const ways = [String(v), v.toExponential()];
    if (Number.isSafeInteger(v) && v >= 0) ways.push(`+${v}`, `0x${v.toString(16)}`, `${v}.0`);
    return m.pick(ways);
  }
  const s = String(v);
  const ways = [quote(s)];
  if (isPlainSafe(s, flow)) ways.push(s, s);
  if (SINGLE_SAFE.test(s)) ways.push(`'${s.replace(/'/g, "''")}'`);
  return m.pick(ways);
}

/** A flow collection, sometimes spread over lines (indented past `indent`) with comments after its commas. */
function flowText(m: Messy, v: unknown, indent: number): string {
  const sep = () => {
    if (!m.chance(0.15)) return m.pick([', ', ',']);
    return ',' + m.inline() + '\n' + ' '.repeat(indent + m.pick([1, 2, 4]));
  };
  const join = (parts: string[]) => parts.map((p, i) => (i ? sep() : '') + p).join('');
  if (Array.isArray(v)) return v.length ? `[${join(v.map((x) => flowText(m, x, indent)))}]` : '[]';
  if (isMapping(v)) {
    const keys = m.shuffle(Object.keys(v));
    if (!keys.length) return '{}';
    const [open, close] = m.pick([['{ ', ' }'], ['{', '}']]);
    return open + join(keys.map((k) => `${scalarText(m, k, true)}: ${flowText(m, v[k], indent)}`)) + close;
  }
  return scalarText(m, v, true);
}

/** Text that a literal block scalar can hold: lines of words, ending in one line break (|) or none (|-). */
const BLOCK_SAFE = /^[A-Za-z0-9][A-Za-z0-9 ,.]*(\n[A-Za-z0-9][A-Za-z0-9 ,.]*)*\n?$/;

/** `start` is the line up to and including "key:" or "-"; nested content goes at `indent`. */
function writeValue(m: Messy, start: string, v: unknown, indent: number, column: number): void {
  const empty = (Array.isArray(v) && !v.length) || (isMapping(v) && !Object.keys(v).length);
  if (typeof v === 'string' && v.includes('\n') && BLOCK_SAFE.test(v) && !/ \n| $/.test(v) && m.chance(0.6)) {
    m.push(`${start} ${v.endsWith('\n') ? '|' : '|-'}${m.inline()}`);
    m.raw(v.replace(/\n$/, '').split('\n').map((l) => ' '.repeat(indent) + l));
    return;
  }
  if (!(Array.isArray(v) || isMapping(v)) || empty || m.chance(0.25)) {
    m.push(`${start} ${flowText(m, v, column)}${m.inline()}`);
    return;
  }
  if (Array.isArray(v)) {
    m.push(start + m.inline());
    // A list under a key may stand at the key's own indentation.
    writeList(m, v, start.trimStart().startsWith('-') || !m.chance(0.3) ? indent : column);
  } else if (start.trimStart() === '-' && m.chance(0.6)) {
    writeMapping(m, v, column + 2, start + ' ');
  } else {
    m.push(start + m.inline());
    writeMapping(m, v, indent);
  }
}

function writeMapping(m: Messy, obj: Rec, indent: number, first?: string): void {
  const keys = m.shuffle(Object.keys(obj));
  keys.forEach((k, i) => {
    if (i > 0 || !first) m.comment(indent);
    const start = (i === 0 && first ? first : ' '.repeat(indent)) + scalarText(m, k, false) + ':';
    writeValue(m, start, obj[k], indent + m.pick([2, 4]), indent);
  });
  m.comment(indent);
}

function writeList(m: Messy, list: unknown[], indent: number): void {
  for (const item of list) {
    m.comment(indent);
    writeValue(m, ' '.repeat(indent) + '-', item, indent + 2, indent);
  }
  m.comment(indent);
}

/** The value as messy YAML, with comments from the pool in random places. */
function messy(value: unknown, seed: number, pool: string[]): { text: string; comments: string[] } {
  const m = new Messy(seed, [...pool]);
  m.comment(0);
  if (m.chance(0.5)) m.comment(0);
  if (Array.isArray(value) && value.length) writeList(m, value, 0);
  else if (isMapping(value) && Object.keys(value).length) writeMapping(m, value, 0);
  else m.push(flowText(m, value, 0));
  m.comment(0);
  const eol = m.chance(0.1) ? '\r\n' : '\n';
  return { text: m.lines.join(eol) + eol, comments: m.comments };
}

// ---------------------------------------------------------------------------------------------
// What fmt must do

const load = (t: string) => yaml.load(t, { schema: yaml.CORE_SCHEMA });

function commentsOf(t: string): string[] {
  return [...new Lexer().lex(t)].filter((tok) => tok[0] === '#').map((tok) => tok.slice(1).trimEnd()).sort();
}

const sortKey = (r: unknown, k: string) => {
  const v = isMapping(r) ? r[k] : undefined;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
};
function sortedBy(list: unknown[], keys: readonly string[] | undefined): unknown[] {
  if (!keys) return list;
  return list
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      for (const k of keys) {
        const x = sortKey(a.r, k);
        const y = sortKey(b.r, k);
        if (x !== y) return x < y ? -1 : 1;
      }
      return a.i - b.i;
    })
    .map((x) => x.r);
}

/** The values in the order fmt writes them: the records of the kind sorted, products' products too. */
function expected(kind: FormatKind, value: unknown): unknown {
  if (Array.isArray(value)) return sortedBy(value, kind === 'kpi' ? undefined : LAYOUTS[kind].sortBy);
  if (kind === 'products' && isMapping(value) && Array.isArray(value.products)) return { ...value, products: sortedBy(value.products, ['sku']) };
  return value;
}

/** The canonical writer's layout for fmt: defaults are written as they stand. */
function keepingDefaults(layout: Layout): Layout {
  return { ...layout, omitDefaults: false, nested: Object.fromEntries(Object.entries(layout.nested).map(([k, v]) => [k, keepingDefaults(v)])) };
}

const commentText = fc
  .string({ unit: 'grapheme', maxLength: 14 })
  .filter((s) => /^[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]*$/.test(s));

function checkFmt(kind: FormatKind, value: unknown, seed: number, pool: string[]): void {
  const input = messy(value, seed, pool);
  // The messy writer must write the value (else this test is wrong, not fmt).
  expect(load(input.text), input.text).toEqual(value);
  const once = formatYaml(input.text, kind, 'x.yaml');
  expect(once.issues, input.text).toBeUndefined();
  const out = once.text!;
  expect(load(out), `${input.text}\n=== became\n${out}`).toEqual(expected(kind, value));
  expect(commentsOf(out), `${input.text}\n=== became\n${out}`).toEqual(input.comments.map((c) => c.trimEnd()).sort());
  const twice = formatYaml(out, kind, 'x.yaml');
  expect(twice.text, `${input.text}\n=== became\n${out}`).toBe(out);
  if (!input.comments.length && kind !== 'kpi') {
    const layout = keepingDefaults(LAYOUTS[kind]);
    // (Unknown keys keep their order from the source: compare with the values as read.)
    expect(out, input.text).toBe(toYaml(expected(kind, load(input.text)), layout));
  }
}

const cases: [FormatKind, fc.Arbitrary<unknown>][] = [
  ['orders', fc.array(order, { maxLength: 5 })],
  ['targets', fc.array(target, { maxLength: 6 })],
  ['goals', fc.array(goal, { maxLength: 3 })],
  ['company', company],
  ['products', products],
  ['kpi', kpi],
];

describe('fmt (properties)', () => {
  for (const [kind, arb] of cases) {
    it(`keeps values and comments of ${kind} files and is idempotent`, () => {
      fc.assert(
        fc.property(arb, fc.integer(), fc.array(commentText, { maxLength: 12 }), (value, seed, pool) => checkFmt(kind, value, seed, pool)),
        { numRuns: RUNS },
      );
    });
  }

  it('writes comment-free files exactly as the canonical writer does', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 5 }), fc.integer(), (value, seed) => checkFmt('orders', value, seed, [])),
      { numRuns: RUNS },
    );
  });

  it('moves the comments right before a record along with it when sorting', () => {
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(ids, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.integer(), fc.array(commentText, { maxLength: 6 }), (nums, marked, seed, pool) => {
        const records = nums.map((n) => ({ id: `SO-${String(n).padStart(3, '0')}`, date: '2026-03-04', customer: 'C1', rep: 'andi', lines: [{ sku: 'A', qty: 1, price: 1 }] }));
        let src = '# orders, March\n\n';
        records.forEach((r, i) => {
          if (marked[i]) src += `# about ${r.id}\n`;
          // (Without blank lines: a blank line between a comment and the record would part them.)
          src += messy([r], seed + i, pool).text.replace(/\r\n/g, '\n').replace(/^[ \t]*\n/gm, '');
        });
        const out = formatYaml(src, 'orders', 'x.yaml').text!;
        expect(load(out)).toEqual(sortedBy(records, ['date', 'id']));
        const lines = out.split('\n');
        lines.forEach((line, i) => {
          const about = /^# about (\S+)$/.exec(line);
          if (!about) return;
          const next = lines.slice(i + 1).find((l) => !l.startsWith('#'));
          expect(next?.replace(/ #.*$/, ''), out).toBe(`- id: ${about[1]}`);
        });
        expect(lines.filter((l) => l.startsWith('# about')).length).toBe(records.filter((_, i) => marked[i]).length);
        expect(lines[0]).toBe('# orders, March');
      }),
      { numRuns: RUNS },
    );
  });

});
