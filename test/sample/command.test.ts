import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCommand } from '../../src/sample/command.ts';
import { generateSample } from '../../src/sample/generate.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function fakeEffects() {
  const written = new Map<string, string>();
  const lines: string[] = [];
  return {
    written,
    lines,
    effects: {
      async writeFile(path: string, text: string) {
        written.set(path, text);
      },
      log(line: string) {
        lines.push(line);
      },
    },
  };
}

describe('sampleCommand', () => {
  it('writes every file under out/ and logs one summary line', async () => {
    const { written, lines, effects } = fakeEffects();
    const code = await sampleCommand({ ordersPerMonth: 30, months: 2, end: '2026-03', seed: 7, out: 'tmp/sample' }, effects);
    expect(code).toBe(0);
    const expected = generateSample({ ordersPerMonth: 30, months: 2, endMonth: '2026-03', seed: 7 });
    expect([...written.keys()].sort()).toEqual(expected.map((f) => f.path).sort());
    for (const f of expected) expect(written.get(f.path)).toBe(f.text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^wrote 14 files .* to tmp\/sample\/data: \d+ orders, \d+ leads, \d+ activities, \d+ surveys, \d+ customers/);
  });

  it('reports bad arguments without writing anything', async () => {
    const { written, lines, effects } = fakeEffects();
    expect(await sampleCommand({ end: 'March', out: 'x' }, effects)).toBe(1);
    expect(written.size).toBe(0);
    expect(lines[0]).toMatch(/end month must be YYYY-MM/);
  });
});

describe('the committed sample in data/', () => {
  // data/ is the generator's default output; regenerate it with `capaian sample --out .`
  it.runIf(existsSync(join(ROOT, 'data/company.yaml')))('is what the generator makes with the defaults', () => {
    const stale = generateSample().filter((f) => {
      const path = join(ROOT, f.path);
      return !existsSync(path) || readFileSync(path, 'utf8') !== f.text;
    });
    expect(stale.map((f) => f.path), 'regenerate with: capaian sample --out .').toEqual([]);
  });
});
