/**
 * CSV rows to the records of one month: filter rows (where), read each field through the
 * mapping, keep the records dated in the month (counting, never hiding, the others), group
 * order lines into orders, number sequence ids, and say which customers and products the
 * records name that the repository does not have yet. Pure.
 */
import { localDate, parseDateTime } from '../calendar/zoned-time.ts';
import type { MonthKind } from '../schema/file-kinds.ts';
import { issue, type DocPath, type PendingIssue } from '../issues/issue.ts';
import { Compiler, type Formats, type CompiledFields, type CompiledValue, type Got, type RowContext, type Scope } from './compile.ts';
import type { CsvRow, CsvTable, RowIssue } from './csv.ts';
import type { Mapping } from './mapping.ts';
import { CUSTOMER_FIELDS, LINE_FIELDS, PLACED_BY, PRODUCT_FIELDS, RECORD_FIELDS } from './targets.ts';
import { fixFloat } from './values.ts';
import { sortLikeWriter } from './append.ts';
import { LAYOUTS } from '../format/layout.ts';

type Rec = Record<string, unknown>;

/** A record made from the CSV, with the lines it came from. */
export interface MadeRecord {
  record: Rec;
  /** The CSV line of the record (an order: of its first row). */
  line: number;
  /** Orders: the CSV line of each order line. */
  lineRows?: number[];
  /** Which `records:` entry made it (0 with `fields:`). */
  spec: number;
}

/** A customer or product --create-missing adds, and the CSV line of the first row naming it. */
export interface NewRecord {
  record: Rec;
  line: number;
}

export interface MapCounts {
  /** Data rows in the CSV. */
  rows: number;
  /** Rows the mapping's where left out. */
  filtered: number;
  /** Rows (orders: order lines) dated outside the month, skipped. */
  outside: number;
  /** Rows used for the month's records. */
  used: number;
  /** Earliest and latest date among the rows read (YYYY-MM-DD). */
  first?: string;
  last?: string;
}

export interface MapInput {
  kind: MonthKind;
  month: string;
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
  const { kind, month, table, mapping } = input;
  const c = new Compiler(input.mapFile, table, input.formats);
  const counts: MapCounts = { rows: table.rows.length, filtered: 0, outside: 0, used: 0 };
  const empty = (): MapResult => ({ made: [], newCustomers: [], newProducts: [], rowIssues: c.rowIssues, mapIssues: c.issues, counts, missing: { customers: new Set(), products: new Set() }, columnOf: () => undefined });

  input.joins.forEach((j) => c.addJoin(j.spec, j.table, j.at));
  const where = c.where(mapping.where, ['where']);

  const recordSet = RECORD_FIELDS[kind];
  const recordNames = new Set(Object.keys(recordSet.types));
  const label = (f: string) => f;
  const specs: { where: (r: RowContext) => boolean; fields: CompiledFields; at: DocPath }[] = [];
  if (mapping.records && mapping.fields) c.issues.push(issue(input.mapFile, ['records'], 'fields-and-records', 'a mapping has fields: or records:, not both', 'records: lists several { where, fields } made from each row'));
  else if (mapping.records) {
    if (kind === 'orders') c.issues.push(issue(input.mapFile, ['records'], 'records-orders', 'orders take fields: and lines:, not records:', 'rows become order lines; group_by gathers them into orders'));
    mapping.records.forEach((r, k) => {
      const w = c.where(r.where, ['records', k, 'where']);
      specs.push({ where: w ?? (() => false), fields: c.fields(r.fields, recordSet, ['records', k, 'fields'], label, recordNames), at: ['records', k, 'fields'] });
    });
  } else if (mapping.fields) {
    specs.push({ where: () => true, fields: c.fields(mapping.fields, recordSet, ['fields'], label, recordNames), at: ['fields'] });
  } else {
    c.issues.push(issue(input.mapFile, [], 'no-fields', 'the mapping says nowhere which column feeds which field', `add fields:, e.g. fields: { ${recordSet.required.map((f) => `${f}: <column>`).join(', ')} }`));
  }
  for (const s of specs) {
    for (const f of recordSet.required) {
      if (!s.fields.has(f) && !c.issues.some((i) => i.at.join('.').startsWith([...s.at, f].join('.')))) {
        c.issues.push(issue(input.mapFile, s.at, 'unmapped-field', `${kind} need a ${f}, and the mapping does not say where it comes from`, `add ${f}: <column name>, or ${f}: { value: … } for the same value on every record`));
      }
    }
  }

