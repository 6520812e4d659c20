/**
 * Running corpus files through capaian in memory: a YAML file laid over a copy of
 * test/fixtures/valid/ at the path its name says, a CSV imported with importCommand into such a
 * copy. Shared by the corpus tests and the fuzz targets.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, isMap, isSeq, type Node } from 'yaml';
import { importCommand, type ImportOptions } from '../../src/commands/import.ts';
import { formatIssue, type Issue } from '../../src/issues/issue.ts';
import type { RecordFile, RepoData } from '../../src/validate/repo-data.ts';
import { validateRepo, type SourceFile, type ValidationResult } from '../../src/validate/validate-repo.ts';
import type { MonthChunk, MonthKind } from '../../src/ingest/chunk.ts';
import { MemoryRepo, scaffoldFiles } from '../import/support.ts';
import { recordsOfMonthFile } from '../support/month-records.ts';
import { readTree } from '../support/repo.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = fileURLToPath(new URL('./', import.meta.url));
const BASE = `${ROOT}test/fixtures/valid`;

const enc = new TextEncoder();
const dec = new TextDecoder();

export const MONTH = '2026/03';
export const MONTH_KINDS = ['orders', 'leads', 'activities', 'surveys'];

/** The base repository, test/fixtures/valid/, as files (data/… and kpis/…). */
export function baseFiles(): Map<string, Uint8Array> {
  return new Map(readTree(BASE).map((f) => [f.path, f.bytes]));
}

export function toSourceFiles(files: Map<string, Uint8Array>): SourceFile[] {
  return [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, bytes]) => ({ path, bytes }));
}

/**
 * Where a corpus YAML file goes, from its name `<name>.<kind>.yaml`: month kinds to
 * data/2026/03/<kind>.yaml, targets to data/targets/2026.yaml, kpi to kpis/<name>.yaml (its id is
 * its name), the rest to data/<kind>.yaml.
 */
export function placeOf(fileName: string): { path: string; kind: string } {
  const m = /^(.+)\.([a-z]+)\.yaml$/.exec(fileName);
  if (!m) throw new Error(`corpus file ${fileName} is not named <name>.<kind>.yaml`);
  const [, name, kind] = m as unknown as [string, string, string];
  if (kind === 'kpi') return { path: `kpis/${name}.yaml`, kind };
  if (kind === 'targets') return { path: 'data/targets/2026.yaml', kind };
  if (MONTH_KINDS.includes(kind)) return { path: `data/${MONTH}/${kind}.yaml`, kind };
  return { path: `data/${kind}.yaml`, kind };
}

/** An issue as `capaian validate` prints it. */
export function shownIssue(i: Issue): string {
  return `${i.level === 'warning' ? 'warning: ' : ''}${formatIssue(i)}`;
}

/** Validates the base repository with `path` holding `bytes` (and any other files replaced). */
export function validateWith(replace: Record<string, Uint8Array | string>): ValidationResult {
  const files = baseFiles();
  for (const [path, content] of Object.entries(replace)) files.set(path, typeof content === 'string' ? enc.encode(content) : content);
  return validateRepo(toSourceFiles(files));
}

/**
 * The chunk validation read a month file as. Validation hands the engine month files as columns
 * (src/ingest/chunk.ts), made only of files whose every record is valid; it makes them when the
 * data has no error at all (result.data is non-null), and then keeps no record objects for them.
 */
export function chunkFrom(r: ValidationResult, path: string, kind: string): MonthChunk | undefined {
  if (!MONTH_KINDS.includes(kind)) return undefined;
  // With errors, month files read on columns are in `columns` (their valid records).
  if (!r.data) return r.columns?.find((c) => c.chunk.file === path)?.chunk;
  return (r.data[kind as MonthKind] as MonthChunk[]).find((c) => c.file === path);
}

/** The list position of each row of a month file's chunk (the valid records, in file order). */
export function chunkIndex(r: ValidationResult, path: string, chunk: MonthChunk): number[] {
  const index = r.data ? null : r.columns?.find((c) => c.chunk.file === path)?.index;
  return index ? Array.from(index) : Array.from({ length: chunk.length }, (_, i) => i);
}

/**
 * The valid records validation kept from one file (undefined when the file was not read as
 * records). For a month file read as a chunk, the records are read back from the file's `bytes`
 * by the test's own route (test/support/month-records.ts; every record of such a file is valid):
 * pass the bytes to get them, and compare them with the chunk (rowsOfChunk) to know that they
 * are what validation read.
 */
export function keptFrom(r: ValidationResult, path: string, kind: string, bytes?: Uint8Array): RecordFile<unknown> | undefined {
  const p = r.partial as Partial<RepoData>;
  const value = (p as Record<string, unknown>)[kind];
  const list = (Array.isArray(value) ? value : value ? [value] : []) as RecordFile<unknown>[];
  const kept = list.find((f) => f.file === path);
  if (kept) return kept;
  const chunk = chunkFrom(r, path, kind);
  if (!chunk) return undefined;
  if (!bytes) throw new Error(`keptFrom: ${path} was read as a chunk; pass its bytes to read its records`);
  const index = chunkIndex(r, path, chunk);
  const records = recordsOfMonthFile(bytes, kind as MonthKind, path, index);
  return { file: path, month: chunk.month, records, index, listAt: [] };
}

/**
 * Records of a YAML list file by an independent route (the `yaml` package; the loader uses
 * js-yaml): the number of items of the document's list (or its `products:` list). Undefined
 * when the file is not a list the `yaml` package can read.
 */
