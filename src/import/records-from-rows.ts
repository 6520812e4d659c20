/**
 * Leads, activities and surveys from CSV rows: each `records:` entry whose where a row meets
 * makes one record (with `fields:`, one record per row), placed in the month of its own date.
 * A row counts once in the summary: used, dated outside the months, or left out by where.
 */
import type { MonthKind } from '../schema/file-kinds.ts';
import type { CsvTable } from './csv.ts';
import type { MadeRecord, MapCounts } from './made.ts';
import type { MappingPlan } from './plan.ts';
import { rowContext, type RowReader } from './row-reader.ts';
import { PLACED_BY, RECORD_FIELDS } from './targets.ts';

export function recordsFromRows(kind: Exclude<MonthKind, 'orders'>, table: CsvTable, plan: MappingPlan, reader: RowReader, counts: MapCounts, wanted: (month: string) => boolean): MadeRecord[] {
  const made: MadeRecord[] = [];
  const where = plan.where!;
  const placedBy = PLACED_BY[kind];
  const what = kind.replace(/s$/, '');
  for (const r of table.rows) {
    const row = rowContext(r);
    if (!where(row)) {
      counts.filtered++;
      continue;
    }
    let usedRow = false;
    let outsideRow = false;
    plan.specs.forEach((spec, k) => {
      if (!spec.where(row)) return;
      const scope = reader.scope(row, spec.fields, plan.recordNames);
      const day = reader.day(row, placedBy, spec.fields.get(placedBy)!, scope);
      if (day === undefined) return;
      const month = day.slice(0, 7);
      if (!wanted(month)) {
        outsideRow = true;
        return;
      }
      const record = reader.readAll(row, spec.fields, scope, RECORD_FIELDS[kind].required, what);
      if (!record) return;
      usedRow = true;
      made.push({ record, month, line: row.line, spec: k });
    });
    if (usedRow) counts.used++;
    else if (outsideRow) counts.outside++;
    // Left out by every records: entry's where (with a single entry too, else the row is counted nowhere).
    else if (plan.specs.every((s) => !s.where(row))) counts.filtered++;
  }
  return made;
}
