/**
 * The mapping file (`--map MAP.yaml`): which CSV column feeds which field of the records an
 * import writes, and how each cell is cleaned on the way. docs/import.md is the guide; this
 * schema is the reference, and checks a mapping as strictly as the data (a misspelt key is an
 * error with a suggestion, never ignored).
 *
 * ```yaml
 * kind: orders
 * numbers: en                    # 1,234.56
 * dates: m/d/yyyy                # 11/8/2018
 * group_by: Order ID             # rows with the same Order ID are the lines of one order
 * fields:
 *   id: Order ID                 # a string names a column
 *   date: Order Date
 *   customer: Customer ID
 *   rep: { column: Region, map: { West: rep-west, East: rep-east }, unmapped: error }
 * lines:
 *   sku: Product ID
 *   qty: Quantity
 *   total: Sales                 # line amount after discount: the unit price is derived
 *   discount: Discount
 * customers:                     # with --create-missing: how a customer not yet listed is made
 *   name: Customer Name
 *   region: { column: Region, slug: true, case: lower }
 *   segment: { column: Segment, slug: true, case: lower }
 * products:
 *   name: Product Name
 *   category: { column: Category, slug: true, case: lower }
 * ```
 */
import { z } from 'zod';
import type { Company } from '../schema/company.ts';
import { MONTH_KINDS, type MonthKind } from '../schema/file-kinds.ts';
import { CUSTOMER_FIELDS, LINE_FIELDS, PRODUCT_FIELDS, RECORD_FIELDS, type FieldSet } from './targets.ts';
import { isDateFormat, NUMBER_FORMAT_EXAMPLES, NUMBER_FORMATS, type NumberFormat } from './values.ts';

const scalar = z.union([z.string(), z.number()], { error: 'must be text or a number' });

const dateFormat = z
  .string({ error: 'must be a date format such as dd/mm/yyyy' })
  .refine(isDateFormat, { error: 'must be a date format: day (d or dd), month (m or mm) and year (yyyy) with / - or ., year first or last (dd/mm/yyyy, m/d/yyyy, yyyy-mm-dd), or excel' });

/** en or id, or the same spelt as an example: "1,234.5" (en) or "1.234,5" (id). */
const numberFormat = z
  .enum([...NUMBER_FORMATS, ...(Object.keys(NUMBER_FORMAT_EXAMPLES) as ['1,234.5', '1.234,5'])], { error: 'must be "1.234,5" (id: point groups thousands, comma marks decimals) or "1,234.5" (en), or id or en' })
  .transform((f): NumberFormat => NUMBER_FORMAT_EXAMPLES[f] ?? (f as NumberFormat));

/** Two numbers, the lower first: [1, 10]. */
const range = z
  .tuple([z.number(), z.number()], { error: 'must be two numbers, [low, high]' })
  .refine(([a, b]) => a < b, { error: 'must be [low, high], the lower first' });

