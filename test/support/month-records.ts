/**
 * The records of a month file as objects, for tests, now that validation hands the engine month
 * files as columns (src/ingest/chunk.ts) and keeps no record objects for them.
 *
 * - recordsOfMonthFile reads a file's records by a route of the test's own: js-yaml (core
 *   schema) on the text, then each record through its zod schema (so defaults such as a line's
 *   discount 0 and kind "regular" are filled in, as validation fills them). It does not use the
 *   loader's scanners (src/load/fast-yaml.ts, src/ingest/canonical-reader.ts), so it can tell
 *   when they read a file differently.
 * - rowsOfChunk and rowsOfRecords put a chunk and a list of records in one comparable shape
 *   (everything a chunk keeps of a record; names and ids as their hashes, as chunks keep them), so a test can check that what validation read equals what the file says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { z } from 'zod';
import { ACTIVITY_TYPE_CODES, LINE_KIND_CODES, type MonthChunk, type MonthKind } from '../../src/ingest/chunk.ts';
import { instantOf } from '../../src/ingest/days.ts';
import { idCheck, idHash } from '../../src/ingest/id-hash.ts';
import { activitySchema, type Activity } from '../../src/schema/activities.ts';
import { leadSchema, type Lead } from '../../src/schema/leads.ts';
import { orderSchema, type Order } from '../../src/schema/orders.ts';
import { surveySchema, type Survey } from '../../src/schema/surveys.ts';
import type { ValidData } from '../../src/validate/repo-data.ts';

export interface RecordOf {
  orders: Order;
  leads: Lead;
  activities: Activity;
  surveys: Survey;
}

const SCHEMAS: Record<MonthKind, z.ZodType> = { orders: orderSchema, leads: leadSchema, activities: activitySchema, surveys: surveySchema };
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Every record of a month file, in file order (or those at the list positions `only`). Throws
 * when the file is not a list (an empty file or `[]` is no records) or a record fails its
 * schema: only for records validation accepted.
 */
export function recordsOfMonthFile<K extends MonthKind>(content: Uint8Array | string, kind: K, file = `${kind}.yaml`, only?: ArrayLike<number>): RecordOf[K][] {
  if (only && only.length === 0) return [];
  const text = typeof content === 'string' ? content : utf8.decode(content); // drops a BOM
  const value = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file }) ?? [];
  if (!Array.isArray(value)) throw new Error(`${file}: not a list of records`);
  return (only ? Array.from(only, (i) => value[i]) : value).map((raw, i) => {
    const r = SCHEMAS[kind].safeParse(raw);
    if (!r.success) throw new Error(`${file}: record ${i} fails its schema: ${r.error.message}`);
    return r.data as RecordOf[K];
  });
}

/** The records of data/YYYY/MM/<kind>.yaml in a repository on disk. */
export function readMonthRecords<K extends MonthKind>(root: string, month: string, kind: K): RecordOf[K][] {
  const path = join(root, 'data', month.slice(0, 4), month.slice(5, 7), `${kind}.yaml`);
  return recordsOfMonthFile(readFileSync(path), kind, path);
}

/** The chunk validation made of a file (`data/YYYY/MM/<kind>.yaml`), or of a kind's month. */
export function chunkOf<K extends MonthKind>(data: ValidData, kind: K, where: { file?: string; month?: string }): ValidData[K][number] | undefined {
  return (data[kind] as MonthChunk[]).find((c) => (where.file === undefined || c.file === where.file) && (where.month === undefined || c.month === where.month)) as ValidData[K][number] | undefined;
}

/** The number of order lines of an orders chunk. */
export const linesOfChunk = (c: Extract<MonthChunk, { kind: 'orders' }>): number => c.lineStart[c.length]!;

/** Net sales of an orders chunk: Σ qty × price × (1 − discount) over its lines. */
export function netOfChunk(c: Extract<MonthChunk, { kind: 'orders' }>): number {
  let s = 0;
  for (let k = 0; k < linesOfChunk(c); k++) s += c.qty[k]! * c.price[k]! * (1 - c.discount[k]!);
  return s;
}

