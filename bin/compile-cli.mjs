// The CLI as compiled JavaScript, so a run does not load TypeScript through tsx.
//
// The first run after a change to the sources bundles src/cli/main.ts with esbuild into one
// CommonJS file, node_modules/.cache/capaian/cli-<key>/main.cjs (and the ingest worker thread
// into ingest-worker.mjs beside it), where <key> hashes every file under src/, package.json,
// this file and the esbuild version. Later runs find the key through a stat index (index-*.json
// in the cache folder: each source file's size, modification and change times and inode when the
// key was hashed; a file whose times are within 3 s of that moment is not trusted, git's "racily
// clean" rule) and hash the contents again only when a file changed, appeared or went.
// loadCompiled runs main.cjs through V8's code cache (main.cjs.<command>.<V8 version>.v8cache,
// written after a command's first run): Node 20 has no compile cache for ES modules, and
// compiling the bundle from its text is most of a small command's time. Cache data V8 rejects
// (another Node, a damaged file) is ignored and written again.
// The bundle is written to a folder of its own, then renamed into place, so a run never sees half
// of one and two first runs at once both succeed. When the cache folder cannot be written, the
// bundle goes to the system's temporary folder; when esbuild is missing or the bundle fails,
// compiledCli returns null and the caller runs the sources through tsx.
import { isAscii } from 'node:buffer';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { constants as vmConstants, Script } from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCE_FILE = /\.(?:ts|mts|mjs|js|json)$/;
// Bundles this old that are not the current one are removed after a new one is written (a run
// still using one is long finished by then).
const STALE_MS = 60 * 60 * 1000;
const MAX_CODE_CACHES = 24;

/** Every file under dir whose contents can reach the bundle, paths sorted (a walk of its own: faster than Node 20's recursive readdir). */
function sourceFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = `${d}${sep}${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (e.isFile() && SOURCE_FILE.test(e.name)) files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}

/** The files whose contents make the key: this file, package.json, every source file under src/. */
function keyFiles(project) {
  return [fileURLToPath(import.meta.url), join(project, 'package.json'), ...sourceFiles(join(project, 'src'))];
}

/**
 * The cache key of the sources under `project` (a folder of its own for each checkout): changes
 * whenever a source file is added, removed or changed, or package.json, the compiler or this file
 * changes. It hashes contents, not modification times (which a packed package or a checkout may
 * not keep); indexedSourceKey saves the hashing while no file's stat changed.
 * @param {string} project
 * @param {string} compilerVersion
 * @returns {string}
 */
export function sourceKey(project, compilerVersion) {
  return hashKey(project, compilerVersion, keyFiles(project));
}

function hashKey(project, compilerVersion, [self, pkg, ...sources]) {
  // This file's own text too: a change to how the bundle is made is a new bundle.
  const h = createHash('sha1').update(readFileSync(self)).update(`\n${compilerVersion}\n`);
  h.update(`${project}\n`).update(readFileSync(pkg));
  for (const f of sources) {
    const bytes = readFileSync(f);
    h.update(`\n${relative(project, f).split(sep).join('/')} ${bytes.length}\n`).update(bytes);
  }
  return h.digest('hex').slice(0, 16);
}

// A file changed less than this before its stat was recorded may change again without its times
// moving (coarse file system clocks): such a stat is not recorded, the contents are hashed again.
const SETTLE_MS = 3000;

/**
 * sourceKey through a stat index kept in `indexFile`: when every file has the size, modification
 * and change times, inode and device recorded with the key (and the same files are there), the
 * recorded key is the answer without reading a file; otherwise the contents are hashed, and the
 * new stats recorded once every file is settled (3 s old). The index is only a shortcut: a
 * missing, damaged or unwritable one costs the hashing, never a wrong key.
 * @param {string} project
 * @param {string} compilerVersion
 * @param {string} indexFile
 * @param {number} [settleMs] how old every file must be for its stat to be recorded (tests pass a
 *   negative number: at once)
 * @returns {{ key: string, hashed: boolean }}
 */
export function indexedSourceKey(project, compilerVersion, indexFile, settleMs = SETTLE_MS) {
  const files = keyFiles(project);
  let newest = 0n;
  const stats = createHash('sha1').update(`${compilerVersion}\n${project}\n`);
  for (const f of files) {
    const st = statSync(f, { bigint: true });
    stats.update(`${f} ${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.dev}\n`);
    if (st.mtimeNs > newest) newest = st.mtimeNs;
    if (st.ctimeNs > newest) newest = st.ctimeNs;
  }
  const stamp = stats.digest('hex');
  try {
    const index = JSON.parse(readFileSync(indexFile, 'utf8'));
    if (index.stamp === stamp && typeof index.key === 'string') return { key: index.key, hashed: false };
  } catch {
    // No index yet, or a damaged one: hash.
  }
  const key = hashKey(project, compilerVersion, files);
  if (newest < BigInt(Date.now() - settleMs) * 1_000_000n) {
    try {
      mkdirSync(dirname(indexFile), { recursive: true });
      const partial = `${indexFile}.${process.pid}-${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, `${JSON.stringify({ stamp, key })}\n`);
      renameSync(partial, indexFile);
    } catch {
      // Not writable: the next run hashes again.
    }
  }
  return { key, hashed: true };
}