  const lineNames = new Set([...Object.keys(LINE_FIELDS.types), ...recordNames]);
  let lines: CompiledFields = new Map();
  let groupBy: ((r: RowContext) => string) | undefined;
  if (kind === 'orders') {
    lines = c.fields(mapping.lines, LINE_FIELDS, ['lines'], (f) => f, lineNames);
    if (!mapping.lines) c.issues.push(issue(input.mapFile, [], 'no-lines', 'orders need lines: saying where sku, qty and price (or total) come from', 'add lines: { sku: <column>, qty: <column>, price: <column> }'));
    else {
      for (const f of LINE_FIELDS.required) if (!lines.has(f) && !mapping.lines[f]) c.issues.push(issue(input.mapFile, ['lines'], 'unmapped-field', `order lines need a ${f}, and the mapping does not say where it comes from`, `add ${f}: <column name>`));
      if (mapping.lines.price && mapping.lines.total) c.issues.push(issue(input.mapFile, ['lines', 'total'], 'price-and-total', 'give price or total, not both', 'total is the line amount after discount; price is derived from it'));
      if (!mapping.lines.price && !mapping.lines.total) c.issues.push(issue(input.mapFile, ['lines'], 'no-price', 'order lines need a price (the unit price) or a total (the line amount after discount)', 'add price: <column> or total: <column>'));
    }
    if (mapping.group_by) groupBy = c.column(mapping.group_by, ['group_by']);
  } else {
    for (const key of ['lines', 'group_by', 'products'] as const) {
      if (mapping[key]) c.issues.push(issue(input.mapFile, [key], 'orders-only', `${key}: is for orders`, `${kind} have no order lines; remove it`));
    }
  }
  const customers = c.fields(mapping.customers, CUSTOMER_FIELDS, ['customers'], (f) => `new customer's ${f}`, recordNames);
  const products = c.fields(mapping.products, PRODUCT_FIELDS, ['products'], (f) => `new product's ${f}`, lineNames);
  if (c.issues.length || !where) return empty();

  const placedBy = PLACED_BY[kind];
  const rowIssues = c.rowIssues;
  const made: MadeRecord[] = [];
  const tz = input.timezone;
  const dayOf = (v: string) => (v.length > 16 && /[Z+-]\d*:?\d*$/.test(v.slice(16)) ? localDate(parseDateTime(v, tz), tz) : v.slice(0, 10));
  const seenDay = (day: string) => {
    if (!counts.first || day < counts.first) counts.first = day;
    if (!counts.last || day > counts.last) counts.last = day;
  };
  const rowFail = (row: RowContext, got: Extract<Got, { ok: false }>) => rowIssues.push({ file: table.file, line: row.line, message: got.message, hint: got.hint });
  const ctxOf = (r: CsvRow): RowContext => ({ line: r.line, cells: r.cells, joined: [] });

  /** Reads fields on demand, each once; `field:` sources read the others through it. */
  const scopeOf = (row: RowContext, fields: CompiledFields, names: Set<string>, outer?: Scope): { scope: Scope; values: Map<string, Got> } => {
    const values = new Map<string, Got>();
    const busy = new Set<string>();
    const scope: Scope = (f) => {
      const hit = values.get(f);
      if (hit) return hit;
      const spec = fields.get(f);
      if (!spec) return outer && !names.has(f) ? outer(f) : { ok: true, value: undefined };
      if (busy.has(f)) return { ok: false, message: `${f} comes from itself through field: sources`, hint: 'break the circle: give one of them a column or a value' };
      busy.add(f);
      const got = spec.get(row, scope);
      busy.delete(f);
      values.set(f, got);
      return got;
    };
    return { scope, values };
  };

