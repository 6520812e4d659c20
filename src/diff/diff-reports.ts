/**
 * What a change to the repository does to the KPIs: every value, target and status that moved,
 * totals and breakdown members alike, each filed under one kind. Pure: reports and file sets in.
 *
 * - new-period: the period did not exist at the base (a month added, the quarter it opens);
 * - restatement: a value (or its status) of a period that existed at the base changed, whatever
 *   file caused it: a month file, company.yaml's holidays, customers.yaml's regions or owners;
 * - target: only the target (and the status it decides) of an existing period changed;
 * - definition: the KPI's kpis/ file changed (or the KPI was added or removed) and that moved it;
 * - open-period: a period that was not final at the base (a quarter or year in progress, a cohort
 *   still maturing) moved only because new months arrived. Anything else a new month moves in an
 *   existing period (a closed month, final at the base) is a restatement.
 */
import { GRAINS, type Grain } from '../calendar/periods.ts';
import type { Lint } from '../report/lints.ts';
import type { Status } from '../report/status.ts';
import type { SourceFile } from '../validate/validate-repo.ts';
import { reviewChanges, type ReviewChange } from './review-changes.ts';
import { definitionChanges, fileChanges, readFiles, sharedFileChanges, type DefinitionChange, type FileChange, type SharedFileChange } from './record-changes.ts';
import type { Report, ReportKpi } from '../report/model.ts';

export type ChangeKind = 'new-period' | 'open-period' | 'restatement' | 'target' | 'definition';

export interface ValueChange {
  kind: ChangeKind;
  kpi: string;
  /** `week` only in ReportDiff.weeks. */
  grain: Grain | 'week';
  period: string;
  /** For a breakdown member: the breakdown (region, rep, …) and the member's id. Absent for the KPI's total. */
  breakdown?: string;
  member?: string;
  before: number | null;
  after: number | null;
  /** after - before when both exist. */
  change: number | null;
  /** change / |before|. */
  changeRatio: number | null;
  targetBefore: number | null;
  targetAfter: number | null;
  statusBefore: Status | null;
  statusAfter: Status | null;
}

export interface ReportDiff {
  /** Months present at head and not at base. */
  newMonths: string[];
  /** Months present at both whose month files changed or whose values were restated. */
  restatedMonths: string[];
  /** Data files changed, with the ids of the records added, removed and changed (the comment shows those of month files). */
  files: FileChange[];
  /** Shared files changed (company, team, customers, products, goals, targets), each with a summary. */
  sharedFiles: SharedFileChange[];
  definitions: DefinitionChange[];
  values: ValueChange[];
  /** Lints of the head report that the base report did not have. */
  newLints: Lint[];
  /** The team's reviews added, changed or removed (review-changes.ts). */
  reviews?: ReviewChange[];
  /**
   * The weeks of weekly KPIs whose total moved, filed like `values` (grain `week`, no breakdown
   * members): only weeks the base had, as a new month brings its weeks with it. Kept apart from
   * `values` so that a month's change does not list its four or five weeks again; the comment
   * gives them one line per KPI. Absent when none moved.
   */
  weeks?: ValueChange[];
}

/** Relative differences below this are float noise, not changes. */
const NOISE = 1e-9;

/**
 * The change replayed in steps, each a report, so that a moved value can be traced to its cause:
 * base → `dataOnly` (head's files without the new month folders, KPI definitions as at base) →
 * `withoutNewMonths` (the same with the definitions at head) → head (plus the new months).
 * A step is null when its files do not validate; the diff then files conservatively.
 */
export interface DiffSteps {
  base: Report | null;
  dataOnly: Report | null;
  withoutNewMonths: Report | null;
  head: Report;
}

const monthOf = (path: string) => {
  const m = /^data\/(\d{4})\/(\d{2})\//.exec(path);
  return m ? `${m[1]}-${m[2]}` : null;
};

/** The file sets of the intermediate steps, from the base and head files. */
export function stepFiles(baseFiles: SourceFile[], headFiles: SourceFile[]): { dataOnly: SourceFile[]; withoutNewMonths: SourceFile[]; hasNewMonths: boolean } {
  const baseMonths = new Set(readFiles(baseFiles).map((f) => monthOf(f.path)).filter((m) => m !== null));
  const old = headFiles.filter((f) => {
    const m = monthOf(f.path);
    return m === null || baseMonths.has(m);
  });
  const data = (files: SourceFile[]) => files.filter((f) => !f.path.startsWith('kpis/'));
  const kpis = (files: SourceFile[]) => files.filter((f) => f.path.startsWith('kpis/'));
  return { dataOnly: [...data(old), ...kpis(baseFiles)], withoutNewMonths: old, hasNewMonths: old.length !== headFiles.length };
}

interface Cell {
  value: number | null;
  target: number | null;
  status: Status | null;
  /** Not final: partial period or maturing cohort. */
  open: boolean;
}

type Cells = Map<string, Cell>;

const SEP = '\u0000';
const keyOf = (kpi: string, grain: Grain | 'week', period: string, breakdown = '', member = '') => [kpi, grain, period, breakdown, member].join(SEP);

