/**
 * Customers and products the made records name that the repository does not list: reported at
 * the first CSV line naming each, or with --create-missing made from that row through the
 * mapping's customers: and products: sections (a `field:` source there reads the record, and
 * for a product its order line, that named it).
 */
import { issue, type PendingIssue } from '../issues/issue.ts';
import type { MonthKind } from '../schema/file-kinds.ts';
import type { Scope } from './compile.ts';
import type { CsvTable, RowIssue } from './csv.ts';
import type { MadeRecord, NewRecord } from './made.ts';
import type { Mapping } from './mapping.ts';
import type { MappingPlan } from './plan.ts';
import { rowContext, type RowReader } from './row-reader.ts';
import { CUSTOMER_FIELDS, PRODUCT_FIELDS } from './targets.ts';

type Rec = Record<string, unknown>;
type What = 'customer' | 'product';

/** The first record naming a missing customer or product, and how many name it. */
interface Missing {
  what: What;
  id: string;
  line: number;
  uses: number;
  made: MadeRecord;
  /** A product: the index of the order line that named it. */
  lineIndex?: number;
}

export interface MissingResult {
  newCustomers: NewRecord[];
  newProducts: NewRecord[];
  /** Customer ids and skus the records name that the repository did not list (reported, or created). */
  missing: { customers: Set<string>; products: Set<string> };
}

export interface MissingInput {
  kind: MonthKind;
  table: CsvTable;
  mapping: Mapping;
  mapFile: string;
  plan: MappingPlan;
  made: MadeRecord[];
  customers: ReadonlySet<string>;
  products: ReadonlySet<string>;
  createMissing: boolean;
}

/** In the order of `made` (the month files' order), so the first record naming one decides it. */
function findMissing(made: MadeRecord[], customers: ReadonlySet<string>, products: ReadonlySet<string>): Missing[] {
  const found = new Map<string, Missing>();
  const note = (what: What, id: string, m: MadeRecord, line: number, lineIndex?: number) => {
    const hit = found.get(`${what}:${id}`);
    if (hit) hit.uses++;
    else found.set(`${what}:${id}`, { what, id, line, uses: 1, made: m, ...(lineIndex !== undefined ? { lineIndex } : {}) });
  };
  for (const m of made) {
    const cust = m.record.customer;
    if (typeof cust === 'string' && !customers.has(cust)) note('customer', cust, m, m.line);
    (m.record.lines as Rec[] | undefined)?.forEach((l, j) => {
      if (typeof l.sku === 'string' && !products.has(l.sku)) note('product', l.sku, m, m.lineRows![j]!, j);
    });
  }
  return [...found.values()];
}

export function missingReferences(input: MissingInput, reader: RowReader, mapIssues: PendingIssue[], rowIssues: RowIssue[]): MissingResult {
  const { kind, plan, mapping } = input;
  const all = findMissing(input.made, input.customers, input.products);
  const result: MissingResult = { newCustomers: [], newProducts: [], missing: { customers: new Set(), products: new Set() } };
  for (const miss of all) result.missing[miss.what === 'customer' ? 'customers' : 'products'].add(miss.id);

  if (!input.createMissing) {
    for (const miss of all) {
      const file = miss.what === 'customer' ? 'data/customers.yaml' : 'data/products.yaml';
      const column = miss.what === 'customer' ? plan.specs[miss.made.spec]?.fields.get('customer')?.column : plan.lines.get('sku')?.column;
      rowIssues.push({
        file: input.table.file,
        line: miss.line,
        message: `${miss.what} "${miss.id}"${column ? ` (column "${column}")` : ''} is not in ${file}${miss.uses > 1 ? `; ${miss.uses} ${miss.what === 'customer' ? kind : 'order lines'} name it` : ''}`,
        hint: `add it to ${file}, or import again with --create-missing to add it from the CSV`,
        kind: `missing-${miss.what}`,
      });
    }
    return result;
  }

  // A section that lacks a required field makes nothing: say so once.
  const canCreate = { customer: true, product: true };
  for (const what of ['customer', 'product'] as const) {
    const count = all.filter((x) => x.what === what).length;
    if (!count) continue;
    const section = what === 'customer' ? 'customers' : 'products';
    const set = what === 'customer' ? CUSTOMER_FIELDS : PRODUCT_FIELDS;
    const has = what === 'customer' ? plan.customers : plan.products;
    const lacking = set.required.filter((f) => !has.has(f));
    if (what === 'customer' && kind === 'surveys' && !has.has('owner')) lacking.push('owner');
    if (!lacking.length) continue;
    canCreate[what] = false;
    mapIssues.push(issue(input.mapFile, mapping[section] ? [section] : [], 'cannot-create', `--create-missing needs ${section}: with ${lacking.join(', ')} to make the ${count} missing ${count === 1 ? what : section}`, `e.g. ${section}: { ${lacking.map((f) => `${f}: <column>`).join(', ')} } (or { value: … }: one value for all)`));
  }

  const rowsByLine = new Map(input.table.rows.map((r) => [r.line, r]));
  for (const miss of all) {
    if (!canCreate[miss.what]) continue;
    const row = rowContext(rowsByLine.get(miss.line)!);
    const recordScope = reader.scope(row, plan.specs[miss.made.spec]!.fields, plan.recordNames);
    // field: sources read the record that named the customer or product (for a product: its line first).
    const outer: Scope = (f) => {
      const line = miss.lineIndex !== undefined ? (miss.made.record.lines as Rec[])[miss.lineIndex]! : undefined;
      if (line && f in line) return { ok: true, value: line[f] as string | number | undefined };
      if (f in miss.made.record) return { ok: true, value: miss.made.record[f] as string | number | undefined };
      return recordScope(f);
    };
    if (miss.what === 'customer') {
      const scope = reader.scope(row, plan.customers, new Set(), outer);
      const rec = reader.readAll(row, plan.customers, scope, CUSTOMER_FIELDS.required, 'new customer');
      if (!rec) continue;
      const owner = rec.owner ?? miss.made.record.rep;
      // Written as an ownership history (its owner since always), the form customers.yaml keeps.
      const owners = owner === undefined ? undefined : [{ rep: owner }];
      result.newCustomers.push({ record: { id: miss.id, name: rec.name ?? miss.id, region: rec.region, segment: rec.segment, owners, ...(rec.since !== undefined ? { since: rec.since } : {}) }, line: miss.line });
    } else {
      const scope = reader.scope(row, plan.products, new Set(), outer);
      const rec = reader.readAll(row, plan.products, scope, PRODUCT_FIELDS.required, 'new product');
      if (!rec) continue;
      result.newProducts.push({ record: { sku: miss.id, name: rec.name ?? miss.id, category: rec.category, ...(rec.tier !== undefined ? { tier: rec.tier } : {}), ...(rec.list_price !== undefined ? { list_price: rec.list_price } : {}) }, line: miss.line });
    }
  }
  result.newCustomers.sort((a, b) => cmp(a.record.id, b.record.id));
  result.newProducts.sort((a, b) => cmp(a.record.sku, b.record.sku));
  return result;
}

export function cmp(a: unknown, b: unknown): number {
  const x = String(a ?? '');
  const y = String(b ?? '');
  return x < y ? -1 : x > y ? 1 : 0;
}
