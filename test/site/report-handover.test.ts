/**
 * npm run build starts Astro and validates the data at the same time, then hands the report model
 * over (src/site/report-handover.ts). Here a stand-in for astro (CAPAIAN_ASTRO) receives it with
 * the real receiving side, reportFromParent, loaded through tsx:
 *   - valid data: the pages get the model that validation computed, and CAPAIAN_PDF; what Astro
 *     printed before the hand-over comes out after validation's own output, in order;
 *   - invalid data: every error as today, exit 1, Astro stopped, nothing of its output printed,
 *     its half-built folder and what it staged in the project's .astro/ removed, dist/ untouched;
 *   - a broken page (Astro fails before the hand-over): its error is printed, exit 1.
 * The real build with the real astro is exercised by test/site/board-pack.test.ts.
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { reportFromParent, type Channel } from '../../src/site/report-handover.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
// Inside the project, so that the stand-in finds tsx in its node_modules.
const builds = join(PROJECT, 'node_modules', '.cache', 'capaian-site-tests');
mkdirSync(builds, { recursive: true });
const work = mkdtempSync(join(builds, 'handover-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The stand-in: says it booted (held back by build-site until the hand-over), notes its pid, makes
 * its output folder, and writes index.html from the model it is handed. FAKE_BROKEN: fails at once.
 */
const FAKE_ASTRO = `
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
const out = process.env.CAPAIAN_OUT;
// As Astro stages its server bundle in the project's .astro/ when its output is outside the project.
if (process.env.FAKE_STAGED) {
  mkdirSync(dirname(process.env.FAKE_STAGED), { recursive: true });
  writeFileSync(process.env.FAKE_STAGED, 'export const staged = true;');
}
// Written last: a pid file says the lines above ran.
writeFileSync(process.env.FAKE_PIDFILE, String(process.pid));
console.log('astro: booted, pages bundled');
if (process.env.FAKE_BROKEN) {
  console.error('astro: src/pages/broken.astro: Unexpected token');
  process.exit(1);
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'partial.html'), 'half a site');
const { tsImport } = await import('tsx/esm/api');
const { reportFromParent, handedOver } = await tsImport(${JSON.stringify(pathToFileURL(join(PROJECT, 'src', 'site', 'report-handover.ts')).href)}, import.meta.url);
if (!handedOver()) throw new Error('not started to be handed the model');
const report = await reportFromParent();
writeFileSync(join(out, 'index.html'), 'latest ' + report.latestMonth + ', pdf ' + process.env.CAPAIAN_PDF);
console.log('astro: pages generated');
`;
const fake = join(work, 'fake-astro.mjs');
writeFileSync(fake, FAKE_ASTRO);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  pid: number;
}

