// The PDF of the latest month report: bin/build-site.mjs calls this after `astro build`, before
// the new site is swapped in. Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) is driven
// through playwright-core, which never downloads a browser of its own; the built pages are read
// from the build folder (no server, no port), and each language's report is printed on A4 with
// the page's own print CSS (src/styles/report.css: page numbers, period and data stamp in the
// margins). Without Chromium the step is skipped with a message, and the pages, told so
// beforehand (CAPAIAN_PDF=off), say the PDF is unavailable instead of linking it.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

/** Where Chromium is, or null. CHROMIUM_PATH, else /usr/bin/chromium. */
export function findChromium(env = process.env) {
  const path = env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

/** Whether the build should print the PDF, and if not why (a sentence for the build's output). */
export async function pdfPlan(env = process.env) {
  if (env.CAPAIAN_PDF === 'off') return { print: false, why: 'CAPAIAN_PDF=off' };
  const chromium = findChromium(env);
  if (!chromium) return { print: false, why: `no Chromium at ${env.CHROMIUM_PATH || '/usr/bin/chromium'} (install it with apt-get install chromium, or set CHROMIUM_PATH)` };
  try {
    import.meta.resolve('playwright-core'); // found, not loaded: printReports loads it
  } catch {
    return { print: false, why: 'playwright-core is not installed (npm install)' };
  }
  return { print: true, chromium };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.js': 'text/javascript', '.woff2': 'font/woff2', '.json': 'application/json' };
const ORIGIN = 'http://capaian.invalid';

/**
 * Prints `<lang>/report/<period>/` of the built site in `dir` for each language, into the file
 * its download link (a.rp-pdf) names, so the PDF's address has one home: the page's link
 * (src/site/build-info.ts `pdfPath`). `base` is the site's base path (BASE).
 */
export async function printReports({ dir, base = '/', period, langs, chromium }) {
  const { chromium: browserType } = await import('playwright-core');
  const browser = await browserType.launch({ executablePath: chromium, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const written = [];
  try {
    const context = await browser.newContext();
    // Every request is answered from the build folder; nothing leaves the machine.
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN || !url.pathname.startsWith(prefix)) return route.abort();
      let path = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))));
      if (!path.startsWith(dir + sep) && path !== dir) return route.abort();
      if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
      if (!existsSync(path)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, body: readFileSync(path), contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
    });
    for (const lang of langs) {
      const page = await context.newPage();
      const res = await page.goto(`${ORIGIN}${prefix}${lang}/report/${period}/`, { waitUntil: 'load' });
      if (!res || !res.ok()) throw new Error(`the ${lang} report of ${period} was not built (${res?.status() ?? 'no answer'})`);
      const link = await page.locator('a.rp-pdf').first().getAttribute('href').catch(() => null);
      const target = link ? new URL(link, page.url()).pathname : null;
      if (!target || !target.startsWith(prefix) || !target.endsWith('.pdf')) throw new Error(`the ${lang} report of ${period} has no PDF link (a.rp-pdf) to print into`);
      const out = normalize(join(dir, decodeURIComponent(target.slice(prefix.length))));
      if (!out.startsWith(dir + sep)) throw new Error(`the PDF link ${link} points outside the site`);
      await page.emulateMedia({ media: 'print' });
      // Page size, margins, page numbers and the stamp in the margins come from the page's print CSS.
      writeFileSync(out, await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }));
      written.push(out);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return written;
}
