/**
 * The whole of validation: files -> placed -> decoded -> parsed -> checked against their
 * schema record by record -> cross-file rules -> located. Pure: it receives the files' bytes.
 * Every problem is collected; nothing stops at the first.
 */
import type { z } from 'zod';
import { decodeText } from '../load/decode.ts';
import { placeFile, readByValidation } from '../load/layout.ts';
import { locateIssues } from '../load/locate.ts';
import { parseYaml, protoKeys } from '../load/parse-yaml.ts';
import { companySchema } from '../schema/company.ts';
import { REQUIRED_FILES, schemaOf, type FileKind } from '../schema/file-kinds.ts';
import { productSchema, productsSchema } from '../schema/products.ts';
import { issue, pushAll, sortIssues, type Issue, type PendingIssue } from '../issues/issue.ts';
import type { RecordFile, RepoData, Summary, ValidData } from './repo-data.ts';
import { chunkBuilder, MONTH_KINDS, type ChunkOf, type MonthChunk, type MonthKind } from '../ingest/chunk.ts';
import { ingestMonthFile, type IngestResult } from '../ingest/ingest-file.ts';
import { checkChunks } from './rules/on-chunks.ts';
import { FAST_CHECK, fastCustomer } from './fast-records.ts';
import { checkRecord, errorsOnColumns, notAList, readMonthRecords, type ColumnErrors, type MonthRecords, type RecordPlace } from './problem-records.ts';
import { linkChunks, type MonthChunks } from '../ingest/links.ts';
import { checkKpis, type KpiCheckContext, type KpiFile } from '../kpi/check-kpis.ts';
import { kpiSchema, type Kpi } from '../kpi/schema.ts';
import { targetSigns } from './target-signs.ts';
import { closest } from '../issues/did-you-mean.ts';
import type { RuleContext } from './rules/context.ts';
import { crossFileRules } from './rules/index.ts';
import { eachRecord } from './rules/each-record.ts';
import { schemaIssues } from './schema-issues.ts';
import { checkReviews, type ParsedReview } from './reviews.ts';

export interface SourceFile {
  /** Relative to the repository root, forward slashes. @example data/2026/03/orders.yaml */
  path: string;
  bytes: Uint8Array;
  /** Where the bytes are on disk, when they are (a worker thread can read them itself). */
  origin?: string;
}

export interface ValidationResult {
  /** Null when an error makes the data unusable (any error at all). */
  data: ValidData | null;
  /** The KPI definitions in kpis/, in file order. */
  kpis: Kpi[];
  /** Everything the data could still give, for tools that show partial results. */
  partial: Partial<RepoData>;
  issues: Issue[];
  summary: Summary;
  /** The reviews in reviews/ whose frontmatter is valid (src/validate/reviews.ts). */
  reviews?: ParsedReview[];
  /**
   * When month files with problems were checked on columns (problem-records.ts): each month
   * file's valid records as a chunk, with the list position of each row (null: every record).
   * `partial` then holds the other files only.
   */
  columns?: ColumnErrors['columns'];
}

type Kept = RecordFile<unknown> & { kind: FileKind };

export interface ValidateOptions {
  /**
   * Month files already turned into chunks (by worker threads, or from the cache), for the
   * company timezone they were read in; files it does not know are read here.
   */
  ingested?: (file: SourceFile) => { tz: string; result: IngestResult } | undefined;
  /** The records of files checked clean before (customers.yaml, products.yaml, …), by their text. */
  checked?: CheckedFiles;
}

/**
 * A store of files checked before (load/checked-cache.ts keeps it on disk): a file other than a
 * month file or company.yaml that passed its schema with no issue is kept, by its path and
 * text, as the records the check made; the same text again is not parsed or checked again.
 * Cross-file rules always run on everything.
 */
export interface CheckedFiles {
  get(path: string, text: string): CheckedFile | undefined;
  set(path: string, text: string, file: CheckedFile): void;
}
export interface CheckedFile {
  /** The records as the schema made them, and each one's place in the file's list. */
  records: unknown[];
  index: number[];
  /** The list's length in the file (records counted in the summary). */
  length: number;
  /** products.yaml: everything but the list (categories), as its schema made it. */
  shell?: unknown;
}

/**
 * Clean data takes the fast path: month files become columns file by file and the cross-file
 * rules run on columns. A problem in the month files stays on columns too: only the records with
 * a problem are read as objects and worded (problem-records.ts), by the same schemas and rules as
 * the full checker. A problem in the other files runs the full checker on everything.
 */
