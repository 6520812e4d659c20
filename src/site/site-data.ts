/**
 * What the pages read, made once per build: the report model of the repository the site is
 * built from. The only place the site touches the disk or git; pages never compute.
 *
 * The Astro integration (src/site/integration.ts) computes the model once, before any page, and
 * shares it here (in dev it computes it again after every edit of the data); `npm run build`
 * computes it while validating (`capaian validate --report`) and hands it over in CAPAIAN_REPORT.
 * Without either (a page rendered outside the integration) the model is computed here.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadRepo } from '../load/load-repo.ts';
import { siteReportOptions } from '../load/report-options.ts';
import { runPipeline } from '../pipeline.ts';
import { formatIssue, type Issue } from '../issues/issue.ts';
import type { Report } from '../report/model.ts';

/**
 * Invalid data, as the site shows it: the message lists every error as `file:line:column
 * message  (hint)`; `loc` points at the first, so Astro's error overlay shows that file's lines.
 */
export class DataError extends Error {
  readonly loc?: { file: string; line: number; column: number };
  readonly hint: string;
  /** `base`: the folder `loc.file` is given relative to (Astro reads it from its own root). */
  constructor(readonly issues: Issue[], root: string, base?: string) {
    super(`capaian: the data has ${issues.length} error${issues.length === 1 ? '' : 's'} / data memiliki ${issues.length} kesalahan:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'DataError';
    const first = issues.find((i) => i.line > 0) ?? issues[0];
    if (first) this.loc = { file: base ? relative(base, join(root, first.file)) : join(root, first.file), line: first.line || 1, column: first.column || 1 };
    this.hint = 'Fix the files listed; the page reloads when you save. / Perbaiki berkas yang tercantum; halaman dimuat ulang saat Anda menyimpan.';
    // No stack: the place to look is the data file (loc), not this code.
    this.stack = '';
  }
}

/** Validates the repository at `root` and computes its report model; rejects with a DataError. */
export async function computeSiteReport(root: string, base?: string): Promise<Report> {
  const repo = await loadRepo(root);
  const { validation, report } = runPipeline(repo.files, repo.issues, { ...siteReportOptions(root), ...(repo.ingested ? { ingested: repo.ingested } : {}), ...(repo.checked ? { checked: repo.checked } : {}) });
  if (!report) throw new DataError(validation.issues.filter((i) => i.level === 'error'), root, base);
  return report;
}

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
    if (process.env.CAPAIAN_REPORT) return JSON.parse(readFileSync(process.env.CAPAIAN_REPORT, 'utf8')) as Report;
    return computeSiteReport(root);
  })();
  return cached;
}
