/** What the interpreter and the scans read besides a formula: the data, the grain and its periods, the breakdowns asked for, and the memo every formula of one run shares. */
import type { Grain } from '../calendar/periods.ts';
import type { WeekStart } from '../calendar/weeks.ts';
import type { WorkCalendar } from '../calendar/working-days.ts';
import type { Dataset } from '../dataset/build-dataset.ts';
import type { Breakdown, Kpi } from '../kpi/schema.ts';
import type { Series } from './value.ts';

export interface RepSpan {
  code: number;
  /** Day numbers (days since 1970-01-01), inclusive; left is Infinity while employed. */
  joined: number;
  left: number;
}

/** The week grain (compute/week-view.ts): the company's week start and the days the data covers. */
export interface WeekContext {
  start: WeekStart;
  /** First and last day with data (day numbers): the first day of the first month, the last of the last. */
  firstDay: number;
  lastDay: number;
}

export interface EvalContext {
  ds: Dataset;
  fyStart: number;
  grain: Grain;
  /** The grain's period indices covered by the data, in order. */
  periods: number[];
  /** First and last month index with data (with `week`: the first and last week index). */
  firstMonth: number;
  lastMonth: number;
  /**
   * Present for the week grain: then ds is a week view, grain is 'month' and every "month" of
   * the engine is a week index (compute/week-view.ts).
   */
  week?: WeekContext;
  breakdowns: Breakdown[];
  kpis: Map<string, Kpi>;
  calendar: WorkCalendar;
  reps: RepSpan[];
  memo: Map<string, Series>;
}
