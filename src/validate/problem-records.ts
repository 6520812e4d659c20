/**
 * The error path on columns. A month file with a few bad values stays columns: its valid records
 * become its chunk, and only the records with a problem are held as objects and worded by the
 * same code the full checker words them with (schemaIssues for a record that fails its schema,
 * the cross-file rules for the rest). validate-repo.ts runs it when the clean path finds a problem.
 *
 * How the cross-file rules see only a few records and still say exactly what they say on the
 * whole data: the columns find the rows a rule could speak about (an id repeated anywhere, a
 * name not known, a lead's story out of order), and the rules run on a reduced repository that
 * holds those rows, the records that failed their schema, and the valid records the columns
 * cannot hold (outside the file's month, an activity naming no subject). A row that no column
 * check flags adds nothing a rule would say, except warnings, which the columns word for every
 * row (on-chunks.ts) and which are merged without repeats. What a reduced repository cannot
 * answer (a lead's story, an order outside its month with line kinds) reads those kinds whole.
 */
import type { z } from 'zod';
import { decodeText } from '../load/decode.ts';
import { parseYaml } from '../load/parse-yaml.ts';
import { schemaOf } from '../schema/file-kinds.ts';
import { subjectProblems } from '../schema/activity-subject.ts';
import type { Activity } from '../schema/activities.ts';
import { chunkBuilder, MONTH_KINDS, type MonthChunk, type MonthKind } from '../ingest/chunk.ts';
import { idHash } from '../ingest/id-hash.ts';
import { anyRepeated } from '../ingest/hash-index.ts';
import { linkChunks, type Links, type MonthChunks } from '../ingest/links.ts';
import { issue, pushAll, type DocPath, type PendingIssue } from '../issues/issue.ts';
import { FAST_CHECK } from './fast-records.ts';
import { schemaIssues } from './schema-issues.ts';
import type { BrokenRecord, RuleContext } from './rules/context.ts';
import { crossFileRules } from './rules/index.ts';
import { columnWarnings, leadLifecycle } from './rules/on-chunks.ts';
import type { RecordFile, RepoData } from './repo-data.ts';

/** Where a record sits, for its words: reused from record to record (set `index`). */
export interface RecordPlace {
  kind: string;
  file: string;
  listAt: DocPath;
  index: number;
  /** The field that names the record (id, sku), when it has one. */
  idKey: string | null;
}

/**
 * One record against its schema: the hand-written check (fast-records.ts) answers for most
 * month records, zod decides the rest, plainly first, then again with the input kept for the
 * messages of a failure. A failure is worded into `issues` and noted in `broken`; null then.
 */
export function checkRecord(raw: unknown, place: RecordPlace, schema: z.ZodType, fast: ((raw: unknown) => unknown) | null, issues: PendingIssue[], broken: BrokenRecord[]): { data: unknown } | null {
  const quick = fast?.(raw) ?? null;
  if (quick !== null) return { data: quick };
  let r = schema.safeParse(raw);
  if (!r.success) r = schema.safeParse(raw, { reportInput: true });
  if (r.success) return { data: r.data };
  const wrapped = schemaIssues(r.error, schema, place.file, true);
  for (const w of wrapped) w.at = [...place.listAt, place.index, ...w.at];
  pushAll(issues, wrapped);
  const idv = place.idKey && (raw as Record<string, unknown> | null)?.[place.idKey];
  broken.push({ kind: place.kind, ...(typeof idv === 'string' ? { id: idv } : {}), file: place.file, at: [...place.listAt, place.index], raw });
  return null;
}

/** A valid record kept as an object, with its position in the file's list. */
export interface HeldRecord {
  index: number;
  record: unknown;
}

/** A month file read record by record: its valid records as columns, its problems aside. */
export interface MonthRecords {
  kind: MonthKind;
  file: string;
  month: string;
  chunk: MonthChunk;
  /** The list position of each chunk row. */
  rows: Int32Array;
  /** Valid records the chunk cannot hold: outside the file's month, or an activity that names no subject as its type needs. */
  held: HeldRecord[];
  /** Records that fail their schema, as parsed (the rules read them with type checks). */
  broken: BrokenRecord[];
  /** The words of the broken records. */
  issues: PendingIssue[];
  /** Records in the file. */
  count: number;
  /** The valid records at the positions asked for (readMonthRecords' `want`), chunk rows and held alike. */
  wanted: HeldRecord[];
  /** Not a list of records at all (encoding, syntax, a mapping): its kind's ids are not all known. */
  unreadable?: true;
}

/**
 * A month file through the YAML parser, one record at a time: every record checked, the valid
 * ones appended to the file's chunk, nothing of the file kept as objects but its problem records
 * (and those `want` names). A file that cannot be read as a list at all (encoding, syntax, a
 * mapping) is `unreadable`: its words in `issues`, an empty chunk, as the full checker counts it.
 */