/** Runs build-site.mjs on `repo` into `dist` with the stand-in. */
function build(repo: string, dist: string, extra: NodeJS.ProcessEnv = {}): Promise<Run> {
  const pidFile = join(work, `pid-${Math.random().toString(16).slice(2)}`);
  const env: NodeJS.ProcessEnv = { ...process.env, CAPAIAN_ROOT: repo, CAPAIAN_DIST: dist, CAPAIAN_ASTRO: fake, CAPAIAN_CACHE: 'off', CHROMIUM_PATH: join(work, 'no-chromium'), FAKE_PIDFILE: pidFile, NO_COLOR: '1', ...extra };
  delete env.CAPAIAN_PDF; // the stand-in reads the CAPAIAN_PDF the hand-over sets
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(PROJECT, 'bin', 'build-site.mjs')], { cwd: PROJECT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (status) => done({ status, stdout, stderr, pid: existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0 }));
  });
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm run build hands the model over to Astro, started at the same time', () => {
  it('valid data: the pages get the computed model and CAPAIAN_PDF; Astro\'s output follows validation\'s', async () => {
    const repo = join(work, 'ok');
    cpSync(join(PROJECT, 'test', 'fixtures', 'valid'), repo, { recursive: true });
    const dist = join(work, 'ok-dist');
    const r = await build(repo, dist);
    expect(r.stderr).not.toContain('Error');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('latest 2026-03, pdf off');
    expect(r.stderr).toContain('capaian: the PDF of the latest month report is skipped: no Chromium at');
    // Held back until validation passed, then printed in the order Astro wrote it.
    expect(r.stdout).toMatch(/astro: booted, pages bundled\nastro: pages generated\n$/);
  }, 60_000);

  it('invalid data: every error, exit 1, Astro stopped and unheard, its folder removed, dist untouched', async () => {
    const repo = join(work, 'bad');
    cpSync(join(PROJECT, 'test', 'fixtures', 'valid'), repo, { recursive: true });
    writeFileSync(join(repo, 'data', '2026', '03', 'surveys.yaml'), '- { id: S-1, date: 2026-03-10, customer: C1, score: 9 }\n- { id: S-2, date: 2026-03-11, customer: C1, score: 0 }\n');
    // Outside the project, where Astro stages its build in the project's .astro/.
    const parent = mkdtempSync(join(tmpdir(), 'capaian-handover-bad-'));
    const dist = join(parent, 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'the previous site');
    const staged = join(PROJECT, '.astro', `staged-by-test-${process.pid}.mjs`);
    const r = await build(repo, dist, { FAKE_STAGED: staged });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/data\/2026\/03\/surveys\.yaml:1:\d+ .*score must be a whole score from 1 to 5, got 9/);
    expect(r.stdout).toMatch(/data\/2026\/03\/surveys\.yaml:2:\d+ .*score must be a whole score from 1 to 5, got 0/);
    expect(r.stderr).toContain(`capaian: the data has problems; ${dist} was left as it was`);
    expect(r.stdout + r.stderr).not.toContain('astro:');
    expect(r.pid).toBeGreaterThan(0); // the stand-in did start (and stage)
    expect(running(r.pid)).toBe(false);
    expect(readdirSync(parent).sort()).toEqual(['dist']);
    expect(existsSync(staged)).toBe(false); // not left for the next build to copy into its site
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('the previous site');
    rmSync(parent, { recursive: true, force: true });
  }, 60_000);

  it('a broken page: Astro fails while validation runs; its error is printed after validation, exit 1', async () => {
    const repo = join(work, 'broken');
    cpSync(join(PROJECT, 'test', 'fixtures', 'valid'), repo, { recursive: true });
    const dist = join(work, 'broken-site', 'dist');
    const r = await build(repo, dist, { FAKE_BROKEN: '1' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('astro: booted, pages bundled');
    expect(r.stderr).toMatch(/astro: src\/pages\/broken\.astro: Unexpected token\n(.|\n)*capaian: the site build failed; .*broken-site\/dist was left as it was\n$/);
    expect(existsSync(dist)).toBe(false);
  }, 60_000);
});

describe('reportFromParent (Astro\'s side)', () => {
  /** A stand-in for the process: its channel's events, its environment, exit. */
  function channel() {
    const events = new EventEmitter();
    const exits: number[] = [];
    const env: NodeJS.ProcessEnv = {};
    const proc = Object.assign(events, { env, exit: (code: number) => void exits.push(code) }) as unknown as Channel & EventEmitter;
    return { proc, exits, env, events };
  }

  it('reads the model from the file the message names, sets CAPAIAN_PDF, lets the channel go; other messages are not its', async () => {
    const file = join(work, 'model.json');
    writeFileSync(file, JSON.stringify({ latestMonth: '2026-03' }));
    const { proc, env, events } = channel();
    const report = reportFromParent(proc);
    events.emit('message', { type: 'something else' });
    expect(events.listenerCount('message')).toBe(1);
    events.emit('message', { report: file, pdf: 'on' });
    expect(await report).toEqual({ latestMonth: '2026-03' });
    expect(env.CAPAIAN_PDF).toBe('on');
    expect(events.listenerCount('message') + events.listenerCount('disconnect')).toBe(0);
  });

  it('ends the process when the build that started it goes away before the hand-over', () => {
    const { proc, exits, events } = channel();
    void reportFromParent(proc);
    events.emit('disconnect');
    expect(exits).toEqual([1]);
    expect(events.listenerCount('message')).toBe(0);
  });

  it('a model file that cannot be read fails the pages that await it', async () => {
    const { proc, events } = channel();
    const report = reportFromParent(proc);
    events.emit('message', { report: join(work, 'missing.json'), pdf: 'off' });
    await expect(report).rejects.toThrow(/ENOENT/);
  });
});
