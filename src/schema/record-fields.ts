/**
 * The one field table of each month-file record kind (orders, order lines, leads, activities,
 * surveys): each field's name, type, whether it is required, its limits and its documentation.
 * Everything else that knows the shape of a record is derived from these tables:
 *
 * - the zod schemas (orders.ts, leads.ts, activities.ts, surveys.ts: `recordSchema` below);
 * - the fast record checks (validate/fast-records.ts);
 * - the canonical reader's keys and required fields (ingest/canonical-reader.ts);
 * - the chunk's columns of plain enum fields (ingest/chunk.ts `enums`), which the dataset turns
 *   into category fields when dataset/fields.ts lists them;
 * - the import's field types (import/targets.ts) and the tests' key tables.
 *
 * The order of a table is the order of the keys `capaian fmt` writes. To add an optional field
 * see CONTRIBUTING.md ("Adding a field to a record").
 */
import { z } from 'zod';
import { amount, date, dateTime, fraction, freeText, id, quantity, text } from './fields.ts';

/** What a `ref` field names: the file (and list) its value must be found in. */
export type RefTarget = 'customer' | 'rep' | 'sku' | 'lead' | 'region' | 'source' | 'segment' | 'lost_reason';

interface FieldBase<N extends string = string> {
  name: N;
  required: boolean;
  /** What the field holds, for the schema's JSDoc and the docs. */
  doc: string;
  example?: string;
}

/**
 * - `id`: the record's own id; `ref`: an id naming another record (`to`);
 * - `date`: YYYY-MM-DD; `date-time`: YYYY-MM-DDTHH:MM[:SS][offset];
 * - `amount`: money, 0 to AMOUNT_MAX; `qty`: a whole quantity 1 to QTY_MAX; `fraction`: 0 to 1;
 * - `int`: a whole number from `min` to `max`; `enum`: one of `values`;
 * - `line`: one line of text (names); `text`: free text that may span lines (notes);
 * - `lines`: the order's lines (the order-line table).
 */
export type Field =
  | (FieldBase & { type: 'id' | 'date' | 'date-time' | 'amount' | 'qty' | 'line' | 'text' | 'lines' })
  | (FieldBase & { type: 'ref'; to: RefTarget })
  | (FieldBase & { type: 'fraction'; default?: number })
  | (FieldBase & { type: 'int'; min: number; max: number; message: string })
  | (FieldBase & { type: 'enum'; values: readonly string[]; default?: string });

/** One line of an order. Usually written on one line: `- { sku: BEV-TEH-350, qty: 24, price: 5500 }`. */
export const ORDER_LINE_FIELDS = [
  { name: 'sku', type: 'ref', to: 'sku', required: true, doc: 'A product sku from products.yaml.', example: 'BEV-TEH-350' },
  { name: 'qty', type: 'qty', required: true, doc: 'Units sold.', example: '24' },
  { name: 'price', type: 'amount', required: true, doc: 'Unit price charged, before the line discount.', example: '5500' },
  { name: 'discount', type: 'fraction', required: false, default: 0, doc: 'Line discount as a fraction (0.1 = 10 % off); default 0.', example: '0.05' },
  {
    name: 'kind',
    type: 'enum',
    values: ['regular', 'cross-sell', 'up-sell'],
    required: false,
    default: 'regular',
    doc: "regular (default), cross-sell (a category new to the customer) or up-sell (a higher tier than the customer's last earlier purchase in the category); validation warns when the orders say otherwise.",
  },
] as const satisfies readonly Field[];

/**
 * How an order came in (the order's optional `channel`): a rep's visit, a phone or chat order,
 * the online shop, or through a distributor. Absent: not recorded.
 */
export const ORDER_CHANNELS = ['visit', 'phone', 'online', 'distributor'] as const;

