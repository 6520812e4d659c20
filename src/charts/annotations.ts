/**
 * Markers the team's reviews put on trend charts ("Lebaran", "Promo Merdeka"): a thin dashed rule
 * at the period, its label in a band above the plot. Labels are laid out in rows so that none
 * overlaps another (a label moves down a row when the one before it would run into it), and each
 * stays inside the chart. Pure; used by trend-chart.ts.
 */
import type * as Plot from '@observablehq/plot';
import { textWidth } from './chart-format.ts';
import { FG } from './palette.ts';

export interface ChartAnnotation {
  /** A day (2026-03-21) or a period (2026-03, 2026-Q1, 2026). */
  when: string;
  label: string;
}

export interface PlacedAnnotation {
  /** Index of the period on the x axis. */
  i: number;
  label: string;
  row: number;
  /** Left edge of the label, in pixels. */
  x: number;
}

const GAP = 8;

/**
 * The period index each annotation falls in (a day goes to its month, or with `days`, the first
 * and last day of each label, to the period holding it: a week; others must name a period
 * shown), left to right.
 */
export function annotationPeriods(items: ChartAnnotation[], labels: string[], days?: Map<string, { start: string; end: string }>): { i: number; label: string }[] {
  const out: { i: number; label: string }[] = [];
  const dayAt = (day: string) => (days ? labels.findIndex((l) => days.has(l) && days.get(l)!.start <= day && day <= days.get(l)!.end) : labels.indexOf(day.slice(0, 7)));
  for (const a of items) {
    const i = labels.indexOf(a.when) >= 0 ? labels.indexOf(a.when) : /^\d{4}-\d{2}-\d{2}$/.test(a.when) ? dayAt(a.when) : -1;
    if (i >= 0) out.push({ i, label: a.label });
  }
  return out.sort((a, b) => a.i - b.i);
}

/** Rows and positions: each label starts at its rule, or ends at it near the right edge; a new row when it would overlap. */
export function placeAnnotations(items: { i: number; label: string }[], xOf: (i: number) => number, left: number, right: number, fontSize: number): { placed: PlacedAnnotation[]; rows: number } {
  const ends: number[] = [];
  const placed: PlacedAnnotation[] = [];
  for (const a of items) {
    const w = textWidth(a.label, fontSize);
    const at = xOf(a.i);
    const x = Math.max(left, Math.min(at + 3, right - w));
    let row = ends.findIndex((end) => end + GAP <= x);
    if (row < 0) row = ends.push(0) - 1;
    ends[row] = x + w;
    placed.push({ i: a.i, label: a.label, row, x });
  }
  return { placed, rows: ends.length };
}

/** The mark: rules from the label band down to the x axis, and the labels, rows starting at `top`. */
export function annotationMark(placed: PlacedAnnotation[], options: { top: number; fontSize: number }): Plot.RenderFunction {
  return (_index, scales, _values, dimensions, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const el = (name: string, attrs: Record<string, string | number>) => {
      const node = doc.createElementNS(ns, name);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      return node;
    };
    const g = el('g', { 'aria-label': 'annotations', 'text-anchor': 'start', class: 'annotations' });
    const bottom = dimensions.height - dimensions.marginBottom;
    for (const a of placed) {
      const x = scales.x!(a.i) as number;
      const y = options.top + a.row * options.fontSize * 1.3;
      g.append(el('path', { d: `M${x},${y - options.fontSize * 0.6}V${bottom}`, stroke: FG, 'stroke-opacity': 0.45, 'stroke-dasharray': '2,3', fill: 'none' }));
      const text = el('text', { x: a.x, y, dy: '0.32em', fill: FG, 'font-style': 'italic' });
      text.textContent = a.label;
      g.append(text);
    }
    return g as SVGElement;
  };
}