// A day number (days since 1970-01-01) as YYYY-MM-DD, and an instant's company-local date, by
// routes of their own (src/ingest/days.ts has its own).
const dateOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const localDates = new Map<string, Intl.DateTimeFormat>();
function localDate(ms: number, tz: string): string {
  let f = localDates.get(tz);
  if (!f) localDates.set(tz, (f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(ms);
}
/** A name a chunk refers to, as its two hashes (chunks keep no names). */
const code = (hashes: Float64Array, checks: Int32Array, c: number) => (c < 0 ? null : `${hashes[c]}:${checks[c]}`);
const named = (s: string | undefined) => (s === undefined ? null : `${idHash(s)}:${idCheck(s)}`);

/** A chunk's rows as plain objects (see rowsOfRecords for the same of records). */
export function rowsOfChunk(c: MonthChunk): unknown[] {
  const rows: unknown[] = [];
  for (let i = 0; i < c.length; i++) {
    const id = c.idHash[i];
    switch (c.kind) {
      case 'orders': {
        const lines = [];
        for (let k = c.lineStart[i]!; k < c.lineStart[i + 1]!; k++) {
          lines.push({ sku: code(c.dictHash.sku, c.dictCheck.sku, c.sku[k]!), qty: c.qty[k], price: c.price[k], discount: c.discount[k], kind: LINE_KIND_CODES[c.lineKind[k]!] });
        }
        rows.push({ id, date: dateOfDay(c.day[i]!), customer: code(c.dictHash.customer, c.dictCheck.customer, c.customer[i]!), rep: code(c.dictHash.rep, c.dictCheck.rep, c.rep[i]!), lines });
        break;
      }
      case 'leads':
        rows.push({
          id,
          check: c.idCheck[i],
          created: c.created[i],
          date: dateOfDay(c.day[i]!),
          rep: code(c.dictHash.rep, c.dictCheck.rep, c.rep[i]!),
          region: code(c.dictHash.region, c.dictCheck.region, c.region[i]!),
          source: code(c.dictHash.source, c.dictCheck.source, c.source[i]!),
          segment: code(c.dictHash.segment, c.dictCheck.segment, c.segment[i]!),
        });
        break;
      case 'activities':
        rows.push({
          id,
          at: c.at[i],
          date: dateOfDay(c.day[i]!),
          type: ACTIVITY_TYPE_CODES[c.type[i]!],
          rep: code(c.dictHash.rep, c.dictCheck.rep, c.rep[i]!),
          lead: code(c.dictHash.lead, c.dictCheck.lead, c.lead[i]!),
          customer: code(c.dictHash.customer, c.dictCheck.customer, c.customer[i]!),
        });
        break;
      case 'surveys':
        rows.push({ id, date: dateOfDay(c.day[i]!), customer: code(c.dictHash.customer, c.dictCheck.customer, c.customer[i]!), score: c.score[i] });
        break;
    }
  }
  return rows;
}

/** Records in the shape of rowsOfChunk: what a chunk of them must hold, row for row. */
export function rowsOfRecords<K extends MonthKind>(kind: K, records: RecordOf[K][], tz: string): unknown[] {
  return records.map((rec) => {
    switch (kind) {
      case 'orders': {
        const o = rec as Order;
        return { id: idHash(o.id), date: o.date, customer: named(o.customer), rep: named(o.rep), lines: o.lines.map((l) => ({ sku: named(l.sku), qty: l.qty, price: l.price, discount: l.discount, kind: l.kind })) };
      }
      case 'leads': {
        const l = rec as Lead;
        const at = instantOf(l.created, tz);
        return { id: idHash(l.id), check: idCheck(l.id), created: at, date: localDate(at, tz), rep: named(l.rep), region: named(l.region), source: named(l.source), segment: named(l.segment) };
      }
      case 'activities': {
        const a = rec as Activity;
        const at = instantOf(a.at, tz);
        return { id: idHash(a.id), at, date: localDate(at, tz), type: a.type, rep: named(a.rep), lead: named(a.lead), customer: named(a.customer) };
      }
      default: {
        const s = rec as Survey;
        return { id: idHash(s.id), date: s.date, customer: named(s.customer), score: s.score };
      }
    }
  });
}
