/**
 * New customers and products go into customers.yaml and products.yaml as text, each record
 * at its place in the canonical order (the writer's sort fields, e.g. by id), so that the file
 * keeps its comments and layout and `git diff` shows only the added records. The result is
 * read back and compared with what was meant; if the file's layout does not allow that (a flow
 * list, an odd indent), it is rewritten whole in canonical form instead.
 */
import yaml from 'js-yaml';
import { LAYOUTS } from '../format/layout.ts';
import { compareRecords, listToYaml, toYaml, type Layout } from '../format/to-yaml.ts';

type Rec = Record<string, unknown>;

export interface Inserted {
  text: string;
  /** Where each new record (in the order given) sits in the file's list afterwards. */
  positions: number[];
  /** The file could not take the records as text and was rewritten in canonical form (comments lost). */
  rewritten: boolean;
}

const load = (text: string): unknown => yaml.load(text, { schema: yaml.CORE_SCHEMA });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields the canonical writer keeps a list sorted by (none: the list keeps its order). */
function sortFieldsOf(layout: Layout | undefined): readonly string[] {
  return layout?.sortBy ?? [];
}

/** Sorts (stably, in place) as the canonical writer will write them, so positions stay known. */
export function sortLikeWriter<T>(items: T[], layout: Layout | undefined, recordOf: (item: T) => unknown): T[] {
  const cmp = compareRecords(sortFieldsOf(layout));
  return items.sort((a, b) => cmp(recordOf(a), recordOf(b)));
}

/** customers.yaml (a list) with `records` added. */
export function insertCustomers(existing: string | undefined, records: Rec[]): Inserted {
  return insertRecords(
    existing,
    records,
    LAYOUTS.customers,
    0,
    (old) => (Array.isArray(old) ? old : null),
    (list) => toYaml(list, LAYOUTS.customers),
    (r) => listToYaml([r], LAYOUTS.customers).split('\n').filter((l) => l !== ''),
  );
}

/** products.yaml (categories and a products list) with `records` added to the products. */
export function insertProducts(existing: string | undefined, records: Rec[]): Inserted {
  const layout = LAYOUTS.products.nested.products;
  let doc: Rec = { categories: [] };
  return insertRecords(
    existing,
    records,
    layout,
    2,
    (old) => {
      if (!old || typeof old !== 'object' || Array.isArray(old)) return null;
      doc = old as Rec;
      return Array.isArray(doc.products) ? (doc.products as unknown[]) : doc.products == null ? [] : null;
    },
    (list) => toYaml({ ...doc, products: list }, LAYOUTS.products),
    (r) => toYaml({ products: [r] }, LAYOUTS.products).split('\n').filter((l) => l !== '').slice(1),
    'products',
  );
}

/**
 * Puts each new record's text before the first existing record that sorts after it (with the
 * comment lines above that record), or after the last one.
 */
