/**
 * The scan planner and the interpreter walk a formula with the same reads (formula-reads.ts), so
 * the planner foresees every scan the interpreter runs: for each of the 22 KPIs of kpis/ on its
 * own, with its breakdowns and without, after planning it and evaluating it at every grain, each
 * scan group the cache holds was planned, with every breakdown field (null: the total) it was
 * asked for.
 */
import { describe, expect, it } from 'vitest';
import { dayNumber, GRAINS, periodOf } from '../../src/calendar/periods.ts';
import { workCalendar } from '../../src/calendar/working-days.ts';
import type { EvalContext } from '../../src/compute/eval-context.ts';
import { evaluate } from '../../src/compute/evaluate.ts';
import { planScans } from '../../src/compute/plan-scans.ts';
import { sharedOf } from '../../src/compute/scan-cache.ts';
import type { Series } from '../../src/compute/value.ts';
import { buildDataset } from '../../src/dataset/build-dataset.ts';
import { validateRepo } from '../../src/validate/validate-repo.ts';
import { line, repoFiles, sale } from '../kpis/fixture.ts';

const input = {
  orders: [
    sale('2026-01-05', 'C1', 1000),
    sale('2026-01-20', 'C2', 2500, { rep: 'budi', lines: [line('TEH-1', 2, 1000), line('TEH-1', 1, 500)] }),
    sale('2026-02-11', 'C1', 1200),
    sale('2026-03-03', 'C3', 800, { rep: 'citra' }),
    sale('2026-04-09', 'C4', 3000, { rep: 'budi' }),
  ],
  leads: [
    { id: 'L1', created: '2026-01-10T09:00' },
    { id: 'L2', created: '2026-02-12T09:00', rep: 'budi', region: 'bandung' },
    { id: 'L3', created: '2026-03-15T09:00', rep: 'citra', region: 'surabaya' },
  ],
  activities: [
    { at: '2026-01-12T09:00', type: 'contact' as const, lead: 'L1' },
    { at: '2026-02-10T09:00', type: 'won' as const, lead: 'L1', customer: 'C1' },
    { at: '2026-02-13T09:00', type: 'contact' as const, rep: 'budi', lead: 'L2' },
    { at: '2026-03-01T09:00', type: 'lost' as const, rep: 'budi', lead: 'L2' },
  ],
  surveys: [
    { date: '2026-02-01', score: 4 },
    { date: '2026-03-01', score: 5, customer: 'C3' },
  ],
};

/** The breakdown field a cell key of the cache names (its part after the span). */
const fieldOf = (cellKey: string) => cellKey.slice(cellKey.lastIndexOf('\u0000') + 1) || null;

describe('planScans', () => {
  it('plans every scan group and breakdown field the interpreter then asks of the cache, KPI by KPI', () => {
    const v = validateRepo(repoFiles(input));
    expect(v.issues.filter((i) => i.level === 'error')).toEqual([]);
    const data = v.data!;
    const ds = buildDataset(data);
    const fyStart = data.company.fiscal_year_start;
    const first = ds.firstMonth!;
    const last = ds.lastMonth!;
    expect(v.kpis).toHaveLength(22);
    let memo = new Map<string, Series>();
    const context = (grain: (typeof GRAINS)[number]): EvalContext => {
      const periods: number[] = [];
      for (let p = periodOf(grain, first, fyStart); p <= periodOf(grain, last, fyStart); p++) periods.push(p);
      return {
        ds,
        fyStart,
        grain,
        periods,
        firstMonth: first,
        lastMonth: last,
        breakdowns: [],
        kpis: new Map(v.kpis.map((k) => [k.id, k])),
        calendar: workCalendar(data.company.working_days, data.company.holidays),
        reps: data.team.records.map((r) => ({ code: ds.vocabularies.rep!.find(r.id), joined: dayNumber(r.joined), left: r.left ? dayNumber(r.left) : Infinity })),
        memo,
      };
    };
    let scans = 0;
    // Each KPI as defined, and without its breakdowns (where only the formula asks for a field, as a rate per rep does).
    for (const kpi of [...v.kpis, ...v.kpis.map((k) => ({ ...k, breakdowns: [] }))]) {
      // A fresh cache per KPI: what one KPI planned does not cover for another.
      memo = new Map();
      planScans([kpi], context('month'));
      const shared = sharedOf(context('month'));
      const planned = new Map([...shared.plan].map(([key, fields]) => [key, new Set(fields)]));
      for (const grain of kpi.grains) {
        if (grain === 'week') continue;
        const cx = { ...context(grain), breakdowns: kpi.breakdowns };
        evaluate(kpi.formula, cx);
        if (kpi.secondary) evaluate(kpi.secondary.formula, { ...cx, breakdowns: [] });
      }
      const asked: [string, (string | null)[]][] = [
        ...[...shared.sums].map(([key, cells]) => [key, [...cells.keys()].map(fieldOf)] as [string, (string | null)[]]),
        ...[...shared.distinct].map(([key, cells]) => [key, [...cells.keys()].map(fieldOf)] as [string, (string | null)[]]),
        ...[...shared.values].map(([key, cells]) => [key, [...cells.keys()]] as [string, (string | null)[]]),
      ];
      scans += asked.length;
      for (const [key, fields] of asked) {
        expect(planned.has(key), `${kpi.id}: scan group not planned: ${key}`).toBe(true);
        for (const field of fields) expect(planned.get(key)!.has(field), `${kpi.id}: field ${field} of ${key} not planned`).toBe(true);
      }
    }
    expect(scans).toBeGreaterThan(20);
  });
});
