import type { z } from 'zod';
import { records } from './fields.ts';
import { ORDER_CHANNELS, ORDER_FIELDS, ORDER_LINE_FIELDS, recordSchema } from './record-fields.ts';

export { ORDER_CHANNELS };

/** One line of an order (fields: record-fields.ts ORDER_LINE_FIELDS). */
export const orderLineSchema = recordSchema(ORDER_LINE_FIELDS);

/** One order (a transaction) in data/YYYY/MM/orders.yaml (fields: record-fields.ts ORDER_FIELDS). */
export const orderSchema = recordSchema(ORDER_FIELDS);

/** data/YYYY/MM/orders.yaml: the month's orders, a list. */
export const ordersSchema = records(orderSchema);

export type OrderInput = z.input<typeof orderSchema>;
export type Order = z.output<typeof orderSchema>;
export type OrderLine = z.output<typeof orderLineSchema>;
