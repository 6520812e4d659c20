#!/usr/bin/env node
// npm run build: validate, build the site into a fresh folder, then swap it in for dist/.
// A failed validation or an interrupted build leaves the previous dist/ as it was.
// CAPAIAN_ROOT chooses the data repository (default: the working directory); CAPAIAN_DIST the
// output (default: dist beside the data). The site itself (the Astro project: its config, pages)
// is this package, wherever it is installed: a team's repository, which depends on capaian, runs
// `capaian build` (its `npm run build`) and gets its own data's site in its own dist/.
//
// One build at a time per output: a lock file beside it (dist.lock) holds the builder's pid. A
// second build started meanwhile refuses with a message naming that pid; a lock left by a process
// that no longer runs (killed, machine restarted) is taken over.
//
// dist is a symbolic link to the folder of the last complete build (dist -> .dist-<hex>): each
// build writes its own folder, and the link is replaced by rename(2), which is atomic, so dist/
// always names one whole site, the old one or the new one, never nothing and never a mix. (Only
// the first build after an older version, where dist/ is still a real folder, moves that folder
// aside first: one short moment without dist/, once.)
import { spawn } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroBin } from './astro-bin.mjs';
import { pdfPlan, printReports } from './print-report.mjs';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(process.env.CAPAIAN_ROOT ?? process.cwd());
const dist = resolve(process.env.CAPAIAN_DIST ?? join(root, 'dist'));
// The site builder; tests put a stand-in here.
const astro = process.env.CAPAIAN_ASTRO ?? astroBin(project);

/** The exit status of a child process (1 when it could not start or was killed). */
function exitOf(child) {
  return new Promise((done) => {
    child.on('error', (e) => {
      console.error(`capaian: could not run ${child.spawnfile}: ${e.message}`);
      done(1);
    });
    child.on('close', (code) => done(code ?? 1));
  });
}

/**
 * What a stopped `astro build` leaves of its site. With its output outside the project (Astro's
 * test: the path starts with its working directory), Astro stages the build in the project's
 * .astro/ (the server bundle: pages/, chunks/, manifest_*.mjs; the assets: _astro/, public/'s
 * files) and, when it finishes, copies that folder into the output and removes it; stopped
 * before, it would leave all that for the next build to copy into its site. What `astro sync`
 * writes there (the content store and modules, the types) stays.
 */
function removeStaged() {
  if (next.startsWith(project)) return;
  const staged = join(project, '.astro');
  const synced = /^(collections|content-assets\.mjs|content-modules\.mjs|data-store\.json|settings\.json|.*\.d\.ts)$/;
  try {
    for (const entry of readdirSync(staged)) if (!synced.test(entry)) rmSync(join(staged, entry), { recursive: true, force: true });
  } catch {
    // no .astro/
  }
}

/**
 * Starts `astro build` with its output held back. `handOver(message)` sends the model (a failed
 * send means Astro has already ended: its status says why), lets its output through (what it
 * printed so far first, in order) and resolves with its exit status; `stop()` ends it unheard.
 */
function startAstro(env) {
  const childEnv = { ...process.env, ...env };
  // Its output goes through a pipe: keep Astro's colours when ours is a terminal.
  if (process.stdout.isTTY && childEnv.FORCE_COLOR === undefined && childEnv.NO_COLOR === undefined) childEnv.FORCE_COLOR = '1';
  const child = spawn(process.execPath, [astro, 'build'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: childEnv });
  const held = [];
  let holding = true;
  for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) from.on('data', (chunk) => (holding ? held.push([to, chunk]) : to.write(chunk)));
  const status = exitOf(child);
  // Astro never outlives the build that started it.
  const kill = () => child.exitCode === null && child.signalCode === null && child.kill('SIGTERM');
  process.on('exit', kill);
  return {
    handOver(message) {
      if (child.connected) child.send(message, () => {});
      holding = false;
      for (const [to, chunk] of held.splice(0)) to.write(chunk);
      return status;
    },
    stop() {
      kill();
      return status;
    },
  };
}

// --- the lock -----------------------------------------------------------------------------------
const lock = `${dist}.lock`;

/** True when a process with this pid runs (EPERM: it runs, as another user). */
function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** Takes the lock, or returns the pid of the build that holds it. */
function takeLock() {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return null;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let text = '';
    try {
      text = readFileSync(lock, 'utf8');
    } catch {
      continue; // released meanwhile: try again
    }
    const pid = Number.parseInt(text, 10);
    if (Number.isInteger(pid) && pid > 0 && running(pid)) return pid;
    // Stale (its builder is gone, or it is empty because a builder died while writing it): move it
    // aside by rename, so that of two builds taking it over only one removes it, then try again.
    const aside = `${lock}.stale-${process.pid}`;
    try {
      renameSync(lock, aside);
      rmSync(aside, { force: true });
      console.error(`capaian: took over ${basename(lock)} left by a build that no longer runs${pid > 0 ? ` (pid ${pid})` : ''}`);
    } catch {
      // another build moved it first
    }
  }
  return Number.parseInt(readFileSync(lock, 'utf8'), 10) || -1;
}

function releaseLock() {
  try {
    if (Number.parseInt(readFileSync(lock, 'utf8'), 10) === process.pid) unlinkSync(lock);
  } catch {
    // already gone
  }
}