/** Every total and member of a report, by key. */
function cellsOf(r: Report | null): Cells {
  const out: Cells = new Map();
  if (!r) return out;
  for (const k of r.kpis) {
    for (const grain of GRAINS) {
      for (const v of k.values[grain] ?? []) {
        const open = v.notes.length > 0;
        out.set(keyOf(k.id, grain, v.period), { value: v.value, target: v.target, status: v.status, open });
        for (const [by, members] of Object.entries(v.breakdowns)) {
          // A member with nothing (no value, target or status) is the same as no member.
          for (const m of members) if (m.value !== null || m.target !== null || m.status !== null) out.set(keyOf(k.id, grain, v.period, by, m.member), { value: m.value, target: m.target, status: m.status, open });
        }
      }
    }
    // Weeks: totals only (a week's members would flood the comment).
    for (const v of k.values.week ?? []) out.set(keyOf(k.id, 'week', v.period), { value: v.value, target: v.target, status: v.status, open: v.notes.length > 0 });
  }
  return out;
}

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (!a || !b) return a === b;
  return same(a.value, b.value) && same(a.target, b.target) && a.status === b.status;
}

export function diffReports(steps: DiffSteps, baseFiles: SourceFile[], headFiles: SourceFile[]): ReportDiff {
  const { base, head } = steps;
  const files = fileChanges(baseFiles, headFiles);
  const sharedFiles = sharedFileChanges(baseFiles, headFiles);
  const definitions = definitionChanges(baseFiles, headFiles);
  const baseMonths = new Set(base?.periods.month.map((p) => p.label) ?? []);
  const newMonths = head.periods.month.map((p) => p.label).filter((m) => !baseMonths.has(m));
  const basePeriods = { ...Object.fromEntries(GRAINS.map((g) => [g, new Set(base?.periods[g].map((p) => p.label) ?? [])])), week: new Set(base?.weeks?.map((w) => w.label) ?? []) } as Record<Grain | 'week', Set<string>>;
  const redefined = new Set(definitions.map((d) => d.kpi));

  const cBase = cellsOf(base);
  const cHead = cellsOf(head);
  const cData = steps.dataOnly ? cellsOf(steps.dataOnly) : null;
  const cOld = steps.withoutNewMonths ? cellsOf(steps.withoutNewMonths) : null;

  const kindOf = (key: string, kpi: string, grain: Grain | 'week', period: string): ChangeKind => {
    if (!basePeriods[grain].has(period)) return 'new-period';
    const b = cBase.get(key);
    const h = cHead.get(key);
    // Which step moved it: definitions first, then the data of existing periods, then new months.
    if (redefined.has(kpi) && (!cData || !cOld || !sameCell(cData.get(key), cOld.get(key)))) return 'definition';
    const dataStep = cData ?? cOld;
    const byData = dataStep ? !sameCell(b, dataStep.get(key)) : true;
    if (byData) {
      const to = dataStep?.get(key) ?? h;
      return b && to && same(b.value, to.value) && !same(b.target, to.target) ? 'target' : 'restatement';
    }
    // Moved by the new months alone: growth of an open period, or a restatement of a final one.
    return b?.open ? 'open-period' : 'restatement';
  };

  const values: ValueChange[] = [];
  const weeks: ValueChange[] = [];
  for (const key of new Set([...cHead.keys(), ...cBase.keys()])) {
    const b = cBase.get(key);
    const h = cHead.get(key);
    if (sameCell(b, h)) continue;
    const [kpi, grain, period, breakdown, member] = key.split(SEP) as [string, Grain | 'week', string, string, string];
    // A new period's members are new with it: its totals say enough. A new week comes with its month.
    if ((breakdown || grain === 'week') && !basePeriods[grain].has(period)) continue;
    const gone = !head.kpis.some((k) => k.id === kpi) || !base?.kpis.some((k) => k.id === kpi);
    const before = b?.value ?? null;
    const after = h?.value ?? null;
    const change = before !== null && after !== null ? after - before : null;
    (grain === 'week' ? weeks : values).push({
      kind: gone && basePeriods[grain].has(period) ? 'definition' : kindOf(key, kpi, grain, period),
      kpi,
      grain,
      period,
      ...(breakdown ? { breakdown, member } : {}),
      before,
      after,
      change,
      changeRatio: change !== null && before ? change / Math.abs(before) : null,
      targetBefore: b?.target ?? null,
      targetAfter: h?.target ?? null,
      statusBefore: b?.status ?? null,
      statusAfter: h?.status ?? null,
    });
  }
  const grainOrder = Object.fromEntries(['week', ...GRAINS].map((g, i) => [g, i]));
  const order = (x: ValueChange, y: ValueChange) => (x.kpi < y.kpi ? -1 : x.kpi > y.kpi ? 1 : 0) || grainOrder[x.grain]! - grainOrder[y.grain]! || (x.period < y.period ? -1 : x.period > y.period ? 1 : 0) || (x.breakdown ?? '').localeCompare(y.breakdown ?? '') || (x.member ?? '').localeCompare(y.member ?? '');
  values.sort(order);
  weeks.sort(order);

  const restated = new Set(files.map((f) => monthOf(f.file)).filter((m): m is string => m !== null && baseMonths.has(m)));
  for (const v of values) if (v.kind === 'restatement' && v.grain === 'month') restated.add(v.period);
  const baseLints = new Set((base?.lints ?? []).map((l) => JSON.stringify(l)));
  const newLints = head.lints.filter((l) => !baseLints.has(JSON.stringify(l)));
  const reviews = reviewChanges(base, head);
  return { newMonths, restatedMonths: [...restated].sort(), files, sharedFiles, definitions, values, newLints, ...(reviews.length ? { reviews } : {}), ...(weeks.length ? { weeks } : {}) };
}

function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= NOISE * Math.max(1, Math.abs(a), Math.abs(b));
}

export function kpiOf(report: Report, id: string): ReportKpi | undefined {
  return report.kpis.find((k) => k.id === id);
}
