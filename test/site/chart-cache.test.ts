/**
 * The chart cache (src/site/chart-cache.ts) and the pages' charts through it (src/site/charts.ts):
 * a chart is drawn once per input and read back after, the same string; anything that changes what
 * is drawn is a new key; a damaged or misplaced entry is drawn again; a build keeps only what it used.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, chartCodeVersion, closeChartCache, memoChart, openChartCache } from '../../src/site/chart-cache.ts';
import * as cached from '../../src/site/charts.ts';
import * as direct from '../../src/charts/index.ts';
import { NET_SALES, REGION_LABELS, REGIONS } from '../charts/fixtures.ts';

let dir: string;
let drawn: string[];
/** A stand-in chart: its SVG names its input, and each drawing is counted. */
const chart = (input: unknown) => memoChart('test', input, () => (drawn.push(JSON.stringify(input)), `<svg>${JSON.stringify(input)}</svg>`));
const pack = () => join(dir, 'charts.pack');
/** The keys of the pack's entries, in order. */
const entries = () => [...readFileSync(pack(), 'utf8').matchAll(/^capaian-chart ([0-9a-f]{40}) /gm)].map((m) => m[1]);

beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'capaian-charts-')), 'charts');
  drawn = [];
});
afterEach(() => {
  closeChartCache();
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe('memoChart', () => {
  it('draws every time while no cache is open (dev, tests)', () => {
    chart({ a: 1 });
    chart({ a: 1 });
    expect(drawn).toHaveLength(2);
  });

  it('draws a chart once and reads it back the same, across builds, until its input changes', () => {
    openChartCache(dir, 'code-1');
    const first = chart({ values: [1, 2, 3] });
    expect(closeChartCache()).toEqual({ drawn: 1, read: 0, bad: 0 });
    openChartCache(dir, 'code-1');
    expect(chart({ values: [1, 2, 3] })).toBe(first);
    expect(chart({ values: [1, 2, 4] })).toBe('<svg>{"values":[1,2,4]}</svg>');
    expect(closeChartCache()).toEqual({ drawn: 1, read: 1, bad: 0 });
    expect(drawn).toEqual(['{"values":[1,2,3]}', '{"values":[1,2,4]}']);
  });

  it('draws again under another code version (an upgrade never reads an old version’s SVG)', () => {
    openChartCache(dir, 'code-1');
    chart({ a: 1 });
    closeChartCache();
    openChartCache(dir, 'code-2');
    chart({ a: 1 });
    expect(drawn).toHaveLength(2);
  });

  it('draws again, the right SVG, when an entry is damaged, cut short or another key’s', () => {
    const build = () => {
      openChartCache(dir, 'code-1');
      const svgs = [chart({ a: 1 }), chart({ a: 2 }), chart({ a: 3 })];
      return { svgs, stats: closeChartCache() };
    };
    const want = ['<svg>{"a":1}</svg>', '<svg>{"a":2}</svg>', '<svg>{"a":3}</svg>'];
    build();
    const whole = readFileSync(pack(), 'utf8');
    // One character of an SVG changed, its length kept: that entry is drawn again, the others read.
    writeFileSync(pack(), whole.replace('{"a":2}</svg>', '{"a":5}</svg>'));
    expect(build()).toEqual({ svgs: want, stats: { drawn: 1, read: 2, bad: 1 } });
    // Another key's SVG under a key (its sum copied with it).
    const [k1, k2] = entries();
    writeFileSync(pack(), whole.replace(k1!, 'f'.repeat(40)).replace(k2!, k1!));
    expect(build()).toEqual({ svgs: want, stats: { drawn: 2, read: 1, bad: 1 } });
    // Cut short, mid-entry: the last entry is a miss; a length that runs into the next entry
    // (the first's) makes it and the rest misses; a pack of nonsense is empty.
    writeFileSync(pack(), whole.slice(0, -5));
    expect(build()).toEqual({ svgs: want, stats: { drawn: 1, read: 2, bad: 0 } });
    writeFileSync(pack(), whole.replace(/ (\d+)\n<svg>\{"a":1\}/, (_, n: string) => ` ${Number(n) + 2}\n<svg>{"a":1}`));
    expect(build()).toEqual({ svgs: want, stats: { drawn: 3, read: 0, bad: 0 } });
    writeFileSync(pack(), 'capaian-chart\n<svg>');
    expect(build()).toEqual({ svgs: want, stats: { drawn: 3, read: 0, bad: 0 } });
    expect(readFileSync(pack(), 'utf8')).toBe(whole);
  });

  it('reads back an SVG beyond ASCII byte for byte', () => {
    const input = { label: 'Penjualan −12 % · Rp 1,5 jt · 売上 😀' };
    openChartCache(dir, 'code-1');
    const first = chart(input);
    closeChartCache();
    openChartCache(dir, 'code-1');
    expect(chart(input)).toBe(first);
    expect(closeChartCache()).toEqual({ drawn: 0, read: 1, bad: 0 });
  });

  it('reads and draws a chart asked for twice in a build once, and leaves an unchanged pack alone', () => {
    openChartCache(dir, 'code-1');
    chart({ a: 1 });
    chart({ a: 1 });
    expect(closeChartCache()).toEqual({ drawn: 1, read: 1, bad: 0 });
    expect(drawn).toHaveLength(1);
    const written = statSync(pack()).mtimeMs;
    writeFileSync(join(dir, 'old-entry.svg'), 'left by an older version');
    openChartCache(dir, 'code-1');
    chart({ a: 1 });
    chart({ a: 1 });
    expect(closeChartCache()).toEqual({ drawn: 0, read: 2, bad: 0 });
    expect(statSync(pack()).mtimeMs).toBe(written);
    expect(readdirSync(dir)).toEqual(['charts.pack']);
  });

  it('removes, after a build, the entries that build did not use', () => {
    openChartCache(dir, 'code-1');
    chart({ a: 1 });
    chart({ a: 2 });
    closeChartCache();
    openChartCache(dir, 'code-1');
    chart({ a: 2 });
    chart({ a: 3 });
    closeChartCache();
    expect(entries()).toHaveLength(2);
    openChartCache(dir, 'code-1');
    chart({ a: 2 });
    chart({ a: 3 });
    expect(closeChartCache()).toEqual({ drawn: 0, read: 2, bad: 0 });
  });

  it('keys apart what JSON writes alike (-0 and 0, NaN and null, a hole and null) and refuses a function', () => {
    expect(canonicalJson([-0, NaN, Infinity, undefined])).not.toBe(canonicalJson([0, null, null, null]));
    expect(canonicalJson({ a: 1.5, b: 'x' })).toBe('{"a":1.5,"b":"x"}');
    expect(() => canonicalJson({ href: () => '/' })).toThrow(/function/);
  });
});

describe('chartCodeVersion', () => {
  it('changes with any file under src/ and is the same otherwise', () => {
    const project = mkdtempSync(join(tmpdir(), 'capaian-project-'));
    try {
      mkdirSync(join(project, 'src', 'charts'), { recursive: true });
      writeFileSync(join(project, 'package.json'), '{"version":"1.0.0"}');
      writeFileSync(join(project, 'src', 'charts', 'a.ts'), 'export const a = 1;\n');
      const v1 = chartCodeVersion(project);
      expect(chartCodeVersion(project)).toBe(v1);
      writeFileSync(join(project, 'src', 'charts', 'a.ts'), 'export const a = 2;\n');
      expect(chartCodeVersion(project)).not.toBe(v1);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('the pages’ charts through the cache', () => {
  it('are the charts of src/charts/, drawn or read back, byte for byte', () => {
    const links = { href: (m: string) => `/id/regions/${m}/`, records: (n: number) => `${n} pesanan`, title: 'Penjualan per wilayah', width: 380 };
    const want = [
      direct.renderTrendChart(NET_SALES, 'month', 'id', { width: 380, height: 280, periods: 3 }),
      direct.renderBreakdownChart(REGIONS, REGION_LABELS, 'id', 'currency', 'IDR', links),
      direct.renderSparkline(NET_SALES.values.month!, 'en', 'currency', 'IDR', { title: 'Net sales' }),
    ];
    const got = () => [
      cached.renderTrendChart(NET_SALES, 'month', 'id', { width: 380, height: 280, periods: 3 }),
      cached.renderBreakdownChart(REGIONS, REGION_LABELS, 'id', 'currency', 'IDR', links),
      cached.renderSparkline(NET_SALES.values.month!, 'en', 'currency', 'IDR', { title: 'Net sales' }),
    ];
    openChartCache(dir, 'code-1');
    expect(got()).toEqual(want);
    expect(closeChartCache()).toEqual({ drawn: 3, read: 0, bad: 0 });
    openChartCache(dir, 'code-1');
    expect(got()).toEqual(want);
    // Another link target is another chart.
    cached.renderBreakdownChart(REGIONS, REGION_LABELS, 'id', 'currency', 'IDR', { ...links, href: (m: string) => `/en/regions/${m}/` });
    expect(closeChartCache()).toEqual({ drawn: 1, read: 3, bad: 0 });
  });
});
