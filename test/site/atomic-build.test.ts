/**
 * npm run build is atomic: when the data has problems nothing is built and the previous site
 * stays exactly as it was; two builds at once in one folder do not mix (the second refuses);
 * dist is swapped as one link, never missing (the real build is exercised by
 * test/site/build.test.ts and CI; here a stand-in for astro, CAPAIAN_ASTRO, writes the site).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const PROJECT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'capaian-atomic-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build', () => {
  it('leaves the previous site untouched when validation fails', () => {
    const repo = join(work, 'repo');
    cpSync(join(PROJECT, 'test', 'fixtures', 'valid'), repo, { recursive: true });
    writeFileSync(join(repo, 'data', '2026', '03', 'surveys.yaml'), '- { id: S-1, date: 2026-03-10, customer: C1, score: 9 }\n');
    const dist = join(work, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), 'the previous site');
    const r = spawnSync(process.execPath, [join(PROJECT, 'bin', 'build-site.mjs')], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, CAPAIAN_ROOT: repo, CAPAIAN_DIST: dist } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('score must be a whole score from 1 to 5, got 9');
    expect(r.stderr).toContain('was left as it was');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('the previous site');
  });
});

/**
 * A stand-in for `astro build`: writes a server manifest into its output folder (as Astro does
 * while it renders), waits, writes index.html naming the build, removes the manifest and leaves
 * content-modules.mjs (as Astro 5 does; the build removes it).
 */
const FAKE_ASTRO = `
const { mkdirSync, writeFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const out = process.env.CAPAIAN_OUT;
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'manifest_server.mjs'), 'export const manifest = {};');
setTimeout(() => {
  writeFileSync(join(out, 'index.html'), 'site of ' + process.env.BUILD_TAG);
  rmSync(join(out, 'manifest_server.mjs'));
  writeFileSync(join(out, 'content-modules.mjs'), 'export default new Map();'); // Astro 5 leaves this one
}, Number(process.env.FAKE_DELAY || 0));
`;

describe('two builds, and the swap', () => {
  const repo = join(work, 'repo-ok');
  cpSync(join(PROJECT, 'test', 'fixtures', 'valid'), repo, { recursive: true });
  const fake = join(work, 'fake-astro.cjs');
  writeFileSync(fake, FAKE_ASTRO);

  /** Starts build-site.mjs; resolves with its exit status and output. */
  function build(dist: string, tag: string, delay = 0): Promise<{ status: number | null; stderr: string; stdout: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [join(PROJECT, 'bin', 'build-site.mjs')], { cwd: PROJECT, env: { ...process.env, CAPAIAN_ROOT: repo, CAPAIAN_DIST: dist, CAPAIAN_ASTRO: fake, CAPAIAN_CACHE: 'off', CAPAIAN_PDF: 'off', BUILD_TAG: tag, FAKE_DELAY: String(delay) } });
      let stderr = '';
      let stdout = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.on('close', (status) => done({ status, stderr, stdout }));
    });
  }

  it('two builds started at once in one folder: the second refuses, naming the first; dist holds one whole site and no server manifest (fixed: both wrote dist.next)', async () => {
    const dist = join(work, 'together', 'dist');
    mkdirSync(dirnameOf(dist), { recursive: true });
    const [a, b] = await Promise.all([build(dist, 'A', 4000), build(dist, 'B', 4000)]);
    const refused = [a, b].filter((r) => r.status === 1);
    expect([a.status, b.status].sort()).toEqual([0, 1]);
    expect(refused[0]!.stderr).toMatch(/^capaian: another build \(pid \d+\) is writing .*together\/dist; run the build again when it has finished \(if no build is running, remove .*together\/dist\.lock\)\n$/);
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(readdirSync(dist)).toEqual(['index.html']);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe(`site of ${a.status === 0 ? 'A' : 'B'}`);
    // The lock is released, and nothing but dist and its one folder is left.
    const left = readdirSync(dirnameOf(dist)).sort();
    expect(left).toEqual(['.dist-' + readlinkSync(dist).slice('.dist-'.length), 'dist'].sort());
  }, 120_000);

  it('a lock left by a build that no longer runs is taken over', async () => {
    const dist = join(work, 'stale', 'dist');
    mkdirSync(dirnameOf(dist), { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${dist}.lock`, `${gone.stdout}\n`);
    const r = await build(dist, 'C');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`capaian: took over dist.lock left by a build that no longer runs (pid ${gone.stdout})`);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('site of C');
    expect(existsSync(`${dist}.lock`)).toBe(false);
  }, 120_000);

  it('dist is a link swapped in one step: a reader looking all through a rebuild always finds a whole site (fixed: two renames left a moment without dist/)', async () => {
    const dist = join(work, 'swap', 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'site of an older version'); // a real folder, moved aside once
    expect((await build(dist, 'D')).status).toBe(0);
    const first = readlinkSync(dist);
    // A reader reads dist/index.html without pause while the next build runs and swaps.
    const reader = spawn(process.execPath, ['-e', `
      const fs = require('node:fs'); let misses = 0, reads = 0; const seen = new Set();
      const stop = Date.now() + 60000;
      process.stdin.on('data', () => { console.log(JSON.stringify({ misses, reads, seen: [...seen] })); process.exit(0); });
      (function loop() { for (let i = 0; i < 2000; i++) { try { seen.add(fs.readFileSync(${JSON.stringify(join(dist, 'index.html'))}, 'utf8')); reads++; } catch { misses++; } } if (Date.now() < stop) setImmediate(loop); })();
    `], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    reader.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    await new Promise((r) => setTimeout(r, 300));
    expect((await build(dist, 'E', 500)).status).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    reader.stdin.write('stop\n');
    await new Promise((r) => reader.on('close', r));
    const seen = JSON.parse(out) as { misses: number; reads: number; seen: string[] };
    expect(seen.misses).toBe(0);
    expect(seen.reads).toBeGreaterThan(1000);
    expect(seen.seen.sort()).toEqual(['site of D', 'site of E']);
    // A new folder, the old one removed.
    expect(readlinkSync(dist)).not.toBe(first);
    expect(readdirSync(dirnameOf(dist)).sort()).toEqual([readlinkSync(dist), 'dist'].sort());
  }, 120_000);
});

function dirnameOf(p: string): string {
  return p.slice(0, p.lastIndexOf('/'));
}
