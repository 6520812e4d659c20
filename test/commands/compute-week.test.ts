/**
 * `capaian compute --period 2026-W15`: a week's scorecard holds the KPIs computed per week (the
 * site fixture's new-leads, `grains: [week, month, quarter, year]`), names the others once, and a
 * week the data or the calendar lacks is a usage error with the weeks there are.
 *
 * Worked by hand from the fixture (test/fixtures/site, Monday weeks, Monday–Friday working days):
 * the data runs from Thursday 1 January 2026 (in 2026-W01, Monday 29 December 2025 to Sunday
 * 4 January) to Thursday 30 April (in 2026-W18, 27 April to 3 May). 2026-W15 is Monday 6 to
 * Sunday 12 April and holds one lead (L-2026-04-01, created Monday 6 April); 2026-W14 (30 March to
 * 5 April) holds none: +1. New leads' April target is 2, April has 22 working days and the week 5
 * of them, so the week's target is 2 × 5/22 = 0.4545 (shown 0.5) and the attainment 1 ÷ 0.4545 =
 * 220 %, on track.
 */
import { describe, expect, it } from 'vitest';
import { computeCommand } from '../../src/commands/compute.ts';
import { CliError } from '../../src/commands/cli-error.ts';
import { fileOf, readTree } from '../support/repo.ts';

const FIXTURE = new URL('../fixtures/site', import.meta.url).pathname;
const files = readTree(FIXTURE);

async function run(opts: { period: string; kpi?: string; lang?: 'id' | 'en'; format?: 'table' | 'csv' }): Promise<{ lines: string[]; reads: number }> {
  const out: string[] = [];
  let reads = 0;
  const read = async () => {
    reads++;
    return { files, issues: [] };
  };
  const code = await computeCommand({ format: opts.format ?? 'table', lang: opts.lang ?? 'en', period: opts.period, ...(opts.kpi ? { kpi: opts.kpi } : {}) }, { read, out: (t) => out.push(t), color: false });
  expect(code).toBe(0);
  return { lines: out.join('\n').split('\n'), reads };
}

/** The CliError a run throws, and how many times it read the repository first. */
async function refused(opts: { period: string; kpi?: string }): Promise<{ error: CliError; reads: number }> {
  let reads = 0;
  const read = async () => {
    reads++;
    return { files, issues: [] };
  };
  try {
    await computeCommand({ format: 'table', lang: 'en', ...opts }, { read, out: () => {}, color: false });
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return { error: e as CliError, reads };
  }
  throw new Error(`compute --period ${opts.period} was not refused`);
}

const row = (lines: string[], title: string) => lines.find((l) => l.trimStart().startsWith(title)) ?? '';

describe('capaian compute --period <week>', () => {
  it("shows a weekly KPI's week: value, the target prorated by working days, attainment, status and the change on last week", async () => {
    const { lines } = await run({ period: '2026-W15' });
    expect(lines[0]).toBe('PT Uji Situs · 2026-W15 (week, 2026-04-06 – 2026-04-12)');
    const head = lines.find((l) => l.startsWith('KPI'))!;
    expect(head).toMatch(/vs last week$/);
    expect(head).not.toContain('vs last year'); // a week has no same week last year
    expect(row(lines, 'New Leads')).toMatch(/\s1\s+0\.5\s+220%\s+on track\s+\+1$/);
    const id = (await run({ period: '2026-W15', lang: 'id' })).lines;
    expect(id[0]).toBe('PT Uji Situs · 2026-W15 (minggu, 2026-04-06 – 2026-04-12)');
    expect(row(id, 'Jumlah Prospek Baru')).toMatch(/\s1\s+0,5\s+220 %\s+sesuai target\s+\+1$/);
  });

  it('leaves the KPIs without weeks out of the table and names them once below it', async () => {
    const { lines } = await run({ period: '2026-W15' });
    expect(row(lines, 'Net Sales')).toBe('');
    const note = lines.find((l) => l.startsWith('* ') && l.includes('not computed per week'))!;
    // The fixture has 22 KPIs, one of them weekly.
    expect(note).toMatch(/^\* 21 KPIs are not computed per week \(week is not in their grains\): /);
    expect(note).toContain('Net Sales');
    expect(note).not.toContain('New Leads');
    const id = (await run({ period: '2026-W15', lang: 'id' })).lines;
    expect(id.find((l) => l.startsWith('* 21 KPI tidak dihitung per minggu'))).toContain('Penjualan Bersih');
  });

  it('marks the first week, reaching back into December, not complete', async () => {
    const { lines } = await run({ period: '2026-W01', kpi: 'new-leads' });
    expect(lines[0]).toBe('PT Uji Situs · 2026-W01 (week, 2025-12-29 – 2026-01-04)');
    expect(row(lines, 'New Leads')).toMatch(/\s0\s+no target\s+–$/); // no lead, no January target, no week before
    expect(lines).toContain('* New Leads: period not complete');
  });

  it('refuses a week number no year has before reading the repository', async () => {
    const { error, reads } = await refused({ period: '2026-W54' });
    expect(reads).toBe(0);
    expect(error.exitCode).toBe(2);
    expect(error.line()).toBe('capaian: --period "2026-W54" is not a week  (a year has 52 or 53 weeks: write 2026-W01 to 2026-W52 (or W53))');
    expect((await refused({ period: '2026-W00' })).error.message).toBe('--period "2026-W00" is not a week');
  });

  it('refuses week 53 of a year that has 52 weeks (2025, Monday weeks), and takes it in a year of 53', async () => {
    const { error } = await refused({ period: '2025-W53' });
    expect(error.exitCode).toBe(2);
    expect(error.line()).toBe('capaian: --period "2025-W53" is not a week: 2025 has 52 weeks  (write a week from 2025-W01 to 2025-W52)');
    // 2026-W53 (28 December 2026 to 3 January 2027) is a week, but not in the data.
    const late = (await refused({ period: '2026-W53' })).error;
    expect(late.message).toBe('no data for period 2026-W53');
    expect(late.hint).toBe('the data has weeks 2026-W01 to 2026-W18; use a week 2026-W05, a month 2026-03, a quarter 2026-Q1 or a year 2026');
  });

  it('says a KPI without weeks has no week values when it is asked for by name', async () => {
    const { error } = await refused({ period: '2026-W15', kpi: 'net-sales' });
    expect(error.line()).toBe('capaian: KPI "net-sales" has no week values  (add week to its grains (kpis/net-sales.yaml), or use a month, quarter or year)');
  });

  it('says no KPI has weeks when none lists the week grain', async () => {
    const monthly = files.map((f) => (f.path === 'kpis/new-leads.yaml' ? fileOf(f.path, new TextDecoder().decode(f.bytes).replace('grains: [week, month, quarter, year]', 'grains: [month, quarter, year]').replace('frequency: weekly', 'frequency: monthly')) : f));
    await expect(computeCommand({ format: 'table', lang: 'en', period: '2026-W15' }, { read: async () => ({ files: monthly, issues: [] }), out: () => {}, color: false })).rejects.toThrow('no data for period 2026-W15');
  });

  it('names the week in the forms a malformed period is told to use', async () => {
    expect((await refused({ period: '2026-5' })).error.hint).toBe('use a week 2026-W05, a month 2026-03, a quarter 2026-Q1 or a year 2026');
  });
});
