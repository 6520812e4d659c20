/**
 * One month file to a chunk, through the cache: what a worker thread (ingest-worker.mjs) or the
 * main thread does per file. Unclean files are not cached: the full checker reads them anyway.
 */
import { readFileSync } from 'node:fs';
import type { MonthChunk, MonthKind } from '../ingest/chunk.ts';
import { ingestMonthFile, type IngestResult } from '../ingest/ingest-file.ts';
import { cacheIdOf, cacheKey, readCached, writeCached, type CacheId } from './chunk-cache.ts';

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
  /** One line for stderr: the file's cache entry did not verify (it was read again). */
  notice?: string;
}

/** The line printed when a file's entry does not verify. */
const cacheNotice = (path: string) => `cache: entry for ${path} did not verify; read again`;

/**
 * The file's cache id, its chunk when the cache has one that verifies, and a notice when it has
 * one that does not. `known`: the file's SHA-1 and size from the stat index (the file unread).
 */
export function lookUp(t: IngestTask, bytes?: Uint8Array, known?: { source: string; size: number }): { id?: CacheId; hit?: IngestDone; notice?: string } {
  if (!t.cacheDir) return {};
  const id = known ? cacheIdOf(t.reader, t.path, t.tz, known.source, known.size) : cacheKey(t.reader, t.path, t.tz, bytes ?? t.bytes ?? { origin: t.origin! });
  const read = readCached(t.cacheDir, id, { path: t.path, kind: t.kind, month: t.month });
  if (read.chunk) return { id, hit: { path: t.path, result: { clean: true, chunk: read.chunk }, cached: true, key: id.key } };
  return read.damaged ? { id, notice: cacheNotice(t.path) } : { id };
}

/** Reads the file into a chunk and caches it; `id` when the caller looked the file up already. */
export function runIngestTask(t: IngestTask & { id?: CacheId; notice?: string }): IngestDone {
  const bytes = t.bytes ?? readFileSync(t.origin!);
  let id = t.id;
  let notice = t.notice;
  if (id === undefined) {
    const found = lookUp(t, bytes);
    if (found.hit) return found.hit;
    ((id = found.id), (notice = found.notice));
  } else if (!t.bytes && t.cacheDir) {
    // The file was hashed from disk before this read: the entry is keyed by the bytes read now.
    id = cacheKey(t.reader, t.path, t.tz, bytes);
  }
  const result = ingestMonthFile(bytes, t.path, t.kind, t.month, t.tz);
  if (result.clean && t.cacheDir && id) writeCached(t.cacheDir, id, result.chunk);
  return { path: t.path, result, cached: false, ...(id ? { key: id.key } : {}), ...(notice ? { notice } : {}) };
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
