/**
 * The scan planner: walks the KPIs' formulas through the interpreter's own reads (readFormula)
 * and notes for each scan group every breakdown field it will be asked for, so that the first
 * scan of a group computes them all. Only a hint: a field not planned is still computed when asked for.
 */
import { DATASETS } from '../dataset/fields.ts';
import type { Formula, Kpi } from '../kpi/schema.ts';
import type { EvalContext } from './eval-context.ts';
import { readFormula } from './formula-reads.ts';
import { scanOf, sharedOf } from './scan-cache.ts';

export function planScans(kpis: Kpi[], cx: EvalContext): void {
  const sh = sharedOf(cx);
  const note = (key: string, fields: (string | null)[]) => {
    let set = sh.plan.get(key);
    if (!set) sh.plan.set(key, (set = new Set()));
    for (const f of fields) set.add(f);
  };
  /** fields: the breakdown fields (null: the total) the formula is evaluated for; stack: the KPIs walked into, against cycles. */
  const visit = (f: Formula | undefined, fields: (string | null)[], stack: string[]): void => {
    if (!f) return;
    readFormula(f, {
      kpi: (id) => {
        if (!stack.includes(id)) visit(cx.kpis.get(id)?.formula, fields, [...stack, id]);
      },
      formula: (g) => visit(g, fields, stack),
      byField: (g, field) => visit(g, [null, field], stack),
      aggregation: ({ op, spec, filters }) => {
        const at = spec.at ?? DATASETS[spec.of]?.placedBy;
        if (at) note(scanOf(op, spec, at, filters).key, fields);
      },
      retention: () => {},
    });
  };
  for (const kpi of kpis) {
    visit(kpi.formula, [null, ...kpi.breakdowns.map((b) => b.field)], [kpi.id]);
    if (kpi.secondary) visit(kpi.secondary.formula, [null], [kpi.id]);
  }
}
