/** The effects every command writes through: atomic writes, the recording fake, one rule for colour. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paint, recordingEffects, writeFileAtomic } from '../../src/commands/effects.ts';

const dir = mkdtempSync(join(tmpdir(), 'capaian-effects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('effects', () => {
  it('writeFileAtomic creates folders, replaces a file whole and leaves no temporary file', async () => {
    const path = join(dir, 'a/b/report.json');
    await writeFileAtomic(path, 'one');
    expect(readFileSync(path, 'utf8')).toBe('one');
    writeFileSync(path, 'old and longer');
    await writeFileAtomic(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'a/b'))).toEqual(['report.json']);
  });

  it('the recording fake keeps stdout, stderr and files apart and touches no disk', async () => {
    const fx = recordingEffects();
    fx.out('a');
    fx.err('b');
    await fx.writeFile(join(dir, 'never.txt'), 'x');
    expect([fx.stdout, fx.stderr, [...fx.files]]).toEqual([['a'], ['b'], [[join(dir, 'never.txt'), 'x']]]);
    expect(existsSync(join(dir, 'never.txt'))).toBe(false);
    expect(fx.color).toBe(false);
  });

  it('paint colours only when on', () => {
    expect(paint(false, 'red', 'x')).toBe('x');
    expect(paint(true, 'red', 'x')).toBe('\x1b[31mx\x1b[0m');
  });
});
