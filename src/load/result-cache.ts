/**
 * Outputs already computed, for a repository that has not changed: `capaian compute` run again
 * on the same files, with the same options, on the same day, by the same code, prints what it
 * printed before without validating or computing anything. node_modules/.cache/capaian/
 * result-<key>.out holds one command's output; <key> hashes everything besides the files that the
 * output depends on (`ResultKey`: the command and its options, today's date, colour, the code's
 * version and Node's, the repository's folder), and the entry lists every file read (path, stamp,
 * SHA-1 of its bytes).
 *
 * An entry is used only when it verifies: its checksum holds, it was written under this key, and
 * the files under data/, kpis/ and reviews/ are exactly the ones it lists, each with the stamp
 * recorded (size, modification and status-change times, inode, device: the trust of the month
 * files' stat index in chunk-cache.ts) or, when the stamp moved, with the same SHA-1 of its bytes
 * now. Anything else is a miss, and the command computes. An entry is written only after a clean
 * computation (exit 0) during which no file's stamp moved, and only when every file was last
 * modified more than a few seconds before the run began (git's "racily clean" rule: an edit
 * within the same tick of a coarse clock could keep every field the same): a damaged, stale or
 * missing entry costs time, never a different byte.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeVersion } from './code-version.ts';
import { readRepoFiles } from './read-repo.ts';

/** Everything besides the files that decides a command's output. */
export interface ResultKey {
  /** The command, e.g. compute. */
  command: string;
  /** Its options as parsed (defaults applied), except the ones that only say how to read (--no-cache). */
  options: Record<string, string | boolean | undefined>;
  /** Today's date as the command reads it (statuses not final yet, the latest month, due dates). */
  today: string;
  /** Whether the output is coloured. */
  color: boolean;
}

/** The folders a repository's inputs are read from (load-repo.ts reads the same). */
export const INPUT_FOLDERS = ['data', 'kpis', 'reviews'];

const MAGIC = Buffer.from('capaian-result-1\n');
const FORMAT = 1;
/** A file modified less than this long before a run began is not trusted by its stamp (see above). */
const SETTLE_NS = 3_000_000_000n;
/** Entries kept in a cache folder besides the one just written: the most recent, up to this many and this many bytes. */
const MAX_ENTRIES = 32;
const MAX_BYTES = 64 * 1024 * 1024;

// The compiled CLI's version: bin/compile-cli.mjs defines it as the key of the bundle (a hash of
// every source file, package.json and the compiler). Run from the sources (tsx, tests), the
// sources themselves are hashed with the lock file (load/code-version.ts: the packages run live).
declare const CAPAIAN_BUILD_KEY: string | undefined;
let sourceVersion: string | undefined;

/** The version of the code that computes: a change to any source file is a new version. */
function computeVersion(): string {
  if (typeof CAPAIAN_BUILD_KEY === 'string') return CAPAIAN_BUILD_KEY;
  return (sourceVersion ??= `src-${codeVersion(join(dirname(fileURLToPath(import.meta.url)), '..', '..'))}`);
}

interface Stamp {
  stamp: string;
  /** Last modified more than SETTLE_NS before `since`. */
  settled: boolean;
}

/** A regular file's stamp (a link is not followed), or undefined. */
function stampOf(origin: string, since: bigint): Stamp | undefined {
  try {
    const st = lstatSync(origin, { bigint: true, throwIfNoEntry: false });
    if (!st || !st.isFile()) return undefined;
    // Settled by its modification time, as the month files' stat index decides (chunk-cache.ts).
    return { stamp: `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.dev}`, settled: st.mtimeNs < since - SETTLE_NS };
  } catch {
    return undefined;
  }
}

const sha1Of = (origin: string): string | undefined => {
  try {
    return createHash('sha1').update(readFileSync(origin)).digest('hex');
  } catch {
    return undefined;
  }
};

interface Header {
  format: number;
  key: string;
  /** [path in the repository, stamp, SHA-1 of the bytes], sorted by path. */
  files: [string, string, string][];
  /** Byte length of each piece of output, in order. */
  texts: number[];
}

export interface ResultCache {
  /** The output pieces of an entry that verifies, in order, or undefined (a miss). */
  hit: string[] | undefined;
  /**
   * Writes this run's output when it may be kept (see above), with the month-file cache's writer
   * and stat index (chunk-cache.ts, passed in so that a run that only reads loads neither). Never
   * throws; returns whether it wrote.
   */
  save(texts: string[], chunkCache: Pick<typeof import('./chunk-cache.ts'), 'StatIndex' | 'writeWhole'>): boolean;
}

const NONE: ResultCache = { hit: undefined, save: () => false };

