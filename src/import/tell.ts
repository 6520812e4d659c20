/**
 * What an import tells the user: validation problems in the files it would write, told at the
 * CSV line each record came from (with the column, and a hint at the mapping); problems of one
 * kind together, long runs cut short; and the summary of what was read and written. Pure.
 */
import { basename } from 'node:path';
import { formatIssue, formatPath, type Issue } from '../issues/issue.ts';
import type { Company } from '../schema/company.ts';
import type { MonthKind } from '../schema/file-kinds.ts';
import { ACTIVITY_FIELDS, LEAD_FIELDS, ORDER_FIELDS, ORDER_LINE_FIELDS, SURVEY_FIELDS, type Field } from '../schema/record-fields.ts';
import { formatRowIssue, type RowIssue } from './csv.ts';
import type { MadeRecord } from './made.ts';
import type { MapResult } from './map-rows.ts';

type Rec = Record<string, unknown>;

/** At most this many problems of one kind are listed; the rest are counted. */
const SHOW_PER_PROBLEM = 20;

export interface Shown {
  level: 'error' | 'warning';
  text: string;
  /** Problems with the same key are one kind of problem: listed together, long runs cut short. */
  key: string;
  file?: string;
  line?: number;
}

/** Validation issues; those in files the import makes are told at the CSV line they came from. */
export interface TranslateContext {
  kind: MonthKind;
  /** The month files written, each with its records in file order (record i is made[i]). */
  monthFiles: Map<string, MadeRecord[]>;
  csv: string;
  result: MapResult;
  /** Where the new customers and products sit in the files written. */
  customerAt: number[];
  productAt: number[];
  /** The mapping file, when there is one, and where a field's spec sits in it (fields.score, lines.qty). */
  mapFile?: string;
  specPath(section: 'fields' | 'lines' | 'customers' | 'products', field: string, spec: number): string;
}

/** Validation codes of a value the schema does not allow (a choice not listed, a number out of range). */
const OUTSIDE_THE_SCHEMA = new Set(['invalid-choice', 'invalid-value']);

const RECORD_TABLES: Record<MonthKind, readonly Field[]> = { orders: ORDER_FIELDS, leads: LEAD_FIELDS, activities: ACTIVITY_FIELDS, surveys: SURVEY_FIELDS };

