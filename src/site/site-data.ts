/**
 * What the pages read, loaded once per build. The only place the site touches the disk;
 * pages never compute, they read what this returns.
 */
import { readRepoFiles } from '../load/read-repo.ts';
import { formatIssue } from '../validate/issue.ts';
import { validateRepo, type ValidationResult } from '../validate/validate-repo.ts';

let cached: Promise<ValidationResult> | undefined;

/** The validated repository at DATA_ROOT (default: the working directory). Fails the build on errors. */
export function loadSiteData(root = process.env.CAPAIAN_ROOT ?? process.cwd()): Promise<ValidationResult> {
  cached ??= (async () => {
    const read = await readRepoFiles(root, ['data', 'kpis']);
    const result = validateRepo(read.files, read.issues);
    const errors = result.issues.filter((i) => i.level === 'error');
    if (errors.length) throw new Error(`capaian: the data has ${errors.length} errors:\n${errors.map(formatIssue).join('\n')}`);
    return result;
  })();
  return cached;
}
