/** `capaian new-month YYYY-MM`: a new month's folder of commented, empty files. */
import { mkdtemp, readdir, readFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/commands/compute.ts';
import { monthTemplate, newMonthCommand, nodeNewMonthEffects } from '../../src/commands/new-month.ts';
import { formatYaml } from '../../src/format/format-file.ts';
import { MONTH_KINDS, schemaOf } from '../../src/schema/file-kinds.ts';
import { validateRepo } from '../../src/validate/validate-repo.ts';
import { readTree } from '../support/repo.ts';

const VALID = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));

function fakeRepo(existing: string[] = ['data']) {
  const written = new Map<string, string>();
  const out: string[] = [];
  return {
    written,
    out,
    fx: {
      exists: async (path: string) => existing.includes(path) || written.has(path),
      write: async (path: string, text: string) => void written.set(path, text),
      out: (line: string) => void out.push(line),
    },
  };
}

describe('newMonthCommand', () => {
  it('creates the four month files, each comments only', async () => {
    const r = fakeRepo();
    expect(await newMonthCommand({ month: '2026-11', root: '.' }, r.fx)).toBe(0);
    expect([...r.written.keys()]).toEqual(['orders', 'leads', 'activities', 'surveys'].map((k) => `data/2026/11/${k}.yaml`));
    for (const [path, text] of r.written) {
      expect(text.split('\n').slice(0, -1).every((l) => l.startsWith('#')), path).toBe(true);
      expect(yaml.load(text, { schema: yaml.CORE_SCHEMA }), path).toBeNull(); // no records
    }
    expect(r.out).toEqual(['created data/2026/11/ with orders.yaml, leads.yaml, activities.yaml, surveys.yaml: no records yet, each with a commented example']);
  });

  it('writes an example of the month in canonical form (golden)', () => {
    expect(monthTemplate('orders', '2026-11')).toBe(
      [
        '# Orders of 2026-11: one record per order (a transaction) dated in the month.',
        '# No records yet: a file of comments only is an empty month. Add each record as a list',
        '# item starting in the first column, like the example below.',
        '#',
        '# - id: SO-2026-11-0001',
        '#   date: 2026-11-04',
        '#   customer: C0001',
        '#   rep: andi',
        '#   lines:',
        '#     - { sku: BEV-TEH-350, qty: 24, price: 5500 }',
        '#     - { sku: SNK-KRP-100, qty: 10, price: 12000, discount: 0.05, kind: cross-sell }',
        '#',
        '# Fields: README.md (Data layout) and src/schema/orders.ts. `capaian validate` checks',
        '# the file; `capaian fmt` puts it in canonical form.',
        '',
      ].join('\n'),
    );
  });

  it('makes files that validate (as an empty month) and that fmt leaves as they are', () => {
    const files = readTree(VALID);
    const added = MONTH_KINDS.map((k) => ({ path: `data/2026/04/${k}.yaml`, bytes: new TextEncoder().encode(monthTemplate(k, '2026-04')) }));
    const result = validateRepo([...files, ...added]);
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(result.summary.empty).toEqual(expect.arrayContaining(added.map((f) => f.path)));
    for (const k of MONTH_KINDS) {
      const text = monthTemplate(k, '2026-04');
      expect(formatYaml(text, k, k).text, k).toBe(text);
    }
  });

  it('gives examples that, uncommented, match the schema and are canonical', () => {
    for (const k of MONTH_KINDS) {
      // The example stands between the two lines that are a bare "#".
      const lines = monthTemplate(k, '2026-04').split('\n');
      const from = lines.indexOf('#');
      const to = lines.indexOf('#', from + 1);
      const uncommented = lines.map((l, i) => (i > from && i < to ? l.slice(2) : l)).join('\n');
      const value = yaml.load(uncommented, { schema: yaml.CORE_SCHEMA });
      expect(schemaOf[k].safeParse(value).success, `${k}:\n${uncommented}`).toBe(true);
      expect(formatYaml(uncommented, k, k).text, k).toBe(uncommented);
      for (const r of value as { id: string }[]) expect(r.id).toContain('2026-04');
    }
  });

  it('refuses when the month already has any of its files, writing nothing', async () => {
    const r = fakeRepo(['data', 'data/2026/03/leads.yaml', 'data/2026/03/surveys.yaml']);
    expect(await newMonthCommand({ month: '2026-03', root: '.' }, r.fx)).toBe(1);
    expect(r.written.size).toBe(0);
    expect(r.out).toEqual(['capaian new-month: data/2026/03/ already has leads.yaml, surveys.yaml; nothing written (add the month\'s records to the files there)']);
  });

  it('refuses outside a data repository', async () => {
    const r = fakeRepo([]);
    expect(await newMonthCommand({ month: '2026-03', root: '/somewhere' }, r.fx)).toBe(1);
    expect(r.written.size).toBe(0);
    expect(r.out[0]).toMatch(/^capaian new-month: no data\/ folder in \/somewhere; nothing written/);
  });

  it('throws a UsageError (exit 2) for a month that is not YYYY-MM', async () => {
    for (const month of ['2026-13', '2026-00', '2026-3', '26-03', 'March', '', '2026-03-01', '2026/03']) {
      const r = fakeRepo();
      await expect(newMonthCommand({ month, root: '.' }, r.fx), month).rejects.toThrow(UsageError);
      expect(r.written.size).toBe(0);
    }
    await expect(newMonthCommand({ month: '2026-3', root: '.' }, fakeRepo().fx)).rejects.toThrow('new-month needs a month as YYYY-MM, e.g. 2026-11; got "2026-3"');
  });

  it('creates the folders on disk and never overwrites a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'capaian-new-month-'));
    try {
      await mkdir(join(dir, 'data'));
      const out: string[] = [];
      expect(await newMonthCommand({ month: '2027-01', root: dir }, nodeNewMonthEffects(dir, (l) => out.push(l)))).toBe(0);
      expect((await readdir(join(dir, 'data/2027/01'))).sort()).toEqual(['activities.yaml', 'leads.yaml', 'orders.yaml', 'surveys.yaml']);
      expect(await readFile(join(dir, 'data/2027/01/surveys.yaml'), 'utf8')).toBe(monthTemplate('surveys', '2027-01'));
      expect(await newMonthCommand({ month: '2027-01', root: dir }, nodeNewMonthEffects(dir, (l) => out.push(l)))).toBe(1);
      await expect(nodeNewMonthEffects(dir).write('data/2027/01/orders.yaml', 'x')).rejects.toThrow(/EEXIST/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
