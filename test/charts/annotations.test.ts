/** Review markers on trend charts (src/charts/annotations.ts): placed at their period, never overlapping, inside the chart. */
import { describe, expect, it } from 'vitest';
import { annotationPeriods, placeAnnotations } from '../../src/charts/annotations.ts';
import { textWidth } from '../../src/charts/chart-format.ts';
import { renderTrendChart } from '../../src/charts/trend-chart.ts';
import { NET_SALES, NET_SALES_MONTHS } from './fixtures.ts';
import { parseSvg } from './golden.ts';

const labels = ['2026-01', '2026-02', '2026-03', '2026-04'];

describe('annotation placement', () => {
  it('puts a day in its month and a period on itself; drops what the chart does not show', () => {
    expect(annotationPeriods([{ when: '2026-03-21', label: 'Lebaran' }, { when: '2026-02', label: 'Promo' }, { when: '2025-12-25', label: 'Natal' }, { when: '2026-Q1', label: 'Q' }], labels)).toEqual([
      { i: 1, label: 'Promo' },
      { i: 2, label: 'Lebaran' },
    ]);
  });
  it('puts a day on the week holding it on a week chart, a week crossing a month end included', () => {
    // 2026-W13: Monday 23 to Sunday 29 March; 2026-W14: Monday 30 March to Sunday 5 April.
    const weeks = new Map([
      ['2026-W13', { start: '2026-03-23', end: '2026-03-29' }],
      ['2026-W14', { start: '2026-03-30', end: '2026-04-05' }],
    ]);
    expect(annotationPeriods([{ when: '2026-04-03', label: 'Wafat Isa Almasih' }, { when: '2026-03-29', label: 'Minggu' }, { when: '2026-03-10', label: 'Nyepi' }, { when: '2026-W13', label: 'Promo' }], ['2026-W13', '2026-W14'], weeks)).toEqual([
      { i: 0, label: 'Minggu' },
      { i: 0, label: 'Promo' },
      { i: 1, label: 'Wafat Isa Almasih' },
    ]);
  });
  it('moves a label to the next row when it would run into the one before, and keeps each inside', () => {
    // Periods 100 px apart; "Distributor baru Medan" is wider than that, so "Promo" next to it goes a row down.
    const xOf = (i: number) => 50 + i * 100;
    const { placed, rows } = placeAnnotations([{ i: 1, label: 'Distributor baru Medan' }, { i: 2, label: 'Promo' }, { i: 3, label: 'Akhir' }], xOf, 40, 420, 12);
    expect(rows).toBe(2);
    expect(placed.map((p) => p.row)).toEqual([0, 1, 0]);
    for (const p of placed) expect(p.x + textWidth(p.label, 12)).toBeLessThanOrEqual(420);
    for (const a of placed) for (const b of placed) if (a !== b && a.row === b.row) expect(a.x + textWidth(a.label, 12) <= b.x || b.x + textWidth(b.label, 12) <= a.x).toBe(true);
  });
});

describe('a trend chart with markers', () => {
  it('draws each label once, with a rule, and leaves the chart without markers unchanged', () => {
    const period = NET_SALES_MONTHS[2]!.period;
    const svg = renderTrendChart(NET_SALES, 'month', 'id', { annotations: [{ when: period, label: 'Lebaran' }] });
    const g = parseSvg(svg).querySelector('g[data-mark="annotations"]')!;
    expect([...g.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['Lebaran']);
    expect(g.querySelectorAll('path')).toHaveLength(1);
    expect(renderTrendChart(NET_SALES, 'month', 'id', { annotations: [] })).toBe(renderTrendChart(NET_SALES, 'month', 'id'));
  });
});
