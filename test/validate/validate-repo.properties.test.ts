/**
 * Properties of validation over generated repositories: valid data always validates; one
 * mutation that breaks a rule is always reported; arbitrary byte damage never crashes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINE_BREAK } from '../../src/schema/fields.ts';
import { validateRepo, type SourceFile } from '../../src/validate/validate-repo.ts';
import { fileOf } from '../support/repo.ts';

const RUNS = Number(process.env.FC_RUNS ?? 60);

type Rec = Record<string, unknown>;
interface Repo {
  company: Rec;
  team: Rec[];
  products: { categories: Rec[]; products: Rec[] };
  customers: Rec[];
  orders: Rec[];
  leads: Rec[];
  activities: Rec[];
  surveys: Rec[];
}

const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
// Names are one line: no character YAML or the schema reads as a line break (schema/fields.ts).
const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0 && !LINE_BREAK.test(s));

/** A small valid repository for March 2026. */
const repoArb: fc.Arbitrary<Repo> = fc
  .record({
    reps: fc.integer({ min: 1, max: 4 }),
    skus: fc.integer({ min: 1, max: 5 }),
    customers: fc.integer({ min: 1, max: 6 }),
    names: fc.array(name, { minLength: 20, maxLength: 20 }),
    orders: fc.array(
      fc.record({
        date: day,
        lines: fc.array(
          fc.record({ qty: fc.integer({ min: 1, max: 1000 }), price: fc.integer({ min: 0, max: 10_000_000 }), discount: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constantFrom('regular', 'cross-sell', 'up-sell') }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { maxLength: 8 },
    ),
    leads: fc.array(fc.record({ day: fc.integer({ min: 1, max: 20 }), won: fc.boolean(), contacted: fc.boolean() }), { maxLength: 6 }),
    scores: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 5 }),
  })
  .map((g) => {
    const reps = Array.from({ length: g.reps }, (_, i) => ({ id: `rep-${i}`, name: g.names[i]!, region: 'jakarta', joined: '2025-01-01' }));
    const skus = Array.from({ length: g.skus }, (_, i) => ({ sku: `SKU-${i}`, name: g.names[5 + i]!, category: 'minuman', tier: 1 + (i % 3) }));
    const customers = Array.from({ length: g.customers }, (_, i) => ({ id: `C${i}`, name: g.names[10 + (i % 10)]!, region: 'jakarta', segment: 'retail', owner: reps[i % g.reps]!.id }));
    const orders = g.orders.map((o, i) => ({
      id: `SO-${i}`,
      date: o.date,
      customer: customers[i % customers.length]!.id,
      rep: reps[i % reps.length]!.id,
      lines: o.lines.map((l, j) => ({ sku: skus[(i + j) % skus.length]!.sku, ...l })),
    }));
    const leads = g.leads.map((l, i) => ({ id: `L-${i}`, created: `2026-03-${String(l.day).padStart(2, '0')}T09:00`, source: 'referral', rep: reps[i % reps.length]!.id, region: 'jakarta' }));
    const activities = g.leads.flatMap((l, i) => [
      ...(l.contacted ? [{ id: `A-${i}-c`, at: `2026-03-${String(l.day).padStart(2, '0')}T10:00`, type: 'contact', rep: reps[i % reps.length]!.id, lead: `L-${i}` }] : []),
      ...(l.won ? [{ id: `A-${i}-w`, at: `2026-03-${String(l.day + 2).padStart(2, '0')}T10:00`, type: 'won', rep: reps[i % reps.length]!.id, lead: `L-${i}`, customer: customers[0]!.id }] : []),
    ]);
    const surveys = g.scores.map((score, i) => ({ id: `S-${i}`, date: '2026-03-15', customer: customers[i % customers.length]!.id, score }));
    return {
      company: { name: 'PT Uji', currency: 'IDR', regions: [{ id: 'jakarta', name: 'Jakarta' }], segments: [{ id: 'retail', name: 'Ritel' }], lead_sources: [{ id: 'referral', name: 'Referensi' }] },
      team: reps,
      products: { categories: [{ id: 'minuman', name: { id: 'Minuman', en: 'Beverages' } }], products: skus },
      customers,
      orders,
      leads,
      activities,
      surveys,
    };
  });

function filesOf(r: Repo): SourceFile[] {
  return [
    fileOf('data/company.yaml', r.company),
    fileOf('data/team.yaml', r.team),
    fileOf('data/products.yaml', r.products),
    fileOf('data/customers.yaml', r.customers),
    fileOf('data/2026/03/orders.yaml', r.orders),
    fileOf('data/2026/03/leads.yaml', r.leads),
    fileOf('data/2026/03/activities.yaml', r.activities),
    fileOf('data/2026/03/surveys.yaml', r.surveys),
  ];
}

type ListKey = 'team' | 'customers' | 'orders' | 'leads' | 'activities' | 'surveys';

/** One change that breaks a rule, applied to a copy. Returns null when the repo has no such record. */
type Mutation = (r: Repo, pick: number) => Repo | null;

const clone = (r: Repo): Repo => structuredClone(r);
const withRecord = (key: ListKey, f: (rec: Rec, r: Repo) => void): Mutation => (r, pick) => {
  const c = clone(r);
  const list = c[key];
  if (!list.length) return null;
  f(list[pick % list.length]!, c);
  return c;
};

const mutations: Record<string, Mutation> = {
  'remove a required field': withRecord('orders', (o) => delete o.customer),
  'misspell a field': withRecord('customers', (x) => ((x.custmer = x.owner), delete x.owner)),
  'add an unknown field': withRecord('surveys', (s) => (s.rating = 5)),
  'text where a number belongs': withRecord('orders', (o) => ((o.lines as Rec[])[0]!.qty = 'ten')),
  'negative quantity': withRecord('orders', (o) => ((o.lines as Rec[])[0]!.qty = -1)),
  'discount above 1': withRecord('orders', (o) => ((o.lines as Rec[])[0]!.discount = 15)),
  'score out of range': withRecord('surveys', (s) => (s.score = 6)),
  'impossible date': withRecord('orders', (o) => (o.date = '2026-02-30')),
  'date in another month': withRecord('orders', (o) => (o.date = '2026-04-01')),
  'unknown customer': withRecord('orders', (o) => (o.customer = 'NOPE-404')),
  'unknown sku': withRecord('orders', (o) => ((o.lines as Rec[])[0]!.sku = 'NOPE-404')),
  'unknown rep on a lead': withRecord('leads', (l) => (l.rep = 'nobody')),
  'unknown region on a customer': withRecord('customers', (x) => (x.region = 'mars')),
  'duplicate order id': (r) => {
    if (!r.orders.length) return null;
    const c = clone(r);
    c.orders.push({ ...structuredClone(c.orders[0]!) });
    return c;
  },
  'activity before its lead': withRecord('leads', (l, c) => {
    l.created = '2026-03-28T23:00';
    c.activities.push({ id: 'A-early', at: '2026-03-01T08:00', type: 'contact', rep: 'rep-0', lead: l.id });
  }),
  'lead won and lost': withRecord('leads', (l, c) => {
    c.activities.push({ id: 'A-w2', at: '2026-03-28T10:00', type: 'won', rep: 'rep-0', lead: l.id, customer: 'C0' });
    c.activities.push({ id: 'A-l2', at: '2026-03-28T11:00', type: 'lost', rep: 'rep-0', lead: l.id });
  }),
};

describe('validation properties', () => {
  it('accepts every generated valid repository', () => {
    fc.assert(
      fc.property(repoArb, (r) => {
        const res = validateRepo(filesOf(r));
        // Line kinds are drawn at random, so a cross-sell or up-sell may not be one for that
        // customer: a warning about the data's meaning, never an error (rules/line-kinds.ts).
        expect(res.issues.filter((i) => i.code !== 'kind-not-cross-sell' && i.code !== 'kind-not-up-sell')).toEqual([]);
        expect(res.issues.every((i) => i.level === 'warning')).toBe(true);
        expect(res.data).not.toBeNull();
        expect(res.data!.orders.reduce((n, f) => n + f.length, 0)).toBe(r.orders.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('reports every single rule-breaking mutation as an error', () => {
    fc.assert(
      fc.property(repoArb, fc.constantFrom(...Object.keys(mutations)), fc.nat(), (r, name, pick) => {
        const mutated = mutations[name]!(r, pick);
        fc.pre(mutated !== null);
        const res = validateRepo(filesOf(mutated!));
        const errors = res.issues.filter((i) => i.level === 'error');
        expect(errors.length, name).toBeGreaterThan(0);
        for (const e of errors) expect(e.file, name).toMatch(/^data\//);
        expect(res.data).toBeNull();
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('never crashes on damaged bytes, and reports damage that breaks the file', () => {
    fc.assert(
      fc.property(repoArb, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.constantFrom('insert', 'overwrite', 'truncate'), (r, pos, junk, how) => {
        const files = filesOf(r);
        const target = files[pos % files.length]!;
        const b = target.bytes;
        const at = pos % (b.length + 1);
        const damaged =
          how === 'truncate' ? b.slice(0, at) : how === 'insert' ? new Uint8Array([...b.slice(0, at), ...junk, ...b.slice(at)]) : new Uint8Array([...b.slice(0, at), ...junk, ...b.slice(at + junk.length)]);
        files[files.indexOf(target)] = { path: target.path, bytes: damaged };
        const res = validateRepo(files);
        // Either the damage still parses to valid data, or it is reported; never a throw.
        if (res.data === null) expect(res.issues.some((i) => i.level === 'error')).toBe(true);
        for (const i of res.issues) {
          expect(i.message.length).toBeGreaterThan(0);
          expect(Number.isInteger(i.line) && i.line >= 0).toBe(true);
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });
});
