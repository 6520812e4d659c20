/**
 * The built site of the fixture repository (test/fixtures/site, numbers worked by hand in its
 * README.md), read as HTML: hand-computed values on the dashboard in both languages, the
 * language switch, no broken internal link, the page essentials (CSP, lang, title, one h1), no
 * markup injection, page weight, and a rebuild after one month changed, on the cache of the build
 * before, byte-identical to a cold build.
 *
 * Pages are discovered from the build, so pages added later are covered without editing this
 * file. The rebuild check runs only with CAPAIAN_SLOW=1 (it costs two more `astro build`s of the
 * fixture: the edited copy, cold, and the fixture on its cache).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { loadReport } from '../../src/site/site-data.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE,
  BUILD_TIMEOUT_MS,
  buildFixtureSite,
  COMMIT,
  FIXTURE,
  fileOfUrl,
  hashTree,
  listFiles,
  listPages,
  urlOf,
  type BuiltSite,
} from './site-build.ts';
import { walkStatuses } from './status-walk.ts';

const SLOW = process.env.CAPAIAN_SLOW === '1';
const PAYLOAD = '<img src=x onerror=alert(1)>';
const LANGS = ['id', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** Hand-computed in test/fixtures/site/README.md: 2026-04 net sales and its target. */
const DASHBOARD: Record<Lang, { month: string; value: string; target: string; attainment: string; status: string; change: string }> = {
  id: { month: 'April 2026', value: 'Rp 1,23 jt', target: 'Rp 1,35 jt', attainment: '91,4 %', status: 'berisiko', change: '+9,2 %' },
  en: { month: 'April 2026', value: 'Rp 1.23m', target: 'Rp 1.35m', attainment: '91.4%', status: 'at risk', change: '+9.2%' },
};

let site: BuiltSite;
let files: string[];
let pages: string[];
const docs = new Map<string, Document>();

/** The parsed page (cached). */
function doc(page: string): Document {
  let d = docs.get(page);
  if (!d) docs.set(page, (d = parseHTML(html(page)).document as unknown as Document));
  return d;
}
const html = (page: string) => readFileSync(join(site.dir, page), 'utf8');
/** Text with every run of white space (NBSP and narrow NBSP included) as one space. */
const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** Pages in a language folder: `id/…/index.html`. */
const langOf = (page: string): Lang | undefined => LANGS.find((l) => page.startsWith(`${l}/`));

beforeAll(async () => {
  site = await buildFixtureSite('build');
  files = listFiles(site.dir);
  pages = listPages(site.dir);
  console.info(`[site] fixture built in ${(site.ms / 1000).toFixed(1)} s: ${pages.length} pages, ${files.length} files`);
}, BUILD_TIMEOUT_MS);

afterAll(() => site?.remove());

