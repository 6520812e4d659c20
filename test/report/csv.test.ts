/**
 * One CSV writer (src/report/csv.ts) for `capaian compute --format csv` and the site's
 * /data/<kpi>.csv: the same columns and rows, with one row per KPI, period, breakdown and member.
 * Worked by hand on the valid fixture with a second order added:
 *   SO-1, 2026-03-02, C1 (jakarta, retail), andi: 10 × 5,000 + 2 × 9,000 × 0.9 = 66,200
 *   SO-2, 2026-03-10, C2 (bandung, retail), budi:  3 × 9,000                   = 27,000
 * so net sales in March 2026 are 93,200: jakarta 66,200 (share 66,200 / 93,200), bandung 27,000;
 * retail 93,200 (share 1); category minuman 93,200.
 */
import { describe, expect, it } from 'vitest';
import { computeCommand } from '../../src/commands/compute.ts';
import { kpiCsv } from '../../src/pages/data/[id].csv.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { CSV_COLUMNS, csvCell, kpisCsv } from '../../src/report/csv.ts';
import { fileOf, readTree } from '../support/repo.ts';

const VALID = new URL('../fixtures/valid', import.meta.url).pathname;
const SO2 = '- id: SO-2\n  date: 2026-03-10\n  customer: C2\n  rep: budi\n  lines:\n    - { sku: TEH-2, qty: 3, price: 9000 }\n';
const files = readTree(VALID)
  .filter((f) => !f.path.startsWith('node_modules/'))
  .map((f) => (f.path === 'data/2026/03/orders.yaml' ? fileOf(f.path, new TextDecoder().decode(f.bytes) + SO2) : f));

async function cliCsv(period?: string): Promise<string> {
  const out: string[] = [];
  const code = await computeCommand({ format: 'csv', ...(period ? { period } : {}) }, { read: async () => ({ files, issues: [] }), out: (t) => out.push(t), color: false });
  expect(code).toBe(0);
  return out.join('\n');
}

const report = runPipeline(files, []).report!;
const cell = (row: string, column: (typeof CSV_COLUMNS)[number]) => row.split(',')[CSV_COLUMNS.indexOf(column)];

describe('the CSV of the report model', () => {
  it('has the documented columns, in this order', () => {
    expect(CSV_COLUMNS.join(',')).toBe('kpi,grain,period,breakdown,member,value,reason,target,attainment,status,previous,change,notes,gap,not_final,last_year,last_year_change,share');
  });

  it('has a row per breakdown member, worked by hand', async () => {
    const rows = (await cliCsv('2026-03')).split('\n');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    const net = rows.filter((r) => r.startsWith('net-sales,month,2026-03,'));
    const total = net.find((r) => r.startsWith('net-sales,month,2026-03,,,'))!;
    expect(cell(total, 'value')).toBe('93200');
    const region = net.filter((r) => cell(r, 'breakdown') === 'region');
    expect(region.map((r) => [cell(r, 'member'), cell(r, 'value'), cell(r, 'share')])).toEqual([
      ['jakarta', '66200', String(66200 / 93200)],
      ['bandung', '27000', String(27000 / 93200)],
    ]);
    const segment = net.filter((r) => cell(r, 'breakdown') === 'segment');
    expect(segment.map((r) => [cell(r, 'member'), cell(r, 'value'), cell(r, 'share')])).toEqual([['retail', '93200', '1']]);
    // Every breakdown of the KPI is there: region, category, segment, rep.
    expect([...new Set(net.map((r) => cell(r, 'breakdown')))].sort()).toEqual(['', 'category', 'region', 'rep', 'segment']);
    // A member row has no period-on-period columns: those belong to the KPI's row.
    for (const r of region) expect([cell(r, 'previous'), cell(r, 'change'), cell(r, 'last_year')]).toEqual(['', '', '']);
  });

  it('the site download and compute --format csv are the same rows (one writer), CRLF for the download', async () => {
    const cli = (await cliCsv()).split('\n');
    const site = report.kpis.map((k) => kpiCsv(k));
    for (const text of site) {
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      expect(text.split('\r\n')[0]).toBe(cli[0]);
    }
    const siteRows = site.flatMap((text) => text.split('\r\n').slice(1, -1));
    expect(siteRows).toEqual(cli.slice(1));
    // The site's rows include the breakdowns too.
    expect(siteRows.some((r) => r.startsWith('net-sales,month,2026-03,region,bandung,27000,'))).toBe(true);
    expect(kpiCsv(report.kpis[0]!)).toBe(kpisCsv([report.kpis[0]!], { eol: '\r\n' }));
  });

  it('--period keeps that period only, at every breakdown', async () => {
    const rows = (await cliCsv('2026-Q1')).split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([cell(r, 'grain'), cell(r, 'period')]).toEqual(['quarter', '2026-Q1']);
  });

  it('defuses cells a spreadsheet would run, quotes commas and quotes', () => {
    expect([csvCell('=1+1'), csvCell('-x'), csvCell('a,b'), csvCell('say "hi"'), csvCell(-0.5), csvCell(null), csvCell(undefined)]).toEqual(["'=1+1", "'-x", '"a,b"', '"say ""hi"""', '-0.5', '', '']);
  });
});

