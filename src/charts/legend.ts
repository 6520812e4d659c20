/**
 * A legend drawn inside the chart's SVG, across its top margin, so a chart read on its own (or
 * printed) still says what its colours, shapes and lines mean. Plot's own legends are HTML
 * beside the SVG; this is a Plot render-function mark, so its text goes through the DOM and is
 * escaped like everything else.
 */
import * as Plot from '@observablehq/plot';
import { textWidth } from './chart-format.ts';

export type SymbolName = 'circle' | 'triangle' | 'diamond2' | 'square';

export interface LegendItem {
  label: string;
  /** A marker, as the chart's dots draw it... */
  symbol?: SymbolName;
  fill?: string;
  stroke?: string;
  /** ...or a line sample. */
  line?: { stroke: string; dasharray?: string; width?: number };
  /** ...or a bar swatch. */
  swatch?: string;
}

const SAMPLE = 16;
const GAP = 14;

/** The value axis' label, in the top margin below the legend (Plot would put it at the very top, over the legend). */
export function unitLabel(text: string, marginLeft: number): Plot.Markish {
  return Plot.text([text], { text: (d: string) => d, frameAnchor: 'top-left', textAnchor: 'start', dx: 3 - marginLeft, dy: -20 });
}

/** Rows of the legend when laid out in `width` pixels: for the top margin's height. */
export function legendRows(items: LegendItem[], width: number, fontSize: number): number {
  return layout(items, width, fontSize).rows;
}

/** The mark: items left to right from x, starting at y (the first row's centre), wrapping at the right edge. */
export function legendMark(items: LegendItem[], options: { x: number; y: number; fontSize: number; r?: number }): Plot.RenderFunction {
  return (_index, _scales, _values, dimensions, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const el = (name: string, attrs: Record<string, string | number | undefined>) => {
      const node = doc.createElementNS(ns, name);
      for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, String(v));
      return node;
    };
    const g = el('g', { 'aria-label': 'legend', 'text-anchor': 'start' });
    const { places } = layout(items, dimensions.width - options.x, options.fontSize);
    items.forEach((item, i) => {
      const [col, row] = places[i]!;
      const x = options.x + col;
      const y = options.y + row * options.fontSize * 1.5;
      if (item.symbol) {
        g.append(el('path', { d: symbolPath(item.symbol, options.r ?? 4.5), transform: `translate(${x + SAMPLE / 2},${y})`, fill: item.fill, stroke: item.stroke, 'stroke-width': 1.5 }));
      } else if (item.line) {
        g.append(el('path', { d: `M${x},${y}h${SAMPLE}`, stroke: item.line.stroke, 'stroke-width': item.line.width ?? 1.5, 'stroke-dasharray': item.line.dasharray, fill: 'none' }));
      } else if (item.swatch) {
        g.append(el('rect', { x, y: y - 5, width: SAMPLE - 4, height: 10, fill: item.swatch }));
      }
      const text = el('text', { x: x + SAMPLE + 4, y, dy: '0.32em' });
      text.textContent = item.label;
      g.append(text);
    });
    return g as SVGElement;
  };
}

function layout(items: LegendItem[], width: number, fontSize: number): { places: [number, number][]; rows: number } {
  const places: [number, number][] = [];
  let col = 0;
  let row = 0;
  for (const item of items) {
    const w = SAMPLE + 4 + textWidth(item.label, fontSize);
    if (col > 0 && col + w > width) {
      col = 0;
      row++;
    }
    places.push([col, row]);
    col += w + GAP;
  }
  return { places, rows: items.length ? row + 1 : 0 };
}

/**
 * The path of a Plot (d3-shape) symbol of radius r, i.e. of area πr², centred on 0,0, so legend
 * markers match the chart's dots without importing d3 directly.
 */
function symbolPath(symbol: SymbolName, r: number): string {
  const size = Math.PI * r * r;
  const n = (x: number) => Math.round(x * 1000) / 1000;
  if (symbol === 'circle') return `M${n(r)},0A${n(r)},${n(r)},0,1,1,${n(-r)},0A${n(r)},${n(r)},0,1,1,${n(r)},0`;
  if (symbol === 'triangle') {
    const y = -Math.sqrt(size / (Math.sqrt(3) * 3));
    return `M0,${n(y * 2)}L${n(-Math.sqrt(3) * y)},${n(-y)}L${n(Math.sqrt(3) * y)},${n(-y)}Z`;
  }
  if (symbol === 'diamond2') {
    const d = Math.sqrt(size) * 0.62625;
    return `M0,${n(-d)}L${n(d)},0L0,${n(d)}L${n(-d)},0Z`;
  }
  const w = Math.sqrt(size) / 2;
  return `M${n(-w)},${n(-w)}h${n(2 * w)}v${n(2 * w)}h${n(-2 * w)}Z`;
}
