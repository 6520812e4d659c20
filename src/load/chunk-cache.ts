/**
 * Month files already read, by content: node_modules/.cache/capaian/<key>.bin holds the chunk
 * (ingest/chunk.ts) of one clean month file. The key hashes the file's path and bytes, the
 * company timezone and the code that reads month files, so a changed file, timezone or reader is
 * never served from the cache; past months, which never change, are not read again. In GitHub
 * Actions the folder is kept between runs with actions/cache.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { MonthChunk } from '../ingest/chunk.ts';
import { INGEST_VERSION } from '../ingest/ingest-file.ts';

/** The folder for a repository, or null when caching is off (CAPAIAN_CACHE=off). */
export function cacheDirFor(root: string): string | null {
  const env = process.env.CAPAIAN_CACHE;
  if (env === 'off' || env === '0') return null;
  return env ? env : join(root, 'node_modules', '.cache', 'capaian');
}

const src = join(dirname(fileURLToPath(import.meta.url)), '..');
// Everything that decides what a chunk holds. A change to any of them is a new reader.
const READER_SOURCES = ['ingest', 'schema', 'load/decode.ts', 'load/parse-yaml.ts', 'load/fast-yaml.ts', 'validate/fast-records.ts', 'validate/rules/references.ts', 'calendar'];
let fingerprint: string | undefined;

/**
 * A hash of the reader's own source code, so a new version never reads an old version's entries;
 * '' when the sources are not beside this module (bundled code): then nothing is cached.
 */
export function readerFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const h = createHash('sha1').update(`v${INGEST_VERSION}`);
  let found = 0;
  for (const rel of READER_SOURCES) {
    const path = join(src, rel);
    const files = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(path).sort().map((f) => join(path, f)) : [path];
    for (const f of files) {
      const isFile = statSync(f, { throwIfNoEntry: false })?.isFile() ?? false;
      if (isFile) found++;
      h.update(f.slice(src.length)).update(isFile ? readFileSync(f) : '');
    }
  }
  return (fingerprint = found >= READER_SOURCES.length ? h.digest('hex') : '');
}

/** The key of a file's entry, from its bytes or from the file on disk (read in pieces). */
export function cacheKey(reader: string, path: string, tz: string, content: Uint8Array | { origin: string }): string {
  const h = createHash('sha1').update(`${reader}\0${path}\0${tz}\0`);
  if (content instanceof Uint8Array) return h.update(content).digest('hex');
  // A reused buffer: hashing hundreds of megabytes allocates nothing.
  const fd = openSync(content.origin, 'r');
  try {
    for (let n = readSync(fd, piece, 0, piece.length, null); n > 0; n = readSync(fd, piece, 0, piece.length, null)) h.update(n === piece.length ? piece : piece.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}
const piece = Buffer.allocUnsafe(1 << 20);

/** The cached chunk, or undefined when there is none or it cannot be read (a damaged entry is a miss). */
export function readCached(dir: string, key: string, path: string): MonthChunk | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(join(dir, `${key}.bin`));
  } catch {
    return undefined;
  }
  try {
    const chunk = deserialize(buf) as MonthChunk;
    return chunk && chunk.file === path && typeof chunk.length === 'number' ? chunk : undefined;
  } catch {
    return undefined;
  }
}

/** Writes an entry whole or not at all (a temporary file, then a rename). Failures only cost speed. */
export function writeCached(dir: string, key: string, chunk: MonthChunk): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    writeFileSync(tmp, serialize(chunk));
    renameSync(tmp, join(dir, `${key}.bin`));
  } catch {
    // A read-only or full disk: the next run reads the file again.
  }
}

/** Removes entries not used by this run once the folder holds more than twice what it used. */
export function pruneCache(dir: string, used: Set<string>): void {
  try {
    const entries = readdirSync(dir).filter((f) => f.endsWith('.bin') || f.endsWith('.tmp'));
    const stale = entries.filter((f) => !used.has(f.replace(/\.bin$/, '')));
    if (stale.length <= used.size) return;
    for (const f of stale) unlinkSync(join(dir, f));
  } catch {
    // Another run may be pruning too.
  }
}
