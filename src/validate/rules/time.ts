/** Each record sits in the file of its month; targets sit in the file of their fiscal year. */
import { monthLabel, parseMonth } from '../../calendar/periods.ts';
import { parseWeek, weeksInYear } from '../../calendar/weeks.ts';
import { dayText, instantOf, localDay, monthOfDay } from '../../ingest/days.ts';
import { issue, type PendingIssue } from '../../issues/issue.ts';
import type { RuleContext } from './context.ts';
import { eachRecord } from './each-record.ts';

export function placedInTime({ data }: RuleContext): PendingIssue[] {
  const out: PendingIssue[] = [];
  const tz = data.company.timezone;
  const outside = (day: string, month: string | undefined, file: string, at: (string | number)[], field: string, shown: string) => {
    if (!month || day.slice(0, 7) === month) return;
    out.push(
      issue(file, [...at, field], 'wrong-month', `${field} ${shown} is not in ${month}, the month of this file`, `move the record to data/${day.slice(0, 4)}/${day.slice(5, 7)}/${file.split('/').pop()}, or correct the ${field === 'date' ? 'date' : 'date-time'}`),
    );
  };
  eachRecord(data.orders, (o, file, at, src) => outside(o.date, src.month, file, at, 'date', o.date));
  eachRecord(data.surveys, (s, file, at, src) => outside(s.date, src.month, file, at, 'date', s.date));
  // Date-times: the company-local day, as a number first (millions of activities), as text only
  // for a record outside its month.
  const placed = (written: string, src: { month?: string }, file: string, at: (string | number)[], field: string) => {
    if (!src.month) return;
    const d = localDay(instantOf(written, tz), tz);
    if (monthOfDay(d) === parseMonth(src.month)) return;
    const day = dayText(d);
    outside(day, src.month, file, at, field, shownDateTime(written, day));
  };
  eachRecord(data.leads, (l, file, at, src) => placed(l.created, src, file, at, 'created'));
  eachRecord(data.activities, (a, file, at, src) => placed(a.at, src, file, at, 'at'));

  const fyStart = data.company.fiscal_year_start;
  eachRecord(data.targets, (t, file, at, src) => {
    const year = src.year!;
    const p = t.period;
    let fiscalYear = p.length === 7 && !p.includes('Q') ? fiscalYearOf(p, fyStart) : +p.slice(0, 4);
    if (p.includes('W')) {
      // A week sits in the fiscal year of its fourth day, the day that names its week-year.
      const w = parseWeek(p, data.company.week_start);
      if (!w) {
        out.push(issue(file, [...at, 'period'], 'bad-week', `period ${p} is not a week: ${p.slice(0, 4)} has ${weeksInYear(+p.slice(0, 4), data.company.week_start)} weeks`, `write a week from ${p.slice(0, 4)}-W01 to ${p.slice(0, 4)}-W${weeksInYear(+p.slice(0, 4), data.company.week_start)}`));
        return;
      }
      const mid = new Date((w.first + 3) * 86_400_000);
      fiscalYear = fiscalYearOf(monthLabel(mid.getUTCFullYear() * 12 + mid.getUTCMonth()), fyStart);
    }
    if (fiscalYear !== year) {
      out.push(
        issue(file, [...at, 'period'], 'wrong-year', `period ${p} is not in fiscal year ${year}, the year of this file`, `move it to data/targets/${fiscalYear}.yaml${fyStart !== 1 ? ` (the fiscal year starts in month ${fyStart})` : ''}`),
      );
    }
  });
  return out;
}

/** Fiscal years are named by the calendar year they start in. */
export function fiscalYearOf(month: string, fyStart: number): number {
  const y = +month.slice(0, 4);
  const m = +month.slice(5, 7);
  return m >= fyStart ? y : y - 1;
}

function shownDateTime(written: string, localDay: string): string {
  return written.slice(0, 10) === localDay ? written : `${written} (${localDay} in company time)`;
}
