/**
 * One month file to a chunk, through the cache: what a worker thread (ingest-worker.mjs) or the
 * main thread does per file. Unclean files are not cached: the full checker reads them anyway.
 */
import { readFileSync } from 'node:fs';
import type { MonthChunk, MonthKind } from '../ingest/chunk.ts';
import { ingestMonthFile, type IngestResult } from '../ingest/ingest-file.ts';
import { cacheKey, readCached, writeCached } from './chunk-cache.ts';

export interface IngestTask {
  path: string;
  /** Read from disk when given, else `bytes`. */
  origin?: string;
  bytes?: Uint8Array;
  kind: MonthKind;
  month: string;
  tz: string;
  cacheDir: string | null;
  reader: string;
}

export interface IngestDone {
  path: string;
  result: IngestResult;
  cached: boolean;
  key?: string;
}

/** The file's cache key, and its chunk when the cache has it. */
export function lookUp(t: IngestTask, bytes?: Uint8Array): { key?: string; hit?: IngestDone } {
  if (!t.cacheDir) return {};
  const key = cacheKey(t.reader, t.path, t.tz, bytes ?? t.bytes ?? { origin: t.origin! });
  const chunk = readCached(t.cacheDir, key, t.path);
  return chunk ? { key, hit: { path: t.path, result: { clean: true, chunk }, cached: true, key } } : { key };
}

/** Reads the file into a chunk and caches it; `key` when the caller looked the file up already. */
export function runIngestTask(t: IngestTask & { key?: string }): IngestDone {
  const bytes = t.bytes ?? readFileSync(t.origin!);
  let key = t.key;
  if (key === undefined) {
    const found = lookUp(t, bytes);
    if (found.hit) return found.hit;
    key = found.key;
  }
  const result = ingestMonthFile(bytes, t.path, t.kind, t.month, t.tz);
  if (result.clean && t.cacheDir && key) writeCached(t.cacheDir, key, result.chunk);
  return { path: t.path, result, cached: false, ...(key ? { key } : {}) };
}

/** The chunk's buffers, each once, to hand to another thread without copying. */
export function buffersOf(done: IngestDone): ArrayBuffer[] {
  if (!done.result.clean) return [];
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(done.result.chunk as MonthChunk)) {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) out.add(v.buffer);
  }
  return [...out];
}