export function readMonthRecords(bytes: Uint8Array, file: string, kind: MonthKind, month: string, tz: string, want?: (index: number) => boolean): MonthRecords {
  const builder = chunkBuilder(kind, file, month, tz);
  const decoded = decodeText(bytes, file);
  const out: Omit<MonthRecords, 'chunk' | 'rows'> = { kind, file, month, held: [], broken: [], issues: [...decoded.issues], count: 0, wanted: [] };
  const unreadable = (): MonthRecords => ({ ...out, chunk: builder.finish(), rows: new Int32Array(0), unreadable: true });
  if (decoded.text === undefined) return unreadable();
  const parsed = parseYaml(decoded.text, file);
  pushAll(out.issues, parsed.issues);
  if (parsed.issues.length) return unreadable();
  const list = parsed.value ?? [];
  if (!Array.isArray(list)) {
    out.issues.push(notAList(file, [], list));
    return unreadable();
  }
  out.count = list.length;
  const fast = FAST_CHECK[kind] as (raw: unknown) => unknown;
  const schema = (schemaOf[kind] as unknown as z.ZodArray<z.ZodType>).element;
  const rows: number[] = [];
  const place: RecordPlace = { kind, file, listAt: [], index: 0, idKey: 'id' };
  for (let i = 0; i < list.length; i++) {
    place.index = i;
    const r = checkRecord(list[i], place, schema, fast, out.issues, out.broken);
    if (!r) continue;
    const a = r.data as Activity;
    const fits = !(kind === 'activities' && subjectProblems(a.type, a.lead !== undefined, a.customer !== undefined, a.reason !== undefined).length) && builder.add(r.data as never);
    if (fits) rows.push(i);
    else out.held.push({ index: i, record: r.data });
    if (want?.(i)) out.wanted.push({ index: i, record: r.data });
  }
  return { ...out, chunk: builder.finish(), rows: Int32Array.from(rows) };
}

/** A file (or its `listAt`) that holds something other than a list of records. */
export function notAList(file: string, listAt: DocPath, list: unknown): PendingIssue {
  return issue(file, listAt, 'not-a-list', `${listAt.length ? listAt.join('.') : 'file'} must be a list of records, got a ${typeof list === 'object' ? 'mapping' : typeof list}`, 'each record starts with "- " at the start of a line');
}

/** What the columns point at: per file, the list positions of rows a rule could speak about; kinds to read whole. */
export interface Suspects {
  rows: Map<string, Set<number>>;
  whole: Set<MonthKind>;
  links: Links;
}

/**
 * The rows of the chunks a cross-file rule could report, found on the columns: ids repeated
 * (among the rows, the held and the broken records), names not known, and a lead's story out of
 * order (then leads and activities are read whole). `rowsOf` gives a file's row positions when
 * they are not 0, 1, 2, …
 */
export function findSuspects(base: Parameters<typeof linkChunks>[0], chunks: MonthChunks, rowsOf: Map<string, Int32Array>, aside: { kind: MonthKind; ids: string[] }[]): Suspects {
  const rows = new Map<string, Set<number>>();
  const whole = new Set<MonthKind>();
  const flag = (file: string, row: number) => {
    const at = rowsOf.get(file);
    const index = at ? at[row]! : row;
    let set = rows.get(file);
    if (!set) rows.set(file, (set = new Set()));
    set.add(index);
  };
  for (const kind of MONTH_KINDS) {
    const list = chunks[kind] as MonthChunk[];
    const lists = [...list.map((c) => c.idHash), Float64Array.from(aside.filter((a) => a.kind === kind).flatMap((a) => a.ids.map(idHash)))];
    if (!anyRepeated(lists)) continue;
    const repeated = repeatedHashes(lists);
    // The full checker dates a repeated lead by its last record, the columns by its first: its story is read whole.
    if (kind === 'leads') (whole.add('leads'), whole.add('activities'));
    for (const c of list) for (let i = 0; i < c.length; i++) if (repeated.has(c.idHash[i]!)) flag(c.file, i);
  }
  const links = linkChunks(base, chunks);
  const unknownRows = (c: { file: string; length: number }, column: Int32Array, link: Int32Array, lineStart?: Int32Array) => {
    if (!link.includes(-1)) return;
    if (!lineStart) {
      for (let i = 0; i < c.length; i++) if (column[i]! >= 0 && link[column[i]!] === -1) flag(c.file, i);
      return;
    }
    for (let i = 0; i < c.length; i++) {
      for (let j = lineStart[i]!; j < lineStart[i + 1]!; j++) if (link[column[j]!] === -1) (flag(c.file, i), (j = lineStart[i + 1]!));
    }
  };
  chunks.orders.forEach((c, k) => {
    const l = links.orders[k]!;
    unknownRows(c, c.customer, l.customer);
    unknownRows(c, c.rep, l.rep);
    unknownRows(c, c.sku, l.sku, c.lineStart);
  });
  chunks.leads.forEach((c, k) => {
    const l = links.leads[k]!;
    for (const f of ['rep', 'region', 'source', 'segment'] as const) unknownRows(c, c[f], l[f]);
  });
  chunks.activities.forEach((c, k) => {
    const l = links.activities[k]!;
    for (const f of ['rep', 'lead', 'customer', 'reason'] as const) unknownRows(c, c[f], l[f]);
  });
  chunks.surveys.forEach((c, k) => unknownRows(c, c.customer, links.surveys[k]!.customer));
  if (leadLifecycle(chunks, links)) (whole.add('leads'), whole.add('activities'));
  return { rows, whole, links };
}

