/**
 * The golden-file helper: a missing golden fails (in CI too) and leaves the actual text in the
 * `-changed` file; a mismatch fails and writes the `-changed` file; a match removes a stale one;
 * UPDATE_GOLDEN=1 writes the golden.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { changedPath, expectGolden } from './golden.ts';

const dir = mkdtempSync(join(tmpdir(), 'capaian-golden-'));
const saved = { CI: process.env.CI, UPDATE_GOLDEN: process.env.UPDATE_GOLDEN };
const restore = (name: 'CI' | 'UPDATE_GOLDEN') => {
  if (saved[name] === undefined) delete process.env[name];
  else process.env[name] = saved[name];
};

afterEach(() => {
  restore('CI');
  restore('UPDATE_GOLDEN');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('expectGolden', () => {
  it('names the changed file beside the golden, before the extension', () => {
    expect(changedPath('/a/b/expected.txt')).toBe('/a/b/expected-changed.txt');
    expect(changedPath('/a/b.c/chart.svg')).toBe('/a/b.c/chart-changed.svg');
    expect(changedPath('/a/b.c/README')).toBe('/a/b.c/README-changed');
  });

  it('fails on a missing golden when CI is set, writing no golden, only the -changed file', async () => {
    process.env.CI = '1';
    delete process.env.UPDATE_GOLDEN;
    const path = join(dir, 'missing.txt');
    await expect(expectGolden(path, 'hello\n')).rejects.toThrow(/golden .*missing\.txt is missing \(CI never writes one\)/);
    expect(existsSync(path)).toBe(false);
    expect(readFileSync(join(dir, 'missing-changed.txt'), 'utf8')).toBe('hello\n');
  });

  it('fails on a missing golden outside CI too: goldens are written only when asked', async () => {
    delete process.env.CI;
    delete process.env.UPDATE_GOLDEN;
    const path = join(dir, 'missing-local.txt');
    await expect(expectGolden(path, 'hello\n')).rejects.toThrow(/is missing;/);
    expect(existsSync(path)).toBe(false);
  });

  it('writes the golden with UPDATE_GOLDEN=1, and removes a stale -changed file', async () => {
    process.env.UPDATE_GOLDEN = '1';
    const path = join(dir, 'update.txt');
    writeFileSync(join(dir, 'update-changed.txt'), 'old\n');
    await expectGolden(path, 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(existsSync(join(dir, 'update-changed.txt'))).toBe(false);
  });

  it('fails on a mismatch, leaving the golden as it was and the actual text in the -changed file', async () => {
    delete process.env.UPDATE_GOLDEN;
    const path = join(dir, 'expected.txt');
    writeFileSync(path, 'exit: 0\nok\n');
    await expect(expectGolden(path, 'exit: 1\nbad\n')).rejects.toThrow(/output changed; see .*expected-changed\.txt/);
    expect(readFileSync(path, 'utf8')).toBe('exit: 0\nok\n');
    expect(readFileSync(join(dir, 'expected-changed.txt'), 'utf8')).toBe('exit: 1\nbad\n');
  });

  it('passes on a match and removes a stale -changed file', async () => {
    delete process.env.UPDATE_GOLDEN;
    const path = join(dir, 'same.svg');
    writeFileSync(path, '<svg/>\n');
    writeFileSync(join(dir, 'same-changed.svg'), 'stale');
    await expectGolden(path, '<svg/>\n');
    expect(existsSync(join(dir, 'same-changed.svg'))).toBe(false);
  });
});
