/**
 * The whole flow from files to the report model: validate -> dataset -> compute -> report.
 * Pure; the CLI and the site call it with files they read and a date they chose.
 */
import { buildDataset } from './dataset/build-dataset.ts';
import { fieldsUsedBy } from './kpi/fields-used.ts';
import { computeKpis } from './compute/compute-kpis.ts';
import { buildReport, type Report } from './report/build-report.ts';
import { validateRepo, type SourceFile, type ValidateOptions, type ValidationResult } from './validate/validate-repo.ts';
import type { PendingIssue } from './validate/issue.ts';
import { decodeText } from './load/decode.ts';
import { locateIssues } from './load/locate.ts';

export interface PipelineOptions {
  /** Today's date (YYYY-MM-DD) for the stale-data lint; omit for a report of the data alone. */
  today?: string;
  commit?: string;
  /** Month files read ahead (worker threads, cache): see load/ingest-pool.ts. */
  ingested?: ValidateOptions['ingested'];
}

export interface PipelineResult {
  /** Its data without the month files' chunks (they went into the dataset). */
  validation: ValidationResult;
  /** Null when validation found errors. */
  report: Report | null;
}

export function runPipeline(files: SourceFile[], earlier: PendingIssue[], opts: PipelineOptions = {}): PipelineResult {
  const validation = validateRepo(files, earlier, opts.ingested ? { ingested: opts.ingested } : {});
  const data = validation.data;
  if (!data) return { validation, report: null };
  // The month files' columns go into the dataset (and out of the validated data) as it is built.
  const dataset = buildDataset(data, fieldsUsedBy(validation.kpis), true);
  const computed = computeKpis({ data, dataset, kpis: validation.kpis });
  const report = buildReport({
    data,
    kpis: validation.kpis,
    computed,
    months: validation.summary.months,
    ...(opts.today ? { today: opts.today } : {}),
    ...(opts.commit ? { commit: opts.commit } : {}),
  });
  return { validation, report: withLintPositions(withSources(report, files), files) };
}

const utf8 = new TextDecoder('utf-8');

/** Each KPI's definition as written (kpis/<id>.yaml; validation holds the id to the file name), for display. */
function withSources(report: Report, files: SourceFile[]): Report {
  const bytes = new Map(files.filter((f) => f.path.startsWith('kpis/')).map((f) => [f.path, f.bytes]));
  return {
    ...report,
    kpis: report.kpis.map((k) => {
      const b = bytes.get(`kpis/${k.id}.yaml`);
      return b ? { ...k, source: utf8.decode(b).replace(/\r\n?/g, '\n') } : k;
    }),
  };
}

/** Each lint's place in its file (`at`) as a line and column, like the validation issues. */
function withLintPositions(report: Report, files: SourceFile[]): Report {
  const placed = report.lints.filter((l) => l.file && l.at);
  if (!placed.length) return report;
  const wanted = new Set(placed.map((l) => l.file));
  const texts = new Map(files.filter((f) => wanted.has(f.path)).map((f) => [f.path, decodeText(f.bytes, f.path).text]));
  const located = locateIssues(
    placed.map((l) => ({ level: 'warning' as const, code: l.code, file: l.file!, at: l.at!, message: '' })),
    (f) => texts.get(f),
  );
  const positions = new Map(placed.map((l, i) => [l, located[i]!]));
  return {
    ...report,
    lints: report.lints.map((l) => {
      const pos = positions.get(l);
      if (!pos) return l;
      const { at: _at, ...rest } = l;
      return pos.line ? { ...rest, line: pos.line, column: pos.column } : rest;
    }),
  };
}