  /** Every field of a section for one row; undefined when any failed (reported). */
  const readAll = (row: RowContext, fields: CompiledFields, scope: Scope, required: readonly string[], what: string): Rec | undefined => {
    const out: Rec = {};
    let bad = false;
    for (const [f, spec] of fields) {
      if (spec.sequence !== undefined) continue;
      const got = scope(f);
      if (!got.ok) {
        rowFail(row, got);
        bad = true;
      } else if (got.value !== undefined) out[f] = got.value;
      else if (required.includes(f)) {
        const why = c.joinMiss(row, spec.column);
        rowIssues.push({ file: table.file, line: row.line, message: `${f} (${spec.source}) is empty`, hint: why ?? `every ${what} needs a ${f}: fill the cell, or give a default: in the mapping` });
        bad = true;
      }
    }
    return bad ? undefined : out;
  };

  const inMonth = (row: RowContext, placed: CompiledValue, scope: Scope): { day?: string; value?: string } | undefined => {
    const got = scope(placedBy);
    if (!got.ok) {
      rowFail(row, got);
      return undefined;
    }
    if (got.value === undefined) {
      rowIssues.push({ file: table.file, line: row.line, message: `${placedBy} (${placed.source}) is empty`, hint: c.joinMiss(row, placed.column) ?? `a record without a ${placedBy} cannot be placed in a month; fill it in, or leave such rows out with where: { ${placed.column ?? placedBy}: { empty: false } }` });
      return undefined;
    }
    const value = String(got.value);
    const day = dayOf(value);
    seenDay(day);
    return { day, value };
  };

