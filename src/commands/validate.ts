/** `capaian validate`: check everything under data/ and report every problem at once. */
import { countByLevel, formatIssue, sortIssues, type Issue } from '../issues/issue.ts';
import type { Lint } from '../report/lints.ts';
import type { Summary } from '../validate/repo-data.ts';
import { validateRepo, type SourceFile, type ValidationResult } from '../validate/validate-repo.ts';
import { runPipeline, type PipelineOptions } from '../pipeline.ts';
import type { PendingIssue } from '../issues/issue.ts';
import type { Report } from '../report/model.ts';

export interface ValidateOptions {
  format: 'text' | 'json';
  /** Warnings fail too. */
  strict: boolean;
}

export interface ValidateEffects {
  read(): Promise<{ files: SourceFile[]; issues: PendingIssue[]; ingested?: PipelineOptions['ingested'] }>;
  out(text: string): void;
  /**
   * When given, the report model is computed too (valid data only): its lints are printed with
   * the warnings, and `write` receives it.
   */
  report?: { options: PipelineOptions; write?(report: Report): void };
}

export async function validateCommand(opts: ValidateOptions, fx: ValidateEffects): Promise<number> {
  const read = await fx.read();
  const ingested = read.ingested ? { ingested: read.ingested } : {};
  let validation: ValidationResult;
  if (fx.report) {
    const run = runPipeline(read.files, read.issues, { ...fx.report.options, ...ingested });
    validation = run.validation;
    if (run.report) fx.report.write?.(run.report);
    if (run.report?.lints.length) validation = { ...validation, issues: sortIssues([...validation.issues, ...run.report.lints.map(lintIssue)]) };
  } else validation = validateRepo(read.files, read.issues, ingested);
  const { issues, summary } = validation;
  const counts = countByLevel(issues);
  const failed = counts.error > 0 || (opts.strict && counts.warning > 0);
  if (opts.format === 'json') {
    fx.out(JSON.stringify({ ok: !failed, counts, issues: issues.map(publicIssue), summary }, null, 2));
  } else {
    for (const i of issues) fx.out(`${i.level === 'warning' ? 'warning: ' : ''}${formatIssue(i)}`);
    if (issues.length) fx.out('');
    fx.out(summaryText(summary));
    fx.out(verdict(counts, opts.strict));
  }
  return failed ? 1 : 0;
}

/** A lint as a warning line: `file:line:column  message`, the file to change when there is no line. */
function lintIssue(l: Lint): Issue {
  return { level: 'warning', code: l.code, file: l.file ?? 'data/', line: l.line ?? 0, column: l.column ?? 0, at: [], message: l.message.en };
}

function publicIssue(i: Issue) {
  const { at: _at, atKey: _k, related, ...rest } = i;
  return related ? { ...rest, related: { file: related.file, line: related.line, column: related.column } } : rest;
}

const KIND_ORDER = ['company', 'team', 'products', 'customers', 'goals', 'targets', 'orders', 'leads', 'activities', 'surveys'] as const;

export function summaryText(s: Summary): string {
  const parts = KIND_ORDER.filter((k) => s.records[k] !== undefined).map((k) => `${s.records[k]!.toLocaleString('en-US')} ${k}`);
  const n = s.months.length;
  const months = n === 0 ? '' : n === 1 ? `, 1 month (${s.months[0]})` : `, ${n} months (${s.months[0]} to ${s.months[n - 1]})`;
  let text = `${s.files.length} files${months}: ${parts.join(', ')}`;
  if (s.kpis) text += `; ${s.kpis} KPI definitions`;
  if (s.empty.length) text += `\nno records (empty file): ${s.empty.join(', ')}`;
  return text;
}

function verdict(c: Record<'error' | 'warning', number>, strict: boolean): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (c.error === 0 && c.warning === 0) return 'ok: no problems found';
  const text = `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}`;
  if (c.error === 0) return strict ? `${text} (--strict: warnings fail)` : `${text}: ok`;
  return text;
}
