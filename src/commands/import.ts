/**
 * `capaian import orders|leads|activities|surveys FILE.csv (--month YYYY-MM | --months FIRST..LAST
 * | --all-months) [--map MAP.yaml] [--force] [--create-missing]`: a CRM or spreadsheet export as
 * the YAML of one month, or split by date into the files of many months in one run.
 *
 * Reads the CSV and the mapping, makes the months' records (rows dated in other months are
 * skipped and counted), then validates the whole repository once, in memory, with the new files
 * in place; month files the import does not touch come from the cache, already read. Only when
 * everything is valid are the files written, all or none (staged, then renamed into place):
 * data/YYYY/MM/<kind>.yaml for each month, and with --create-missing the customers and products
 * added to customers.yaml and products.yaml. Problems in the CSV are reported at its lines
 * (`FILE.csv:LINE  message  (hint)`), all at once. Disk and output come in as effects (see
 * nodeImportEffects), so tests run it in memory.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import yaml from 'js-yaml';
import { basename, dirname, join } from 'node:path';
import { LAYOUTS } from '../format/layout.ts';
import { listToYaml } from '../format/to-yaml.ts';
import { insertCustomers, insertProducts } from '../import/append.ts';
import { formatRowIssue, readCsv, type CsvTable, type Delimiter, type RowIssue } from '../import/csv.ts';
import { loadMapping } from '../import/load-mapping.ts';
import type { MadeRecord } from '../import/made.ts';
import { mapRows } from '../import/map-rows.ts';
import { defaultMapping, localeFormats, type Mapping } from '../import/mapping.ts';
import { isMonth, monthPath, monthsBetween, parseMonthSpan, spanLabel, type MonthSpan } from '../import/month-span.ts';
import { collapse, problemKey, summary, translate, type Shown } from '../import/tell.ts';
import { cacheDirFor } from '../load/chunk-cache.ts';
import { decodeText } from '../load/decode.ts';
import { checkedCache } from '../load/checked-cache.ts';
import { preIngest } from '../load/ingest-pool.ts';
import { locateIssues } from '../load/locate.ts';
import { MAX_DEPTH, parseYaml } from '../load/parse-yaml.ts';
import { readRepoFiles } from '../load/read-repo.ts';
import { companySchema, type Company } from '../schema/company.ts';
import { MONTH_KINDS, type MonthKind } from '../schema/file-kinds.ts';
import { formatIssue, pushAll, type PendingIssue } from '../issues/issue.ts';
import { validateRepo, type CheckedFile, type SourceFile, type ValidateOptions } from '../validate/validate-repo.ts';
import { UsageError } from './compute.ts';
import { nodeEffects, type Effects } from './effects.ts';

export interface ImportOptions {
  /** orders, leads, activities or surveys. */
  kind: string;
  /** The CSV to read, as the user wrote it (shown in messages). */
  file: string;
  /** One month to write, YYYY-MM: only rows dated in it are imported. */
  month?: string;
  /** Instead of month: the months to write, FIRST..LAST (2016-01..2019-12). */
  months?: string;
  /** Instead of month: every month from the file's first date to its last. */
  allMonths?: boolean;
  /** The mapping file; without it, columns are read by field name. */
  map?: string;
  /** Replace the months' files if they exist. */
  force: boolean;
  /** Add customers and products the CSV names that the repository does not list. */
  createMissing: boolean;
  /** The data repository (shown in messages; the effects read and write it). */
  root: string;
}

/** The shared effects (src/commands/effects.ts: the report goes to `out`), and how the import reads and writes the repository. */
export interface ImportEffects extends Effects {
  /** A file the user named (the CSV, the mapping, a joined CSV); throws if it cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Every file under the repository's data/ and kpis/, paths relative to the root; `ingested`
   * hands validation the month files already read (from the cache), so they are not read again;
   * `readAhead` counts them (month files, and how many of them the cache held).
   */
  readRepo(): Promise<{ files: SourceFile[]; issues: PendingIssue[]; ingested?: ValidateOptions['ingested']; checked?: ValidateOptions['checked']; readAhead?: { files: number; cached: number } }>;
  /**
   * Writes every file or none: `paths` are relative to the repository root
   * (data/2026/03/orders.yaml), in the order given.
   */
  writeFiles(files: [path: string, text: string][]): Promise<void>;
}

type Rec = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Options: which months, checked before anything is read.