/** One order (a transaction) in data/YYYY/MM/orders.yaml. */
export const ORDER_FIELDS = [
  { name: 'id', type: 'id', required: true, doc: 'Unique order id.', example: 'SO-2026-03-0001' },
  { name: 'date', type: 'date', required: true, doc: "Order date, inside the file's month.", example: '2026-03-04' },
  { name: 'customer', type: 'ref', to: 'customer', required: true, doc: 'A customer id from customers.yaml.', example: 'C0001' },
  { name: 'rep', type: 'ref', to: 'rep', required: true, doc: 'The rep who closed the sale (from team.yaml).', example: 'andi' },
  {
    name: 'channel',
    type: 'enum',
    values: ORDER_CHANNELS,
    required: false,
    doc: 'How the order came in: visit (a rep at the customer), phone (a call or a chat message), online (the web shop or a marketplace), distributor (through a distributor). Absent: not recorded.',
    example: 'visit',
  },
  { name: 'lines', type: 'lines', required: true, doc: 'The order lines, at least one.' },
  { name: 'note', type: 'text', required: false, doc: 'Free text.' },
] as const satisfies readonly Field[];

/** One lead (a prospect) in data/YYYY/MM/leads.yaml, filed in the month it was created. */
export const LEAD_FIELDS = [
  { name: 'id', type: 'id', required: true, doc: 'Unique lead id.', example: 'L-2026-03-0001' },
  { name: 'created', type: 'date-time', required: true, doc: 'When the lead came in; without an offset it is company time.', example: '2026-03-04T09:15' },
  { name: 'name', type: 'line', required: false, doc: 'Who the prospect is.', example: 'Warung Bu Sri' },
  { name: 'source', type: 'ref', to: 'source', required: true, doc: 'A lead source id from company.yaml.', example: 'referral' },
  { name: 'rep', type: 'ref', to: 'rep', required: true, doc: 'The rep the lead is assigned to.', example: 'andi' },
  { name: 'region', type: 'ref', to: 'region', required: true, doc: 'A region id from company.yaml.', example: 'jabodetabek' },
  { name: 'segment', type: 'ref', to: 'segment', required: false, doc: 'A segment id from company.yaml, when known.', example: 'retail' },
] as const satisfies readonly Field[];

/**
 * One thing that happened to a lead or a customer, in data/YYYY/MM/activities.yaml.
 * `won` closes a lead and names the customer it became; `lost` closes it without one.
 */
export const ACTIVITY_FIELDS = [
  { name: 'id', type: 'id', required: true, doc: 'Unique activity id.', example: 'A-2026-03-0001' },
  { name: 'at', type: 'date-time', required: true, doc: 'When it happened; without an offset it is company time.', example: '2026-03-04T10:30' },
  { name: 'type', type: 'enum', values: ['contact', 'follow-up', 'meeting', 'won', 'lost'], required: true, doc: 'contact (first or any call/visit), follow-up, meeting, won or lost.' },
  { name: 'rep', type: 'ref', to: 'rep', required: true, doc: 'The rep who did it.', example: 'andi' },
  { name: 'lead', type: 'ref', to: 'lead', required: false, doc: 'The lead it concerns (a lead id from any leads.yaml).', example: 'L-2026-03-0001' },
  { name: 'customer', type: 'ref', to: 'customer', required: false, doc: 'The customer it concerns; required on won: the customer the lead became.', example: 'C0412' },
  {
    name: 'reason',
    type: 'ref',
    to: 'lost_reason',
    required: false,
    doc: 'Only on lost: why the lead was lost, a lost reason id from company.yaml (lost_reasons). Absent: unspecified.',
    example: 'price',
  },
  { name: 'note', type: 'text', required: false, doc: 'Free text.' },
] as const satisfies readonly Field[];

/** One satisfaction survey response in data/YYYY/MM/surveys.yaml. */
export const SURVEY_FIELDS = [
  { name: 'id', type: 'id', required: true, doc: 'Unique response id.', example: 'S-2026-03-0001' },
  { name: 'date', type: 'date', required: true, doc: 'Date of the response.', example: '2026-03-18' },
  { name: 'customer', type: 'ref', to: 'customer', required: true, doc: 'The customer who answered.', example: 'C0001' },
  { name: 'score', type: 'int', min: 1, max: 5, message: 'must be a whole score from 1 to 5', required: true, doc: 'Score from 1 (very unhappy) to 5 (very happy).', example: '4' },
  { name: 'comment', type: 'text', required: false, doc: 'What the customer said.' },
] as const satisfies readonly Field[];

/** The table of each month-file kind (orders: the order; its lines are ORDER_LINE_FIELDS). */
export const RECORD_TABLES = {
  orders: ORDER_FIELDS,
  leads: LEAD_FIELDS,
  activities: ACTIVITY_FIELDS,
  surveys: SURVEY_FIELDS,
} as const;

