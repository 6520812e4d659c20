/**
 * Month files already read, by content: node_modules/.cache/capaian/<key>.bin holds the chunk
 * (ingest/chunk.ts) of one clean month file. The key hashes the file's path and bytes, the
 * company timezone and the code that reads month files, so a changed file, timezone or reader is
 * never served from the cache; past months, which never change, are not read again. In GitHub
 * Actions the folder is kept between runs with actions/cache.
 *
 * An entry is used only when it verifies (readCached): a regular file (no symbolic link is
 * followed), within its size bound, whose header names this key and the SHA-1 of the very bytes
 * being read, and whose chunk matches its checksum and its file's kind, path and month. Anything
 * else is a miss, which the caller reports in one line and reads the file again: a damaged or
 * misplaced entry costs time, never a different number or a crash. The checksums catch damage
 * and mix-ups, not forgery: whoever can write the cache folder can write node_modules too.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants as fsConstants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { ENUM_COLUMNS, type MonthChunk } from '../ingest/chunk.ts';
import { INGEST_VERSION } from '../ingest/ingest-file.ts';
import { MAX_FILE_BYTES } from './decode.ts';

export { cacheDirFor } from './cache-dir.ts';

// The TypeScript sources: beside this module, or, in the CLI compiled by bin/compile-cli.mjs, the
// folder it was compiled from (the compiler defines CAPAIAN_SOURCE_DIR).
declare const CAPAIAN_SOURCE_DIR: string | undefined;
const src = typeof CAPAIAN_SOURCE_DIR === 'string' ? CAPAIAN_SOURCE_DIR : join(dirname(fileURLToPath(import.meta.url)), '..');
// Everything that decides what a chunk holds. A change to any of them is a new reader.
const READER_SOURCES = ['ingest', 'schema', 'load/decode.ts', 'load/parse-yaml.ts', 'load/fast-yaml.ts', 'validate/fast-records.ts', 'calendar'];
const fingerprints = new Map<string, string>();

/**
 * A hash of the reader's own source code, so a new version never reads an old version's entries;
 * '' when the sources are not beside this module (bundled code): then nothing is cached.
 */
export function readerFingerprint(): string {
  return sourcesFingerprint(READER_SOURCES);
}

/** The same for any list of source folders and files (relative to src/), e.g. checked-cache.ts's. */
export function sourcesFingerprint(sources: string[]): string {
  const known = fingerprints.get(sources.join('\0'));
  if (known !== undefined) return known;
  const h = createHash('sha1').update(`v${INGEST_VERSION}`);
  let found = 0;
  for (const rel of sources) {
    const path = join(src, rel);
    const files = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(path).sort().map((f) => join(path, f)) : [path];
    for (const f of files) {
      const isFile = statSync(f, { throwIfNoEntry: false })?.isFile() ?? false;
      if (isFile) found++;
      h.update(f.slice(src.length)).update(isFile ? readFileSync(f) : '');
    }
  }
  const fingerprint = found >= sources.length ? h.digest('hex') : '';
  fingerprints.set(sources.join('\0'), fingerprint);
  return fingerprint;
}

/** A month file's place in the cache: the entry's name (`key`) and the hash of its bytes. */
export interface CacheId {
  /** Names the entry: a hash of the reader, the path, the timezone and `source`. */
  key: string;
  /** SHA-1 of the file's bytes (hex), also written in the entry and checked on reading. */
  source: string;
  /** The file's size in bytes, which bounds the entry's (maxEntryBytes). */
  size: number;
}

/** The cache id of a file whose SHA-1 and size are known (the stat index's). */
export function cacheIdOf(reader: string, path: string, tz: string, source: string, size: number): CacheId {
  return { key: createHash('sha1').update(`${reader}\0${path}\0${tz}\0${source}`).digest('hex'), source, size };
}

/** The cache id of a file, from its bytes or from the file on disk (read in pieces). */
export function cacheKey(reader: string, path: string, tz: string, content: Uint8Array | { origin: string }): CacheId {
  const h = createHash('sha1');
  let size = 0;
  if (content instanceof Uint8Array) ((size = content.length), h.update(content));
  else {
    // A reused buffer: hashing hundreds of megabytes allocates nothing.
    const fd = openSync(content.origin, 'r');
    try {
      for (let n = readSync(fd, piece, 0, piece.length, null); n > 0; n = readSync(fd, piece, 0, piece.length, null)) ((size += n), h.update(n === piece.length ? piece : piece.subarray(0, n)));
    } finally {
      closeSync(fd);
    }
  }
  return cacheIdOf(reader, path, tz, h.digest('hex'), size);
}
const piece = Buffer.allocUnsafe(1 << 20);

