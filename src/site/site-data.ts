/**
 * What the pages read, made once per build: the report model of the repository the site is
 * built from. The only place the site touches the disk or git; pages never compute.
 *
 * `npm run build` computes the model once, while validating (`capaian validate --report`), and
 * hands it over in CAPAIAN_REPORT; without it (astro dev) the model is computed here.
 */
import { readFileSync } from 'node:fs';
import { loadRepo } from '../load/load-repo.ts';
import { siteReportOptions } from '../load/report-options.ts';
import { runPipeline } from '../pipeline.ts';
import { formatIssue } from '../issues/issue.ts';
import type { Report } from '../report/model.ts';

let cached: Promise<Report> | undefined;

/** The repository at CAPAIAN_ROOT (default: the working directory). Fails the build on errors. */
export function loadReport(root = process.env.CAPAIAN_ROOT ?? process.cwd()): Promise<Report> {
  cached ??= (async () => {
    if (process.env.CAPAIAN_REPORT) return JSON.parse(readFileSync(process.env.CAPAIAN_REPORT, 'utf8')) as Report;
    const repo = await loadRepo(root);
    const { validation, report } = runPipeline(repo.files, repo.issues, { ...siteReportOptions(root), ...(repo.ingested ? { ingested: repo.ingested } : {}) });
    if (!report) {
      const errors = validation.issues.filter((i) => i.level === 'error');
      throw new Error(`capaian: the data has ${errors.length} errors, nothing was built:\n${errors.map(formatIssue).join('\n')}`);
    }
    return report;
  })();
  return cached;
}
