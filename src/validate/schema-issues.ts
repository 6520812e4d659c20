/**
 * Turns zod issues into our issues: a message that starts with the field's path inside the
 * record, says what the value should be and what it was, and a hint that says what to change.
 */
import type { z } from 'zod';
import { closest } from '../issues/did-you-mean.ts';
import { formatPath, issue, showValue, type DocPath, type PendingIssue } from '../issues/issue.ts';
import { ONE_LINE } from '../schema/fields.ts';
// Words every zod issue a schema field does not word itself (installs zod's global error map).
import './error-map.ts';

export function schemaIssues(
  error: z.ZodError,
  schema: z.ZodType,
  file: string,
  /** True for files that are a list of records: paths are shown from the record. */
  isRecordList: boolean,
): PendingIssue[] {
  const out: PendingIssue[] = [];
  // A misspelt field is reported once, as unknown with a suggestion, not also as missing.
  const guessed = new Set<string>();
  const unknownAt = new Set<string>();
  for (const zi of error.issues) {
    if (zi.code !== 'unrecognized_keys') continue;
    unknownAt.add(JSON.stringify(zi.path));
    const known = fieldsAt(schema, zi.path as DocPath);
    for (const key of zi.keys) {
      const guess = closest(key, known);
      if (guess) guessed.add(JSON.stringify([...zi.path, guess]));
    }
  }
  for (const zi of error.issues) {
    if (zi.code === 'custom' && unknownAt.has(JSON.stringify(zi.path))) continue;
    // A required field written misspelt is reported as unknown, with the suggestion, only.
    if (zi.code === 'custom' && guessed.has(JSON.stringify(zi.path))) continue;
    const at = zi.path as DocPath;
    if (zi.code === 'unrecognized_keys') {
      const known = fieldsAt(schema, at);
      for (const key of zi.keys) {
        const path = [...at, key];
        const guess = closest(key, known);
        const hint = guess
          ? `did you mean "${guess}"?`
          : known.length
            ? `the fields here are: ${known.join(', ')}`
            : 'remove it';
        out.push({ ...issue(file, path, 'unknown-field', `${shown(path, isRecordList)} is not a known field`, hint), atKey: true });
      }
      continue;
    }
    const input = (zi as { input?: unknown }).input;
    const name = shown(at, isRecordList);
    if (input === undefined && zi.code === 'invalid_type') {
      if (guessed.has(JSON.stringify(at))) continue;
      const field = at[at.length - 1];
      const where = isRecordList ? 'this record' : at.length > 1 ? `this entry` : 'the file';
      out.push(issue(file, at, 'missing-field', `${name} is required`, `add "${String(field)}:" to ${where}${EXAMPLES[String(field)] ? `, e.g. ${EXAMPLES[String(field)]}` : ''}`));
      continue;
    }
    let message = `${name} ${zi.message}`;
    if (input !== undefined && zi.code !== 'custom') message += `, got ${showValue(input)}`;
    const code = zi.code === 'invalid_value' ? 'invalid-choice' : 'invalid-value';
    out.push(issue(file, at, code, message, hintFor(zi, at, input, isRecordList)));
  }
  return out;
}

function shown(path: DocPath, isRecordList: boolean): string {
  const p = isRecordList && typeof path[0] === 'number' ? path.slice(1) : path;
  if (p.length) return formatPath(p);
  // A record list's records are checked one by one: an empty path there is the record itself.
  return isRecordList ? 'record' : 'file';
}

function hintFor(zi: z.core.$ZodIssue, at: DocPath, input: unknown, isRecordList: boolean): string | undefined {
  const field = String(at[at.length - 1] ?? '');
  const given = zi.code === 'custom' ? (zi.params as { hint?: unknown } | undefined)?.hint : undefined;
  if (typeof given === 'string') return given;
  if (zi.code === 'custom' && zi.message.includes('operation')) return 'each formula step has exactly one operation: sum, count, count_distinct, avg, median, percentile, min, max, share, ratio, growth, per_working_day, per_rep, retention or kpi';
  if (zi.code === 'invalid_value') {
    const options = zi.values.map(String);
    const guess = typeof input === 'string' ? closest(input, options) : undefined;
    return guess ? `did you mean ${guess}?` : `one of: ${options.join(', ')}`;
  }
  if (typeof input === 'string' && (zi.code === 'invalid_type' && (zi.expected === 'number' || zi.expected === 'int'))) {
    if (/^-?\d{1,3}([.,]\d{3})+$/.test(input)) return `write the number without thousand separators or quotes: ${input.replace(/[.,]/g, '')}`;
    if (/^-?\d+,\d+$/.test(input)) return `use a dot for decimals: ${input.replace(',', '.')}`;
    if (/^-?\d+(\.\d+)?%$/.test(input)) return `write percentages as fractions: ${+input.slice(0, -1) / 100}`;
    return 'write a plain number, without quotes';
  }
  if (zi.code === 'custom' && zi.message === ONE_LINE) return 'join the lines into one; names, titles and descriptions show on one line, only notes and comments may span lines';
  if (zi.code === 'too_big' && (field === 'price' || field === 'list_price')) return 'amounts are at most 1e15, so that every total stays exact; look for extra digits or a pasted formula result';
  if (zi.code === 'too_big' && field === 'qty' && typeof input === 'number' && input > 1e9) return 'at most 1e9 units on one line; look for extra digits, or split the line';
  if ((zi.code === 'too_big' || zi.code === 'too_small') && field === 'value') return 'a target is at most 1e15 either way, like every amount; look for extra digits';
  if (field === 'discount' && typeof input === 'number' && input > 1 && input <= 100) {
    return `discount is a fraction: write ${input / 100} for ${input} %`;
  }
  return FIELD_HINTS[field] ?? shapeHint(zi, at, input, isRecordList);
}

