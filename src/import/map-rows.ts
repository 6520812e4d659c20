/**
 * CSV rows to the records of the months imported, in five steps, each in its own module:
 *
 * 1. plan.ts: the mapping compiled against the CSV's columns (problems located in the mapping);
 * 2. orders-from-rows.ts / records-from-rows.ts: rows filtered by where, read field by field
 *    (row-reader.ts), placed in the month of their date (the others skipped and counted);
 * 3. here: the records in the order the month files are written, sequence ids numbered per month;
 * 4. missing-references.ts: the customers and products they name that the repository lacks,
 *    reported or (with --create-missing) made.
 *
 * Pure: the CSV and the mapping come in, records and problems go out.
 */
import { parseDateTime } from '../calendar/zoned-time.ts';
import type { DocPath, PendingIssue } from '../issues/issue.ts';
import type { MonthKind } from '../schema/file-kinds.ts';
import { LAYOUTS } from '../format/layout.ts';
import { sortLikeWriter } from './append.ts';
import { Compiler, type Formats } from './compile.ts';
import type { CsvTable, RowIssue } from './csv.ts';
import type { MadeRecord, MapCounts, NewRecord } from './made.ts';
import type { Mapping } from './mapping.ts';
import { cmp, missingReferences } from './missing-references.ts';
import { inSpan, type MonthSpan } from './month-span.ts';
import { ordersFromRows } from './orders-from-rows.ts';
import { planMapping, type MappingPlan } from './plan.ts';
import { recordsFromRows } from './records-from-rows.ts';
import { RowReader } from './row-reader.ts';
import { PLACED_BY } from './targets.ts';

export type { MadeRecord, MapCounts, NewRecord } from './made.ts';
export { deriveUnitPrice } from './orders-from-rows.ts';

export interface MapInput {
  kind: MonthKind;
  /** One month to import (YYYY-MM); or give `months`. */
  month?: string;
  /** The months to import; rows dated in other months are skipped and counted. */
  months?: MonthSpan;
  table: CsvTable;
  joins: { table: CsvTable; spec: Mapping['join'][number]; at: DocPath }[];
  mapping: Mapping;
  mapFile: string;
  formats: Formats;
  timezone: string;
  customers: ReadonlySet<string>;
  products: ReadonlySet<string>;
  createMissing: boolean;
}

export interface MapResult {
  /** Every record made, month by month, each month in the order its file is written. */
  made: MadeRecord[];
  newCustomers: NewRecord[];
  newProducts: NewRecord[];
  /** Problems in the data, at CSV lines. */
  rowIssues: RowIssue[];
  /** Problems in the mapping, located in the mapping file by the caller. */
  mapIssues: PendingIssue[];
  counts: MapCounts;
  /** Customer ids and skus the records name that the repository did not list (reported, or created). */
  missing: { customers: Set<string>; products: Set<string> };
  /** The column a field of a made record came from (path inside the record: ['customer'], ['lines', 'qty']). */
  columnOf(section: 'fields' | 'lines' | 'customers' | 'products', field: string, spec?: number): string | undefined;
}

export function mapRows(input: MapInput): MapResult {
  const { kind, table, mapping } = input;
  const span: MonthSpan = input.months ?? { from: input.month!, to: input.month! };
  const c = new Compiler(input.mapFile, table, input.formats);
  const counts: MapCounts = { rows: table.rows.length, filtered: 0, outside: 0, used: 0 };
  const empty = { customers: new Set<string>(), products: new Set<string>() };
  const result = (made: MadeRecord[], plan?: MappingPlan, found?: Pick<MapResult, 'newCustomers' | 'newProducts' | 'missing'>): MapResult => ({
    made,
    newCustomers: found?.newCustomers ?? [],
    newProducts: found?.newProducts ?? [],
    rowIssues: c.rowIssues,
    mapIssues: c.issues,
    counts,
    missing: found?.missing ?? empty,
    columnOf: (section, field, spec = 0) => (plan ? (section === 'fields' ? plan.specs[spec]?.fields : plan[section]) : undefined)?.get(field)?.column,
  });

  input.joins.forEach((j) => c.addJoin(j.spec, j.table, j.at));
  const plan = planMapping(c, kind, mapping);
  if (c.issues.length || !plan.where) return result([]);

  const reader = new RowReader(c, table, input.timezone, counts);
  const wanted = (month: string) => inSpan(span, month);
  const made = kind === 'orders' ? ordersFromRows(table, plan, mapping, reader, counts, wanted) : recordsFromRows(kind, table, plan, reader, counts, wanted);
  inFileOrder(made, kind, plan, input.timezone);
  const found = missingReferences({ ...input, plan, made }, reader, c.issues, c.rowIssues);
  return result(made, plan, found);
}

/**
 * Sorts the records month by month into the order their files are written (the canonical
 * writer's), so record i of a month file is the month's i-th made record; numbers sequence ids.
 */
function inFileOrder(made: MadeRecord[], kind: MonthKind, plan: MappingPlan, tz: string): void {
  const placedBy = PLACED_BY[kind];
  // Date order (then id, then file order), so that a re-export in another order numbers the same ids.
  const tzTime = (v: unknown) => (typeof v === 'string' && v.length > 10 ? parseDateTime(v, tz) : Date.parse(`${String(v)}T00:00Z`));
  const keyed = made.map((m) => ({ m, t: tzTime(m.record[placedBy]) }));
  keyed.sort((a, b) => cmp(a.m.month, b.m.month) || a.t - b.t || cmp(a.m.record.id, b.m.record.id) || a.m.line - b.m.line || a.m.spec - b.m.spec);
  // Not made.splice(0, n, ...sorted): a spread of every record throws above about 100,000 of them.
  keyed.forEach((k, i) => (made[i] = k.m));

  // Sequence ids: PREFIX + YYYY-MM- + a number counting the month's records, as wide as the month needs.
  const perMonth = new Map<string, number>();
  for (const m of made) perMonth.set(m.month, (perMonth.get(m.month) ?? 0) + 1);
  const numbered = new Map<string, number>();
  for (const m of made) {
    const prefix = plan.specs[m.spec]?.fields.get('id')?.sequence;
    if (prefix === undefined) continue;
    const n = (numbered.get(m.month) ?? 0) + 1;
    numbered.set(m.month, n);
    const width = Math.max(4, String(perMonth.get(m.month)).length);
    m.record = { id: `${prefix}${m.month}-${String(n).padStart(width, '0')}`, ...m.record };
  }
  // The writer's order within each month (its first sort key is the date, so months stay together).
  const layout = LAYOUTS[kind];
  let start = 0;
  while (start < made.length) {
    let end = start;
    while (end < made.length && made[end]!.month === made[start]!.month) end++;
    const part = sortLikeWriter(made.slice(start, end), layout, (m) => m.record);
    part.forEach((m, i) => (made[start + i] = m));
    start = end;
  }
}
