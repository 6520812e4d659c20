/**
 * The default sample's targets: a month target for every KPI in every month of 2025 and 2026,
 * met in some months and missed in others, and exactly one out of reach. Checked first with
 * plain sums over the generated records (no engine code), then in the report the engine makes.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.ts';
import type { Report } from '../../src/report/build-report.ts';
import { readTree } from '../support/repo.ts';
import { loadSample, netOf, type Row, type Sample } from './load-sample.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const KPI_FILES = readTree(join(ROOT, 'kpis')).map((f) => ({ ...f, path: `kpis/${f.path}` }));
const KPI_IDS = KPI_FILES.map((f) => f.path.replace(/^kpis\/|\.yaml$/g, ''));
const MONTHS = ['2025', '2026'].flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`));
/** The months of the target years with data (the sample ends 2026-10). */
const DATA_MONTHS = MONTHS.filter((m) => m <= '2026-10');

let sample: Sample;
let targets: Row[];
beforeAll(() => {
  sample = loadSample();
  targets = ['2025', '2026'].flatMap((y) => sample.one(`data/targets/${y}.yaml`) as unknown as Row[]);
});

/** Month targets of one KPI for the company, or for members of one scope (`region`, `rep`, `category`). */
function monthTargets(kpi: string, scope?: 'region' | 'rep' | 'category'): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of targets) {
    if (t.kpi !== kpi || !/^\d{4}-\d{2}$/.test(String(t.period))) continue;
    const member = t.region ?? t.rep ?? t.category;
    if (scope ? t[scope] === undefined : member !== undefined) continue;
    out.set(scope ? `${t.period}|${member}` : t.period, t.value);
  }
  return out;
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** Of the months with data: how many reach the target (at or above it; at or below it when lower is better). */
function metShare(actual: Map<string, number>, target: Map<string, number>, lowerIsBetter = false): number {
  const months = DATA_MONTHS.filter((m) => actual.has(m));
  expect(months.length).toBeGreaterThanOrEqual(20);
  const met = months.filter((m) => (lowerIsBetter ? actual.get(m)! <= target.get(m)! : actual.get(m)! >= target.get(m)!)).length;
  return met / months.length;
}

describe('the sample targets, by plain sums', () => {
  it('give every KPI a month target in every month of 2025 and 2026', () => {
    expect(KPI_IDS).toHaveLength(21);
    for (const kpi of KPI_IDS) {
      const t = monthTargets(kpi);
      // Retention has no value, so no target, while its 90-day window reaches before the data (November 2024): January 2025.
      expect([...t.keys()].sort(), kpi).toEqual(kpi === 'customer-retention-rate' ? MONTHS.filter((m) => m !== '2025-01') : MONTHS);
      for (const [m, v] of t) {
        expect(Number.isFinite(v), `${kpi} ${m}`).toBe(true);
        if (kpi !== 'sales-growth') expect(v, `${kpi} ${m}`).toBeGreaterThan(0);
      }
    }
  });

  it('split sales over every region and category, adding up', () => {
    const company = sample.one('data/company.yaml');
    const regions = company.regions.map((r: Row) => r.id as string);
    const categories = (sample.one('data/products.yaml').categories as Row[]).map((c) => c.id as string);
    const netByRegion = monthTargets('net-sales', 'region');
    const byRegion = monthTargets('sales-by-region', 'region');
    const byCategory = monthTargets('sales-by-category', 'category');
    for (const m of MONTHS) {
      let sum = 0;
      for (const r of regions) {
        expect(byRegion.get(`${m}|${r}`), `${m} ${r}`).toBeGreaterThan(0);
        expect(netByRegion.get(`${m}|${r}`), `${m} ${r}`).toBe(byRegion.get(`${m}|${r}`));
        sum += byRegion.get(`${m}|${r}`)!;
      }
      expect(monthTargets('sales-by-region').get(m)).toBe(sum);
      sum = 0;
      for (const c of categories) sum += byCategory.get(`${m}|${c}`)!;
      expect(monthTargets('sales-by-category').get(m)).toBe(sum);
      // The parts are the month's sales plan, give or take rounding.
      expect(sum / monthTargets('sales-by-region').get(m)!).toBeCloseTo(1, 1);
    }
  });

  it('give each rep employed in the month a target, and no one else', () => {
    const team = sample.records('team').map(({ rec }) => rec);
    const owners = new Set(sample.records('customers').map(({ rec }) => rec.owner));
    const netByRep = monthTargets('net-sales', 'rep');
    const perRep = monthTargets('sales-per-rep', 'rep');
    let checked = 0;
    for (const m of MONTHS) {
      for (const rep of team) {
        const employed = rep.joined <= `${m}-31` && (!rep.left || rep.left >= `${m}-01`);
        expect(netByRep.has(`${m}|${rep.id}`), `${m} ${rep.id}`).toBe(employed);
        expect(perRep.has(`${m}|${rep.id}`), `${m} ${rep.id}`).toBe(employed && owners.has(rep.id));
        checked++;
      }
    }
    expect(checked).toBe(24 * 9);
  });

  it('are met in some months and missed in others', () => {
    const firstOrder = new Map<string, string>();
    for (const { rec } of sample.records('orders')) if (!firstOrder.has(rec.customer) || rec.date < firstOrder.get(rec.customer)!) firstOrder.set(rec.customer, rec.date);
    const net = new Map<string, number>();
    const orders = new Map<string, number>();
    const units = new Map<string, number>();
    const crossUp = new Map<string, number>();
    const existing = new Map<string, number>();
    const fresh = new Map<string, number>();
    for (const { rec, file } of sample.records('orders')) {
      const m = file.month!;
      add(net, m, netOf(rec));
      add(orders, m, 1);
      if (firstOrder.get(rec.customer)!.slice(0, 7) < m) add(existing, m, netOf(rec));
      for (const l of rec.lines) {
        add(units, m, l.qty);
        if (l.kind === 'cross-sell' || l.kind === 'up-sell') add(crossUp, m, l.qty * l.price * (1 - (l.discount ?? 0)));
      }
    }
    for (const d of firstOrder.values()) add(fresh, d.slice(0, 7), 1);
    const leads = new Map<string, number>();
    for (const { file } of sample.records('leads')) add(leads, file.month!, 1);
    const atv = new Map([...net].map(([m, v]) => [m, v / orders.get(m)!]));

    const actuals: [string, Map<string, number>][] = [
      ['net-sales', net],
      ['units-sold', units],
      ['cross-up-sell', crossUp],
      ['existing-customer-sales', existing],
      ['new-customers', fresh],
      ['new-leads', leads],
      ['average-transaction-value', atv],
    ];
    for (const [kpi, actual] of actuals) {
      const share = metShare(actual, monthTargets(kpi));
      expect(share, kpi).toBeGreaterThanOrEqual(0.25);
      expect(share, kpi).toBeLessThanOrEqual(0.75);
    }
  });

  it('set a bar in days for converting a lead that the team beats in some months (lower is better)', () => {
    const created = new Map(sample.records('leads').map(({ rec }) => [rec.id, Date.parse(rec.created + 'Z')]));
    const days = new Map<string, number[]>();
    for (const { rec, file } of sample.records('activities')) {
      if (rec.type !== 'won') continue;
      const d = (Date.parse(rec.at + 'Z') - created.get(rec.lead)!) / 86_400_000;
      days.set(file.month!, [...(days.get(file.month!) ?? []), d]);
    }
    const median = new Map(
      [...days].map(([m, list]) => {
        const s = list.sort((a, b) => a - b);
        const mid = s.length >> 1;
        return [m, s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2];
      }),
    );
    const share = metShare(median, monthTargets('time-to-convert'), true);
    expect(share).toBeGreaterThanOrEqual(0.25);
    expect(share).toBeLessThanOrEqual(0.75);
    // A bar the team can reach: within a few days of the typical month.
    for (const v of monthTargets('time-to-convert').values()) expect(v).toBeGreaterThan(10);
  });

  it('plant one target out of reach: net sales for 2026-12, 60 % on 2025-12; no other asks more than 30 %', () => {
    const net = new Map<string, number>();
    for (const { rec, file } of sample.records('orders')) add(net, file.month!, netOf(rec));
    const t = monthTargets('net-sales');
    expect(t.get('2026-12')! / net.get('2025-12')!).toBeCloseTo(1.6, 2);
    for (const [m, v] of t) {
      const lastYear = net.get(`${+m.slice(0, 4) - 1}${m.slice(4)}`);
      if (m !== '2026-12' && lastYear) expect(v / lastYear, m).toBeLessThan(1.305);
    }
  });
});

