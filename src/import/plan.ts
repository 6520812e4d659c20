/**
 * A mapping checked against the CSV and compiled section by section (where, fields or records,
 * lines and group_by for orders, customers, products). Problems with the mapping itself (a
 * section missing, a required field no column feeds) become issues located in the mapping file.
 */
import { issue, type DocPath } from '../issues/issue.ts';
import type { MonthKind } from '../schema/file-kinds.ts';
import type { CompiledFields, Compiler, RowContext } from './compile.ts';
import type { Mapping } from './mapping.ts';
import { CUSTOMER_FIELDS, LINE_FIELDS, PRODUCT_FIELDS, RECORD_FIELDS } from './targets.ts';

/** One kind of record each row can make: `fields:`, or one entry of `records:` with its own where. */
export interface RecordSpec {
  where: (row: RowContext) => boolean;
  fields: CompiledFields;
  at: DocPath;
}

export interface MappingPlan {
  /** The mapping's where; undefined when it names an unknown column (reported). */
  where: ((row: RowContext) => boolean) | undefined;
  specs: RecordSpec[];
  /** Orders: the fields of an order line. */
  lines: CompiledFields;
  /** Orders: the key that gathers rows into one order; each row is an order without it. */
  groupBy?: (row: RowContext) => string;
  /** With --create-missing: how a new customer and a new product are made. */
  customers: CompiledFields;
  products: CompiledFields;
  /** The record's own field names (a `field:` source names one of these). */
  recordNames: Set<string>;
  /** The line's field names, and the order's (a line's `field:` may name either). */
  lineFieldNames: Set<string>;
}

export function planMapping(c: Compiler, kind: MonthKind, mapping: Mapping): MappingPlan {
  const mapFile = c.mapFile;
  const where = c.where(mapping.where, ['where']);
  const recordSet = RECORD_FIELDS[kind];
  const recordNames = new Set(Object.keys(recordSet.types));
  const specs: RecordSpec[] = [];
  if (mapping.records && mapping.fields) c.issues.push(issue(mapFile, ['records'], 'fields-and-records', 'a mapping has fields: or records:, not both', 'records: lists several { where, fields } made from each row'));
  else if (mapping.records) {
    if (kind === 'orders') c.issues.push(issue(mapFile, ['records'], 'records-orders', 'orders take fields: and lines:, not records:', 'rows become order lines; group_by gathers them into orders'));
    mapping.records.forEach((r, k) => {
      const w = c.where(r.where, ['records', k, 'where']);
      specs.push({ where: w ?? (() => false), fields: c.fields(r.fields, recordSet, ['records', k, 'fields'], (f) => f, recordNames), at: ['records', k, 'fields'] });
    });
  } else if (mapping.fields) {
    specs.push({ where: () => true, fields: c.fields(mapping.fields, recordSet, ['fields'], (f) => f, recordNames), at: ['fields'] });
  } else {
    c.issues.push(issue(mapFile, [], 'no-fields', 'the mapping says nowhere which column feeds which field', `add fields:, e.g. fields: { ${recordSet.required.map((f) => `${f}: <column>`).join(', ')} }`));
  }
  for (const s of specs) {
    for (const f of recordSet.required) {
      if (!s.fields.has(f) && !c.issues.some((i) => i.at.join('.').startsWith([...s.at, f].join('.')))) {
        c.issues.push(issue(mapFile, s.at, 'unmapped-field', `${kind} need a ${f}, and the mapping does not say where it comes from`, `add ${f}: <column name>, or ${f}: { value: … } for the same value on every record`));
      }
    }
  }

  const lineFieldNames = new Set([...Object.keys(LINE_FIELDS.types), ...recordNames]);
  let lines: CompiledFields = new Map();
  let groupBy: MappingPlan['groupBy'];
  if (kind === 'orders') {
    lines = c.fields(mapping.lines, LINE_FIELDS, ['lines'], (f) => f, lineFieldNames);
    if (!mapping.lines) c.issues.push(issue(mapFile, [], 'no-lines', 'orders need lines: saying where sku, qty and price (or total) come from', 'add lines: { sku: <column>, qty: <column>, price: <column> }'));
    else {
      for (const f of LINE_FIELDS.required) if (!lines.has(f) && !mapping.lines[f]) c.issues.push(issue(mapFile, ['lines'], 'unmapped-field', `order lines need a ${f}, and the mapping does not say where it comes from`, `add ${f}: <column name>`));
      if (mapping.lines.price && mapping.lines.total) c.issues.push(issue(mapFile, ['lines', 'total'], 'price-and-total', 'give price or total, not both', 'total is the line amount after discount; price is derived from it'));
      if (!mapping.lines.price && !mapping.lines.total) c.issues.push(issue(mapFile, ['lines'], 'no-price', 'order lines need a price (the unit price) or a total (the line amount after discount)', 'add price: <column> or total: <column>'));
    }
    if (mapping.group_by) groupBy = c.column(mapping.group_by, ['group_by']);
  } else {
    for (const key of ['lines', 'group_by', 'products'] as const) {
      if (mapping[key]) c.issues.push(issue(mapFile, [key], 'orders-only', `${key}: is for orders`, `${kind} have no order lines; remove it`));
    }
  }
  const customers = c.fields(mapping.customers, CUSTOMER_FIELDS, ['customers'], (f) => `new customer's ${f}`, recordNames);
  const products = c.fields(mapping.products, PRODUCT_FIELDS, ['products'], (f) => `new product's ${f}`, lineFieldNames);
  return { where, specs, lines, ...(groupBy ? { groupBy } : {}), customers, products, recordNames, lineFieldNames };
}
