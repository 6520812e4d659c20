/**
 * The whole flow from files to the report model: validate -> dataset -> compute -> report.
 * Pure; the CLI and the site call it with files they read and a date they chose.
 */
import { buildDataset } from './dataset/build-dataset.ts';
import { computeKpis } from './compute/compute-kpis.ts';
import { buildReport, type Report } from './report/build-report.ts';
import { validateRepo, type SourceFile, type ValidationResult } from './validate/validate-repo.ts';
import type { PendingIssue } from './validate/issue.ts';

export interface PipelineOptions {
  /** Today's date (YYYY-MM-DD) for the stale-data lint; omit for a report of the data alone. */
  today?: string;
  commit?: string;
}

export interface PipelineResult {
  validation: ValidationResult;
  /** Null when validation found errors. */
  report: Report | null;
}

export function runPipeline(files: SourceFile[], earlier: PendingIssue[], opts: PipelineOptions = {}): PipelineResult {
  const validation = validateRepo(files, earlier);
  if (!validation.data) return { validation, report: null };
  const dataset = buildDataset(validation.data);
  const computed = computeKpis({ data: validation.data, dataset, kpis: validation.kpis });
  const report = buildReport({
    data: validation.data,
    kpis: validation.kpis,
    computed,
    months: validation.summary.months,
    ...(opts.today ? { today: opts.today } : {}),
    ...(opts.commit ? { commit: opts.commit } : {}),
  });
  return { validation, report };
}
