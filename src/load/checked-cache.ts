/**
 * Files checked clean before, by content (validate-repo.ts's CheckedFiles), kept beside the month
 * chunks in node_modules/.cache/capaian: customers.yaml, products.yaml, the other files that are
 * not month files and the KPI definitions, as the records their schema made. A monthly import
 * leaves them as they were, and validation then neither parses nor checks them again
 * (Superstore's 1,862 products and 793 customers: a few hundred milliseconds a run).
 *
 * An entry is named by a hash of the checking code (the schemas, the YAML reader, validation),
 * the file's path and the SHA-1 of its text, and holds that name and the SHA-1 of what follows;
 * one that does not verify, or whose records do not have the expected shape, is a miss: the file
 * is checked again, as without the cache. One entry is kept per file: writing a file's entry
 * removes its others.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CheckedFile, CheckedFiles } from '../validate/validate-repo.ts';
import { sourcesFingerprint, writeWhole } from './chunk-cache.ts';

const CHECKER_SOURCES = ['schema', 'kpi/schema.ts', 'dataset/fields.ts', 'load/decode.ts', 'load/parse-yaml.ts', 'load/fast-yaml.ts', 'validate/validate-repo.ts', 'validate/fast-records.ts', 'calendar'];
const MAGIC = Buffer.from('capaian-checked-1\n');
const HEADER_BYTES = MAGIC.length + 20 + 20;

const sha1 = (x: string | Uint8Array) => createHash('sha1').update(x).digest();

/** The store for a cache folder, or undefined when caching is off or the sources are not there. */
export function checkedCache(dir: string | null): CheckedFiles | undefined {
  if (!dir) return undefined;
  const checker = sourcesFingerprint(CHECKER_SOURCES);
  if (!checker) return undefined;
  const names = (path: string, text: string) => {
    const prefix = sha1(`${checker}\0${path}`).toString('hex').slice(0, 16);
    const key = sha1(`${checker}\0${path}\0${sha1(text).toString('hex')}`);
    return { prefix, key, file: join(dir, `${prefix}-${key.toString('hex')}.chk`) };
  };
  return {
    get(path, text) {
      const { key, file } = names(path, text);
      try {
        const st = lstatSync(file, { throwIfNoEntry: false });
        // A checked file is never more than about 4 times its text (records, serialized).
        if (!st?.isFile() || st.size < HEADER_BYTES || st.size > 8 * text.length + 64 * 1024) return undefined;
        const buf = readFileSync(file);
        if (!buf.subarray(0, MAGIC.length).equals(MAGIC) || !buf.subarray(MAGIC.length, MAGIC.length + 20).equals(key)) return undefined;
        const payload = buf.subarray(HEADER_BYTES);
        if (!sha1(payload).equals(buf.subarray(MAGIC.length + 20, HEADER_BYTES))) return undefined;
        const value = deserialize(payload) as CheckedFile;
        return shapeOk(value, path) ? value : undefined;
      } catch {
        return undefined;
      }
    },
    set(path, text, checked) {
      const { prefix, key, file } = names(path, text);
      let payload: Buffer;
      try {
        payload = serialize(checked);
      } catch {
        return;
      }
      // A read-only or full disk: the next run checks the file again.
      if (!writeWhole(dir, basename(file), [MAGIC, key, sha1(payload), payload])) return;
      try {
        for (const other of readdirSync(dir)) if (other.startsWith(`${prefix}-`) && other.endsWith('.chk') && join(dir, other) !== file) rmSync(join(dir, other), { force: true });
      } catch {
        // Another run tidied first.
      }
    },
  };
}

function shapeOk(v: CheckedFile, path: string): boolean {
  if (typeof v !== 'object' || v === null || !Array.isArray(v.records) || !Array.isArray(v.index) || v.records.length !== v.index.length) return false;
  if (!Number.isSafeInteger(v.length) || v.length < v.records.length) return false;
  if (!v.index.every((i, k) => Number.isSafeInteger(i) && i >= 0 && i < v.length && (k === 0 || i > v.index[k - 1]!))) return false;
  if (!v.records.every((r) => typeof r === 'object' && r !== null)) return false;
  return path.endsWith('/products.yaml') === (typeof v.shell === 'object' && v.shell !== null);
}
