/**
 * The volume group: net-sales, units-sold, sales-growth, sales-by-category, sales-by-region.
 * Every expected number is worked out by hand beside its expectation.
 *
 * Base data (test/fixtures/kpi/): C1 jakarta/retail (owner andi), C2 bandung/horeca (budi),
 * C3 surabaya/retail (citra), C4 jakarta/horeca (budi); TEH-1, TEH-2 minuman; ROTI-1, ROTI-2 makanan.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.ts';
import { formatIssue } from '../../src/issues/issue.ts';
import { compute, expectNone, kpiDefinition, line, member, members, repoFiles, sale, type FixtureInput } from './fixture.ts';

describe('volume group', () => {
  it('holds net-sales, units-sold, sales-growth, sales-by-category and sales-by-region', () => {
    for (const id of ['net-sales', 'units-sold', 'sales-growth', 'sales-by-category', 'sales-by-region']) expect(kpiDefinition(id).group).toBe('volume');
  });
});

/** Two orders in January 2026 with discounts, used by several KPIs below. */
const january = {
  orders: [
    {
      date: '2026-01-05',
      customer: 'C1',
      rep: 'andi',
      lines: [line('TEH-1', 10, 5000), line('TEH-2', 2, 9000, { discount: 0.1, kind: 'up-sell' })],
    },
    { date: '2026-01-20', customer: 'C2', rep: 'budi', lines: [line('ROTI-1', 3, 12000, { discount: 0.25 })] },
  ],
} satisfies FixtureInput;

