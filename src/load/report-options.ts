/**
 * The options of the report the site shows: it depends on the data alone (same commit, same
 * bytes), so no "today" from the clock: the stale-data banner compares with CAPAIAN_TODAY when
 * CI sets it. The commit is CAPAIAN_COMMIT, or the repository's HEAD.
 */
import { execFileSync } from 'node:child_process';
import type { PipelineOptions } from '../pipeline.ts';

export function siteReportOptions(root: string): PipelineOptions {
  const commit = process.env.CAPAIAN_COMMIT ?? gitCommit(root);
  return {
    ...(process.env.CAPAIAN_TODAY ? { today: process.env.CAPAIAN_TODAY } : {}),
    ...(commit ? { commit } : {}),
  };
}

function gitCommit(root: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
