import { describe, expect, it } from 'vitest';
import { renderGoalProgress } from '../../src/charts/goal-progress.ts';
import { expectSvgGolden, markGroups, parseSvg } from './golden.ts';
import { LEAD_CONVERSION, kpi, value } from './fixtures.ts';

const B = 1e9;
const YEAR = { label: '2026', start: '2026-01-01', end: '2026-12-31' };
const months = [
  value('2025-12', 2 * B, 1 * B, 'on-track'), // the year before: not counted
  value('2026-01', 1.0 * B, 1 * B, 'on-track'),
  value('2026-02', 0.9 * B, 1 * B, 'at-risk'),
  value('2026-03', 1.1 * B, 1 * B, 'on-track'),
  value('2026-04', 1.0 * B, 1 * B, 'on-track'),
  value('2026-05', 1.2 * B, 1 * B, 'on-track'),
  value('2026-06', 0.7 * B, 1 * B, 'off-track', ['partial']),
];
const year = (target: number, source: 'given' | 'prorated' | 'derived') => ({ ...value('2026', 5.9 * B, target, 'at-risk', ['partial']), targetSource: source });
const SALES = kpi({ id: 'net-sales', unit: 'currency', values: { month: months, year: [year(6 * B, 'prorated')] } });

/** The line drawn with this dash pattern: none for the actual, 5,3 the pace, 1,3 the projection. */
const linePath = (svg: string, dash: string | null) =>
  markGroups(parseSvg(svg), 'line')
    .find((g) => g.getAttribute('stroke-dasharray') === dash)!
    .querySelector('path')!
    .getAttribute('d')!;
const ACTUAL = null;
const PACE = '5,3';
const PROJECTION = '1,3';
const points = (d: string) => d.split(/[ML]/).filter(Boolean).map((p) => p.split(',').map(Number));

describe('renderGoalProgress', () => {
  it('matches the golden file', async () => {
    await expectSvgGolden('goal-progress-en', renderGoalProgress(SALES, YEAR, 'en'));
  });

  it('adds up the year’s months, from zero at the start of the year', () => {
    const actual = points(linePath(renderGoalProgress(SALES, YEAR, 'en'), ACTUAL));
    expect(actual).toHaveLength(7); // the start and six month ends
  });

  it('follows the month targets, then runs straight to the year target (a prorated one scaled back to 12 months)', () => {
    const pace = points(linePath(renderGoalProgress(SALES, YEAR, 'en'), PACE));
    expect(pace).toHaveLength(13);
    // Month targets of 1 M each and a 12 M year: one straight line, so equal steps throughout.
    const steps = pace.slice(1).map(([, y], i) => Math.round((y! - pace[i]![1]!) * 10) / 10);
    expect(new Set(steps).size).toBe(1);
  });

  it('stops the pace at the last month when the full-year target is unknown', () => {
    const derived = kpi({ id: 'net-sales', unit: 'currency', values: { month: months, year: [year(6 * B, 'derived')] } });
    expect(points(linePath(renderGoalProgress(derived, YEAR, 'en'), PACE))).toHaveLength(7);
    expect(points(linePath(renderGoalProgress(derived, YEAR, 'en', { yearTarget: 15 * B }), PACE))).toHaveLength(13);
  });

  it('judges the year to date against the pace and says so in words', () => {
    const root = parseSvg(renderGoalProgress(SALES, YEAR, 'id'));
    expect(root.getAttribute('aria-label')).toBe(
      'Penjualan Bersih: capaian kumulatif tahun 2026 terhadap laju target. Sampai Juni 2026: Rp 5,9 M, laju target Rp 6 M, target setahun Rp 12 M. Status: berisiko.',
    );
    const dot = markGroups(root, 'dot')[0]!;
    expect(dot.getAttribute('stroke')).toContain('--chart-at-risk');
    expect(dot.getAttribute('fill')).toContain('--chart-bg'); // June is partial
    expect(markGroups(root, 'text').flatMap((g) => [...g.querySelectorAll('text')].map((t) => t.textContent))).toEqual(['Target 2026: Rp 12 M', 'Rp 5,9 M', '↑ Rupiah (Rp)']);
  });

  it('takes the year target and projection from the report’s goal progress, and the status from the year value, never from the projection', async () => {
    // The projection (11,8 M of 13 M) would be off track; the year to date (5,9 M of 6 M) is at risk, and that is the status shown.
    const progress = { year: '2026', monthsDone: 6, monthsTotal: 12, actual: 5.9 * B, target: 13 * B, targetToDate: 6 * B, attainment: 5.9 / 6, gap: -0.1 * B, status: 'at-risk' as const, notFinal: null, shareOfYear: 5.9 / 13, pacePerMonth: 1.18 * B, projected: 11.8 * B, projection: 'linear' as const };
    const svg = renderGoalProgress(SALES, YEAR, 'id', { progress });
    await expectSvgGolden('goal-progress-projection-id', svg);
    const root = parseSvg(svg);
    expect(root.getAttribute('aria-label')).toBe(
      'Penjualan Bersih: capaian kumulatif tahun 2026 terhadap laju target. Sampai Juni 2026: Rp 5,9 M, laju target Rp 6 M, target setahun Rp 13 M. Proyeksi akhir tahun: Rp 11,8 M. Status: berisiko.',
    );
    const [from, to] = points(linePath(svg, PROJECTION));
    expect(from).toEqual(points(linePath(svg, ACTUAL)).at(-1));
    expect(to![0]).toBeGreaterThan(from![0]!);
    const legend = markGroups(root, 'legend')[0]!;
    expect([...legend.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['sejak awal tahun (berisiko)', 'proyeksi', 'laju target']);
    // Progress for another year is ignored.
    expect(renderGoalProgress(SALES, YEAR, 'id', { progress: { ...progress, year: '2025' } })).toBe(renderGoalProgress(SALES, YEAR, 'id'));
  });

  it('refuses a KPI whose months do not add up', () => {
    expect(() => renderGoalProgress(LEAD_CONVERSION, YEAR, 'en')).toThrow('goal progress needs an additive KPI (one whose months add up to the year): lead-conversion-rate');
  });
});
