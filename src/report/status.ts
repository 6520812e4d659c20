/**
 * The one place a number is judged: attainment, the gap to the target and the status, aware of
 * direction (for "lower is better" beating the target means being below it) and of how the KPI
 * is judged. Every status in the report model, and so on every page and in the CLI, comes from
 * `judge` below. Pure.
 *
 * Two ways of judging (docs/kpi-definitions.md, "Status bands"):
 * - `ratio`: attainment = value ÷ target (target ÷ value when lower is better); on track at ≥ 1,
 *   at risk at ≥ `thresholds.at_risk`. For amounts, counts, days, hours, scores and per-day rates,
 *   whose values and targets are above zero.
 * - `points`: the difference value − target, in points for percent KPIs (1 point = 0.01); on track
 *   when on the right side of the target, at risk when short of it by at most
 *   `thresholds.at_risk_points`. For percent KPIs (rates, shares, growth), whose values or
 *   targets can be zero or negative: a growth of 1.5 % against a target of −2 % is 3.5 points
 *   ahead, not "−75 % attainment". Attainment is then null (it means nothing).
 * Which way a KPI is judged, and its band, is part of its definition: kpi/judging.ts (`judgingOf`).
 */
import type { Kpi } from '../kpi/schema.ts';
import type { Judging } from '../kpi/judging.ts';

export type Status = 'on-track' | 'at-risk' | 'off-track';
/** Why a value that has a target is not judged: a cohort still maturing, or part of a period against a whole period's target. */
export type NotFinal = 'maturing' | 'partial';

/**
 * How each status is drawn, decided here once: a text mark and a chart symbol of the same shape
 * (● on track, ◆ at risk, ■ off track), always beside the status in words. Triangles are kept for
 * direction (a value that went up or down), so a shape never means both.
 */
export const STATUS_SHAPE: Record<Status, { mark: '●' | '◆' | '■'; symbol: 'circle' | 'diamond2' | 'square' }> = {
  'on-track': { mark: '●', symbol: 'circle' },
  'at-risk': { mark: '◆', symbol: 'diamond2' },
  'off-track': { mark: '■', symbol: 'square' },
};

/** Whether a change is good news for a KPI: up is good when higher is better, down when lower is better; `flat` without a change. */
export function toneOf(change: number | null | undefined, direction: 'higher' | 'lower'): 'good' | 'bad' | 'flat' {
  if (!change) return 'flat';
  return (direction === 'higher') === change > 0 ? 'good' : 'bad';
}

// Attainment computed from sums of fractions carries float noise (0.6 / 0.6000000000000001).
const EPSILON = 1e-9;

/** One judged number: what the report model carries beside every value that can have a target. */
export interface Judgement {
  /** value ÷ target (target ÷ value when lower is better); null when judged in points or when the ratio means nothing (a target or value at or below zero). */
  attainment: number | null;
  /** value − target in the KPI's unit (a fraction for percent KPIs: 0.035 = 3.5 points); null without both. */
  gap: number | null;
  status: Status | null;
  /** Set when the value has a target but is not judged yet; the status is then null. */
  notFinal: NotFinal | null;
}

/**
 * Judges a value against its target. `notFinal` withholds the status (a maturing cohort, a
 * partial period against a whole period's target): the status is then null, whatever the numbers.
 */
export function judge(value: number | null, target: number | null, kpi: { unit: Kpi['unit']; direction: 'higher' | 'lower'; judging: Judging }, notFinal: NotFinal | null = null): Judgement {
  const { direction, judging } = kpi;
  const gap = value !== null && target !== null ? value - target : null;
  if (value === null || target === null) return { attainment: null, gap, status: null, notFinal: null };
  if (notFinal) return { attainment: judging.judge === 'ratio' ? ratioOf(value, target, direction) : null, gap, status: null, notFinal };
  if (judging.judge === 'points') {
    // How far short of the target; the band is in points for percent KPIs (whose unit is a fraction), else in the KPI's unit.
    const short = direction === 'higher' ? target - value : value - target;
    const band = kpi.unit === 'percent' ? judging.at_risk_points / 100 : judging.at_risk_points;
    const status: Status = short <= EPSILON ? 'on-track' : short <= band + EPSILON ? 'at-risk' : 'off-track';
    return { attainment: null, gap, status, notFinal: null };
  }
  const attainment = ratioOf(value, target, direction);
  // A target or value at or below zero makes the ratio meaningless: met when on the right side.
  const status = attainment === null ? ((direction === 'higher' ? value >= target : value <= target) ? 'on-track' : 'off-track') : statusOfAttainment(attainment, judging.at_risk);
  return { attainment, gap, status, notFinal: null };
}

/** The status of an attainment ratio. */
function statusOfAttainment(a: number, atRisk: number): Status {
  return a >= 1 - EPSILON ? 'on-track' : a >= atRisk - EPSILON ? 'at-risk' : 'off-track';
}

/** value ÷ target (target ÷ value when lower is better), or null when either side is at or below zero. */
function ratioOf(value: number, target: number, direction: 'higher' | 'lower'): number | null {
  if (direction === 'higher') return target > 0 && value >= 0 ? value / target : null;
  return value > 0 && target >= 0 ? target / value : null;
}

/**
 * Fewer records than this behind a breakdown member's value (kpi/basis.ts: orders, leads,
 * surveys…) and the value is too thin to judge a person or a region by: the site marks it. Ten,
 * because one record more or less then moves a rate by ten points or more.
 */
export const MIN_RECORDS = 10;
