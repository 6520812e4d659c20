/**
 * `capaian compute` as a terminal table: the status words come from the model ("not final" for a
 * value with a target that is not judged yet), the difference in points where attainment means
 * nothing, and the change against the same period last year beside the month-on-month one.
 */
import { describe, expect, it } from 'vitest';
import { computeCommand, jsonPieces } from '../../src/commands/compute.ts';
import type { Report } from '../../src/report/model.ts';
import { fileOf, readTree } from '../support/repo.ts';

const FIXTURE = new URL('../fixtures/site', import.meta.url).pathname;
const EXTRA = ['- { kpi: sales-growth, period: 2026-04, value: -0.02 }', '- { kpi: lead-conversion-rate, period: 2026-04, value: 0.3 }', ''].join('\n');
const files = readTree(FIXTURE).map((f) => (f.path === 'data/targets/2026.yaml' ? fileOf(f.path, new TextDecoder().decode(f.bytes) + EXTRA) : f));

async function table(lang: 'id' | 'en', period?: string): Promise<string[]> {
  const out: string[] = [];
  const code = await computeCommand({ format: 'table', lang, ...(period ? { period } : {}) }, { read: async () => ({ files, issues: [] }), out: (t) => out.push(t), color: false });
  expect(code).toBe(0);
  return out.join('\n').split('\n');
}
const row = (lines: string[], title: string) => lines.find((l) => l.trimStart().startsWith(title)) ?? '';

describe('capaian compute (table)', () => {
  it('has a "vs last year" column beside "vs last month"', async () => {
    const en = await table('en');
    expect(en.find((l) => l.startsWith('KPI'))).toMatch(/vs last month\s+vs last year$/);
    const id = await table('id');
    expect(id.find((l) => l.startsWith('KPI'))).toMatch(/vs bulan lalu\s+vs tahun lalu$/);
    // The fixture holds no 2025: no comparison.
    expect(row(en, 'Net Sales')).toMatch(/\+9\.2%\s+–$/);
  });

  it('shows the difference in points and the status for a growth target below zero', async () => {
    // +9.25 % against −2 %: 11.25 points ahead, on track.
    expect(row(await table('en'), 'Sales Growth')).toMatch(/9\.2%\s+−2%\s+\+11\.2 pts\s+on track/);
    expect(row(await table('id'), 'Pertumbuhan Penjualan')).toMatch(/\+11,2 poin\s+sesuai target/);
  });

  it('labels a maturing cohort with a target "not final", never "no target"', async () => {
    const en = row(await table('en'), 'Lead-to-Customer Conversion Rate');
    expect(en).toMatch(/0%\s+30%\s+−30 pts\s+not final/); // no lead converted yet, 30 points short, not judged
    expect(en).toContain('not final');
    expect(en).not.toContain('no target');
    expect(row(await table('id'), 'Rasio Konversi Prospek Menjadi Pelanggan')).toContain('belum final');
  });

  it('has no second change column for a year (its previous period is last year)', async () => {
    expect((await table('en', '2026')).find((l) => l.startsWith('KPI'))).toMatch(/vs last year$/);
    expect((await table('en', '2026')).find((l) => l.startsWith('KPI'))).not.toMatch(/vs last year\s+vs last year/);
  });

  it('adds the gap, the not-final reason and the same period last year to the CSV', async () => {
    const out: string[] = [];
    await computeCommand({ format: 'csv', period: '2026-04' }, { read: async () => ({ files, issues: [] }), out: (t) => out.push(t), color: false });
    const [head, ...rows] = out.join('\n').split('\n');
    expect(head).toBe('kpi,grain,period,breakdown,member,value,reason,target,attainment,status,previous,change,notes,gap,not_final,last_year,last_year_change,share');
    const lead = rows.find((r) => r.startsWith('lead-conversion-rate,month,2026-04,,,'))!.split(',');
    expect([lead[7], lead[8], lead[9], lead[13], lead[14]]).toEqual(['0.3', '', '', '-0.3', 'maturing']); // target 30 %, no attainment (points), no status, 30 points short, not final
  });
});

describe('jsonPieces', () => {
  const whole = (r: unknown) => JSON.stringify(r, null, 2);
  const joined = (r: unknown) => [...jsonPieces(r as Report)].join('\n');

  it('joins into exactly JSON.stringify(report, null, 2), a KPI a piece', () => {
    const kpi = (id: string) => ({ id, values: { month: [{ period: '2026-03', value: 1.5, breakdowns: { rep: [{ member: 'andi', value: null }] }, notes: [] }] }, source: 'formula:\n  sum: x\n' });
    const report = { company: { name: 'PT "Maju"\n  "kpis": []' }, kpis: [kpi('a'), kpi('b'), kpi('c')], lints: [{ message: { id: 'x', en: 'y' } }], nested: { kpis: [] } };
    expect(joined(report)).toBe(whole(report));
    expect([...jsonPieces(report as unknown as Report)].length).toBe(5);
  });

  it('holds for no KPIs, one KPI, and kpis as the last or first field', () => {
    for (const r of [{ a: 1, kpis: [] }, { kpis: [{ id: 'x' }] }, { kpis: [{ id: 'x' }, {}], z: [1, { y: 'q' }] }, { a: [], kpis: [{ id: 'x', v: [] }] }]) expect(joined(r)).toBe(whole(r));
  });
});

describe('capaian compute reads through the caches it is given', () => {
  it('takes the files checked before from the store and prints the same table', async () => {
    const store = new Map<string, unknown>();
    const read: string[] = [];
    const checked = {
      get: (path: string, text: string) => (read.push(path), store.get(`${path}\0${text}`) as never),
      set: (path: string, text: string, file: unknown) => void store.set(`${path}\0${text}`, file),
    };
    const run = async () => {
      const out: string[] = [];
      expect(await computeCommand({ format: 'table', lang: 'en' }, { read: async () => ({ files, issues: [], checked }), out: (t) => out.push(t), color: false })).toBe(0);
      return out.join('\n');
    };
    const first = await run();
    expect(store.has(`data/customers.yaml\0${new TextDecoder().decode(files.find((f) => f.path === 'data/customers.yaml')!.bytes)}`)).toBe(true);
    read.length = 0;
    expect(await run()).toBe(first);
    expect(read).toContain('data/customers.yaml');
    expect(first).toBe((await table('en')).join('\n'));
  });
});
