/**
 * The team's reviews on the built site, in both languages: the fixture site (test/fixtures/site)
 * with the reviews of test/fixtures/site-reviews laid over it, built once. A review is written in
 * Indonesian: the English pages say so and show it as written. Values embedded in the narrative
 * come from the report model (hand-computed in test/fixtures/site/README.md: April net sales
 * Rp 1,23 jt against Rp 1,35 jt, at risk).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, buildFixtureSite, FIXTURE, REPO, type BuiltSite } from './site-build.ts';

const REVIEWS = fileURLToPath(new URL('../fixtures/site-reviews/reviews/', import.meta.url));
let site: BuiltSite;
let root: string;

beforeAll(async () => {
  const parent = join(REPO, 'node_modules', '.cache', 'capaian-site-tests');
  mkdirSync(parent, { recursive: true });
  root = mkdtempSync(join(parent, 'reviews-repo-'));
  cpSync(FIXTURE, root, { recursive: true });
  cpSync(REVIEWS, join(root, 'reviews'), { recursive: true });
  site = await buildFixtureSite('reviews', root);
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  site?.remove();
  if (root) rmSync(root, { recursive: true, force: true });
});

const page = (path: string) => parseHTML(readFileSync(join(site.dir, path, 'index.html'), 'utf8')).document;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('a period report with its review', () => {
  it('shows the narrative with the number from the report model, the cause beside its KPI and the actions set (Indonesian page)', () => {
    const doc = page('id/report/2026-04');
    const section = doc.querySelector('section[data-review="2026-04"]')!;
    expect(section).toBeTruthy();
    expect(section.querySelector('.rv-lang-note')).toBeNull();
    const narrative = section.querySelector('.rv-narrative')!;
    expect(narrative.getAttribute('lang')).toBe('id');
    expect(text(narrative)).toContain('April membaik: Penjualan Bersih: Rp 1,23 jt / Rp 1,35 jt ◆berisiko, masih sedikit di bawah target.');
    // The embedded trend chart, with the March review's marker.
    expect(narrative.querySelector('svg')).toBeTruthy();
    expect(text(narrative.querySelector('.rv-embed'))).toContain('Lebaran');
    const cause = section.querySelector('.rv-causes li[data-kpi="net-sales"]')!;
    expect(text(cause)).toContain('sales Andi Wijaya: Dua toko besar Andi belum buka kembali setelah renovasi.');
    expect(section.querySelector('tr[data-action="R-3"][data-action-status="open"]')).toBeTruthy();
  });

  it('follows up the previous review\'s actions with their status, the open one past due marked overdue', () => {
    const doc = page('id/report/2026-04');
    const follow = doc.querySelector('.rv-follow')!;
    const r1 = follow.querySelector('tr[data-action="R-1"]')!;
    expect(r1.getAttribute('data-action-status')).toBe('open');
    expect(r1.getAttribute('data-overdue')).toBe('true');
    expect(text(r1)).toContain('terbuka · lewat tenggat');
    expect(follow.querySelector('tr[data-action="R-2"]')!.getAttribute('data-action-status')).toBe('done');
  });

  it('the English page says the review is written in Indonesian, and shows it as written', () => {
    const doc = page('en/report/2026-04');
    const section = doc.querySelector('section[data-review="2026-04"]')!;
    expect(text(section.querySelector('.rv-lang-note'))).toBe('This review is written in Indonesian; it is shown as written.');
    expect(text(section.querySelector('.rv-narrative'))).toContain('April membaik: Net Sales: Rp 1.23m / Rp 1.35m ◆at risk, masih sedikit di bawah target.');
    expect(text(section.querySelector('.rv-follow tr[data-action="R-1"]'))).toContain('open · overdue');
  });

  it('a later period without a review keeps the still open action until it is closed', () => {
    // The March report follows up nothing (no review before it); April's own is above. A quarter
    // report of Q2 (April) follows up the month reviews before it: are open.
    const q2 = page('en/report/2026-Q2').querySelector('.rv-follow');
    const ids = [...(q2?.querySelectorAll('tr[data-action]') ?? [])].map((r) => r.getAttribute('data-action'));
    expect(ids).toContain('R-1');
    expect(ids).not.toContain('R-2');
  });
});

describe('reviews elsewhere on the site', () => {
  it('a KPI page lists the causes and actions that name it, and its trend chart carries the markers', () => {
    for (const lang of ['id', 'en']) {
      const doc = page(`${lang}/kpi/net-sales`);
      const list = doc.querySelector('#kreviews')!;
      expect([...list.querySelectorAll('section[data-review]')].map((s) => s.getAttribute('data-review'))).toEqual(['2026-04', '2026-03']);
      expect(text(doc.querySelector('#ktrend'))).toContain('Lebaran');
    }
    expect(text(page('en/kpi/net-sales').querySelector('#kreviews .rv-lang-note'))).toContain('written in Indonesian');
  });

  it('a rep page lists the actions the rep owns; the dashboard the overdue ones', () => {
    expect([...page('en/team/andi').querySelectorAll('.rv-rep-actions tr[data-action]')].map((r) => r.getAttribute('data-action'))).toEqual(['R-1']);
    for (const lang of ['id', 'en']) {
      const rows = [...page(lang).querySelectorAll('.rv-overdue tr[data-action]')].map((r) => r.getAttribute('data-action'));
      expect(rows).toEqual(['R-1']);
    }
  });
});
