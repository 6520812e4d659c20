#!/usr/bin/env node
// npm run build: validate, build the site into a fresh folder, then swap it in for dist/.
// A failed validation or an interrupted build leaves the previous dist/ as it was.
// CAPAIAN_ROOT chooses the data repository (default: here); CAPAIAN_DIST the output (default dist).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(process.env.CAPAIAN_ROOT ?? process.cwd());
const dist = resolve(process.env.CAPAIAN_DIST ?? join(project, 'dist'));
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: project, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

// Validation computes the report model once; the pages read it from this file.
const model = join(mkdtempSync(join(tmpdir(), 'capaian-')), 'report.json');
const cleanUp = () => rmSync(dirname(model), { recursive: true, force: true });
if (run(process.execPath, [join(project, 'bin', 'capaian.mjs'), 'validate', '--root', root, '--report', model]) !== 0) {
  cleanUp();
  console.error(`capaian: the data has problems; ${dist} was left as it was`);
  process.exit(1);
}
const next = `${dist}.next`;
rmSync(next, { recursive: true, force: true });
const built = run(process.execPath, [join(project, 'node_modules', 'astro', 'astro.js'), 'build'], { CAPAIAN_ROOT: root, CAPAIAN_OUT: next, CAPAIAN_REPORT: model });
cleanUp();
if (built !== 0) {
  rmSync(next, { recursive: true, force: true });
  rmSync(`${next}-cache`, { recursive: true, force: true });
  console.error(`capaian: the site build failed; ${dist} was left as it was`);
  process.exit(1);
}
// Two renames: the old site stays whole until the new one is complete.
const old = `${dist}.old`;
rmSync(old, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
rmSync(`${next}-cache`, { recursive: true, force: true });
