/**
 * Month files in the exact layout `capaian sample` and `capaian fmt` write, read in one pass
 * straight into a chunk: each record is scanned, checked against its schema and appended to the
 * columns together, character by character. No YAML document, no record object, no string for
 * a value that is already in the file's dictionaries. It is the path a large repository takes.
 *
 * It only accepts what it understands completely: plain values it can resolve exactly as the
 * YAML core schema does (ids that cannot be numbers, dates, date-times without offset, known
 * words, plain decimal numbers, simple text), records that pass their schema, sit in the file's
 * month and (activities) name what they concern. At anything else it gives up (undefined) and
 * the general path (parse-yaml.ts, the schemas, chunk.ts) reads the file and words any problem.
 * Tests hold it to the general path: same chunk, or it gives up.
 *
 * Lines end at LF only. YAML also ends a line at a CR (CRLF, or a lone CR: then the text after
 * a CR inside a comment line is the next line, perhaps a record), so a text holding any CR is
 * left to the general path: keys, values and the layout refuse a CR as they refuse any character
 * they do not expect, and a comment line holding one gives up (skipQuiet). No scan of the whole
 * text is needed. NEL, LS, PS, VT and FF end no line in YAML 1.2 (js-yaml): inside a comment they
 * are comment text, as here; in a value they are refused like any other character outside the
 * plain set.
 *
 * Why one file of ~600 lines: the scanner's position, the record being built and the columns it
 * appends to are shared state of one hot loop (`npm run bench:parse` times it); split across modules they
 * would be passed around or closed over on every character of the hot loop. The record
 * shapes themselves are not written here: keys, required fields and enum codes come from
 * schema/record-fields.ts.
 */
import { parseMonth } from '../calendar/periods.ts';
import { instantOfWall } from '../calendar/zoned-time.ts';
import { AMOUNT_MAX, isCalendarDate, QTY_MAX } from '../schema/fields.ts';
import { subjectProblems } from '../schema/activity-subject.ts';
import { KEYWORD_VALUES } from '../schema/yaml-scalar.ts';
import { ACTIVITY_FIELDS, LEAD_FIELDS, ORDER_FIELDS, ORDER_LINE_FIELDS, SURVEY_FIELDS, type Field } from '../schema/record-fields.ts';
import { ABSENT, ACTIVITY_TYPE_CODES, dicts, ENUM_COLUMNS, EnumColumns, f64, i32, LINE_KIND_CODES, u8, type MonthChunk, type MonthKind } from './chunk.ts';
import { daysFromCivil, localDay, monthOfDay } from './days.ts';
import { idCheck, idCheckRange, idHash, idHashRange } from './id-hash.ts';

const NL = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const COMMA = 44;
const NONE = -1;


/**
 * The keys of a record kind's one-line fields, in table order (schema/record-fields.ts; an order's
 * `lines` is read on its own); `required` as a bit mask over them; `at` each field's index.
 */
function keyTable<T extends readonly Field[]>(table: T) {
  const fields = table.filter((f) => f.type !== 'lines');
  const at = Object.fromEntries(fields.map((f, i) => [f.name, i])) as Record<Exclude<T[number]['name'], 'lines'>, number>;
  return { keys: fields.map((f) => f.name), required: fields.reduce((m, f, i) => (f.required ? m | (1 << i) : m), 0), at };
}
const ORDER = keyTable(ORDER_FIELDS);
const LEAD = keyTable(LEAD_FIELDS);
const ACTIVITY = keyTable(ACTIVITY_FIELDS);
const SURVEY = keyTable(SURVEY_FIELDS);
const LINE = keyTable(ORDER_LINE_FIELDS);
const KEYS: Record<MonthKind, { keys: string[]; required: number }> = { orders: ORDER, leads: LEAD, activities: ACTIVITY, surveys: SURVEY };
const LINE_KEYS = LINE.keys;
const LINE_REQUIRED = LINE.required;
/** Fields per order line, the stride of lineFrom and lineTo. */
const LINE_WIDTH = LINE_KEYS.length;

