import { z } from 'zod';
import { amount, date, fraction, freeText, id, quantity, records } from './fields.ts';

export const LINE_KINDS = ['regular', 'cross-sell', 'up-sell'] as const;

/** One line of an order. Usually written on one line: `- { sku: BEV-TEH-350, qty: 24, price: 5500 }`. */
export const orderLineSchema = z.strictObject({
  /** A product sku from products.yaml. @example BEV-TEH-350 */
  sku: id,
  /** Units sold. @example 24 */
  qty: quantity,
  /** Unit price charged, before the line discount. @example 5500 */
  price: amount,
  /** Line discount as a fraction (0.1 = 10 % off); default 0. @example 0.05 */
  discount: fraction.default(0),
  /**
   * regular (default), cross-sell (a category new to the customer) or up-sell (a higher tier than
   * the customer's last earlier purchase in the category); validation warns when the orders say otherwise.
   */
  kind: z.enum(LINE_KINDS, { error: 'must be regular, cross-sell or up-sell' }).default('regular'),
});

/** One order (a transaction) in data/YYYY/MM/orders.yaml. */
export const orderSchema = z.strictObject({
  /** Unique order id. @example SO-2026-03-0001 */
  id,
  /** Order date, inside the file's month. @example 2026-03-04 */
  date,
  /** A customer id from customers.yaml. @example C0001 */
  customer: id,
  /** The rep who closed the sale (from team.yaml). @example andi */
  rep: id,
  /** The order lines, at least one. */
  lines: z
    .array(orderLineSchema, { error: 'must be a list of order lines' })
    .min(1, { error: 'must have at least one line' }),
  /** Free text. */
  note: freeText.optional(),
});

/** data/YYYY/MM/orders.yaml: the month's orders, a list. */
export const ordersSchema = records(orderSchema);

export type OrderInput = z.input<typeof orderSchema>;
export type Order = z.output<typeof orderSchema>;
export type OrderLine = z.output<typeof orderLineSchema>;
