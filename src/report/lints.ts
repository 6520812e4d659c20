/**
 * Warnings from the article's common mistakes: a KPI that serves no goal, a KPI with no target
 * (setting one is the article's third step), a target far beyond anything achieved before, a
 * goal whose KPI has no target for the year, data that stopped arriving. They never fail a build
 * unless --strict. Each names the file to change and, where there is one, the place in it (`at`,
 * turned into a line and column by the pipeline, which has the files' text).
 */
import { monthIndex, monthLabel, monthsOf, parseMonth, parsePeriod, periodOf, perYear, type Grain } from '../calendar/periods.ts';
import type { ComputeResult, KpiPeriodValue, PeriodInfo } from '../compute/compute-kpis.ts';
import { isAdditive, PLANNING_GRAIN_OF_FREQUENCY, type Kpi } from '../kpi/schema.ts';
import type { Target } from '../schema/targets.ts';
import type { DocPath } from '../issues/issue.ts';
import type { RecordFile, ValidData } from '../validate/repo-data.ts';
import { TargetBook, type TargetScope } from './targets.ts';

export type LintCode = 'no-goal' | 'no-target' | 'unrealistic-target' | 'goal-without-year-target' | 'stale-data' | 'missing-month' | 'off-track-no-cause' | 'action-owner-left' | 'overdue-action' | 'no-review';

export interface Lint {
  level: 'warning';
  code: LintCode;
  kpi?: string;
  /** The period concerned (the first one, when there are several). */
  period?: string;
  /** no-target and goal-without-year-target: every period missing, oldest first. */
  periods?: string[];
  /** unrealistic-target: the rep, region or category the target is for (none: the company). */
  scope?: { dim: 'rep' | 'region' | 'category'; member: string };
  goal?: string;
  /** The file to change, when there is one. */
  file?: string;
  /** Where in the file (a path in its YAML document); the pipeline turns it into line and column. */
  at?: DocPath;
  /** 1-based, when known. */
  line?: number;
  column?: number;
  message: { id: string; en: string };
}

/**
 * "Unrealistic", one rule per kind of number, each against what the same scope (the company, a
 * rep, a region, a category) achieved at the same grain in complete periods of the data
 * (partial quarters and years, and cohorts still maturing, do not count):
 *
 * - Amounts and counts that add up (sales, units, leads; a rep's sales per rep): a target no
 *   higher than the scope's best period so far is realistic (it was done once). Above it, the
 *   growth the target needs over the same period a year before, against the best year-on-year
 *   growth ever achieved, plus GROWTH_MARGIN (10 points); lower is better: the cut it needs
 *   against the best cut. Where the scope has too little of a year before (a rep who joined
 *   this year), the target against its best period: more than NEW_MARGIN (50 %) above it.
 * - Growth KPIs (values around zero): more than LEVEL_POINTS (10 points) beyond the best value.
 * - Everything else (rates, averages, scores, per-day, days, hours): more than LEVEL_MARGIN
 *   (10 %) beyond the best value ever: above the highest when higher is better, below the
 *   lowest when lower is better (12 days to convert when the fastest month took 15).
 *
 * Judged only with at least MIN_HISTORY values (or year-on-year pairs) to compare with.
 */
const UNREALISTIC_MARGIN = 0.1;
const GROWTH_MARGIN = UNREALISTIC_MARGIN;
const NEW_MARGIN = 0.5;
const LEVEL_MARGIN = 0.1;
const LEVEL_POINTS = 0.1;
const MIN_HISTORY = 3;


export interface LintInput {
  data: ValidData;
  kpis: Kpi[];
  computed: ComputeResult;
  /** YYYY-MM of every month folder. */
  months: string[];
  today?: string | undefined;
}

/** Every lint of a report, in a stable order. */
export function lintReport({ data, kpis, computed, months, today }: LintInput): Lint[] {
  const goalIds = new Set(data.goals.records.map((g) => g.id));
  return [
    ...lintData(months, today),
    ...lintKpis(kpis, goalIds),
    ...lintMissingTargets(kpis, data, computed, months),
    ...lintGoals(kpis, data, months, computed),
    ...lintTargets(kpis, data.targets, computed),
  ];
}

