/**
 * The version of capaian's code, for the caches whose entries must not outlive it (the site's
 * charts, compute's kept output): a hash of every file under the package's src/, the package's
 * version, the installed versions of `packages` (found in node_modules from the package up), the
 * nearest package-lock.json (every installed version at once: the package's own in a checkout, the
 * team's repository's where it is installed), and Node's, ICU's and Unicode's versions (number and
 * date formats). About 20 ms.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export function codeVersion(project: string, packages: readonly string[] = []): string {
  const h = createHash('sha1').update(`node ${process.versions.node} icu ${process.versions.icu ?? ''} unicode ${process.versions.unicode ?? ''}\n`);
  const src = join(project, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const f of files) {
    const bytes = readFileSync(f);
    h.update(`\n${relative(project, f).split(sep).join('/')} ${bytes.length}\n`).update(bytes);
  }
  for (const pkg of ['', ...packages]) h.update(`\n${pkg} ${packageVersion(project, pkg)}`);
  for (let dir = project; ; dir = dirname(dir)) {
    const lock = join(dir, 'package-lock.json');
    if (existsSync(lock)) {
      h.update('\nlock\n').update(readFileSync(lock));
      break;
    }
    if (dirname(dir) === dir) break;
  }
  return h.digest('hex');
}

/** The version of an installed package ('' for the project itself), or '' when not found. */
function packageVersion(project: string, name: string): string {
  for (let dir = project; ; dir = dirname(dir)) {
    const file = name ? join(dir, 'node_modules', name, 'package.json') : join(dir, 'package.json');
    try {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { version?: string };
      return String(json.version ?? '');
    } catch {
      // not here
    }
    if (!name || dirname(dir) === dir) return '';
  }
}
