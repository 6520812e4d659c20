/**
 * npm run build is atomic: when the data has problems nothing is built and the previous site
 * stays exactly as it was (the real build is exercised by test/site/build.test.ts and CI).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
