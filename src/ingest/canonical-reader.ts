/**
 * Month files in the exact layout `capaian sample` and `capaian fmt` write, read in one pass:
 * each record is parsed and checked against its schema together, character by character, and
 * handed on as the object zod would have produced. It is the path a large repository takes: no
 * YAML document is built and no generic check walks it.
 *
 * Records come out with zod's values; an optional field not given is there as undefined.
 *
 * It only accepts what it understands completely: plain values it can resolve exactly as the
 * YAML core schema does (ids that cannot be numbers, dates, date-times without offset, known
 * words, plain decimal numbers, simple text), and records that pass their schema. At anything
 * else it gives up (returns false) and the general path (parse-yaml.ts, then the schemas) reads
 * the file and words any problem. A test holds it to the general path on generated files.
 */
import { isCalendarDate } from '../schema/fields.ts';
import type { MonthKind } from './chunk.ts';

type Value = string | number;
/** id: a record's own id; ref: an id naming another record (repeats, so it is interned). */
type FieldType = 'id' | 'ref' | 'date' | 'dateTime' | 'text' | 'posInt' | 'amount' | 'fraction' | 'score' | readonly string[];

interface Spec {
  fields: Record<string, FieldType>;
  required: string[];
  /**
   * The record from its values (in `fields` order). One fixed shape per kind, fast to build; an
   * optional field not given is present as undefined, which every reader of it treats as absent.
   */
  make: (v: (Value | undefined)[], lines: unknown) => Record<string, unknown>;
}

/** A spec as arrays: field i is keys[i] of types[i]; `required` is a bit mask over i. */
interface Compiled {
  keys: string[];
  types: FieldType[];
  required: number;
  make: Spec['make'];
}

const compile = (spec: Spec): Compiled => {
  const keys = Object.keys(spec.fields);
  return { keys, types: keys.map((k) => spec.fields[k]!), required: spec.required.reduce((m, k) => m | (1 << keys.indexOf(k)), 0), make: spec.make };
};

const LINE: Spec = {
  fields: { sku: 'ref', qty: 'posInt', price: 'amount', discount: 'fraction', kind: ['regular', 'cross-sell', 'up-sell'] },
  required: ['sku', 'qty', 'price'],
  make: (v) => ({ sku: v[0], qty: v[1], price: v[2], discount: v[3] ?? 0, kind: v[4] ?? 'regular' }),
};

const SPECS: Record<MonthKind, Spec> = {
  orders: {
    fields: { id: 'id', date: 'date', customer: 'ref', rep: 'ref', note: 'text' },
    required: ['id', 'date', 'customer', 'rep'],
    make: (v, lines) => ({ id: v[0], date: v[1], customer: v[2], rep: v[3], lines, note: v[4] }),
  },
  leads: {
    fields: { id: 'id', created: 'dateTime', name: 'text', source: 'ref', rep: 'ref', region: 'ref', segment: 'ref' },
    required: ['id', 'created', 'source', 'rep', 'region'],
    make: (v) => ({ id: v[0], created: v[1], name: v[2], source: v[3], rep: v[4], region: v[5], segment: v[6] }),
  },
  activities: {
    fields: { id: 'id', at: 'dateTime', type: ['contact', 'follow-up', 'meeting', 'won', 'lost'], rep: 'ref', lead: 'ref', customer: 'ref', note: 'text' },
    required: ['id', 'at', 'type', 'rep'],
    make: (v) => ({ id: v[0], at: v[1], type: v[2], rep: v[3], lead: v[4], customer: v[5], note: v[6] }),
  },
  surveys: {
    fields: { id: 'id', date: 'date', customer: 'ref', score: 'score', comment: 'text' },
    required: ['id', 'date', 'customer', 'score'],
    make: (v) => ({ id: v[0], date: v[1], customer: v[2], score: v[3], comment: v[4] }),
  },
};

const NL = 10;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const COMMA = 44;

/** Words the YAML core schema reads as true, false or null. */
const KEYWORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);

const COMPILED = Object.fromEntries(Object.entries(SPECS).map(([k, v]) => [k, compile(v)])) as Record<MonthKind, Compiled>;
const LINE_COMPILED = compile(LINE);
const LINES_KEY = -2;

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

/**
 * Calls `onRecord` with each record (as zod outputs it) in file order and returns true, or
 * returns false as soon as something is not plainly the canonical layout or not valid.
 */
export function readCanonical(text: string, kind: MonthKind, onRecord: (record: Record<string, unknown>) => void): boolean {
  try {
    new Reader(text, COMPILED[kind], kind === 'orders').records(onRecord);
    return true;
  } catch (e) {
    if (e instanceof GiveUp) return false;
    throw e;
  }
}