/*
 * An entry: a header, then the chunk (v8.serialize). The header holds a format mark, the key the
 * entry was written under, the SHA-1 of the month file it was read from, the chunk's length and
 * its SHA-1. An entry is used only when all of them match the file being read and the bytes that
 * follow; anything else (damage, an entry of another version of the file or of another file
 * under this name, a cut or grown entry) is a miss.
 */
const MAGIC = Buffer.from('capaian-chunk-1\n');
const HEADER_BYTES = MAGIC.length + 20 + 20 + 4 + 20;

/**
 * The largest entry of a month file of `sourceBytes` bytes: 4 times the file plus 64 KiB (a chunk
 * is about half its file; the densest layouts measured come to 1.5 times). Bigger entries are
 * neither written nor read.
 */
export function maxEntryBytes(sourceBytes: number): number {
  return HEADER_BYTES + 4 * sourceBytes + 64 * 1024;
}

/** What the entry must say about itself (the task: its file, kind and month). */
export interface Expected {
  path: string;
  kind: string;
  month: string;
}

export type CacheRead = { chunk: MonthChunk; damaged?: undefined } | { chunk?: undefined; damaged: boolean };

// O_NOFOLLOW: a symbolic link in place of an entry is not opened (lstat refuses it first; this
// closes the window between the two). O_NONBLOCK: a FIFO put there meanwhile does not block the
// open (fstat then refuses it). Both are 0 where the platform lacks them.
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0);

/**
 * The cached chunk of a file. `damaged: false` when there is no entry; `damaged: true` when there
 * is one that does not verify: not a regular file, bigger than its bound, or its header, checksum
 * or shape do not match. Either way the caller reads the file again; never throws.
 */
