/**
 * `capaian diff` on a git repository built here: add a month, change a closed month, change a
 * KPI definition, break a file; and, each on a branch of its own from the April commit, the
 * restatements that come through shared files (holidays, customers' regions and owners, a
 * closed month's target), a new lint, files validation ignores and hostile text. Asserts the
 * classified changes and the markdown (golden).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/commands/diff.ts';
import { recordingEffects } from '../../src/commands/effects.ts';
import { readGitFiles } from '../../src/load/read-git.ts';
import { readRepoFiles } from '../../src/load/read-repo.ts';
import { expectGolden } from '../support/golden.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'valid');
const GOLDEN = join(import.meta.dirname, '..', 'diff', 'golden');
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
    { ...recordingEffects(), readRef: async (ref) => readGitFiles(repo, ref), readWorkingTree: () => readRepoFiles(repo, ['data', 'kpis']), out: (t) => void (text += t) },
  );
  return { code, text, json: format === 'json' ? JSON.parse(text) : null };
}

/** The markdown against test/diff/golden/<name>.md (test/support/golden.ts: UPDATE_GOLDEN=1 rewrites it). */
const golden = (name: string, text: string) => expectGolden(join(GOLDEN, `${name}.md`), text);

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'capaian-diff-'));
  cpSync(FIXTURE, repo, { recursive: true });
  // Orders per working day: a KPI that reads company.yaml's calendar. March 2026 has 22 weekdays less
  // the holiday of 20 March: 21 working days, one order.
  write('kpis/orders-per-day.yaml', ORDERS_PER_DAY);
  // A target for March, a closed month at the April commit: net sales 60000 (66200 is on track).
  write('data/targets/2026.yaml', '- { kpi: net-sales, period: 2026-03, value: 60000 }\n');
  git('init', '-q');
  git('checkout', '-q', '-b', 'main');
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

  // Each on a branch of its own from April: one shared file changed.
  const branch = (name: string, change: () => void) => {
    git('checkout', '-q', '-b', `b-${name}`, 'add-april');
    change();
    commit(name);
  };
  branch('holidays', () => write('data/company.yaml', readFileSync(join(repo, 'data/company.yaml'), 'utf8').replace('  - { date: 2026-03-20, name: Idul Fitri }\n', '  - { date: 2026-03-20, name: Idul Fitri }\n  - { date: 2026-03-09, name: Cuti bersama }\n  - { date: 2026-03-10, name: Cuti bersama }\n  - { date: 2026-03-11, name: Cuti bersama }\n')));
  branch('regions', () => write('data/customers.yaml', readFileSync(join(repo, 'data/customers.yaml'), 'utf8').replace('region: jakarta', 'region: bandung')));
  branch('owners', () => write('data/customers.yaml', readFileSync(join(repo, 'data/customers.yaml'), 'utf8').replace('owner: andi', 'owner: budi')));
  branch('target', () => write('data/targets/2026.yaml', '- { kpi: net-sales, period: 2026-03, value: 90000 }\n'));
  // A KPI that serves no goal: a definition added and a new lint.
  branch('lint', () => write('kpis/units-sold.yaml', UNITS_SOLD));
  // Files validation does not read: a README, dotfiles in a month folder, one with a newline in its name.
  branch('ignored', () => {
    write('data/README.md', '# notes @octocat #1\n');
    write('data/2026/03/.notes.yaml', '- { id: X-1 }\n');
    write('data/2026/03/.x\n@octocat #1.yaml', '- { id: X-2 }\n');
  });
  // Hostile text from the data: a KPI title and a rep's name that would link, mention and reference.
  branch('hostile', () => {
    write('kpis/net-sales.yaml', readFileSync(join(repo, 'kpis/net-sales.yaml'), 'utf8').replace('en: Net Sales }', 'en: "https://evil.example/x www.evil.example @octocat #1 GH-2 owner/repo#3 <b>x</b> | *y* `z` deadbeef1234" }'));
    write('data/team.yaml', readFileSync(join(repo, 'data/team.yaml'), 'utf8').replace('name: Andi Wijaya', 'name: "Andi @octocat ```x``` #1"'));
    write('data/2026/03/orders.yaml', readFileSync(join(repo, 'data/2026/03/orders.yaml'), 'utf8').replace('qty: 10', 'qty: 11'));
  });
  // A weekly KPI, then SO-1 moved a week on within March (Monday 2 March, 2026-W10, to Monday 9 March,
  // 2026-W11), then a target for 2026-W11.
  branch('weekly', () => write('kpis/orders-weekly.yaml', ORDERS_WEEKLY));
  write('data/2026/03/orders.yaml', readFileSync(join(repo, 'data/2026/03/orders.yaml'), 'utf8').replace('date: 2026-03-02', 'date: 2026-03-09'));
  commit('weekly-move');
  write('data/targets/2026.yaml', readFileSync(join(repo, 'data/targets/2026.yaml'), 'utf8') + '- { kpi: orders-weekly, period: 2026-W11, value: 2 }\n');
  commit('weekly-target');
  git('checkout', '-q', 'main');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