export function validateRepo(files: SourceFile[], earlier: PendingIssue[] = [], opts: ValidateOptions = {}): ValidationResult {
  const clean = earlier.length ? null : validateClean(files, opts);
  if (clean) return clean;
  // The full checker reads every file itself: let go of the chunks read ahead.
  for (const f of files) opts.ingested?.(f);
  return validateFull(files, earlier, undefined, opts.checked);
}

function validateClean(files: SourceFile[], opts: ValidateOptions): ValidationResult | null {
  const months: { file: SourceFile; kind: MonthKind; month: string }[] = [];
  const rest: SourceFile[] = [];
  for (const f of files) {
    const place = f.path.startsWith('data/') ? placeFile(f.path.slice('data/'.length)) : null;
    if (place && 'month' in place && place.month && isMonthKind(place.kind)) months.push({ file: f, kind: place.kind, month: place.month });
    else rest.push(f);
  }
  // Everything but the month files, checked in full: a few small files.
  const base = validateFull(rest, [], months.map((m) => m.month), opts.checked);
  if (!base.data || base.issues.length) return null;
  const tz = base.data.company.timezone;
  const chunks: MonthChunks = { orders: [], leads: [], activities: [], surveys: [] };
  const summary = base.summary;
  // A file with a problem is read record by record: its valid records stay columns (problem-records.ts).
  const read: MonthRecords[] = [];
  for (const { file, kind, month } of months.sort((a, b) => (a.file.path < b.file.path ? -1 : 1))) {
    const given = opts.ingested?.(file);
    const r = given && given.tz === tz ? given.result : ingestMonthFile(file.bytes, file.path, kind, month, tz);
    const m = r.clean ? undefined : readMonthRecords(file.bytes, file.path, kind, month, tz);
    const chunk = r.clean ? r.chunk : m!.chunk;
    if (m) read.push(m);
    (chunks[kind] as MonthChunk[]).push(chunk);
    summary.files.push({ file: file.path, kind, records: m ? m.count : chunk.length });
    if ((m ? m.count : chunk.length) === 0 && !m?.unreadable) summary.empty.push(file.path);
  }
  // A file that is not a list of records counts no records of its kind, as the full checker counts.
  const unread = new Set(read.filter((m) => m.unreadable).map((m) => m.file));
  const verdict = read.length ? null : checkChunks(base.data as unknown as RepoData, chunks);
  const errors = verdict?.clean ? undefined : errorsOnColumns(base.data as unknown as RepoData, months, chunks, read);
  if (!verdict?.clean && !errors) return null;
  // In reading order, as the full checker counts them.
  summary.files.sort((a, b) => (a.file < b.file ? -1 : 1));
  summary.empty.sort();
  summary.records = {};
  for (const f of summary.files) if (f.kind !== 'company' && !unread.has(f.file)) summary.records[f.kind] = (summary.records[f.kind] ?? 0) + f.records;
  summary.months = [...new Set([...summary.months, ...months.map((m) => m.month)])].sort();
  const byPath = new Map(months.map((m) => [m.file.path, m.file]));
  const texts = new Map<string, string | undefined>();
  const textOf = (path: string) => {
    const f = byPath.get(path);
    if (f && !texts.has(path)) texts.set(path, decodeText(f.bytes, path).text);
    return texts.get(path);
  };
  if (errors) {
    const issues = sortIssues(locateIssues(errors.issues, textOf));
    return { data: null, kpis: base.kpis, partial: base.partial, issues, summary, columns: errors.columns, ...(base.reviews ? { reviews: base.reviews } : {}) };
  }
  const issues = sortIssues(locateIssues(verdict!.warnings, textOf));
  const data: ValidData = { ...base.data, ...chunks, links: verdict!.links! };
  return { data, kpis: base.kpis, partial: base.partial, issues, summary, ...(base.reviews ? { reviews: base.reviews } : {}) };
}

