/**
 * Reads the data and KPI files of a git ref without touching the working tree: `git ls-tree`
 * lists them, one `git cat-file --batch` streams their contents.
 */
import { execFileSync } from 'node:child_process';
import type { SourceFile } from '../validate/validate-repo.ts';

export class GitError extends Error {}

export function readGitFiles(root: string, ref: string, dirs: string[] = ['data', 'kpis', 'reviews']): SourceFile[] {
  const git = (args: string[], input?: Buffer) => {
    try {
      return execFileSync('git', args, { cwd: root, maxBuffer: 2 ** 32, ...(input ? { input } : {}), stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string };
      throw new GitError(`git ${args[0]} failed for "${ref}": ${(err.stderr?.toString() || err.message).trim().split('\n')[0]}`);
    }
  };
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', ref, '--', ...dirs]).toString('utf8');
  const entries: { path: string; sha: string }[] = [];
  for (const line of listing.split('\0')) {
    if (!line) continue;
    // "<mode> <type> <sha>\t<path>"
    const tab = line.indexOf('\t');
    const [mode, type, sha] = line.slice(0, tab).split(' ');
    // Symlinks (mode 120000) are not followed, as on disk.
    if (type !== 'blob' || mode === '120000') continue;
    entries.push({ path: line.slice(tab + 1), sha: sha! });
  }
  if (!entries.length) return [];
  const out = git(['cat-file', '--batch'], Buffer.from(entries.map((e) => e.sha).join('\n') + '\n'));
  const files: SourceFile[] = [];
  let pos = 0;
  for (const e of entries) {
    const nl = out.indexOf(0x0a, pos);
    const header = out.subarray(pos, nl).toString();
    const size = Number(header.split(' ')[2]);
    files.push({ path: e.path, bytes: out.subarray(nl + 1, nl + 1 + size) });
    pos = nl + 1 + size + 1;
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