/** The months to import, from exactly one of --month, --months and --all-months. */
export function monthSpanOf(opts: Pick<ImportOptions, 'month' | 'months' | 'allMonths'>): MonthSpan {
  const given = [opts.month !== undefined && '--month', opts.months !== undefined && '--months', opts.allMonths && '--all-months'].filter(Boolean);
  if (given.length === 0) throw new UsageError('import needs --month YYYY-MM, --months FIRST..LAST (2016-01..2019-12) or --all-months');
  if (given.length > 1) throw new UsageError(`give one of --month, --months and --all-months, not ${given.join(' and ')}`);
  if (opts.allMonths) return 'all';
  if (opts.month !== undefined) {
    if (!isMonth(opts.month)) throw new UsageError(`--month must be a month YYYY-MM, got "${opts.month}"`);
    return { from: opts.month, to: opts.month };
  }
  const span = parseMonthSpan(opts.months!);
  if (typeof span === 'string') throw new UsageError(span);
  return span;
}

// ---------------------------------------------------------------------------------------------

/** Returns the exit code: 0 written, 1 problems (nothing written). Throws UsageError for bad arguments. */
export async function importCommand(opts: ImportOptions, fx: ImportEffects): Promise<number> {
  if (!(MONTH_KINDS as readonly string[]).includes(opts.kind)) throw new UsageError(`import needs a kind: ${MONTH_KINDS.join(', ')}; got "${opts.kind}"`);
  const kind = opts.kind as MonthKind;
  const span = monthSpanOf(opts);
  const label = spanLabel(span);

  const repo = await fx.readRepo();
  const byPath = new Map(repo.files.map((f) => [f.path, f]));
  if (span !== 'all' && !opts.force) {
    const refused = refuseExisting(fx, opts, monthsBetween(span.from, span.to).map((m) => monthPath(m, kind)), byPath);
    if (refused) return refused;
  }
  const text = (path: string) => {
    const f = byPath.get(path);
    return f ? decodeText(f.bytes, path).text : undefined;
  };
  const company = readCompany(text('data/company.yaml'));
  const customersDoc = text('data/customers.yaml');
  const existingCustomers = listOf(customersDoc, undefined, customersDoc === undefined ? undefined : repo.checked?.get('data/customers.yaml', customersDoc));
  const productsDoc = text('data/products.yaml');
  const existingProducts = productsDoc === undefined ? [] : listOf(productsDoc, 'products', repo.checked?.get('data/products.yaml', productsDoc));

  // The mapping.
  let mapping: Mapping | undefined;
  const mapFile = opts.map ?? '(no --map)';
  let mapText: string | undefined;
  if (opts.map !== undefined) {
    const loaded = loadMapping(await readUserFile(fx, opts.map, 'mapping'), opts.map, kind);
    if (!loaded.mapping) return fail(fx, loaded.problems);
    mapping = loaded.mapping;
    mapText = loaded.text;
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
    months: span,
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

  // The months written: those asked for, or with --all-months those from the file's first date to its last.
  const months = span !== 'all' ? monthsBetween(span.from, span.to) : result.counts.first ? monthsBetween(result.counts.first.slice(0, 7), result.counts.last!.slice(0, 7)) : [];
  if (!months.length) return fail(fx, [`${opts.file}  no row has a date, so no month to import  (--all-months imports the months from the file's first date to its last)`, ...result.rowIssues.map(formatRowIssue)]);
  if (span === 'all' && !opts.force) {
    const refused = refuseExisting(fx, opts, months.map((m) => monthPath(m, kind)), byPath);
    if (refused) return refused;
  }

  // The files as they would be written, and the repository with them in place.
  const monthFiles = new Map<string, MadeRecord[]>(months.map((m) => [monthPath(m, kind), []]));
  for (const m of result.made) monthFiles.get(monthPath(m.month, kind))!.push(m);
  const writes = new Map<string, string>();
  for (const [path, made] of monthFiles) {
    const month = path.slice(5, 12).replace('/', '-');
    const header = `Imported by capaian import ${kind} from ${basename(opts.file)}${opts.map ? ` with ${basename(opts.map)}` : ''}, ${month}.`;
    writes.set(path, listToYaml(made.map((m) => m.record), LAYOUTS[kind], { header }));
  }
  const notes: string[] = [];
  let customerAt: number[] = [];
  let productAt: number[] = [];
  if (result.newCustomers.length) {
    const a = insertCustomers(customersDoc, result.newCustomers.map((n) => n.record));
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
  // The month files the import leaves alone come from the cache; a file it replaces never does.
  const ahead = repo.ingested;
  const validation = validateRepo(files, repo.issues, { ...(ahead ? { ingested: (f: SourceFile) => (writes.has(f.path) ? undefined : ahead(f)) } : {}), ...(repo.checked ? { checked: repo.checked } : {}) });

  const mapPath = (section: 'fields' | 'lines' | 'customers' | 'products', field: string, spec: number) => (section === 'fields' && mapping.records ? `records[${spec}].fields.${field}` : `${section}.${field}`);
  const translated = translate(validation.issues, { kind, monthFiles, csv: opts.file, result, customerAt, productAt, ...(opts.map !== undefined && !byName ? { mapFile: opts.map } : {}), specPath: mapPath });
  const rowIssues = [...early, ...result.rowIssues];
  const shown: Shown[] = [...rowIssues.map((i) => ({ level: i.level ?? 'error', text: formatRowIssue(i), key: i.kind ?? problemKey(i.message), file: i.file, ...(i.line ? { line: i.line } : {}) })), ...translated];
  const errors = shown.filter((s) => s.level === 'error').length;
  for (const line of collapse(shown)) fx.out(line);
  if (errors > 0) {
    fx.out('');
    fx.out(`${errors.toLocaleString('en-US')} ${errors === 1 ? 'problem' : 'problems'}: nothing written`);
    return 1;
  }

  await fx.writeFiles([...writes]);
  const written = [...monthFiles.keys()].map((path) => ({ path, month: path.slice(5, 12).replace('/', '-') }));
  for (const line of summary({ kind, label, written, file: opts.file, result, company, formats, defaulted: opts.map === undefined ? 'no-map' : byName ? 'by-name' : 'mapped' })) fx.out(line);
  for (const n of notes) fx.out(`note: ${n}`);
  return 0;
}

/** Refuses (exit 1) when month files to write exist already and --force is not given. */
function refuseExisting(fx: ImportEffects, opts: ImportOptions, paths: string[], have: Map<string, unknown>): number | undefined {
  const there = paths.filter((p) => have.has(p));
  if (!there.length) return undefined;
  const first = join(opts.root, there[0]!);
  const others = there.length - 1;
  const also = others ? `, as ${others === 1 ? 'does 1 other month file' : `do ${others} other month files`} of the months imported` : '';
  fx.out(`${first}  already exists${also}  (import --force replaces ${others ? 'them' : 'it'}; to add to a month, import the month's whole export again with --force)`);
  fx.out('nothing written');
  return 1;
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

/** company.yaml as far as the import needs it (timezone, locale); validation reports the rest. */
function readCompany(text: string | undefined): Company {
  const fallback = companySchema.parse({ name: 'unknown', currency: 'IDR', regions: [{ id: 'unknown', name: 'unknown' }] });
  if (text === undefined) return fallback;
  const parsed = parseYaml(text, 'data/company.yaml');
  const r = companySchema.safeParse(parsed.value);
  return r.success ? r.data : fallback;
}

/**
 * The records of customers.yaml or products.yaml, as far as the import needs them (their ids);
 * validation reports any problem. Read with js-yaml alone: parseYaml's check for aliases (which
 * parses a file again, slowly, when a name such as "Bookcase, *Special Order" looks like one)
 * is validation's to make, and only the top level is looked at here, so an alias costs nothing.
 * A file checked clean before with this very text (`checked`) is not parsed at all.
 */
function listOf(text: string | undefined, key?: string, checked?: CheckedFile): Rec[] {
  if (text === undefined) return [];
  if (checked) return checked.records as Rec[];
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.CORE_SCHEMA, maxDepth: MAX_DEPTH } as yaml.LoadOptions);
  } catch {
    return [];
  }
  const v = key ? (value as Rec | null)?.[key] : value;
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Rec[]) : [];
}

