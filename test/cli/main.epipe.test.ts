/**
 * `capaian compute | head`: the CLI spawned with its stdout piped into a stream the reader closes
 * early. Every command ends quietly (no EPIPE stack trace on stderr) with its own exit status.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VALID = join(ROOT, 'test/fixtures/valid');
const tmp = mkdtempSync(join(tmpdir(), 'capaian-epipe-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the valid fixture with one bad survey score: validate and compute exit 1. */
function invalidRepo(): string {
  const root = join(tmp, 'invalid');
  cpSync(VALID, root, { recursive: true });
  writeFileSync(join(root, 'data/2026/03/surveys.yaml'), '- { id: S-1, date: 2026-03-10, customer: C1, score: 6 }\n');
  return root;
}

/**
 * Runs the CLI; its stdout is a pipe whose reading end is closed after `keep` bytes (0: before the
 * CLI writes anything). Resolves with the exit status and everything written to stderr.
 */
function runClosedEarly(args: string[], keep: number): Promise<{ code: number | null; signal: string | null; stderr: string; read: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/capaian.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CAPAIAN_CACHE: 'off', NO_COLOR: '1' } });
    let stderr = '';
    let read = 0;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    if (keep === 0) child.stdout.destroy();
    else
      child.stdout.on('data', (d: Buffer) => {
        read += d.length;
        if (read >= keep) child.stdout.destroy();
      });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stderr, read }));
  });
}

describe('stdout closed early (capaian … | head)', () => {
  const invalid = invalidRepo();
  const cases: [string, string[], number, number][] = [
    ['help', ['help'], 0, 0],
    ['validate, valid data', ['validate', '--root', VALID], 0, 0],
    ['validate, a problem in the data (its status is kept)', ['validate', '--root', invalid], 0, 1],
    ['validate --format json', ['validate', '--root', VALID, '--format', 'json'], 0, 0],
    ['compute, the scorecard', ['compute', '--root', VALID], 0, 0],
    ['compute --format json of the sample (megabytes), closed after the first 100 bytes', ['compute', '--root', ROOT, '--format', 'json'], 100, 0],
    ['compute --format csv', ['compute', '--root', VALID, '--format', 'csv'], 0, 0],
    ['compute, a problem in the data', ['compute', '--root', invalid], 0, 1],
    ['an unknown command (usage on stderr, status 2)', ['frobnicate'], 0, 2],
  ];
  for (const [what, args, keep, status] of cases) {
    it(`${what}: ends quietly with status ${status} (fixed: "Error: write EPIPE" and a stack trace, status 1)`, async () => {
      const r = await runClosedEarly(args, keep);
      expect(r.stderr).not.toMatch(/EPIPE|Error:|\n\s+at /);
      if (status === 2) expect(r.stderr).toMatch(/^capaian: unknown command "frobnicate"/);
      else expect(r.stderr).toBe('');
      expect({ code: r.code, signal: r.signal }).toEqual({ code: status, signal: null });
    }, 60_000);
  }
});
