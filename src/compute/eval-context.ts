/** What the interpreter and the scans read besides a formula: the data, the grain and its periods, the breakdowns asked for, and the memo every formula of one run shares. */
import type { Grain } from '../calendar/periods.ts';
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

export interface EvalContext {
  ds: Dataset;
  fyStart: number;
  grain: Grain;
  /** The grain's period indices covered by the data, in order. */
  periods: number[];
  /** First and last month index with data. */
  firstMonth: number;
  lastMonth: number;
  breakdowns: Breakdown[];
  kpis: Map<string, Kpi>;
  calendar: WorkCalendar;
  reps: RepSpan[];
  memo: Map<string, Series>;
}
