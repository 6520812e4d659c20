/**
 * The executive summary of the period reports, from the fixture site's report model: golden text
 * in both languages for a whole month, a quarter and the (partial) year, and hand-checked
 * properties that hold whatever the wording.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grain } from '../../src/calendar/periods.ts';
import { executiveSummary, headlineKpi, summaryPeriodName } from '../../src/report/executive-summary.ts';
import type { Report } from '../../src/report/model.ts';
import { expectGolden } from '../support/golden.ts';
import { sampleReport } from '../support/repo.ts';

const ROOT = fileURLToPath(new URL('../fixtures/site/', import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`golden/${name}`, import.meta.url));
let report: Report;
beforeAll(() => {
  report = sampleReport(ROOT);
});

const pick = (grain: Grain, fromEnd: number) => report.periods[grain][report.periods[grain].length - 1 - fromEnd]!.label;

describe('executive summary', () => {
  it('reads the same as the golden, in both languages, for months, a quarter and the year', async () => {
    const periods: [Grain, string][] = [
      ['month', pick('month', 0)],
      ['month', pick('month', 1)],
      ['quarter', pick('quarter', 0)],
      ['year', pick('year', 0)],
    ];
    for (const lang of ['id', 'en'] as const) {
      const text = periods
        .map(([grain, p]) => `## ${grain} ${p}\n\n${executiveSummary(report, grain, p, lang).map((s) => `- [${s.kind}] ${s.text}`).join('\n')}\n`)
        .join('\n');
      await expectGolden(golden(`executive-summary.${lang}.md`), text);
    }
  });

  it('counts the statuses the insights count, and names every off-track KPI or says how many more', () => {
    const p = pick('month', 0);
    const ins = report.insights.month[p]!;
    const s = executiveSummary(report, 'month', p, 'en');
    const c = ins.counts;
    expect(s[0]!.text).toContain(`of ${c['on-track'] + c['at-risk'] + c['off-track']} KPIs judged against a target`);
    expect(s[0]!.text).toContain(`${c['off-track']} off track`);
    const off = report.kpis.filter((k) => k.values.month?.find((v) => v.period === p)?.status === 'off-track');
    const missed = s.find((x) => x.text.startsWith('Off track:'));
    if (off.length === 0) expect(missed).toBeUndefined();
    else for (const k of off.slice(0, 3)) expect(missed!.text).toContain(k.title.en);
  });

  it('leads with the first goal KPI that has a value, with its value and target as the tables show them', () => {
    const p = pick('month', 0);
    const head = headlineKpi(report, 'month', p)!;
    const goalKpis = report.goals.map((g) => g.kpi).filter(Boolean);
    expect(goalKpis).toContain(head.id);
    const s = executiveSummary(report, 'month', p, 'id').find((x) => x.kind === 'headline')!;
    expect(s.text.startsWith(head.title.id)).toBe(true);
  });

  it('names periods in words in each language', () => {
    expect(summaryPeriodName('2026-10', 'id')).toBe('Oktober 2026');
    expect(summaryPeriodName('2026-10', 'en')).toBe('October 2026');
    expect(summaryPeriodName('2026-Q4', 'id')).toBe('Kuartal 4 2026');
    expect(summaryPeriodName('2026-Q4', 'en')).toBe('Q4 2026');
  });

  it('returns nothing for a period the report does not have', () => {
    expect(executiveSummary(report, 'month', '1999-01', 'en')).toEqual([]);
  });
});

// The committed sample: 24 months, so the same period last year is in the data.
describe('executive summary of the sample', () => {
  let sample: Report;
  beforeAll(() => {
    sample = sampleReport(fileURLToPath(new URL('../../', import.meta.url)));
  }, 120_000);

  it('reads the same as the golden, with last year compared, in both languages', async () => {
    const last = (grain: Grain) => sample.periods[grain].at(-1)!.label;
    for (const lang of ['id', 'en'] as const) {
      const text = (['month', 'quarter'] as const)
        .map((grain) => `## ${grain} ${last(grain)}\n\n${executiveSummary(sample, grain, last(grain), lang).map((s) => `- [${s.kind}] ${s.text}`).join('\n')}\n`)
        .join('\n');
      await expectGolden(golden(`executive-summary.sample.${lang}.md`), text);
    }
    expect(executiveSummary(sample, 'month', last('month'), 'en').some((s) => s.kind === 'last-year')).toBe(true);
  }, 60_000);
});
