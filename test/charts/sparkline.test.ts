import { describe, expect, it } from 'vitest';
import { renderSparkline } from '../../src/charts/sparkline.ts';
import { expectSvgGolden, markGroups, parseSvg } from './golden.ts';
import { NET_SALES_MONTHS, value } from './fixtures.ts';

/** 14 months, so the sparkline shows the last 12: a missing value, the last one partial and on track. */
const MONTHS = [
  value('2025-03', 5, null, null),
  value('2025-04', 5, null, null),
  ...[9, 10, 12, 11, null, 13, 12, 14, 15, 13, 16].map((v, i) => value(`2025-${String(i + 5).padStart(2, '0')}`, v === null ? null : v * 1e8, 1.2e9, null)),
  value('2026-04', 1.7e9, 1.6e9, 'on-track', ['partial']),
];

describe('renderSparkline', () => {
  it('matches the golden file', async () => {
    await expectSvgGolden('sparkline-id', renderSparkline(MONTHS, 'id', 'currency', 'IDR', { title: 'Penjualan Bersih' }));
  });

  it('has no axes, and writes the end value to the right of the line', () => {
    const svg = renderSparkline(MONTHS, 'en', 'currency');
    const root = parseSvg(svg);
    // The line keeps its 120 units; "Rp 1.7bn" at 10 px is 47 units wide by the width estimate, plus 10 of gap, less the 4 of margin.
    expect(root.getAttribute('viewBox')).toBe('0 0 173 32');
    // Drawn at 1.25 px a unit, whatever the container: every sparkline's text is 12.5 px.
    expect(root.getAttribute('width')).toBe('216');
    expect([...root.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['Rp 1.7bn']);
    expect(markGroups(root, 'y-axis tick')).toHaveLength(0);
  });

  it('draws the last 12 periods with a gap for the missing value, the target dashed, and the partial last point dotted and hollow', () => {
    const root = parseSvg(renderSparkline(MONTHS, 'en', 'currency'));
    const [target, solid, dotted] = markGroups(root, 'line').map((g) => g.querySelector('path')!.getAttribute('d')!);
    // Target: 1,2 M for eleven months, 1,6 M for the last: one unbroken line of 12 points.
    expect(target!.match(/M/g)).toHaveLength(1);
    expect(target!.split(/[ML]/).filter(Boolean)).toHaveLength(12);
    expect(markGroups(root, 'line')[0]!.getAttribute('stroke-dasharray')).toBe('3,2');
    // Solid: May 2025 to March 2026 (11 months), less the missing September: 10 points in 2 pieces.
    expect(solid!.match(/M/g)).toHaveLength(2);
    expect(solid!.split(/[ML]/).filter(Boolean)).toHaveLength(10);
    // Dotted: March 2026 to the partial April 2026.
    expect(dotted!.split(/[ML]/).filter(Boolean)).toHaveLength(2);
    expect(markGroups(root, 'line')[2]!.getAttribute('stroke-dasharray')).toBe('1.5,2');
    const dot = markGroups(root, 'dot')[0]!;
    expect(dot.children).toHaveLength(1);
    expect(dot.getAttribute('stroke')).toContain('--chart-on-track');
    expect(dot.getAttribute('fill')).toContain('--chart-bg'); // partial: hollow
  });

  it('starts amounts and counts at zero, and fits other units to their values', () => {
    // 40 and 45 deals: drawn from zero, the 5-deal rise is an eighth of the height, not all of it.
    const counts = [value('2026-01', 40, null, null), value('2026-02', 45, null, null)];
    const ys = (svg: string) => markGroups(parseSvg(svg), 'line')[1]!.querySelector('path')!.getAttribute('d')!.split(/[ML]/).filter(Boolean).map((p) => Number(p.split(',')[1]));
    const [a, b] = ys(renderSparkline(counts, 'en', 'count'));
    // Plot area 4..28 (24 units): 40 of 45 sits at 28 - 24 * 40/45 = 6.67, 45 at the top (4).
    expect(a).toBeCloseTo(6.67, 1);
    expect(b).toBeCloseTo(4, 1);
    const [c, d] = ys(renderSparkline(counts.map((v) => ({ ...v, value: v.value! / 100 })), 'en', 'percent'));
    // Percent: fitted, so 40 % is the bottom and 45 % the top.
    expect(c).toBeCloseTo(28, 1);
    expect(d).toBeCloseTo(4, 1);
  });

  it('describes the trend in words', () => {
    expect(parseSvg(renderSparkline(MONTHS, 'id', 'currency', 'IDR', { title: 'Penjualan Bersih' })).getAttribute('aria-label')).toBe(
      'Penjualan Bersih, 12 bulan terakhir: naik dari Rp 900 jt (Mei 2025) ke Rp 1,7 M (Apr 2026), target Rp 1,6 M, sesuai target, periode belum lengkap.',
    );
    expect(parseSvg(renderSparkline(NET_SALES_MONTHS, 'en', 'currency', 'IDR', { title: 'Net Sales' })).getAttribute('aria-label')).toBe(
      'Net Sales, last 8 months: down from Rp 1bn (Nov 2025) to Rp 600m (Jun 2026), target Rp 600m, on track, period not complete.',
    );
    const flat = [value('2026-01', 0.5, null, null), value('2026-02', 0.505, null, null)];
    expect(parseSvg(renderSparkline(flat, 'en', 'percent')).getAttribute('aria-label')).toBe('Value, last 2 months: flat from 50% (Jan 2026) to 50.5% (Feb 2026).');
    expect(parseSvg(renderSparkline([value('2026-01', null, null, null)], 'en', 'percent')).getAttribute('aria-label')).toBe('Value, latest month: No data.');
  });
});