/** 10^k, exact for k <= 22: the divisors of decimal(). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Whether the bytes at `at` are the ASCII text `word`. */
function startsWith(s: Uint8Array, word: string, at: number): boolean {
  if (at + word.length > s.length) return false;
  for (let i = 0; i < word.length; i++) if (s[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** s[from, to) as text, for bytes already checked to be ASCII (ids, numbers, words): a fresh string, no view into the file. */
function ascii(s: Uint8Array, from: number, to: number): string {
  return String.fromCharCode.apply(null, s.subarray(from, to) as unknown as number[]);
}

const encoder = new TextEncoder();

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

/**
 * The chunk of a canonical month file whose every record is clean, or undefined. `text` is the
 * file's text, or its bytes, UTF-8 checked and without a byte order mark (ingest-file.ts): read
 * as bytes, no string of the whole file is made (every byte the reader accepts outside a comment
 * is ASCII, so a position in the bytes is a character of the text).
 */
export function readCanonical(text: string | Uint8Array, kind: MonthKind, file: string, month: string, tz: string): MonthChunk | undefined {
  try {
    // A plain Uint8Array view (a Buffer's own methods are slower per call).
    const bytes = typeof text === 'string' ? encoder.encode(text) : new Uint8Array(text.buffer, text.byteOffset, text.length);
    const r = new Reader(bytes, kind, month, tz);
    r.read();
    return r.finish(file);
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}

/** Values of one field, as codes in file order of first use, found by a hash of their text. */
class RefDict {
  readonly values: string[] = [];
  readonly hashes: number[] = [];
  readonly checks: number[] = [];
  /**
   * Codes by hash in an open-addressing table (slot: code + 1, 0 empty; `keys` the hash in that
   * slot): a reference is a probe or two in flat memory, not a Map lookup.
   */
  private slots = new Int32Array(64);
  private keys = new Int32Array(64);
  /** Values whose hash another value has already: by their text. */
  private readonly overflow = new Map<string, number>();

  /** The code of s[from, to), whose 32-bit hash is `h`. */
  code(s: Uint8Array, from: number, to: number, h: number): number {
    h |= 0;
    const mask = this.slots.length - 1;
    let i = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
    for (let c = this.slots[i]! - 1; c >= 0; i = (i + 1) & mask, c = this.slots[i]! - 1) {
      if (this.keys[i] !== h) continue;
      const v = this.values[c]!;
      if (v.length === to - from && startsWith(s, v, from)) return c;
      const text = ascii(s, from, to);
      return this.overflow.get(text) ?? this.add(text, (t) => this.overflow.set(t, this.values.length));
    }
    return this.add(ascii(s, from, to), () => this.place(h, this.values.length));
  }

  private place(h: number, code: number): void {
    if ((this.values.length + 1) * 2 > this.slots.length) {
      const [slots, keys] = [this.slots, this.keys];
      this.slots = new Int32Array(slots.length * 2);
      this.keys = new Int32Array(slots.length * 2);
      for (let i = 0; i < slots.length; i++) if (slots[i]) this.put(keys[i]!, slots[i]! - 1);
    }
    this.put(h, code);
  }

  private put(h: number, code: number): void {
    const mask = this.slots.length - 1;
    let i = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
    while (this.slots[i]) i = (i + 1) & mask;
    this.slots[i] = code + 1;
    this.keys[i] = h;
  }

  private add(v: string, index: (text: string) => void): number {
    index(v);
    this.values.push(v);
    this.hashes.push(idHash(v));
    this.checks.push(idCheck(v));
    return this.values.length - 1;
  }
}

class Reader {
  private pos = 0;
  private readonly keys: string[];
  private readonly required: number;
  /** Where each field's value starts and ends in the current record (NONE: absent). */
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  /** The current order's lines: LINE_WIDTH fields each, start and end. */
  private lineFrom = new Int32Array(LINE_WIDTH * 64);
  private lineTo = new Int32Array(LINE_WIDTH * 64);
  private lineCount = 0;
  private readonly monthNo: number;
  private readonly monthY: number;
  private readonly monthM: number;
  // Columns (only the kind's own are used).
  private readonly hash = f64();
  private readonly day = i32();
  private readonly at = f64();
  private readonly customer = i32();
  private readonly rep = i32();
  private readonly lead = i32();
  private readonly type = u8();
  private readonly lineStart = i32();
  private readonly sku = i32();
  private readonly qty = f64();
  private readonly price = f64();
  private readonly discount = f64();
  private readonly lineKind = u8();
  private readonly region = i32();
  private readonly source = i32();
  private readonly segment = i32();
  private readonly reason = i32();
  private readonly score = f64();
  private readonly check = i32();
  /** The kind's plain enum fields (chunk.ts ENUM_COLUMNS) and their indices among the keys. */
  private readonly enums: EnumColumns;
  private readonly enumFields: (typeof ENUM_COLUMNS)[MonthKind];
  private readonly enumAt: number[];
  private readonly dicts = { customer: new RefDict(), rep: new RefDict(), sku: new RefDict(), lead: new RefDict(), region: new RefDict(), source: new RefDict(), segment: new RefDict(), reason: new RefDict() };
  /** Activities: whether ids rise with time (the canonical order); where the previous id was. */
  private sorted = true;
  private prevAt = -Infinity;
  private prevIdFrom = 0;
  private prevIdTo = 0;
  private idFrom: number[] = [];
  private idTo: number[] = [];

  constructor(
    private readonly s: Uint8Array,
    private readonly kind: MonthKind,
    private readonly month: string,
    private readonly tz: string,
  ) {
    this.keys = KEYS[kind].keys;
    this.required = KEYS[kind].required;
    this.from = new Int32Array(this.keys.length);
    this.to = new Int32Array(this.keys.length);
    this.enumFields = ENUM_COLUMNS[kind];
    this.enums = new EnumColumns(this.enumFields);
    this.enumAt = this.enumFields.map((f) => this.keys.indexOf(f.name));
    this.monthNo = parseMonth(month);
    this.monthY = +month.slice(0, 4);
    this.monthM = +month.slice(5, 7);
    if (kind === 'orders') this.lineStart.push(0);
  }

  read(): void {
    const s = this.s;
    this.skipQuiet();
    while (this.pos < s.length) {
      if (s[this.pos]! !== DASH || s[this.pos + 1]! !== SPACE) giveUp();
      this.pos += 2;
      this.record();
      this.emit();
    }
  }

  /** Blank lines and whole-line comments (at the start of a line). */
  private skipQuiet(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === NL) this.pos++;
      else if (c === HASH) {
        // A CR ends the comment line for YAML: what follows it is content (see the top).
        const end = this.lineEnd(this.pos);
        for (let i = this.pos + 1; i < end; i++) if (s[i]! === CR) giveUp();
        this.pos = end + 1;
      } else break;
    }
  }

  private lineEnd(from: number): number {
    // A loop: lines are short, and a Buffer's indexOf costs more per call than it saves.
    const s = this.s;
    let i = from;
    while (i < s.length && s[i] !== NL) i++;
    return i;
  }

  /** One block mapping (the position is at its first key, after "- "): where each value is. */
  private record(): void {
    const s = this.s;
    this.from.fill(NONE);
    this.lineCount = -1;
    let seen = 0;
    for (;;) {
      const f = this.key(this.keys, this.kind === 'orders');
      if (f === this.keys.length) {
        // lines:
        if (this.lineCount >= 0 || s[this.pos]! !== NL) giveUp();
        this.pos++;
        this.lines();
      } else {
        if (seen & (1 << f) || s[this.pos]! !== SPACE) giveUp();
        seen |= 1 << f;
        this.pos++;
        const end = this.lineEnd(this.pos);
        if (end <= this.pos) giveUp();
        this.from[f] = this.pos;
        this.to[f] = end;
        this.pos = end + 1;
      }
      this.skipQuiet();
      // The next key of this mapping is indented two spaces; anything else ends it.
      if (this.pos >= s.length || s[this.pos]! !== SPACE) break;
      if (s[this.pos + 1]! !== SPACE || s[this.pos + 2]! === SPACE) giveUp();
      this.pos += 2;
    }
    if ((seen & this.required) !== this.required || (this.kind === 'orders' && this.lineCount < 1)) giveUp();
  }

  /** A key and its colon (the position ends after the colon): its index in `keys`; keys.length for lines. */
  private key(keys: string[], lines: boolean): number {
    const s = this.s;
    const start = this.pos;
    let i = start;
    for (let c = s[i]!; (c >= 97 && c <= 122) || c === 95; c = s[++i]!);
    if (i === start || s[i]! !== COLON) giveUp();
    this.pos = i + 1;
    const n = i - start;
    for (let f = 0; f < keys.length; f++) if (keys[f]!.length === n && startsWith(s, keys[f]!, start)) return f;
    if (lines && n === 5 && startsWith(s, 'lines', start)) return keys.length;
    return giveUp();
  }

  /** Order lines: "    - { sku: X, qty: 1, price: 2 }" each on its own line. */
  private lines(): void {
    const s = this.s;
    this.lineCount = 0;
    while (startsWith(s, '    - { ', this.pos)) {
      this.pos += 8;
      const end = this.lineEnd(this.pos);
      if (s[end - 1]! !== 125 || s[end - 2]! !== SPACE) giveUp();
      const close = end - 2;
      if ((this.lineCount + 1) * LINE_WIDTH > this.lineFrom.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        ((this.lineFrom = grow(this.lineFrom)), (this.lineTo = grow(this.lineTo)));
      }
      const base = this.lineCount * LINE_WIDTH;
      for (let f = base; f < base + LINE_WIDTH; f++) this.lineFrom[f] = NONE;
      let seen = 0;
      for (;;) {
        const f = this.key(LINE_KEYS, false);
        if (seen & (1 << f) || s[this.pos]! !== SPACE) giveUp();
        seen |= 1 << f;
        const from = this.pos + 1;
        let to = from;
        while (to < close && s[to]! !== COMMA) to++;
        if (to <= from) giveUp();
        this.lineFrom[base + f] = from;
        this.lineTo[base + f] = to;
        if (to === close) break;
        if (s[to + 1]! !== SPACE) giveUp();
        this.pos = to + 2;
      }
      if ((seen & LINE_REQUIRED) !== LINE_REQUIRED) giveUp();
      this.lineCount++;
      this.pos = end + 1;
      this.skipQuiet();
    }
    if (this.lineCount === 0) giveUp();
  }

  /** The current record, checked, onto the columns. */
  private emit(): void {
    const { from, to } = this;
    for (let e = 0; e < this.enumAt.length; e++) {
      const f = this.enumAt[e]!;
      this.enums.push(e, from[f]! === NONE ? ABSENT : this.word(this.enumFields[e]!.values, from[f]!, to[f]!));
    }
    switch (this.kind) {
      case 'orders': {
        const k = ORDER.at;
        this.hash.push(this.idHashOf(from[k.id]!, to[k.id]!));
        this.day.push(this.dateInMonth(from[k.date]!, to[k.date]!));
        this.customer.push(this.ref(this.dicts.customer, from[k.customer]!, to[k.customer]!));
        this.rep.push(this.ref(this.dicts.rep, from[k.rep]!, to[k.rep]!));
        if (from[k.note]! !== NONE) this.text(from[k.note]!, to[k.note]!);
        const { sku, qty, price, discount, kind } = LINE.at;
        const [lf, lt] = [this.lineFrom, this.lineTo];
        const skus = this.dicts.sku;
        for (let l = 0; l < this.lineCount; l++) {
          const b = l * LINE_WIDTH;
          this.sku.push(this.ref(skus, lf[b + sku]!, lt[b + sku]!));
          const q = this.decimal(lf[b + qty]!, lt[b + qty]!, false);
          this.qty.push(q >= 1 && q <= QTY_MAX ? q : giveUp());
          const p = this.decimal(lf[b + price]!, lt[b + price]!, true);
          this.price.push(p <= AMOUNT_MAX ? p : giveUp());
          const d = lf[b + discount]! === NONE ? 0 : this.decimal(lf[b + discount]!, lt[b + discount]!, true);
          this.discount.push(d <= 1 ? d : giveUp());
          this.lineKind.push(lf[b + kind]! === NONE ? 0 : this.word(LINE_KIND_CODES, lf[b + kind]!, lt[b + kind]!));
        }
        this.lineStart.push(this.sku.length);
        return;
      }
      case 'leads': {
        const k = LEAD.at;
        this.hash.push(this.idHashOf(from[k.id]!, to[k.id]!));
        this.check.push(idCheckRange(this.s, from[k.id]!, to[k.id]!));
        const t = this.instant(from[k.created]!, to[k.created]!);
        this.at.push(t);
        this.day.push(this.localDayInMonth(t));
        if (from[k.name]! !== NONE) this.text(from[k.name]!, to[k.name]!);
        this.source.push(this.ref(this.dicts.source, from[k.source]!, to[k.source]!));
        this.rep.push(this.ref(this.dicts.rep, from[k.rep]!, to[k.rep]!));
        this.region.push(this.ref(this.dicts.region, from[k.region]!, to[k.region]!));
        this.segment.push(from[k.segment]! === NONE ? -1 : this.ref(this.dicts.segment, from[k.segment]!, to[k.segment]!));
        return;
      }
      case 'activities': {
        const k = ACTIVITY.at;
        const idFrom = from[k.id]!;
        const idTo = to[k.id]!;
        this.hash.push(this.idHashOf(idFrom, idTo));
        const t = this.instant(from[k.at]!, to[k.at]!);
        if (this.hash.length > 1 && (t < this.prevAt || (t === this.prevAt && this.compare(this.prevIdFrom, this.prevIdTo, idFrom, idTo) >= 0))) this.sorted = false;
        ((this.prevAt = t), (this.prevIdFrom = idFrom), (this.prevIdTo = idTo));
        this.idFrom.push(idFrom);
        this.idTo.push(idTo);
        this.at.push(t);
        this.day.push(this.localDayInMonth(t));
        const type = this.word(ACTIVITY_TYPE_CODES, from[k.type]!, to[k.type]!);
        this.type.push(type);
        this.rep.push(this.ref(this.dicts.rep, from[k.rep]!, to[k.rep]!));
        const hasLead = from[k.lead]! !== NONE;
        const hasCustomer = from[k.customer]! !== NONE;
        this.lead.push(hasLead ? this.ref(this.dicts.lead, from[k.lead]!, to[k.lead]!) : -1);
        this.customer.push(hasCustomer ? this.ref(this.dicts.customer, from[k.customer]!, to[k.customer]!) : -1);
        const hasReason = from[k.reason]! !== NONE;
        this.reason.push(hasReason ? this.ref(this.dicts.reason, from[k.reason]!, to[k.reason]!) : -1);
        if (from[k.note]! !== NONE) this.text(from[k.note]!, to[k.note]!);
        if (subjectProblems(ACTIVITY_TYPE_CODES[type], hasLead, hasCustomer, hasReason).length) giveUp();
        return;
      }
      case 'surveys': {
        const k = SURVEY.at;
        this.hash.push(this.idHashOf(from[k.id]!, to[k.id]!));
        this.day.push(this.dateInMonth(from[k.date]!, to[k.date]!));
        this.customer.push(this.ref(this.dicts.customer, from[k.customer]!, to[k.customer]!));
        const c = this.s[from[k.score]!]!;
        this.score.push(to[k.score]! - from[k.score]! === 1 && c >= 49 && c <= 53 ? c - 48 : giveUp());
        if (from[k.comment]! !== NONE) this.text(from[k.comment]!, to[k.comment]!);
        return;
      }
    }
  }

  finish(file: string): MonthChunk {
    const base = { file, month: this.month, length: this.hash.length, idHash: this.hash.done(), enums: this.enums.done() };
    const d = this.dicts;
    const of = <K extends keyof typeof d>(...names: K[]) => dicts(Object.fromEntries(names.map((k) => [k, d[k]])) as Record<K, RefDict>);
    switch (this.kind) {
      case 'orders':
        return {
          kind: 'orders',
          ...base,
          day: this.day.done(),
          customer: this.customer.done(),
          rep: this.rep.done(),
          lineStart: this.lineStart.done(),
          sku: this.sku.done(),
          qty: this.qty.done(),
          price: this.price.done(),
          discount: this.discount.done(),
          lineKind: this.lineKind.done(),
          ...of('customer', 'rep', 'sku'),
        };
      case 'leads':
        return {
          kind: 'leads',
          ...base,
          idCheck: this.check.done(),
          created: this.at.done(),
          day: this.day.done(),
          rep: this.rep.done(),
          region: this.region.done(),
          source: this.source.done(),
          segment: this.segment.done(),
          ...of('rep', 'region', 'source', 'segment'),
        };
      case 'activities':
        return {
          kind: 'activities',
          ...base,
          at: this.at.done(),
          day: this.day.done(),
          type: this.type.done(),
          rep: this.rep.done(),
          lead: this.lead.done(),
          customer: this.customer.done(),
          reason: this.reason.done(),
          idRank: this.idRank(),
          ...of('rep', 'lead', 'customer', 'reason'),
        };
      case 'surveys':
        return { kind: 'surveys', ...base, day: this.day.done(), customer: this.customer.done(), score: this.score.done(), ...of('customer') };
    }
  }

  /** Rank of each activity's id among the file's ids (as chunk.ts ranks them). */
  private idRank(): Int32Array {
    const n = this.idFrom.length;
    const rank = new Int32Array(n);
    if (this.sorted) for (let i = 0; i < n; i++) rank[i] = i;
    else {
      const ids = this.idFrom.map((f, i) => ascii(this.s, f, this.idTo[i]!));
      const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : x - y));
      order.forEach((row, r) => (rank[row] = r));
    }
    return rank;
  }

  /** s[a0, a1) against s[b0, b1), as JavaScript compares their text (ids: ASCII, checked before). */
  private compare(a0: number, a1: number, b0: number, b1: number): number {
    const s = this.s;
    const n = Math.min(a1 - a0, b1 - b0);
    for (let i = 0; i < n; i++) {
      const d = s[a0 + i]! - s[b0 + i]!;
      if (d) return d;
    }
    return a1 - a0 - (b1 - b0);
  }

  /** One of `words`, exactly: its index. */
  private word(words: readonly string[], from: number, to: number): number {
    for (let i = 0; i < words.length; i++) if (words[i]!.length === to - from && startsWith(this.s, words[i]!, from)) return i;
    return giveUp();
  }

  /** A record's own id: checked, and hashed as id-hash.ts does. */
  private idHashOf(from: number, to: number): number {
    this.checkId(from, to);
    return idHashRange(this.s, from, to);
  }

  /** An id naming another record, as a code of the field's dictionary. */
  private ref(dict: RefDict, from: number, to: number): number {
    return dict.code(this.s, from, to, this.checkId(from, to));
  }

  /**
   * An id (letters, digits, . _ -; starts with a letter or digit; at most 80) that YAML reads as
   * text; returns a 32-bit hash of it.
   */
  private checkId(from: number, to: number): number {
    const s = this.s;
    if (to - from > 80 || to <= from) giveUp();
    let letters = false;
    let h = 0x811c9dc5 ^ (to - from);
    for (let i = from; i < to; i++) {
      const c = s[i]!;
      h = Math.imul(h ^ c, 0x01000193);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        // Hex digits and the letters of 1e3, 0x1F, 0o7, 0b1 can be part of a number.
        const lower = c | 32;
        if (lower > 102 && lower !== 111 && lower !== 120) letters = true;
      } else if (!((c >= 48 && c <= 57) || c === 46 || c === 95 || c === DASH)) giveUp();
    }
    const first = s[from]!;
    if (first === 46 || first === 95 || first === DASH) giveUp();
    // Starting with a digit and without a letter no number has, YAML might read it as a number
    // (0x1F, 1e3): the general path decides.
    if (!letters && first >= 48 && first <= 57) giveUp();
    if (this.isKeyword(from, to)) giveUp();
    return h;
  }

  /** Plain one-line text: starts with a letter, no characters YAML gives a meaning to. */
  private text(from: number, to: number): void {
    const s = this.s;
    if (to - from > 500) giveUp();
    const first = s[from]!;
    if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) giveUp();
    for (let i = from; i < to; i++) {
      const c = s[i]!;
      const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === SPACE || c === 46 || c === COMMA || c === DASH || c === 40 || c === 41 || c === 47 || c === 33 || c === 39 || c === 63;
      if (!ok) giveUp();
    }
    if (s[to - 1]! === SPACE) giveUp();
    if (this.isKeyword(from, to)) giveUp();
  }

  /** Whether s[from, to) is a word YAML reads as true, false or null (schema/yaml-scalar.ts; they start with t, f or n). */
  private isKeyword(from: number, to: number): boolean {
    const c = this.s[from]! | 32;
    return to - from >= 4 && to - from <= 5 && (c === 116 || c === 102 || c === 110) && KEYWORD_VALUES.has(ascii(this.s, from, to));
  }

  /** A plain decimal: digits, optionally a dot and digits; no sign, exponent or leading zero. */
  private decimal(from: number, to: number, fractionAllowed: boolean): number {
    const s = this.s;
    let i = from;
    let v = 0;
    while (i < to) {
      const d = s[i]! - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
      i++;
    }
    const digits = i - from;
    if (digits === 0 || digits > 15 || (digits > 1 && s[from]! === 48)) giveUp();
    if (i === to) return v; // a whole number of at most 15 digits is exact
    if (!fractionAllowed || s[i]! !== 46) giveUp();
    i++;
    const start = i;
    while (i < to && s[i]! >= 48 && s[i]! <= 57) i++;
    if (i === start || i - start > 15 || i !== to) giveUp();
    // Digits that make an integer below 2^53 over a power of ten that is exact: one correctly
    // rounded division, the number the text names (as Number(text) reads it); else Number itself.
    const fraction = i - start;
    if (digits + fraction <= 15) {
      for (let k = start; k < to; k++) v = v * 10 + (s[k]! - 48);
      return v / POW10[fraction]!;
    }
    return Number(ascii(s, from, to));
  }

  private digits(at: number, n: number): number {
    let v = 0;
    for (let i = at; i < at + n; i++) {
      const d = this.s[i]! - 48;
      if (d < 0 || d > 9) return giveUp();
      v = v * 10 + d;
    }
    return v;
  }

  /** YYYY-MM-DD naming a real day in the file's month: its day number. */
  private dateInMonth(from: number, to: number): number {
    const s = this.s;
    if (to - from !== 10 || s[from + 4]! !== DASH || s[from + 7]! !== DASH) giveUp();
    const y = this.digits(from, 4);
    const m = this.digits(from + 5, 2);
    const d = this.digits(from + 8, 2);
    if (!isCalendarDate(y, m, d) || y !== this.monthY || m !== this.monthM) giveUp();
    return daysFromCivil(y, m, d);
  }

  /** YYYY-MM-DDTHH:MM, a real day and time, without offset: the instant in company time (as days.ts instantOf). */
  private instant(from: number, to: number): number {
    const s = this.s;
    if (to - from !== 16 || s[from + 4]! !== DASH || s[from + 7]! !== DASH || s[from + 10]! !== 84 || s[from + 13]! !== COLON) giveUp();
    const y = this.digits(from, 4);
    const mo = this.digits(from + 5, 2);
    const d = this.digits(from + 8, 2);
    const h = this.digits(from + 11, 2);
    const mi = this.digits(from + 14, 2);
    if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59) giveUp();
    return instantOfWall(Date.UTC(y, mo - 1, d, h, mi), this.tz);
  }

  /** The company-local day of an instant, which must be in the file's month. */
  private localDayInMonth(t: number): number {
    const local = localDay(t, this.tz);
    return monthOfDay(local) === this.monthNo ? local : giveUp();
  }
}