function insertRecords(
  existing: string | undefined,
  records: Rec[],
  layout: Layout | undefined,
  indent: number,
  listOf: (doc: unknown) => unknown[] | null,
  canonical: (list: unknown[]) => string,
  render: (r: Rec) => string[],
  under?: string,
): Inserted {
  const cmp = compareRecords(sortFieldsOf(layout));
  let old: unknown[] | null = [];
  let doc: unknown = null;
  try {
    doc = existing === undefined ? null : load(existing);
    old = listOf(doc) ?? (under ? null : doc == null ? [] : null);
  } catch {
    old = null;
  }
  // Where the merged list puts each record: existing ones keep their order, new ones go before the first greater.
  const list: unknown[] = old ? [...old] : [];
  const order = records.map((r, k) => ({ r, k })).sort((a, b) => cmp(a.r, b.r));
  const positions: number[] = new Array(records.length);
  const slots: { before: number; r: Rec; k: number }[] = [];
  const oldLen = list.length;
  for (const { r, k } of order) {
    let at = 0;
    while (at < oldLen && cmp(list[at], r) <= 0) at++;
    slots.push({ before: at, r, k });
  }
  // Merged order: for each existing index, the new records that go before it.
  const merged: unknown[] = [];
  let s = 0;
  for (let i = 0; i <= oldLen; i++) {
    while (s < slots.length && slots[s]!.before === i) {
      positions[slots[s]!.k] = merged.length;
      merged.push(slots[s]!.r);
      s++;
    }
    if (i < oldLen) merged.push(list[i]);
  }

  if (old && existing !== undefined) {
    const text = spliceText(existing, slots, oldLen, indent, render, under);
    if (text !== undefined) {
      try {
        const back = listOf(load(text));
        const expected = load(canonical(merged));
        if (back && same(back, listOf(expected))) return { text, positions, rewritten: false };
      } catch {
        // fall through to a canonical rewrite
      }
    }
  }
  if (old && old.length === 0 && (existing === undefined || !/^\s*-/m.test(existing))) {
    // An empty list ([] or nothing yet): the records, under the file's leading comments.
    const header = (existing ?? '').split('\n').filter((l) => l.startsWith('#'));
    const body = canonical(merged);
    return { text: (header.length ? header.join('\n') + '\n' : '') + body, positions, rewritten: false };
  }
  return { text: canonical(merged), positions, rewritten: existing !== undefined };
}

/** The existing text with the new records' text put in; undefined when its records cannot be found as lines. */
function spliceText(existing: string, slots: { before: number; r: Rec }[], oldLen: number, indent: number, rendered: (r: Rec) => string[], under?: string): string | undefined {
  const lines = existing.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const dash = ' '.repeat(indent) + '- ';
  let from = 0;
  if (under) {
    from = lines.findIndex((l) => new RegExp(`^${under}:[ \\t]*(#.*)?$`).test(l));
    // An empty flow list (products: []) becomes a block list.
    const flowEmpty = lines.findIndex((l) => new RegExp(`^${under}:[ \\t]*\\[\\][ \\t]*(#.*)?$`).test(l));
    if (from < 0 && flowEmpty >= 0 && oldLen === 0) {
      lines[flowEmpty] = lines[flowEmpty]!.replace(/\[\]\s*/, '').replace(/:\s*#/, ':  #').trimEnd();
      from = flowEmpty;
    }
    if (from < 0) return undefined;
    from++;
    // The list must be the last thing in the file.
    for (let i = from; i < lines.length; i++) if (lines[i]!.trim() && !lines[i]!.startsWith(' ') && !lines[i]!.startsWith('#')) return undefined;
  }
  const starts: number[] = [];
  for (let i = from; i < lines.length; i++) if (lines[i]!.startsWith(dash)) starts.push(i);
  if (starts.length !== oldLen) return undefined;
  // A record's text begins with the comment lines right above its "- " (comments at the top of
  // the list are the file's, not the first record's).
  const begin = starts.map((st) => {
    let b = st;
    while (b - 1 >= from && lines[b - 1]!.trimStart().startsWith('#')) b--;
    return b === from ? st : b;
  });
  // Blank lines and comments at the end of the file stay at the end.
  const trailing = (l: string) => l.trim() === '' || (l.trimStart().startsWith('#') && l.length - l.trimStart().length <= indent);
  let endAt = lines.length;
  while (endAt > from && endAt > (starts[starts.length - 1] ?? from) && trailing(lines[endAt - 1]!)) endAt--;
  const out: string[] = [];
  let s = 0;
  const cut = (i: number) => (i < oldLen ? begin[i]! : endAt);
  out.push(...lines.slice(0, cut(0)));
  for (let i = 0; i <= oldLen; i++) {
    while (s < slots.length && slots[s]!.before === i) out.push(...rendered(slots[s++]!.r));
    if (i < oldLen) out.push(...lines.slice(cut(i), cut(i + 1)));
  }
  out.push(...lines.slice(endAt));
  return out.join('\n') + '\n';
}
