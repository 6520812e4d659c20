import { z } from 'zod';
import { date, id, records, text } from './fields.ts';

/** One customer in data/customers.yaml. */
export const customerSchema = z.strictObject({
  /** @example C0001 */
  id,
  /** @example Toko Sinar Jaya */
  name: text,
  /** A region id from company.yaml. @example jabodetabek */
  region: id,
  /** A segment id from company.yaml. @example retail */
  segment: id,
  /** The rep who owns the account (sales-per-rep credits them). @example andi */
  owner: id,
  /**
   * When the account was opened. Before the first month of data: a customer already, never a
   * new one (see customer_first_order in dataset/fields.ts); otherwise first orders decide.
   */
  since: date.optional(),
});

/** data/customers.yaml: the customers, a list. */
export const customersSchema = records(customerSchema);

export type CustomerInput = z.input<typeof customerSchema>;
export type Customer = z.output<typeof customerSchema>;