export function readCached(dir: string, id: CacheId, want: Expected): CacheRead {
  const file = join(dir, `${id.key}.bin`);
  let fd = -1;
  try {
    let st;
    try {
      st = lstatSync(file, { throwIfNoEntry: false });
    } catch {
      st = undefined; // the folder is not there or not readable: no entry
    }
    if (!st) return { damaged: false };
    // A month file over the size limit is never clean, so never cached: its bound is the limit's.
    const max = maxEntryBytes(Math.min(id.size, MAX_FILE_BYTES));
    if (!st.isFile() || st.size < HEADER_BYTES || st.size > max) return { damaged: true };
    fd = openSync(file, OPEN_FLAGS);
    const open = fstatSync(fd);
    if (!open.isFile() || open.size !== st.size || open.ino !== st.ino) return { damaged: true };
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    for (let n = 1; got < buf.length && n > 0; got += n) n = readSync(fd, buf, got, buf.length - got, got);
    // Cut while being read, or grown: its length no longer matches.
    if (got !== buf.length || readSync(fd, Buffer.allocUnsafe(1), 0, 1, got) !== 0) return { damaged: true };
    const chunk = verified(buf, id);
    return chunk && shapeOk(chunk, want) ? { chunk } : { damaged: true };
  } catch {
    return { damaged: true };
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** The chunk of an entry whose header and checksum match `id`, or undefined. */
function verified(buf: Buffer, id: CacheId): MonthChunk | undefined {
  let at = 0;
  const next = (n: number) => buf.subarray(at, (at += n));
  if (!next(MAGIC.length).equals(MAGIC)) return undefined;
  if (!next(20).equals(Buffer.from(id.key, 'hex'))) return undefined;
  if (!next(20).equals(Buffer.from(id.source, 'hex'))) return undefined;
  const length = next(4).readUInt32LE(0);
  const sum = next(20);
  if (length !== buf.length - HEADER_BYTES) return undefined;
  const payload = buf.subarray(HEADER_BYTES);
  if (!createHash('sha1').update(payload).digest().equals(sum)) return undefined;
  return deserialize(payload) as MonthChunk;
}

type Column = typeof Float64Array | typeof Int32Array | typeof Uint8Array;
/** Each kind's columns: per record, per order line, and its dictionaries (chunk.ts). */
const SHAPES: Record<string, { rows: [string, Column][]; lines?: [string, Column][]; dicts: string[] }> = {
  orders: {
    rows: [['idHash', Float64Array], ['day', Int32Array], ['customer', Int32Array], ['rep', Int32Array]],
    lines: [['sku', Int32Array], ['qty', Float64Array], ['price', Float64Array], ['discount', Float64Array], ['lineKind', Uint8Array]],
    dicts: ['customer', 'rep', 'sku'],
  },
  leads: {
    rows: [['idHash', Float64Array], ['idCheck', Int32Array], ['created', Float64Array], ['day', Int32Array], ['rep', Int32Array], ['region', Int32Array], ['source', Int32Array], ['segment', Int32Array]],
    dicts: ['rep', 'region', 'source', 'segment'],
  },
  activities: {
    rows: [['idHash', Float64Array], ['at', Float64Array], ['day', Int32Array], ['type', Uint8Array], ['rep', Int32Array], ['lead', Int32Array], ['customer', Int32Array], ['reason', Int32Array], ['idRank', Int32Array]],
    dicts: ['rep', 'lead', 'customer', 'reason'],
  },
  surveys: { rows: [['idHash', Float64Array], ['day', Int32Array], ['customer', Int32Array], ['score', Float64Array]], dicts: ['customer'] },
};

/** The chunk is of the expected file, and every column is there with its length (values are the checksum's business). */
function shapeOk(c: MonthChunk, want: Expected): boolean {
  if (typeof c !== 'object' || c === null || c.kind !== want.kind || c.file !== want.path || c.month !== want.month) return false;
  const shape = SHAPES[c.kind];
  const n = c.length;
  if (!shape || !Number.isSafeInteger(n) || n < 0) return false;
  const v = c as unknown as Record<string, unknown>;
  const col = (x: unknown, type: Column, len: number) => x instanceof type && x.length === len;
  if (!shape.rows.every(([name, type]) => col(v[name], type, n))) return false;
  const enums = v.enums as Record<string, unknown> | undefined;
  if (typeof enums !== 'object' || enums === null || !ENUM_COLUMNS[c.kind].every((f) => col(enums[f.name], Uint8Array, n))) return false;
  if (shape.lines) {
    const start = v.lineStart;
    if (!col(start, Int32Array, n + 1)) return false;
    const lines = (start as Int32Array)[n]!;
    if (!shape.lines.every(([name, type]) => col(v[name], type, lines))) return false;
  }
  const hash = v.dictHash as Record<string, unknown> | undefined;
  const check = v.dictCheck as Record<string, unknown> | undefined;
  if (typeof hash !== 'object' || hash === null || typeof check !== 'object' || check === null) return false;
  return shape.dicts.every((d) => hash[d] instanceof Float64Array && col(check[d], Int32Array, (hash[d] as Float64Array).length));
}

/**
 * Writes `parts` to `dir`/`name` whole or not at all, the one way every cache file here is
 * written (month entries, the stat index, checked-cache.ts's files): a temporary file beside it,
 * created new (never through a link someone left there), then renamed over it, so a reader never
 * sees half of one. False on any failure (a read-only or full disk, a directory in its place): a
 * cache that cannot be written only costs the next run time.
 */
export function writeWhole(dir: string, name: string, parts: Uint8Array[]): boolean {
  let tmp: string | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    tmp = join(dir, `${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    const fd = openSync(tmp, 'wx');
    try {
      for (const part of parts) writeSync(fd, part);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(dir, name));
    return true;
  } catch {
    if (tmp) rmSync(tmp, { force: true });
    return false;
  }
}

/** Writes an entry whole or not at all (writeWhole). Failures only cost speed. */
export function writeCached(dir: string, id: CacheId, chunk: MonthChunk): void {
  let payload: Buffer;
  try {
    payload = serialize(chunk);
  } catch {
    return;
  }
  if (HEADER_BYTES + payload.length > maxEntryBytes(id.size)) return;
  const header = Buffer.alloc(HEADER_BYTES);
  let at = MAGIC.copy(header, 0);
  at += Buffer.from(id.key, 'hex').copy(header, at);
  at += Buffer.from(id.source, 'hex').copy(header, at);
  at = header.writeUInt32LE(payload.length, at);
  createHash('sha1').update(payload).digest().copy(header, at);
  writeWhole(dir, `${id.key}.bin`, [header, payload]);
}

/** Removes entries not used by this run once the folder holds more than twice what it used. */
export function pruneCache(dir: string, used: Set<string>): void {
  try {
    const entries = readdirSync(dir).filter((f) => f.endsWith('.bin') || f.endsWith('.tmp'));
    const stale = entries.filter((f) => !used.has(f.replace(/\.bin$/, '')));
    if (stale.length <= used.size) return;
    for (const f of stale) {
      try {
        rmSync(join(dir, f), { force: true });
      } catch {
        // A directory in an entry's place is left alone.
      }
    }
  } catch {
    // Another run may be pruning too.
  }
}

/*
 * The stat index: which month files are unchanged since they were last hashed, without reading
 * them. For each file (by its full path) it keeps the SHA-1 of its bytes and the file's stamp
 * when they were hashed: size, modification and status-change times in nanoseconds, inode and
 * device. A file whose stamp is the same is taken to hold the same bytes, as git's index and
 * make do: its cache id is made from the SHA-1 kept, and its entry (which still verifies against
 * that SHA-1) is used without opening the file. Any other stamp, or a file the index does not
 * know, is hashed as before.
 *
 * What this trusts: an edit changes the size, the modification time or (which no program can
 * set back) the status-change time. Tools that restore a modification time (cp -p, rsync -t,
 * tar, touch -d) still give a new status-change time. A file modified within the last few
 * seconds before it was hashed is not recorded (a second edit within the same tick of a coarse
 * clock could keep every field the same, git's "racily clean" case); it is hashed again next
 * time. What it does not catch: a file rewritten with its size kept and both times put back
 * (only by setting the system clock back), or a file system that keeps no times. There,
 * --no-cache (or CAPAIAN_CACHE=off) reads every file.
 *
 * The index is one file, month-files.idx: a mark, the SHA-1 of the rest, then JSON. Anything
 * that does not verify, parse or have the expected shape is read as an empty index: every file
 * is hashed, as without it. It is written whole (a temporary file, then a rename) and holds the
 * files of the last run only.
 */
const INDEX_NAME = 'month-files.idx';
const INDEX_MAGIC = Buffer.from('capaian-stat-index-1\n');
/** A file modified less than this long before it was looked at is not recorded (see above). */
const SETTLE_NS = 3_000_000_000n;
const SHA1_HEX = /^[0-9a-f]{40}$/;

/** A month file's stamp now, and whether it is old enough to be recorded. */
export interface FileStamp {
  stamp: string;
  size: number;
  settled: boolean;
}

/** The stamp of a regular file (not followed if a link), or undefined. */
export function stampOf(origin: string): FileStamp | undefined {
  try {
    const now = BigInt(Date.now()) * 1_000_000n;
    const st = lstatSync(origin, { bigint: true, throwIfNoEntry: false });
    if (!st || !st.isFile()) return undefined;
    return { stamp: `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.dev}`, size: Number(st.size), settled: st.mtimeNs < now - SETTLE_NS };
  } catch {
    return undefined;
  }
}

export class StatIndex {
  private readonly next = new Map<string, [stamp: string, source: string]>();
  private changed = false;

  constructor(private readonly known: Map<string, [stamp: string, source: string]>) {}

  /** The index of a cache folder; empty when it is missing or does not verify. */
  static load(dir: string): StatIndex {
    const known = new Map<string, [string, string]>();
    try {
      const buf = readFileSync(join(dir, INDEX_NAME));
      const body = buf.subarray(INDEX_MAGIC.length + 20);
      if (buf.subarray(0, INDEX_MAGIC.length).equals(INDEX_MAGIC) && createHash('sha1').update(body).digest().equals(buf.subarray(INDEX_MAGIC.length, INDEX_MAGIC.length + 20))) {
        const value: unknown = JSON.parse(body.toString('utf8'));
        if (Array.isArray(value)) {
          for (const e of value) {
            const [origin, stamp, source] = Array.isArray(e) && e.length === 3 ? (e as unknown[]) : [];
            if (typeof origin === 'string' && typeof stamp === 'string' && typeof source === 'string' && SHA1_HEX.test(source)) known.set(origin, [stamp, source]);
          }
        }
      }
    } catch {
      // No index, or not a readable one: every file is hashed.
    }
    return new StatIndex(known);
  }

  /** The SHA-1 of the file's bytes when its stamp is the one recorded with it, else undefined. */
  source(origin: string, now: FileStamp): string | undefined {
    const e = this.known.get(origin);
    if (!e || e[0] !== now.stamp) return undefined;
    this.next.set(origin, e);
    return e[1];
  }

  /** Records the SHA-1 of a file just hashed, with the stamp it had before it was read. */
  record(origin: string, before: FileStamp, source: string): void {
    this.changed = true;
    if (before.settled) this.next.set(origin, [before.stamp, source]);
  }

  /** Writes the index of this run's files, when it differs from the one read. Failures only cost speed. */
  save(dir: string): void {
    if (!this.changed && this.next.size === this.known.size) return;
    const body = Buffer.from(JSON.stringify([...this.next].map(([origin, [stamp, source]]) => [origin, stamp, source])));
    writeWhole(dir, INDEX_NAME, [INDEX_MAGIC, createHash('sha1').update(body).digest(), body]);
  }
}
