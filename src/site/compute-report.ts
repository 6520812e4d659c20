/**
 * Validating and computing the report model for the site: the integration (integration.ts) runs it
 * before any page; the pages never import it (site-data.ts loads it only outside a build), so the
 * pages' bundle holds none of the pipeline.
 */
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