describe('the built fixture site', () => {
  it('has the dashboard in both languages and the root page', () => {
    expect(pages).toContain('index.html');
    expect(pages).toContain('id/index.html');
    expect(pages).toContain('en/index.html');
  });

  describe.each(LANGS)('the dashboard in %s', (lang) => {
    const want = DASHBOARD[lang];

    it('shows April 2026 net sales, its target, attainment, status and change, formatted for the language', () => {
      const d = doc(`${lang}/index.html`);
      expect(norm(d.querySelector('h1')?.textContent)).toContain(want.month);
      // The net-sales scorecard: the card that links to the KPI and shows a big value.
      // (The scorecards, not "needs attention", which shows the same KPI without its change.)
      const cards = [...d.querySelectorAll(`a[href="${BASE}${lang}/kpi/net-sales/"]`)]
        .filter((a) => !a.closest('.dash-attention'))
        .map((a): Element | null | undefined => a.closest('article') ?? a.parentElement?.parentElement)
        .filter((c): c is Element => !!c && norm(c.textContent).includes(want.target));
      expect(cards.length, 'a net-sales card with its monthly target').toBeGreaterThan(0);
      const text = norm(cards[0]!.textContent);
      expect(text).toContain(want.value);
      expect(text).toContain(want.target);
      expect(text).toContain(want.attainment);
      expect(text).toContain(want.status);
      expect(text).toContain(want.change);
    });

    it('shows the other hand-computed values: average transaction value on track, new leads off track, net sales year to date', () => {
      const text = norm(doc(`${lang}/index.html`).body.textContent);
      const atv = lang === 'id' ? ['Rp 412 rb', 'Rp 400 rb', '102,9 %', 'sesuai target'] : ['Rp 412k', 'Rp 400k', '102.9%', 'on track'];
      for (const s of atv) expect(text).toContain(s);
      expect(text).toContain(lang === 'id' ? 'meleset' : 'off track');
      // Goal "grow sales": 4 264 500 so far against 15 000 000 for the year.
      expect(text).toContain(lang === 'id' ? 'Rp 4,26 jt' : 'Rp 4.26m');
      expect(text).toContain(lang === 'id' ? 'Rp 15 jt' : 'Rp 15m');
    });

    it('shows the fixed commit and no stale-data banner (CAPAIAN_TODAY is the month after the data)', () => {
      const text = norm(doc(`${lang}/index.html`).body.textContent);
      expect(text).toContain(COMMIT.slice(0, 7));
      expect(text).not.toContain(lang === 'id' ? 'Data belum diperbarui' : 'The data is out of date');
    });

    // A rate's goal card shows the year's own value, 4 264 500 over 9 orders = 473 833 (Rp 474 rb),
    // not an average of its months, and with no year target no status: "no target".
    it('shows the "bigger baskets" goal as the year’s own value, unjudged without a year target', () => {
      const title = lang === 'id' ? 'Keranjang lebih besar' : 'Bigger baskets';
      const card = [...doc(`${lang}/index.html`).querySelectorAll('article')].find((a) => norm(a.querySelector('h2, h3')?.textContent) === title);
      expect(norm(card?.textContent)).toContain(lang === 'id' ? 'Rp 474 rb' : 'Rp 474k');
      expect(card?.querySelector('.badge')?.getAttribute('data-status')).toBe('none');
      expect(norm(card?.textContent)).not.toContain(lang === 'id' ? 'rata-rata bulanan' : 'monthly average');
    });

    // Year to date 4 264 500 against the month targets so far, 4 450 000: 95.8 %, at risk (band
    // 95 %). The straight-line year end, 12 793 500, is a labelled figure of its own, not a status.
    it('judges the "grow sales" goal by its year to date, and shows the projection apart', () => {
      const title = lang === 'id' ? 'Tumbuhkan penjualan bersih' : 'Grow net sales';
      const card = [...doc(`${lang}/index.html`).querySelectorAll('article')].find((a) => norm(a.querySelector('h2, h3')?.textContent) === title)!;
      const badge = card.querySelector('.badge')!;
      expect([badge.getAttribute('data-kpi'), badge.getAttribute('data-period'), badge.getAttribute('data-status')]).toEqual(['net-sales', '2026', 'at-risk']);
      expect(norm(card.textContent)).toContain(lang === 'id' ? '95,8 %' : '95.8%');
      // The goal's figures are a list of labelled facts (components/GoalProgress.astro, as on the goals page).
      const facts = Object.fromEntries([...card.querySelectorAll('dl > div')].map((d) => [norm(d.querySelector('dt')?.textContent), norm(d.querySelector('dd')?.textContent)]));
      expect(facts[lang === 'id' ? 'Proyeksi akhir tahun (perkiraan, bukan status)' : 'Projected year end (a forecast, not a status)']).toBe(lang === 'id' ? 'Rp 12,8 jt' : 'Rp 12.8m');
    });

    it('names the commit in the footer', () => {
      expect(norm(doc(`${lang}/index.html`).querySelector('footer')?.textContent)).toContain(`commit ${COMMIT.slice(0, 7)}`);
    });
  });

  /**
   * One status per number: every status a page shows names its number (data-kpi, data-period,
   * and data-by + data-member for a breakdown member) and is the status the report model holds
   * for it, in the words of the page's language. Fails on a page that shows a status of its own.
   */
  it('shows on every page only the statuses the report model holds, each tied to its number', async () => {
    const walk = walkStatuses(site.dir, pages, await loadReport(FIXTURE));
    expect(walk.problems).toEqual([]);
    expect(walk.checked).toBeGreaterThan(pages.length);
    // The fixture shows every kind.
    expect([...walk.seen].sort()).toEqual(expect.arrayContaining(['at-risk', 'none', 'off-track', 'on-track']));
  });

  it('links every page to the same page in the other language', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const lang = langOf(page);
      if (!lang) continue;
      const other = lang === 'id' ? 'en' : 'id';
      const twin = `${other}/${page.slice(lang.length + 1)}`;
      if (!pages.includes(twin)) problems.push(`${page}: no ${twin}`);
      const links = [...doc(page).querySelectorAll(`a[hreflang="${other}"]`)].map((a) => a.getAttribute('href'));
      if (!links.includes(urlOf(twin))) problems.push(`${page}: the ${other.toUpperCase()} switch goes to ${links.join(', ') || 'nowhere'}, not ${urlOf(twin)}`);
      // The current language is shown, not linked.
      if (doc(page).querySelector(`a[hreflang="${lang}"][href="${urlOf(page)}"]`)) problems.push(`${page}: links to itself as ${lang}`);
    }
    expect(problems).toEqual([]);
  });

  /**
   * Every internal reference on every page (href, src, srcset, action, meta refresh; url() in
   * CSS), resolved as a browser would against the page's URL under the base path, that does not
   * lead to a built file (or to an element with the fragment's id).
   */
  interface BrokenLink { from: string; ref: string; problem: string }
  function brokenLinks(): { broken: BrokenLink[]; checked: number } {
    const broken: BrokenLink[] = [];
    let checked = 0;
    const check = (from: string, ref: string, url: string) => {
      checked++;
      const target = fileOfUrl(url);
      if (!target) return broken.push({ from, ref, problem: `outside the base path ${BASE}` });
      const full = join(site.dir, target);
      if (!existsSync(full) || !statSync(full).isFile()) return broken.push({ from, ref, problem: `${target} does not exist` });
      const frag = /#(.+)$/.exec(url)?.[1];
      if (frag && target.endsWith('.html') && !doc(target).getElementById(decodeURIComponent(frag))) broken.push({ from, ref, problem: `no #${frag} in ${target}` });
    };
    for (const page of pages) {
      const d = doc(page);
      const refs: string[] = [];
      for (const el of d.querySelectorAll('[href], [src], [srcset], [action], [data], [poster]')) {
        for (const attr of ['href', 'src', 'action', 'data', 'poster']) {
          const v = el.getAttribute(attr);
          if (v !== null) refs.push(v);
        }
        const srcset = el.getAttribute('srcset');
        if (srcset) refs.push(...srcset.split(',').map((s) => s.trim().split(/\s+/)[0]!));
      }
      for (const meta of d.querySelectorAll('meta[http-equiv="refresh" i]')) {
        const m = /url=(.+)$/i.exec(meta.getAttribute('content') ?? '');
        if (m) refs.push(m[1]!.trim());
      }
      for (const ref of refs) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) continue; // http:, mailto:, data:, …
        if (ref === '') {
          broken.push({ from: page, ref, problem: 'empty link' });
          continue;
        }
        const pageUrl = urlOf(page);
        const url = ref.startsWith('#') ? pageUrl + ref : ref.startsWith('/') ? ref : new URL(ref, `http://site${pageUrl}`).pathname + (/#.*/.exec(ref)?.[0] ?? '');
        check(page, ref, url);
      }
    }
    for (const css of files.filter((f) => f.endsWith('.css'))) {
      for (const m of readFileSync(join(site.dir, css), 'utf8').matchAll(/url\(\s*['"]?(\/[^'")]+)['"]?\s*\)/g)) check(css, m[1]!, m[1]!);
    }
    return { broken, checked };
  }
  const show = (b: BrokenLink[]) => [...new Set(b.map((x) => `${x.from}: ${x.ref} -> ${x.problem}`))];

  it('has no broken internal link, asset, download or fragment anywhere', () => {
    const { broken, checked } = brokenLinks();
    expect(show(broken)).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length);
  });

  // Every page's essentials; the known exceptions are asserted separately below, so that this
  // test keeps guarding every other page (including the ones added later).
  function essentials(page: string): string[] {
    const d = doc(page);
    const problems: string[] = [];
    const csp = d.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content') ?? '';
    if (!/default-src/.test(csp) || !/script-src/.test(csp) || /script-src[^;]*'unsafe-inline'/.test(csp)) problems.push(`CSP meta tag missing or allows inline scripts: "${csp}"`);
    const lang = d.documentElement.getAttribute('lang');
    const want = langOf(page);
    if (!lang || (want && lang !== want)) problems.push(`<html lang="${lang}">${want ? `, expected ${want}` : ''}`);
    const titles = d.querySelectorAll('head > title');
    if (titles.length !== 1 || !norm(titles[0]!.textContent)) problems.push(`${titles.length} <title>, text "${norm(titles[0]?.textContent)}"`);
    const h1 = d.querySelectorAll('h1');
    if (h1.length !== 1 || !norm(h1[0]!.textContent)) problems.push(`${h1.length} <h1>`);
    if (!d.querySelector('meta[charset]')) problems.push('no <meta charset>');
    if (!d.querySelector('meta[name="viewport"]')) problems.push('no viewport meta tag');
    return problems.map((p) => `${page}: ${p}`);
  }

  it('gives every page a CSP meta tag, a lang attribute, a <title> and exactly one <h1>', () => {
    expect(pages.flatMap(essentials)).toEqual([]);
  });

  it('gives the root redirect page a CSP meta tag too', () => {
    expect(essentials('index.html')).toEqual([]);
  });

  it("links a KPI's rep and region breakdowns to each member's page, beside the chart", async () => {
    const report = await loadReport(FIXTURE);
    const latest = report.kpis.find((k) => k.id === 'net-sales')!.values.month!.at(-1)!;
    for (const lang of LANGS) {
      const d = doc(`${lang}/kpi/net-sales/index.html`);
      const hrefs = [...d.querySelectorAll('.kbd-links a')].map((a) => a.getAttribute('href'));
      for (const rep of latest.breakdowns.rep ?? []) {
        if (report.team.reps.some((r) => r.id === rep.member)) expect(hrefs, rep.member).toContain(`${BASE}${lang}/team/${rep.member}/`);
      }
      for (const region of report.team.regions.filter((r) => latest.breakdowns.region?.some((m) => m.member === r))) {
        expect(hrefs, region).toContain(`${BASE}${lang}/regions/${region}/`);
      }
      // A category has no page: its chart has no links.
      expect(hrefs.some((h) => h?.includes('/category/'))).toBe(false);
      expect(hrefs.length).toBeGreaterThan(0);
    }
  });

  it('shows a weekly KPI at its frequency: the last complete week on the dashboard and its page, and a weekly page per rep', () => {
    // The fixture's new-leads lists the week grain. Its data ends on Thursday 30 April 2026, so
    // the last complete week is 2026-W17 (Monday 20 to Sunday 26 April); its one April lead, andi's,
    // came in on Monday 6 April: 2026-W15 (6 to 12 April).
    const want = { id: ['Minggu ke-17 2026', 'Minggu ke-15 2026'], en: ['Week 17 2026', 'Week 15 2026'] } as const;
    for (const lang of LANGS) {
      const card = [...doc(`${lang}/index.html`).querySelectorAll('article.card')].find((a) => a.querySelector('a[href$="/kpi/new-leads/"]'));
      expect(norm(card?.querySelector('.dash-week')?.textContent)).toBe(`${want[lang][0]} · 20/04–26/04`);
      expect(norm(doc(`${lang}/kpi/new-leads/index.html`).querySelector('.kstat-main h3')?.textContent)).toBe(`${want[lang][0]} 20/04–26/04`);
      expect(doc(`${lang}/team/andi/index.html`).querySelector(`a[href="${BASE}${lang}/team/andi/weeks/"]`)).not.toBeNull();
      const rows = [...doc(`${lang}/team/andi/weeks/index.html`).querySelectorAll('tbody tr')];
      const w15 = rows.find((r) => norm(r.querySelector('th')?.textContent).startsWith(want[lang][1]));
      expect(norm(w15?.querySelector('td')?.textContent)).toMatch(/^1\b/);
    }
  });

  it('has a favicon (browsers ask for one)', () => {
    const icons = pages.filter((p) => langOf(p)).map((p) => doc(p).querySelector('link[rel~="icon"]')?.getAttribute('href'));
    const ok = files.includes('favicon.ico') || icons.every((h) => h && (h.startsWith('data:') || (fileOfUrl(h) && files.includes(fileOfUrl(h)!))));
    expect(ok).toBe(true);
  });

  it('shows the HTML payload in names and titles as text and never as markup, in any built file', () => {
    // Data downloads (CSV, JSON) carry names as they are: HTML-escaping them would corrupt the data,
    // and no browser renders them as HTML. Everything else must never hold the raw markup.
    const dataFile = (f: string) => /\.(csv|json|tsv|txt)$/.test(f);
    const raw = files.filter((f) => !dataFile(f) && readFileSync(join(site.dir, f), 'utf8').includes(PAYLOAD));
    expect(raw).toEqual([]);
    for (const page of pages) {
      const d = doc(page);
      expect(d.querySelectorAll('img[onerror], [onerror], [onload], [onclick]').length, page).toBe(0);
      expect(d.querySelectorAll('img[src="x"]').length, page).toBe(0);
    }
    // The payload is on the dashboard as text: the copy of net sales is titled with it.
    expect(norm(doc('id/index.html').body.textContent)).toContain(`Penjualan ${PAYLOAD}`);
    expect(norm(doc('en/index.html').body.textContent)).toContain(`Sales ${PAYLOAD}`);
    expect(html('id/index.html')).toMatch(/&lt;img src=x onerror=alert\(1\)(&gt;|>)/);
    // The rep's and the customer's names, wherever pages show them.
    const shown = pages.filter((p) => norm(doc(p).body.textContent).includes(`Rina ${PAYLOAD}`));
    const rina = pages.filter((p) => /\/team\/rina\//.test(p));
    for (const p of rina) expect(shown, `rep page ${p} names the rep`).toContain(p);
  });

  it('holds only what a static host serves: pages, assets, downloads, no server modules', () => {
    expect(files.filter((f) => /\.(mjs|cjs|map|d\.ts)$/.test(f))).toEqual([]);
  });

  it('keeps every page under 300 KB, with the stylesheets, scripts and images it loads', () => {
    const heavy: string[] = [];
    for (const page of pages) {
      const d = doc(page);
      const assets = new Set<string>();
      for (const el of d.querySelectorAll('link[rel="stylesheet"][href], script[src], img[src]')) {
        const target = fileOfUrl(el.getAttribute('href') ?? el.getAttribute('src') ?? '');
        if (target && existsSync(join(site.dir, target))) assets.add(target);
      }
      const size = statSync(join(site.dir, page)).size + [...assets].reduce((n, a) => n + statSync(join(site.dir, a)).size, 0);
      if (size >= 300 * 1024) heavy.push(`${page}: ${(size / 1024).toFixed(0)} KB`);
    }
    expect(heavy).toEqual([]);
  });

  it('prints no undefined, NaN, null or [object Object] on any page', () => {
    const bad: string[] = [];
    for (const page of pages) {
      const text = norm(doc(page).body.textContent);
      for (const m of text.matchAll(/\b(undefined|NaN|null|\[object Object\]|Infinity)\b/g)) bad.push(`${page}: "…${text.slice(Math.max(0, m.index - 40), m.index + 40)}…"`);
      for (const el of doc(page).querySelectorAll('[href], [src], [alt], [aria-label], [title]')) {
        for (const a of ['href', 'src', 'alt', 'aria-label', 'title']) {
          const v = el.getAttribute(a);
          if (v && /\b(undefined|NaN|\[object Object\])\b/.test(v)) bad.push(`${page}: ${a}="${v}"`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  /**
   * A dashboard for every period (/<lang>/period/<period>/), reached from the period switch on
   * every dashboard without JavaScript. The fixture has 2026-01 to 2026-04: four months, Q1 and
   * Q2 (partial), and 2026 (partial).
   */
  describe.each(LANGS)('the period dashboards in %s', (lang) => {
    const PERIODS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-Q1', '2026-Q2', '2026'];

    it('exist for every month, quarter and year, and the switch on the front page links to each', () => {
      for (const p of PERIODS) expect(pages).toContain(`${lang}/period/${p}/index.html`);
      const links = [...doc(`${lang}/index.html`).querySelectorAll('.dash-periods a')].map((a) => a.getAttribute('href'));
      expect(links.sort()).toEqual(PERIODS.map((p) => `${BASE}${lang}/period/${p}/`).sort());
    });

    it('mark the period shown, link the previous and next period and the period report', () => {
      const d = doc(`${lang}/period/2026-02/index.html`);
      expect([...d.querySelectorAll('.dash-periods a[aria-current="page"]')].map((a) => a.getAttribute('href'))).toEqual([`${BASE}${lang}/period/2026-02/`]);
      expect(d.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(`${BASE}${lang}/period/2026-01/`);
      expect(d.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(`${BASE}${lang}/period/2026-03/`);
      expect(d.querySelector(`a[href="${BASE}${lang}/report/2026-02/"]`)).not.toBeNull();
    });

    // Q1 net sales 900 000 + 1 000 000 + 1 130 000 = 3 030 000 (test/fixtures/site/README.md).
    it('show the period’s own values: Q1 2026 net sales Rp 3,03 jt, said in the summary sentence', () => {
      const d = doc(`${lang}/period/2026-Q1/index.html`);
      const summary = norm(d.querySelector('.dash-summary')?.textContent);
      expect(summary).toMatch(/^Q1 2026|^Kuartal 1 2026/);
      expect(summary).toContain(lang === 'id' ? 'Penjualan Bersih Rp 3,03 jt' : 'Net Sales Rp 3.03m');
      expect(summary).toMatch(lang === 'id' ? /\d+ dari \d+ KPI sesuai target/ : /\d+ of \d+ KPIs on track/);
    });

    it('show a KPI that is another split another way under its parent, not as a card of its own', () => {
      const d = doc(`${lang}/index.html`);
      const cardOf = (id: string) => [...d.querySelectorAll('article.card h3 a')].find((a) => a.getAttribute('href') === `${BASE}${lang}/kpi/${id}/`);
      expect(cardOf('net-sales')).toBeDefined();
      expect(cardOf('sales-by-category')).toBeUndefined();
      expect(cardOf('sales-by-region')).toBeUndefined();
      const views = cardOf('net-sales')!.closest('article')!.querySelector('.dash-views');
      expect([...views!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(expect.arrayContaining([`${BASE}${lang}/kpi/sales-by-category/`, `${BASE}${lang}/kpi/sales-by-region/`]));
      // Each keeps its own page.
      expect(pages).toContain(`${lang}/kpi/sales-by-category/index.html`);
    });

    it('list what needs attention first, each linked to its KPI', () => {
      const items = [...doc(`${lang}/index.html`).querySelectorAll('.dash-attention li')];
      expect(items.length).toBeGreaterThan(0);
      for (const li of items) {
        expect(li.querySelector('a.dash-kpi')?.getAttribute('href')).toMatch(new RegExp(`^${BASE}${lang}/kpi/`));
        expect(['at-risk', 'off-track']).toContain(li.querySelector('.badge')?.getAttribute('data-status'));
      }
    });
  });

  // The rebuild after a month changed: the fixture with one February order line edited is built
  // first (cold), then the fixture itself on that build's cache, so the charts February does not
  // reach (January's, the quarter's and year's targets, ...) are read back and the others drawn
  // again; the result must be the cold build above, byte for byte.
  it.runIf(SLOW)(
    'builds, after one month changed, on the cache of the build before, the same bytes as a cold build (CAPAIAN_SLOW=1)',
    async () => {
      const tmp = mkdtempSync(join(tmpdir(), 'capaian-incremental-'));
      const edited = join(tmp, 'repo');
      const cache = join(tmp, 'cache');
      const builds: BuiltSite[] = [];
      try {
        cpSync(FIXTURE, edited, { recursive: true });
        const orders = join(edited, 'data', '2026', '02', 'orders.yaml');
        const text = readFileSync(orders, 'utf8');
        expect(text).toContain('{ sku: TEH-1, qty: 100, price: 5000 }');
        writeFileSync(orders, text.replace('{ sku: TEH-1, qty: 100, price: 5000 }', '{ sku: TEH-1, qty: 120, price: 5000 }'));
        const before = await buildFixtureSite('edited', edited, cache);
        builds.push(before);
        const again = await buildFixtureSite('again', FIXTURE, cache);
        builds.push(again);
        const counts = (log: string) => /charts: (\d+) drawn, (\d+) from the cache/.exec(log)?.slice(1).map(Number);
        const [drawn, read] = counts(again.log) ?? [];
        // Incremental: some charts were read back, and those February changed were drawn again.
        expect(read, again.log.slice(-2000)).toBeGreaterThan(0);
        expect(drawn).toBeGreaterThan(0);
        const cold = hashTree(site.dir);
        const edit = hashTree(before.dir);
        expect(Object.keys(cold).filter((f) => cold[f] !== edit[f]).length, 'the edit changes pages').toBeGreaterThan(0);
        const warm = hashTree(again.dir);
        expect(Object.keys(warm)).toEqual(Object.keys(cold));
        expect(Object.keys(cold).filter((f) => cold[f] !== warm[f])).toEqual([]);
      } finally {
        for (const b of builds) b.remove();
        rmSync(tmp, { recursive: true, force: true });
      }
    },
    2 * BUILD_TIMEOUT_MS,
  );
});
