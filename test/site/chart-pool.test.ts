/**
 * The chart threads of `astro build` (src/site/chart-pool.ts): a chart drawn in a thread is the
 * chart Astro's thread draws, byte for byte, for every kind; a chart that fails in a thread fails
 * its page with the thread's error instead of hanging it; without a pool the pages' async chart
 * functions draw at once, as the synchronous ones do; and memoChartAsync, the chart cache for a
 * chart drawn later, shares memoChart's entries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeChartCache, memoChart, memoChartAsync, openChartCache } from '../../src/site/chart-cache.ts';
import * as direct from '../../src/charts/index.ts';
import * as site from '../../src/site/charts.ts';
import { chartPoolStarted, closeChartPool, drawChartSoon, openChartPool } from '../../src/site/chart-pool.ts';
import { drawChart, type ChartInputs } from '../../src/site/chart-draw.ts';
import { LEAD_CONVERSION, NET_SALES, REGION_LABELS, REGIONS } from '../charts/fixtures.ts';

const project = resolve(import.meta.dirname, '../..');
/** Values with breakdowns, which no chart reads (charts/chart-values.ts): the key and the thread's input leave them out. */
const WITH_BREAKDOWNS = { ...NET_SALES, values: { month: NET_SALES.values.month!.map((v) => ({ ...v, breakdowns: { region: REGIONS } })) } };
const links = { href: (m: string) => `/id/regions/${m}/`, records: (n: number) => `${n} pesanan`, title: 'Penjualan per wilayah', width: 380 };

/** Two charts of each kind, as the pages ask for them. */
const charts: [name: string, sync: () => string, soon: () => Promise<string>][] = [
  ['trend, month, id', () => direct.renderTrendChart(NET_SALES, 'month', 'id', { width: 380, height: 280, periods: 3 }), () => site.renderTrendChartAsync(NET_SALES, 'month', 'id', { width: 380, height: 280, periods: 3 })],
  ['trend, with breakdowns', () => direct.renderTrendChart(WITH_BREAKDOWNS, 'month', 'en', { width: 560, height: 280, periods: 6 }), () => site.renderTrendChartAsync(WITH_BREAKDOWNS, 'month', 'en', { width: 560, height: 280, periods: 6 })],
  ['trend, percent, en', () => direct.renderTrendChart(LEAD_CONVERSION, 'month', 'en', { width: 1000, height: 320 }), () => site.renderTrendChartAsync(LEAD_CONVERSION, 'month', 'en', { width: 1000, height: 320 })],
  ['breakdown, links', () => direct.renderBreakdownChart(REGIONS, REGION_LABELS, 'id', 'currency', 'IDR', links), () => site.renderBreakdownChartAsync(REGIONS, REGION_LABELS, 'id', 'currency', 'IDR', links)],
  ['breakdown, default width', () => direct.renderBreakdownChart(REGIONS, REGION_LABELS, 'en', 'currency', 'USD'), () => site.renderBreakdownChartAsync(REGIONS, REGION_LABELS, 'en', 'currency', 'USD')],
  ['sparkline, titled', () => direct.renderSparkline(NET_SALES.values.month!, 'en', 'currency', 'IDR', { title: 'Net sales' }), () => site.renderSparklineAsync(NET_SALES.values.month!, 'en', 'currency', 'IDR', { title: 'Net sales' })],
  ['sparkline, with breakdowns', () => direct.renderSparkline(WITH_BREAKDOWNS.values.month, 'id', 'currency'), () => site.renderSparklineAsync(WITH_BREAKDOWNS.values.month, 'id', 'currency')],
  ['sparkline, percent', () => direct.renderSparkline(LEAD_CONVERSION.values.month!, 'id', 'percent'), () => site.renderSparklineAsync(LEAD_CONVERSION.values.month!, 'id', 'percent')],
];

afterEach(async () => {
  await closeChartPool();
});

describe('chart threads', () => {
  it('draw every kind of chart byte for byte as Astro’s thread does', async () => {
    openChartPool(project, 1);
    expect(await chartPoolStarted()).toBe(1);
    // One at a time: each goes to the idle thread before Astro's thread could take it.
    const got: string[] = [];
    for (const [, , soon] of charts) got.push(await soon());
    expect(await closeChartPool()).toEqual({ thread: charts.length, main: 0 });
    expect(got).toEqual(charts.map(([, sync]) => sync()));
  }, 60_000);

  it('share the work with Astro’s thread when many charts wait, the same bytes', async () => {
    openChartPool(project, 1);
    await chartPoolStarted();
    const got = await Promise.all(Array.from({ length: 4 }, () => charts.map(([, , soon]) => soon())).flat());
    const stats = await closeChartPool();
    expect(stats!.thread + stats!.main).toBe(4 * charts.length);
    expect(stats!.main).toBeGreaterThan(0);
    expect(got).toEqual(Array.from({ length: 4 }, () => charts.map(([, sync]) => sync())).flat());
  }, 60_000);

  it('fail the chart, with the thread’s error, when drawing fails there (a build error, not a hang)', async () => {
    openChartPool(project, 1);
    await chartPoolStarted();
    const broken = { unit: 'count', title: 'x', values: [{ period: '2026-01', value: 1, target: null, status: null, notes: null, notFinal: null }] };
    const never = () => expect.unreachable('drawn on Astro’s thread');
    await expect(drawChartSoon('trend', [broken, 'month', 'en', {}] as never, never)).rejects.toThrow(/^chart trend \(drawn in a chart thread\): .*null/);
    // An input that cannot be copied to a thread fails too.
    await expect(drawChartSoon('sparkline', [[], 'en', 'count', 'IDR', { title: (() => 'x') as never }], never)).rejects.toThrow(/could not be cloned/);
    // The thread goes on drawing.
    expect(await charts[0]![2]()).toBe(charts[0]![1]());
  }, 60_000);

  it('are not there without a pool (dev, tests, one core): the async functions draw at once', async () => {
    openChartPool(project, 0);
    expect(await chartPoolStarted()).toBe(0);
    const input: ChartInputs['sparkline'] = [NET_SALES.values.month!, 'en', 'currency', 'IDR', {}];
    const drawn = drawChartSoon('sparkline', input, () => drawChart('sparkline', input));
    expect(typeof drawn).toBe('string');
    for (const [, sync, soon] of charts) expect(await soon()).toBe(sync());
  });
});

describe('memoChartAsync', () => {
  it('reads and writes the entries memoChart does, and draws a chart asked for twice at once only once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'capaian-charts-'));
    try {
      let drawn = 0;
      const later = (svg: string) => () => (drawn++, new Promise<string>((ok) => setTimeout(() => ok(svg), 5)));
      openChartCache(dir, 'code-1');
      const [a, b] = await Promise.all([memoChartAsync('test', { a: 1 }, later('<svg>1</svg>')), memoChartAsync('test', { a: 1 }, later('<svg>1</svg>'))]);
      expect([a, b, drawn]).toEqual(['<svg>1</svg>', '<svg>1</svg>', 1]);
      expect(closeChartCache()).toEqual({ drawn: 1, read: 1, bad: 0 });
      openChartCache(dir, 'code-1');
      expect(memoChart('test', { a: 1 }, () => 'drawn again')).toBe('<svg>1</svg>');
      memoChart('test', { a: 2 }, () => '<svg>2</svg>');
      expect(await memoChartAsync('test', { a: 2 }, later('drawn again'))).toBe('<svg>2</svg>');
      expect(closeChartCache()).toEqual({ drawn: 1, read: 2, bad: 0 });
      await expect(memoChartAsync('test', { a: 3 }, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    } finally {
      closeChartCache();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
