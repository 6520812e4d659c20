/**
 * reviewsHaveCode (src/site/reviews-code.ts): `astro build` loads the code highlighter only when a
 * review has a code block, which MDX writes only as a fence.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { reviewsHaveCode } from '../../src/site/reviews-code.ts';

const roots: string[] = [];
const repo = (files: Record<string, string>) => {
  const root = mkdtempSync(join(tmpdir(), 'capaian-reviews-'));
  roots.push(root);
  mkdirSync(join(root, 'reviews'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'reviews', name), text);
  return root;
};
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

it('finds a fenced code block in any review, with backticks or tildes', () => {
  const prose = '---\nperiod: 2026-10\n---\n\nOktober: <Kpi id="net-sales" />, `inline` code is not a block.\n';
  expect(reviewsHaveCode(repo({ '2026-10.mdx': prose, '2026-09.mdx': prose }))).toBe(false);
  expect(reviewsHaveCode(repo({ '2026-10.mdx': prose, '2026-09.mdx': `${prose}\n\`\`\`sql\nselect 1\n\`\`\`\n` }))).toBe(true);
  expect(reviewsHaveCode(repo({ '2026-10.mdx': `${prose}\n~~~\nx\n~~~\n` }))).toBe(true);
  // Only reviews count: another file in the folder is not a page.
  expect(reviewsHaveCode(repo({ 'notes.txt': '```\nx\n```\n' }))).toBe(false);
});

it('says no for a repository without reviews', () => {
  const root = mkdtempSync(join(tmpdir(), 'capaian-reviews-none-'));
  roots.push(root);
  expect(reviewsHaveCode(root)).toBe(false);
});
