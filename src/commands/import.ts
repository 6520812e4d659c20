/**
 * `capaian import orders|leads|activities|surveys FILE.csv --month YYYY-MM [--map MAP.yaml]
 * [--force] [--create-missing]`: one month of a CRM or spreadsheet export as that month's YAML.
 *
 * Reads the CSV and the mapping, makes the month's records (rows dated in other months are
 * skipped and counted), then validates the whole repository in memory with the new files in
 * place. Only when everything is valid are the files written: data/YYYY/MM/<kind>.yaml, and
 * with --create-missing the customers and products added to customers.yaml and products.yaml.
 * Problems in the CSV are reported at its lines (`FILE.csv:LINE  message  (hint)`), all at once.
 * Disk and output come in as effects (see nodeImportEffects), so tests run it in memory.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LAYOUTS } from '../format/layout.ts';
import { listToYaml } from '../format/to-yaml.ts';
import { insertCustomers, insertProducts } from '../import/append.ts';
import { formatRowIssue, readCsv, type CsvTable, type Delimiter, type RowIssue } from '../import/csv.ts';
import { mapRows, type MapResult } from '../import/map-rows.ts';
import { defaultMapping, localeFormats, mappingSchema, type Mapping } from '../import/mapping.ts';
import { decodeText } from '../load/decode.ts';
import { locateIssues } from '../load/locate.ts';
import { parseYaml, protoKeys } from '../load/parse-yaml.ts';
import { readRepoFiles } from '../load/read-repo.ts';
import { companySchema, type Company } from '../schema/company.ts';
import { MONTH_KINDS, type MonthKind } from '../schema/file-kinds.ts';
import { formatIssue, formatPath, pushAll, type Issue, type PendingIssue } from '../issues/issue.ts';
import { schemaIssues } from '../validate/schema-issues.ts';
import { validateRepo, type SourceFile } from '../validate/validate-repo.ts';
import { UsageError } from './compute.ts';

export interface ImportOptions {
  /** orders, leads, activities or surveys. */
  kind: string;
  /** The CSV to read, as the user wrote it (shown in messages). */
  file: string;
  /** The month to write, YYYY-MM: only rows dated in it are imported. */
  month: string;
  /** The mapping file; without it, columns are read by field name. */
  map?: string;
  /** Replace the month's file if it exists. */
  force: boolean;
  /** Add customers and products the CSV names that the repository does not list. */
  createMissing: boolean;
  /** The data repository (shown in messages; the effects read and write it). */
  root: string;
}

export interface ImportEffects {
  /** A file the user named (the CSV, the mapping, a joined CSV); throws if it cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  /** Every file under the repository's data/ and kpis/, paths relative to the root. */
  readRepo(): Promise<{ files: SourceFile[]; issues: PendingIssue[] }>;
  /** `path` is relative to the repository root: data/2026/03/orders.yaml. */
  writeFile(path: string, text: string): Promise<void>;
  out(line: string): void;
}

/** At most this many problems of one kind are listed; the rest are counted. */
const SHOW_PER_PROBLEM = 20;

type Rec = Record<string, unknown>;