function lintKpis(kpis: Kpi[], goals: Set<string>): Lint[] {
  return kpis
    .filter((k) => !k.goal || !goals.has(k.goal))
    .map((k) => ({
      level: 'warning' as const,
      code: 'no-goal' as const,
      kpi: k.id,
      file: `kpis/${k.id}.yaml`,
      message: {
        id: `KPI ${k.title.id} tidak melayani tujuan apa pun: tambahkan goal: ke definisinya, atau pertimbangkan untuk menghapusnya`,
        en: `KPI ${k.title.en} serves no goal: add goal: to its definition, or consider dropping it`,
      },
    }));
}

/**
 * The years a plan is expected for: each year with a targets file, and the year of the newest
 * month (the one the dashboard shows). Fiscal years.
 */
function planYears(data: ValidData, months: string[]): Set<number> {
  const years = new Set<number>();
  for (const f of data.targets) if (f.year !== undefined) years.add(f.year);
  const latest = months[months.length - 1];
  if (latest) years.add(periodOf('year', parseMonth(latest), data.company.fiscal_year_start));
  return years;
}

function targetsFileOf(data: ValidData, year: number): string {
  return data.targets.find((f) => f.year === year)?.file ?? `data/targets/${year}.yaml`;
}

/**
 * A KPI with no target, for the company, in a period of the grain it is reported at (its
 * frequency) that the data covers, in a plan year. The same look-up the report makes, so the
 * lint speaks exactly when the KPI page says "no target". One lint per KPI, listing the periods.
 */
export function lintMissingTargets(kpis: Kpi[], data: ValidData, computed: ComputeResult, months: string[]): Lint[] {
  if (!months.length) return [];
  const book = new TargetBook(data.targets.flatMap((f) => f.records));
  const fyStart = data.company.fiscal_year_start;
  const first = parseMonth(months[0]!);
  const last = parseMonth(months[months.length - 1]!);
  const years = planYears(data, months);
  const out: Lint[] = [];
  for (const kpi of kpis) {
    const grain = PLANNING_GRAIN_OF_FREQUENCY[kpi.frequency];
    if (!computed.values[kpi.id]?.[grain]) continue;
    const additive = isAdditive(kpi);
    // A period the KPI has no value for (e.g. retention whose activity window reaches before the
    // data) has nothing a target could judge.
    const unvalued = new Set(computed.values[kpi.id]![grain]!.filter((v) => v.value === null).map((v) => v.period));
    const missing = computed.periods[grain].filter(
      (p) => !unvalued.has(p.label) && years.has(fiscalYearOf(p, fyStart)) && !book.find(kpi.id, p, { dim: 'company' }, additive, fyStart, first, last),
    );
    if (!missing.length) continue;
    const file = targetsFileOf(data, fiscalYearOf(missing[0]!, fyStart));
    out.push({
      level: 'warning',
      code: 'no-target',
      kpi: kpi.id,
      period: missing[0]!.label,
      periods: missing.map((p) => p.label),
      file,
      message: {
        id: `KPI ${kpi.title.id} belum punya target untuk ${ranges(missing, 'id')}: tetapkan di ${file} (langkah ketiga: tentukan target untuk setiap indikator)`,
        en: `KPI ${kpi.title.en} has no target for ${ranges(missing, 'en')}: set one in ${file} (the third step: set a target for every indicator)`,
      },
    });
  }
  return out;
}

/**
 * A goal whose KPI has no target for a plan year: the goal card cannot say whether the year is
 * on course. The year target is the one the goal card uses (given, or the sum of the twelve month
 * targets for KPIs that add up). Points at the goal's `kpi:` line in goals.yaml.
 */
