/**
 * Layouts (key order, defaults) for every file kind, read off the zod schemas so that the
 * canonical key order is the order the schema declares: one source of truth.
 */
import type { z } from 'zod';
import { schemaOf, type FileKind } from '../schema/file-kinds.ts';
import type { Layout } from './to-yaml.ts';

// The bits of zod's internal definition we walk (zod 4: `schema._zod.def`).
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  defaultValue?: unknown;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object or array a schema describes, looking through optional, default, pipe and union. */
function unwrap(s: z.ZodType): z.ZodType {
  for (;;) {
    const d = defOf(s);
    if (d.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else if (d.type === 'union' && d.options) {
      const container = d.options.find((o) => ['object', 'array'].includes(defOf(unwrap(o)).type));
      if (!container) return s;
      s = container;
    } else return s;
  }
}

/** The layout of the mappings a schema describes (for a list: of its items); undefined for scalars. */
export function layoutOf(schema: z.ZodType): Layout | undefined {
  const s = unwrap(schema);
  const d = defOf(s);
  if (d.type === 'array' && d.element) return layoutOf(d.element);
  if (d.type !== 'object' || !d.shape) return undefined;
  const nested: Record<string, Layout> = {};
  const defaults: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(d.shape)) {
    const child = layoutOf(field);
    if (child) nested[key] = child;
    const fd = defOf(field);
    if (fd.type === 'default') defaults[key] = fd.defaultValue;
  }
  return { keys: Object.keys(d.shape), nested, defaults };
}

function layoutOfKind(kind: FileKind): Layout {
  const layout = layoutOf(schemaOf[kind]);
  if (!layout) throw new Error(`no mapping layout for ${kind}`);
  return layout;
}

const orders = layoutOfKind('orders');
const products = layoutOfKind('products');

/** The canonical layout of each file kind. */
export const LAYOUTS: Record<FileKind, Layout> = {
  company: layoutOfKind('company'),
  team: layoutOfKind('team'),
  customers: layoutOfKind('customers'),
  goals: layoutOfKind('goals'),
  targets: layoutOfKind('targets'),
  leads: layoutOfKind('leads'),
  activities: layoutOfKind('activities'),
  surveys: layoutOfKind('surveys'),
  // Order lines leave out `discount: 0` and `kind: regular`: most lines are plain sales.
  orders: { ...orders, nested: { ...orders.nested, lines: { ...orders.nested.lines!, omitDefaults: true } } },
  // products.yaml is a mapping; its `products` list holds the records, written in block style.
  products: { ...products, nested: { ...products.nested, products: { ...products.nested.products!, block: true } } },
};
