/**
 * Which records changed between two versions of the repository's files: per file, the ids
 * added, removed and changed; per shared file (company, team, customers, products, goals,
 * targets), a one-line summary of what changed; per KPI definition, which top-level fields
 * changed. Only files validation reads count (`readByValidation`). Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import { decodeText } from '../load/decode.ts';
import { readByValidation } from '../load/layout.ts';
import { parseYaml } from '../load/parse-yaml.ts';
import type { SourceFile } from '../validate/validate-repo.ts';

export interface FileChange {
  file: string;
  status: 'added' | 'removed' | 'modified';
  /** Record ids (or target keys) added, removed and changed; empty for files that do not parse. */
  added: string[];
  removed: string[];
  changed: string[];
}

export interface DefinitionChange {
  kpi: string;
  file: string;
  status: 'added' | 'removed' | 'modified';
  /** Top-level fields whose value changed (formula, breakdowns, title, …). */
  fields: string[];
}

/** One count in a shared file's summary: "3 holidays added", "412 customers changed region", "working_days changed". */
export interface SummaryItem {
  action: 'added' | 'removed' | 'changed';
  /** What was counted: customers, reps, products, categories, goals, targets, holidays, regions, …; or a field of the file itself. */
  subject: string;
  /** Records counted; null for a field of the file itself (company.yaml's timezone). */
  count: number | null;
  /** For changed records: the field that changed (owner stands for owner and owners). */
  field?: string;
}

export interface SharedFileChange {
  file: string;
  status: 'added' | 'removed' | 'modified';
  summary: SummaryItem[];
}

/** The files every month reads: everything under data/ but the month folders. */
function isSharedFile(path: string): boolean {
  return path.startsWith('data/') && !/^data\/\d{4}\//.test(path);
}

/** Files validation reads, from the repository's files. */
export function readFiles(files: SourceFile[]): SourceFile[] {
  return files.filter((f) => readByValidation(f.path));
}

export function fileChanges(base: SourceFile[], head: SourceFile[]): FileChange[] {
  const before = new Map(readFiles(base).map((f) => [f.path, f.bytes]));
  const after = new Map(readFiles(head).map((f) => [f.path, f.bytes]));
  const out: FileChange[] = [];
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    if (!path.startsWith('data/')) continue;
    const a = before.get(path);
    const b = after.get(path);
    if (a && b && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0) continue;
    const ra = a ? recordsOf(a, path) : new Map<string, unknown>();
    const rb = b ? recordsOf(b, path) : new Map<string, unknown>();
    const added = [...rb.keys()].filter((k) => !ra.has(k));
    const removed = [...ra.keys()].filter((k) => !rb.has(k));
    const changed = [...rb.keys()].filter((k) => ra.has(k) && !isDeepStrictEqual(ra.get(k), rb.get(k)));
    const status = !a ? 'added' : !b ? 'removed' : 'modified';
    // A file whose only change is formatting changes no record: leave it out.
    if (status === 'modified' && !added.length && !removed.length && !changed.length && ra.size + rb.size > 0) continue;
    out.push({ file: path, status, added, removed, changed });
  }
  return out;
}

/**
 * What changed in each shared file, counted: records added and removed, and for changed records
 * how many changed each field. company.yaml is summarised per section (holidays by date, regions,
 * segments and lead sources by id, other settings by name).
 */
export function sharedFileChanges(base: SourceFile[], head: SourceFile[]): SharedFileChange[] {
  const before = new Map(readFiles(base).filter((f) => isSharedFile(f.path)).map((f) => [f.path, f.bytes]));
  const after = new Map(readFiles(head).filter((f) => isSharedFile(f.path)).map((f) => [f.path, f.bytes]));
  const out: SharedFileChange[] = [];
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(path);
    const b = after.get(path);
    if (a && b && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0) continue;
    const x = a ? parsed(a, path) : undefined;
    const y = b ? parsed(b, path) : undefined;
    const status = !a ? 'added' : !b ? 'removed' : 'modified';
    if (status === 'modified' && isDeepStrictEqual(x, y)) continue;
    out.push({ file: path, status, summary: summarise(path, x, y) });
  }
  return out;
}

const SUBJECT: Record<string, string> = { 'data/team.yaml': 'reps', 'data/customers.yaml': 'customers', 'data/goals.yaml': 'goals' };