/** Where one field's value comes from, and how the cell is cleaned. Exactly one source. */
const valueSpecObject = z
  .strictObject({
    /** The CSV column that feeds the field; a joined file's columns are `<as>.<column>`. @example Order Date */
    column: z.string().min(1, { error: 'must name a column' }).optional(),
    /** A constant: every record gets it. @example online */
    value: scalar.optional(),
    /**
     * Another field of the same record, as imported. In `customers:` and `products:`, a field
     * of the record that named the new customer or product (`owner: { field: rep }`). @example rep
     */
    field: z.string().min(1).optional(),
    /**
     * Text made of several columns: each `{column}` is replaced by that column's cell (a joined
     * column as `{<as>.<column>}`; `{{` and `}}` are braces). Empty when any of the cells is.
     * @example "{Branch}-{Customer type}"
     */
    template: z.string().min(1, { error: 'must be text with {column} in it' }).optional(),
    /** Ids only: number the month's records in date order, PREFIX + YYYY-MM- + 0001. @example S- */
    sequence: z.string().optional(),
    /** The field's value when the cell is empty (used as it is, without the steps below). @example 1 */
    default: scalar.optional(),
    /** Renames, applied first: cell text -> value. @example { GTXPro: GTX Pro, Won: won } */
    map: z.record(z.string(), scalar).optional(),
    /** A value `map` does not list: keep it as it is (default), or report the row. */
    unmapped: z.enum(['keep', 'error'], { error: 'must be keep or error' }).optional(),
    /** Make an id of the text: accents dropped, spaces and other characters become "-" ("GTX Pro" -> GTX-Pro). */
    slug: z.boolean().optional(),
    /** Change the letter case (after slug, before prefix). */
    case: z.enum(['lower', 'upper'], { error: 'must be lower or upper' }).optional(),
    /** Put before the value, last: ids from two systems stay apart. @example OPP- */
    prefix: z.string().optional(),
    /** This column's date format, when it differs from the mapping's `dates`. @example dd/mm/yyyy */
    date: dateFormat.optional(),
    /** This column's number format, when it differs from the mapping's `numbers`. @example id */
    number: numberFormat.optional(),
    /** The number is a percentage: 10 means 0.1 (a cell written "10%" is read as 0.1 anyway). */
    percent: z.boolean().optional(),
    /**
     * Number fields: multiply by this number (0.5 halves), or stretch a range onto another:
     * { from: [1, 10], to: [1, 5] } (a 1–10 rating as a 1–5 score). After map and percent.
     */
    scale: z
      .union([z.number(), z.strictObject({ from: range, to: range })], { error: 'must be a number to multiply by, or { from: [low, high], to: [low, high] }' })
      .optional(),
    /** Number fields: round to this many decimals (0: whole numbers), halves away from zero, after scale. */
    round: z.int({ error: 'must be a whole number of decimals, 0 to 6' }).min(0, { error: 'must be a whole number of decimals, 0 to 6' }).max(6, { error: 'must be a whole number of decimals, 0 to 6' }).optional(),
    /** Number fields: [lowest, highest]; a value outside is moved to the nearer end, last. @example [1, 5] */
    clamp: range.optional(),
    /** Date-time fields: the time of day when the cell has only a date (default 00:00). @example 09:00 */
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:MM' }).optional(),
  })
  .refine((s) => [s.column, s.value, s.field, s.sequence, s.template].filter((x) => x !== undefined).length === 1, {
    error: 'must have exactly one source: column, template, value, field or sequence',
  });

/** A column name (`Order Date`), a number constant (`1`), or the full form. */
const valueSpec = z.union([z.string().min(1, { error: 'must name a column' }), z.number(), valueSpecObject], {
  error: 'must be a column name, a number, or { column: …, … }',
});

export type ValueSpecInput = z.input<typeof valueSpec>;
export type ValueSpecObject = z.output<typeof valueSpecObject>;

/**
 * A row condition on a column's cell (trimmed, compared exactly): one value, a list of values
 * (any of them), or `{ in: […], not: […], empty: true|false }`.
 */
export const condition = z.union(
  [
    scalar,
    z.array(scalar),
    z.strictObject({
      /** Keep rows whose cell is one of these. */
      in: z.array(scalar).optional(),
      /** Leave out rows whose cell is one of these. */
      not: z.array(scalar).optional(),
      /** true: keep rows whose cell is empty; false: keep rows that have a value. */
      empty: z.boolean().optional(),
    }),
  ],
  { error: 'must be a value, a list of values, or { in: […], not: […], empty: true|false }' },
);

/** Rows that do not meet every condition are left out (and counted in the summary). */
export const where = z.record(z.string(), condition, { error: 'must map column names to conditions' });

/** Another CSV of the same export, looked up by a key (a CRM's accounts or teams table). */
const joinSpec = z.strictObject({
  /** The CSV file, relative to the folder of the CSV being imported. @example sales_teams.csv */
  file: z.string().min(1),
  /** Its columns are read as `<as>.<column>`; default: the file name without .csv. @example team */
  as: z.string().regex(/^[A-Za-z0-9_-]+$/, { error: 'must be a short name (letters, digits, - _)' }).optional(),
  /** The column of the joined file that identifies its rows; its values must be unique. @example sales_agent */
  key: z.string().min(1),
  /** The value of the imported row to look up there. @example sales_agent */
  match: valueSpec,
});

function fieldsSchema(set: FieldSet) {
  return z.strictObject(Object.fromEntries(Object.keys(set.types).map((k) => [k, valueSpec.optional()])) as Record<string, z.ZodOptional<typeof valueSpec>>);
}

