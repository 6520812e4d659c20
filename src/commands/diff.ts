/**
 * `capaian diff --base REF [--head REF]`: what a change does to the KPIs, for a PR comment.
 * Exit 0 whenever the head could be computed, whatever changed; 1 when it could not. The markdown
 * fits a budget (a GitHub comment); `outFull` gets the whole report.
 */
import { diffReports, stepFiles, type ReportDiff } from '../diff/diff-reports.ts';
import { DEFAULT_BUDGET, renderDiffMarkdown } from '../diff/markdown.ts';
import { definitionChanges } from '../diff/record-changes.ts';
import type { Lang } from '../i18n/format-value.ts';
import { runPipeline, type PipelineOptions } from '../pipeline.ts';
import type { Issue, PendingIssue } from '../issues/issue.ts';
import type { SourceFile } from '../validate/validate-repo.ts';
import type { Effects } from './effects.ts';

export interface DiffOptions {
  base: string;
  /** A git ref; absent: the working tree. */
  head?: string;
  format: 'markdown' | 'json';
  lang?: Lang;
  /** Characters the markdown may take (GitHub takes 65,536 in a comment); default DEFAULT_BUDGET. */
  budget?: number;
  /** `--out-full FILE`: the whole markdown report, never cut, written there (an artifact or a job summary). */
  outFull?: string;
}

/** The shared effects (src/commands/effects.ts: the report goes to `out`, `outFull` through `writeFile`), and how the diff reads the repository. */
export interface DiffEffects extends Effects {
  /** The data and KPI files at a git ref. */
  readRef(ref: string): Promise<SourceFile[]>;
  /** The data and KPI files in the working tree. */
  readWorkingTree(): Promise<{ files: SourceFile[]; issues: PendingIssue[] }>;
  /** Month files read ahead (worker threads, the cache), for each report. */
  readAhead?(files: SourceFile[]): Promise<PipelineOptions['ingested']>;
}

export async function diffCommand(opts: DiffOptions, fx: DiffEffects): Promise<number> {
  const baseFiles = await fx.readRef(opts.base);
  const headRead = opts.head ? { files: await fx.readRef(opts.head), issues: [] } : await fx.readWorkingTree();
  // Base and head share most month files: with the cache each is read once.
  const run = async (files: SourceFile[], earlier: PendingIssue[] = []) => runPipeline(files, earlier, fx.readAhead ? { ingested: await fx.readAhead(files) } : {});
  const base = await run(baseFiles);
  const head = await run(headRead.files, headRead.issues);
  const issues: Issue[] = head.validation.issues;
  let diff: ReportDiff | null = null;
  if (head.report) {
    const steps = stepFiles(baseFiles, headRead.files);
    const definitions = definitionChanges(baseFiles, headRead.files);
    const withoutNewMonths = steps.hasNewMonths ? (await run(steps.withoutNewMonths)).report : head.report;
    const dataOnly = definitions.length ? (await run(steps.dataOnly)).report : withoutNewMonths;
    diff = diffReports({ base: base.report, dataOnly, withoutNewMonths, head: head.report }, baseFiles, headRead.files);
  }
  const lang = opts.lang ?? ((head.report ?? base.report)?.company.locale.startsWith('en') ? 'en' : 'id');
  const input = { diff, head: head.report, base: base.report, issues, lang };
  if (opts.format === 'json') {
    fx.out(JSON.stringify({ base: opts.base, head: opts.head ?? null, computed: !!diff, issues: issues.map(({ at: _a, atKey: _k, ...i }) => i), diff }, null, 2));
  } else {
    fx.out(renderDiffMarkdown({ ...input, budget: opts.budget ?? DEFAULT_BUDGET }).trimEnd());
  }
  if (opts.outFull !== undefined) await fx.writeFile(opts.outFull, renderDiffMarkdown({ ...input, budget: Infinity }));
  return diff ? 0 : 1;
}
