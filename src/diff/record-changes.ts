/**
 * Which records changed between two versions of the repository's files: per file, the ids
 * added, removed and changed; per KPI definition, which top-level fields changed. Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import { decodeText } from '../load/decode.ts';
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

export function fileChanges(base: SourceFile[], head: SourceFile[]): FileChange[] {
  const before = new Map(base.map((f) => [f.path, f.bytes]));
  const after = new Map(head.map((f) => [f.path, f.bytes]));
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

export function definitionChanges(base: SourceFile[], head: SourceFile[]): DefinitionChange[] {
  const defs = (files: SourceFile[]) => new Map(files.filter((f) => /^kpis\/[^/]+\.yaml$/.test(f.path)).map((f) => [f.path, parsed(f.bytes, f.path)]));
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
  list.forEach((r, i) => {
    const rec = (r ?? {}) as Record<string, unknown>;
    const key = typeof rec.id === 'string' ? rec.id : typeof rec.sku === 'string' ? rec.sku : rec.kpi !== undefined ? [rec.kpi, rec.period, rec.rep ?? rec.region ?? rec.category ?? 'company'].join(' ') : `#${i + 1}`;
    out.set(key, r);
  });
  return out;
}
