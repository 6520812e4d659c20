/**
 * A team's own repository, from the outside, as a team lives with it: this repository packed as
 * a tarball (`npm pack`), a team repository made by `capaian init` in a temporary folder that
 * depends on it, installed offline from npm's cache, its report built by its own `npm run build`
 * (the site of the installed package, the team's data, the team's dist/); then capaian
 * "upgraded" to a second tarball (the same package at a later version) with `npm install`, which
 * touches none of the team's files, and the report built again.
 *
 * Takes a few minutes (two installs, two site builds): runs with CAPAIAN_SLOW=1, as CI does.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { teamLock } from '../support/team-lock.ts';

const SLOW = process.env.CAPAIAN_SLOW === '1';
const PROJECT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'capaian-team-'));
// Two installs' node_modules take a minute to delete on a busy machine: removed in the background.
afterAll(() => spawn('rm', ['-rf', work], { detached: true, stdio: 'ignore' }).unref());

/** The environment of a person in the team's repository: none of this repository's test settings. */
function teamEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CAPAIAN_TODAY: '2026-12-07', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  for (const k of Object.keys(env)) if (/^(CAPAIAN_(ROOT|REPORT|DIST|OUT|ASTRO|CACHE)|NODE_ENV|VITEST.*|BASE|SITE)$/.test(k)) delete env[k];
  return env;
}

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, env: teamEnv(), encoding: 'utf8', timeout: 400_000 });
  const output = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}) in ${cwd}:\n${output.slice(-4000)}`);
  return output;
}

/** sha256 of every file under the team's data/ and kpis/. */
function hashData(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(join(dir, 'data'));
  walk(join(dir, 'kpis'));
  return out;
}

describe.runIf(SLOW)('a team repository (CAPAIAN_SLOW=1)', () => {
  it('installs capaian from a tarball offline, builds its report, upgrades to another tarball and builds again', () => {
    const timings: Record<string, number> = {};
    const step = <T>(name: string, f: () => T): T => {
      const t = performance.now();
      const v = f();
      timings[name] = Math.round((performance.now() - t) / 1000);
      return v;
    };
    const { version } = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { version: string };

    // The tool, packed; and a "later release": the same files at a bumped version.
    const packs = join(work, 'packs');
    mkdirSync(packs);
    step('pack', () => run('npm', ['pack', '--pack-destination', packs, '--silent'], PROJECT));
    const first = join(packs, `capaian-${version}.tgz`);
    const next = version.replace(/\d+$/, (n) => String(Number(n) + 1));
    const unpacked = join(work, 'unpacked');
    mkdirSync(unpacked);
    run('tar', ['xzf', first, '-C', unpacked], work);
    const manifest = join(unpacked, 'package', 'package.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(`"version": "${version}"`, `"version": "${next}"`));
    run('npm', ['pack', '--pack-destination', packs, '--silent'], join(unpacked, 'package'));
    const second = join(packs, `capaian-${next}.tgz`);
    expect(existsSync(second)).toBe(true); // the tarball the upgrade installs

    // The team's repository, depending on the first tarball.
    const team = join(work, 'team');
    step('init', () => run(process.execPath, [join(PROJECT, 'bin', 'capaian.mjs'), 'init', team, '--name', 'PT Tim Uji', '--currency', 'IDR', '--capaian', `file:../packs/capaian-${version}.tgz`], work));
    const data = hashData(team);
    // Offline: npm's cache has the packages this repository's `npm ci` fetched, not the registry's
    // package lists that resolving without a lock needs; so the team gets a lock made from ours
    // (and our overrides, which that lock follows).
    const pkgPath = join(team, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as Record<string, unknown>;
    pkg.overrides = (JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { overrides: unknown }).overrides;
    writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
    writeFileSync(join(team, 'package-lock.json'), teamLock(PROJECT, { name: 'team', spec: `file:../packs/capaian-${version}.tgz`, tarball: first, version }));
    step('install', () => run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], team));

    const installed = () => (JSON.parse(readFileSync(join(team, 'node_modules', 'capaian', 'package.json'), 'utf8')) as { version: string }).version;
    const dashboard = () => readFileSync(join(team, 'dist', 'en', 'index.html'), 'utf8');
    expect(installed()).toBe(version);
    const built = step('build', () => run('npm', ['run', 'build'], team));
    expect(built).toContain(`${readdirSync(join(PROJECT, 'kpis')).length} KPI definitions`); // validated before the site is built
    expect(dashboard()).toContain('PT Tim Uji');
    expect(dashboard()).toContain('No sales data yet'); // the empty report says what to add first
    // The team's own `npx capaian`, the installed package's command.
    expect(step('migrate', () => run('npx', ['capaian', 'migrate'], team))).toContain('already at data format 1');

    // The upgrade: one npm install, no merge; the team's files stay as they were.
    step('upgrade', () => run('npm', ['install', '--offline', '--no-audit', '--no-fund', `file:../packs/capaian-${next}.tgz`], team));
    expect(installed()).toBe(next);
    expect((JSON.parse(readFileSync(pkgPath, 'utf8')) as { dependencies: Record<string, string> }).dependencies.capaian).toBe(`file:../packs/capaian-${next}.tgz`);
    expect(hashData(team)).toEqual(data);
    rmSync(join(team, 'dist', 'en', 'index.html'));
    step('build again', () => run('npm', ['run', 'build'], team));
    expect(dashboard()).toContain('PT Tim Uji');
    console.log(`[team repository] seconds per step: ${JSON.stringify(timings)}`);
  }, 900_000);
});