const ORDERS_PER_DAY = `id: orders-per-day
title: { id: Pesanan per Hari Kerja, en: Orders per Working Day }
description:
  id: Jumlah pesanan pada periode itu dibagi hari kerja perusahaan (hari kerja menurut company.yaml, dikurangi hari libur).
  en: Orders in the period divided by the company's working days (the working days of company.yaml, less holidays).
group: volume
unit: per-day
direction: higher
frequency: monthly
goal: grow-sales
owner: Sales Ops
formula:
  per_working_day: { of: { count: { of: orders } } }
breakdowns: []
`;

const ORDERS_WEEKLY = `id: orders-weekly
title: { id: Jumlah Pesanan, en: Orders }
description:
  id: Jumlah pesanan pada periode itu, menurut tanggal pesanan.
  en: The number of orders in the period, by order date.
group: volume
unit: count
direction: higher
grains: [week, month, quarter, year]
frequency: weekly
goal: grow-sales
owner: Sales Ops
formula:
  count: { of: orders }
breakdowns: []
`;

const UNITS_SOLD = `id: units-sold
title: { id: Unit Terjual, en: Units Sold }
description:
  id: Jumlah unit pada semua baris pesanan pada periode itu.
  en: Units on every order line in the period.
group: volume
unit: count
direction: higher
frequency: monthly
owner: Sales Ops
formula:
  sum: { of: order_lines, field: qty }
breakdowns: []
`;

type Row = { kind: string; kpi: string; grain: string; period: string; breakdown?: string; member?: string; before: number | null; after: number | null; targetBefore: number | null; targetAfter: number | null; statusBefore: string | null; statusAfter: string | null };
const find = (rows: Row[], q: Partial<Row>) => rows.filter((r) => Object.entries(q).every(([k, v]) => r[k as keyof Row] === v));

