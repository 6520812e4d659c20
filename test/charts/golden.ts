/**
 * Chart golden files: a rendered SVG, normalised so that float noise and layout of the markup
 * do not matter, compared with test/charts/golden/<name>.svg. A mismatch (or a missing golden)
 * writes <name>-changed.svg beside it (git-ignored) and fails; UPDATE_GOLDEN=1 rewrites the golden.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

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

export function expectGolden(name: string, svg: string): void {
  const actual = normaliseSvg(svg);
  const path = join(GOLDEN, `${name}.svg`);
  const changed = join(GOLDEN, `${name}-changed.svg`);
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (actual === expected) {
    rmSync(changed, { force: true });
    return;
  }
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `chart changed; see ${relative(process.cwd(), changed)} (UPDATE_GOLDEN=1 accepts it)`).toBe(expected);
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
