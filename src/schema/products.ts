import { z } from 'zod';
import { amount, id, records, text } from './fields.ts';
import { vocabularyItem } from './company.ts';

/** One product in data/products.yaml. */
export const productSchema = z.strictObject({
  /** Stock keeping unit, unique. @example BEV-TEH-350 */
  sku: id,
  /** @example Teh Melati 350 ml */
  name: text,
  /** A category id from the categories list. @example minuman */
  category: id,
  /** Price tier within the category, 1 = entry; selling a higher tier is an up-sell. @example 2 */
  tier: z
    .int({ error: 'must be a tier number 1-9' })
    .min(1, { error: 'must be a tier number 1-9' })
    .max(9, { error: 'must be a tier number 1-9' })
    .default(1),
  /** List price per unit (orders carry the price actually charged). @example 5500 */
  list_price: amount.optional(),
});

/** data/products.yaml: product categories and the product list. */
export const productsSchema = z.strictObject({
  /** @example [{ id: minuman, name: { id: Minuman, en: Beverages } }] */
  categories: z.array(vocabularyItem).min(1, { error: 'must list at least one category' }),
  products: records(productSchema),
});

export type Product = z.output<typeof productSchema>;
export type Products = z.output<typeof productsSchema>;
