import { beforeAll, describe, expect, it } from 'vitest';
import { lebaranPeakMonth } from '../../src/sample/calendar.ts';
import { generateSample, generateSampleFiles } from '../../src/sample/generate.ts';
import { MONTH_KINDS, schemaOf, type FileKind } from '../../src/schema/file-kinds.ts';
import { loadSample, netOf, type Row, type Sample } from './load-sample.ts';

// The default sample: 24 months ending 2026-10, about 500 orders a month.
let sample: Sample;
beforeAll(() => {
  sample = loadSample();
});

const minutes = (dateTime: string) => Date.parse(dateTime + 'Z') / 60_000;

describe('generateSample', () => {
  it('is deterministic: same seed, same text; another seed, other text', () => {
    const small = { ordersPerMonth: 40, months: 4 };
    const a = generateSample(small);
    expect(generateSample(small)).toEqual(a);
    const b = generateSample({ ...small, seed: 2 });
    expect(b.map((f) => f.path)).toEqual(a.map((f) => f.path));
    expect(b.find((f) => f.path.endsWith('orders.yaml'))!.text).not.toBe(a.find((f) => f.path.endsWith('orders.yaml'))!.text);
  });

  it('yields month by month, customers and targets last', () => {
    const paths = [...generateSampleFiles({ ordersPerMonth: 20, months: 3, endMonth: '2026-02' })].map((f) => f.path);
    expect(paths.slice(0, 4)).toEqual(['data/company.yaml', 'data/team.yaml', 'data/products.yaml', 'data/goals.yaml']);
    expect(paths.slice(4, 8)).toEqual(['orders', 'leads', 'activities', 'surveys'].map((k) => `data/2025/12/${k}.yaml`));
    expect(paths.slice(-2)).toEqual(['data/customers.yaml', 'data/targets/2026.yaml']);
  });

  it('refuses bad options', () => {
    expect(() => generateSampleFiles({ months: 0 })).toThrow(/months/);
    expect(() => generateSampleFiles({ ordersPerMonth: 1.5 })).toThrow(/orders per month/);
    expect(() => generateSampleFiles({ endMonth: '2026-13' })).toThrow(/YYYY-MM/);
  });

  it('writes files that match their schema', () => {
    for (const f of sample.files) {
      const result = schemaOf[f.kind].safeParse(f.value);
      expect(result.success, `${f.path}: ${result.error?.message}`).toBe(true);
    }
    expect(sample.files.filter((f) => f.kind === 'orders')).toHaveLength(24);
    expect(sample.files.filter((f) => f.kind === 'targets').map((f) => f.path)).toEqual(['data/targets/2025.yaml', 'data/targets/2026.yaml']);
  });

  it('has about the requested number of records', () => {
    const count = (k: FileKind) => sample.records(k).length;
    expect(count('orders')).toBeGreaterThan(500 * 24 * 0.97);
    expect(count('orders')).toBeLessThan(500 * 24 * 1.03);
    expect(count('leads') / (250 * 24)).toBeCloseTo(1, 1);
    expect(count('surveys') / (125 * 24)).toBeCloseTo(1, 1);
    expect(count('activities') / count('orders')).toBeGreaterThan(2.4);
    expect(count('activities') / count('orders')).toBeLessThan(3.6);
    expect(count('products')).toBe(60);
    const existing = sample.records('customers').filter(({ rec }) => rec.since < '2024-11-01');
    expect(existing.length).toBe(400);
    for (const { rec } of sample.records('orders')) expect(rec.lines.length).toBeGreaterThanOrEqual(1);
  });

  it('dates every record inside its file month, sorted by time then id', () => {
    const when: Partial<Record<FileKind, string>> = { orders: 'date', surveys: 'date', leads: 'created', activities: 'at' };
    for (const f of sample.files.filter((x) => x.month)) {
      const field = when[f.kind]!;
      const list = f.value as Row[];
      list.forEach((r, i) => {
        expect(r[field].slice(0, 7), `${f.path} ${r.id}`).toBe(f.month);
        if (i > 0) {
          const prev = list[i - 1]!;
          expect(prev[field] < r[field] || (prev[field] === r[field] && prev.id < r.id), `${f.path} ${r.id} sorted`).toBe(true);
        }
      });
    }
  });

  it('gives unique ids per kind across files', () => {
    for (const kind of [...MONTH_KINDS, 'customers', 'team', 'goals'] as const) {
      const ids = sample.records(kind).map(({ rec }) => rec.id);
      expect(new Set(ids).size, kind).toBe(ids.length);
    }
    const skus = sample.records('products').map(({ rec }) => rec.sku);
    expect(new Set(skus).size).toBe(skus.length);
  });

  it('refers only to things that exist, at times they exist', () => {
    const company = sample.one('data/company.yaml');
    const regions = new Set(company.regions.map((r: Row) => r.id));
    const segments = new Set(company.segments.map((r: Row) => r.id));
    const sources = new Set(company.lead_sources.map((r: Row) => r.id));
    const reps = new Map(sample.records('team').map(({ rec }) => [rec.id, rec]));
    const products = new Map(sample.records('products').map(({ rec }) => [rec.sku, rec]));
    const customers = new Map(sample.records('customers').map(({ rec }) => [rec.id, rec]));
    const leads = new Set(sample.records('leads').map(({ rec }) => rec.id));
    const active = (rep: string, day: string) => {
      const r = reps.get(rep);
      return !!r && r.joined <= day && (!r.left || day <= r.left);
    };

    for (const { rec } of sample.records('customers')) {
      expect(regions.has(rec.region) && segments.has(rec.segment), rec.id).toBe(true);
      // One owner since always, or a history: the previous owner, then who took over and when.
      const history: { rep: string; from?: string }[] = rec.owners ?? [{ rep: rec.owner }];
      for (const o of history) expect(reps.get(o.rep)?.region, `${rec.id} owner ${o.rep}`).toBe(rec.region);
      for (const o of history.slice(1)) expect(o.from !== undefined && active(o.rep, o.from), `${rec.id} ${o.rep} takes over on ${o.from}, while employed`).toBe(true);
      expect(reps.get(history[history.length - 1]!.rep)?.left, `${rec.id} owner still with us`).toBeUndefined();
    }
    for (const { rec } of sample.records('orders')) {
      const c = customers.get(rec.customer);
      expect(c, rec.id).toBeDefined();
      expect(rec.date >= c!.since, `${rec.id}: customer ${c!.id} since ${c!.since}`).toBe(true);
      expect(active(rec.rep, rec.date), `${rec.id} rep ${rec.rep}`).toBe(true);
      expect(reps.get(rec.rep)!.region).toBe(c!.region);
      for (const l of rec.lines) {
        expect(products.get(l.sku)?.list_price, `${rec.id} ${l.sku}`).toBe(l.price);
        if (l.discount !== undefined) expect(l.discount >= 0.02 && l.discount <= 0.15).toBe(true);
      }
    }
    for (const { rec } of sample.records('leads')) {
      expect(regions.has(rec.region) && sources.has(rec.source), rec.id).toBe(true);
      if (rec.segment !== undefined) expect(segments.has(rec.segment)).toBe(true);
      expect(active(rec.rep, rec.created.slice(0, 10)), `${rec.id} rep`).toBe(true);
    }
    for (const { rec } of sample.records('activities')) {
      expect(active(rec.rep, rec.at.slice(0, 10)), `${rec.id} rep ${rec.rep}`).toBe(true);
      if (rec.lead !== undefined) expect(leads.has(rec.lead), rec.id).toBe(true);
      if (rec.customer !== undefined) expect(customers.has(rec.customer), rec.id).toBe(true);
      expect(rec.lead !== undefined || rec.customer !== undefined, rec.id).toBe(true);
    }
    for (const { rec } of sample.records('surveys')) expect(customers.has(rec.customer), rec.id).toBe(true);
  });

  it('keeps every lead story consistent in time', () => {
    const created = new Map(sample.records('leads').map(({ rec }) => [rec.id, rec.created as string]));
    const customers = new Map(sample.records('customers').map(({ rec }) => [rec.id, rec]));
    const closedAt = new Map<string, string>();
    const lastAt = new Map<string, string>();
    let closedLater = 0;
    for (const { rec, file } of sample.records('activities')) {
      if (!rec.lead) continue;
      const c = created.get(rec.lead)!;
      expect(rec.at > c, `${rec.id} after ${rec.lead} created ${c}`).toBe(true);
      expect(closedAt.has(rec.lead), `${rec.id}: ${rec.lead} already closed`).toBe(false);
      lastAt.set(rec.lead, rec.at);
      if (rec.type === 'won' || rec.type === 'lost') {
        closedAt.set(rec.lead, rec.at);
        expect(minutes(rec.at) - minutes(c)).toBeLessThan(105 * 1440);
        if (file.month !== c.slice(0, 7)) closedLater++;
      }
      if (rec.type === 'won') {
        expect(customers.get(rec.customer)?.since, `${rec.id} won customer`).toBe(rec.at.slice(0, 10));
      }
    }
    expect(closedLater).toBeGreaterThan(100);
    const won = sample.records('activities').filter(({ rec }) => rec.type === 'won').length;
    expect(won / created.size).toBeGreaterThan(0.05);
    expect(won / created.size).toBeLessThan(0.2);
  });

  it("gives lost leads a reason from company.yaml: what the reps' notes used to say, now a reason; 3 in 10 give none", () => {
    const reasons = sample.one('data/company.yaml').lost_reasons as Row[];
    // The notes the sample used to write on a lost activity, and the reason each became.
    const was: Record<string, string> = {
      'Harga kurang bersaing': 'price',
      'Sudah punya pemasok tetap': 'competitor',
      'Toko tutup': 'shop_closed',
      'Tidak ada respons': 'no_response',
      'Minta tempo pembayaran terlalu panjang': 'payment_terms',
    };
    expect(Object.fromEntries(reasons.filter((r) => r.id !== 'other').map((r) => [r.name.id, r.id]))).toEqual(was);
    expect(reasons.map((r) => r.id)).toContain('other');
    const lost = sample.records('activities').filter(({ rec }) => rec.type === 'lost').map(({ rec }) => rec);
    const given = lost.filter((a) => a.reason !== undefined);
    for (const a of lost) expect(a.note, a.id).toBeUndefined();
    for (const a of given) expect(Object.values(was), a.id).toContain(a.reason);
    expect(new Set(given.map((a) => a.reason)).size).toBe(5);
    expect(given.length / lost.length).toBeGreaterThan(0.65);
    expect(given.length / lost.length).toBeLessThan(0.75);
    // Only a lost activity gives a reason.
    expect(sample.records('activities').filter(({ rec }) => rec.type !== 'lost' && rec.reason !== undefined)).toEqual([]);
  });

  it('sells cross-sell lines of a category new to the customer and up-sell lines of a higher tier than their last purchase', () => {
    const products = new Map(sample.records('products').map(({ rec }) => [rec.sku, rec]));
    const kinds = { regular: 0, 'cross-sell': 0, 'up-sell': 0 } as Record<string, number>;
    // Per customer and category: the last day bought before the current one, and its highest tier.
    const last = new Map<string, { day: string; tier: number }>();
    const orders = sample.records('orders').map(({ rec }) => rec).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let day = '';
    let today: [string, number][] = [];
    const note = () => {
      for (const [key, tier] of today) {
        const l = last.get(key);
        if (!l || l.day !== day) last.set(key, { day, tier });
        else l.tier = Math.max(l.tier, tier);
      }
      today = [];
    };
    for (const rec of orders) {
      if (rec.date !== day) (note(), (day = rec.date));
      const first = products.get(rec.lines[0].sku)!;
      for (const l of rec.lines) {
        const p = products.get(l.sku)!;
        const before = last.get(`${rec.customer}|${p.category}`);
        const earlier = before && before.day < rec.date ? before : undefined;
        kinds[l.kind ?? 'regular']!++;
        if (l.kind === 'cross-sell') expect([p.category === first.category, earlier]).toEqual([false, undefined]);
        if (l.kind === 'up-sell') expect(p.category === first.category && p.tier > first.tier && p.tier > (earlier?.tier ?? 0)).toBe(true);
        today.push([`${rec.customer}|${p.category}`, p.tier]);
      }
    }
    expect(kinds['cross-sell']).toBeGreaterThan(400);
    expect(kinds['up-sell']).toBeGreaterThan(500);
  });

  it('peaks in the Ramadan month before Lebaran', () => {
    const byMonth = monthlyNet(sample);
    const average = [...byMonth.values()].reduce((a, b) => a + b, 0) / byMonth.size;
    for (const year of [2025, 2026]) {
      const peak = lebaranPeakMonth(year)!;
      expect(byMonth.get(peak)!, peak).toBeGreaterThan(average * 1.15);
    }
  });

  it('grows about 15 % a year, except in the struggling region', () => {
    const customers = new Map(sample.records('customers').map(({ rec }) => [rec.id, rec]));
    const halves = new Map<string, [number, number]>();
    for (const { rec } of sample.records('orders')) {
      const region = customers.get(rec.customer)!.region as string;
      const h = halves.get(region) ?? [0, 0];
      h[rec.date < '2025-11' ? 0 : 1] += netOf(rec);
      halves.set(region, h);
    }
    const growth = new Map([...halves].map(([r, [a, b]]) => [r, b / a]));
    const total = [...halves.values()].reduce((s, [a, b]) => [s[0]! + a, s[1]! + b], [0, 0]);
    expect(total[1]! / total[0]!).toBeGreaterThan(1.08);
    expect(total[1]! / total[0]!).toBeLessThan(1.25);
    for (const [region, g] of growth) if (region !== 'sumatera-utara') expect(growth.get('sumatera-utara')!).toBeLessThan(g - 0.1);
  });

  it('has a team that changes: one rep joins half-way, one leaves', () => {
    const team = sample.records('team').map(({ rec }) => rec);
    expect(team.filter((r) => r.joined >= '2024-11-01').map((r) => r.joined)).toEqual(['2025-11-01']);
    expect(team.filter((r) => r.left).map((r) => r.left)).toEqual(['2026-02-28']);
  });

  it('lists real Indonesian holidays, Idul Fitri included', () => {
    const holidays = sample.one('data/company.yaml').holidays as Row[];
    const names = new Map(holidays.map((h) => [h.date, h.name]));
    expect(names.get('2024-04-10')).toMatch(/Idul Fitri 1445/);
    expect(names.get('2025-03-31')).toMatch(/Idul Fitri 1446/);
    expect(names.get('2026-03-21')).toMatch(/Idul Fitri 1447/);
    expect(names.get('2025-08-17')).toMatch(/Kemerdekaan/);
    // Nobody orders on a holiday or a Sunday.
    for (const { rec } of sample.records('orders')) {
      expect(names.has(rec.date), rec.id).toBe(false);
      expect(new Date(rec.date + 'T00:00Z').getUTCDay(), rec.id).not.toBe(0);
    }
  });
});

function monthlyNet(s: Sample): Map<string, number> {
  const out = new Map<string, number>();
  for (const { rec, file } of s.records('orders')) out.set(file.month!, (out.get(file.month!) ?? 0) + netOf(rec));
  return out;
}