/** The full checker alone, record objects and all (tests hold the fast path to it). */
export function validateFull(files: SourceFile[], earlier: PendingIssue[] = [], dataMonths?: string[], checked?: CheckedFiles): ValidationResult {
  const issues: PendingIssue[] = [...earlier];
  const texts = new Map<string, string>();
  const kept: Kept[] = [];
  const singles = new Map<FileKind, unknown>();
  // Ids of records that failed their schema: references to them are not reported a second time.
  const broken: RuleContext['broken'] = [];
  const summary: Summary = { files: [], records: {}, empty: [], months: [], kpis: 0 };
  const unavailable = new Set<string>();
  const months = new Set<string>();

  const kpiFiles: KpiFile[] = [];
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (!readByValidation(f.path)) continue;
    if (f.path.startsWith('kpis/')) {
      const kpi = readKpiFile(f, issues, texts, checked);
      if (kpi) kpiFiles.push(kpi);
      continue;
    }
    const place = placeFile(f.path.slice('data/'.length));
    if (place.kind === 'ignored') continue;
    if (place.kind === 'unknown') {
      issues.push(issue(f.path, [], 'unknown-file', place.message, place.hint));
      continue;
    }
    if ('month' in place && place.month) months.add(place.month);
    const kind = place.kind;
    const unreadable = () => {
      unavailable.add(kind);
      summary.files.push({ file: f.path, kind, records: 0 });
    };
    const decoded = decodeText(f.bytes, f.path);
    pushAll(issues, decoded.issues);
    if (decoded.text === undefined) {
      unreadable();
      continue;
    }
    texts.set(f.path, decoded.text);
    const keep = (records: unknown[], index: number[], length: number, listAt: string[]) => {
      summary.records[kind] = (summary.records[kind] ?? 0) + length;
      summary.files.push({ file: f.path, kind, records: length });
      if (length === 0 && 'month' in place && place.month) summary.empty.push(f.path);
      kept.push({ kind, file: f.path, records, index, listAt, ...('month' in place && place.month ? { month: place.month } : {}), ...('year' in place && place.year ? { year: place.year } : {}) });
    };
    const cacheable = checked && kind !== 'company' && !('month' in place && place.month);
    const before = cacheable ? checked.get(f.path, decoded.text) : undefined;
    if (before) {
      if (kind === 'products') singles.set('products', before.shell);
      keep(before.records, before.index, before.length, kind === 'products' ? ['products'] : []);
      continue;
    }
    const issuesBefore = issues.length;
    const parsed = parseYaml(decoded.text, f.path);
    pushAll(issues, parsed.issues);
    if (parsed.issues.length) {
      unreadable();
      continue;
    }

    const value = parsed.value;
    if (kind === 'company' || kind === 'products') {
      if (value == null) {
        issues.push(issue(f.path, [], 'empty-file', `${kind}.yaml is empty`, 'see README "Data layout" for what it holds'));
        unreadable();
        continue;
      }
    }
    if (kind === 'company') {
      const r = companySchema.safeParse(value, { reportInput: true });
      if (r.success) singles.set(kind, r.data);
      else {
        pushAll(issues, schemaIssues(r.error, companySchema, f.path, false));
        unavailable.add(kind);
      }
      summary.files.push({ file: f.path, kind, records: 1 });
      continue;
    }
    let list = value;
    let listAt: string[] = [];
    let recordSchema = (schemaOf[kind] as unknown as z.ZodArray<z.ZodType>).element;
    if (kind === 'products') {
      if (typeof value !== 'object' || Array.isArray(value)) {
        // Not spread into the shell below: a list's indexes would be reported as unknown fields "0", "1", … all at 1:1.
        issues.push(issue(f.path, [], 'not-a-mapping', `products.yaml must be a mapping with categories: and products:, got ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}`, 'write categories: (a list) and products: (a list of products) at the start of a line; see README "Data layout"'));
        unreadable();
        continue;
      }
      const shell = productsSchema.safeParse({ ...(value as object), products: [] }, { reportInput: true });
      if (!shell.success) {
        pushAll(issues, schemaIssues(shell.error, productsSchema, f.path, false));
        unavailable.add(kind);
      } else singles.set('products', shell.data);
      list = (value as Record<string, unknown>).products ?? [];
      listAt = ['products'];
      recordSchema = productSchema;
    }
    if (list == null) list = [];
    if (!Array.isArray(list)) {
      unreadable();
      issues.push(notAList(f.path, listAt, list));
      continue;
    }
    const out = { records: [] as unknown[], index: [] as number[] };
    const idKey = kind === 'products' ? 'sku' : kind === 'targets' ? null : 'id';
    const fast = isMonthKind(kind) ? (FAST_CHECK[kind] as (raw: unknown) => unknown) : kind === 'customers' ? fastCustomer : null;
    const at: RecordPlace = { kind, file: f.path, listAt, index: 0, idKey };
    for (let i = 0; i < list.length; i++) {
      at.index = i;
      const r = checkRecord(list[i], at, recordSchema, fast, issues, broken);
      if (r) {
        out.records.push(r.data);
        out.index.push(i);
      }
    }
    keep(out.records, out.index, list.length, listAt);
    if (cacheable && issues.length === issuesBefore) checked.set(f.path, decoded.text, { ...out, length: list.length, ...(kind === 'products' ? { shell: singles.get('products') } : {}) });
  }
  summary.months = [...months].sort();

  for (const kind of REQUIRED_FILES) {
    if (!summary.files.some((f) => f.kind === kind) && !issues.some((i) => i.file === `data/${kind}.yaml`)) {
      unavailable.add(kind);
      issues.push(issue(`data/${kind}.yaml`, [], 'missing-file', 'required file is missing', 'every repository has company.yaml, team.yaml, products.yaml and customers.yaml; `capaian sample --out DIR` shows an example of each'));
    }
  }

  const partial = assemble(singles, kept);
  {
    // Rules run even when a base file is broken, on stand-ins, so every other problem is still found.
    const ctx: RuleContext = { data: withStandIns(partial, singles), broken, unavailable };
    for (const rule of crossFileRules) {
      try {
        pushAll(issues, rule.check(ctx));
      } catch (e) {
        issues.push(issue('data/', [], 'rule-crashed', `internal error in rule "${rule.name}": ${(e as Error).message}`, 'please report this; the other checks ran'));
      }
    }
  }

  summary.kpis = kpiFiles.length;
  if (kpiFiles.length) {
    pushAll(issues, checkKpis(kpiFiles, kpiContext(partial)));
    pushAll(issues, targetSigns(partial, kpiFiles.map((k) => k.kpi)));
  }
  // Targets and goals are checked whatever the number of KPI files (none at all: every reference
  // is unknown). A KPI file that could not be read still names its KPI: its own errors say why.
  const kpiIds = new Set(kpiFiles.map((k) => k.kpi.id));
  for (const f of files) {
    const named = /^kpis\/([^/]+)\.yaml$/.exec(f.path);
    if (named && !kpiFiles.some((k) => k.file === f.path)) kpiIds.add(named[1]!);
  }
  pushAll(issues, kpiReferences(partial, kpiIds));
  const reviewed = reviewsOf(files, partial, kpiIds, [...new Set([...summary.months, ...(dataMonths ?? [])])].sort(), issues, texts);

  const located = sortIssues(locateIssues(issues, (file) => texts.get(file)));
  const hasError = located.some((i) => i.level === 'error');
  return { data: hasError ? null : asColumns(partial as RepoData), kpis: kpiFiles.map((k) => k.kpi), partial, issues: located, summary, ...(reviewed ? { reviews: reviewed } : {}) };
}

