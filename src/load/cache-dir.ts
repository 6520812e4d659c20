/** Where a repository's caches are kept (month files, checked files, kept outputs): a module of its own, so a run that only looks for a kept output loads nothing else. */
import { join } from 'node:path';

/** The folder for a repository, or null when caching is off (CAPAIAN_CACHE=off). */
export function cacheDirFor(root: string): string | null {
  const env = process.env.CAPAIAN_CACHE;
  if (env === 'off' || env === '0') return null;
  return env ? env : join(root, 'node_modules', '.cache', 'capaian');
}