function isFile(path) {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
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
  const homes = [opts.cacheDir ?? join(project, 'node_modules', '.cache', 'capaian'), join(tmpdir(), `capaian-${process.getuid?.() ?? 'user'}`)];
  // esbuild itself is loaded only to build: a run that finds its bundle reads just the version.
  let key;
  try {
    const compiler = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8'));
    const indexName = `index-${createHash('sha1').update(project).digest('hex').slice(0, 12)}.json`;
    // Beside the bundles, or in the temporary folder when the package's own cannot be written.
    const indexHome = homes.find((h) => isFile(join(h, indexName))) ?? homes.find(writable) ?? homes[0];
    key = indexedSourceKey(project, compiler.version, join(indexHome, indexName)).key;
  } catch {
    return null;
  }
  const name = `cli-${key}`;
  for (const home of homes) {
    const dir = join(home, name);
    const main = join(dir, 'main.cjs');
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
  const common = {
    absWorkingDir: project,
    bundle: true,
    platform: 'node',
    target: 'node20',
    outdir: partial,
    define: { CAPAIAN_SOURCE_DIR: JSON.stringify(join(project, 'src')), CAPAIAN_BUILD_KEY: JSON.stringify(key) },
    // Smaller to parse at every start; names kept for messages, a source map for stack traces.
    minify: true,
    keepNames: true,
    sourcemap: 'linked',
    logLevel: 'silent',
  };
  try {
    // The packages are bundled too, so the bundle runs from any folder (the temporary one).
    // One CommonJS file, so that loadCompiled can give V8 its code cache; its import.meta.url
    // (where the worker's file is found) is the file's URL.
    await esbuild.build({
      ...common,
      entryPoints: { main: 'src/cli/main.ts' },
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      banner: { js: "var __capaianUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { ...common.define, 'import.meta.url': '__capaianUrl' },
    });
    // The worker thread's entry, an ES module; some packages still call require() on Node's own
    // modules: give it a require.
    await esbuild.build({
      ...common,
      entryPoints: { 'ingest-worker': 'src/load/ingest-thread.ts' },
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      banner: { js: "import { createRequire as __capaianRequire } from 'node:module'; const require = __capaianRequire(import.meta.url);" },
    });
    asciiOnly(join(partial, 'main.cjs'));
  } catch {
    rmSync(partial, { recursive: true, force: true });
    return null;
  }
  try {
    // compute's kept output (src/cli/kept-compute.ts), looked for before main.cjs is loaded: a
    // small file of its own. Without it every run loads the CLI.
    await esbuild.build({
      ...common,
      entryPoints: { 'kept-compute': 'src/cli/kept-compute.ts' },
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      sourcemap: false,
      banner: { js: "var __capaianUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { ...common.define, 'import.meta.url': '__capaianUrl' },
    });
  } catch {
    rmSync(join(partial, 'kept-compute.cjs'), { force: true });
  }
  try {
    renameSync(partial, dir);
  } catch {
    // Another run put the same bundle in place first: use that one.
    rmSync(partial, { recursive: true, force: true });
    if (!statSync(join(dir, 'main.cjs'), { throwIfNoEntry: false })?.isFile()) return null;
  }
  removeStale(home, name);
  return { main: pathToFileURL(join(dir, 'main.cjs')).href, dir, built: true };
}

/**
 * esbuild leaves a few characters beyond ASCII in regular expressions (€, £): written as \u
 * escapes, which mean the same in strings, templates, regular expressions and names (only a
 * String.raw would see the difference, and the bundle has none with such characters), the whole
 * file is ASCII, which loadCompiled reads as Latin-1 into a one-byte string, about 20 ms sooner
 * than decoding UTF-8 into a two-byte one.
 * @param {string} file
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

/**
 * Prints the output `capaian compute ARGS` kept for an unchanged repository
 * (src/cli/kept-compute.ts, bundled as kept-compute.cjs beside main.cjs) and returns true; false
 * when there is none, or no such file: then the CLI runs.
 * @param {{ dir: string }} compiled
 * @param {string[]} args the arguments after `compute`
 * @returns {Promise<boolean>}
 */
export async function printKeptCompute(compiled, args) {
  const file = join(compiled.dir, 'kept-compute.cjs');
  let kept;
  try {
    if (!isFile(file)) return false;
    kept = createRequire(file)(file);
  } catch {
    return false;
  }
  kept.quietWhenStdoutCloses();
  return kept.printKeptCompute(args);
}

/**
 * The exports of a compiled CLI (`main`, `quietWhenStdoutCloses`), run through V8's code cache
 * beside the bundle; `saveCodeCache()`, called when the command is done, writes that cache when
 * there was none or V8 rejected it, so it holds the functions the run compiled, not only the top
 * level. Commands load different parts of the bundle, so each `use` (the command's name) has a
 * cache of its own. Without Node's loader for import() in scripts (before 20.12), the bundle is
 * imported.
 * @param {{ dir: string }} compiled
 * @param {string} [use]
 * @returns {Promise<{ exports: Record<string, any>, codeCache: 'used' | 'none' | 'rejected' | 'off', saveCodeCache: () => void }>}
 */
export async function loadCompiled(compiled, use = 'main') {
  const file = join(compiled.dir, 'main.cjs');
  const loader = vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (!loader) return { exports: await import(pathToFileURL(file).href), codeCache: 'off', saveCodeCache: () => {} };
  const cacheFile = `${file}.${/^[a-z][a-z-]{0,15}$/.test(use) ? use : 'other'}.${process.versions.v8}-${process.arch}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // None yet.
  }
  // Node's own CommonJS wrapper, on the first line so that lines keep their numbers.
  const bytes = readFileSync(file);
  const text = isAscii?.(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${text}\n})`, { filename: file, cachedData, importModuleDynamically: loader });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, compiled.dir);
  const codeCache = cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'rejected' : 'used';
  return {
    exports: module.exports,
    codeCache,
    saveCodeCache() {
      if (codeCache === 'used') return;
      try {
        // A few dozen at most (mistyped commands share one).
        if (codeCache === 'none' && readdirSync(compiled.dir).filter((f) => f.endsWith('.v8cache')).length >= MAX_CODE_CACHES) return;
        const partial = `${cacheFile}.${process.pid}-${randomBytes(4).toString('hex')}`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile);
      } catch {
        // Not writable (a read-only install): every run compiles, as without the cache.
      }
    },
  };
}
