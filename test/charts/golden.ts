/**
 * Chart golden files: a rendered SVG, normalised so that float noise and layout of the markup
 * do not matter, compared with test/charts/golden/<name>.svg by test/support/golden.ts (a
 * mismatch or a missing golden writes <name>-changed.svg beside it and fails; UPDATE_GOLDEN=1
 * rewrites the golden).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { expectGolden } from '../support/golden.ts';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/** Rounds numbers with decimals to 1 place, collapses whitespace, puts each tag on its own line. */
export function normaliseSvg(svg: string): string {
  return (
    svg
      .replace(/\d+\.\d+/g, (x) => String(Math.round(Number(x) * 10) / 10))
      .replace(/\s+/g, ' ')
      .replace(/>\s*</g, '>\n<')
      .trim() + '\n'
  );
}

/** Expects the normalised SVG to equal test/charts/golden/<name>.svg (the suite's one golden helper). */
export function expectSvgGolden(name: string, svg: string): Promise<void> {
  return expectGolden(join(GOLDEN, `${name}.svg`), normaliseSvg(svg));
}

/** The SVG as a DOM, for structural assertions. */
export function parseSvg(svg: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) throw new Error('no <svg> in the output');
  return root as unknown as Element;
}

/** The marks Plot drew for one mark type, by the group's data-mark ("dot", "line", "bar", …). */
export function markGroups(root: Element, mark: string): Element[] {
  return [...root.querySelectorAll('g')].filter((g) => g.getAttribute('data-mark') === mark);
}
