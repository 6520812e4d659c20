/**
 * The dashboard's one-sentence summary (src/report/summary.ts with the site's words), on the
 * hand-built report of dashboard-fixture.ts: the counts, the headline and the goal furthest
 * behind worked by hand, then every sentence in both languages held in a golden file.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countPhrase, judgementPhrase, summaryFacts, summarySentence, yearOnYearPhrase } from '../../src/report/summary.ts';
import { summaryWords } from '../../src/site/words/summary.ts';
import { expectGolden } from '../support/golden.ts';
import { KPIS, REPORT } from './dashboard-fixture.ts';

/** The period's counts as the report model holds them (test/report/insights.test.ts works them by hand). */
const countsOf = (period: string) => REPORT.insights.month[period]!.counts;

const GOLDEN = fileURLToPath(new URL('./golden/summary.txt', import.meta.url));
const en = summaryWords('en');
const id = summaryWords('id');

describe('countPhrase', () => {
  it('names every status with KPIs, and leaves out the ones with none', () => {
    expect(countPhrase(countsOf('2026-10'), en)).toBe('2 of 8 KPIs on track, 1 at risk, 3 off track and 1 not final');
    expect(countPhrase(countsOf('2026-10'), id)).toBe('2 dari 8 KPI sesuai target, 1 berisiko, 3 meleset dan 1 belum final');
    expect(countPhrase(countsOf('2026-09'), en)).toBe('3 of 5 KPIs on track and 2 off track');
    // October 2025 has net sales alone, without a target.
    expect(countPhrase(countsOf('2025-10'), en)).toBe('1 KPI, none judged against a target');
  });
});

describe('judgementPhrase and yearOnYearPhrase', () => {
  const [netSales, , conversion] = KPIS;
  it('says attainment for a ratio, points for a percent KPI judged in points', () => {
    expect(judgementPhrase(netSales!, { attainment: 1.02, gap: 20_000_000, notFinal: null }, 'IDR', en)).toBe('102% of target');
    // 21 % against 25 %: 4 points below.
    expect(judgementPhrase(conversion!, { attainment: null, gap: 0.21 - 0.25, notFinal: null }, 'IDR', en)).toBe('4 pts below target');
    expect(judgementPhrase(conversion!, { attainment: null, gap: 0.21 - 0.25, notFinal: null }, 'IDR', id)).toBe('4 poin di bawah target');
    expect(judgementPhrase(conversion!, { attainment: null, gap: null, notFinal: null }, 'IDR', en)).toBe('');
  });
  it('compares with the same month a year before: 1 020 000 000 against 850 000 000 is +20 %', () => {
    const v = netSales!.values.month!.find((x) => x.period === '2026-10')!;
    expect(yearOnYearPhrase(netSales!, v.lastYear, 'IDR', en)).toBe('+20% vs October 2025');
    expect(yearOnYearPhrase(netSales!, v.lastYear, 'IDR', id)).toBe('+20 % dibanding Oktober 2025');
    expect(yearOnYearPhrase(netSales!, undefined, 'IDR', en)).toBe('');
  });
});

describe('summaryFacts', () => {
  it('takes the first goal with a value as the headline and the goal furthest behind in its own band', () => {
    const oct = summaryFacts(REPORT, '2026-10')!;
    expect(oct.headline?.kpi.id).toBe('net-sales');
    // Conversion is 4 points short with a 2-point band (2 bands); satisfaction 5 % short with a 5 % band (1 band).
    expect(oct.goalBehind?.goal.id).toBe('convert');
    expect(oct.goalBehind?.severity).toBeCloseTo(2, 9);
    // September: net sales 80 % with a 10 % band is 2 bands behind; conversion is on track.
    expect(summaryFacts(REPORT, '2026-09')!.goalBehind?.goal.id).toBe('grow-sales');
  });
});

describe('summarySentence', () => {
  it('says it in one sentence, worked by hand', () => {
    expect(summarySentence(REPORT, '2026-10', en)).toBe(
      'October 2026: 2 of 8 KPIs on track, 1 at risk, 3 off track and 1 not final; Net Sales Rp 1.02bn, 102% of target, +20% vs October 2025; the goal furthest behind: “Turn more leads into customers” (Conversion, 4 pts below target).',
    );
    expect(summarySentence(REPORT, '2026-09', en)).toBe(
      'September 2026: 3 of 5 KPIs on track and 2 off track; Net Sales Rp 800m, 80% of target; the goal furthest behind: “Grow net sales” (Net Sales, 80% of target).',
    );
  });

  it('matches the golden sentences in both languages', async () => {
    const lines = ['2026-10', '2026-09', '2025-10'].flatMap((p) => [`${p} id: ${summarySentence(REPORT, p, id)}`, `${p} en: ${summarySentence(REPORT, p, en)}`]);
    await expectGolden(GOLDEN, `${lines.join('\n')}\n`);
  });

  it('says nothing for a label that is not a period', () => {
    expect(summarySentence(REPORT, 'latest', en)).toBe('');
  });
});
