import { describe, expect, it } from 'vitest';
import { renderTrendChart } from '../../src/charts/trend-chart.ts';
import { formatValue } from '../../src/i18n/format-value.ts';
import { expectSvgGolden, markGroups, parseSvg } from './golden.ts';
import { LEAD_CONVERSION, NET_SALES, NET_SALES_MONTHS, kpi, value } from './fixtures.ts';

const dotsOf = (svg: string) => markGroups(parseSvg(svg), 'dot').flatMap((g) => [...g.children]);
const linePaths = (svg: string) => markGroups(parseSvg(svg), 'line').map((g) => g.querySelector('path')!.getAttribute('d')!);
const tickLabels = (svg: string, axis: 'x' | 'y') =>
  markGroups(parseSvg(svg), `${axis}-axis tick label`).flatMap((g) => [...g.querySelectorAll('text')].map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') || t.textContent));

describe('renderTrendChart', () => {
  it('matches the golden file (currency, Indonesian)', async () => {
    await expectSvgGolden('trend-currency-id', renderTrendChart(NET_SALES, 'month', 'id'));
  });

  it('matches the golden file (percent, English)', async () => {
    await expectSvgGolden('trend-percent-en', renderTrendChart(LEAD_CONVERSION, 'month', 'en'));
  });

  it('draws one dot per period with a value, none for a missing value', () => {
    expect(dotsOf(renderTrendChart(NET_SALES, 'month', 'id'))).toHaveLength(7);
  });

  it('gives every dot a title with period, value, target and status in words', () => {
    const dots = dotsOf(renderTrendChart(NET_SALES, 'month', 'id'));
    const titles = dots.map((d) => d.querySelector('title')?.textContent ?? '');
    const withValues = NET_SALES_MONTHS.filter((v) => v.value !== null);
    titles.forEach((title, i) => expect(title).toContain(`Nilai: ${formatValue(withValues[i]!.value, 'currency', 'id')}`));
    expect(titles[0]).toBe('November 2025\nNilai: Rp 1 M\nTarget: tanpa target');
    expect(titles[3]).toBe('Maret 2026\nNilai: Rp 800 jt\nTarget: Rp 1,2 M\nStatus: meleset');
    expect(titles[6]).toBe('Juni 2026\nNilai: Rp 600 jt\nTarget: Rp 600 jt\nStatus: sesuai target\n(periode belum lengkap)');
    const en = dotsOf(renderTrendChart(NET_SALES, 'month', 'en')).map((d) => d.querySelector('title')!.textContent);
    expect(en[2]).toBe('January 2026\nValue: Rp 950m\nTarget: Rp 1bn\nStatus: at risk');
  });

  it('shapes and colours dots by status, hollow when the period is not final', () => {
    const dots = dotsOf(renderTrendChart(NET_SALES, 'month', 'id'));
    const [none, onTrack, atRisk, offTrack, , , partial] = dots; // Nov, Dec, Jan, Mar, Apr, May, Jun
    expect(onTrack!.getAttribute('stroke')).toContain('--chart-on-track');
    expect(atRisk!.getAttribute('stroke')).toContain('--chart-at-risk');
    expect(offTrack!.getAttribute('stroke')).toContain('--chart-off-track');
    expect(none!.getAttribute('stroke')).toContain('--chart-neutral');
    const shape = (d: Element) => d.getAttribute('d')!.replace(/[\d.-]+/g, '#');
    expect(new Set([shape(onTrack!), shape(atRisk!), shape(offTrack!)]).size).toBe(3);
    expect(onTrack!.getAttribute('fill')).toBe(onTrack!.getAttribute('stroke'));
    expect(partial!.getAttribute('fill')).toContain('--chart-bg');
    expect(shape(partial!)).toBe(shape(onTrack!));
  });

  it('breaks the value line at a missing value and the target line where there is no target', () => {
    const [target, line] = linePaths(renderTrendChart(NET_SALES, 'month', 'id'));
    expect(line!.match(/M/g)).toHaveLength(2);
    expect(target!.match(/M/g)).toHaveLength(1);
    // A step: each period's target spans its width, so each period adds two points.
    expect(target!.split(/[ML]/).filter(Boolean)).toHaveLength(14);
  });

  it('draws a partial period as a value to date: off the solid line, dotted from the month before, hollow, labelled not final', () => {
    const svg = renderTrendChart(NET_SALES, 'month', 'id');
    const [, solid, dotted] = linePaths(svg);
    const xy = (d: string) => d.split(/[ML]/).filter(Boolean).map((p) => p.split(',').map(Number) as [number, number]);
    const dots = dotsOf(svg).map((d) => /translate\(([\d.]+),([\d.]+)\)/.exec(d.getAttribute('transform')!)!.slice(1).map(Number));
    const [may, june] = dots.slice(-2);
    // The solid line ends at May (Rp 1,1 M): June's half month (Rp 600 jt) does not plunge it.
    expect(xy(solid!).at(-1)).toEqual(may);
    // The dotted segment runs May → June.
    expect(xy(dotted!)).toEqual([may, june]);
    expect(markGroups(parseSvg(svg), 'line')[2]!.getAttribute('stroke-dasharray')).toBe('2,3');
    // One label, over June's marker, in the site's word.
    const label = markGroups(parseSvg(svg), 'text').flatMap((g) => [...g.querySelectorAll('text')]).filter((t) => t.textContent === 'belum final');
    expect(label).toHaveLength(1);
    expect(label[0]!.getAttribute('transform')).toBe(`translate(${june!.join(',')})`);
    // The maturing cohorts of a percent KPI: May (maturing) after a gap has no neighbour to dot from; June dots from May.
    const [, , conv] = linePaths(renderTrendChart(LEAD_CONVERSION, 'month', 'en'));
    expect(xy(conv!)).toHaveLength(2);
  });

  it('starts the value axis at zero for amounts and counts, not for percentages', () => {
    const yTicks = (svg: string) => tickLabels(svg, 'y');
    // Net sales run Rp 600 jt – 1,25 M: the axis still starts at Rp 0.
    expect(yTicks(renderTrendChart(NET_SALES, 'month', 'en'))[0]).toBe('Rp 0');
    const deals = kpi({ id: 'deals', unit: 'count', values: { month: [value('2026-01', 40, null, null), value('2026-02', 45, null, null)] } });
    expect(yTicks(renderTrendChart(deals, 'month', 'en'))[0]).toBe('0');
    // Conversion runs 4 %–12 %: fitted, from 4 %.
    expect(yTicks(renderTrendChart(LEAD_CONVERSION, 'month', 'en'))[0]).toBe('4%');
  });

  it('draws a riser where the target changes', () => {
    const [target] = linePaths(renderTrendChart(NET_SALES, 'month', 'id'));
    const points = target!.split(/[ML]/).filter(Boolean).map((p) => p.split(',').map(Number) as [number, number]);
    const risers = points.slice(1).filter(([x, y], i) => x === points[i]![0] && y !== points[i]![1]);
    expect(risers).toHaveLength(2); // up to Rp 1,2 M in March, down to the prorated Rp 600 jt in June
  });

  it('formats value ticks per language', () => {
    expect(tickLabels(renderTrendChart(NET_SALES, 'month', 'id'), 'y')).toEqual(['Rp 0', 'Rp 200 jt', 'Rp 400 jt', 'Rp 600 jt', 'Rp 800 jt', 'Rp 1 M', 'Rp 1,2 M', 'Rp 1,4 M']);
    expect(tickLabels(renderTrendChart(NET_SALES, 'month', 'en'), 'y')).toContain('Rp 1.2bn');
    expect(tickLabels(renderTrendChart(LEAD_CONVERSION, 'month', 'id'), 'y')).toContain('12 %');
    expect(tickLabels(renderTrendChart(LEAD_CONVERSION, 'month', 'en'), 'y')).toContain('12%');
  });

  it('labels months with the language’s month names, the year under January and the first month', () => {
    expect(tickLabels(renderTrendChart(NET_SALES, 'month', 'id'), 'x')).toEqual(['Nov 2025', 'Des', 'Jan 2026', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun']);
    expect(tickLabels(renderTrendChart(NET_SALES, 'month', 'en'), 'x')).toEqual(['Nov 2025', 'Dec', 'Jan 2026', 'Feb', 'Mar', 'Apr', 'May', 'Jun']);
  });

  it('thins month ticks to calendar steps when periods are many', () => {
    const months = Array.from({ length: 24 }, (_, i) => value(`${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, 100 + i, null, null));
    const labels = tickLabels(renderTrendChart(kpi({ id: 'x', unit: 'count', values: { month: months } }), 'month', 'en'), 'x');
    expect(labels).toEqual(['Jan 2025', 'Mar', 'May', 'Jul', 'Sep', 'Nov', 'Jan 2026', 'Mar', 'May', 'Jul', 'Sep', 'Nov']);
  });

  it('labels quarters and shows only the last n periods when asked', () => {
    const quarters = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'].map((p, i) => value(p, 3e9 + i * 1e8, 3e9, 'on-track'));
    const svg = renderTrendChart(kpi({ id: 'q', unit: 'currency', values: { quarter: quarters } }), 'quarter', 'en', { periods: 3 });
    expect(tickLabels(svg, 'x')).toEqual(['Q4 2025', 'Q1 2026', 'Q2']);
    expect(dotsOf(svg)).toHaveLength(3);
  });

  it('labels the value axis with the unit in the language', () => {
    expect(renderTrendChart(NET_SALES, 'month', 'id')).toContain('>↑ Rupiah (Rp)</text>');
    expect(renderTrendChart(LEAD_CONVERSION, 'month', 'id')).toContain('>↑ persen (%)</text>');
    expect(renderTrendChart(LEAD_CONVERSION, 'month', 'en')).toContain('>↑ percent (%)</text>');
  });

  it('names the chart in words: what, when, where it stands, how often on target', () => {
    const root = parseSvg(renderTrendChart(NET_SALES, 'month', 'id'));
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe(
      'Tren Penjualan Bersih per bulan, Nov 2025 sampai Jun 2026. Terakhir, Juni 2026 (periode belum lengkap): Rp 600 jt, target Rp 600 jt, sesuai target. 3 periode sesuai target, 2 berisiko, 1 meleset.',
    );
    expect(parseSvg(renderTrendChart(LEAD_CONVERSION, 'month', 'en')).getAttribute('aria-label')).toBe(
      'Lead-to-Customer Conversion Rate by month, Jan 2026 to Jun 2026. Latest, June 2026 (period not complete) (cohort still maturing): 4%, no target. 2 periods on track, 1 at risk, 1 off track.',
    );
  });

  it('explains colours, shapes and lines in a legend inside the SVG', () => {
    const legend = markGroups(parseSvg(renderTrendChart(NET_SALES, 'month', 'en')), 'legend')[0]!;
    expect([...legend.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['on track', 'at risk', 'off track', 'no target', 'not final', 'Target']);
  });

  it('says so when there is no data', () => {
    const svg = renderTrendChart(kpi({ id: 'empty', unit: 'count', values: { month: [value('2026-01', null, null, null)] } }), 'month', 'en');
    expect(parseSvg(svg).getAttribute('aria-label')).toBe('Net Sales by month, Jan 2026 to Jan 2026. No data.');
    expect(dotsOf(svg)).toHaveLength(0);
  });
});