export function countRecords(text: string, kind: string): number | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) return undefined;
  let node = doc.contents as Node | null;
  if (node === null) return 0;
  if (kind === 'products' && isMap(node)) node = (node.get('products', true) as Node | undefined) ?? null;
  if (node === null) return 0;
  return isSeq(node) ? node.items.length : undefined;
}

/** Where the records sit in a file of this kind (the products list is under `products:`). */
export const listAtOf = (kind: string): (string | number)[] => (kind === 'products' ? ['products'] : []);

/**
 * How the records of one file were accounted for: `total` in the file (as validation counted it),
 * `valid` (passed their schema and were kept), and `reported`: the records not kept that an issue
 * points into. `silent` lists records neither kept nor reported, i.e. silently dropped. company.yaml
 * and a KPI definition are one record each: kept, or refused with an error in the file.
 */
export function accountFor(r: ValidationResult, path: string, kind: string): { total: number; valid: number; reported: number; silent: number[] } {
  if (kind === 'company' || kind === 'kpi') {
    const valid = kind === 'company' ? (r.partial.company ? 1 : 0) : r.kpis.some((k) => `kpis/${k.id}.yaml` === path) ? 1 : 0;
    const reported = !valid && r.issues.some((i) => i.file === path && i.level === 'error') ? 1 : 0;
    return { total: 1, valid, reported, silent: valid + reported === 1 ? [] : [0] };
  }
  const total = r.summary.files.find((f) => f.file === path)?.records ?? 0;
  // Read as a chunk: its rows are the file's valid records.
  const chunk = chunkFrom(r, path, kind);
  const keptIndex = chunk ? chunkIndex(r, path, chunk) : (keptFrom(r, path, kind)?.index ?? []);
  const keptAt = new Set(keptIndex);
  const depth = listAtOf(kind).length;
  const reportedAt = new Set<number>();
  for (const i of r.issues) {
    if (i.file !== path) continue;
    const k = i.at[depth];
    if (i.at.slice(0, depth).join('.') === listAtOf(kind).join('.') && typeof k === 'number' && !keptAt.has(k)) reportedAt.add(k);
  }
  const silent: number[] = [];
  for (let k = 0; k < total; k++) if (!keptAt.has(k) && !reportedAt.has(k)) silent.push(k);
  return { total, valid: keptIndex.length, reported: reportedAt.size, silent };
}

/** What one import printed and wrote, into a repository in memory. */
export interface ImportRun {
  exit: number;
  output: string[];
  written: Map<string, string>;
  repo: MemoryRepo;
}

export interface ImportSetup {
  kind: string;
  /** The CSV, as the user names it on the command line. */
  file: string;
  csv: Uint8Array | string;
  map?: { file: string; text: Uint8Array | string };
  /** Other files the mapping joins, by path. */
  extra?: Record<string, Uint8Array | string>;
  /** The repository: the valid fixture (default), or an example's scaffold with the real kpis/. */
  repo?: 'fixture' | 'superstore' | 'crm-pipeline';
  /** Instead of `repo`: these files (a repository an earlier import wrote to). */
  files?: SourceFile[];
  month?: string;
  createMissing?: boolean;
  force?: boolean;
}

/** The valid fixture, or an example's scaffold (examples/<name>/scaffold) with the real kpis/ (or without: `kpis: false`). */
export function repoFor(which: ImportSetup['repo'] = 'fixture', kpis = true): MemoryRepo {
  if (which === 'fixture') return new MemoryRepo(toSourceFiles(baseFiles()));
  return new MemoryRepo(kpis ? scaffoldFiles(which) : readTree(`${ROOT}examples/${which}/scaffold`));
}

export async function runImport(s: ImportSetup): Promise<ImportRun> {
  const repo = s.files ? new MemoryRepo(s.files) : repoFor(s.repo);
  repo.userFile(s.file, s.csv);
  if (s.map) repo.userFile(s.map.file, s.map.text);
  for (const [path, content] of Object.entries(s.extra ?? {})) repo.userFile(path, content);
  const opts: ImportOptions = {
    kind: s.kind,
    file: s.file,
    month: s.month ?? '2026-04',
    ...(s.map ? { map: s.map.file } : {}),
    force: s.force ?? false,
    createMissing: s.createMissing ?? false,
    root: '.',
  };
  const exit = await importCommand(opts, repo.effects);
  const written = new Map(repo.written.map((p) => [p, dec.decode(repo.files.get(p)!)]));
  return { exit, output: repo.output, written, repo };
}

/** `N rows, U used for M, O dated outside M skipped (…), F left out by where` from an import's first line. */
export function importCounts(line: string): { rows: number; used: number; outside: number; filtered: number } | undefined {
  const m = /: ([\d,]+) rows, ([\d,]+) used for \d{4}-\d{2}(?:, ([\d,]+) dated outside [^,(]+ skipped(?: \([^)]*\))?)?(?:, ([\d,]+) left out by where)?$/.exec(line);
  if (!m) return undefined;
  const n = (s: string | undefined) => (s ? Number(s.replace(/,/g, '')) : 0);
  return { rows: n(m[1]), used: n(m[2]), outside: n(m[3]), filtered: n(m[4]) };
}

export function corpusBytes(dir: 'yaml' | 'csv', name: string): Uint8Array {
  return readFileSync(`${CORPUS}${dir}/${name}`);
}

export function exampleText(path: string): string {
  return readFileSync(`${ROOT}examples/${path}`, 'utf8');
}