/** The reviews in reviews/, checked against what the data names (src/validate/reviews.ts). */
function reviewsOf(files: SourceFile[], data: Partial<RepoData>, kpis: Set<string>, months: string[], issues: PendingIssue[], texts: Map<string, string>): ParsedReview[] | undefined {
  const reviewFiles = files.filter((f) => f.path.startsWith('reviews/'));
  if (!reviewFiles.length) return undefined;
  const ids = (list: { id: string }[] | undefined) => new Set((list ?? []).map((x) => x.id));
  const r = checkReviews(reviewFiles, {
    kpis,
    reps: ids(data.team?.records),
    regions: ids(data.company?.regions),
    categories: ids(data.products?.categories),
    lostReasons: ids(data.company?.lost_reasons),
    months,
    fyStart: data.company?.fiscal_year_start ?? 1,
  });
  pushAll(issues, r.issues);
  for (const [file, text] of r.texts) texts.set(file, text);
  return r.reviews;
}

/** Valid data read as records (the full checker's way) in the form the engine reads. */
function asColumns(data: RepoData): ValidData {
  const tz = data.company.timezone;
  const convert = <K extends MonthKind>(kind: K): ChunkOf<K>[] =>
    (data[kind] as RecordFile<never>[]).map((f) => {
      const b = chunkBuilder(kind, f.file, f.month!, tz);
      for (const r of f.records) b.add(r);
      return b.finish() as ChunkOf<K>;
    });
  const months = { orders: convert('orders'), leads: convert('leads'), activities: convert('activities'), surveys: convert('surveys') };
  return { ...data, ...months, links: linkChunks(data, months) };
}

function isMonthKind(kind: string): kind is MonthKind {
  return (MONTH_KINDS as readonly string[]).includes(kind);
}

/** The data with empty stand-ins for what could not be read, for the rules. */
function withStandIns(partial: Partial<RepoData>, singles: Map<FileKind, unknown>): RepoData {
  const empty = (kind: string) => ({ file: `data/${kind}.yaml`, records: [], index: [], listAt: [] });
  return {
    ...partial,
    company: partial.company ?? companySchema.parse({ name: 'unknown', currency: 'IDR', regions: [{ id: 'unknown', name: 'unknown' }] }),
    team: partial.team ?? empty('team'),
    customers: partial.customers ?? empty('customers'),
    products: partial.products ?? { ...empty('products'), listAt: ['products'], categories: (singles.get('products') as RepoData['products'] | undefined)?.categories ?? [] },
  } as RepoData;
}

