/**
 * Orders from CSV rows: rows with the same group_by value are the lines of one order, which
 * must agree on the order's own fields; an order goes to the month of its date. A line given
 * with its amount after discount (`total`) gets its unit price derived.
 */
import type { RowContext } from './compile.ts';
import type { CsvTable } from './csv.ts';
import type { MadeRecord, MapCounts } from './made.ts';
import type { Mapping } from './mapping.ts';
import type { MappingPlan } from './plan.ts';
import { rowContext, type RowReader } from './row-reader.ts';
import { LINE_FIELDS, PLACED_BY, RECORD_FIELDS } from './targets.ts';
import { fixFloat } from './values.ts';

type Rec = Record<string, unknown>;

const LINE_NAMES = new Set(Object.keys(LINE_FIELDS.types));

export function ordersFromRows(table: CsvTable, plan: MappingPlan, mapping: Mapping, reader: RowReader, counts: MapCounts, wanted: (month: string) => boolean): MadeRecord[] {
  const made: MadeRecord[] = [];
  const spec = plan.specs[0]!;
  const where = plan.where!;
  const placedBy = PLACED_BY.orders;
  const placed = spec.fields.get(placedBy)!;

  // Rows in file order, gathered into orders.
  const groups = new Map<string, RowContext[]>();
  table.rows.forEach((r, k) => {
    const row = rowContext(r);
    if (!where(row)) {
      counts.filtered++;
      return;
    }
    let key = `#${k}`;
    if (plan.groupBy) {
      const g = plan.groupBy(row);
      if (g === '') {
        reader.problem(row, `${mapping.group_by} is empty`, `rows are gathered into orders by ${mapping.group_by}; fill it in`);
        return;
      }
      key = g;
    }
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  });

  for (const rows of groups.values()) {
    const first = rows[0]!;
    const scopes = rows.map((row) => reader.scope(row, spec.fields, plan.recordNames));
    const days = rows.map((row, k) => reader.day(row, placedBy, placed, scopes[k]!));
    if (days.some((d) => d === undefined)) continue;
    // An order is in the month of its date (its rows must agree on it, checked below).
    const month = days.map((d) => d!.slice(0, 7)).find(wanted);
    if (month === undefined) {
      counts.outside += rows.length;
      continue;
    }
    const order = reader.readAll(first, spec.fields, scopes[0]!, RECORD_FIELDS.orders.required, 'order');
    // Every row of an order must agree on the order's fields.
    let agree = true;
    for (let k = 1; k < rows.length; k++) {
      for (const [f, s] of spec.fields) {
        if (s.sequence !== undefined) continue;
        const a = scopes[0]!(f);
        const b = scopes[k]!(f);
        if (!a.ok || !b.ok || a.value === b.value) continue;
        agree = false;
        reader.problem(
          rows[k]!,
          `${f} (${s.source}) is ${JSON.stringify(b.value ?? '')} here but ${JSON.stringify(a.value ?? '')} on line ${first.line}, the first row of the same order`,
          `rows with the same ${mapping.group_by} are the lines of one order and share its ${[...spec.fields.keys()].filter((x) => x !== 'id').join(', ')}`,
        );
      }
    }
    const orderLines: Rec[] = [];
    let linesOk = true;
    for (let k = 0; k < rows.length; k++) {
      const line = readLine(rows[k]!, plan, reader, scopes[k]!);
      if (line) orderLines.push(line);
      else linesOk = false;
    }
    if (!order || !agree || !linesOk) continue;
    counts.used += rows.length;
    made.push({ record: { ...order, lines: orderLines }, month, line: first.line, lineRows: rows.map((r) => r.line), spec: 0 });
  }
  return made;
}

/** One order line, in the stored field order; undefined when a field failed (reported). */
function readLine(row: RowContext, plan: MappingPlan, reader: RowReader, orderScope: ReturnType<RowReader['scope']>): Rec | undefined {
  const scope = reader.scope(row, plan.lines, LINE_NAMES, orderScope);
  const line = reader.readAll(row, plan.lines, scope, LINE_FIELDS.required, 'order line');
  if (!line) return undefined;
  if (line.total !== undefined) {
    const price = deriveUnitPrice(line.total, line.qty, line.discount);
    if (typeof price === 'string') {
      reader.problem(row, `price cannot be derived from total ${String(line.total)}: ${price}`, 'price = total / (qty × (1 − discount)) needs a qty above 0 and a discount below 1');
      return undefined;
    }
    line.price = price;
  }
  return { sku: line.sku, qty: line.qty, price: line.price, ...(line.discount !== undefined ? { discount: line.discount } : {}), ...(line.kind !== undefined ? { kind: line.kind } : {}) };
}

/**
 * The unit price of a line from its amount after discount: total / (qty × (1 − discount)),
 * written with the fewest decimals (up to 6) that give the total back exactly (Superstore's
 * 957.5775 for 5 units at 45 % off is 348.21 each); otherwise the quotient to 12 digits.
 * A string says why there is no price.
 */
export function deriveUnitPrice(total: unknown, qty: unknown, discount: unknown = 0): number | string {
  const t = Number(total);
  const q = Number(qty);
  const d = Number(discount ?? 0);
  if (!(q > 0)) return `qty is ${String(qty)}`;
  if (!(d >= 0 && d < 1)) return `discount is ${String(discount)}`;
  const exact = t / (q * (1 - d));
  for (let places = 0; places <= 6; places++) {
    const p = Math.round(exact * 10 ** places) / 10 ** places;
    if (Math.abs(p * q * (1 - d) - t) <= 1e-9 * Math.max(1, Math.abs(t))) return p;
  }
  return fixFloat(exact);
}