describe('net-sales', () => {
  it('subtracts line discounts', () => {
    const r = compute(january);
    expect(r.at('net-sales', '2026-01').value).toBeCloseTo(10 * 5000 + 2 * 9000 * (1 - 0.1) + 3 * 12000 * (1 - 0.25), 9); // 50000 + 16200 + 27000 = 93200
  });

  it('places each order in the month of its order date', () => {
    const r = compute({ orders: [sale('2026-01-31', 'C1', 7000), sale('2026-02-01', 'C1', 3000)] });
    expect(r.at('net-sales', '2026-01').value).toBe(7000);
    expect(r.at('net-sales', '2026-02').value).toBe(3000);
  });

  it('is 0, not null, in a month whose folder has no records', () => {
    const r = compute({ orders: [sale('2026-01-10', 'C1', 5000), sale('2026-03-10', 'C1', 8000)], emptyMonths: ['2026-02'] });
    expect(r.labels('month')).toEqual(['2026-01', '2026-02', '2026-03']);
    const feb = r.at('net-sales', '2026-02');
    expect(feb.value).toBe(0);
    expect(feb.reason).toBeUndefined();
    expect(member(feb, 'region', 'jakarta').value).toBe(0);
  });

  it('breaks down by customer region, product category, customer segment and order rep', () => {
    const r = compute({
      orders: [
        // C4 is a Jakarta horeca customer owned by budi; andi took this order.
        { date: '2026-01-05', customer: 'C4', rep: 'andi', lines: [line('TEH-1', 4, 5000), line('ROTI-2', 1, 20000, { discount: 0.5 })] },
        { date: '2026-01-06', customer: 'C2', rep: 'budi', lines: [line('ROTI-1', 2, 12000)] },
        { date: '2026-01-07', customer: 'C1', rep: 'andi', lines: [line('TEH-2', 1, 9000)] },
      ],
    });
    const jan = r.at('net-sales', '2026-01');
    // C4: 4*5000 + 1*20000*0.5 = 30000; C2: 2*12000 = 24000; C1: 9000
    expect(jan.value).toBe(30000 + 24000 + 9000);
    expect(members(jan, 'region')).toEqual({ jakarta: 30000 + 9000, bandung: 24000 });
    expect(members(jan, 'category')).toEqual({ minuman: 4 * 5000 + 9000, makanan: 20000 * 0.5 + 2 * 12000 });
    expect(members(jan, 'segment')).toEqual({ retail: 9000, horeca: 30000 + 24000 });
    expect(members(jan, 'rep')).toEqual({ andi: 30000 + 9000, budi: 24000 });
  });

  it('sums a quarter and a year from all their orders', () => {
    const r = compute({ orders: [sale('2026-01-10', 'C1', 1000), sale('2026-02-10', 'C1', 2000), sale('2026-03-10', 'C2', 4000), sale('2026-04-10', 'C2', 8000)] });
    expect(r.at('net-sales', '2026-Q1').value).toBe(1000 + 2000 + 4000);
    expect(r.at('net-sales', '2026-Q2').value).toBe(8000);
    expect(r.at('net-sales', '2026').value).toBe(1000 + 2000 + 4000 + 8000);
  });

  it('follows a fiscal year starting in April: 2026-Q1 is April-June 2026, year 2026 runs to March 2027', () => {
    const r = compute({
      company: { fiscal_year_start: 4 },
      orders: [
        sale('2026-03-31', 'C1', 1), // fiscal 2025-Q4, year 2025
        sale('2026-04-01', 'C1', 10), // 2026-Q1
        sale('2026-06-30', 'C1', 100), // 2026-Q1
        sale('2026-07-01', 'C1', 1000), // 2026-Q2
        sale('2027-03-31', 'C1', 10000), // 2026-Q4, year 2026
        sale('2027-04-01', 'C1', 100000), // 2027-Q1, year 2027
      ],
    });
    expect(r.labels('quarter')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
    expect(r.labels('year')).toEqual(['2025', '2026', '2027']);
    const q1 = r.result.periods.quarter.find((p) => p.label === '2026-Q1')!;
    expect([q1.start, q1.end]).toEqual(['2026-04-01', '2026-06-30']);
    const y2026 = r.result.periods.year.find((p) => p.label === '2026')!;
    expect([y2026.start, y2026.end]).toEqual(['2026-04-01', '2027-03-31']);
    expect(r.at('net-sales', '2025-Q4').value).toBe(1);
    expect(r.at('net-sales', '2026-Q1').value).toBe(10 + 100);
    expect(r.at('net-sales', '2026-Q2').value).toBe(1000);
    expect(r.at('net-sales', '2026-Q4').value).toBe(10000);
    expect(r.at('net-sales', '2026').value).toBe(10 + 100 + 1000 + 10000);
    expect(r.at('net-sales', '2027').value).toBe(100000);
    // The data starts in March 2026 and ends in April 2027: the first and last years are partial.
    expect(r.at('net-sales', '2025').notes).toContain('partial');
    expect(r.at('net-sales', '2026').notes).not.toContain('partial');
  });

  it('counts an order on the leap day 2028-02-29 in February 2028', () => {
    const r = compute({ orders: [sale('2028-02-29', 'C1', 5000), sale('2028-03-01', 'C1', 700)] });
    expect(r.at('net-sales', '2028-02').value).toBe(5000);
    expect(r.at('net-sales', '2028-03').value).toBe(700);
  });
});

describe('units-sold', () => {
  it('adds line quantities, whatever the price or discount', () => {
    const r = compute(january);
    expect(r.at('units-sold', '2026-01').value).toBe(10 + 2 + 3);
  });

  it('breaks down by category, customer region and rep', () => {
    const jan = compute(january).at('units-sold', '2026-01');
    expect(members(jan, 'category')).toEqual({ minuman: 10 + 2, makanan: 3 });
    expect(members(jan, 'region')).toEqual({ jakarta: 12, bandung: 3 });
    expect(members(jan, 'rep')).toEqual({ andi: 12, budi: 3 });
  });

  it('is 0 in an empty month and sums the quarter', () => {
    const r = compute({ ...january, emptyMonths: ['2026-02'], orders: [...january.orders, { date: '2026-03-02', lines: [line('TEH-1', 7, 5000)] }] });
    expect(r.at('units-sold', '2026-02').value).toBe(0);
    expect(r.at('units-sold', '2026-Q1').value).toBe(15 + 0 + 7);
  });
});

describe('sales-growth', () => {
  const months = {
    orders: [sale('2026-01-10', 'C1', 100000), sale('2026-02-10', 'C1', 120000), sale('2026-03-10', 'C1', 90000)],
  } satisfies FixtureInput;

  it('compares net sales with the previous month', () => {
    const r = compute(months);
    expect(r.at('sales-growth', '2026-02').value).toBeCloseTo((120000 - 100000) / 100000, 9); // +20 %
    expect(r.at('sales-growth', '2026-03').value).toBeCloseTo((90000 - 120000) / 120000, 9); // -25 %
  });

  it('has no value in the first month of the data (no-previous-period)', () => {
    const r = compute(months);
    expectNone(r.at('sales-growth', '2026-01'), 'no-previous-period');
    expectNone(member(r.at('sales-growth', '2026-01'), 'region', 'jakarta'), 'no-previous-period');
    expectNone(r.at('sales-growth', '2026-Q1'), 'no-previous-period');
    expectNone(r.at('sales-growth', '2026'), 'no-previous-period');
  });

  it('is -100 % into an empty month and has no value after it (zero-denominator)', () => {
    const r = compute({ orders: [sale('2026-01-10', 'C1', 100000), sale('2026-03-10', 'C1', 50000)], emptyMonths: ['2026-02'] });
    expect(r.at('sales-growth', '2026-02').value).toBeCloseTo((0 - 100000) / 100000, 9);
    expectNone(r.at('sales-growth', '2026-03'), 'zero-denominator');
  });

  it('compares a quarter with the previous quarter, from all their orders', () => {
    const r = compute({
      orders: [sale('2026-01-10', 'C1', 100), sale('2026-02-10', 'C1', 200), sale('2026-03-10', 'C1', 300), sale('2026-04-10', 'C1', 900), sale('2026-06-10', 'C1', 300)],
    });
    expect(r.at('sales-growth', '2026-Q2').value).toBeCloseTo((900 + 0 + 300 - (100 + 200 + 300)) / (100 + 200 + 300), 9); // +100 %
  });

  // When the data starts inside a quarter, that quarter is no base for quarter-on-quarter growth.
  it('has no growth against a previous quarter only partly in the data', () => {
    const r = compute({ orders: [sale('2026-03-10', 'C1', 100), sale('2026-04-10', 'C1', 100), sale('2026-05-10', 'C1', 100), sale('2026-06-10', 'C1', 100)] });
    expect(r.at('net-sales', '2026-Q1').notes).toContain('partial'); // January and February are not in the data
    const q2 = r.at('sales-growth', '2026-Q2');
    expectNone(q2, 'no-previous-period'); // not (300 - 100) / 100 = +200 %
  });

  it('breaks down by region and category, each against its own previous month', () => {
    const r = compute({
      orders: [
        { date: '2026-01-10', customer: 'C1', lines: [line('TEH-1', 1, 100000)] },
        { date: '2026-01-11', customer: 'C2', rep: 'budi', lines: [line('ROTI-1', 1, 50000)] },
        { date: '2026-02-10', customer: 'C1', lines: [line('TEH-1', 1, 150000)] },
        { date: '2026-02-11', customer: 'C2', rep: 'budi', lines: [line('ROTI-1', 1, 25000)] },
      ],
    });
    const feb = r.at('sales-growth', '2026-02');
    expect(feb.value).toBeCloseTo((150000 + 25000 - 150000) / 150000, 9);
    expect(member(feb, 'region', 'jakarta').value).toBeCloseTo((150000 - 100000) / 100000, 9); // +50 %
    expect(member(feb, 'region', 'bandung').value).toBeCloseTo((25000 - 50000) / 50000, 9); // -50 %
    expect(member(feb, 'category', 'minuman').value).toBeCloseTo(0.5, 9);
    expect(member(feb, 'category', 'makanan').value).toBeCloseTo(-0.5, 9);
  });
});

describe('sales-by-category', () => {
  it('splits net sales by the product category of each line, with each category share', () => {
    const r = compute(january);
    const jan = r.at('sales-by-category', '2026-01');
    const minuman = 10 * 5000 + 2 * 9000 * 0.9; // 66200
    const makanan = 3 * 12000 * 0.75; // 27000
    expect(jan.value).toBeCloseTo(minuman + makanan, 9);
    expect(member(jan, 'category', 'minuman').value).toBeCloseTo(minuman, 9);
    expect(member(jan, 'category', 'makanan').value).toBeCloseTo(makanan, 9);
    // The engine gives each category's amount; its share is the amount over the total.
    expect(member(jan, 'category', 'minuman').value! / jan.value!).toBeCloseTo(66200 / 93200, 9);
    expect(member(jan, 'category', 'makanan').value! / jan.value!).toBeCloseTo(27000 / 93200, 9);
  });

  it('splits one order across categories, and lists a category without sales as 0', () => {
    const r = compute({
      orders: [
        { date: '2026-01-05', lines: [line('TEH-1', 2, 5000), line('ROTI-1', 1, 12000, { kind: 'cross-sell' })] },
        { date: '2026-02-05', lines: [line('TEH-2', 1, 9000)] },
      ],
    });
    expect(members(r.at('sales-by-category', '2026-01'), 'category')).toEqual({ minuman: 2 * 5000, makanan: 12000 });
    expect(members(r.at('sales-by-category', '2026-02'), 'category')).toEqual({ minuman: 9000, makanan: 0 });
    expect(members(r.at('sales-by-category', '2026-Q1'), 'category')).toEqual({ minuman: 10000 + 9000, makanan: 12000 });
  });
});

describe('sales-by-region', () => {
  it("splits net sales by the customer's region, not the rep's", () => {
    const r = compute({
      orders: [
        // C4 is in Jakarta; budi (a Bandung rep) owns it and took the order.
        sale('2026-01-05', 'C4', 30000, { rep: 'budi' }),
        sale('2026-01-06', 'C2', 10000, { rep: 'budi' }),
        sale('2026-01-07', 'C3', 20000, { rep: 'citra' }),
      ],
    });
    const jan = r.at('sales-by-region', '2026-01');
    expect(jan.value).toBe(30000 + 10000 + 20000);
    expect(members(jan, 'region')).toEqual({ jakarta: 30000, bandung: 10000, surabaya: 20000 });
    expect(member(jan, 'region', 'jakarta').value! / jan.value!).toBeCloseTo(30000 / 60000, 9); // share 50 %
    expect(member(jan, 'region', 'surabaya').value! / jan.value!).toBeCloseTo(20000 / 60000, 9);
  });
});

describe('a value that is not a finite number', () => {
  // January: one line of 1 unit at Rp 1e-300 (a valid amount, absurdly small); February: 1e9
  // units at the largest price, 1e15. Growth = (1e24 - 1e-300) / 1e-300 = 1e324, past the
  // largest float64 (about 1.8e308): Infinity. Every amount is within its maximum.
  const input = {
    orders: [
      { date: '2026-01-10', lines: [line('TEH-1', 1, 1e-300)] },
      { date: '2026-02-10', lines: [line('TEH-1', 1e9, 1e15)] },
    ],
  } satisfies FixtureInput;

  it('is "not-finite" in the engine, never "no-data", and is listed with its KPI and period', () => {
    const r = compute(input);
    expect(r.at('net-sales', '2026-02').value).toBe(1e24);
    expectNone(r.at('sales-growth', '2026-02'), 'not-finite');
    expect(r.result.nonFinite?.map((n) => `${n.kpi} ${n.period}`)).toEqual(['sales-growth 2026-02']); // the quarter has no previous quarter in the data
  });

  it('is an error of the pipeline at the KPI\'s file, naming the period and the month files to check (fixed: shown as "no data", exit 0)', () => {
    const { validation, report } = runPipeline(repoFiles(input), []);
    expect(report).toBeNull();
    expect(validation.data).toBeNull();
    expect(validation.issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual([
      'kpis/sales-growth.yaml  sales-growth 2026-02: the value is not a finite number (a result beyond what a number holds, or a division by almost zero)  (look for extreme amounts or quantities in data/2026/01/orders.yaml, data/2026/02/orders.yaml)',
    ]);
  });
});

describe('a target that makes the attainment not a finite number', () => {
  it('is an error of the pipeline too (fixed: the attainment was Infinity, shown as no status)', async () => {
    const { baseFiles, toSourceFiles } = await import('../corpus/support.ts');
    const files = baseFiles();
    // Net sales of 2026-03 in the valid fixture is a few hundred thousand; against a target of
    // 1e-306 (a valid number) the attainment value / target is past 1.8e308.
    files.set('data/targets/2026.yaml', new TextEncoder().encode('- { kpi: net-sales, period: 2026-03, value: 1e-306 }\n'));
    const { validation, report } = runPipeline(toSourceFiles(files), []);
    expect(report).toBeNull();
    // The quarter's and the year's targets are made from the month's, so they break too.
    const hint = 'look for a target of almost zero for net-sales in data/targets/, or extreme amounts in data/2026/03/orders.yaml';
    expect(validation.issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual(['2026-03', '2026-Q1', '2026'].map((p) => `kpis/net-sales.yaml  net-sales ${p}: the attainment against the target or the change is not a finite number (a division by almost zero)  (${hint})`));
  });
});

describe("a rep's target that makes a member's attainment not a finite number", () => {
  it('is an error naming the member, whether the whole report or only the scorecard is built', async () => {
    const { baseFiles, toSourceFiles } = await import('../corpus/support.ts');
    const files = baseFiles();
    files.set('data/targets/2026.yaml', new TextEncoder().encode('- { kpi: net-sales, period: 2026-03, rep: andi, value: 1e-306 }\n'));
    const whole = runPipeline(toSourceFiles(files), []);
    const scorecard = runPipeline(toSourceFiles(files), [], { only: 'scorecard' });
    expect(whole.report).toBeNull();
    expect(scorecard.report).toBeNull();
    const errors = whole.validation.issues.filter((i) => i.level === 'error').map(formatIssue);
    expect(errors).toHaveLength(3); // the month, and the quarter and year whose targets are made from it
    expect(errors.find((e) => e.includes(' 2026-03 '))).toMatch(/^kpis\/net-sales\.yaml  net-sales 2026-03 for rep: andi: the attainment against the target or the change is not a finite number/);
    expect(scorecard.validation.issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual(errors);
  });
});