/** The mapping for one kind; `fields` (or `records`), and for orders `lines`, say where values come from. */
export function mappingSchema(kind: MonthKind) {
  const record = fieldsSchema(RECORD_FIELDS[kind]);
  return z.strictObject({
    /** The kind of records this mapping makes; must agree with the command line. @example orders */
    kind: z.enum(MONTH_KINDS, { error: `must be ${MONTH_KINDS.join(', ')}` }).optional(),
    /** The CSV's separator; default: found from the header line. */
    delimiter: z.enum([',', ';', 'tab'], { error: 'must be ",", ";" or tab' }).optional(),
    /** How the CSV writes dates; default: the company locale's (id-ID, en-GB: dd/mm/yyyy; en-US: mm/dd/yyyy). ISO dates are always read. */
    dates: dateFormat.optional(),
    /**
     * How the CSV writes numbers: "1.234,5" or id (point groups thousands, comma marks decimals),
     * "1,234.5" or en. Default: the company locale's, except that a number with one separator
     * and three digits after it (1.234, 1,234) is then refused as ambiguous. @example "1.234,5"
     */
    numbers: numberFormat.optional(),
    /** Other CSV files of the same export whose columns rows can use. */
    join: z.array(joinSpec).default([]),
    /** Only rows that meet every condition are imported. @example { deal_stage: Won } */
    where: where.optional(),
    /** Orders: rows with the same value in this column are the lines of one order (default: each row is an order). @example Order ID */
    group_by: z.string().min(1).optional(),
    /** Where each field of the record comes from. */
    fields: record.optional(),
    /** Instead of fields: several records from each row, each with its own where (a deal's first contact and its close). */
    records: z.array(z.strictObject({ where: where.optional(), fields: record }), { error: 'must be a list of { where, fields }' }).min(1).optional(),
    /** Orders: where each field of a row's order line comes from; give price, or total (the line's amount after discount). */
    lines: fieldsSchema(LINE_FIELDS).optional(),
    /** With --create-missing: the fields of a customer not yet in customers.yaml (id: the customer the record names; name defaults to it; owner to the record's rep). */
    customers: fieldsSchema(CUSTOMER_FIELDS).optional(),
    /** With --create-missing: the fields of a product not yet in products.yaml (sku: the line's; name defaults to it; tier to 1). */
    products: fieldsSchema(PRODUCT_FIELDS).optional(),
  });
}

export type Mapping = z.output<ReturnType<typeof mappingSchema>>;

/** Date and number formats a company locale implies, for mappings that do not say. */
export function localeFormats(locale: Company['locale']): { dates: string; numbers: NumberFormat } {
  return locale === 'en-US' ? { dates: 'mm/dd/yyyy', numbers: 'en' } : locale === 'en-GB' ? { dates: 'dd/mm/yyyy', numbers: 'en' } : { dates: 'dd/mm/yyyy', numbers: 'id' };
}

/**
 * Without --map: every field is read from the column of the same name, when the CSV has it
 * (id, date, customer, rep, sku, qty, price, …); orders group their lines by the id column.
 * New customers read customer_name, region, segment and owner; new products product_name,
 * category, tier and list_price.
 */
export function defaultMapping(kind: MonthKind, header: readonly string[]): Mapping {
  const has = new Set(header);
  const pick = (keys: readonly string[], from: (k: string) => string = (k) => k) =>
    Object.fromEntries(keys.filter((k) => has.has(from(k))).map((k) => [k, from(k)]));
  const mapping: Mapping = { kind, join: [], fields: pick(Object.keys(RECORD_FIELDS[kind].types)) };
  if (kind === 'orders') {
    mapping.lines = pick(Object.keys(LINE_FIELDS.types));
    if (has.has('id')) mapping.group_by = 'id';
    mapping.customers = pick(['name', 'region', 'segment', 'owner', 'since'], (k) => (k === 'name' ? 'customer_name' : k));
    mapping.products = pick(['name', 'category', 'tier', 'list_price'], (k) => (k === 'name' ? 'product_name' : k));
  } else if (kind !== 'leads') {
    mapping.customers = pick(['name', 'region', 'segment', 'owner', 'since'], (k) => (k === 'name' ? 'customer_name' : k));
  }
  return mapping;
}