/** The hashes that occur more than once among the lists. */
function repeatedHashes(lists: Float64Array[]): Set<number> {
  const seen = new Set<number>();
  const repeated = new Set<number>();
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const h = list[i]!;
      if (seen.has(h)) repeated.add(h);
      else seen.add(h);
    }
  }
  return repeated;
}

/** A month file as validate-repo.ts places it. */
export interface MonthFile {
  file: { path: string; bytes: Uint8Array };
  kind: MonthKind;
  month: string;
}

/** What the error path hands back: every issue, worded and placed, and the files as columns. */
export interface ColumnErrors {
  issues: PendingIssue[];
  /** Each month file's chunk (its valid records) with the list position of each row (null: 0, 1, 2, …). */
  columns: { chunk: MonthChunk; index: Int32Array | null }[];
}

/**
 * Every problem of month files that are columns (their valid records) and records aside (`read`:
 * the files read record by record), worded as the full checker words them. Undefined when no
 * error is found after all (a hash collision sent the data here): the full checker then decides.
 */
export function errorsOnColumns(base: RepoData, months: MonthFile[], chunks: MonthChunks, read: MonthRecords[]): ColumnErrors | undefined {
  const tz = base.company.timezone;
  const rowsOf = new Map(read.map((m) => [m.file, m.rows]));
  const aside = read.map((m) => ({
    kind: m.kind,
    ids: [...m.held.map((h) => (h.record as { id: string }).id), ...m.broken.flatMap((b) => (b.id === undefined ? [] : [b.id]))],
  }));
  const suspects = findSuspects(base, chunks, rowsOf, aside);
  const whole = suspects.whole;
  for (const m of read) {
    // A lead's story is read whole once a lead or a dated activity is held aside; the lead a
    // record names is looked up among all leads; line kinds weigh an order against all orders.
    if (m.held.length && (m.kind === 'leads' || m.kind === 'activities')) (whole.add('leads'), whole.add('activities'));
    if (m.held.length && m.kind === 'orders') whole.add('orders');
    if (m.kind === 'activities' && (m.held.length || m.broken.length)) whole.add('leads');
  }
  if ([...suspects.rows.keys()].some((f) => f.includes('/activities.'))) whole.add('leads');

  // The reduced repository: per file, the rows the columns flagged and the records held aside.
  const byPath = new Map(read.map((m) => [m.file, m]));
  const data = { ...base, orders: [], leads: [], activities: [], surveys: [] } as unknown as RepoData;
  for (const { file, kind, month } of months) {
    const flagged = suspects.rows.get(file.path);
    const first = byPath.get(file.path);
    let records: HeldRecord[] = first?.held ?? [];
    if (whole.has(kind) || flagged) {
      const again = readMonthRecords(file.bytes, file.path, kind, month, tz, whole.has(kind) ? () => true : (i) => flagged!.has(i));
      const seen = new Set(again.wanted.map((h) => h.index));
      records = [...again.wanted, ...records.filter((h) => !seen.has(h.index))].sort((a, b) => a.index - b.index);
    }
    if (!records.length) continue;
    (data[kind] as RecordFile<unknown>[]).push({ file: file.path, month, records: records.map((h) => h.record), index: records.map((h) => h.index), listAt: [] });
  }
  const issues: PendingIssue[] = [];
  for (const m of read) pushAll(issues, m.issues);
  const ctx: RuleContext = { data, broken: read.flatMap((m) => m.broken), unavailable: new Set(read.filter((m) => m.unreadable).map((m) => m.kind)) };
  for (const rule of crossFileRules) {
    if (rule.name === 'line-kinds' && !whole.has('orders')) continue;
    try {
      pushAll(issues, rule.check(ctx));
    } catch (e) {
      issues.push(issue('data/', [], 'rule-crashed', `internal error in rule "${rule.name}": ${(e as Error).message}`, 'please report this; the other checks ran'));
    }
  }
  // The warnings of every row, from the columns, at the rows' list positions.
  for (const w of columnWarnings(base, chunks, suspects.links, !whole.has('orders'))) {
    const rows = rowsOf.get(w.file);
    if (rows) w.at = [rows[w.at[0] as number]!, ...w.at.slice(1)];
    issues.push(w);
  }
  if (!issues.some((i) => i.level === 'error')) return undefined;
  const once = new Map<string, PendingIssue>();
  for (const i of issues) once.set(`${i.level}|${i.file}|${JSON.stringify(i.at)}|${i.code}|${i.message}`, i);
  return { issues: [...once.values()], columns: months.map(({ file, kind }) => ({ chunk: (chunks[kind] as MonthChunk[]).find((c) => c.file === file.path)!, index: rowsOf.get(file.path) ?? null })) };
}
