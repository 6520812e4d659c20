/**
 * The whole flow from files to the report model: validate -> dataset -> compute -> report.
 * Pure; the CLI and the site call it with files they read and a date they chose.
 */
import { buildDataset } from './dataset/build-dataset.ts';
import { fieldsUsedBy } from './kpi/fields-used.ts';
import { computeKpis, type ComputeResult, type NonFinite } from './compute/compute-kpis.ts';
import { monthLabel, monthsOf, parseMonth, type Grain } from './calendar/periods.ts';
import type { Kpi } from './kpi/schema.ts';
import { buildReportCore, withViews } from './report/build-report.ts';
import { validateRepo, type SourceFile, type ValidateOptions, type ValidationResult } from './validate/validate-repo.ts';
import { issue, sortIssues, type Issue, type PendingIssue } from './issues/issue.ts';
import { decodeText } from './load/decode.ts';
import { locateIssues } from './load/locate.ts';
import type { Report, ReportCore } from './report/model.ts';
import { withReviews } from './report/reviews.ts';
import { reviewYamlView } from './validate/reviews.ts';

export interface PipelineOptions {
  /** Today's date (YYYY-MM-DD) for the stale-data lint; omit for a report of the data alone. */
  today?: string;
  commit?: string;
  /** Month files read ahead (worker threads, cache): see load/ingest-pool.ts. */
  ingested?: ValidateOptions['ingested'];
  /** Files checked clean before (load/checked-cache.ts). */
  checked?: ValidateOptions['checked'];
}

export interface ScorecardOptions extends PipelineOptions {
  /**
   * Only what `capaian compute`'s table and CSV read (ReportCore): no views (insights, team), no
   * KPI sources, no lint positions. Every value, status and lint is the one the whole report
   * holds, built by the same functions, and the same errors stop it.
   */
  only: 'scorecard';
}

export interface PipelineResult<R extends ReportCore = Report> {
  /** Its data without the month files' chunks (they went into the dataset). */
  validation: ValidationResult;
  /** Null when validation found errors. */
  report: R | null;
}

export function runPipeline(files: SourceFile[], earlier: PendingIssue[], opts: ScorecardOptions): PipelineResult<ReportCore>;
export function runPipeline(files: SourceFile[], earlier: PendingIssue[], opts?: PipelineOptions): PipelineResult;
export function runPipeline(files: SourceFile[], earlier: PendingIssue[], opts: PipelineOptions & { only?: 'scorecard' } = {}): PipelineResult<ReportCore> {
  const validation = validateRepo(files, earlier, { ...(opts.ingested ? { ingested: opts.ingested } : {}), ...(opts.checked ? { checked: opts.checked } : {}) });
  const data = validation.data;
  if (!data) return { validation, report: null };
  // The month files' columns go into the dataset (and out of the validated data) as it is built.
  const dataset = buildDataset(data, fieldsUsedBy(validation.kpis), true);
  const computed = computeKpis({ data, dataset, kpis: validation.kpis });
  if (computed.nonFinite) {
    // A number past what a float64 holds is an error, never a silent "no data".
    const errors = nonFiniteIssues(computed.nonFinite, validation.kpis, validation.summary.files.map((f) => f.file));
    return { validation: { ...validation, data: null, issues: sortIssues([...validation.issues, ...errors]) }, report: null };
  }
  const input = {
    data,
    kpis: validation.kpis,
    computed,
    months: validation.summary.months,
    ...(opts.today ? { today: opts.today } : {}),
    ...(opts.commit ? { commit: opts.commit } : {}),
  };
  const core = buildReportCore(input);
  // Targets divide too (attainment = value / target): a tiny target must not make an Infinity either.
  const broken = nonFiniteInReport(core, computed.periods, data.company.fiscal_year_start);
  if (broken.length) {
    const errors = nonFiniteIssues(broken, validation.kpis, validation.summary.files.map((f) => f.file));
    return { validation: { ...validation, data: null, issues: sortIssues([...validation.issues, ...errors]) }, report: null };
  }
  const reviewing = { reviews: validation.reviews ?? [], today: opts.today, dueDays: data.company.review_due_days, reps: data.team.records };
  if (opts.only === 'scorecard') return { validation, report: validation.reviews ? withReviews({ report: core, ...reviewing }) : core };
  const report = withViews(core, input);
  const reviewed = validation.reviews ? withReviews({ report, ...reviewing }) : report;
  return { validation, report: withLintPositions(withSources(reviewed, files), files) };
}

