/**
 * What the pages read, made once per build: the report model of the repository the site is
 * built from. The only place the site touches the disk or git; pages never compute.
 *
 * The Astro integration (src/site/integration.ts) computes the model once, before any page, and
 * shares it here (in dev it computes it again after every edit of the data); `npm run build`
 * computes it while validating (`capaian validate --report`), Astro running meanwhile, and hands
 * it over when validation has passed (report-handover.ts).
 * Without either (a page rendered outside the integration, a test) the model is computed here, by
 * compute-report.ts.
 */
import type { Report } from '../report/model.ts';

/**
 * The module that computes the model, imported by a path the site's bundler does not follow: a
 * build always has the model shared, so the pages' bundle need not carry the whole pipeline.
 */
const COMPUTE = './compute-report.ts';

/**
 * The model the integration shares with the pages. A global, because the integration and the
 * pages are loaded as separate module instances (Astro's config loader, Vite's page loader).
 */
const SHARED = Symbol.for('capaian.site-report');
type Shared = { report: Promise<Report> };
export function shareReport(report: Promise<Report>): void {
  (globalThis as Record<symbol, Shared>)[SHARED] = { report };
}

let cached: Promise<Report> | undefined;

/** The repository at CAPAIAN_ROOT (default: the working directory). Fails the build on errors. */
export function loadReport(root = process.env.CAPAIAN_ROOT ?? process.cwd()): Promise<Report> {
  const shared = (globalThis as Record<symbol, Shared | undefined>)[SHARED];
  if (shared) return shared.report;
  cached ??= (async () => {
    const { computeSiteReport } = (await import(/* @vite-ignore */ COMPUTE)) as typeof import('./compute-report.ts');
    return computeSiteReport(root);
  })();
  return cached;
}
