/**
 * One status per number: how a value is judged (ratio or points; the default bands are
 * test/kpi/judging.test.ts's), "not final", the goal card's year to date, and the same period
 * last year, worked by hand. The model-level cases run the pipeline on the site fixture
 * (test/fixtures/site, numbers in its README.md).
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.ts';
import { judge } from '../../src/report/status.ts';
import { fileOf, readTree } from '../support/repo.ts';
import type { Report } from '../../src/report/model.ts';

const ratio = (at_risk: number) => ({ judge: 'ratio' as const, at_risk });
const points = (at_risk_points: number) => ({ judge: 'points' as const, at_risk_points });
const amount = { unit: 'currency' as const, direction: 'higher' as const, judging: ratio(0.9) };
const growth = { unit: 'percent' as const, direction: 'higher' as const, judging: points(2) };

describe('judging by ratio (amounts, counts, days, scores)', () => {
  it('is on track at or above the target, at risk down to the band, off track below', () => {
    expect(judge(100, 100, amount)).toEqual({ attainment: 1, gap: 0, status: 'on-track', notFinal: null });
    expect(judge(95, 100, amount).status).toBe('at-risk'); // 0.95 >= 0.9
    expect(judge(89, 100, amount).status).toBe('off-track'); // 0.89 < 0.9
  });
  it('turns the ratio round when lower is better', () => {
    const days = { unit: 'days' as const, direction: 'lower' as const, judging: ratio(0.9) };
    expect(judge(20, 25, days).attainment).toBeCloseTo(25 / 20, 12); // 20 days against a 25-day target
    expect(judge(20, 25, days).status).toBe('on-track');
    expect(judge(27, 25, days).status).toBe('at-risk'); // 25/27 = 0.926
    expect(judge(30, 25, days).status).toBe('off-track'); // 25/30 = 0.833
  });
  it('has no attainment against a zero or negative target, and compares plainly', () => {
    expect(judge(0, 0, amount)).toEqual({ attainment: null, gap: 0, status: 'on-track', notFinal: null });
    expect(judge(-5, 10, amount)).toEqual({ attainment: null, gap: -15, status: 'off-track', notFinal: null });
    expect(judge(null, 3, amount)).toEqual({ attainment: null, gap: null, status: null, notFinal: null });
    expect(judge(3, null, amount)).toEqual({ attainment: null, gap: null, status: null, notFinal: null });
  });
});

describe('judging in points (percent KPIs: rates, shares, growth)', () => {
  it('judges a growth of 1.5 % against a target of −2 % as 3.5 points ahead, on track, with no attainment', () => {
    // The ratio would be 0.015 / −0.02 = −75 %: meaningless, so none is given.
    const j = judge(0.015, -0.02, growth);
    expect(j.attainment).toBeNull();
    expect(j.gap).toBeCloseTo(0.035, 12);
    expect(j.status).toBe('on-track');
  });
  it('judges −10 % against a target of −8 % as 2 points short: at risk (the band is 2 points, inclusive)', () => {
    const j = judge(-0.1, -0.08, growth);
    expect(j.attainment).toBeNull();
    expect(j.gap).toBeCloseTo(-0.02, 12);
    expect(j.status).toBe('at-risk');
    expect(judge(-0.11, -0.08, growth).status).toBe('off-track'); // 3 points short
  });
  it('turns the difference round when lower is better', () => {
    const lower = { unit: 'percent' as const, direction: 'lower' as const, judging: points(2) };
    expect(judge(0.05, 0.06, lower).status).toBe('on-track'); // 1 point below the ceiling
    expect(judge(0.075, 0.06, lower).status).toBe('at-risk'); // 1.5 points above
    expect(judge(0.09, 0.06, lower).status).toBe('off-track'); // 3 points above
  });
  it('reads the band in the KPI’s unit for KPIs that are not percentages', () => {
    const change = { unit: 'count' as const, direction: 'higher' as const, judging: points(5) };
    expect(judge(-3, 0, change).status).toBe('at-risk'); // 3 short, band 5
    expect(judge(-6, 0, change).status).toBe('off-track');
  });
});

describe('not final', () => {
  it('withholds the status of a value with a target that is not final, and says why', () => {
    expect(judge(0.02, 0.08, growth, 'maturing')).toEqual({ attainment: null, gap: expect.closeTo(-0.06, 12), status: null, notFinal: 'maturing' });
    expect(judge(50, 100, amount, 'partial')).toEqual({ attainment: 0.5, gap: -50, status: null, notFinal: 'partial' });
  });
  it('is not set without a target: there is nothing to judge', () => {
    expect(judge(0.02, null, growth, 'maturing').notFinal).toBeNull();
  });
});

// The site fixture: four months of 2026, net sales 900 000, 1 000 000, 1 130 000, 1 234 500.
const FIXTURE = new URL('../fixtures/site', import.meta.url).pathname;
function reportWith(extraTargets: string): Report {
  const files = readTree(FIXTURE).map((f) => (f.path === 'data/targets/2026.yaml' ? fileOf(f.path, new TextDecoder().decode(f.bytes) + extraTargets) : f));
  const { report, validation } = runPipeline(files, []);
  if (!report) throw new Error(validation.issues.map((i) => i.message).join('\n'));
  return report;
}

describe('the report model of the site fixture', () => {
  const report = reportWith(
    [
      // Sales growth 2026-04: (1 234 500 − 1 130 000) / 1 130 000 = +9.25 %; against −2 %: 11.25 points ahead.
      '- { kpi: sales-growth, period: 2026-04, value: -0.02 }',
      // 2026-03: (1 130 000 − 1 000 000) / 1 000 000 = +13 %; against 16 %: 3 points short: off track.
      '- { kpi: sales-growth, period: 2026-03, value: 0.16 }',
      // A year target for the cohort KPI: its year is still maturing (60 days after 2026-12-31).
      '- { kpi: lead-conversion-rate, period: 2026, value: 0.3 }',
      '',
    ].join('\n'),
  );
  const kpi = (id: string) => report.kpis.find((k) => k.id === id)!;
  const at = (id: string, period: string) => Object.values(kpi(id).values).flat().find((v) => v!.period === period)!;

  it('is version 2', () => {
    expect(report.version).toBe(2);
  });

  it('judges a growth target below zero in points: no attainment, the difference, on track', () => {
    const v = at('sales-growth', '2026-04');
    expect(v.value).toBeCloseTo(104_500 / 1_130_000, 12);
    expect(v.attainment).toBeNull();
    expect(v.gap).toBeCloseTo(104_500 / 1_130_000 + 0.02, 12);
    expect(v.status).toBe('on-track');
    const march = at('sales-growth', '2026-03');
    expect(march.gap).toBeCloseTo(0.13 - 0.16, 12);
    expect(march.status).toBe('off-track');
    expect(kpi('sales-growth').judging).toEqual({ judge: 'points', at_risk_points: 2 });
  });

  it('shows a maturing cohort on the goal card as not final beside its target, as its year value is', () => {
    const goal = report.goals.find((g) => g.id === 'convert-more-leads')!;
    const year = at('lead-conversion-rate', '2026');
    expect(year.notes).toContain('maturing');
    expect(year.target).toBe(0.3);
    expect(year.status).toBeNull();
    expect(year.notFinal).toBe('maturing');
    expect(goal.progress).toMatchObject({ year: '2026', target: 0.3, status: null, notFinal: 'maturing' });
  });

  it('gives the goal card the year to date’s own status, and the projection as a separate figure', () => {
    // Year to date 4 264 500 against the month targets so far 1 000 000 + 1 000 000 + 1 100 000 +
    // 1 350 000 = 4 450 000: 95.8 %, at risk (band 95 %). The year target is 15 000 000; a straight
    // line projects 4 264 500 / 4 × 12 = 12 793 500, which is not judged.
    const p = report.goals.find((g) => g.id === 'grow-sales')!.progress!;
    const year = at('net-sales', '2026');
    expect(year.value).toBe(4_264_500);
    expect(year.target).toBe(4_450_000);
    expect(year.attainment).toBeCloseTo(4_264_500 / 4_450_000, 12);
    expect(year.status).toBe('at-risk');
    expect(p).toMatchObject({ actual: 4_264_500, target: 15_000_000, targetToDate: 4_450_000, status: 'at-risk', notFinal: null, projection: 'linear' });
    expect(p.attainment).toBe(year.attainment);
    expect(p.projected).toBeCloseTo(12_793_500, 6);
    expect(p.shareOfYear).toBeCloseTo(4_264_500 / 15_000_000, 12);
    expect(p).not.toHaveProperty('projectedStatus');
  });

  it('has an on-track year to date stay on track on the goal card when the projection falls short', () => {
    // Month targets lowered to 1 000 000 each: 4 264 500 against 4 000 000 = 106.6 %, on track,
    // while the straight-line year end (12 793 500) is short of 15 000 000.
    const low = readTree(FIXTURE).map((f) =>
      f.path === 'data/targets/2026.yaml' ? fileOf(f.path, new TextDecoder().decode(f.bytes).replace(/period: 2026-0([34]), value: \d+/g, 'period: 2026-0$1, value: 1000000')) : f,
    );
    const r = runPipeline(low, []).report!;
    const p = r.goals.find((g) => g.id === 'grow-sales')!.progress!;
    expect(p.targetToDate).toBe(4_000_000);
    expect(p.status).toBe('on-track');
    expect(p.projected! < p.target!).toBe(true);
    expect(r.kpis.find((k) => k.id === 'net-sales')!.values.year!.at(-1)!.status).toBe('on-track');
  });

  it('adds the same period last year to every value: none in the data before 2026, so no value and no change', () => {
    const v = at('net-sales', '2026-04');
    expect(v.lastYear).toEqual({ period: '2025-04', value: null, change: null, changeRatio: null });
    expect(at('net-sales', '2026-Q2').lastYear).toMatchObject({ period: '2025-Q2', value: null, likeForLike: { months: ['2026-04', '2026-04'], previousMonths: ['2025-04', '2025-04'], previous: null } });
    expect(at('net-sales', '2026').lastYear?.period).toBe('2025');
  });

  it('warns about a zero or negative target of a ratio-judged KPI, at the target’s line', () => {
    const files = readTree(FIXTURE).map((f) => (f.path === 'data/targets/2026.yaml' ? fileOf(f.path, new TextDecoder().decode(f.bytes) + '- { kpi: units-sold, period: 2026-04, value: 0 }\n- { kpi: sales-growth, period: 2026-02, value: -0.01 }\n') : f));
    const { validation } = runPipeline(files, []);
    const warnings = validation.issues.filter((i) => i.code === 'target-sign');
    expect(warnings).toHaveLength(1); // sales-growth is judged in points: its negative target is fine
    expect(warnings[0]).toMatchObject({ level: 'warning', file: 'data/targets/2026.yaml', column: expect.any(Number) });
    const lines = new TextDecoder().decode(files.find((f) => f.path === 'data/targets/2026.yaml')!.bytes).split('\n');
    expect(lines[warnings[0]!.line! - 1]).toContain('units-sold, period: 2026-04, value: 0');
    expect(warnings[0]!.message).toContain('units-sold');
  });
});

describe('year on year with last year in the data', () => {
  it('compares a month with the same month a year before', async () => {
    const { withLastYear } = await import('../../src/report/like-for-like.ts');
    const { parseMonth } = await import('../../src/calendar/periods.ts');
    const v = (period: string, value: number) => ({ period, value, notes: [], previous: null, change: null, changeRatio: null, target: null, attainment: null, gap: null, status: null, notFinal: null, breakdowns: {} });
    const months = [v('2025-03', 80), v('2025-04', 100), v('2026-03', 90), v('2026-04', 120)];
    const info = (label: string, index: number) => ({ grain: 'month' as const, index, label, start: '', end: '', partial: false });
    const periods = { month: months.map((m) => info(m.period, parseMonth(m.period))), quarter: [], year: [] };
    const out = withLastYear({ month: months }, periods, true, 1, parseMonth('2025-03'), parseMonth('2026-04'));
    expect(out.month![3]!.lastYear).toEqual({ period: '2025-04', value: 100, change: 20, changeRatio: 0.2 }); // 120 against 100
    expect(out.month![2]!.lastYear).toEqual({ period: '2025-03', value: 80, change: 10, changeRatio: 0.125 }); // 90 against 80
    expect(out.month![0]!.lastYear?.value).toBeNull();
  });
});
