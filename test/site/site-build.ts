/**
 * Builds the static site of the fixture repository (test/fixtures/site) into a temporary folder
 * with the real `npx astro build`, and reads what came out: every file, every page, the links.
 * Shared by test/site/ and test/browser/.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../support/repo.ts';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURE = fileURLToPath(new URL('../fixtures/site/', import.meta.url));
/** The day the site is built "on": 2026-04 is the last closed month, the data is not stale. */
export const TODAY = '2026-05-10';
/** A fixed commit, so the footer and the bytes do not depend on the repository's HEAD. */
export const COMMIT = '0123456789abcdef0123456789abcdef01234567';
/** The base path links start with (BASE is unset for these builds). */
export const BASE = '/';
/** A build of the fixture takes a few seconds; other builds on the machine can slow it a lot. */
export const BUILD_TIMEOUT_MS = 240_000;

export interface BuiltSite {
  /** The folder the site was built into (CAPAIAN_OUT). */
  dir: string;
  /** How long `astro build` took. */
  ms: number;
  /** What the build printed (stdout and stderr). */
  log: string;
  /** Removes the build and its cache. */
  remove(): void;
}

/**
 * Where the test builds go: inside the project on purpose. Given an outDir outside its working
 * directory, Astro stages the build in <project>/.astro/, copies that whole folder into the
 * outDir and deletes it, so builds outside the project running at the same time (other test
 * files, other developers) fail or take each other's files.
 */
const BUILDS = join(REPO, 'node_modules', '.cache', 'capaian-site-tests');

/**
 * Runs `npx astro build` on the fixture (or another repository: `root`) into a new temporary
 * folder. Rejects with the build's output when it fails. The build's cache (month files, charts)
 * is `cache`, else an empty folder of its own, so a build is cold unless told otherwise.
 */
export async function buildFixtureSite(label = 'site', root = FIXTURE, cache?: string): Promise<BuiltSite> {
  mkdirSync(BUILDS, { recursive: true });
  const parent = mkdtempSync(join(BUILDS, `${label}-`));
  const dir = join(parent, 'out');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CAPAIAN_ROOT: root,
    CAPAIAN_OUT: dir,
    CAPAIAN_TODAY: TODAY,
    CAPAIAN_COMMIT: COMMIT,
    CAPAIAN_CACHE: cache ?? join(parent, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
  };
  delete env.BASE;
  delete env.SITE;
  const started = performance.now();
  let log: string;
  try {
    log = await runAstroBuild(env);
  } catch (e) {
    // A build elsewhere in this working tree with its outDir outside the project deletes
    // <project>/.astro/ when it finishes (see BUILDS), under the feet of this one; and Astro writes
    // a build's content manifest and modules (content-modules.mjs: which collections and entries
    // there are) to that one shared <project>/.astro/, so a build of a fixture without reviews/
    // that writes it at the same moment leaves this one without its collection. Try once more.
    if (!/ENOENT[^\n]*\.astro\/|unknown-content-collection-error/.test(String(e))) throw e;
    console.warn(`[site] retrying the fixture build after a clash over .astro/:\n${String(e).slice(0, 500)}`);
    rmSync(dir, { recursive: true, force: true });
    log = await runAstroBuild(env);
  }
  return { dir, ms: performance.now() - started, log, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/**
 * Runs `npm run build` (bin/build-site.mjs: validation, the site, the PDF when Chromium is
 * there) with `env`, from this project; resolves with what it printed, rejects with its end.
 */
export function runBuildSite(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let log = '';
    const child = spawn(process.execPath, [join(REPO, 'bin', 'build-site.mjs')], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(log) : reject(new Error(`build-site failed (${code}):\n${log.slice(-4000)}`))));
  });
}

/** Resolves with the build's output. */
function runAstroBuild(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    // Its own process group, so that a timeout ends npx and the astro under it.
    const child = spawn('npx', ['astro', 'build'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }, BUILD_TIMEOUT_MS / 2 - 5_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      // The end of the output holds the error; the start only says what was being built.
      else reject(new Error(`astro build of the fixture failed (${signal ?? `exit ${code}`}):\n${output.replace(/^.*[├└]─.*\n/gm, '').slice(-6000)}`));
    });
  });
}

/** Every file under `dir` (test/support/repo.ts). */
export { listFiles };

/** The built pages: `id/index.html`, `en/kpi/net-sales/index.html`, … */
export function listPages(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.html'));
}

/** sha256 of every file, by relative path. */
export function hashTree(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

/** The URL path a page file is served at: `en/kpi/x/index.html` -> `/en/kpi/x/`. */
export function urlOf(page: string): string {
  return BASE + page.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * The file a site-internal URL resolves to, as a static host serves it: `/en/` ->
 * `en/index.html`, `/data/x.csv` -> `data/x.csv`, `/en/kpi` (no slash) -> `en/kpi/index.html`.
 * Query and fragment are dropped. Undefined when the URL is not under the base path.
 */
export function fileOfUrl(url: string): string | undefined {
  const path = decodeURIComponent(url.replace(/[?#].*$/, ''));
  if (!path.startsWith(BASE)) return undefined;
  const rest = path.slice(BASE.length);
  if (rest === '' || rest.endsWith('/')) return `${rest}index.html`;
  return rest;
}

/**
 * Which of the interesting pages exist in a build, in one language: the dashboard always, then
 * the first KPI page (net-sales when there is one), the latest period report, the first rep page,
 * a period's dashboard.
 */
export function samplePages(pages: string[], lang: string): { name: string; page: string }[] {
  const pick = (re: RegExp, prefer?: (p: string) => boolean) => {
    const found = pages.filter((p) => re.test(p)).sort();
    return (prefer && found.find(prefer)) ?? found.at(-1);
  };
  const out: { name: string; page: string }[] = [{ name: 'dashboard', page: `${lang}/index.html` }];
  const kpi = pick(new RegExp(`^${lang}/kpi/[^/]+/index\\.html$`), (p) => p.includes('/kpi/net-sales/'));
  if (kpi) out.push({ name: 'kpi', page: kpi });
  // The latest month's report when there is one (2026-04), else the last report path in sort order.
  const report = pick(new RegExp(`^${lang}/report/[^/]+/index\\.html$`), (p) => p.includes('/report/2026-04/'));
  if (report) out.push({ name: 'report', page: report });
  const rep = pick(new RegExp(`^${lang}/team/[^/]+/index\\.html$`), (p) => p.includes('/team/andi/'));
  if (rep) out.push({ name: 'rep', page: rep });
  // A dashboard of a period other than the latest month: the first quarter (2026-Q1) when there is one.
  const period = pick(new RegExp(`^${lang}/period/[^/]+/index\\.html$`), (p) => p.includes('/period/2026-Q1/'));
  if (period) out.push({ name: 'period', page: period });
  const region = pick(new RegExp(`^${lang}/regions/(?!period/)[^/]+/index\\.html$`));
  if (region) out.push({ name: 'region', page: region });
  const board = pick(new RegExp(`^${lang}/team/index\\.html$`));
  if (board) out.push({ name: 'leaderboard', page: board });
  return out;
}