/**
 * Week rows, on the site fixture whose new-leads lists `week` in its grains (Monday weeks, data
 * 1 January to 30 April 2026: weeks 2026-W01, from 29 December 2025, to 2026-W18, to 3 May).
 * 2026-W15 (6 to 12 April) holds one lead, L-2026-04-01 (andi, jakarta, referral), and 2026-W14
 * none; its target is April's 2 leads × 5 of April's 22 working days = 0.4545, attainment 2.2.
 */
describe('the CSV of a weekly KPI', () => {
  const SITE = new URL('../fixtures/site', import.meta.url).pathname;
  const siteFiles = readTree(SITE);
  const site = runPipeline(siteFiles, []).report!;
  const newLeads = site.kpis.find((k) => k.id === 'new-leads')!;

  it('has a row per week (grain week) before the months, with its breakdowns', () => {
    const rows = kpiCsv(newLeads).split('\r\n').slice(1, -1);
    const weeks = rows.filter((r) => cell(r, 'grain') === 'week' && cell(r, 'breakdown') === '');
    expect(weeks.map((r) => cell(r, 'period'))).toEqual(Array.from({ length: 18 }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`));
    expect(rows.findIndex((r) => cell(r, 'grain') === 'month')).toBeGreaterThan(rows.findLastIndex((r) => cell(r, 'grain') === 'week'));
    const w15 = weeks.find((r) => cell(r, 'period') === '2026-W15')!;
    expect([cell(w15, 'value'), cell(w15, 'previous'), cell(w15, 'change'), cell(w15, 'status'), cell(w15, 'last_year')]).toEqual(['1', '0', '1', 'on-track', '']);
    expect(Number(cell(w15, 'target'))).toBeCloseTo((2 * 5) / 22, 12);
    expect(Number(cell(w15, 'attainment'))).toBeCloseTo(2.2, 12);
    // The first and last weeks reach outside the data's months.
    expect(cell(weeks[0]!, 'notes')).toBe('partial');
    expect(cell(weeks[17]!, 'notes')).toBe('partial');
    const region = rows.filter((r) => cell(r, 'period') === '2026-W15' && cell(r, 'breakdown') === 'region');
    expect(region.map((r) => [cell(r, 'member'), cell(r, 'value')])).toEqual([
      ['jakarta', '1'],
      ['bandung', '0'],
    ]);
  });

  it('a KPI without the week grain has no week rows', () => {
    const net = site.kpis.find((k) => k.id === 'net-sales')!;
    expect(kpiCsv(net).split('\r\n').some((r) => cell(r, 'grain') === 'week')).toBe(false);
  });

  it('compute --format csv --period 2026-W15 keeps that week, of the weekly KPIs only', async () => {
    const out: string[] = [];
    await computeCommand({ format: 'csv', period: '2026-W15' }, { read: async () => ({ files: siteFiles, issues: [] }), out: (t) => out.push(t), color: false });
    const rows = out.join('\n').split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect([cell(r, 'kpi'), cell(r, 'grain'), cell(r, 'period')]).toEqual(['new-leads', 'week', '2026-W15']);
  });
});
