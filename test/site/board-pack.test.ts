/**
 * The board pack, built the way `npm run build` builds (bin/build-site.mjs: validate, astro,
 * print the PDF, swap) from the fixture repository on a day after its data has gone stale
 * (CAPAIAN_TODAY 2026-07-10: the last closed month is June, the data stops in April):
 *   - every page says the data is out of date, in a banner, and every footer gives the data
 *     month, the commit and the build date;
 *   - the 404 page, in both languages, links home;
 *   - the April report opens with the executive summary of the report model, has the
 *     year-on-year and year-to-date columns, and gives the drivers of the at-risk KPI;
 *   - the KPI pages' YAML definition is collapsed;
 *   - the PDF of the latest month report (April 2026) is printed on A4 in both languages, read
 *     back with a small PDF reader: its page count, its text, the page numbers and the stamp in
 *     the margins, and no near-empty last page. Without Chromium the report says it is unavailable.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executiveSummary } from '../../src/report/executive-summary.ts';
import type { Report } from '../../src/report/model.ts';
import { findChromium } from '../browser/browser-support.ts';
import { readPdf } from '../support/pdf.ts';
import { sampleReport } from '../support/repo.ts';
import { BUILD_TIMEOUT_MS, COMMIT, FIXTURE, listPages, REPO, runBuildSite } from './site-build.ts';

const TODAY = '2026-07-10';
const BUILT = '2026-07-11';
const LANGS = ['id', 'en'] as const;
const CHROMIUM = findChromium();
const PDF: Record<(typeof LANGS)[number], string> = { id: 'id/report/2026-04/capaian-2026-04-id.pdf', en: 'en/report/2026-04/capaian-2026-04-en.pdf' };

let parent: string;
let dir: string;
let log = '';
let report: Report;
const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const doc = (page: string) => parseHTML(readFileSync(join(dir, page), 'utf8')).document as unknown as Document;

beforeAll(async () => {
  report = sampleReport(FIXTURE);
  const builds = join(REPO, 'node_modules', '.cache', 'capaian-site-tests');
  mkdirSync(builds, { recursive: true });
  parent = mkdtempSync(join(builds, 'pack-'));
  const dist = join(parent, 'dist');
  const env: NodeJS.ProcessEnv = { ...process.env, CAPAIAN_ROOT: FIXTURE, CAPAIAN_DIST: dist, CAPAIAN_TODAY: TODAY, CAPAIAN_BUILD_DATE: BUILT, CAPAIAN_COMMIT: COMMIT, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  delete env.BASE;
  delete env.SITE;
  delete env.CAPAIAN_PDF;
  log = await runBuildSite(env);
  dir = dist;
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  if (parent) rmSync(parent, { recursive: true, force: true });
});

describe('freshness', () => {
  it('says on every page that the data stops before the last closed month', () => {
    const pages = listPages(dir);
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      if (page === 'index.html') continue; // the redirect to the default language
      const banner = doc(page).querySelector('.stale-banner');
      expect(banner, page).not.toBeNull();
      const lang = page.startsWith('en/') || (page === '404.html' && !report.company.locale.startsWith('id')) ? 'en' : 'id';
      expect(norm(banner!.textContent), page).toContain(lang === 'en' ? 'The data stops at 2026-04; the last closed month is 2026-06' : 'Data berhenti di 2026-04; bulan tertutup terakhir adalah 2026-06');
    }
  });

  it('gives the data month, the commit and the build date in every footer', () => {
    for (const lang of LANGS) {
      for (const page of [`${lang}/index.html`, `${lang}/report/2026-04/index.html`, `${lang}/kpi/net-sales/index.html`]) {
        const footer = norm(doc(page).querySelector('footer.site')?.textContent);
        expect(footer).toContain(lang === 'id' ? 'Data hingga April 2026' : 'Data up to April 2026');
        expect(footer).toContain(`commit ${COMMIT.slice(0, 7)}`);
        expect(footer).toContain(lang === 'id' ? 'dibuat 11 Juli 2026' : 'built 11 July 2026');
        expect(doc(page).querySelector('footer.site time')?.getAttribute('datetime')).toBe(BUILT);
      }
    }
  });
});

describe('the 404 page', () => {
  it('is at the root, says so in both languages and links home in each', () => {
    const d = doc('404.html');
    const text = norm(d.body.textContent);
    expect(text).toContain('Halaman tidak ditemukan');
    expect(text).toContain('Page not found');
    const homes = [...d.querySelectorAll('a.not-found-home')].map((a) => a.getAttribute('href'));
    expect(homes.sort()).toEqual(['/en/', '/id/']);
    expect(d.querySelectorAll('h1')).toHaveLength(1);
  });
});

describe('the April 2026 report', () => {
  for (const lang of LANGS) {
    const page = `${lang}/report/2026-04/index.html`;
    it(`${lang}: opens with the executive summary of the report model`, () => {
      const d = doc(page);
      const exec = d.querySelector('.rp-exec');
      expect(exec).not.toBeNull();
      const shown = [...exec!.querySelectorAll('[data-kind]')].map((e) => norm(e.textContent));
      expect(shown).toEqual(executiveSummary(report, 'month', '2026-04', lang).map((s) => norm(s.text)));
      // It comes before the tables.
      const html = readFileSync(join(dir, page), 'utf8');
      expect(html.indexOf('rp-exec')).toBeLessThan(html.indexOf('rp-kpis'));
    });

    it(`${lang}: has year-on-year and year-to-date columns, and the key charts`, () => {
      const d = doc(page);
      const heads = [...d.querySelectorAll('.rp-kpis thead th')].map((th) => norm(th.textContent));
      expect(heads).toContain(lang === 'id' ? 'vs tahun lalu' : 'vs last year');
      expect(heads).toContain(lang === 'id' ? 'Tahun berjalan' : 'Year to date');
      // Net sales year to date is the year's value, 4 264 500, 95.8 % of its target to date.
      const row = [...d.querySelectorAll('.rp-kpis tbody tr')].find((tr) => tr.querySelector('a[href$="/kpi/net-sales/"]'))!;
      const cells = [...row.querySelectorAll('td')].map((td) => norm(td.textContent));
      expect(cells[cells.length - 1]).toBe(lang === 'id' ? 'Rp 4,26 jt 95,8 %' : 'Rp 4.26m 95.8%');
      expect(d.querySelectorAll('.rp-charts svg').length).toBeGreaterThanOrEqual(2);
    });

    it(`${lang}: gives the drivers of the at-risk KPI as well as the off-track ones`, () => {
      const d = doc(page);
      const drivers = [...d.querySelectorAll('.rp-driver')].map((a) => [a.querySelector('h3 a')?.getAttribute('href')?.split('/').at(-2), a.querySelector('.badge')?.getAttribute('data-status')]);
      expect(drivers).toContainEqual(['net-sales', 'at-risk']);
      expect(drivers.some(([, s]) => s === 'off-track')).toBe(true);
    });

    it(`${lang}: ${CHROMIUM ? 'links the PDF' : 'says the PDF is unavailable'}`, () => {
      const d = doc(page);
      if (CHROMIUM) expect(d.querySelector('a.rp-pdf')?.getAttribute('href')).toBe(`/${PDF[lang]}`);
      else expect(d.querySelector('.rp-pdf-off')).not.toBeNull();
      // Only the latest month has a PDF.
      expect(doc(`${lang}/report/2026-03/index.html`).querySelector('.rp-pdf, .rp-pdf-off')).toBeNull();
      // The list of reports offers it too.
      const index = doc(`${lang}/report/index.html`);
      if (CHROMIUM) expect(index.querySelector('a.rp-pdf-latest')?.getAttribute('href')).toBe(`/${PDF[lang]}`);
      else expect(norm(index.body.textContent)).toContain(lang === 'id' ? 'PDF laporan bulan terakhir tidak tersedia' : 'The PDF of the latest month report is not available');
    });
  }
});

describe('the KPI pages', () => {
  it('collapse the YAML definition', () => {
    const details = doc('en/kpi/net-sales/index.html').querySelector('#kdefinition details');
    expect(details).not.toBeNull();
    expect(details!.hasAttribute('open')).toBe(false);
    expect(details!.querySelector('pre.yaml')).not.toBeNull();
  });
});

describe.skipIf(!CHROMIUM)('the PDF of the latest month report', () => {
  for (const lang of LANGS) {
    it(`${lang}: is printed on A4, with the summary, the page numbers, the period and the stamp in the margins`, () => {
      const file = join(dir, PDF[lang]);
      expect(existsSync(file)).toBe(true);
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      // A4 is 210 × 297 mm: 595 × 842 points, every page.
      const boxes = [...bytes.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Math.round(+m[1]!), Math.round(+m[2]!)]);
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) expect(box).toEqual([595, 842]);
      const { pages, text } = readPdf(bytes);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(8);
      expect(text).toHaveLength(pages);
      const title = lang === 'id' ? 'Laporan April 2026' : 'April 2026 report';
      const stamp = lang === 'id' ? 'Data hingga 30 April 2026 · commit 0123456' : 'Data up to 30 April 2026 · commit 0123456';
      const squash = (s: string) => s.replace(/\s+/g, '');
      text.forEach((t, i) => {
        expect(squash(t), `page ${i + 1}`).toContain(squash(title));
        expect(squash(t), `page ${i + 1}`).toContain(squash(stamp));
        expect(squash(t), `page ${i + 1}`).toContain(squash(lang === 'id' ? `Halaman ${i + 1} dari ${pages}` : `Page ${i + 1} of ${pages}`));
      });
      const lead = executiveSummary(report, 'month', '2026-04', lang)[0]!.text;
      expect(squash(text[0]!)).toContain(squash(lead));
      // No orphan last page: it carries more than its margins.
      const margins = squash(title + stamp + report.company.name) .length + 20;
      expect(squash(text[pages - 1]!).length).toBeGreaterThan(margins + 150);
    });
  }

  it('is said in the build output', () => {
    expect(log).toContain('capaian: printed the 2026-04 report');
  });
});
