/**
 * A checked mapping, turned into functions over CSV rows. Every column the mapping names must
 * be in the CSV (or a joined CSV); problems are issues located in the mapping file.
 */
import { closest } from '../issues/did-you-mean.ts';
import { issue, type DocPath, type PendingIssue } from '../issues/issue.ts';
import type { CsvTable, RowIssue } from './csv.ts';
import type { Mapping, ValueSpecInput, ValueSpecObject } from './mapping.ts';
import type { FieldSet, FieldType } from './targets.ts';
import { fixFloat, NUMBER_FORMAT_EXAMPLES, parseDate, parseNumber, slugify, type NumberFormat } from './values.ts';

/** A value a field got from one row: the value, nothing (an empty cell), or why not. */
export type Got = { ok: true; value: string | number | undefined } | { ok: false; message: string; hint: string };

/** What a row offers: its cells, its joined rows (looked up once), its line. */
export interface RowContext {
  line: number;
  cells: string[];
  /** Per join: the joined row, null when nothing matched; filled on first use. */
  joined: (string[] | null | undefined)[];
}

/** The other fields of the record being made, for `field:` sources. */
export type Scope = (field: string) => Got;

export interface CompiledValue {
  /** "Order Date" (a column), or a description of the source, for messages. */
  source: string;
  column?: string;
  sequence?: string;
  /** The value for this row, given the record's other fields. */
  get(row: RowContext, scope: Scope): Got;
}

export type CompiledFields = Map<string, CompiledValue>;

export interface CompiledJoin {
  as: string;
  file: string;
  key: string;
  table: CsvTable;
  index: Map<string, string[]>;
  match: CompiledValue;
}

export interface Formats {
  dates: string;
  numbers: NumberFormat;
  /** The mapping states `numbers`; otherwise it is the locale's guess, and ambiguous numbers (1.234) are refused. */
  numbersStated?: boolean;
}

export class Compiler {
  readonly issues: PendingIssue[] = [];
  readonly rowIssues: RowIssue[] = [];
  readonly joins: CompiledJoin[] = [];
  private readonly names: string[];

  constructor(
    readonly mapFile: string,
    readonly table: CsvTable,
    readonly formats: Formats,
  ) {
    this.names = [...table.header];
  }

  /** Adds a joined CSV; its rows are indexed by `key`. */
  addJoin(spec: Mapping['join'][number], table: CsvTable, at: DocPath): void {
    const as = spec.as ?? spec.file.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
    const keyAt = table.header.indexOf(spec.key);
    if (keyAt < 0) {
      this.columnIssue(spec.key, table.header, [...at, 'key'], table.file);
      return;
    }
    const index = new Map<string, string[]>();
    const firstLine = new Map<string, number>();
    for (const r of table.rows) {
      const k = (r.cells[keyAt] ?? '').trim();
      if (k === '') continue;
      if (index.has(k)) {
        this.rowIssues.push({ file: table.file, line: r.line, message: `${spec.key} "${k}" appears twice (first on line ${firstLine.get(k)})`, hint: `${table.file} is joined by ${spec.key}, so each value may be there once` });
        continue;
      }
      index.set(k, r.cells);
      firstLine.set(k, r.line);
    }
    const match = this.value(spec.match, 'text', [...at, 'match'], new Set());
    if (!match) return;
    this.joins.push({ as, file: table.file, key: spec.key, table, index, match });
    for (const h of table.header) this.names.push(`${as}.${h}`);
  }

  /** A getter for a column's trimmed cell, or undefined (with an issue) if there is no such column. */
  column(name: string, at: DocPath): ((row: RowContext) => string) | undefined {
    const k = this.table.header.indexOf(name);
    if (k >= 0) return (row) => (row.cells[k] ?? '').trim();
    const dot = name.indexOf('.');
    for (let j = 0; j < this.joins.length; j++) {
      const join = this.joins[j]!;
      if (dot < 0 || name.slice(0, dot) !== join.as) continue;
      const c = join.table.header.indexOf(name.slice(dot + 1));
      if (c < 0) break;
      return (row) => (this.joinedRow(row, j)?.[c] ?? '').trim();
    }
    this.columnIssue(name, this.names, at, this.table.file);
    return undefined;
  }

