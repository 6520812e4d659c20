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

  it('is a tiny chart without axes or text', () => {
    const svg = renderSparkline(MONTHS, 'en', 'currency');
    const root = parseSvg(svg);
    expect(root.getAttribute('viewBox')).toBe('0 0 120 32');
    expect(root.querySelectorAll('text')).toHaveLength(0);
    expect(markGroups(root, 'y-axis tick')).toHaveLength(0);
  });

  it('draws the last 12 periods with a gap for the missing value, and marks the last point', () => {
    const root = parseSvg(renderSparkline(MONTHS, 'en', 'currency'));
    const d = markGroups(root, 'line')[0]!.querySelector('path')!.getAttribute('d')!;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(11);
    const dot = markGroups(root, 'dot')[0]!;
    expect(dot.children).toHaveLength(1);
    expect(dot.getAttribute('stroke')).toContain('--chart-on-track');
    expect(dot.getAttribute('fill')).toContain('--chart-bg'); // partial: hollow
  });

  it('describes the trend in words', () => {
    expect(parseSvg(renderSparkline(MONTHS, 'id', 'currency', 'IDR', { title: 'Penjualan Bersih' })).getAttribute('aria-label')).toBe(
      'Penjualan Bersih, 12 bulan terakhir: naik dari Rp 900 jt (Mei 2025) ke Rp 1,7 M (Apr 2026), sesuai target, periode belum lengkap.',
    );
    expect(parseSvg(renderSparkline(NET_SALES_MONTHS, 'en', 'currency', 'IDR', { title: 'Net Sales' })).getAttribute('aria-label')).toBe(
      'Net Sales, last 8 months: down from Rp 1bn (Nov 2025) to Rp 600m (Jun 2026), on track, period not complete.',
    );
    const flat = [value('2026-01', 0.5, null, null), value('2026-02', 0.505, null, null)];
    expect(parseSvg(renderSparkline(flat, 'en', 'percent')).getAttribute('aria-label')).toBe('Value, last 2 months: flat from 50% (Jan 2026) to 50.5% (Feb 2026).');
    expect(parseSvg(renderSparkline([value('2026-01', null, null, null)], 'en', 'percent')).getAttribute('aria-label')).toBe('Value, latest month: No data.');
  });
});
