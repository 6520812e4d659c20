/**
 * Which months an import writes: one (`--month 2019-11`), a span (`--months 2016-01..2019-12`),
 * or every month the file's dates cover (`--all-months`). Rows dated outside the months are
 * skipped and counted, never an error: an export often runs past the months asked for.
 */

/** The months an import writes. `all`: from the file's first to its last date. */
export type MonthSpan = { from: string; to: string } | 'all';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** `2016-01..2019-12` (or one month) as a span; a string says what is wrong. */
export function parseMonthSpan(text: string): MonthSpan | string {
  const parts = text.split('..');
  const from = parts[0] ?? '';
  const to = parts[1] ?? from;
  if (parts.length > 2 || !isMonth(from) || !isMonth(to)) return `--months must be FIRST..LAST, months YYYY-MM (2016-01..2019-12), got "${text}"`;
  if (to < from) return `--months runs backwards: ${from} is after ${to}`;
  return { from, to };
}

export function inSpan(span: MonthSpan, month: string): boolean {
  return span === 'all' || (month >= span.from && month <= span.to);
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (let at = from; at <= to; at = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(at);
    if (++m > 12) ((m = 1), y++);
  }
  return out;
}

/** How the span reads in messages: 2019-11, or 2016-01..2019-12. */
export function spanLabel(span: MonthSpan): string {
  return span === 'all' ? 'the file' : span.from === span.to ? span.from : `${span.from}..${span.to}`;
}

/** The month file of a kind: data/2019/11/orders.yaml. */
export function monthPath(month: string, kind: string): string {
  return `data/${month.slice(0, 4)}/${month.slice(5, 7)}/${kind}.yaml`;
}
