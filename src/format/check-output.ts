/**
 * fmt's safety net: the output of every changed file is read back and must hold the input's
 * values (records in the writer's order) and the same comments; otherwise the file is left as
 * it is and the problem reported (format-file.ts).
 */
import { Lexer } from 'yaml';
import { compareRecords, type Layout } from './to-yaml.ts';

/** What fmt would break by writing `out` (read back as `after`): "change a value" …, or undefined if nothing. */
export function checkOutput(src: string, value: unknown, out: string, after: unknown, layout: Layout): string | undefined {
  if (!deepEqual(after, inCanonicalOrder(value, layout))) return 'change a value';
  if (!src.includes('#') && !out.includes('#')) return undefined;
  const a = commentsOf(src);
  const b = commentsOf(out);
  if (a.length !== b.length || a.some((c, i) => c !== b[i])) return 'lose or change a comment';
  return undefined;
}

/** The value with its records sorted as the writer sorts them. */
function inCanonicalOrder(value: unknown, layout: Layout | undefined): unknown {
  if (Array.isArray(value)) {
    let items = value;
    if (layout?.sortBy) {
      const compare = compareRecords(layout.sortBy);
      items = value.map((x, i) => [x, i] as const).sort((a, b) => compare(a[0], b[0]) || a[1] - b[1]).map(([x]) => x);
    }
    return items.map((x) => inCanonicalOrder(x, layout));
  }
  if (isPlainObject(value) && layout) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      Object.defineProperty(out, k, { value: inCanonicalOrder(value[k], layout.nested[k]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** The comment texts of a YAML text, sorted (trailing spaces dropped). */
function commentsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text)) if (token[0] === '#') out.push(token.slice(1).trimEnd());
  return out.sort();
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality as the data means it: numbers by Object.is (0 is not -0, NaN is NaN). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ob = b as Record<string, unknown>;
  const oa = a as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(ob, k) && deepEqual(oa[k], ob[k]));
}