/**
 * The effects for a real run: user files from the working folder, the repository under `root`,
 * its month files through the cache (node_modules/.cache/capaian, as validate reads them); the
 * rest (printing) is `fx`'s.
 */
export function nodeImportEffects(root: string, fx: Effects = nodeEffects()): ImportEffects {
  return {
    ...fx,
    readFile: async (path) => new Uint8Array(await readFile(path)),
    async readRepo() {
      const read = await readRepoFiles(root, ['data', 'kpis']);
      if (read.issues.length) return read;
      const cacheDir = cacheDirFor(root);
      const { ingested, stats } = await preIngest(read.files, { cacheDir, onNotice: (line) => fx.out(line) });
      const checked = checkedCache(cacheDir);
      return { ...read, ingested, ...(checked ? { checked } : {}), readAhead: { files: stats.files, cached: stats.cached } };
    },
    writeFiles: (files) => writeAllOrNone(root, files),
  };
}

/**
 * Every file written beside its place under a temporary name (a dot file, which reading the
 * repository skips), then each renamed into place: a failure while writing (a full disk, a
 * folder that cannot be made) removes what was staged and leaves the repository as it was.
 */
export async function writeAllOrNone(root: string, files: [path: string, text: string][]): Promise<void> {
  const staged: [tmp: string, full: string][] = [];
  try {
    for (const [path, text] of files) {
      const full = join(root, path);
      const tmp = join(dirname(full), `.${basename(full)}.${process.pid}.import-tmp`);
      await mkdir(dirname(full), { recursive: true });
      staged.push([tmp, full]);
      await writeFile(tmp, text);
    }
  } catch (e) {
    await Promise.all(staged.map(([tmp]) => rm(tmp, { force: true })));
    throw e;
  }
  for (const [tmp, full] of staged) await rename(tmp, full);
}