class Reader {
  private pos = 0;
  private readonly values: (Value | undefined)[];
  private readonly lineValues: (Value | undefined)[] = [];
  private readonly seenIds = new Map<number, string>();

  constructor(
    private readonly s: string,
    private readonly spec: Compiled,
    private readonly hasLines: boolean,
  ) {
    this.values = spec.keys.map(() => undefined);
  }

  records(onRecord: (r: Record<string, unknown>) => void): void {
    const s = this.s;
    this.skipQuiet();
    while (this.pos < s.length) {
      if (s.charCodeAt(this.pos) !== DASH || s.charCodeAt(this.pos + 1) !== SPACE) giveUp();
      this.pos += 2;
      onRecord(this.record());
    }
  }

  /** Blank lines and whole-line comments (at the start of a line). */
  private skipQuiet(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === NL) this.pos++;
      else if (c === HASH) this.pos = this.lineEnd(this.pos) + 1;
      else break;
    }
  }

  private lineEnd(from: number): number {
    const e = this.s.indexOf('\n', from);
    return e < 0 ? this.s.length : e;
  }

  /** One block mapping; the position is at its first key, after "- ". */
  private record(): Record<string, unknown> {
    const s = this.s;
    const { keys, types } = this.spec;
    const values = this.values;
    values.fill(undefined);
    let lines: Record<string, unknown>[] | undefined;
    let seen = 0;
    for (;;) {
      const f = this.key(keys, this.hasLines);
      if (f === LINES_KEY) {
        if (lines || s.charCodeAt(this.pos) !== NL) giveUp();
        this.pos++;
        lines = this.lines();
      } else {
        if (seen & (1 << f) || s.charCodeAt(this.pos) !== SPACE) giveUp();
        seen |= 1 << f;
        this.pos++;
        const end = this.lineEnd(this.pos);
        values[f] = this.value(types[f]!, this.pos, end);
        this.pos = end + 1;
      }
      this.skipQuiet();
      // The next key of this mapping is indented two spaces; anything else ends it.
      if (this.pos >= s.length || s.charCodeAt(this.pos) !== SPACE) break;
      if (s.charCodeAt(this.pos + 1) !== SPACE || s.charCodeAt(this.pos + 2) === SPACE) giveUp();
      this.pos += 2;
    }
    if ((seen & this.spec.required) !== this.spec.required || (this.hasLines && !lines)) giveUp();
    return this.spec.make(values, lines);
  }

  /** A key and its colon (the position ends after the colon): its index in `keys`, or LINES_KEY. */
  private key(keys: string[], lines: boolean): number {
    const s = this.s;
    const start = this.pos;
    let i = start;
    for (let c = s.charCodeAt(i); (c >= 97 && c <= 122) || c === 95; c = s.charCodeAt(++i));
    if (i === start || s.charCodeAt(i) !== COLON) giveUp();
    this.pos = i + 1;
    const n = i - start;
    for (let f = 0; f < keys.length; f++) if (keys[f]!.length === n && s.startsWith(keys[f]!, start)) return f;
    if (lines && n === 5 && s.startsWith('lines', start)) return LINES_KEY;
    return giveUp();
  }

  /** Order lines: "    - { sku: X, qty: 1, price: 2 }" each on its own line. */
  private lines(): Record<string, unknown>[] {
    const s = this.s;
    const { keys, types, required } = LINE_COMPILED;
    const values = this.lineValues;
    const out: Record<string, unknown>[] = [];
    while (s.startsWith('    - { ', this.pos)) {
      this.pos += 8;
      const end = this.lineEnd(this.pos);
      if (s.charCodeAt(end - 1) !== 125 || s.charCodeAt(end - 2) !== SPACE) giveUp();
      const close = end - 2;
      values.length = 0;
      let seen = 0;
      for (;;) {
        const f = this.key(keys, false);
        if (seen & (1 << f) || s.charCodeAt(this.pos) !== SPACE) giveUp();
        seen |= 1 << f;
        const from = this.pos + 1;
        let to = from;
        while (to < close && s.charCodeAt(to) !== COMMA) to++;
        values[f] = this.value(types[f]!, from, to);
        if (to === close) break;
        if (s.charCodeAt(to + 1) !== SPACE) giveUp();
        this.pos = to + 2;
      }
      if ((seen & required) !== required) giveUp();
      out.push(LINE.make(values, undefined));
      this.pos = end + 1;
      this.skipQuiet();
    }
    if (!out.length) giveUp();
    return out;
  }

  /** The value in s[from, to), checked against its type and resolved as the core schema does. */
  private value(type: FieldType, from: number, to: number): Value {
    const s = this.s;
    if (to <= from) giveUp();
    if (typeof type !== 'string') {
      for (const word of type) if (word.length === to - from && s.startsWith(word, from)) return word;
      return giveUp();
    }
    switch (type) {
      case 'id':
        return this.id(from, to, false);
      case 'ref':
        return this.id(from, to, true);
      case 'date':
        return to - from === 10 && this.isDate(from) ? s.slice(from, to) : giveUp();
      case 'dateTime':
        return to - from === 16 && this.isDate(from) && this.isTime(from + 10) ? s.slice(from, to) : giveUp();
      case 'text':
        return this.text(from, to);
      case 'score': {
        const c = s.charCodeAt(from);
        return to - from === 1 && c >= 49 && c <= 53 ? c - 48 : giveUp();
      }
      case 'posInt': {
        const n = this.decimal(from, to, false);
        return n >= 1 ? n : giveUp();
      }
      case 'amount':
        return this.decimal(from, to, true);
      case 'fraction': {
        const n = this.decimal(from, to, true);
        return n <= 1 ? n : giveUp();
      }
    }
  }

  /** An id (letters, digits, . _ -; starts with a letter or digit; at most 80) that YAML reads as text. */
  private id(from: number, to: number, interned: boolean): string {
    const s = this.s;
    if (to - from > 80) giveUp();
    let letters = false;
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      h = Math.imul(h ^ c, 0x01000193);
      const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (alpha) {
        // Hex digits and the letters of 1e3, 0x1F, 0o7, 0b1 can be part of a number.
        const lower = c | 32;
        if (lower > 102 && lower !== 111 && lower !== 120) letters = true;
      } else if (!((c >= 48 && c <= 57) || c === 46 || c === 95 || c === DASH)) giveUp();
    }
    const first = s.charCodeAt(from);
    if (first === 46 || first === 95 || first === DASH) giveUp();
    // A reference (a customer, a rep, a sku) repeats: the same string each time, so the maps that
    // look it up later do not hash a new copy of it.
    const key = (h & 0x3fffffff) ^ (to - from);
    const known = interned ? this.seenIds.get(key) : undefined;
    const id = known !== undefined && known.length === to - from && s.startsWith(known, from) ? known : s.slice(from, to);
    if (interned && known === undefined) this.seenIds.set(key, id);
    // Starting with a digit and without a letter no number has, YAML might read it as a number
    // (0x1F, 1e3): the general path decides.
    if ((!letters && first >= 48 && first <= 57) || (id.length <= 5 && KEYWORDS.has(id))) giveUp();
    return id;
  }

  /** Plain one-line text: starts with a letter, no characters YAML gives a meaning to. */
  private text(from: number, to: number): string {
    const s = this.s;
    if (to - from > 500) giveUp();
    const first = s.charCodeAt(from);
    if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) giveUp();
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === SPACE || c === 46 || c === COMMA || c === DASH || c === 40 || c === 41 || c === 47 || c === 33 || c === 39 || c === 63;
      if (!ok) giveUp();
    }
    if (s.charCodeAt(to - 1) === SPACE) giveUp();
    const t = s.slice(from, to);
    return KEYWORDS.has(t) ? giveUp() : t;
  }

  /** A plain decimal: digits, optionally a dot and digits; no sign, exponent or leading zero. */
  private decimal(from: number, to: number, fractionAllowed: boolean): number {
    const s = this.s;
    let i = from;
    let digits = 0;
    while (i < to && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) (i++, digits++);
    if (digits === 0 || digits > 15 || (digits > 1 && s.charCodeAt(from) === 48)) giveUp();
    if (i < to) {
      if (!fractionAllowed || s.charCodeAt(i) !== 46) giveUp();
      i++;
      let frac = 0;
      while (i < to && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) (i++, frac++);
      if (frac === 0 || frac > 15 || i !== to) giveUp();
    }
    return Number(s.slice(from, to));
  }

  private digits(at: number, n: number): number {
    let v = 0;
    for (let i = at; i < at + n; i++) {
      const d = this.s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  /** YYYY-MM-DD naming a real day. */
  private isDate(at: number): boolean {
    const s = this.s;
    if (s.charCodeAt(at + 4) !== DASH || s.charCodeAt(at + 7) !== DASH) return false;
    const y = this.digits(at, 4);
    const m = this.digits(at + 5, 2);
    const d = this.digits(at + 8, 2);
    return y >= 0 && m >= 0 && d >= 0 && isCalendarDate(y, m, d);
  }

  /** THH:MM with a real hour and minute. */
  private isTime(at: number): boolean {
    const s = this.s;
    if (s.charCodeAt(at) !== 84 || s.charCodeAt(at + 3) !== COLON) return false;
    const h = this.digits(at + 1, 2);
    const m = this.digits(at + 4, 2);
    return h >= 0 && h <= 23 && m >= 0 && m <= 59;
  }
}
