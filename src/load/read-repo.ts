/**
 * Reads the repository's data files from disk. The only part of loading that touches the file
 * system: symlinks are not followed (one could point outside the repository), and everything
 * else is handed on as bytes, read when used.
 */
import { readFileSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { issue, type PendingIssue } from '../issues/issue.ts';
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
  const files = paths.map((p, i) => {
    onProgress?.(i + 1, paths.length);
    return lazyFile(p, join(root, p));
  });
  return { files, issues };
}

/**
 * A file whose bytes are read when asked for, each time: a large repository is hundreds of
 * megabytes, and month files are read one at a time (or in worker threads, through `origin`).
 */
function lazyFile(path: string, origin: string): SourceFile {
  const file = { path, origin } as SourceFile;
  Object.defineProperty(file, 'bytes', { enumerable: true, get: () => readFileSync(origin) });
  return file;
}

async function walk(root: string, rel: string, out: string[], issues: PendingIssue[]): Promise<void> {
  for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
    const path = `${rel}/${e.name}`;
    if (e.name.startsWith('.')) continue;
    if (e.isSymbolicLink()) {
      issues.push(issue(path, [], 'symlink', 'symbolic links are not followed', 'commit the file itself; a link could point outside the repository'));
    } else if (e.isDirectory()) {
      // A folder named like a data file (orders.yaml made a folder by mistake, empty or not)
      // would otherwise drop that file's records without a word.
      if (/\.ya?ml$/i.test(e.name)) issues.push(issue(path, [], 'not-a-file', `${e.name} is a folder, not a file`, 'a data file is a YAML file: remove the folder, or put its records in a file of that name'));
      else await walk(root, path, out, issues);
    }
    else if (e.isFile()) out.push(path);
    else issues.push(issue(path, [], 'not-a-file', 'not a regular file', 'only YAML files belong here'));
  }
}