export function lintGoals(kpis: Kpi[], data: ValidData, months: string[], computed?: ComputeResult): Lint[] {
  if (!months.length) return [];
  const book = new TargetBook(data.targets.flatMap((f) => f.records));
  const fyStart = data.company.fiscal_year_start;
  const years = [...planYears(data, months)].sort((a, b) => a - b);
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const out: Lint[] = [];
  const goals = data.goals;
  goals.records.forEach((g, i) => {
    const kpi = g.kpi ? byId.get(g.kpi) : undefined;
    if (!kpi) return;
    // A year the KPI has no value for (retention whose window reaches before the data) has nothing to judge.
    const unvalued = new Set(computed?.values[kpi.id]?.year?.filter((v) => v.value === null).map((v) => v.period));
    const missing = years.filter((y) => {
      if (unvalued.has(String(y))) return false;
      const [a, b] = monthsOf('year', y, fyStart);
      const info: PeriodInfo = { grain: 'year', index: y, label: String(y), start: '', end: '', partial: false };
      return !book.find(kpi.id, info, { dim: 'company' }, isAdditive(kpi), fyStart, a, b);
    });
    if (!missing.length) return;
    const list = missing.join(', ');
    out.push({
      level: 'warning',
      code: 'goal-without-year-target',
      kpi: kpi.id,
      goal: g.id,
      period: String(missing[0]),
      periods: missing.map(String),
      file: goals.file,
      at: [...goals.listAt, goals.index[i]!, 'kpi'],
      message: {
        id: `Tujuan ${g.title.id} diukur dengan ${kpi.title.id}, yang belum punya target tahun ${list}: tetapkan di ${targetsFileOf(data, missing[0]!)}`,
        en: `Goal ${g.title.en} is measured by ${kpi.title.en}, which has no target for the year ${list}: set one in ${targetsFileOf(data, missing[0]!)}`,
      },
    });
  });
  return out;
}

/** A target far beyond anything achieved before: see UNREALISTIC_MARGIN and the rules above it. */
export function lintTargets(kpis: Kpi[], files: RecordFile<Target>[], computed: ComputeResult): Lint[] {
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const histories = new Map<string, Map<number, number>>();
  const historyOf = (kpi: Kpi, grain: Grain, scope: TargetScope): Map<number, number> | null => {
    const key = `${kpi.id}|${grain}|${scope.dim === 'company' ? '' : `${scope.dim}:${scope.member}`}`;
    let h = histories.get(key);
    if (!h) {
      h = history(computed.values[kpi.id]?.[grain], computed.periods[grain], scope);
      histories.set(key, h);
    }
    return h;
  };
  const out: Lint[] = [];
  for (const f of files) {
    f.records.forEach((t, i) => {
      const kpi = byId.get(t.kpi);
      const p = parsePeriod(t.period);
      if (!kpi || !p || !computed.values[kpi.id]?.[p.grain]) return;
      const scope: TargetScope = t.rep ? { dim: 'rep', member: t.rep } : t.region ? { dim: 'region', member: t.region } : t.category ? { dim: 'category', member: t.category } : { dim: 'company' };
      if (scope.dim !== 'company' && !kpi.breakdowns.some((b) => b.by === scope.dim)) return;
      const verdict = judge(kpi, p.grain, p.index, t.value, historyOf(kpi, p.grain, scope)!, scope.dim !== 'company');
      if (!verdict) return;
      const who = scope.dim === 'company' ? null : scope;
      const subject = (lang: 'id' | 'en') => {
        const title = kpi.title[lang];
        const member = who ? (lang === 'id' ? ` untuk ${DIM_WORDS[who.dim].id} ${who.member}` : ` for ${DIM_WORDS[who.dim].en} ${who.member}`) : '';
        return lang === 'id' ? `Target ${title}${member} ${t.period}` : `The ${title} target${member} for ${t.period}`;
      };
      out.push({
        level: 'warning',
        code: 'unrealistic-target',
        kpi: kpi.id,
        period: t.period,
        ...(who ? { scope: { dim: who.dim, member: who.member } } : {}),
        file: f.file,
        at: [...f.listAt, f.index[i]!, 'value'],
        message: { id: `${subject('id')} ${verdict.id}`, en: `${subject('en')} ${verdict.en}` },
      });
    });
  }
  return out;
}

const DIM_WORDS = {
  rep: { id: 'sales', en: 'rep' },
  region: { id: 'wilayah', en: 'region' },
  category: { id: 'kategori', en: 'category' },
} as const;

const GRAIN_WORDS: Record<Grain, { id: string; en: string }> = {
  month: { id: 'bulan', en: 'month' },
  quarter: { id: 'kuartal', en: 'quarter' },
  year: { id: 'tahun', en: 'year' },
};

