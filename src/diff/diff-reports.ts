/**
 * What a change to the repository does to the KPIs: every value and status that moved, sorted
 * into new periods (a month added), restatements (a month that was already there changed) and
 * definition changes (a kpis/ file changed). Pure: two reports and two file sets in.
 */
import { GRAINS, monthsOf, monthLabel, parsePeriod, type Grain } from '../calendar/periods.ts';
import type { Report, ReportKpi } from '../report/build-report.ts';
import type { Status } from '../report/status.ts';
import type { SourceFile } from '../validate/validate-repo.ts';
import { definitionChanges, fileChanges, type DefinitionChange, type FileChange } from './record-changes.ts';

export type ChangeKind = 'new-period' | 'restatement' | 'definition';

export interface ValueChange {
  kind: ChangeKind;
  kpi: string;
  grain: Grain;
  period: string;
  before: number | null;
  after: number | null;
  /** after - before when both exist. */
  change: number | null;
  /** change / |before|. */
  changeRatio: number | null;
  statusBefore: Status | null;
  statusAfter: Status | null;
}

export interface ReportDiff {
  /** Months present at head and not at base. */
  newMonths: string[];
  /** Months present at both whose data files changed. */
  restatedMonths: string[];
  files: FileChange[];
  definitions: DefinitionChange[];
  values: ValueChange[];
}

/** Relative differences below this are float noise, not changes. */
const NOISE = 1e-9;

/**
 * The change is replayed in three steps, each a report: the base plus the new month folders
 * (and the shared files as at head), then plus the changed files of months the base already had,
 * then plus the KPI definitions as at head. A value is filed under the last step that moved it:
 * a lead cohort that matures because a new month arrived is a new-period effect, not a
 * restatement; a closed month whose orders were edited is a restatement.
 */
export interface DiffSteps {
  base: Report | null;
  /** Base + new months + shared files at head. */
  withNewMonths: Report | null;
  /** + changed files of months the base had. */
  withRestatements: Report | null;
  head: Report;
}

/** The file sets of the steps, from the base and head files. */
export function stepFiles(baseFiles: SourceFile[], headFiles: SourceFile[]): { withNewMonths: SourceFile[]; withRestatements: SourceFile[] } {
  const monthOf = (path: string) => /^data\/(\d{4})\/(\d{2})\//.exec(path);
  const baseMonths = new Set(baseFiles.map((f) => monthOf(f.path)).filter((m) => m).map((m) => `${m![1]}-${m![2]}`));
  const isOldMonthFile = (path: string) => {
    const m = monthOf(path);
    return !!m && baseMonths.has(`${m[1]}-${m[2]}`);
  };
  const kpis = (files: SourceFile[]) => files.filter((f) => f.path.startsWith('kpis/'));
  const data = (files: SourceFile[]) => files.filter((f) => f.path.startsWith('data/'));
  const withNewMonths = [...data(baseFiles).filter((f) => isOldMonthFile(f.path)), ...data(headFiles).filter((f) => !isOldMonthFile(f.path)), ...kpis(baseFiles)];
  const withRestatements = [...data(headFiles), ...kpis(baseFiles)];
  return { withNewMonths, withRestatements };
}

export function diffReports(steps: DiffSteps, baseFiles: SourceFile[], headFiles: SourceFile[]): ReportDiff {
  const { base, head } = steps;
  const files = fileChanges(baseFiles, headFiles);
  const definitions = definitionChanges(baseFiles, headFiles);
  const baseMonths = new Set(base?.periods.month.map((p) => p.label) ?? []);
  const newMonths = head.periods.month.map((p) => p.label).filter((m) => !baseMonths.has(m));
  const changedMonths = new Set(files.map((f) => /^data\/(\d{4})\/(\d{2})\//.exec(f.file)).filter((m) => m !== null).map((m) => `${m![1]}-${m![2]}`));
  const restatedMonths = [...changedMonths].filter((m) => baseMonths.has(m)).sort();
  const redefined = new Set(definitions.map((d) => d.kpi));
  const fyStart = head.company.fiscalYearStart;
  const newSet = new Set(newMonths);
  const valueAt = (r: Report | null, kpi: string, grain: Grain, period: string) => r?.kpis.find((k) => k.id === kpi)?.values[grain]?.find((v) => v.period === period);
  const moved = (a: Report | null, b: Report | null, kpi: string, grain: Grain, period: string) => {
    const x = valueAt(a, kpi, grain, period);
    const y = valueAt(b, kpi, grain, period);
    return !x || !y ? x !== y : !same(x.value, y.value) || x.status !== y.status;
  };

  // Precedence: a changed definition, then a period that is or contains a new month, then a
  // change made by edited closed months, then what the new data alone moved (maturing cohorts).
  const kindOf = (kpi: string, grain: Grain, period: string): ChangeKind => {
    if (redefined.has(kpi) && (!steps.withRestatements || moved(steps.withRestatements, head, kpi, grain, period))) return 'definition';
    const [a, b] = monthsOf(grain, parsePeriod(period)!.index, fyStart);
    for (let mi = a; mi <= b; mi++) if (newSet.has(monthLabel(mi))) return 'new-period';
    if (!steps.withNewMonths || !steps.withRestatements) return 'restatement';
    if (moved(steps.withNewMonths, steps.withRestatements, kpi, grain, period)) return 'restatement';
    return moved(base, steps.withNewMonths, kpi, grain, period) ? 'new-period' : 'restatement';
  };

  const values: ValueChange[] = [];
  const baseKpis = new Map(base?.kpis.map((k) => [k.id, k]) ?? []);
  for (const k of head.kpis) {
    const old = baseKpis.get(k.id);
    for (const grain of GRAINS) {
      const before = new Map((old?.values[grain] ?? []).map((v) => [v.period, v]));
      for (const v of k.values[grain] ?? []) {
        const o = before.get(v.period);
        if (o && same(o.value, v.value) && o.status === v.status) continue;
        const change = o && o.value !== null && v.value !== null ? v.value - o.value : null;
        values.push({
          kind: kindOf(k.id, grain, v.period),
          kpi: k.id,
          grain,
          period: v.period,
          before: o?.value ?? null,
          after: v.value,
          change,
          changeRatio: change !== null && o!.value ? change / Math.abs(o!.value) : null,
          statusBefore: o?.status ?? null,
          statusAfter: v.status,
        });
      }
    }
  }
  // KPIs removed at head: their values are gone.
  for (const old of baseKpis.values()) {
    if (head.kpis.some((k) => k.id === old.id)) continue;
    for (const grain of GRAINS) {
      for (const v of old.values[grain] ?? []) {
        values.push({ kind: 'definition', kpi: old.id, grain, period: v.period, before: v.value, after: null, change: null, changeRatio: null, statusBefore: v.status, statusAfter: null });
      }
    }
  }
  return { newMonths, restatedMonths, files, definitions, values };
}

function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= NOISE * Math.max(1, Math.abs(a), Math.abs(b));
}

export function kpiOf(report: Report, id: string): ReportKpi | undefined {
  return report.kpis.find((k) => k.id === id);
}
