/**
 * `capaian diff` on a git repository built here: add a month, change a closed month, change a
 * KPI definition, break a file. Asserts the classified changes and the markdown (golden).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/commands/diff.ts';
import { readGitFiles } from '../../src/load/read-git.ts';
import { readRepoFiles } from '../../src/load/read-repo.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'valid');
const GOLDEN = join(import.meta.dirname, 'golden');
let repo: string;

const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '2026-11-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-11-01T00:00:00Z' } });
const write = (path: string, text: string) => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};
const commit = (message: string) => {
  git('add', '-A');
  git('-c', 'user.email=test@example.com', '-c', 'user.name=test', 'commit', '-q', '-m', message);
  git('tag', message);
};

async function diff(base: string, head: string | undefined, format: 'markdown' | 'json' = 'markdown') {
  let text = '';
  const code = await diffCommand(
    { base, ...(head ? { head } : {}), format, lang: 'en' },
    { readRef: async (ref) => readGitFiles(repo, ref), readWorkingTree: () => readRepoFiles(repo, ['data', 'kpis']), out: (t) => (text += t) },
  );
  return { code, text, json: format === 'json' ? JSON.parse(text) : null };
}

function golden(name: string, text: string) {
  const file = join(GOLDEN, `${name}.md`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
  }
  const expected = readFileSync(file, 'utf8');
  if (expected !== text) writeFileSync(join(GOLDEN, `${name}-changed.md`), text);
  expect(text).toBe(expected);
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'capaian-diff-'));
  cpSync(FIXTURE, repo, { recursive: true });
  git('init', '-q');
  commit('base');
  // A new month, April: one order from C1 (net 20000) and one survey.
  write('data/2026/04/orders.yaml', '- { id: SO-2, date: 2026-04-06, customer: C1, rep: andi, lines: [{ sku: TEH-1, qty: 4, price: 5000 }] }\n');
  write('data/2026/04/surveys.yaml', '- { id: S-2, date: 2026-04-10, customer: C1, score: 5 }\n');
  commit('add-april');
  // A correction to March, a closed month: SO-1's first line 10 -> 12 units.
  write('data/2026/03/orders.yaml', readFileSync(join(repo, 'data/2026/03/orders.yaml'), 'utf8').replace('qty: 10', 'qty: 12'));
  commit('restate-march');
  // A definition change: average transaction value by order lines instead of orders.
  write('kpis/average-transaction-value.yaml', readFileSync(join(repo, 'kpis/average-transaction-value.yaml'), 'utf8').replace('denominator: { count: { of: orders } }', 'denominator: { count: { of: order_lines } }'));
  commit('redefine-atv');
  // A broken file.
  write('data/2026/04/surveys.yaml', '- { id: S-2, date: 2026-04-10, customer: C1, score: 9 }\n');
  commit('broken');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('capaian diff', () => {
  it('files a new month under new periods, with nothing restated', async () => {
    const { code, json, text } = await diff('base', 'add-april', 'json');
    expect(code).toBe(0);
    expect(json.diff.newMonths).toEqual(['2026-04']);
    expect(json.diff.restatedMonths).toEqual([]);
    const kinds = new Set(json.diff.values.map((v: { kind: string }) => v.kind));
    expect([...kinds]).toEqual(['new-period']);
    const april = json.diff.values.find((v: { kpi: string; period: string }) => v.kpi === 'net-sales' && v.period === '2026-04');
    expect(april).toMatchObject({ before: null, after: 4 * 5000 });
    // The quarter grew by April: 66200 -> 86200.
    const q2 = json.diff.values.find((v: { kpi: string; period: string }) => v.kpi === 'net-sales' && v.period === '2026-Q2');
    expect(q2).toMatchObject({ kind: 'new-period', before: null, after: 20000 });
    expect(text).toContain('"computed": true');
  });

  it('says loudly that a closed month was restated, naming the file and record', async () => {
    const { json } = await diff('add-april', 'restate-march', 'json');
    expect(json.diff.newMonths).toEqual([]);
    expect(json.diff.restatedMonths).toEqual(['2026-03']);
    expect(json.diff.files).toEqual([{ file: 'data/2026/03/orders.yaml', status: 'modified', added: [], removed: [], changed: ['SO-1'] }]);
    const march = json.diff.values.find((v: { kpi: string; period: string }) => v.kpi === 'net-sales' && v.period === '2026-03');
    // 10 -> 12 units at 5000: +10000.
    expect(march).toMatchObject({ kind: 'restatement', before: 66200, after: 76200, change: 10000 });
    const { text } = await diff('add-april', 'restate-march');
    golden('restatement', text);
  });

  it('attributes value changes of a changed KPI file to its definition', async () => {
    const { json } = await diff('restate-march', 'redefine-atv', 'json');
    expect(json.diff.definitions).toEqual([{ kpi: 'average-transaction-value', file: 'kpis/average-transaction-value.yaml', status: 'modified', fields: ['formula'] }]);
    const march = json.diff.values.find((v: { kpi: string; period: string }) => v.kpi === 'average-transaction-value' && v.period === '2026-03');
    // One order of 76200 had two lines: per order 76200, per line 38100.
    expect(march).toMatchObject({ kind: 'definition', before: 76200, after: 76200 / 2 });
    expect(json.diff.values.every((v: { kind: string }) => v.kind === 'definition')).toBe(true);
  });

  it('puts a whole PR (month added, month restated, definition changed) in one comment', async () => {
    const { code, text } = await diff('base', 'redefine-atv');
    expect(code).toBe(0);
    expect(text.split('\n')[0]).toBe('**capaian**: 2026-04 added · ⚠️ 2026-03 restated (2 values) · 1 KPI definition changed');
    golden('whole-pr', text);
  });

  it('lists validation problems at head first, and exits 1 when nothing can be computed', async () => {
    const { code, text } = await diff('redefine-atv', 'broken');
    expect(code).toBe(1);
    expect(text.split('\n')[0]).toBe('**capaian**: ❌ 1 validation problem');
    expect(text).toContain('data/2026/04/surveys.yaml:1:53  score must be a whole score from 1 to 5, got 9');
    golden('broken', text);
  });

  it('reads the working tree as head when --head is omitted, without touching it', async () => {
    git('checkout', '-q', 'add-april');
    const { json } = await diff('base', undefined, 'json');
    expect(json.diff.newMonths).toEqual(['2026-04']);
    expect(git('status', '--porcelain')).toBe('');
  });
});
