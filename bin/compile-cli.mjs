// The CLI as compiled JavaScript, so a run does not load TypeScript through tsx.
//
// The first run after a change to the sources bundles src/cli/main.ts (and the ingest worker
// thread) with esbuild into node_modules/.cache/capaian/cli-<key>/, where <key> hashes every
// file under src/, package.json and the esbuild version; later runs compute the key (about 15 ms)
// and import the bundle.
// The bundle is written to a folder of its own, then renamed into place, so a run never sees half
// of one and two first runs at once both succeed. When the cache folder cannot be written, the
// bundle goes to the system's temporary folder; when esbuild is missing or the bundle fails,
// compiledCli returns null and the caller runs the sources through tsx.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCE_FILE = /\.(?:ts|mts|mjs|js|json)$/;
// Bundles this old that are not the current one are removed after a new one is written (a run
// still using one is long finished by then).
const STALE_MS = 60 * 60 * 1000;

/** Every file under dir whose contents can reach the bundle, relative paths sorted. */
function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE_FILE.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

/**
 * The cache key of the sources under `project` (a folder of its own for each checkout): changes
 * whenever a source file is added, removed or changed, or package.json, the compiler or this file
 * changes. It hashes contents, not modification times (which a packed package or a checkout may
 * not keep): about 15 ms of CPU for the ~150 files, no more than a stat of each.
 * @param {string} project
 * @param {string} compilerVersion
 * @returns {string}
 */
export function sourceKey(project, compilerVersion) {
  // This file's own text too: a change to how the bundle is made is a new bundle.
  const h = createHash('sha1').update(readFileSync(fileURLToPath(import.meta.url))).update(`\n${compilerVersion}\n`);
  h.update(`${project}\n`).update(readFileSync(join(project, 'package.json')));
  for (const f of sourceFiles(join(project, 'src'))) {
    const bytes = readFileSync(f);
    h.update(`\n${relative(project, f).split(sep).join('/')} ${bytes.length}\n`).update(bytes);
  }
  return h.digest('hex').slice(0, 16);
}

/** Can this folder be created and written? */
function writable(dir) {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(probe);
    rmSync(probe, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}

function removeStale(cacheDir, keep) {
  try {
    for (const name of readdirSync(cacheDir)) {
      // Old bundles, and the folders of builds that were interrupted.
      if (!(name.startsWith('cli-') || name.startsWith('partial-cli-')) || name === keep) continue;
      const path = join(cacheDir, name);
      try {
        if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
      } catch {
        // Another run removed it first.
      }
    }
  } catch {
    // Nothing to tidy.
  }
}

/**
 * The compiled CLI for the sources under `project`: `{ main, dir, built }` (main: the bundle's
 * URL; built: whether this call wrote it), or null when it cannot be compiled (the caller then
 * runs the TypeScript through tsx). `cacheDir` defaults to <project>/node_modules/.cache/capaian.
 * @param {string} project
 * @param {{ cacheDir?: string }} [opts]
 * @returns {Promise<{ main: string, dir: string, built: boolean } | null>}
 */
export async function compiledCli(project, opts = {}) {
  // esbuild itself is loaded only to build: a run that finds its bundle reads just the version.
  let key;
  try {
    const compiler = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8'));
    key = sourceKey(project, compiler.version);
  } catch {
    return null;
  }
  const name = `cli-${key}`;
  const homes = [opts.cacheDir ?? join(project, 'node_modules', '.cache', 'capaian'), join(tmpdir(), `capaian-${process.getuid?.() ?? 'user'}`)];
  for (const home of homes) {
    const dir = join(home, name);
    const main = join(dir, 'main.mjs');
    if (statSync(main, { throwIfNoEntry: false })?.isFile()) return { main: pathToFileURL(main).href, dir, built: false };
  }
  const home = homes.find(writable);
  if (!home) return null;
  const dir = join(home, name);
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const partial = join(home, `partial-${name}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await esbuild.build({
      absWorkingDir: project,
      entryPoints: { main: 'src/cli/main.ts', 'ingest-worker': 'src/load/ingest-thread.ts' },
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outdir: partial,
      outExtension: { '.js': '.mjs' },
      // The packages are bundled too, so the bundle runs from any folder (the temporary one).
      // Some of them still call require() on Node's own modules: give the bundle a require.
      banner: { js: "import { createRequire as __capaianRequire } from 'node:module'; const require = __capaianRequire(import.meta.url);" },
      define: { CAPAIAN_SOURCE_DIR: JSON.stringify(join(project, 'src')) },
      // Smaller to parse at every start; names kept for messages, a source map for stack traces.
      minify: true,
      keepNames: true,
      sourcemap: 'linked',
      logLevel: 'silent',
    });
  } catch {
    rmSync(partial, { recursive: true, force: true });
    return null;
  }
  try {
    renameSync(partial, dir);
  } catch {
    // Another run put the same bundle in place first: use that one.
    rmSync(partial, { recursive: true, force: true });
    if (!statSync(join(dir, 'main.mjs'), { throwIfNoEntry: false })?.isFile()) return null;
  }
  removeStale(home, name);
  return { main: pathToFileURL(join(dir, 'main.mjs')).href, dir, built: true };
}