describe('the sample targets, in the report', () => {
  let report: Report;
  beforeAll(() => {
    const enc = new TextEncoder();
    const files = [...sample.files.map((f) => ({ path: f.path, bytes: enc.encode(f.text) })), ...KPI_FILES];
    const r = runPipeline(files, []);
    expect(r.validation.issues.filter((i) => i.level === 'error')).toEqual([]);
    report = r.report!;
  });

  it('judge every KPI in every month with data (but cohorts still maturing), on track in a quarter to three quarters of them', () => {
    expect(report.kpis.map((k) => k.id).sort()).toEqual([...KPI_IDS].sort());
    for (const kpi of report.kpis) {
      const months = new Map(kpi.values.month!.map((v) => [v.period, v]));
      // A maturing cohort (lead conversion of the last two months) is not judged yet, nor a
      // retention whose 90-day window reaches before the data (the first three months).
      const judged = DATA_MONTHS.filter((m) => !months.get(m)?.notes.includes('maturing') && months.get(m)?.reason !== 'window-before-data');
      expect(judged.length, kpi.id).toBeGreaterThanOrEqual(DATA_MONTHS.length - 3);
      const statuses = judged.map((m) => months.get(m)?.status ?? null);
      expect(statuses.filter((s) => s === null), kpi.id).toEqual([]);
      const onTrack = statuses.filter((s) => s === 'on-track').length / statuses.length;
      expect(onTrack, kpi.id).toBeGreaterThanOrEqual(0.25);
      expect(onTrack, kpi.id).toBeLessThanOrEqual(0.75);
    }
  });

  it('judge the lower-is-better KPIs the right way round', () => {
    for (const id of ['time-to-convert', 'sales-cycle-length', 'follow-up-interval']) {
      const kpi = report.kpis.find((k) => k.id === id)!;
      expect(kpi.direction).toBe('lower');
      for (const v of kpi.values.month!.filter((x) => DATA_MONTHS.includes(x.period))) {
        expect(v.target, `${id} ${v.period}`).not.toBeNull();
        expect(v.status === 'on-track', `${id} ${v.period}`).toBe(v.value! <= v.target!);
      }
    }
  });

  it('flag the planted target, and only that one, as unrealistic', () => {
    const flagged = report.lints.filter((l) => l.code === 'unrealistic-target').map((l) => `${l.kpi} ${l.period}`);
    expect(flagged).toEqual(['net-sales 2026-12']);
  });
});