function summarise(path: string, x: unknown, y: unknown): SummaryItem[] {
  if (path === 'data/company.yaml' || path === 'data/products.yaml') {
    const a = (isObject(x) ? x : {}) as Record<string, unknown>;
    const b = (isObject(y) ? y : {}) as Record<string, unknown>;
    const out: SummaryItem[] = [];
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
      if (isDeepStrictEqual(a[key], b[key])) continue;
      const keyed = Array.isArray(a[key] ?? []) && Array.isArray(b[key] ?? []) && [...((a[key] ?? []) as unknown[]), ...((b[key] ?? []) as unknown[])].every((r) => isObject(r));
      if (keyed) out.push(...listSummary(key, (a[key] ?? []) as unknown[], (b[key] ?? []) as unknown[]));
      else out.push({ action: 'changed', subject: key, count: null });
    }
    return out;
  }
  const subject = path.startsWith('data/targets/') ? 'targets' : (SUBJECT[path] ?? 'records');
  return listSummary(subject, Array.isArray(x) ? x : [], Array.isArray(y) ? y : []);
}

/** Added, removed, and per field changed, for two lists of records. */
function listSummary(subject: string, a: unknown[], b: unknown[]): SummaryItem[] {
  const ra = keyed(a);
  const rb = keyed(b);
  const out: SummaryItem[] = [];
  const added = [...rb.keys()].filter((k) => !ra.has(k)).length;
  const removed = [...ra.keys()].filter((k) => !rb.has(k)).length;
  if (added) out.push({ action: 'added', subject, count: added });
  if (removed) out.push({ action: 'removed', subject, count: removed });
  const byField = new Map<string, number>();
  let changed = 0;
  for (const [k, rec] of rb) {
    const old = ra.get(k);
    if (old === undefined || isDeepStrictEqual(old, rec)) continue;
    changed++;
    const o = (isObject(old) ? old : {}) as Record<string, unknown>;
    const n = (isObject(rec) ? rec : {}) as Record<string, unknown>;
    // A change of owner, written as owner or as the dated owners list, is one ownership change.
    const fields = new Set([...new Set([...Object.keys(o), ...Object.keys(n)])].filter((f) => !isDeepStrictEqual(o[f], n[f])).map((f) => (f === 'owners' ? 'owner' : f)));
    for (const f of fields) byField.set(f, (byField.get(f) ?? 0) + 1);
  }
  // A target's only field that changes is its value: "2 targets changed".
  if (subject === 'targets') {
    if (changed) out.push({ action: 'changed', subject, count: changed });
    return out;
  }
  for (const [field, count] of [...byField].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1))) out.push({ action: 'changed', subject, count, field });
  return out;
}

function keyed(list: unknown[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  list.forEach((r, i) => out.set(keyOf(r, i), r));
  return out;
}

function isObject(x: unknown): x is object {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function definitionChanges(base: SourceFile[], head: SourceFile[]): DefinitionChange[] {
  const defs = (files: SourceFile[]) => new Map(readFiles(files).filter((f) => /^kpis\/[^/]+\.yaml$/.test(f.path)).map((f) => [f.path, parsed(f.bytes, f.path)]));
  const a = defs(base);
  const b = defs(head);
  const out: DefinitionChange[] = [];
  for (const file of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(file) as Record<string, unknown> | undefined;
    const y = b.get(file) as Record<string, unknown> | undefined;
    if (isDeepStrictEqual(x, y)) continue;
    const kpi = String((y ?? x)?.id ?? file.slice(5, -5));
    const status = x === undefined ? 'added' : y === undefined ? 'removed' : 'modified';
    const keys = [...new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})])];
    out.push({ kpi, file, status, fields: status === 'modified' ? keys.filter((k) => !isDeepStrictEqual(x?.[k], y?.[k])) : [] });
  }
  return out;
}

function parsed(bytes: Uint8Array, path: string): unknown {
  const { text } = decodeText(bytes, path);
  return text === undefined ? undefined : parseYaml(text, path).value;
}

/** Records of a data file by a stable key: id, sku, or kpi|period|scope for targets. */
function recordsOf(bytes: Uint8Array, path: string): Map<string, unknown> {
  const value = parsed(bytes, path);
  const list = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { products?: unknown }).products) ? (value as { products: unknown[] }).products : null;
  const out = new Map<string, unknown>();
  if (!list) {
    if (value !== undefined && value !== null) out.set('(file)', value);
    return out;
  }
  list.forEach((r, i) => out.set(keyOf(r, i), r));
  return out;
}

/** A record's stable key: id, sku, a holiday's date, or kpi|period|scope for a target; else its place. */
function keyOf(r: unknown, i: number): string {
  const rec = (isObject(r) ? r : {}) as Record<string, unknown>;
  if (typeof rec.id === 'string') return rec.id;
  if (typeof rec.sku === 'string') return rec.sku;
  if (rec.kpi !== undefined) return [rec.kpi, rec.period, rec.rep ?? rec.region ?? rec.category ?? 'company'].join(' ');
  if (rec.date !== undefined) return String(rec.date instanceof Date ? rec.date.toISOString().slice(0, 10) : rec.date);
  return `#${i + 1}`;
}