/** The scope's values in complete, final periods of a grain: period index -> value. */
function history(values: KpiPeriodValue[] | undefined, periods: PeriodInfo[], scope: TargetScope): Map<number, number> {
  const out = new Map<number, number>();
  values?.forEach((v, i) => {
    const info = periods[i];
    if (!info || info.partial || v.notes.includes('maturing')) return;
    const value = scope.dim === 'company' ? v.value : (v.breakdowns[scope.dim]?.find((m) => m.member === scope.member)?.value ?? null);
    if (value !== null && Number.isFinite(value)) out.set(info.index, value);
  });
  return out;
}

/** Why a target is unrealistic, in both languages; null when it is not (or cannot be judged). */
function judge(kpi: Kpi, grain: Grain, index: number, target: number, h: Map<number, number>, scoped: boolean): { id: string; en: string } | null {
  const higher = kpi.direction === 'higher';
  const g = GRAIN_WORDS[grain];
  // A per-rep KPI's total is an average, but each member's value is an amount that adds up.
  if (isAdditive(kpi) || (scoped && kpi.formula.op === 'per_rep')) {
    // Improvement over a reference: growth when higher is better, a cut when lower is.
    const better = (v: number, ref: number) => (higher ? v / ref - 1 : 1 - v / ref);
    const year = perYear(grain);
    let best = -Infinity;
    let pairs = 0;
    for (const [i, v] of h) {
      const before = h.get(i - year);
      if (before !== undefined && before > 0) {
        best = Math.max(best, better(v, before));
        pairs++;
      }
    }
    const base = h.get(index - year);
    // A target the scope already reached once is never unrealistic.
    const record = higher ? Math.max(...h.values()) : Math.min(...h.values());
    if (h.size && (higher ? target <= record : target >= record)) return null;
    if (pairs >= MIN_HISTORY && base !== undefined && base > 0) {
      const needed = better(target, base);
      if (needed <= best + GROWTH_MARGIN) return null;
      const what = higher ? { id: 'pertumbuhan', en: 'growth' } : { id: 'penurunan', en: 'a cut of' };
      return {
        id: `butuh ${what.id} ${pct(needed, 'id')} dari ${g.id} yang sama tahun lalu; yang terbaik pernah dicapai ${pct(best, 'id')}`,
        en: higher
          ? `needs ${pct(needed, 'en')} growth on the same ${g.en} last year; the best ever achieved is ${pct(best, 'en')}`
          : `needs a cut of ${pct(needed, 'en')} on the same ${g.en} last year; the best ever achieved is ${pct(best, 'en')}`,
      };
    }
    if (h.size < MIN_HISTORY) return null;
    // Too little of a year before to compare with (a rep who joined this year): against the best period.
    if (record <= 0 || better(target, record) <= NEW_MARGIN) return null;
    return {
      id: `(${num(target, kpi.unit, 'id')}) ${pct(better(target, record), 'id')} ${higher ? 'di atas' : 'di bawah'} ${g.id} terbaiknya sejauh ini (${num(record, kpi.unit, 'id')})`,
      en: `(${num(target, kpi.unit, 'en')}) is ${pct(better(target, record), 'en')} ${higher ? 'above' : 'below'} its best ${g.en} so far (${num(record, kpi.unit, 'en')})`,
    };
  }
  if (h.size < MIN_HISTORY) return null;
  const values = [...h.values()];
  const record = higher ? Math.max(...values) : Math.min(...values);
  const shown = { id: `(${num(target, kpi.unit, 'id')})`, en: `(${num(target, kpi.unit, 'en')})` };
  const bestText = (lang: 'id' | 'en') => num(record, kpi.unit, lang);
  if (kpi.formula.op === 'growth') {
    // Values around zero: the distance in points.
    const beyond = higher ? target - record : record - target;
    if (beyond <= LEVEL_POINTS) return null;
    const pts = (lang: 'id' | 'en') => (beyond * 100).toFixed(1).replace('.', lang === 'id' ? ',' : '.');
    return {
      id: `${shown.id} ${pts('id')} poin ${higher ? 'di atas' : 'di bawah'} ${g.id} terbaik sejauh ini (${bestText('id')})`,
      en: `${shown.en} is ${pts('en')} points ${higher ? 'above' : 'below'} the best ${g.en} so far (${bestText('en')})`,
    };
  }
  if (record <= 0) return null;
  const beyond = higher ? target / record - 1 : 1 - target / record;
  if (beyond <= LEVEL_MARGIN) return null;
  return {
    id: `${shown.id} ${pct(beyond, 'id')} ${higher ? 'di atas' : 'di bawah'} ${g.id} terbaik sejauh ini (${bestText('id')})`,
    en: `${shown.en} is ${pct(beyond, 'en')} ${higher ? 'above' : 'below'} the best ${g.en} so far (${bestText('en')})`,
  };
}

