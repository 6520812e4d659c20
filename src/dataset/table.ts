/**
 * Column-oriented tables: one typed array per field, strings interned to integer codes shared
 * by every table that uses the same vocabulary (a rep has one code in orders and in leads).
 * A million orders fit in a few arrays instead of a million objects.
 */
import { HashIndex } from '../ingest/hash-index.ts';
import { idCheck, idHash } from '../ingest/id-hash.ts';

export interface TimeColumn {
  /** Epoch milliseconds; NaN when absent. */
  epoch: Float64Array;
  /** Company-local month index (y*12 + m-1); -1 when absent. */
  month: Int32Array;
}

export interface Table {
  length: number;
  /** Category fields: codes into `Dataset.vocabularies[vocabulary]`; -1 when absent. */
  cat: Record<string, Int32Array>;
  /** Number fields; NaN when absent. */
  num: Record<string, Float64Array>;
  time: Record<string, TimeColumn>;
}

/** What a category code means: its text (for labels) and the code of a text (for filters). */
export interface Vocabulary {
  readonly values: readonly string[];
  /** The code of a value, or -1. */
  find(value: string): number;
}

/** Strings to dense integer codes, per vocabulary. */
export class Interner implements Vocabulary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string | undefined): number {
    if (value === undefined) return -1;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }

  /** The code of a value already seen, or -1 (never adds). */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}

/**
 * A table being filled row by row, with columns allocated up front. Columns `keep` turns down
 * get no memory: they are empty arrays while filling (a write past the end of a typed array does
 * nothing) and are left out of the finished table.
 */
export class TableBuilder {
  readonly table: Table;
  private readonly skipped: string[] = [];

  /** `written`: the caller writes every row of every column, so none is filled with "absent" first. */
  constructor(length: number, fields: { cat?: string[]; num?: string[]; time?: string[] }, keep: (field: string) => boolean = () => true, written = false) {
    const cat: Table['cat'] = {};
    const num: Table['num'] = {};
    const time: Table['time'] = {};
    const n = (f: string) => (keep(f) ? length : (this.skipped.push(f), 0));
    const absent = <T extends Int32Array | Float64Array>(a: T, v: number): T => (written ? a : (a.fill(v) as T));
    for (const f of fields.cat ?? []) cat[f] = absent(new Int32Array(n(f)), -1);
    for (const f of fields.num ?? []) num[f] = absent(new Float64Array(n(f)), NaN);
    for (const f of fields.time ?? []) {
      const m = n(f);
      time[f] = { epoch: absent(new Float64Array(m), NaN), month: absent(new Int32Array(m), -1) };
    }
    this.table = { length, cat, num, time };
  }

  /** The table without the columns it did not keep. */
  finish(): Table {
    for (const f of this.skipped) {
      delete this.table.cat[f];
      delete this.table.num[f];
      delete this.table.time[f];
    }
    return this.table;
  }
}

/**
 * Record ids kept as hashes (orders, activities, leads: millions of them, see ingest/id-hash.ts):
 * the code of an id is its row. A filter can name one id; breakdowns by id are not offered, so
 * there are no labels.
 */
export class RowIds implements Vocabulary {
  readonly values: readonly string[] = [];
  private index: HashIndex | undefined;
  constructor(
    private readonly hashes: Float64Array,
    /** The second hash of each id, when kept (leads); without it a hit is trusted on 53 bits. */
    private readonly checks?: Int32Array,
  ) {}

  find(value: string): number {
    this.index ??= new HashIndex(this.hashes, this.checks ?? new Int32Array(this.hashes.length));
    return this.index.find(idHash(value), this.checks ? idCheck(value) : 0);
  }
}