/** Validation issues; those in files the import makes are told at the CSV line they came from. */
export function translate(issues: Issue[], ctx: TranslateContext): Shown[] {
  const { result } = ctx;
  const out: Shown[] = [];
  for (let i of issues) {
    const at = i.at;
    let line: number | undefined;
    let field: string | undefined;
    let section: 'fields' | 'lines' | 'customers' | 'products' = 'fields';
    let path: (string | number)[] = [];
    let spec = 0;
    let prefix = '';
    const made = ctx.monthFiles.get(i.file);
    if (made && typeof at[0] === 'number') {
      const m = made[at[0]];
      // A customer or product the repository lacks was reported already (or made, or its making failed and was reported).
      if (m && i.code === 'unknown-reference') {
        const named = at[1] === 'customer' ? m.record.customer : at[1] === 'lines' && at[3] === 'sku' ? (m.record.lines as Rec[])[at[2] as number]?.sku : undefined;
        if (typeof named === 'string' && result.missing[at[1] === 'customer' ? 'customers' : 'products'].has(named)) continue;
      }
      if (m) {
        spec = m.spec;
        if (at[1] === 'lines' && typeof at[2] === 'number') {
          line = m.lineRows?.[at[2]];
          path = at.slice(1);
          field = at[3] as string | undefined;
          section = 'lines';
        } else {
          line = m.line;
          path = at.slice(1);
          field = at[1] as string | undefined;
        }
      }
    } else if (i.file === 'data/customers.yaml' && typeof at[0] === 'number' && ctx.customerAt.includes(at[0])) {
      const n = result.newCustomers[ctx.customerAt.indexOf(at[0])]!;
      [line, path, field, section, prefix] = [n.line, at.slice(1), at[1] as string, 'customers', 'new customer: '];
      // A new customer's one owner (owners[0].rep) is the row's owner.
      if (at[1] === 'owners') {
        const written = formatPath(at.slice(1));
        if (i.message.startsWith(written)) i = { ...i, message: 'owner' + i.message.slice(written.length) };
        [path, field] = [['owner'], 'owner'];
      }
    } else if (i.file === 'data/products.yaml' && at[0] === 'products' && typeof at[1] === 'number' && ctx.productAt.includes(at[1])) {
      const n = result.newProducts[ctx.productAt.indexOf(at[1])]!;
      [line, path, field, section, prefix] = [n.line, at.slice(2), at[2] as string, 'products', 'new product: '];
    }
    if (line === undefined) {
      out.push({ level: i.level, text: `${i.level === 'warning' ? 'warning: ' : ''}${formatIssue(i)}`, key: `${i.code}|${i.file}` });
      continue;
    }
    let message = i.message;
    // "lines[2].qty must be …" is about this row's qty.
    const shownPath = formatPath(path);
    const shortPath = section === 'lines' ? formatPath(path.slice(2)) : shownPath;
    if (shownPath && message.startsWith(shownPath)) message = shortPath + message.slice(shownPath.length);
    const column = field ? (result.columnOf(section, field, spec) ?? (section === 'lines' && field === 'price' ? result.columnOf('lines', 'total') : undefined)) : undefined;
    if (column && shortPath && message.startsWith(`${shortPath} `)) message = `${shortPath} (column "${column}")${message.slice(shortPath.length)}`;
    const relatedMade = i.related && ctx.monthFiles.get(i.related.file);
    if (i.related && relatedMade && typeof i.related.at[0] === 'number') {
      const first = relatedMade[i.related.at[0]];
      const suffix = `; first at ${i.related.file}:${i.related.line ?? 0}:${i.related.column ?? 0}`;
      if (first && message.endsWith(suffix)) message = `${message.slice(0, -suffix.length)}; first on line ${first.line}`;
    }
    let hint = i.hint;
    if (i.code === 'unknown-reference' && (section === 'customers' || section === 'products')) hint = `${i.hint}; or change ${section}: in the mapping`;
    if (i.code === 'unknown-reference' && section === 'fields' && field === 'lead') hint = `${i.hint}; import the leads first, every month up to this one`;
    // A value the export writes its own way: the mapping is where it becomes one the schema takes.
    const toMap = OUTSIDE_THE_SCHEMA.has(i.code) && field && column ? mapHint(ctx, section, field, spec) : undefined;
    if (toMap) hint = `${i.hint ? `${i.hint}; ` : ''}${toMap}`;
    const r: RowIssue = { file: ctx.csv, line, message: prefix + message, level: i.level, ...(hint ? { hint } : {}) };
    out.push({ level: i.level, text: formatRowIssue(r), key: `${i.code}|${section}|${field ?? ''}`, file: ctx.csv, line });
  }
  return out;
}

/**
 * For a field with a fixed set of values (a choice, a score from 1 to 5), where in the mapping the
 * export's own values become allowed ones: map: (a score also scale:, round:, clamp:).
 */
function mapHint(ctx: TranslateContext, section: 'fields' | 'lines' | 'customers' | 'products', field: string, spec: number): string | undefined {
  const table = section === 'fields' ? RECORD_TABLES[ctx.kind] : section === 'lines' ? ORDER_LINE_FIELDS : undefined;
  const f = table?.find((x) => x.name === field);
  if (!f || (f.type !== 'enum' && f.type !== 'int')) return undefined;
  const where = ctx.mapFile ? `under ${ctx.specPath(section, field, spec)} in ${basename(ctx.mapFile)}` : 'in a mapping (--map, see docs/import.md)';
  if (f.type === 'enum') return `turn the file's values into these with map: { <value in the file>: ${f.values[0]}, … } ${where}`;
  return `bring the file's numbers to ${f.min}–${f.max} with scale:, round: and clamp: (or map: { <value in the file>: <score> }) ${where}`;
}

/** The kind of a row problem, for cutting long runs short: the message without quoted values and numbers. */
export function problemKey(message: string): string {
  return message.replace(/"[^"]*"/g, '""').replace(/\d+/g, '#');
}

/**
 * Every problem, problems of one kind together (kinds in the order they first occur, each in
 * line order); after SHOW_PER_PROBLEM of a kind the rest are counted, not listed.
 */
export function collapse(shown: Shown[]): string[] {
  const groups = new Map<string, Shown[]>();
  // Problems at CSV lines first, in line order; then those in other files, as validation sorted them.
  const atLines = shown.filter((s) => s.line !== undefined).sort((a, b) => (a.file === b.file ? a.line! - b.line! : a.file! < b.file! ? -1 : 1));
  for (const s of [...atLines, ...shown.filter((s) => s.line === undefined)]) {
    const g = groups.get(s.key);
    if (g) g.push(s);
    else groups.set(s.key, [s]);
  }
  const out: string[] = [];
  for (const g of groups.values()) {
    g.sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : 0));
    for (const s of g.slice(0, SHOW_PER_PROBLEM)) out.push(s.text);
    if (g.length > SHOW_PER_PROBLEM) out.push(`  … and ${(g.length - SHOW_PER_PROBLEM).toLocaleString('en-US')} more like these`);
  }
  return out;
}

