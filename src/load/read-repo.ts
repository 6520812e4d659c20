/**
 * Reads the repository's data files from disk. The only part of loading that touches the file
 * system: symlinks are not followed (one could point outside the repository), and everything
 * else is handed on as bytes.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issue, type PendingIssue } from '../validate/issue.ts';
import type { SourceFile } from '../validate/validate-repo.ts';

export interface ReadResult {
  files: SourceFile[];
  issues: PendingIssue[];
}

/** Reads every file under `root`/`dir` for each dir (e.g. data, kpis). */
export async function readRepoFiles(root: string, dirs: string[] = ['data', 'kpis'], onProgress?: (done: number, total: number) => void): Promise<ReadResult> {
  const paths: string[] = [];
  const issues: PendingIssue[] = [];
  for (const dir of dirs) {
    const st = await lstat(join(root, dir)).catch(() => null);
    if (!st) {
      if (dir === 'data') issues.push(issue(`${dir}/`, [], 'missing-folder', `no ${dir}/ folder in ${root}`, 'run capaian inside your data repository, or pass --root DIR; `capaian sample --out DIR` creates an example'));
      continue;
    }
    // The folders themselves too: a data/ that links elsewhere would be read from there.
    if (st.isSymbolicLink()) {
      issues.push(issue(`${dir}/`, [], 'symlink', 'symbolic links are not followed', `make ${dir}/ a folder in the repository; a link could point outside it`));
      continue;
    }
    if (!st.isDirectory()) {
      issues.push(issue(`${dir}/`, [], 'not-a-folder', `${dir} is not a folder`, `${dir}/ is a folder of YAML files`));
      continue;
    }
    await walk(root, dir, paths, issues);
  }
  paths.sort();
  const files: SourceFile[] = [];
  let done = 0;
  // A few reads in flight at once: enough to keep the disk busy without holding every file twice.
  const queue = [...paths];
  const worker = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      files.push({ path: p, bytes: await readFile(join(root, p)) });
      onProgress?.(++done, paths.length);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, issues };
}

async function walk(root: string, rel: string, out: string[], issues: PendingIssue[]): Promise<void> {
  for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
    const path = `${rel}/${e.name}`;
    if (e.name.startsWith('.')) continue;
    if (e.isSymbolicLink()) {
      issues.push(issue(path, [], 'symlink', 'symbolic links are not followed', 'commit the file itself; a link could point outside the repository'));
    } else if (e.isDirectory()) await walk(root, path, out, issues);
    else if (e.isFile()) out.push(path);
    else issues.push(issue(path, [], 'not-a-file', 'not a regular file', 'only YAML files belong here'));
  }
}
