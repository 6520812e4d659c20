/**
 * Import at the speed of the cache: importing a month validates the whole repository, but the
 * month files the import leaves alone come from the chunk cache (node_modules/.cache/capaian)
 * already read, as `capaian validate` reads them. Proved by counting, not by timing: the cache's
 * hits, and the reads of each month file's bytes by validation.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCommand, nodeImportEffects, type ImportEffects } from '../../src/commands/import.ts';
import { recordingEffects } from '../../src/commands/effects.ts';
import { generateSampleFiles } from '../../src/sample/generate.ts';
import { ROOT } from './support.ts';

const MONTH_FILE = /^data\/\d{4}\/\d{2}\/[a-z]+\.yaml$/;

/** The effects of a real run, counting the cache's hits and each month file's reads of its bytes. */
function counted(root: string) {
  const fx = nodeImportEffects(root, { ...recordingEffects(), out: (l) => void lines.push(l) });
  const lines: string[] = [];
  const seen = { hits: 0, monthFiles: 0, bytesRead: new Map<string, number>() };
  const effects: ImportEffects = {
    ...fx,
    async readRepo() {
      const read = await fx.readRepo();
      seen.hits = read.readAhead!.cached;
      seen.monthFiles = read.readAhead!.files;
      const files = read.files.map((f) => {
        if (!MONTH_FILE.test(f.path)) return f;
        const counting = { path: f.path, ...(f.origin ? { origin: f.origin } : {}) } as typeof f;
        Object.defineProperty(counting, 'bytes', { enumerable: true, get: () => (seen.bytesRead.set(f.path, (seen.bytesRead.get(f.path) ?? 0) + 1), f.bytes) });
        return counting;
      });
      return { ...read, files };
    },
  };
  return { effects, seen, lines };
}

describe('an import validates the repository with its untouched month files from the cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'capaian-import-cache-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // Three months of the sample (12 month files), and the real KPI definitions.
  for (const f of generateSampleFiles({ months: 3, ordersPerMonth: 20 })) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.text);
  }
  cpSync(join(ROOT, 'kpis'), join(root, 'kpis'), { recursive: true });
  const csv = join(root, 'surveys.csv');
  writeFileSync(csv, 'id,date,customer,score\nS-X-1,2027-01-05,C0001,4\nS-X-2,2027-01-06,C0002,5\n');
  const run = (month: string, effects: ImportEffects, force = false) => importCommand({ kind: 'surveys', file: csv, month, force, createMissing: false, root }, effects);

  it('the first import reads every month file (the cache is empty) and fills the cache', async () => {
    const first = counted(root);
    expect(await run('2027-01', first.effects)).toBe(0);
    expect(first.seen).toMatchObject({ monthFiles: 12, hits: 0 });
    // Validation read no month file itself: each came read ahead (missed, read, and put in the cache).
    expect([...first.seen.bytesRead.keys()]).toEqual([]);
  });

  it('the next import takes the 12 month files already read from the cache, and validation reads none of them', async () => {
    const next = counted(root);
    expect(await run('2027-02', next.effects)).toBe(0);
    // The 12 sample month files hit; January, written by the import above, is read once (and cached).
    expect(next.seen).toMatchObject({ monthFiles: 13, hits: 12 });
    expect([...next.seen.bytesRead.keys()]).toEqual([]);
    expect(next.lines.at(-1)).toBe('wrote data/2027/02/surveys.yaml: 0 surveys (an empty month file: no surveys in 2027-02)');
  });

  it('a month replaced with --force is validated from the new text, never from the old file\'s cache entry', async () => {
    writeFileSync(csv, 'id,date,customer,score\nS-X-1,2027-01-05,C0001,4\nS-X-1,2027-01-06,C0002,5\n');
    const again = counted(root);
    // The old January is in the cache and valid; the new one has the same id twice: refused.
    expect(await run('2027-01', again.effects, true)).toBe(1);
    // January (old) and the 12 hit; February, written by the import above, is read once.
    expect(again.seen).toMatchObject({ monthFiles: 14, hits: 13 });
    expect(again.lines.join('\n')).toMatch(/surveys\.csv:3 .*S-X-1/);
    expect(again.lines.at(-1)).toBe('1 problem: nothing written');
  });

  it('customers.yaml and products.yaml, unchanged since they were checked clean, are not parsed or checked again; a changed one is', async () => {
    const hits = async () => {
      const c = counted(root);
      const found: string[] = [];
      const effects: ImportEffects = {
        ...c.effects,
        async readRepo() {
          const read = await c.effects.readRepo();
          const checked = read.checked!;
          return { ...read, checked: { get: (path, text) => { const v = checked.get(path, text); if (v) found.push(path); return v; }, set: checked.set } };
        },
      };
      expect(await run('2027-03', effects, true)).toBe(0);
      return [...new Set(found)].filter((p) => p.startsWith('data/')).sort();
    };
    await hits();
    expect(await hits()).toEqual(['data/customers.yaml', 'data/goals.yaml', 'data/products.yaml', 'data/targets/2026.yaml', 'data/team.yaml']);
    const customers = join(root, 'data/customers.yaml');
    writeFileSync(customers, `# edited\n${readFileSync(customers, 'utf8')}`);
    expect(await hits()).toEqual(['data/goals.yaml', 'data/products.yaml', 'data/targets/2026.yaml', 'data/team.yaml']);
  });
});
