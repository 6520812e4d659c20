/**
 * A repository on disk, ready for validation: its files (read lazily) and its month files read
 * ahead, in worker threads and through the cache. What the CLI and the site call.
 */
import type { PendingIssue } from '../issues/issue.ts';
import type { SourceFile, ValidateOptions } from '../validate/validate-repo.ts';
import { checkedCache } from './checked-cache.ts';
import { cacheDirFor } from './chunk-cache.ts';
import { preIngest, type IngestStats } from './ingest-pool.ts';
import { readRepoFiles } from './read-repo.ts';

export interface LoadedRepo {
  files: SourceFile[];
  issues: PendingIssue[];
  ingested?: ValidateOptions['ingested'];
  /** Files other than month files checked clean before (checked-cache.ts). */
  checked?: ValidateOptions['checked'];
  stats?: IngestStats;
}

export interface LoadOptions {
  /** Read every month file again instead of using node_modules/.cache/capaian. */
  noCache?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** A line for the user (a cache entry that did not verify); default: printed on stderr. */
  onNotice?: (line: string) => void;
}

export async function loadRepo(root: string, opts: LoadOptions = {}): Promise<LoadedRepo> {
  const read = await readRepoFiles(root, ['data', 'kpis', 'reviews']);
  if (read.issues.length) return read;
  const cacheDir = opts.noCache ? null : cacheDirFor(root);
  const { ingested, stats } = await preIngest(read.files, { cacheDir, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}), ...(opts.onNotice ? { onNotice: opts.onNotice } : {}) });
  const checked = checkedCache(cacheDir);
  return { ...read, ingested, ...(checked ? { checked } : {}), stats };
}
