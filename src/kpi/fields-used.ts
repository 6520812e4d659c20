/**
 * Which dataset fields the KPI definitions can read: every name written anywhere in a
 * definition (as a key or a value) that is a field, plus each dataset's time field and the
 * fields that count the records behind a breakdown (kpi/basis.ts). A generous
 * reading on purpose: a column built and not read costs memory, a column read and not built
 * would be a wrong answer.
 */
import { DATASETS, type DatasetName } from '../dataset/fields.ts';
import { basisOf } from './basis.ts';
import type { Kpi } from './schema.ts';

export function fieldsUsedBy(kpis: Kpi[]): (dataset: DatasetName, field: string) => boolean {
  const words = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') words.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        words.add(k);
        walk(x);
      }
    }
  };
  walk(kpis);
  // The records counted behind each breakdown member (kpi/basis.ts) read fields of their own (an order line's order).
  const byId = new Map(kpis.map((k) => [k.id, k]));
  for (const k of kpis) if (k.breakdowns.length) walk(basisOf(k.formula, byId)?.formula);
  return (dataset, field) => words.has(field) || DATASETS[dataset].placedBy === field;
}
