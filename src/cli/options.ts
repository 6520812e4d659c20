/**
 * Options several commands share, compute's options and today's date: what `capaian compute` is
 * keyed by when its output is kept (kept-compute.ts reads them before the CLI is loaded, so they
 * live here, apart from the command table and what it loads).
 */
import { PERIOD_FORMS } from '../calendar/periods.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value's placeholder in the usage: DIR, FILE, REF. */
  value?: string;
  help: string;
  default?: string;
  /** The only values accepted (checked, with "did you mean"). */
  choices?: readonly string[];
  /** The command cannot run without it. */
  required?: boolean;
  /** What a value looks like, for the one-line error when it is missing: "a month 2026-03, a quarter 2026-Q1 or a year 2026". */
  forms?: string;
}

export type Values = Record<string, string | boolean | undefined>;

export const ROOT: OptionSpec = { type: 'string', value: 'DIR', default: '.', help: 'the data repository (default: the current folder)' };
export const NO_CACHE: OptionSpec = { type: 'boolean', help: 'read every month file again (also CAPAIAN_CACHE=off; CAPAIAN_CACHE=DIR moves the cache)' };
export const LANG: OptionSpec = { type: 'string', value: 'LANG', choices: ['id', 'en'], help: "the language (default: the company's locale)" };

export const COMPUTE_OPTIONS: Record<string, OptionSpec> = {
  root: ROOT,
  period: { type: 'string', value: 'PERIOD', forms: PERIOD_FORMS, help: `${PERIOD_FORMS} (default: the latest month)` },
  kpi: { type: 'string', value: 'ID', help: 'one KPI (its file name in kpis/), with its breakdowns' },
  format: { type: 'string', value: 'FORMAT', choices: ['table', 'json', 'csv'], default: 'table', help: 'table (coloured in a terminal), json (the report model) or csv (columns in docs/report-format.md)' },
  lang: LANG,
  'no-cache': { ...NO_CACHE, help: 'compute again (not the output kept from an unchanged repository) and read every month file again (also CAPAIAN_CACHE=off)' },
};

/** Today's date where the command runs (the only clock read: for the stale-data warning, statuses not final yet, due dates). */
export function todayIn(): string {
  return process.env.CAPAIAN_TODAY ?? new Date().toISOString().slice(0, 10);
}