// ---------------------------------------------------------------------------------------------
// Types of a record, from its table

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The value a field holds once read. */
type ValueOf<F> = F extends { type: 'enum'; values: readonly (infer V)[] }
  ? V
  : F extends { type: 'amount' | 'qty' | 'fraction' | 'int' }
    ? number
    : F extends { type: 'lines' }
      ? RecordOf<typeof ORDER_LINE_FIELDS>[]
      : string;

/** A field that always has a value once read: required, or filled with its default. */
type Always<F> = F extends { required: true } ? true : F extends { default: unknown } ? true : false;

/** A record as read (defaults filled). */
export type RecordOf<T extends readonly Field[]> = Simplify<
  { [F in T[number] as Always<F> extends true ? F['name'] : never]: ValueOf<F> } & {
    [F in T[number] as Always<F> extends true ? never : F['name']]?: ValueOf<F>;
  }
>;

/** A record as written (defaults may be left out). */
export type InputOf<T extends readonly Field[]> = Simplify<
  { [F in T[number] as F extends { required: true } ? F['name'] : never]: InputValueOf<F> } & {
    [F in T[number] as F extends { required: true } ? never : F['name']]?: InputValueOf<F>;
  }
>;
type InputValueOf<F> = F extends { type: 'lines' } ? InputOf<typeof ORDER_LINE_FIELDS>[] : ValueOf<F>;

// ---------------------------------------------------------------------------------------------
// zod schemas, from the tables

/** "a, b or c". */
function oneOf(values: readonly string[]): string {
  return values.length === 1 ? values[0]! : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

let lineSchema: z.ZodType | undefined;

/** The zod schema of one field (optional or defaulted as the table says). */
function fieldSchema(f: Field): z.ZodType {
  let s: z.ZodType;
  switch (f.type) {
    case 'id':
    case 'ref':
      s = id;
      break;
    case 'date':
      s = date;
      break;
    case 'date-time':
      s = dateTime;
      break;
    case 'amount':
      s = amount;
      break;
    case 'qty':
      s = quantity;
      break;
    case 'fraction':
      s = f.default === undefined ? fraction : fraction.default(f.default);
      break;
    case 'int':
      s = z.int({ error: f.message }).min(f.min, { error: f.message }).max(f.max, { error: f.message });
      break;
    case 'enum': {
      const e = z.enum(f.values as [string, ...string[]], { error: `must be ${oneOf(f.values)}` });
      s = f.default === undefined ? e : e.default(f.default);
      break;
    }
    case 'line':
      s = text;
      break;
    case 'text':
      s = freeText;
      break;
    case 'lines':
      s = z
        .array((lineSchema ??= recordSchema(ORDER_LINE_FIELDS)), { error: 'must be a list of order lines' })
        .min(1, { error: 'must have at least one line' });
      break;
  }
  const defaulted = (f.type === 'fraction' || f.type === 'enum') && f.default !== undefined;
  return f.required || defaulted ? s : s.optional();
}

/** The strict zod object of a table, typed as the records it reads. */
export function recordSchema<T extends readonly Field[]>(table: T): z.ZodType<RecordOf<T>, InputOf<T>> {
  return z.strictObject(Object.fromEntries(table.map((f) => [f.name, fieldSchema(f)]))) as unknown as z.ZodType<RecordOf<T>, InputOf<T>>;
}

/** The names of a table's fields, in order. */
export function keysOf(table: readonly Field[]): string[] {
  return table.map((f) => f.name);
}

/** The names of the fields a record must have. */
export function requiredKeysOf(table: readonly Field[]): string[] {
  return table.filter((f) => f.required).map((f) => f.name);
}

/** The enum fields that are plain columns of a chunk: not one the reader handles by name (`kind`, `type`). */
export function enumColumnsOf(table: readonly Field[], handled: readonly string[] = []): Extract<Field, { type: 'enum' }>[] {
  return table.filter((f): f is Extract<Field, { type: 'enum' }> => f.type === 'enum' && !handled.includes(f.name));
}

/** The values of every enum field of the month records, by field name (kind, channel, type): fixed by the format. */
export const ENUM_VALUES: Record<string, readonly string[]> = Object.fromEntries(
  [ORDER_LINE_FIELDS, ...Object.values(RECORD_TABLES)].flatMap((t) => enumColumnsOf(t)).map((f) => [f.name, f.values]),
);
