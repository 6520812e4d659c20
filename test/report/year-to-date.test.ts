/** Year to date, worked by hand from the fixture site (fiscal year from January, data January to April 2026). */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportKpi } from '../../src/report/model.ts';
import { yearToDate } from '../../src/report/year-to-date.ts';
import { sampleReport } from '../support/repo.ts';

const ROOT = fileURLToPath(new URL('../fixtures/site/', import.meta.url));
let report: Report;
let sales: ReportKpi;
const month = (kpi: ReportKpi, p: string) => kpi.values.month!.find((v) => v.period === p)!;
beforeAll(() => {
  report = sampleReport(ROOT);
  sales = report.kpis.find((k) => k.id === 'net-sales')!;
});

describe('year to date', () => {
  it('sums January to March of a KPI that adds up, values and targets, and judges the sum', () => {
    const ytd = yearToDate(report, sales, 'month', '2026-03')!;
    const ms = ['2026-01', '2026-02', '2026-03'].map((p) => month(sales, p));
    expect(ytd.months).toEqual(['2026-01', '2026-03']);
    expect(ytd.value).toBeCloseTo(ms.reduce((s, v) => s + v.value!, 0), 6);
    const targets = ms.map((v) => v.target);
    if (targets.every((t) => t !== null)) {
      expect(ytd.target).toBeCloseTo(targets.reduce((s, t) => s + t!, 0), 6);
      expect(ytd.attainment).toBeCloseTo(ytd.value! / ytd.target!, 9);
    } else expect(ytd.target).toBeNull();
  });

  it('is the year’s own value, with its status, for the month the data ends with', () => {
    const ytd = yearToDate(report, sales, 'month', '2026-04')!;
    const y = sales.values.year!.find((v) => v.period === '2026')!;
    expect(ytd).toMatchObject({ year: '2026', months: ['2026-01', '2026-04'], value: y.value, target: y.target, status: y.status });
  });

  it('has none for a year report, nor for a rate of an earlier month', () => {
    expect(yearToDate(report, sales, 'year', '2026')).toBeNull();
    const rate = report.kpis.find((k) => !k.additive && k.values.month?.length)!;
    expect(yearToDate(report, rate, 'month', '2026-02')).toBeNull();
    // …but a rate has one for the month the data ends with: the year's value.
    expect(yearToDate(report, rate, 'month', '2026-04')?.value).toBe(rate.values.year?.find((v) => v.period === '2026')?.value);
  });
});
