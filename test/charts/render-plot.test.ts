/** What every chart promises: accessible, scalable, restylable, safe, and the same byte for byte. */
import { describe, expect, it } from 'vitest';
import { renderBreakdownChart, renderGoalProgress, renderSparkline, renderTrendChart } from '../../src/charts/index.ts';
import { finishSvg, roundAttributes, stableIds } from '../../src/charts/render-plot.ts';
import { parseSvg } from './golden.ts';
import { LEAD_CONVERSION, NET_SALES, NET_SALES_MONTHS, REGIONS, REGION_LABELS } from './fixtures.ts';

const YEAR = { label: '2026', start: '2026-01-01', end: '2026-12-31' };
const charts: Record<string, () => string> = {
  'trend (id)': () => renderTrendChart(NET_SALES, 'month', 'id'),
  'trend (en, percent)': () => renderTrendChart(LEAD_CONVERSION, 'month', 'en'),
  breakdown: () => renderBreakdownChart(REGIONS, REGION_LABELS, 'id', 'currency'),
  sparkline: () => renderSparkline(NET_SALES_MONTHS, 'en', 'currency'),
  'goal progress': () => renderGoalProgress(NET_SALES, YEAR, 'id'),
};

describe('every chart', () => {
  for (const [name, render] of Object.entries(charts)) {
    describe(name, () => {
      it('is an image with an accessible name', () => {
        const root = parseSvg(render());
        expect(root.getAttribute('role')).toBe('img');
        expect(root.getAttribute('aria-label')!.length).toBeGreaterThan(20);
      });

      it('names no inner group with aria-label (prohibited on a <g> without a role)', () => {
        const root = parseSvg(render());
        expect([...root.querySelectorAll('[aria-label]')].map((el) => el.tagName.toLowerCase()).filter((t) => t !== 'svg')).toEqual([]);
      });

      it('has a fixed viewBox and a width of 100% (a sparkline its natural width), so it scales on phones', () => {
        const root = parseSvg(render());
        expect(root.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
        // A sparkline is drawn at 1.25 px a unit (max-width: 100% still shrinks it), so its text is one size.
        const viewWidth = Number(root.getAttribute('viewBox')!.split(' ')[2]);
        expect(root.getAttribute('width')).toBe(name === 'sparkline' ? String(Math.round(viewWidth * 1.25)) : '100%');
        expect(root.getAttribute('style')).toContain('max-width: 100%');
        expect(root.hasAttribute('height')).toBe(false);
      });

      it('takes its text and axis colour from currentColor and --chart-fg', () => {
        const root = parseSvg(render());
        expect(root.getAttribute('fill')).toBe('currentColor');
        expect(root.getAttribute('style')).toContain('color: var(--chart-fg, currentColor)');
        // Colours are custom properties or currentColor, never a hard-coded colour alone.
        const colours = [root, ...root.querySelectorAll('*')].flatMap((el) => ['fill', 'stroke'].map((a) => el.getAttribute(a)).filter((c): c is string => !!c && c !== 'none'));
        expect(colours.filter((c) => !/^(currentColor|var\(--chart-[\w-]+, [^)]+\))$/.test(c))).toEqual([]);
      });

      it('has no script, no style element, no ids and no Plot class', () => {
        const svg = render();
        expect(svg).not.toMatch(/<script|<style|\sid=|plot-d6a7b5|\son\w+=/i);
      });

      it('rounds floats in attributes to 2 decimals', () => {
        const attributes = [...render().matchAll(/\s([\w:-]+)="([^"]*)"/g)].filter(([, name]) => !name!.startsWith('aria-'));
        expect(attributes.filter(([, , value]) => /\d\.\d{3}/.test(value!)).map(([all]) => all)).toEqual([]);
      });

      it('is the same every time, whatever was rendered before', () => {
        const first = render();
        for (const other of Object.values(charts)) other();
        expect(render()).toBe(first);
      });
    });
  }
});

describe('finishSvg', () => {
  it('replaces Plot’s root, drops its <style> and escapes the label', () => {
    const svg = finishSvg('<svg class="plot-d6a7b5" viewBox="0 0 10 10" width="10" height="10"><style>.x{}</style><g></g></svg>', { kind: 'test', label: 'a "b" <c> & d' });
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" class="capaian-chart capaian-chart-test" role="img" aria-label="a &quot;b&quot; &lt;c&gt; &amp; d" viewBox="0 0 10 10" width="100%" fill="currentColor" font-family="system-ui, sans-serif" font-size="12" text-anchor="middle" style="display: block; height: auto; max-width: 100%; color: var(--chart-fg, currentColor)"><g></g></svg>',
    );
  });
});

describe('roundAttributes', () => {
  it('rounds numbers in attributes, not in text or aria labels', () => {
    expect(roundAttributes('<path d="M0.123456,-0.001L95.00000000000001,1e-7" aria-label="Rp 1.234B"><title>1.23456</title></path>')).toBe(
      '<path d="M0.12,0L95,1e-7" aria-label="Rp 1.234B"><title>1.23456</title></path>',
    );
  });
});

describe('stableIds', () => {
  it('renames ids and their references after the content, the same for the same chart', () => {
    const a = stableIds('<clipPath id="plot-clip-7"></clipPath><g clip-path="url(#plot-clip-7)"></g>');
    const b = stableIds('<clipPath id="plot-clip-12"></clipPath><g clip-path="url(#plot-clip-12)"></g>');
    expect(a).toBe(b);
    expect(a).toMatch(/^<clipPath id="(c\w+-1)"><\/clipPath><g clip-path="url\(#\1\)"><\/g>$/);
    expect(stableIds('<clipPath id="x"></clipPath><rect width="2"/>')).not.toBe(a);
  });
});