/**
 * The cache of `key`'s output for the repository at `root`, kept in `dir` (cacheDirFor: null when
 * caching is off, then nothing is read or written). Call it before the command reads anything:
 * the stamps it takes are the ones the run is checked against when it saves.
 */
export async function openResultCache(root: string, dir: string | null, key: ResultKey): Promise<ResultCache> {
  if (!dir) return NONE;
  const since = BigInt(Date.now()) * 1_000_000n;
  const read = await readRepoFiles(root, INPUT_FOLDERS);
  // Problems with the folders themselves: the command reports them, nothing is kept.
  if (read.issues.length) return NONE;
  const files = read.files.map((f) => ({ path: f.path, origin: f.origin!, before: stampOf(f.origin!, since) }));
  const name = `result-${createHash('sha1')
    .update(JSON.stringify([FORMAT, computeVersion(), process.version, process.versions.icu ?? '', root, key.command, Object.entries(key.options).sort(([a], [b]) => (a < b ? -1 : 1)), key.today, key.color]))
    .digest('hex')}.out`;
  return {
    hit: readEntry(join(dir, name), name, files),
    save(texts, { StatIndex, writeWhole }) {
      try {
        if (!files.every((f) => f.before?.settled)) return false;
        const index = new Map<string, [string, string]>();
        // The month files' SHA-1s are in their stat index (chunk-cache.ts) when their stamp is the one recorded there.
        const known = StatIndex.load(dir);
        for (const f of files) {
          // Changed while the command ran: what it computed may be of either version.
          const after = stampOf(f.origin, since);
          if (!after || after.stamp !== f.before!.stamp) return false;
          const source = known.source(f.origin, { stamp: after.stamp, size: 0, settled: true }) ?? sha1Of(f.origin);
          if (!source || stampOf(f.origin, since)?.stamp !== after.stamp) return false;
          index.set(f.path, [after.stamp, source]);
        }
        const pieces = texts.map((t) => Buffer.from(t, 'utf8'));
        const header: Header = { format: FORMAT, key: name, files: files.map((f) => [f.path, ...index.get(f.path)!]), texts: pieces.map((p) => p.length) };
        const head = Buffer.from(JSON.stringify(header), 'utf8');
        const length = Buffer.alloc(4);
        length.writeUInt32LE(head.length, 0);
        const sum = createHash('sha1').update(length).update(head);
        for (const p of pieces) sum.update(p);
        const written = writeWhole(dir, name, [MAGIC, sum.digest(), length, head, ...pieces]);
        if (written) prune(dir, name);
        return written;
      } catch {
        return false;
      }
    },
  };
}

/** The output of the entry at `file` when it verifies against the files now, else undefined. */
function readEntry(file: string, name: string, files: { path: string; origin: string; before: Stamp | undefined }[]): string[] | undefined {
  try {
    const st = lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isFile()) return undefined;
    const buf = readFileSync(file);
    if (buf.length < MAGIC.length + 24 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const body = buf.subarray(MAGIC.length + 20);
    if (!createHash('sha1').update(body).digest().equals(buf.subarray(MAGIC.length, MAGIC.length + 20))) return undefined;
    const headLength = body.readUInt32LE(0);
    if (4 + headLength > body.length) return undefined;
    const header = JSON.parse(body.subarray(4, 4 + headLength).toString('utf8')) as Header;
    if (header.format !== FORMAT || header.key !== name || !Array.isArray(header.files) || !Array.isArray(header.texts)) return undefined;
    if (header.files.length !== files.length) return undefined;
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      const [path, stamp, source] = header.files[i]!;
      if (path !== f.path || !f.before) return undefined;
      // A file whose stamp moved (touched, checked out again) is compared by its bytes.
      if (stamp !== f.before.stamp && sha1Of(f.origin) !== source) return undefined;
    }
    const texts: string[] = [];
    let at = 4 + headLength;
    for (const n of header.texts) {
      if (!Number.isSafeInteger(n) || n < 0 || at + n > body.length) return undefined;
      texts.push(body.toString('utf8', at, (at += n)));
    }
    return at === body.length ? texts : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the oldest entries (other options, other days) beyond MAX_ENTRIES or MAX_BYTES. */
function prune(dir: string, keep: string): void {
  try {
    const entries = readdirSync(dir)
      .filter((f) => f.startsWith('result-') && f.endsWith('.out') && f !== keep)
      .map((f) => ({ f, st: statSync(join(dir, f), { throwIfNoEntry: false }) }))
      .sort((a, b) => (b.st?.mtimeMs ?? 0) - (a.st?.mtimeMs ?? 0));
    let bytes = 0;
    entries.forEach(({ f, st }, i) => {
      bytes += st?.size ?? 0;
      if (i >= MAX_ENTRIES || bytes > MAX_BYTES) rmSync(join(dir, f), { force: true });
    });
  } catch {
    // Another run may be pruning too.
  }
}