  if (kind === 'orders') {
    const spec = specs[0]!;
    // Rows in file order, gathered into orders.
    const groups = new Map<string, RowContext[]>();
    table.rows.forEach((r, k) => {
      const row = ctxOf(r);
      if (!where(row)) {
        counts.filtered++;
        return;
      }
      let key = `#${k}`;
      if (groupBy) {
        const g = groupBy(row);
        if (g === '') {
          rowIssues.push({ file: table.file, line: row.line, message: `${mapping.group_by} is empty`, hint: `rows are gathered into orders by ${mapping.group_by}; fill it in` });
          return;
        }
        key = g;
      }
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    });
    const placed = spec.fields.get(placedBy)!;
    for (const rows of groups.values()) {
      const first = rows[0]!;
      const scopes = rows.map((row) => scopeOf(row, spec.fields, recordNames));
      const days = rows.map((row, k) => inMonth(row, placed, scopes[k]!.scope));
      if (days.some((d) => d === undefined)) continue;
      if (!days.some((d) => d!.day!.slice(0, 7) === month)) {
        counts.outside += rows.length;
        continue;
      }
      const order = readAll(first, spec.fields, scopes[0]!.scope, recordSet.required, 'order');
      // Every row of an order must agree on the order's fields.
      let agree = true;
      for (let k = 1; k < rows.length; k++) {
        for (const [f, s] of spec.fields) {
          if (s.sequence !== undefined) continue;
          const a = scopes[0]!.scope(f);
          const b = scopes[k]!.scope(f);
          if (!a.ok || !b.ok || a.value === b.value) continue;
          agree = false;
          rowIssues.push({
            file: table.file,
            line: rows[k]!.line,
            message: `${f} (${s.source}) is ${JSON.stringify(b.value ?? '')} here but ${JSON.stringify(a.value ?? '')} on line ${first.line}, the first row of the same order`,
            hint: `rows with the same ${mapping.group_by} are the lines of one order and share its ${[...spec.fields.keys()].filter((x) => !['id'].includes(x)).join(', ')}`,
          });
        }
      }
      const orderLines: Rec[] = [];
      let linesOk = true;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const { scope } = scopeOf(row, lines, new Set(Object.keys(LINE_FIELDS.types)), scopes[k]!.scope);
        const line = readAll(row, lines, scope, LINE_FIELDS.required, 'order line');
        if (!line) {
          linesOk = false;
          continue;
        }
        if (line.total !== undefined) {
          const price = deriveUnitPrice(line.total, line.qty, line.discount);
          if (typeof price === 'string') {
            rowIssues.push({ file: table.file, line: row.line, message: `price cannot be derived from total ${String(line.total)}: ${price}`, hint: 'price = total / (qty × (1 − discount)) needs a qty above 0 and a discount below 1' });
            linesOk = false;
            continue;
          }
          delete line.total;
          line.price = price;
        }
        orderLines.push({ sku: line.sku, qty: line.qty, price: line.price, ...(line.discount !== undefined ? { discount: line.discount } : {}), ...(line.kind !== undefined ? { kind: line.kind } : {}) });
      }
      if (!order || !agree || !linesOk) continue;
      counts.used += rows.length;
      made.push({ record: { ...order, lines: orderLines }, line: first.line, lineRows: rows.map((r) => r.line), spec: 0 });
    }
  } else {
    for (const r of table.rows) {
      const row = ctxOf(r);
      if (!where(row)) {
        counts.filtered++;
        continue;
      }
      let usedRow = false;
      let outsideRow = false;
      specs.forEach((spec, k) => {
        if (!spec.where(row)) return;
        const { scope } = scopeOf(row, spec.fields, recordNames);
        const placed = inMonth(row, spec.fields.get(placedBy)!, scope);
        if (!placed) return;
        if (placed.day!.slice(0, 7) !== month) {
          outsideRow = true;
          return;
        }
        const rec = readAll(row, spec.fields, scope, recordSet.required, kind.replace(/s$/, ''));
        if (!rec) return;
        usedRow = true;
        made.push({ record: rec, line: row.line, spec: k });
      });
      if (usedRow) counts.used++;
      else if (outsideRow) counts.outside++;
      // Left out by every records: entry's where (with a single entry too, else the row is counted nowhere).
      else if (specs.every((s) => !s.where(row))) counts.filtered++;
    }
  }

  // Date order (then id, then file order), so that a re-export in another order writes the same file.
  const tzTime = (v: unknown) => (typeof v === 'string' && v.length > 10 ? parseDateTime(v, tz) : Date.parse(`${String(v)}T00:00Z`));
  const keyed = made.map((m) => ({ m, t: tzTime(m.record[placedBy]) }));
  keyed.sort((a, b) => a.t - b.t || cmp(a.m.record.id, b.m.record.id) || a.m.line - b.m.line || a.m.spec - b.m.spec);
  // Not made.splice(0, n, ...sorted): a spread of every record throws above about 100,000 of them.
  keyed.forEach((k, i) => (made[i] = k.m));
  const sequenceOf = (m: MadeRecord) => specs[m.spec]?.fields.get('id')?.sequence;
  let n = 0;
  const width = Math.max(4, String(made.length).length);
  for (const m of made) {
    const prefix = sequenceOf(m);
    if (prefix === undefined) continue;
    m.record = { id: `${prefix}${month}-${String(++n).padStart(width, '0')}`, ...m.record };
  }
  // The order the month file is written in (the canonical writer's), so record i is made[i].
  sortLikeWriter(made, LAYOUTS[kind], (m) => m.record);

  // Customers and products the records name that the repository does not list.
  const newCustomers: NewRecord[] = [];
  const newProducts: NewRecord[] = [];
  const missing = new Map<string, { what: 'customer' | 'product'; line: number; uses: number; m: MadeRecord; lineIndex?: number }>();
  for (const m of made) {
    const cust = m.record.customer;
    if (typeof cust === 'string' && !input.customers.has(cust)) {
      const hit = missing.get(`c:${cust}`);
      if (hit) hit.uses++;
      else missing.set(`c:${cust}`, { what: 'customer', line: m.line, uses: 1, m });
    }
    (m.record.lines as Rec[] | undefined)?.forEach((l, j) => {
      const sku = l.sku;
      if (typeof sku !== 'string' || input.products.has(sku)) return;
      const hit = missing.get(`p:${sku}`);
      if (hit) hit.uses++;
      else missing.set(`p:${sku}`, { what: 'product', line: m.lineRows![j]!, uses: 1, m, lineIndex: j });
    });
  }
  const rowsByLine = new Map(table.rows.map((r) => [r.line, r]));
  // With --create-missing, a section that lacks a required field makes nothing: say so once.
  const canCreate = { customer: true, product: true };
  if (input.createMissing) {
    for (const what of ['customer', 'product'] as const) {
      const count = [...missing.values()].filter((x) => x.what === what).length;
      if (!count) continue;
      const section = what === 'customer' ? 'customers' : 'products';
      const set = what === 'customer' ? CUSTOMER_FIELDS : PRODUCT_FIELDS;
      const has = what === 'customer' ? customers : products;
      const lacking = set.required.filter((f) => !has.has(f));
      if (what === 'customer' && kind === 'surveys' && !has.has('owner')) lacking.push('owner');
      if (!lacking.length) continue;
      canCreate[what] = false;
      c.issues.push(
        issue(input.mapFile, mapping[section] ? [section] : [], 'cannot-create', `--create-missing needs ${section}: with ${lacking.join(', ')} to make the ${count} missing ${count === 1 ? what : section}`, `e.g. ${section}: { ${lacking.map((f) => `${f}: <column>`).join(', ')} } (or { value: … }: one value for all)`),
      );
    }
  }
  for (const [key, miss] of missing) {
    const idv = key.slice(2);
    if (!input.createMissing) {
      const file = miss.what === 'customer' ? 'data/customers.yaml' : 'data/products.yaml';
      const column = miss.what === 'customer' ? columnOfSpec(specs[miss.m.spec]?.fields.get('customer')) : columnOfSpec(lines.get('sku'));
      rowIssues.push({
        file: table.file,
        line: miss.line,
        message: `${miss.what} "${idv}"${column ? ` (column "${column}")` : ''} is not in ${file}${miss.uses > 1 ? `; ${miss.uses} ${miss.what === 'customer' ? kind : 'order lines'} name it` : ''}`,
        hint: `add it to ${file}, or import again with --create-missing to add it from the CSV`,
        kind: `missing-${miss.what}`,
      });
      continue;
    }
    if (!canCreate[miss.what]) continue;
    const section = miss.what === 'customer' ? customers : products;
    const row = ctxOf(rowsByLine.get(miss.line)!);
    const recordScope = scopeOf(row, specs[miss.m.spec]!.fields, recordNames).scope;
    // field: sources read the record that named the customer or product (for a product: its line first).
    const outer: Scope = (f) => {
      const line = miss.lineIndex !== undefined ? (miss.m.record.lines as Rec[])[miss.lineIndex]! : undefined;
      if (line && f in line) return { ok: true, value: line[f] as string | number | undefined };
      if (f in miss.m.record) return { ok: true, value: miss.m.record[f] as string | number | undefined };
      return recordScope(f);
    };
    const { scope } = scopeOf(row, section, new Set(), outer);
    if (miss.what === 'customer') {
      const rec = readAll(row, customers, scope, CUSTOMER_FIELDS.required, 'new customer');
      if (!rec) continue;
      const owner = rec.owner ?? miss.m.record.rep;
      // Written as an ownership history (its owner since always), the form customers.yaml keeps.
      const owners = owner === undefined ? undefined : [{ rep: owner }];
      newCustomers.push({ record: { id: idv, name: rec.name ?? idv, region: rec.region, segment: rec.segment, owners, ...(rec.since !== undefined ? { since: rec.since } : {}) }, line: miss.line });
    } else {
      const rec = readAll(row, products, scope, PRODUCT_FIELDS.required, 'new product');
      if (!rec) continue;
      newProducts.push({ record: { sku: idv, name: rec.name ?? idv, category: rec.category, ...(rec.tier !== undefined ? { tier: rec.tier } : {}), ...(rec.list_price !== undefined ? { list_price: rec.list_price } : {}) }, line: miss.line });
    }
  }
  newCustomers.sort((a, b) => cmp(a.record.id, b.record.id));
  newProducts.sort((a, b) => cmp(a.record.sku, b.record.sku));

  const columnOf: MapResult['columnOf'] = (section, field, spec = 0) => {
    const s = section === 'fields' ? specs[spec]?.fields : section === 'lines' ? lines : section === 'customers' ? customers : products;
    return columnOfSpec(s?.get(field));
  };
  const missingIds = { customers: new Set<string>(), products: new Set<string>() };
  for (const [key, miss] of missing) missingIds[miss.what === 'customer' ? 'customers' : 'products'].add(key.slice(2));
  return { made, newCustomers, newProducts, rowIssues, mapIssues: c.issues, counts, missing: missingIds, columnOf };
}

function columnOfSpec(s: CompiledValue | undefined): string | undefined {
  return s?.column;
}

function cmp(a: unknown, b: unknown): number {
  const x = String(a ?? '');
  const y = String(b ?? '');
  return x < y ? -1 : x > y ? 1 : 0;
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
