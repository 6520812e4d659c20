/**
 * The fields an import can fill, per record kind, with the type that decides how a cell is
 * read. Which of them are required comes from the record schemas themselves.
 */
import type { z } from 'zod';
import { activitySchema } from '../schema/activities.ts';
import { customerSchema } from '../schema/customers.ts';
import type { MonthKind } from '../schema/file-kinds.ts';
import { leadSchema } from '../schema/leads.ts';
import { orderLineSchema, orderSchema } from '../schema/orders.ts';
import { productSchema } from '../schema/products.ts';
import { ACTIVITY_FIELDS, LEAD_FIELDS, ORDER_FIELDS, ORDER_LINE_FIELDS, SURVEY_FIELDS, type Field } from '../schema/record-fields.ts';
import { surveySchema } from '../schema/surveys.ts';

/**
 * - `id`: text that must be an id (letters, digits, - _ .); `slug: true` makes one from a name.
 * - `text`: free text (names, notes, choices such as an activity type).
 * - `number`: read in the mapping's number format.
 * - `date`: YYYY-MM-DD; `datetime`: YYYY-MM-DDTHH:MM (company time unless the cell has an offset).
 */
export type FieldType = 'id' | 'text' | 'number' | 'date' | 'datetime';

export interface FieldSet {
  types: Readonly<Record<string, FieldType>>;
  required: readonly string[];
}

function fieldSet(schema: z.ZodType, types: Record<string, FieldType>, extra: Record<string, FieldType> = {}, notRequired: string[] = []): FieldSet {
  return { types: { ...types, ...extra }, required: requiredOf(schema).filter((k) => k in types && !notRequired.includes(k)) };
}

/** The keys of a zod object that are neither optional nor defaulted. */
function requiredOf(schema: z.ZodType): string[] {
  // A schema that normalizes what it read (customers: owner to owners) is a pipe from the object.
  let def = (schema as unknown as { _zod: { def: { type: string; in?: z.ZodType; shape?: Record<string, { _zod: { def: { type: string } } }> } } })._zod.def;
  while (def.type === 'pipe' && def.in) def = (def.in as unknown as { _zod: { def: typeof def } })._zod.def;
  const shape = def.shape!;
  return Object.keys(shape).filter((k) => !['optional', 'default', 'prefault'].includes(shape[k]!._zod.def.type));
}

/** How a cell of each field type (schema/record-fields.ts) is read; an order's lines are read on their own. */
function typesOf(table: readonly Field[]): Record<string, FieldType> {
  const as: Record<Field['type'], FieldType | undefined> = { id: 'id', ref: 'id', date: 'date', 'date-time': 'datetime', amount: 'number', qty: 'number', fraction: 'number', int: 'number', enum: 'text', line: 'text', text: 'text', lines: undefined };
  return Object.fromEntries(table.flatMap((f) => (as[f.type] ? [[f.name, as[f.type]!]] : [])));
}

/** The record of each month kind (for orders: the order without its lines). */
export const RECORD_FIELDS: Record<MonthKind, FieldSet> = {
  orders: fieldSet(orderSchema, typesOf(ORDER_FIELDS)),
  leads: fieldSet(leadSchema, typesOf(LEAD_FIELDS)),
  activities: fieldSet(activitySchema, typesOf(ACTIVITY_FIELDS)),
  surveys: fieldSet(surveySchema, typesOf(SURVEY_FIELDS)),
};

/**
 * An order line. `total` is not stored: exports often give the line's amount after discount
 * instead of the unit price, and the importer derives `price` from it (see deriveUnitPrice).
 */
export const LINE_FIELDS: FieldSet = fieldSet(orderLineSchema, typesOf(ORDER_LINE_FIELDS), { total: 'number' }, ['price']);

/** A customer created by --create-missing; its id is the customer the record names. */
export const CUSTOMER_FIELDS: FieldSet = fieldSet(customerSchema, { name: 'text', region: 'id', segment: 'id', owner: 'id', since: 'date' }, {}, ['name', 'owner']);

/** A product created by --create-missing; its sku is the one the order line names. */
export const PRODUCT_FIELDS: FieldSet = fieldSet(productSchema, { name: 'text', category: 'id', tier: 'number', list_price: 'number' }, {}, ['name']);

/** The field that places a record in its month. */
export const PLACED_BY: Record<MonthKind, string> = { orders: 'date', leads: 'created', activities: 'at', surveys: 'date' };
