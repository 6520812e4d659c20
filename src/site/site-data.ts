/**
 * What the pages read, made once per build: the report model of the repository the site is
 * built from. The only place the site touches the disk or git; pages never compute.
 */
import { execFileSync } from 'node:child_process';
import { readRepoFiles } from '../load/read-repo.ts';
import { runPipeline } from '../pipeline.ts';
import type { Report } from '../report/build-report.ts';
import { formatIssue } from '../validate/issue.ts';

let cached: Promise<Report> | undefined;

/** The repository at CAPAIAN_ROOT (default: the working directory). Fails the build on errors. */
export function loadReport(root = process.env.CAPAIAN_ROOT ?? process.cwd()): Promise<Report> {
  cached ??= (async () => {
    const read = await readRepoFiles(root, ['data', 'kpis']);
    const commit = process.env.CAPAIAN_COMMIT ?? gitCommit(root);
    // The site depends on the data alone (same commit, same bytes): no "today", so no stale-data
    // banner from the clock; the banner compares with CAPAIAN_TODAY when CI sets it.
    const { validation, report } = runPipeline(read.files, read.issues, {
      ...(process.env.CAPAIAN_TODAY ? { today: process.env.CAPAIAN_TODAY } : {}),
      ...(commit ? { commit } : {}),
    });
    if (!report) {
      const errors = validation.issues.filter((i) => i.level === 'error');
      throw new Error(`capaian: the data has ${errors.length} errors, nothing was built:\n${errors.map(formatIssue).join('\n')}`);
    }
    return report;
  })();
  return cached;
}

function gitCommit(root: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