const num = (n: number) => n.toLocaleString('en-US');
const money = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

export interface SummaryInput {
  kind: MonthKind;
  /** The months asked for, as the user wrote them: 2019-11, 2016-01..2019-12, or "the file". */
  label: string;
  /** The month files written, in month order. */
  written: { month: string; path: string }[];
  file: string;
  result: MapResult;
  company: Company;
  formats: { dates: string; numbers: string; numbersStated: boolean; datesStated: boolean };
  defaulted: 'no-map' | 'by-name' | 'mapped';
}

export function summary(x: SummaryInput): string[] {
  const { kind, result: r, company, formats } = x;
  const c = r.counts;
  const out: string[] = [];
  const span = c.first ? ` (the file's dates run from ${c.first} to ${c.last})` : '';
  const parts = [`${num(c.rows)} rows`, `${num(c.used)} used for ${x.label}`];
  if (c.outside) parts.push(`${num(c.outside)} dated outside ${x.label} skipped${span}`);
  if (c.filtered) parts.push(`${num(c.filtered)} left out by where`);
  out.push(`${basename(x.file)}: ${parts.join(', ')}`);
  // Always named, so that a number read the wrong way (1.234 as 1234) is never a surprise.
  const numbers = formats.numbers === 'id' ? '1.234.567,89' : '1,234,567.89';
  const from = (stated: boolean) => (stated ? 'the mapping' : `company locale ${company.locale}`);
  if (x.defaulted === 'no-map') out.push(`no --map: columns read by field name; numbers read ${numbers}, dates ${formats.dates} or yyyy-mm-dd (company locale ${company.locale})`);
  else out.push(`${x.defaulted === 'by-name' ? 'columns read by field name; ' : ''}numbers read ${numbers} (${from(formats.numbersStated)}), dates ${formats.dates} or yyyy-mm-dd (${from(formats.datesStated)})`);
  const records = r.made.map((m) => m.record);
  let detail: string;
  if (kind === 'orders') {
    const lines = records.flatMap((o) => o.lines as Rec[]);
    const net = lines.reduce((s, l) => s + Number(l.qty) * Number(l.price) * (1 - Number(l.discount ?? 0)), 0);
    detail = `${num(records.length)} orders, ${num(lines.length)} lines, net sales ${money(net)} ${company.currency}`;
  } else if (kind === 'activities') {
    const by = new Map<string, number>();
    for (const a of records) by.set(String(a.type), (by.get(String(a.type)) ?? 0) + 1);
    detail = `${num(records.length)} activities${by.size ? ` (${[...by].map(([t, n]) => `${num(n)} ${t}`).join(', ')})` : ''}`;
  } else if (kind === 'surveys') {
    const avg = records.length ? records.reduce((s, x) => s + Number(x.score), 0) / records.length : 0;
    detail = `${num(records.length)} surveys${records.length ? `, average score ${avg.toFixed(2)}` : ''}`;
  } else detail = `${num(records.length)} leads`;
  const filled = new Set(r.made.map((m) => m.month));
  const empty = x.written.filter((w) => !filled.has(w.month)).map((w) => w.month);
  if (x.written.length === 1) out.push(`wrote ${x.written[0]!.path}: ${detail}${records.length ? '' : ` (an empty month file: no ${kind} in ${x.written[0]!.month})`}`);
  else {
    const first = x.written[0]!;
    const last = x.written[x.written.length - 1]!;
    out.push(`wrote ${num(x.written.length)} month files, ${first.path} to ${last.path}: ${detail}`);
    if (empty.length) out.push(`${plural(empty.length, 'of them is', 'of them are')} empty (no ${kind} dated in ${empty.length > 6 ? `${empty.slice(0, 6).join(', ')}, …` : empty.join(', ')})`);
  }
  if (r.newCustomers.length) out.push(`added ${plural(r.newCustomers.length, 'customer')} to data/customers.yaml`);
  if (r.newProducts.length) out.push(`added ${plural(r.newProducts.length, 'product')} to data/products.yaml`);
  return out;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}