/** Every KPI and period of the report holding a number that is not finite (an attainment, a change: the values are checked already). */
function nonFiniteInReport(report: ReportCore, periods: ComputeResult['periods'], fyStart: number): (NonFinite & { target: true })[] {
  const out: (NonFinite & { target: true })[] = [];
  // Any field of the object (a plain one) that is a number but not a finite one; no array made per value.
  const bad = (o: object) => {
    for (const key in o) {
      const x = (o as Record<string, unknown>)[key];
      if (typeof x === 'number' && !Number.isFinite(x)) return true;
    }
    return false;
  };
  for (const k of report.kpis) {
    for (const [grain, values] of Object.entries(k.values) as [Grain, Report['kpis'][number]['values'][Grain]][]) {
      for (const v of values ?? []) {
        const members: string[] = [];
        for (const by in v.breakdowns) for (const m of v.breakdowns[by]!) if (bad(m)) members.push(`${by}: ${m.member}`);
        if (!bad(v) && !members.length) continue;
        const week = (grain as string) === 'week' ? report.weeks?.find((w) => w.label === v.period) : undefined;
        if (week) out.push({ kpi: k.id, grain: 'week', period: v.period, months: [parseMonth(week.start), parseMonth(week.end)], members: bad(v) ? [] : members, target: true });
        const info = periods[grain]?.find((p) => p.label === v.period);
        if (info) out.push({ kpi: k.id, grain, period: v.period, months: monthsOf(grain, info.index, fyStart), members: bad(v) ? [] : members, target: true });
      }
    }
  }
  return out;
}

/**
 * One error per KPI and period whose value is not a finite number, at the KPI's file, naming the
 * month files it reads in that period (and in the period a growth rate compares with).
 */
function nonFiniteIssues(list: (NonFinite & { target?: true })[], kpis: Kpi[], files: string[]): Issue[] {
  const byId = new Map(kpis.map((k) => [k.id, k]));
  return list.map((n) => {
    const words = formulaWords(byId.get(n.kpi), byId);
    const kinds = new Set([...words].flatMap((w) => (w === 'order_lines' ? ['orders'] : ['orders', 'leads', 'activities', 'surveys'].includes(w) ? [w] : [])));
    const back = words.has('growth') ? (words.has('same-period-last-year') ? 12 : n.months[1] - n.months[0] + 1) : 0;
    const first = monthLabel(n.months[0] - back);
    const last = monthLabel(n.months[1]);
    const read = files.filter((f) => {
      const m = /^data\/(\d{4})\/(\d{2})\/([a-z]+)\.yaml$/.exec(f);
      return !!m && kinds.has(m[3]!) && `${m[1]}-${m[2]}` >= first && `${m[1]}-${m[2]}` <= last;
    });
    const where = n.members.length ? ` for ${n.members.slice(0, 3).join(', ')}${n.members.length > 3 ? ` and ${n.members.length - 3} more` : ''}` : '';
    const named = read.length ? read.slice(0, 6).join(', ') + (read.length > 6 ? ` and ${read.length - 6} more files` : '') : `the month files from ${first} to ${last}`;
    const found = n.target
      ? issue(`kpis/${n.kpi}.yaml`, [], 'not-finite', `${n.kpi} ${n.period}${where}: the attainment against the target or the change is not a finite number (a division by almost zero)`, `look for a target of almost zero for ${n.kpi} in data/targets/, or extreme amounts in ${named}`)
      : issue(`kpis/${n.kpi}.yaml`, [], 'not-finite', `${n.kpi} ${n.period}${where}: the value is not a finite number (a result beyond what a number holds, or a division by almost zero)`, `look for extreme amounts or quantities in ${named}`);
    return { ...found, line: 0, column: 0 };
  });
}

/** Every word of a KPI's formula and of the KPIs it builds on. */
function formulaWords(kpi: Kpi | undefined, byId: Map<string, Kpi>, seen = new Set<string>()): Set<string> {
  const words = new Set<string>();
  if (!kpi || seen.has(kpi.id)) return words;
  seen.add(kpi.id);
  const walk = (v: unknown) => {
    if (typeof v === 'string') words.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.op === 'kpi' && typeof o.id === 'string') for (const w of formulaWords(byId.get(o.id), byId, seen)) words.add(w);
      for (const [k, x] of Object.entries(o)) (words.add(k), walk(x));
    }
  };
  walk(kpi.formula);
  if (kpi.secondary) walk(kpi.secondary.formula);
  return words;
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
  // A review's frontmatter is located in its YAML view (the file with the rest blanked).
  const texts = new Map(files.filter((f) => wanted.has(f.path)).map((f) => [f.path, f.path.endsWith('.mdx') ? reviewYamlView(decodeText(f.bytes, f.path).text ?? '') : decodeText(f.bytes, f.path).text]));
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