mkdirSync(dirname(dist), { recursive: true });
const holder = takeLock();
if (holder !== null) {
  console.error(`capaian: another build (pid ${holder}) is writing ${dist}; run the build again when it has finished (if no build is running, remove ${lock})`);
  process.exit(1);
}
process.on('exit', releaseLock);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));

// --- validate, build ---------------------------------------------------------------------------
const parent = dirname(dist);
const name = basename(dist);
const ours = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[0-9a-f]{12}(-cache)?$`);
/** The folder dist links to now, if it is a link. */
const current = () => {
  try {
    return lstatSync(dist).isSymbolicLink() ? basename(readlinkSync(dist)) : null;
  } catch {
    return null;
  }
};
// Folders of builds that were interrupted (we hold the lock: none is being written).
for (const entry of readdirSync(parent)) if (ours.test(entry) && entry !== current()) rmSync(join(parent, entry), { recursive: true, force: true });

// Validation computes the report model once; the pages read it from this file. Astro starts at the
// same time, on the other core: it boots and bundles the pages (no data needed) while the data is
// validated, its output held back. When validation has passed the model is handed over on an IPC
// channel (src/site/report-handover.ts) and Astro's output is let through; the pages await the
// model. Invalid data: Astro is stopped, none of its output is printed, its folder removed.
const model = join(mkdtempSync(join(tmpdir(), 'capaian-')), 'report.json');
const cleanUp = () => rmSync(dirname(model), { recursive: true, force: true });
// The day the site is built on: the stale-data banner compares the data with it (the data stops
// before the last closed month), and the footer gives it as the build date. CAPAIAN_TODAY fixes it.
const today = process.env.CAPAIAN_TODAY || new Date().toISOString().slice(0, 10);
const folder = `.${name}-${randomBytes(6).toString('hex')}`;
const next = join(parent, folder);
// The PDF of the latest month report is printed after the build when Chromium is there; the
// pages are told beforehand (CAPAIAN_PDF, in the hand-over), so they link it only when it will exist.
const planned = pdfPlan();
const site = startAstro({ CAPAIAN_ROOT: root, CAPAIAN_OUT: next, CAPAIAN_TODAY: today, CAPAIAN_REPORT_VIA: 'ipc' });
const validated = await exitOf(spawn(process.execPath, [join(project, 'bin', 'capaian.mjs'), 'validate', '--root', root, '--report', model], { cwd: project, stdio: 'inherit', env: { ...process.env, CAPAIAN_TODAY: today } }));
if (validated !== 0) {
  await site.stop();
  removeStaged();
  cleanUp();
  rmSync(next, { recursive: true, force: true });
  rmSync(`${next}-cache`, { recursive: true, force: true });
  console.error(`capaian: the data has problems; ${dist} was left as it was`);
  process.exit(1);
}
const pdf = await planned;
if (!pdf.print) console.error(`capaian: the PDF of the latest month report is skipped: ${pdf.why}; the report pages say it is unavailable`);
// (The model is read here only when the PDF is printed: it is large.)
const latestMonth = pdf.print ? (JSON.parse(readFileSync(model, 'utf8')).latestMonth ?? null) : null;
const built = await site.handOver({ report: model, pdf: pdf.print && latestMonth ? 'on' : 'off' });
cleanUp();
rmSync(`${next}-cache`, { recursive: true, force: true });
if (built !== 0) {
  rmSync(next, { recursive: true, force: true });
  console.error(`capaian: the site build failed; ${dist} was left as it was`);
  process.exit(1);
}

// Server-side modules Astro leaves at the top of a static build (content-assets.mjs,
// content-modules.mjs, a manifest_*.mjs of an interrupted render): never part of the site, which
// runs no script at all, so never published.
// A site built from an installed package (a team's repository) has its outDir outside the
// Astro project: Astro then copies the project's .astro/ (data-store.json, settings.json) into
// it, which is not part of the site either.
for (const entry of readdirSync(next)) if (/\.mjs$/.test(entry) || entry === 'data-store.json' || entry === 'settings.json') rmSync(join(next, entry), { force: true });

// --- the PDF of the latest month report ----------------------------------------------------------
if (pdf.print && latestMonth) {
  try {
    const files = await printReports({ dir: next, base: process.env.BASE || '/', period: latestMonth, langs: ['id', 'en'], chromium: pdf.chromium });
    console.error(`capaian: printed the ${latestMonth} report: ${files.map((f) => f.slice(next.length + 1)).join(', ')}`);
  } catch (e) {
    rmSync(next, { recursive: true, force: true });
    console.error(`capaian: printing the ${latestMonth} report to PDF failed: ${e instanceof Error ? e.message : e}; ${dist} was left as it was (CAPAIAN_PDF=off builds without the PDF)`);
    process.exit(1);
  }
}

// --- swap ----------------------------------------------------------------------------------------
const previous = current();
let legacy = null;
try {
  if (!lstatSync(dist).isSymbolicLink()) {
    // dist/ is still a real folder (built by an older version): moved aside, once.
    legacy = join(parent, `.${name}-legacy-${process.pid}`);
    renameSync(dist, legacy);
  }
} catch (e) {
  if (e.code !== 'ENOENT') throw e;
}
const link = join(parent, `.${name}-link-${process.pid}`);
rmSync(link, { force: true });
symlinkSync(folder, link, 'dir');
renameSync(link, dist); // atomic: dist names the old site until this moment, the new one after
if (previous && previous !== folder) rmSync(join(parent, previous), { recursive: true, force: true });
if (legacy) rmSync(legacy, { recursive: true, force: true });
