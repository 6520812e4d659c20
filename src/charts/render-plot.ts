/**
 * Runs Observable Plot on the server, against a linkedom document, and turns its output into the
 * SVG string every chart returns: named for screen readers (role="img", aria-label), scaling to
 * its container (fixed viewBox, width 100%), coloured through CSS custom properties, with no
 * <style> element, no class or id that could collide with another chart on the page, and
 * floats in attributes rounded to 2 decimals so the output is the same byte for byte.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export interface ChartFrame {
  /** Names the chart's class, `capaian-chart-<kind>`, for page styles. */
  kind: string;
  /** The accessible name: what the chart shows, in words. */
  label: string;
  /** Text size in viewBox units (default 12, Plot's own is 10). */
  fontSize?: number;
}

/** A fresh, empty server-side document for Plot to build into. */
function plotDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** Plot's options minus `document`, which this module supplies. */
export type PlotOptions = Omit<Plot.PlotOptions, 'document'>;

export function renderPlot(options: PlotOptions, frame: ChartFrame): string {
  const svg = Plot.plot({ ...options, document: plotDocument() }) as unknown as Element;
  if (svg.tagName.toLowerCase() !== 'svg') throw new Error(`chart ${frame.kind}: Plot returned a <${svg.tagName}>, expected an <svg> (a legend or caption wraps it in a figure)`);
  return finishSvg(svg.outerHTML, frame);
}

const ROOT = /^<svg\b[^>]*>/;
const STYLE = /<style>[\s\S]*?<\/style>/g;

/** Rewrites Plot's root element and attributes into the stable, restylable form (see the module comment). */
export function finishSvg(svg: string, frame: ChartFrame): string {
  const root = ROOT.exec(svg);
  if (!root) throw new Error(`chart ${frame.kind}: not an <svg> element`);
  const viewBox = /\sviewBox="([^"]*)"/.exec(root[0])?.[1];
  if (!viewBox) throw new Error(`chart ${frame.kind}: the <svg> has no viewBox`);
  const open =
    `<svg xmlns="http://www.w3.org/2000/svg" class="capaian-chart capaian-chart-${frame.kind}" role="img" aria-label="${escapeAttribute(frame.label)}"` +
    ` viewBox="${viewBox}" width="100%" fill="currentColor" font-family="system-ui, sans-serif" font-size="${frame.fontSize ?? 12}" text-anchor="middle"` +
    ` style="display: block; height: auto; max-width: 100%; color: var(--chart-fg, currentColor)">`;
  // Plot names its mark groups (aria-label="dot"); on a <g> without a role that is a prohibited
  // ARIA attribute (the chart's own label describes it), so the name moves to data-mark.
  const body = svg.slice(root[0].length).replace(STYLE, '').replace(/(<g\b[^>]*?)\saria-label="([^"]*)"/g, '$1 data-mark="$2"');
  return stableIds(roundAttributes(open + body));
}

/** Text for an attribute value; Plot escapes its own, this is for the label we add. */
function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const TAG = /<[^>]+>/g;
const ATTRIBUTE = /(\s[\w:-]+)="([^"]*)"/g;
const FLOAT = /-?\d*\.\d+(?:e-?\d+)?/gi;
/** Attributes holding words, whose numbers (e.g. "Rp 1.23bn") are text, not geometry. */
const TEXT_ATTRIBUTES = new Set([' aria-label', ' aria-description']);

/** Rounds every float inside an attribute (path data, transforms, coordinates) to 2 decimals. */
export function roundAttributes(svg: string): string {
  return svg.replace(TAG, (tag) => tag.replace(ATTRIBUTE, (all, name: string, value: string) => (TEXT_ATTRIBUTES.has(name) ? all : `${name}="${value.replace(FLOAT, round2)}"`)));
}

function round2(x: string): string {
  const r = Math.round(Number(x) * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/**
 * Plot numbers clip paths and markers with a global counter, so ids depend on what was rendered
 * before. Renames them after a hash of the chart itself: stable, and distinct between charts.
 */
export function stableIds(svg: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  if (!ids.length) return svg;
  const prefix = `c${fnv1a(svg.replace(/\sid="[^"]+"|url\(#[^)]+\)|href="#[^"]+"/g, ''))}`;
  const map = new Map(ids.map((id, i) => [id, `${prefix}-${i + 1}`]));
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, a: string, id: string) => `${a}${map.get(id) ?? id}"`)
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (map.has(id) ? `url(#${map.get(id)})` : all))
    .replace(/href="#([^"]+)"/g, (all, id: string) => (map.has(id) ? `href="#${map.get(id)}"` : all));
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