/** Returns the exit code: 0 written, 1 problems (nothing written). Throws UsageError for bad arguments. */
export async function importCommand(opts: ImportOptions, fx: ImportEffects): Promise<number> {
  if (!(MONTH_KINDS as readonly string[]).includes(opts.kind)) throw new UsageError(`import needs a kind: ${MONTH_KINDS.join(', ')}; got "${opts.kind}"`);
  const kind = opts.kind as MonthKind;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new UsageError(`--month must be a month YYYY-MM, got "${opts.month}"`);
  const month = opts.month;
  const monthPath = `data/${month.slice(0, 4)}/${month.slice(5, 7)}/${kind}.yaml`;

  const repo = await fx.readRepo();
  const byPath = new Map(repo.files.map((f) => [f.path, f]));
  if (byPath.has(monthPath) && !opts.force) {
    fx.out(`${join(opts.root, monthPath)}  already exists  (import --force replaces it; to add to a month, import the month's whole export again with --force)`);
    fx.out('nothing written');
    return 1;
  }
  const text = (path: string) => {
    const f = byPath.get(path);
    if (!f) return undefined;
    return decodeText(f.bytes, path).text;
  };
  const company = readCompany(text('data/company.yaml'));
  const existingCustomers = listOf(text('data/customers.yaml'));
  const productsDoc = text('data/products.yaml');
  const existingProducts = productsDoc === undefined ? [] : listOf(productsDoc, 'products');

  // The mapping.
  let mapping: Mapping | undefined;
  const mapFile = opts.map ?? '(no --map)';
  let mapText: string | undefined;
  if (opts.map !== undefined) {
    const bytes = await readUserFile(fx, opts.map, 'mapping');
    const decoded = decodeText(bytes, opts.map);
    if (decoded.text === undefined) return fail(fx, decoded.issues.map((i) => formatIssue(locate(i))));
    mapText = decoded.text;
    const parsed = parseYaml(mapText, opts.map);
    if (parsed.issues.length) return fail(fx, locateIssues(parsed.issues, () => mapText).map(formatIssue));
    const reserved = protoKeys(parsed.value, opts.map);
    if (reserved.length) return fail(fx, locateIssues(reserved, () => mapText).map(formatIssue));
    const schema = mappingSchema(kind);
    const r = schema.safeParse(parsed.value ?? {}, { reportInput: true });
    if (!r.success) return fail(fx, locateIssues(schemaIssues(r.error, schema, opts.map, false), () => mapText).map(formatIssue));
    mapping = r.data;
    if (mapping.kind && mapping.kind !== kind) throw new UsageError(`${opts.map} maps ${mapping.kind}, not ${kind}: run capaian import ${mapping.kind} …, or use a mapping for ${kind}`);
  }

  // The CSV and the files it joins.
  const delimiter = mapping?.delimiter === 'tab' ? '\t' : (mapping?.delimiter as Delimiter | undefined);
  const csv = readCsv(await readUserFile(fx, opts.file, 'CSV'), opts.file, delimiter ? { delimiter } : {});
  if (!csv.table) return fail(fx, csv.issues.map(formatRowIssue));
  const table = csv.table;
  // Without --map, or with a mapping that only sets formats (numbers: "1.234,5"), columns are read by field name.
  const byName = !mapping || (!mapping.fields && !mapping.records && !mapping.lines);
  if (byName) mapping = { ...defaultMapping(kind, table.header), ...Object.fromEntries(Object.entries(mapping ?? {}).filter(([, v]) => v !== undefined)) } as Mapping;
  mapping = mapping!;
  const joins: { table: CsvTable; spec: Mapping['join'][number]; at: (string | number)[] }[] = [];
  const early: RowIssue[] = [...csv.issues];
  for (const [k, spec] of mapping.join.entries()) {
    const path = join(dirname(opts.file), spec.file);
    const joined = readCsv(await readUserFile(fx, path, `joined CSV (join[${k}].file in ${mapFile})`), path);
    pushAll(early, joined.issues);
    if (joined.table) joins.push({ table: joined.table, spec, at: ['join', k] });
  }
  if (early.some((i) => i.level !== 'warning')) return fail(fx, early.map(formatRowIssue));

  const locale = localeFormats(company.locale);
  const formats = { dates: mapping.dates ?? locale.dates, numbers: mapping.numbers ?? locale.numbers, numbersStated: mapping.numbers !== undefined, datesStated: mapping.dates !== undefined };
  const result = mapRows({
    kind,
    month,
    table,
    joins,
    mapping,
    mapFile,
    formats,
    timezone: company.timezone,
    customers: new Set(existingCustomers.map((c) => String(c.id))),
    products: new Set(existingProducts.map((p) => String(p.sku))),
    createMissing: opts.createMissing,
  });
  if (result.mapIssues.length) {
    const lines = opts.map === undefined ? result.mapIssues.map((i) => `${opts.file}  ${i.message}  (without --map, columns are read by field name: ${i.hint ?? ''}; or write a mapping, see docs/import.md)`) : locateIssues(result.mapIssues, () => mapText).map(formatIssue);
    return fail(fx, [...early.map(formatRowIssue), ...lines, ...result.rowIssues.map(formatRowIssue)]);
  }

  // The files as they would be written, and the repository with them in place.
  const records = result.made.map((m) => m.record);
  const header = `Imported by capaian import ${kind} from ${basename(opts.file)}${opts.map ? ` with ${basename(opts.map)}` : ''}, ${month}.`;
  const writes = new Map<string, string>();
  writes.set(monthPath, listToYaml(records, LAYOUTS[kind], { header }));
  const notes: string[] = [];
  let customerAt: number[] = [];
  let productAt: number[] = [];
  if (result.newCustomers.length) {
    const a = insertCustomers(text('data/customers.yaml'), result.newCustomers.map((n) => n.record));
    writes.set('data/customers.yaml', a.text);
    customerAt = a.positions;
    if (a.rewritten) notes.push('data/customers.yaml could not take the new customers as text where they belong, so it is written whole in canonical form (its comments are gone)');
  }
  if (result.newProducts.length) {
    const a = insertProducts(productsDoc, result.newProducts.map((n) => n.record));
    writes.set('data/products.yaml', a.text);
    productAt = a.positions;
    if (a.rewritten) notes.push('data/products.yaml could not take the new products as text where they belong, so it is written whole in canonical form (its comments are gone)');
  }
  const enc = new TextEncoder();
  const files = [...repo.files.filter((f) => !writes.has(f.path)), ...[...writes].map(([path, t]) => ({ path, bytes: enc.encode(t) }))];
  const validation = validateRepo(files, repo.issues);

  const translated = translate(validation.issues, {
    monthPath,
    csv: opts.file,
    result,
    customerAt,
    productAt,
  });
  const rowIssues = [...early, ...result.rowIssues];
  const shown: Shown[] = [...rowIssues.map((i) => ({ level: i.level ?? 'error', text: formatRowIssue(i), key: i.kind ?? problemKey(i.message), file: i.file, ...(i.line ? { line: i.line } : {}) })), ...translated];
  const errors = shown.filter((s) => s.level === 'error').length;
  for (const line of collapse(shown)) fx.out(line);
  if (errors > 0) {
    fx.out('');
    fx.out(`${errors.toLocaleString('en-US')} ${errors === 1 ? 'problem' : 'problems'}: nothing written`);
    return 1;
  }

  for (const [path, t] of writes) await fx.writeFile(path, t);
  for (const line of summary(kind, month, opts.file, monthPath, result, company, formats, opts.map === undefined ? 'no-map' : byName ? 'by-name' : 'mapped')) fx.out(line);
  for (const n of notes) fx.out(`note: ${n}`);
  return 0;
}

