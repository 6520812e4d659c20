/**
 * The row-by-row definition of a structured filter, kept as the tests' oracle: a filter compiled
 * to one predicate per row. The engine evaluates filters for all rows at once
 * (`filterMask` in src/compute/filter.ts); test/compute/filter.test.ts holds it to this, row for
 * row, and test/compute/evaluate.test.ts builds its row-by-row reference aggregation on it.
 */
import { periodOf, type Grain } from '../../src/calendar/periods.ts';
import type { Dataset } from '../../src/dataset/build-dataset.ts';
import { DATASETS, vocabularyOf, type DatasetName } from '../../src/dataset/fields.ts';
import type { Condition, Filter } from '../../src/kpi/schema.ts';

/** true when row `r`, computed for period `p`, matches. */
export type RowTest = (r: number, p: number) => boolean;

export function compileFilter(ds: Dataset, name: DatasetName, filter: Filter | undefined, grain: Grain, fyStart: number): RowTest {
  if (!filter) return () => true;
  const tests: RowTest[] = [];
  for (const [key, cond] of Object.entries(filter)) {
    if (cond === undefined) continue;
    if (key === 'any' && Array.isArray(cond)) {
      const alts = (cond as Filter[]).map((f) => compileFilter(ds, name, f, grain, fyStart));
      tests.push((r, p) => alts.some((t) => t(r, p)));
    } else if (key === 'not' && typeof cond === 'object' && !Array.isArray(cond)) {
      const inner = compileFilter(ds, name, cond as Filter, grain, fyStart);
      tests.push((r, p) => !inner(r, p));
    } else tests.push(compileCondition(ds, name, key, cond as Condition, grain, fyStart));
  }
  return (r, p) => {
    for (const t of tests) if (!t(r, p)) return false;
    return true;
  };
}

function compileCondition(ds: Dataset, name: DatasetName, field: string, cond: Condition, grain: Grain, fyStart: number): RowTest {
  const type = DATASETS[name].fields[field]!.type;
  const table = ds.tables[name];
  const obj: Record<string, unknown> = typeof cond === 'object' && !Array.isArray(cond) ? cond : Array.isArray(cond) ? { in: cond } : { eq: cond };
  const tests: RowTest[] = [];
  if (type === 'category') {
    const codes = table.cat[field]!;
    const vocab = ds.vocabularies[vocabularyOf(name, field)];
    const code = (v: unknown) => vocab?.find(String(v)) ?? -1;
    if (obj.eq !== undefined) {
      const c = code(obj.eq);
      tests.push((r) => c >= 0 && codes[r] === c);
    }
    if (obj.ne !== undefined) {
      const c = code(obj.ne);
      tests.push((r) => codes[r] !== c);
    }
    if (obj.in !== undefined) {
      const set = new Set((obj.in as unknown[]).map(code));
      tests.push((r) => codes[r]! >= 0 && set.has(codes[r]!));
    }
    if (obj.not_in !== undefined) {
      const set = new Set((obj.not_in as unknown[]).map(code));
      tests.push((r) => !set.has(codes[r]!));
    }
    if (obj.exists !== undefined) tests.push((r) => (codes[r]! >= 0) === obj.exists);
  } else if (type === 'number') {
    const xs = table.num[field]!;
    const has = (r: number) => !Number.isNaN(xs[r]!);
    if (obj.eq !== undefined) tests.push((r) => xs[r] === Number(obj.eq));
    if (obj.ne !== undefined) tests.push((r) => has(r) && xs[r] !== Number(obj.ne));
    if (obj.in !== undefined) {
      const set = new Set((obj.in as unknown[]).map(Number));
      tests.push((r) => set.has(xs[r]!));
    }
    if (obj.not_in !== undefined) {
      const set = new Set((obj.not_in as unknown[]).map(Number));
      tests.push((r) => has(r) && !set.has(xs[r]!));
    }
    const cmp = (k: string, f: (x: number, y: number) => boolean) => {
      if (obj[k] === undefined) return;
      const y = Number(obj[k]);
      tests.push((r) => has(r) && f(xs[r]!, y));
    };
    cmp('lt', (x, y) => x < y);
    cmp('lte', (x, y) => x <= y);
    cmp('gt', (x, y) => x > y);
    cmp('gte', (x, y) => x >= y);
    if (obj.exists !== undefined) tests.push((r) => has(r) === obj.exists);
  } else {
    const months = table.time[field]!.month;
    if (obj.exists !== undefined) tests.push((r) => (months[r]! >= 0) === obj.exists);
    if (obj.period !== undefined) {
      const rel = obj.period;
      tests.push((r, p) => {
        const m = months[r]!;
        if (m < 0) return false;
        const q = periodOf(grain, m, fyStart);
        return rel === 'in' ? q === p : rel === 'before' ? q < p : q > p;
      });
    }
  }
  return (r, p) => {
    for (const t of tests) if (!t(r, p)) return false;
    return true;
  };
}
