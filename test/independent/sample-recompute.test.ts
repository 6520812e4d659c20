/**
 * A deliberately plain recomputation of four KPIs over the whole committed sample: read the YAML
 * with js-yaml, loop over records, no code shared with the engine. The engine must agree.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleReport } from '../support/repo.ts';
import type { Report } from '../../src/report/model.ts';

const ROOT = join(import.meta.dirname, '..', '..');

interface Line { qty: number; price: number; discount?: number }
interface Order { id: string; date: string; customer: string; lines: Line[] }
interface Customer { id: string; region: string; owner?: string; owners?: { rep: string; from?: string }[]; since?: string }
interface Rep { id: string; joined: string; left?: string }

function load<T>(path: string): T[] {
  return (yaml.load(readFileSync(path, 'utf8'), { schema: yaml.CORE_SCHEMA }) as T[] | null) ?? [];
}

const orders: Order[] = [];
for (const y of readdirSync(join(ROOT, 'data')).filter((d) => /^\d{4}$/.test(d))) {
  for (const m of readdirSync(join(ROOT, 'data', y))) {
    const f = join(ROOT, 'data', y, m, 'orders.yaml');
    if (existsSync(f)) orders.push(...load<Order>(f));
  }
}
// The first day of the data: the first month folder.
const years = readdirSync(join(ROOT, 'data')).filter((d) => /^\d{4}$/.test(d)).sort();
const dataStart = `${years[0]}-${readdirSync(join(ROOT, 'data', years[0]!)).sort()[0]}-01`;
const customers = new Map(load<Customer>(join(ROOT, 'data', 'customers.yaml')).map((c) => [c.id, c]));
const month = (o: Order) => o.date.slice(0, 7);
const quarter = (o: Order) => `${o.date.slice(0, 4)}-Q${Math.ceil(+o.date.slice(5, 7) / 3)}`;
const net = (o: Order) => o.lines.reduce((s, l) => s + l.qty * l.price * (1 - (l.discount ?? 0)), 0);

let report: Report;
beforeAll(() => {
  report = sampleReport(ROOT);
});

const engine = (kpi: string, grain: 'month' | 'quarter' = 'month') => new Map(report.kpis.find((k) => k.id === kpi)!.values[grain]!.map((v) => [v.period, v]));

describe('the engine agrees with a plain recomputation over the sample', () => {
  it('has a real sample to check (24 months, thousands of orders)', () => {
    expect(new Set(orders.map(month)).size).toBe(24);
    expect(orders.length).toBeGreaterThan(5000);
  });

  it('net-sales per month and per region', () => {
    const byMonth = new Map<string, number>();
    const byRegion = new Map<string, number>();
    for (const o of orders) {
      byMonth.set(month(o), (byMonth.get(month(o)) ?? 0) + net(o));
      const k = `${month(o)}|${customers.get(o.customer)!.region}`;
      byRegion.set(k, (byRegion.get(k) ?? 0) + net(o));
    }
    const e = engine('net-sales');
    for (const [m, v] of byMonth) {
      expect(e.get(m)!.value).toBeCloseTo(v, 2);
      for (const member of e.get(m)!.breakdowns.region!) expect(member.value).toBeCloseTo(byRegion.get(`${m}|${member.member}`) ?? 0, 2);
    }
  });

  it('average-transaction-value per month and per quarter', () => {
    for (const [key, grain] of [[month, 'month'], [quarter, 'quarter']] as const) {
      const sum = new Map<string, number>();
      const count = new Map<string, number>();
      for (const o of orders) {
        sum.set(key(o), (sum.get(key(o)) ?? 0) + net(o));
        count.set(key(o), (count.get(key(o)) ?? 0) + 1);
      }
      const e = engine('average-transaction-value', grain);
      for (const [p, s] of sum) expect(e.get(p)!.value).toBeCloseTo(s / count.get(p)!, 4);
    }
  });

  it('new-customers per month (a customer whose since is before the data is not new)', () => {
    const first = new Map<string, string>();
    for (const o of orders) if (!first.has(o.customer) || o.date < first.get(o.customer)!) first.set(o.customer, o.date);
    const counts = new Map<string, number>();
    for (const [c, d] of first) if (!(customers.get(c)!.since && customers.get(c)!.since! < dataStart)) counts.set(d.slice(0, 7), (counts.get(d.slice(0, 7)) ?? 0) + 1);
    const e = engine('new-customers');
    for (const [m, v] of e) expect(v.value).toBe(counts.get(m) ?? 0);
  });

  it('customer-retention-rate per month: active = an order in the 90 days before', () => {
    const day = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;
    const active = (t: number) => new Set(orders.filter((o) => day(o.date) >= t - 90 && day(o.date) < t).map((o) => o.customer));
    const months = [...new Set(orders.map(month))].sort();
    const e = engine('customer-retention-rate');
    let checked = 0;
    for (const m of months) {
      const start = day(`${m}-01`);
      const end = Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 1) / 86_400_000;
      if (start - 90 < day(dataStart)) {
        expect(e.get(m)!.value).toBeNull();
        continue;
      }
      const before = active(start);
      const after = active(end);
      expect(e.get(m)!.value).toBeCloseTo([...before].filter((c) => after.has(c)).length / before.size, 10);
      checked++;
    }
    expect(checked).toBeGreaterThan(12);
  });

  it('sales-per-rep per month: the owner on the order date, the reps employed in the month', () => {
    const team = load<Rep>(join(ROOT, 'data', 'team.yaml'));
    // The owner on a day: the last history entry from on or before it (no from: since always).
    const ownerOn = (c: Customer, date: string) => {
      let who: string | undefined;
      for (const o of c.owners ?? [{ rep: c.owner! }]) if (o.from === undefined || o.from <= date) who = o.rep;
      return who;
    };
    const credited = new Map<string, number>();
    for (const o of orders) {
      const rep = ownerOn(customers.get(o.customer)!, o.date);
      if (rep !== undefined) credited.set(`${month(o)}|${rep}`, (credited.get(`${month(o)}|${rep}`) ?? 0) + net(o));
    }
    const e = engine('sales-per-rep');
    let histories = 0;
    for (const c of customers.values()) if (c.owners) histories++;
    expect(histories).toBeGreaterThan(0);
    for (const [m, v] of e) {
      const employed = team.filter((r) => r.joined <= `${m}-31` && (!r.left || r.left >= `${m}-01`)).map((r) => r.id);
      const rows = Object.fromEntries(employed.map((r) => [r, credited.get(`${m}|${r}`) ?? 0]));
      const shown = Object.fromEntries(v.breakdowns.rep!.map((x) => [x.member, x.value]));
      expect(Object.keys(shown).sort(), m).toEqual(Object.keys(rows).sort());
      for (const r of employed) expect(shown[r], `${m} ${r}`).toBeCloseTo(rows[r]!, 2);
      const sum = employed.reduce((a, r) => a + rows[r]!, 0);
      expect(v.value, m).toBeCloseTo(sum / employed.length, 2);
    }
  });
});
