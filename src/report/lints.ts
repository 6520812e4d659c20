/**
 * Warnings from the article's common mistakes: a KPI that serves no goal, a target far beyond
 * anything achieved before, data that stopped arriving. They never fail a build unless --strict.
 */
import { monthIndex, monthLabel, parseMonth } from '../calendar/periods.ts';
import type { ComputeResult } from '../compute/compute-kpis.ts';
import type { Kpi } from '../kpi/schema.ts';
import type { Target } from '../schema/targets.ts';

export interface Lint {
  level: 'warning';
  code: 'no-goal' | 'unrealistic-target' | 'stale-data' | 'missing-month';
  kpi?: string;
  period?: string;
  /** The file to change, when there is one. */
  file?: string;
  message: { id: string; en: string };
}

/** A target is unrealistic when it needs growth this far beyond the best year-on-year growth seen. */
export const UNREALISTIC_MARGIN = 0.1;

export function lintKpis(kpis: Kpi[], goals: Set<string>): Lint[] {
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
 * For month targets of "higher is better" KPIs: the growth the target needs over the same month
 * a year before, against the best year-on-year growth ever achieved for that KPI.
 */
export function lintTargets(kpis: Kpi[], targets: Target[], computed: ComputeResult): Lint[] {
  const out: Lint[] = [];
  for (const kpi of kpis) {
    if (kpi.direction !== 'higher' || !['currency', 'count'].includes(kpi.unit)) continue;
    const months = computed.values[kpi.id]?.month;
    if (!months) continue;
    const byLabel = new Map(months.map((m) => [m.period, m.value]));
    let best = -Infinity;
    for (const m of months) {
      const before = byLabel.get(monthLabel(parseMonth(m.period) - 12));
      if (m.value !== null && before) best = Math.max(best, m.value / before - 1);
    }
    if (best === -Infinity) continue;
    for (const t of targets) {
      if (t.kpi !== kpi.id || t.rep || t.region || t.category || !/^\d{4}-\d{2}$/.test(t.period)) continue;
      const base = byLabel.get(monthLabel(parseMonth(t.period) - 12));
      if (!base) continue;
      const needed = t.value / base - 1;
      if (needed > best + UNREALISTIC_MARGIN) {
        const pct = (x: number, lang: 'id' | 'en') => `${(x * 100).toFixed(0)}${lang === 'id' ? ' %' : '%'}`;
        out.push({
          level: 'warning',
          code: 'unrealistic-target',
          kpi: kpi.id,
          period: t.period,
          message: {
            id: `Target ${kpi.title.id} ${t.period} butuh pertumbuhan ${pct(needed, 'id')} dari tahun lalu; yang terbaik pernah dicapai ${pct(best, 'id')}`,
            en: `The ${kpi.title.en} target for ${t.period} needs ${pct(needed, 'en')} growth on last year; the best ever achieved is ${pct(best, 'en')}`,
          },
        });
      }
    }
  }
  return out;
}

/** The last closed month (the one before `today`'s) has no data, or months are missing in between. */
export function lintData(months: string[], today: string | undefined): Lint[] {
  const out: Lint[] = [];
  const have = new Set(months);
  if (months.length > 1) {
    for (let mi = parseMonth(months[0]!); mi <= parseMonth(months[months.length - 1]!); mi++) {
      if (!have.has(monthLabel(mi))) {
        out.push({
          level: 'warning',
          code: 'missing-month',
          period: monthLabel(mi),
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
        message: {
          id: `Data berhenti di ${monthLabel(last)}; bulan tertutup terakhir adalah ${monthLabel(lastClosed)}`,
          en: `The data stops at ${monthLabel(last)}; the last closed month is ${monthLabel(lastClosed)}`,
        },
      });
    }
  }
  return out;
}