/** What to write when a value has the wrong shape: a mapping or a list where something else is. */
function shapeHint(zi: z.core.$ZodIssue, at: DocPath, input: unknown, isRecordList: boolean): string | undefined {
  if (zi.code !== 'invalid_type') return undefined;
  if (zi.expected === 'array') return 'write a list: [a, b], or one "- " line per entry';
  if (zi.expected !== 'object') return undefined;
  const whole = at.length === 0 && !isRecordList;
  if (input === null) return whole ? 'the file holds nothing: write its fields as name: value lines' : 'an empty entry: fill it in, or remove its "-" line';
  if (Array.isArray(input)) return 'write the fields as name: value lines, not as a "-" list';
  return 'write the fields as name: value lines, e.g. { id: ..., name: ... }';
}

const EXAMPLES: Record<string, string> = {
  regions: 'regions: [{ id: jakarta, name: Jakarta }]',
  categories: 'categories: [{ id: minuman, name: { id: Minuman, en: Beverages } }]',
  lines: 'lines: [{ sku: BEV-TEH-350, qty: 24, price: 5500 }]',
  currency: 'currency: IDR',
};

const FIELD_HINTS: Record<string, string> = {
  id: 'ids use letters, digits, "-", "_" and "."; no spaces',
  date: 'write dates as YYYY-MM-DD, e.g. 2026-03-04',
  joined: 'write dates as YYYY-MM-DD, e.g. 2026-03-04',
  left: 'write dates as YYYY-MM-DD, e.g. 2026-03-04',
  since: 'write dates as YYYY-MM-DD, e.g. 2026-03-04',
  from: 'write dates as YYYY-MM-DD, e.g. 2026-03-04',
  owners: 'the account\'s owners, oldest first: owners: [{ rep: andi }, { rep: rina, from: 2025-11-01 }]; or owner: andi for one owner since always',
  window_days: 'a whole number of days from 1 to 3660, e.g. window_days: 90; a customer who ordered in the window before a day is active on it',
  created: 'write date-times as YYYY-MM-DDTHH:MM, e.g. 2026-03-04T09:15 (company time) or 2026-03-04T09:15+07:00',
  at: 'write date-times as YYYY-MM-DDTHH:MM, e.g. 2026-03-04T09:15 (company time) or 2026-03-04T09:15+07:00',
  qty: 'the number of units, a whole number above 0',
  price: 'the unit price in the company currency, a number >= 0 without separators',
  discount: 'a fraction from 0 to 1: 0.1 means 10 % off',
  score: 'survey scores are whole numbers 1 (very unhappy) to 5 (very happy)',
  lines: 'an order lists its lines: lines: [{ sku: ..., qty: ..., price: ... }]',
  period: 'a month 2026-03, a quarter 2026-Q1, a year 2026 or (targets only) a week 2026-W05',
  tier: 'tier 1 is the entry product of its category; higher tiers are up-sells',
  timezone: 'an IANA name such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura',
  currency: 'an ISO 4217 code such as IDR',
  name: 'a name: text on one line, at most 500 characters',
};

/** The field names a strict object accepts at `path`, found by walking the schema. */
function fieldsAt(schema: z.ZodType, path: DocPath): string[] {
  let node: unknown = schema;
  for (let i = 0; i <= path.length; i++) {
    node = unwrap(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return [];
    if (i === path.length) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    const step = path[i]!;
    if (def.type === 'array' && typeof step === 'number') node = def.element;
    else if (def.type === 'object' && typeof step === 'string') node = Object.hasOwn(def.shape as object, step) ? (def.shape as Record<string, unknown>)[step] : def.catchall;
    else return [];
  }
  return [];
}

function unwrap(node: unknown): unknown {
  for (let n = 0; n < 10; n++) {
    const def = (node as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return node;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') node = def.innerType;
    else if (def.type === 'pipe') node = def.in;
    else if (def.type === 'lazy') node = (def.getter as () => unknown)();
    else if (def.type === 'union') {
      const obj = (def.options as unknown[]).find((o) => (o as { _zod: { def: { type: string } } })._zod.def.type === 'object');
      if (!obj) return node;
      node = obj;
    } else return node;
  }
  return node;
}