function assemble(singles: Map<FileKind, unknown>, kept: Kept[]): Partial<RepoData> {
  const one = (kind: FileKind) => kept.find((k) => k.kind === kind);
  const many = (kind: FileKind) => kept.filter((k) => k.kind === kind) as unknown as RecordFile<never>[];
  const emptyList = (kind: FileKind) => ({ file: `data/${kind}.yaml`, records: [], index: [], listAt: [] });
  const out: Partial<RepoData> = {};
  const company = singles.get('company');
  if (company) out.company = company as RepoData['company'];
  const team = one('team');
  if (team) out.team = team as RepoData['team'];
  const customers = one('customers');
  if (customers) out.customers = customers as RepoData['customers'];
  out.goals = (one('goals') ?? emptyList('goals')) as RepoData['goals'];
  const products = one('products');
  const shell = singles.get('products') as { categories: RepoData['products']['categories'] } | undefined;
  if (products && shell) out.products = { ...(products as unknown as RecordFile<RepoData['products']['records'][number]>), categories: shell.categories };
  out.targets = many('targets');
  out.orders = many('orders');
  out.leads = many('leads');
  out.activities = many('activities');
  out.surveys = many('surveys');
  return out;
}

/** kpis/<id>.yaml: parsed and checked against the KPI schema. */
function readKpiFile(f: SourceFile, issues: PendingIssue[], texts: Map<string, string>, checked?: CheckedFiles): KpiFile | null {
  if (!/^kpis\/[^/]+\.yaml$/.test(f.path)) {
    issues.push(issue(f.path, [], 'unknown-file', `"${f.path}" is not a KPI definition`, 'kpis/ holds one <kpi-id>.yaml per KPI, directly in the folder'));
    return null;
  }
  const decoded = decodeText(f.bytes, f.path);
  pushAll(issues, decoded.issues);
  if (decoded.text === undefined) return null;
  texts.set(f.path, decoded.text);
  const before = checked?.get(f.path, decoded.text);
  if (before) return { file: f.path, kpi: before.records[0] as Kpi };
  const parsed = parseYaml(decoded.text, f.path);
  pushAll(issues, parsed.issues);
  if (parsed.issues.length) return null;
  const reserved = protoKeys(parsed.value, f.path);
  if (reserved.length) {
    pushAll(issues, reserved);
    return null;
  }
  const r = kpiSchema.safeParse(parsed.value, { reportInput: true });
  if (!r.success) {
    pushAll(issues, schemaIssues(r.error, kpiSchema, f.path, false));
    return null;
  }
  checked?.set(f.path, decoded.text, { records: [r.data], index: [0], length: 1 });
  return { file: f.path, kpi: r.data };
}

function kpiContext(data: Partial<RepoData>): KpiCheckContext {
  const ids = (list: { id: string }[] | undefined) => new Set((list ?? []).map((x) => x.id));
  return {
    vocabularies: {
      ...(data.company ? { region: ids(data.company.regions), segment: ids(data.company.segments), source: ids(data.company.lead_sources), lost_reason: ids(data.company.lost_reasons) } : {}),
      ...(data.products ? { category: ids(data.products.categories), sku: new Set(data.products.records.map((p) => p.sku)) } : {}),
      ...(data.team ? { rep: ids(data.team.records) } : {}),
    },
    goals: ids(data.goals?.records),
  };
}

/** Targets and goals name KPIs that exist. */
function kpiReferences(data: Partial<RepoData>, kpiIds: Set<string>): PendingIssue[] {
  const out: PendingIssue[] = [];
  const sorted = [...kpiIds].sort();
  const check = (id: string | undefined, file: string, at: (string | number)[]) => {
    if (id === undefined || kpiIds.has(id)) return;
    const guess = closest(id, sorted);
    const hint = guess ? `did you mean "${guess}"?` : sorted.length ? 'each KPI is a file kpis/<id>.yaml' : 'kpis/ holds no KPI definitions: add kpis/<id>.yaml for it, or remove this reference';
    out.push(issue(file, at, 'unknown-kpi', `kpi "${id}" is not a KPI in kpis/`, hint));
  };
  eachRecord(data.targets ?? [], (t, file, at) => check(t.kpi, file, [...at, 'kpi']));
  if (data.goals) eachRecord([data.goals], (g, file, at) => check(g.kpi, file, [...at, 'kpi']));
  return out;
}
