/** `capaian validate`: check everything under data/ and report every problem at once. */
import { countByLevel, formatIssue, sortIssues, type Issue } from '../issues/issue.ts';
import type { Lint } from '../report/lints.ts';
import type { Summary } from '../validate/repo-data.ts';
import { validateRepo, type SourceFile, type ValidationResult } from '../validate/validate-repo.ts';
import { runPipeline, type PipelineOptions } from '../pipeline.ts';
import type { PendingIssue } from '../issues/issue.ts';
import type { Report } from '../report/model.ts';
import { count, countRecords } from '../i18n/count.ts';
import { paint, type Effects } from './effects.ts';

export interface ValidateOptions {
  format: 'text' | 'json';
  /** Warnings fail too. */
  strict: boolean;
}

export interface ValidateEffects extends Pick<Effects, 'out'>, Partial<Pick<Effects, 'color'>> {
  read(): Promise<{ files: SourceFile[]; issues: PendingIssue[]; ingested?: PipelineOptions['ingested']; checked?: PipelineOptions['checked'] }>;
  /**
   * When given, the report model is computed too (valid data only): its lints are printed with
   * the warnings, and `write` receives it.
   */
  report?: { options: PipelineOptions; write?(report: Report): void }; // a promise returned is awaited
}

export async function validateCommand(opts: ValidateOptions, fx: ValidateEffects): Promise<number> {
  const read = await fx.read();
  const ingested = { ...(read.ingested ? { ingested: read.ingested } : {}), ...(read.checked ? { checked: read.checked } : {}) };
  let validation: ValidationResult;
  if (fx.report) {
    const run = runPipeline(read.files, read.issues, { ...fx.report.options, ...ingested });
    validation = run.validation;
    if (run.report) await fx.report.write?.(run.report);
    if (run.report?.lints.length) validation = { ...validation, issues: sortIssues([...validation.issues, ...run.report.lints.map(lintIssue)]) };
  } else validation = validateRepo(read.files, read.issues, ingested);
  const { issues, summary } = validation;
  const counts = countByLevel(issues);
  const failed = counts.error > 0 || (opts.strict && counts.warning > 0);
  if (opts.format === 'json') {
    fx.out(JSON.stringify({ ok: !failed, counts, issues: issues.map(publicIssue), summary }, null, 2));
  } else {
    const color = !!fx.color;
    for (const i of issues) fx.out(issueLine(i, color));
    if (issues.length) fx.out('');
    fx.out(summaryText(summary));
    const text = verdict(counts, opts.strict);
    fx.out(paint(color, failed ? 'red' : counts.warning ? 'yellow' : 'green', text));
  }
  return failed ? 1 : 0;
}

/** `file:line:column  message  (hint)`, a warning prefixed; in colour, the location red for an error, yellow for a warning. */
function issueLine(i: Issue, color: boolean): string {
  const line = formatIssue(i);
  const prefix = i.level === 'warning' ? paint(color, 'yellow', 'warning: ') : '';
  if (!color) return prefix + line;
  const at = line.indexOf('  ');
  const where = at < 0 ? line : line.slice(0, at);
  return prefix + paint(true, i.level === 'warning' ? 'yellow' : 'red', where) + line.slice(where.length);
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

function summaryText(s: Summary): string {
  const parts = KIND_ORDER.filter((k) => s.records[k] !== undefined).map((k) => countRecords(k, s.records[k]!));
  const n = s.months.length;
  const months = n === 0 ? '' : n === 1 ? `, 1 month (${s.months[0]})` : `, ${n} months (${s.months[0]} to ${s.months[n - 1]})`;
  let text = `${count(s.files.length, 'file')}${months}${parts.length ? `: ${parts.join(', ')}` : ''}`;
  if (s.kpis) text += `; ${count(s.kpis, 'KPI definition')}`;
  if (s.empty.length) text += `\nno records (empty file): ${s.empty.join(', ')}`;
  return text;
}

function verdict(c: Record<'error' | 'warning', number>, strict: boolean): string {
  if (c.error === 0 && c.warning === 0) return 'ok: no problems found';
  const text = `${count(c.error, 'error')}, ${count(c.warning, 'warning')}`;
  if (c.error === 0) return strict ? `${text} (--strict: warnings fail)` : `${text}: ok`;
  return text;
}
