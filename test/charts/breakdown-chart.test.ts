import { describe, expect, it } from 'vitest';
import { renderBreakdownChart } from '../../src/charts/breakdown-chart.ts';
import { expectSvgGolden, markGroups, parseSvg } from './golden.ts';
import { REGIONS, REGION_LABELS, member } from './fixtures.ts';

const bars = (svg: string) => markGroups(parseSvg(svg), 'bar').flatMap((g) => [...g.children]);
const texts = (svg: string, mark: string) => markGroups(parseSvg(svg), mark).flatMap((g) => [...g.querySelectorAll('text')].map((t) => t.textContent));
/** Bar labels top to bottom (the marks with and without a status marker draw them in two groups). */
const barLabels = (svg: string) =>
  markGroups(parseSvg(svg), 'text')
    .flatMap((g) => [...g.querySelectorAll('text')])
    .map((t) => ({ y: Number(/translate\([\d.]+,([\d.]+)\)/.exec(t.getAttribute('transform')!)![1]), text: t.textContent }))
    .sort((a, b) => a.y - b.y)
    .map((t) => t.text);

describe('renderBreakdownChart', () => {
  it('matches the golden file (with targets, Indonesian)', async () => {
    await expectSvgGolden('breakdown-id', renderBreakdownChart(REGIONS, REGION_LABELS, 'id', 'currency', 'IDR', { title: 'Penjualan Bersih menurut wilayah, Okt 2026' }));
  });

  it('matches the golden file (no targets, English)', async () => {
    const members = [member('grosir', 0.31, null, null, null), member('horeka', 0.12, null, null, null), member('minimarket', 0.27, null, null, null)];
    await expectSvgGolden('breakdown-percent-en', renderBreakdownChart(members, { grosir: { id: 'Grosir', en: 'Wholesaler' }, horeka: { id: 'Horeka', en: 'Hotels, restaurants and cafés' } }, 'en', 'percent'));
  });

  it('sorts members largest first, a member without a value last, with display names', () => {
    expect(texts(renderBreakdownChart(REGIONS, REGION_LABELS, 'en', 'currency'), 'y-axis tick label')).toEqual(['Greater Jakarta', 'East Java', 'West Java', 'North Sumatra', 'Papua']);
  });

  it('falls back to the member id when there is no display name', () => {
    expect(texts(renderBreakdownChart([member('x-9', 1, null, null, null)], undefined, 'en', 'count'), 'y-axis tick label')).toEqual(['x-9']);
  });

  it('labels each bar with its value and share, and says when a value is missing', () => {
    expect(barLabels(renderBreakdownChart(REGIONS, REGION_LABELS, 'id', 'currency'))).toEqual([
      'Rp 386 jt · 37,4 %',
      'Rp 275 jt · 26,6 %',
      'Rp 249 jt · 24,1 %',
      'Rp 123 jt · 11,9 %',
      '– (tidak ada data)',
    ]);
    expect(barLabels(renderBreakdownChart(REGIONS, REGION_LABELS, 'en', 'currency'))[0]).toBe('Rp 386m · 37.4%');
  });

  it('colours bars by status where there is a target, neutral elsewhere, and draws the target ticks', () => {
    const svg = renderBreakdownChart(REGIONS, REGION_LABELS, 'en', 'currency');
    expect(bars(svg).map((b) => /--chart-[\w-]+/.exec(b.getAttribute('fill')!)![0])).toEqual(['--chart-on-track', '--chart-neutral', '--chart-at-risk', '--chart-off-track']);
    // Jakarta, West Java, North Sumatra and Papua have targets.
    expect(markGroups(parseSvg(svg), 'tick')[0]!.children).toHaveLength(4);
    // The status is also a marker shape beside the label, not colour alone.
    expect(markGroups(parseSvg(svg), 'dot')[0]!.children).toHaveLength(3);
  });

  it('draws all bars neutral and no legend when no member has a target', () => {
    const svg = renderBreakdownChart([member('a', 2, 0.5, null, null), member('b', 2, 0.5, null, null)], {}, 'en', 'count');
    expect(new Set(bars(svg).map((b) => b.getAttribute('fill')))).toEqual(new Set(['var(--chart-neutral, #8c8c8c)']));
    expect(markGroups(parseSvg(svg), 'legend')).toHaveLength(0);
  });

  it('gives every bar a title with name, value, share, target and status', () => {
    const titles = bars(renderBreakdownChart(REGIONS, REGION_LABELS, 'id', 'currency')).map((b) => b.querySelector('title')!.textContent);
    expect(titles[0]).toBe('Jabodetabek\nNilai: Rp 386 jt\nPangsa: 37,4 %\nTarget: Rp 367 jt\nStatus: sesuai target');
    expect(titles[1]).toBe('Jawa Timur\nNilai: Rp 275 jt\nPangsa: 26,6 %\nTarget: tanpa target');
  });

  it('names the chart with every member in words', () => {
    expect(parseSvg(renderBreakdownChart(REGIONS, REGION_LABELS, 'en', 'currency', 'IDR', { title: 'Net Sales by region, Oct 2026' })).getAttribute('aria-label')).toBe(
      'Net Sales by region, Oct 2026, 5 members, largest first: Greater Jakarta: Rp 386m (37.4%, on track); East Java: Rp 275m (26.6%); West Java: Rp 249m (24.1%, at risk); North Sumatra: Rp 123m (11.9%, off track); Papua: – (no data).',
    );
  });

  it('grows in height with the number of members, keeping its width', () => {
    const vb = (n: number) => parseSvg(renderBreakdownChart(REGIONS.slice(0, n), REGION_LABELS, 'en', 'currency')).getAttribute('viewBox')!.split(' ').map(Number);
    expect(vb(2)[2]).toBe(vb(5)[2]);
    expect(vb(5)[3]! - vb(2)[3]!).toBe(3 * 28);
  });

  it('escapes member names: markup in a name is text, never markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const svg = renderBreakdownChart([member('evil', 5, 1, null, null)], { evil: `${evil} & "quotes"` }, 'en', 'count', 'IDR', { title: evil });
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt; &amp;');
    const root = parseSvg(svg);
    expect(root.querySelectorAll('img')).toHaveLength(0);
    const attributes = [root, ...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name));
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
    // Too long for the name column: cut with an ellipsis, the full name in the label's <title>.
    const label = markGroups(root, 'y-axis tick label')[0]!.querySelector('text')!;
    const full = label.querySelector('title')!.textContent!;
    expect(full).toBe(`${evil} & "quotes"`);
    expect(label.textContent!.slice(0, -full.length)).toMatch(/^<img src=x onerror=.*…$/);
    expect(root.getAttribute('aria-label')).toContain(evil);
  });

  it('links each bar and its value to the member’s page when given, and nothing where there is no page', () => {
    const svg = renderBreakdownChart(REGIONS, REGION_LABELS, 'en', 'currency', 'IDR', { href: (m) => (m === 'jawa-timur' ? null : `/en/regions/${m}/`) });
    const root = parseSvg(svg);
    // Bars largest first: Jabodetabek, Jawa Timur (no page), Jawa Barat, Sumatera Utara; Papua has no value, so no bar.
    const barLinks = markGroups(root, 'bar').flatMap((g) => [...g.children]).map((c) => (c.tagName.toLowerCase() === 'a' ? c.getAttribute('href') : null));
    expect(barLinks).toEqual(['/en/regions/jabodetabek/', null, '/en/regions/jawa-barat/', '/en/regions/sumatera-utara/']);
    const textLinks = markGroups(root, 'text').flatMap((g) => [...g.querySelectorAll('a')]).map((a) => `${a.getAttribute('href')} ${a.textContent}`);
    expect(textLinks).toEqual(['/en/regions/jabodetabek/ Rp 386m · 37.4%', '/en/regions/jawa-barat/ Rp 249m · 24.1%', '/en/regions/sumatera-utara/ Rp 123m · 11.9%', '/en/regions/papua/ – (no data)']);
    // Without the option, no links at all.
    expect(parseSvg(renderBreakdownChart(REGIONS, REGION_LABELS, 'en', 'currency')).querySelectorAll('a')).toHaveLength(0);
  });

  it('gives the records behind each value when asked, and says when they are too few to judge by', () => {
    const withCounts = [{ ...REGIONS[1]!, count: 120 }, { ...REGIONS[2]!, count: 4, fewRecords: true as const }, REGIONS[3]!];
    const svg = renderBreakdownChart(withCounts, REGION_LABELS, 'en', 'currency', 'IDR', { width: 800, records: (n) => `${n} orders`, fewRecords: 'too few to judge' });
    const labels = markGroups(parseSvg(svg), 'text').flatMap((g) => [...g.querySelectorAll('text')].map((t) => t.textContent));
    // Jabodetabek 120 orders; Sumatera Utara 4, under the threshold; Jawa Timur has no count, so nothing is added.
    expect(labels).toContain('Rp 386m · 37.4% · 120 orders');
    expect(labels).toContain('Rp 123m · 11.9% · 4 orders, too few to judge');
    expect(labels).toContain('Rp 275m · 26.6%');
    // Without the words, a count alone adds nothing.
    expect(markGroups(parseSvg(renderBreakdownChart(withCounts, REGION_LABELS, 'en', 'currency')), 'text').flatMap((g) => [...g.querySelectorAll('text')].map((t) => t.textContent))).toContain('Rp 386m · 37.4%');
  });

  it('keeps the records in the hover text and the name, out of the label, when the label would leave the bars under a third of the width', () => {
    const withCounts = [{ ...REGIONS[1]!, count: 120 }, { ...REGIONS[2]!, count: 4, fewRecords: true as const }];
    const narrow = parseSvg(renderBreakdownChart(withCounts, REGION_LABELS, 'id', 'currency', 'IDR', { width: 380, records: (n) => `${n} pesanan`, fewRecords: 'terlalu sedikit untuk dinilai' }));
    const labels = markGroups(narrow, 'text').flatMap((g) => [...g.querySelectorAll('text')].map((t) => t.textContent));
    expect(labels).toEqual(expect.arrayContaining(['Rp 386 jt · 37,4 %', 'Rp 123 jt · 11,9 %']));
    expect(narrow.getAttribute('aria-label')).toContain('Sumatera Utara: Rp 123 jt (11,9 %, 4 pesanan, terlalu sedikit untuk dinilai, meleset)');
    expect([...narrow.querySelectorAll('title')].map((t) => t.textContent).join('\n')).toContain('120 pesanan');
  });

  it('never draws a bar of negative width: long names and labels give way so the bars keep a third of a narrow chart', () => {
    const long = REGIONS.slice(0, 4).map((x) => ({ ...x, member: `${x.member}-with-a-very-long-name-indeed`, count: 12345 }));
    const svg = renderBreakdownChart(long, undefined, 'id', 'currency', 'IDR', { width: 380, records: (n) => `${n} pesanan dari pelanggan lama`, fewRecords: 'x' });
    const widths = bars(svg).map((b) => Number((b.tagName.toLowerCase() === 'a' ? b.firstElementChild! : b).getAttribute('width')));
    expect(widths.length).toBe(4);
    expect(Math.min(...widths)).toBeGreaterThan(0);
    // The largest bar spans at least a third of the 380 units, less the room of its target tick.
    expect(Math.max(...widths)).toBeGreaterThan(380 / 3 - 20);
  });
});