async function readUserFile(fx: ImportEffects, path: string, what: string): Promise<Uint8Array> {
  try {
    return await fx.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the ${what} ${path}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`);
  }
}

function fail(fx: ImportEffects, lines: string[]): number {
  for (const l of lines) fx.out(l);
  const n = lines.filter((l) => !l.startsWith('warning: ')).length;
  fx.out('');
  fx.out(`${n} ${n === 1 ? 'problem' : 'problems'}: nothing written`);
  return 1;
}

function locate(i: PendingIssue): Issue {
  return { ...i, line: i.line ?? 0, column: i.column ?? 0 };
}

/** company.yaml as far as the import needs it (timezone, locale); validation reports the rest. */
function readCompany(text: string | undefined): Company {
  const fallback = companySchema.parse({ name: 'unknown', currency: 'IDR', regions: [{ id: 'unknown', name: 'unknown' }] });
  if (text === undefined) return fallback;
  const parsed = parseYaml(text, 'data/company.yaml');
  const r = companySchema.safeParse(parsed.value);
  return r.success ? r.data : fallback;
}

function listOf(text: string | undefined, key?: string): Rec[] {
  if (text === undefined) return [];
  const parsed = parseYaml(text, 'file');
  const v = key ? (parsed.value as Rec | null)?.[key] : parsed.value;
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Rec[]) : [];
}

interface Shown {
  level: 'error' | 'warning';
  text: string;
  /** Problems with the same key are one kind of problem: listed together, long runs cut short. */
  key: string;
  file?: string;
  line?: number;
}

/** Validation issues; those in files the import makes are told at the CSV line they came from. */
function translate(issues: Issue[], ctx: { monthPath: string; csv: string; result: MapResult; customerAt: number[]; productAt: number[] }): Shown[] {
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
    if (i.file === ctx.monthPath && typeof at[0] === 'number') {
      const m = result.made[at[0]];
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
    if (i.related && i.related.file === ctx.monthPath && typeof i.related.at[0] === 'number') {
      const first = result.made[i.related.at[0]];
      const suffix = `; first at ${i.related.file}:${i.related.line ?? 0}:${i.related.column ?? 0}`;
      if (first && message.endsWith(suffix)) message = `${message.slice(0, -suffix.length)}; first on line ${first.line}`;
    }
    let hint = i.hint;
    if (i.code === 'unknown-reference' && (section === 'customers' || section === 'products')) hint = `${i.hint}; or change ${section}: in the mapping`;
    if (i.code === 'unknown-reference' && section === 'fields' && field === 'lead') hint = `${i.hint}; import the leads first, every month up to this one`;
    const r: RowIssue = { file: ctx.csv, line, message: prefix + message, level: i.level, ...(hint ? { hint } : {}) };
    out.push({ level: i.level, text: formatRowIssue(r), key: `${i.code}|${section}|${field ?? ''}`, file: ctx.csv, line });
  }
  return out;
}

/** The kind of a row problem, for cutting long runs short: the message without quoted values and numbers. */
function problemKey(message: string): string {
  return message.replace(/"[^"]*"/g, '""').replace(/\d+/g, '#');
}

/**
 * Every problem, problems of one kind together (kinds in the order they first occur, each in
 * line order); after SHOW_PER_PROBLEM of a kind the rest are counted, not listed.
 */
function collapse(shown: Shown[]): string[] {
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

function summary(kind: MonthKind, month: string, file: string, monthPath: string, r: MapResult, company: Company, formats: { dates: string; numbers: string; numbersStated: boolean; datesStated: boolean }, defaulted: 'no-map' | 'by-name' | 'mapped'): string[] {
  const c = r.counts;
  const out: string[] = [];
  const span = c.first ? ` (the file's dates run from ${c.first} to ${c.last})` : '';
  const parts = [`${num(c.rows)} rows`, `${num(c.used)} used for ${month}`];
  if (c.outside) parts.push(`${num(c.outside)} dated outside ${month} skipped${span}`);
  if (c.filtered) parts.push(`${num(c.filtered)} left out by where`);
  out.push(`${basename(file)}: ${parts.join(', ')}`);
  // Always named, so that a number read the wrong way (1.234 as 1234) is never a surprise.
  const numbers = formats.numbers === 'id' ? '1.234.567,89' : '1,234,567.89';
  const from = (stated: boolean) => (stated ? 'the mapping' : `company locale ${company.locale}`);
  if (defaulted === 'no-map') out.push(`no --map: columns read by field name; numbers read ${numbers}, dates ${formats.dates} or yyyy-mm-dd (company locale ${company.locale})`);
  else out.push(`${defaulted === 'by-name' ? 'columns read by field name; ' : ''}numbers read ${numbers} (${from(formats.numbersStated)}), dates ${formats.dates} or yyyy-mm-dd (${from(formats.datesStated)})`);
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
  out.push(`wrote ${monthPath}: ${detail}${records.length ? '' : ` (an empty month file: no ${kind} in ${month})`}`);
  const plural = (n: number, w: string) => `${num(n)} ${w}${n === 1 ? '' : 's'}`;
  if (r.newCustomers.length) out.push(`added ${plural(r.newCustomers.length, 'customer')} to data/customers.yaml`);
  if (r.newProducts.length) out.push(`added ${plural(r.newProducts.length, 'product')} to data/products.yaml`);
  return out;
}

/** The effects for a real run: user files from the working folder, the repository under `root`. */
export function nodeImportEffects(root: string, out: (line: string) => void = (l) => console.log(l)): ImportEffects {
  return {
    readFile: async (path) => new Uint8Array(await readFile(path)),
    readRepo: () => readRepoFiles(root, ['data', 'kpis']),
    async writeFile(path, text) {
      const full = join(root, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, text);
    },
    out,
  };
}