function pct(x: number, lang: 'id' | 'en'): string {
  return `${(x * 100).toFixed(0)}${lang === 'id' ? ' %' : '%'}`;
}

/** A value in its unit, plainly (the report has no locale-aware formatting of its own). */
function num(v: number, unit: Kpi['unit'], lang: 'id' | 'en'): string {
  const dec = (x: number, d: number) => {
    const [int, frac] = Math.abs(x).toFixed(d).split('.');
    const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'id' ? '.' : ',');
    return `${x < 0 ? '-' : ''}${grouped}${frac ? (lang === 'id' ? ',' : '.') + frac : ''}`;
  };
  switch (unit) {
    case 'currency':
      return dec(v, 0);
    case 'percent':
      return `${dec(v * 100, 1)}${lang === 'id' ? ' %' : '%'}`;
    case 'days':
      return `${dec(v, 1)} ${lang === 'id' ? 'hari' : 'days'}`;
    case 'hours':
      return `${dec(v, 1)} ${lang === 'id' ? 'jam' : 'hours'}`;
    case 'count':
      return dec(v, 0);
    default:
      return dec(v, 2);
  }
}

function fiscalYearOf(p: PeriodInfo, fyStart: number): number {
  return periodOf('year', monthsOf(p.grain, p.index, fyStart)[0], fyStart);
}

/** "2025-01 to 2025-12, 2026-03": runs of consecutive periods. */
function ranges(periods: PeriodInfo[], lang: 'id' | 'en'): string {
  const runs: [PeriodInfo, PeriodInfo][] = [];
  for (const p of periods) {
    const run = runs[runs.length - 1];
    if (run && p.index === run[1].index + 1) run[1] = p;
    else runs.push([p, p]);
  }
  return runs.map(([a, b]) => (a === b ? a.label : `${a.label} ${lang === 'id' ? 's.d.' : 'to'} ${b.label}`)).join(', ');
}

/** The last closed month (the one before `today`'s) has no data, or months are missing in between. */
function lintData(months: string[], today: string | undefined): Lint[] {
  const out: Lint[] = [];
  const have = new Set(months);
  if (months.length > 1) {
    for (let mi = parseMonth(months[0]!); mi <= parseMonth(months[months.length - 1]!); mi++) {
      if (!have.has(monthLabel(mi))) {
        out.push({
          level: 'warning',
          code: 'missing-month',
          period: monthLabel(mi),
          file: `data/${monthLabel(mi).replace('-', '/')}/`,
          message: { id: `Tidak ada data untuk ${monthLabel(mi)}`, en: `There is no data for ${monthLabel(mi)}` },
        });
      }
    }
  }
  if (today && months.length) {
    const lastClosed = monthIndex(+today.slice(0, 4), +today.slice(5, 7)) - 1;
    const last = parseMonth(months[months.length - 1]!);
    if (last < lastClosed) {
      out.push({
        level: 'warning',
        code: 'stale-data',
        period: monthLabel(lastClosed),
        file: `data/${monthLabel(lastClosed).replace('-', '/')}/`,
        message: {
          id: `Data berhenti di ${monthLabel(last)}; bulan tertutup terakhir adalah ${monthLabel(lastClosed)}`,
          en: `The data stops at ${monthLabel(last)}; the last closed month is ${monthLabel(lastClosed)}`,
        },
      });
    }
  }
  return out;
}