describe('capaian diff', () => {
  it('files a new month under new periods, with nothing restated', async () => {
    const { code, json, text } = await diff('base', 'add-april', 'json');
    expect(code).toBe(0);
    expect(json.diff.newMonths).toEqual(['2026-04']);
    expect(json.diff.restatedMonths).toEqual([]);
    const kinds = new Set(json.diff.values.map((v: { kind: string }) => v.kind));
    expect([...kinds].sort()).toEqual(['new-period', 'open-period']);
    // The year 2026 existed at the base (January to March) and was not final: it grew with April.
    expect(find(json.diff.values, { kpi: 'net-sales', period: '2026', breakdown: undefined })).toMatchObject([{ kind: 'open-period', before: 66200, after: 86200 }]);
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
    // Breakdown members are compared too: Jakarta's March moved by the same 10000.
    expect(find(json.diff.values, { kpi: 'net-sales', period: '2026-03', breakdown: 'region', member: 'jakarta' })).toMatchObject([{ kind: 'restatement', before: 66200, after: 76200 }]);
    const { text } = await diff('add-april', 'restate-march');
    expect(text.split('\n')[0]).toMatch(/^\*\*capaian\*\*: ⚠️ \*\*RESTATED: 2026-03\*\* \(\d+ values\)/);
    await golden('restatement', text);
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
    expect(text.split('\n')[0]).toMatch(/^\*\*capaian\*\*: ⚠️ \*\*RESTATED: 2026-03\*\* \(\d+ values\) · 2026-04 added · 1 KPI definition changed · \d+ new lints$/);
    await golden('whole-pr', text);
  });

  it('lists validation problems at head first, and exits 1 when nothing can be computed', async () => {
    const { code, text } = await diff('redefine-atv', 'broken');
    expect(code).toBe(1);
    expect(text.split('\n')[0]).toBe('**capaian**: ❌ 1 validation problem');
    expect(text).toContain('data/2026/04/surveys.yaml:1:53  score must be a whole score from 1 to 5, got 9');
    await golden('broken', text);
  });

  it('reads the working tree as head when --head is omitted, without touching it', async () => {
    git('checkout', '-q', 'add-april');
    const { json } = await diff('base', undefined, 'json');
    expect(json.diff.newMonths).toEqual(['2026-04']);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('restates a closed month when company.yaml gains holidays, and names the file with a summary', async () => {
    const { json } = await diff('add-april', 'holidays', 'json');
    expect(json.diff.sharedFiles).toEqual([{ file: 'data/company.yaml', status: 'modified', summary: [{ action: 'added', subject: 'holidays', count: 3 }] }]);
    expect(json.diff.files.map((f: { file: string }) => f.file)).toEqual(['data/company.yaml']);
    expect(json.diff.restatedMonths).toEqual(['2026-03']);
    // One order over 21 working days, then over 18.
    expect(find(json.diff.values, { kpi: 'orders-per-day', grain: 'month', period: '2026-03' })).toMatchObject([{ kind: 'restatement', before: 1 / 21, after: 1 / 18 }]);
    expect(json.diff.values.filter((v: Row) => v.kind === 'new-period')).toEqual([]);
    const { text } = await diff('add-april', 'holidays');
    expect(text.split('\n')[0]).toContain('⚠️ **RESTATED: 2026-03**');
    expect(text).toContain('- <code>data/company.yaml</code>: 3 holidays added');
    await golden('holidays', text);
  });

  it('restates breakdown members when customers move region, with nothing else changed', async () => {
    const { json, text } = await diff('add-april', 'regions', 'json').then(async (r) => ({ ...r, text: (await diff('add-april', 'regions')).text }));
    expect(json.diff.sharedFiles).toEqual([{ file: 'data/customers.yaml', status: 'modified', summary: [{ action: 'changed', subject: 'customers', count: 1, field: 'region' }] }]);
    // The totals did not move; Jakarta's March went to Bandung.
    expect(find(json.diff.values, { kpi: 'net-sales', grain: 'month', period: '2026-03' }).map((r) => [r.breakdown, r.member, r.before, r.after, r.kind])).toEqual([
      ['region', 'bandung', null, 66200, 'restatement'],
      ['region', 'jakarta', 66200, null, 'restatement'],
    ]);
    // C1 ordered in April too, a month the base already had.
    expect(text.split('\n')[0]).toContain('⚠️ **RESTATED: 2026-03, 2026-04**');
    expect(text).toContain('- <code>data/customers.yaml</code>: 1 customer changed region');
    await golden('regions', text);
  });

  it('summarises a change of account owner as an ownership change', async () => {
    const { json } = await diff('add-april', 'owners', 'json');
    expect(json.diff.sharedFiles[0].summary).toEqual([{ action: 'changed', subject: 'customers', count: 1, field: 'owner' }]);
    const { text } = await diff('add-april', 'owners');
    expect(text).toContain('1 customer changed owner');
    const id = await diffIn('id', 'add-april', 'owners');
    expect(id).toContain('1 pelanggan berganti pemilik');
  });

  it('files a closed month whose target changed under "Targets changed", with the status it decides', async () => {
    const { json } = await diff('add-april', 'target', 'json');
    const rows = find(json.diff.values, { kpi: 'net-sales', grain: 'month', period: '2026-03' });
    // 66200 against 60000 is on track; against 90000 (73.6 %) it is off track under the default bands.
    expect(rows).toMatchObject([{ kind: 'target', before: 66200, after: 66200, targetBefore: 60000, targetAfter: 90000, statusBefore: 'on-track' }]);
    expect(rows[0]!.statusAfter).not.toBe('on-track');
    expect(json.diff.values.every((v: Row) => v.kind === 'target')).toBe(true);
    const { text } = await diff('add-april', 'target');
    expect(text.split('\n')[0]).toContain('🎯 targets changed: 2026-03');
    expect(text).toContain('### 🎯 Targets changed');
    expect(text).toContain('- <code>data/targets/2026.yaml</code>: 1 target changed');
  });

  it("shows the head's lints that the base did not have", async () => {
    const { json, text } = await diff('add-april', 'lint', 'json').then(async (r) => ({ ...r, text: (await diff('add-april', 'lint')).text }));
    expect(json.diff.newLints.map((l: { code: string; kpi: string }) => [l.code, l.kpi])).toContainEqual(['no-goal', 'units-sold']);
    expect(json.diff.newLints.some((l: { kpi?: string }) => l.kpi === 'net-sales')).toBe(false);
    expect(text).toContain('### New lints');
    expect(text).toContain('KPI Units Sold serves no goal');
  });

  it("gives a weekly KPI's moved weeks one line under the restatement, not a row per week", async () => {
    const { json } = await diff('weekly', 'weekly-move', 'json');
    // The month holds the same one order: only the weeks moved (the month file still says which month).
    expect(json.diff.restatedMonths).toEqual(['2026-03']);
    expect(find(json.diff.values, { kpi: 'orders-weekly' })).toEqual([]);
    expect(json.diff.weeks.map((v: Row) => [v.kind, v.period, v.before, v.after])).toEqual([
      ['restatement', '2026-W10', 1, 0],
      ['restatement', '2026-W11', 0, 1],
    ]);
    const { text } = await diff('weekly', 'weekly-move');
    expect(text.split('\n')[0]).toBe('**capaian**: ⚠️ **RESTATED: 2026-03** (2 values)');
    expect(text).toContain('**Weeks of weekly KPIs that moved:**\n\n- Orders: 2026-W10 (1 → 0), 2026-W11 (0 → 1)');
    expect(text).not.toMatch(/^\| Orders \| 2026-W/m);
    await golden('weeks', text);
    expect(await diffIn('id', 'weekly', 'weekly-move')).toContain('**Minggu KPI mingguan yang bergerak:**\n\n- Jumlah Pesanan: 2026-W10 (1 → 0), 2026-W11 (0 → 1)');
  });

  it("files a week's own target under targets, on the weekly KPI's line", async () => {
    const { json, text } = await diff('weekly-move', 'weekly-target', 'json').then(async (r) => ({ ...r, text: (await diff('weekly-move', 'weekly-target')).text }));
    // No March target to prorate before; one order against 2 is 50 %: off track.
    expect(json.diff.weeks).toMatchObject([{ kind: 'target', period: '2026-W11', before: 1, after: 1, targetBefore: null, targetAfter: 2, statusBefore: null, statusAfter: 'off-track' }]);
    expect(text.split('\n')[0]).toContain('🎯 targets changed: 2026-W11 (1 value)');
    expect(text).toContain('### 🎯 Targets changed');
    expect(text).toContain('- Orders: 2026-W11 (Target – → 2)');
  });

  it('lists only files validation reads: no README, no dotfile, no name with a newline', async () => {
    const { json, text } = await diff('add-april', 'ignored', 'json').then(async (r) => ({ ...r, text: (await diff('add-april', 'ignored')).text }));
    expect(json.diff.files).toEqual([]);
    expect(json.diff.sharedFiles).toEqual([]);
    expect(json.diff.values).toEqual([]);
    expect(text).toBe('**capaian**: no KPI changes');
  });

  it('renders every string from the data inert: no link, mention, reference, markup or line break', async () => {
    const { text } = await diff('add-april', 'hostile');
    // No mention, issue reference or URL GitHub would link, and no raw HTML or code span from the data.
    expect(text).not.toMatch(/(^|[^\w\u200d])@[a-z0-9]/i);
    expect(text).not.toMatch(/#\d/);
    expect(text).not.toMatch(/\bGH-\d/i);
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toMatch(/\bwww\./);
    expect(text).not.toMatch(/<b>/);
    expect(text).not.toMatch(/[0-9a-f]{7}/i);
    // Every table row keeps its six cells: a | from the data is escaped.
    for (const line of text.split('\n').filter((l) => l.startsWith('| '))) expect(line.replace(/\\\|/g, '').split('|').length).toBe(8);
    await golden('hostile', text);
  });

  it('keeps the comment within its budget: summary and every heading, tables cut with a note, <details> closed', async () => {
    const fx = recordingEffects();
    await diffCommand(
      { base: 'base', head: 'redefine-atv', format: 'markdown', lang: 'en', budget: 1500, outFull: 'full.md' },
      { ...fx, readRef: async (ref) => readGitFiles(repo, ref), readWorkingTree: () => readRepoFiles(repo, ['data', 'kpis']) },
    );
    const text = fx.stdout.join('\n');
    // The whole report goes through the effects' writeFile, to the path --out-full names.
    expect([...fx.files.keys()]).toEqual(['full.md']);
    const full = fx.files.get('full.md')!;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1500);
    for (const h of ['**capaian**: ⚠️ **RESTATED: 2026-03**', '### ⚠️ Closed periods changed (restatement)', '### KPI definitions changed', '### New month 2026-04']) expect(text).toContain(h);
    expect(text).toMatch(/\d+ more rows?, see the artifact/);
    expect(text.split('<details>').length).toBe(text.split('</details>').length);
    // The full report holds every row and no note.
    expect(full).not.toMatch(/see the artifact/);
    expect(full.length).toBeGreaterThan(text.length);
    expect(full.split('<details>').length).toBe(full.split('</details>').length);
  });
});

async function diffIn(lang: 'id' | 'en', base: string, head: string) {
  let text = '';
  await diffCommand({ base, head, format: 'markdown', lang }, { ...recordingEffects(), readRef: async (ref) => readGitFiles(repo, ref), readWorkingTree: () => readRepoFiles(repo, ['data', 'kpis']), out: (t) => void (text += t) });
  return text;
}