  /** The joined row of join j for this row (looked up once). */
  joinedRow(row: RowContext, j: number): string[] | null {
    const hit = row.joined[j];
    if (hit !== undefined) return hit;
    const join = this.joins[j]!;
    const got = join.match.get(row, () => ({ ok: true, value: undefined }));
    const key = got.ok && got.value !== undefined ? String(got.value) : '';
    return (row.joined[j] = join.index.get(key) ?? null);
  }

  /** Why a joined column came back empty, when the join found nothing. */
  joinMiss(row: RowContext, column: string | undefined): string | undefined {
    if (!column) return undefined;
    const j = this.joins.findIndex((x) => column.startsWith(`${x.as}.`) && !this.table.header.includes(column));
    if (j < 0 || this.joinedRow(row, j)) return undefined;
    const join = this.joins[j]!;
    const got = join.match.get(row, () => ({ ok: true, value: undefined }));
    const key = got.ok && got.value !== undefined ? String(got.value) : '';
    return key ? `no row of ${join.file} has ${join.key} "${key}"` : `the row has no ${join.match.source} to look up in ${join.file}`;
  }

  /**
   * A getter for a template's text: `{column}` replaced by the column's trimmed cell; undefined
   * for the row when any of them is empty. Undefined (with issues) when a column is unknown.
   */
  private template(text: string, at: DocPath): ((row: RowContext) => string | undefined) | undefined {
    const parts: (string | ((row: RowContext) => string))[] = [];
    let ok = true;
    let literal = '';
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if ((ch === '{' || ch === '}') && text[i + 1] === ch) {
        literal += ch;
        i++;
      } else if (ch === '{') {
        const end = text.indexOf('}', i);
        if (end < 0) {
          this.issues.push(issue(this.mapFile, at, 'template-brace', `the { at character ${i + 1} of the template is never closed`, 'write {column name}; a brace itself is written {{'));
          return undefined;
        }
        const name = text.slice(i + 1, end);
        const get = this.column(name, at);
        if (get) {
          if (literal) parts.push(literal);
          literal = '';
          parts.push(get);
        } else ok = false;
        i = end;
      } else if (ch === '}') {
        this.issues.push(issue(this.mapFile, at, 'template-brace', `the } at character ${i + 1} of the template closes nothing`, 'a brace itself is written }}'));
        return undefined;
      } else literal += ch;
    }
    if (literal) parts.push(literal);
    if (!ok) return undefined;
    if (!parts.some((p) => typeof p !== 'string')) {
      this.issues.push(issue(this.mapFile, at, 'template-no-column', 'the template names no column', 'write {column name} where a cell goes; for the same text on every record use value:'));
      return undefined;
    }
    return (row) => {
      let out = '';
      for (const p of parts) {
        if (typeof p === 'string') out += p;
        else {
          const cell = p(row);
          if (cell === '') return undefined;
          out += cell;
        }
      }
      return out;
    };
  }

  private columnIssue(name: string, names: readonly string[], at: DocPath, file: string): void {
    const guess = closest(name, names);
    const list = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
    this.issues.push(issue(this.mapFile, at, 'unknown-column', `"${name}" is not a column of ${file}`, guess ? `did you mean "${guess}"?` : `its columns are: ${list}`));
  }

  /** Row conditions; undefined when a column is unknown. */
  where(spec: Mapping['where'], at: DocPath): ((row: RowContext) => boolean) | undefined {
    if (!spec) return () => true;
    const tests: ((row: RowContext) => boolean)[] = [];
    let bad = false;
    for (const [name, cond] of Object.entries(spec)) {
      const get = this.column(name, [...at, name]);
      if (!get) {
        bad = true;
        continue;
      }
      const str = (v: string | number) => String(v).trim();
      if (Array.isArray(cond)) {
        const set = new Set(cond.map(str));
        tests.push((r) => set.has(get(r)));
      } else if (typeof cond === 'object') {
        const inSet = cond.in && new Set(cond.in.map(str));
        const notSet = cond.not && new Set(cond.not.map(str));
        tests.push((r) => {
          const v = get(r);
          if (inSet && !inSet.has(v)) return false;
          if (notSet && notSet.has(v)) return false;
          if (cond.empty !== undefined && (v === '') !== cond.empty) return false;
          return true;
        });
      } else {
        const want = str(cond);
        tests.push((r) => get(r) === want);
      }
    }
    return bad ? undefined : (row) => tests.every((t) => t(row));
  }

  /** The compiled fields of one section (fields, lines, customers, products). */
  fields(specs: Record<string, ValueSpecInput | undefined> | undefined, set: FieldSet, at: DocPath, label: (field: string) => string, scopeFields: Set<string>): CompiledFields {
    const out: CompiledFields = new Map();
    for (const [field, spec] of Object.entries(specs ?? {})) {
      if (spec === undefined) continue;
      const type = set.types[field]!;
      const c = this.value(spec, type, [...at, field], scopeFields, label(field));
      if (c) out.set(field, c);
    }
    return out;
  }

  /** One value spec for a field of `type`. */
  value(spec: ValueSpecInput, type: FieldType, at: DocPath, scopeFields: Set<string>, label = 'value'): CompiledValue | undefined {
    const s = (typeof spec === 'string' ? { column: spec } : typeof spec === 'number' ? { value: spec } : spec) as ValueSpecObject;
    let base: (row: RowContext, scope: Scope) => Got;
    let source: string;
    if (s.column !== undefined) {
      const get = this.column(s.column, typeof spec === 'string' ? at : [...at, 'column']);
      if (!get) return undefined;
      base = (row) => ({ ok: true, value: get(row) || undefined });
      source = `column "${s.column}"`;
    } else if (s.template !== undefined) {
      const made = this.template(s.template, [...at, 'template']);
      if (!made) return undefined;
      base = (row) => ({ ok: true, value: made(row) });
      source = `template ${JSON.stringify(s.template)}`;
    } else if (s.value !== undefined) {
      const v = s.value;
      base = () => ({ ok: true, value: v });
      source = `value ${JSON.stringify(v)}`;
    } else if (s.field !== undefined) {
      const f = s.field;
      if (!scopeFields.has(f)) {
        this.issues.push(issue(this.mapFile, [...at, 'field'], 'unknown-field-source', `"${f}" is not a field this value can come from`, scopeFields.size ? `the fields here are: ${[...scopeFields].join(', ')}` : 'use column: or value:'));
        return undefined;
      }
      base = (_row, scope) => scope(f);
      source = `field ${f}`;
    } else {
      if (at[at.length - 1] !== 'id' || at[0] === 'lines') {
        this.issues.push(issue(this.mapFile, [...at, 'sequence'], 'sequence-not-id', 'sequence numbers only make record ids', 'use it under fields: id'));
        return undefined;
      }
      // The numbers are given after sorting; until then the value is a placeholder.
      return { source: 'a sequence number', sequence: s.sequence!, get: () => ({ ok: true, value: undefined }) };
    }
    const numeric = NUMBER_STEPS.filter((k) => s[k] !== undefined);
    if (numeric.length && type !== 'number') {
      this.issues.push(issue(this.mapFile, [...at, numeric[0]!], 'number-step', `${numeric[0]}: is for number fields, and ${label} is ${type === 'id' ? 'an id' : type === 'text' ? 'text' : 'a date'}`, type === 'id' || type === 'text' ? 'to turn values into other values, use map: { from: to }' : 'remove it'));
      return undefined;
    }
    const dates = s.date ?? this.formats.dates;
    const numbers: NumberFormat = s.number === undefined ? this.formats.numbers : (NUMBER_FORMAT_EXAMPLES[s.number] ?? s.number);
    const where = `${label} (${source})`;
    const mapAt = [...at, 'map'];
    const get = (row: RowContext, scope: Scope): Got => {
      const got = base(row, scope);
      if (!got.ok || got.value === undefined || got.value === '') return got.ok && s.default !== undefined ? { ok: true, value: s.default } : got.ok ? { ok: true, value: undefined } : got;
      let v: string | number = got.value;
      if (s.map) {
        const key = String(v);
        if (Object.hasOwn(s.map, key)) v = s.map[key]!;
        else if (s.unmapped === 'error') {
          const guess = closest(key, Object.keys(s.map));
          return { ok: false, message: `${where}: "${key}" is not listed in its map`, hint: `${guess ? `did you mean "${guess}"? ` : ''}add it under ${fmtPath(mapAt)} in ${this.mapFile}` };
        }
      }
      switch (type) {
        case 'id':
        case 'text': {
          let t = String(v);
          if (s.slug) t = slugify(t);
          if (s.case === 'lower') t = t.toLowerCase();
          else if (s.case === 'upper') t = t.toUpperCase();
          if (s.prefix) t = s.prefix + t;
          if (type === 'id' && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(t)) {
            const slug = slugify(t);
            return {
              ok: false,
              message: `${where}: "${t}" is not an id (letters, digits, - _ .; at most 80)`,
              hint: slug && slug !== t && !s.slug ? `add slug: true to ${fmtPath(at)} to make ids of names ("${slug}")` : 'ids use letters, digits, "-", "_" and "."',
            };
          }
          return { ok: true, value: t };
        }
        case 'number': {
          let n: number;
          if (typeof v === 'number') n = v;
          else {
            const p = parseNumber(v, numbers, s.number !== undefined || this.formats.numbersStated === true);
            if (!p.ok) return { ok: false, message: `${where}: ${p.message}`, hint: p.hint };
            n = p.value;
          }
          if (s.percent) n = fixFloat(n / 100);
          return { ok: true, value: numeric.length ? numberSteps(n, s) : n };
        }
        case 'date':
        case 'datetime': {
          const p = parseDate(String(v), dates);
          if (!p.ok) return { ok: false, message: `${where}: ${p.message}`, hint: p.hint };
          if (type === 'date') return { ok: true, value: p.value.date };
          return { ok: true, value: `${p.value.date}T${p.value.time ?? s.time ?? '00:00'}${p.value.offset ?? ''}` };
        }
      }
    };
    return { source, ...(s.column !== undefined ? { column: s.column } : {}), get };
  }
}

/** The number steps a value spec may have, in the order they apply (after map and percent). */
const NUMBER_STEPS = ['scale', 'round', 'clamp'] as const;

/** scale, then round, then clamp. */
export function numberSteps(n: number, s: Pick<ValueSpecObject, 'scale' | 'round' | 'clamp'>): number {
  let v = n;
  if (typeof s.scale === 'number') v = fixFloat(v * s.scale);
  else if (s.scale) {
    const [a, b] = s.scale.from;
    const [c, d] = s.scale.to;
    v = fixFloat(c + ((v - a) * (d - c)) / (b - a));
  }
  if (s.round !== undefined) {
    const f = 10 ** s.round;
    // Halves away from zero, on the decimal written (2.675 is 2.68), not on its binary neighbour.
    v = (Math.sign(v) * Math.round(fixFloat(Math.abs(v) * f))) / f;
  }
  if (s.clamp) v = Math.min(Math.max(v, s.clamp[0]), s.clamp[1]);
  return v === 0 ? 0 : v;
}

function fmtPath(at: DocPath): string {
  return at.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}
