/**
 * Layouts (key order, defaults) for every file kind, read off the zod schemas so that the
 * canonical key order is the order the schema declares: one source of truth.
 */
import type { z } from 'zod';
import { kpiSchema } from '../kpi/schema.ts';
import { reviewSchema } from '../schema/review.ts';
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
function layoutOf(schema: z.ZodType): Layout | undefined {
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

/**
 * How the records of each kind are kept sorted: month files by their time then id, the lists by
 * id (products by sku), targets by KPI, period and scope (targets without a scope first).
 */
const SORT_BY: Partial<Record<FileKind, readonly string[]>> = {
  orders: ['date', 'id'],
  leads: ['created', 'id'],
  activities: ['at', 'id'],
  surveys: ['date', 'id'],
  customers: ['id'],
  team: ['id'],
  products: ['sku'],
  targets: ['kpi', 'period', 'rep', 'region', 'category'],
};

const sorted = (kind: FileKind): Layout => ({ ...layoutOfKind(kind), sortBy: SORT_BY[kind]! });
const customers = sorted('customers');

/** The canonical layout of each file kind. */
export const LAYOUTS: Record<FileKind, Layout> = {
  company: layoutOfKind('company'),
  team: sorted('team'),
  // An account's owners oldest first; the one "since always" (no from) before every dated one.
  customers: { ...customers, nested: { ...customers.nested, owners: { ...customers.nested.owners!, sortBy: ['from'] } } },
  goals: layoutOfKind('goals'),
  targets: sorted('targets'),
  leads: sorted('leads'),
  activities: sorted('activities'),
  surveys: sorted('surveys'),
  // Order lines leave out `discount: 0` and `kind: regular`: most lines are plain sales.
  orders: { ...orders, sortBy: SORT_BY.orders!, nested: { ...orders.nested, lines: { ...orders.nested.lines!, omitDefaults: true } } },
  // products.yaml is a mapping; its `products` list holds the records, written in block style.
  products: { ...products, nested: { ...products.nested, products: { ...products.nested.products!, block: true, sortBy: SORT_BY.products! } } },
};

/**
 * The layout of a KPI definition, kpis/<id>.yaml: the schema's key order, except that
 * `breakdowns` comes last (what the KPI is, how it is computed, how it is broken down).
 * Formulas have no layout (they are recursive); fmt keeps their flow or block style as written.
 */
export const KPI_LAYOUT: Layout = (() => {
  const layout = layoutOf(kpiSchema)!;
  return { ...layout, keys: [...layout.keys.filter((k) => k !== 'breakdowns'), 'breakdowns'] };
})();

/** The layout of a review's frontmatter (reviews/<period>.mdx): the schema's key order. */
export const REVIEW_LAYOUT: Layout = (() => {
  const layout = layoutOf(reviewSchema)!;
  // Causes and actions are sentences: one field a line, always; annotations stay short, one a line.
  const block = (key: string) => ({ ...layout.nested[key]!, block: true });
  return { ...layout, nested: { ...layout.nested, causes: block('causes'), actions: block('actions') } };
})();
