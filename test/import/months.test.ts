/**
 * `--months FIRST..LAST` and `--all-months`: one export split by date into month files in one
 * run, each record in the month of its date in company time (the sample company is in
 * Asia/Jakarta, UTC+7), one validation, and nothing written on any error.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importCommand, monthSpanOf, writeAllOrNone, type ImportOptions } from '../../src/commands/import.ts';
import { UsageError } from '../../src/commands/compute.ts';
import { validateRepo } from '../../src/validate/validate-repo.ts';
import { formatIssue } from '../../src/issues/issue.ts';
import { MemoryRepo, sampleRepo } from './support.ts';

const opts = (o: Partial<ImportOptions> & Pick<ImportOptions, 'kind' | 'file'>): ImportOptions => ({ force: false, createMissing: false, root: '.', ...o });

function expectValid(repo: MemoryRepo) {
  expect(validateRepo(repo.sourceFiles()).issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual([]);
}

// Leads by field name. Times without an offset are company time; with one, they are moved to it.
const LEADS = [
  'id,created,name,source,rep,region',
  // 2026-10-31 16:59 UTC is 23:59 on 31 October in Jakarta: October, outside 2026-11..2026-12.
  'X-1,2026-10-31T16:59:00Z,Toko A,kunjungan,andi,jabodetabek',
  // 17:30 UTC on 31 October is 00:30 on 1 November in Jakarta: the first day of November.
  'X-2,2026-10-31T17:30:00Z,Toko B,kunjungan,andi,jabodetabek',
  // Midnight of 1 November and one minute before midnight of 30 November, company time.
  'X-3,2026-11-01T00:00,Toko C,kunjungan,andi,jabodetabek',
  'X-4,2026-11-30T23:59,Toko D,kunjungan,andi,jabodetabek',
  // 23:30 UTC on 30 November is 06:30 on 1 December in Jakarta.
  'X-5,2026-11-30T23:30:00Z,Toko E,kunjungan,andi,jabodetabek',
  'X-6,2026-12-31T23:59,Toko F,kunjungan,andi,jabodetabek',
  // 1 January 2027 in company time: outside.
  'X-7,2027-01-01T00:00,Toko G,kunjungan,andi,jabodetabek',
].join('\n');

const idsIn = (repo: MemoryRepo, path: string) => [...(repo.text(path) ?? '').matchAll(/^- id: (\S+)/gm)].map((m) => m[1]);

describe('--months splits an export by the month of each date in company time', () => {
  it('puts rows on the first and last day of each month in that month, and skips and counts the rest', async () => {
    const repo = sampleRepo().userFile('leads.csv', LEADS);
    expect(await importCommand(opts({ kind: 'leads', file: 'leads.csv', months: '2026-11..2026-12' }), repo.effects)).toBe(0);
    expect(repo.written).toEqual(['data/2026/11/leads.yaml', 'data/2026/12/leads.yaml']);
    expect(idsIn(repo, 'data/2026/11/leads.yaml')).toEqual(['X-2', 'X-3', 'X-4']);
    expect(idsIn(repo, 'data/2026/12/leads.yaml')).toEqual(['X-5', 'X-6']);
    // X-2 keeps its time as written, offset and all: in company time it is 00:30 on 1 November.
    expect(repo.text('data/2026/11/leads.yaml')).toContain('created: 2026-10-31T17:30:00Z');
    expect(repo.output[0]).toBe("leads.csv: 7 rows, 5 used for 2026-11..2026-12, 2 dated outside 2026-11..2026-12 skipped (the file's dates run from 2026-10-31 to 2027-01-01)");
    expect(repo.output[2]).toBe('wrote 2 month files, data/2026/11/leads.yaml to data/2026/12/leads.yaml: 5 leads');
    expectValid(repo);
  });

  it('writes the same files as one import per month, one after the other', async () => {
    const split = sampleRepo().userFile('leads.csv', LEADS);
    expect(await importCommand(opts({ kind: 'leads', file: 'leads.csv', months: '2026-11..2026-12' }), split.effects)).toBe(0);
    const single = sampleRepo().userFile('leads.csv', LEADS);
    for (const month of ['2026-11', '2026-12']) expect(await importCommand(opts({ kind: 'leads', file: 'leads.csv', month }), single.effects)).toBe(0);
    for (const path of ['data/2026/11/leads.yaml', 'data/2026/12/leads.yaml']) expect(split.text(path)).toBe(single.text(path));
  });

  it('--all-months writes every month from the first date to the last, an empty file for a month with none', async () => {
    const csv = ['id,created,name,source,rep,region', 'Y-1,2026-11-03T10:00,A,kunjungan,andi,jabodetabek', 'Y-2,2027-01-04T10:00,B,kunjungan,andi,jabodetabek'].join('\n');
    const repo = sampleRepo().userFile('leads.csv', csv);
    expect(await importCommand(opts({ kind: 'leads', file: 'leads.csv', allMonths: true }), repo.effects)).toBe(0);
    expect(repo.written).toEqual(['data/2026/11/leads.yaml', 'data/2026/12/leads.yaml', 'data/2027/01/leads.yaml']);
    expect(repo.text('data/2026/12/leads.yaml')).toBe('# Imported by capaian import leads from leads.csv, 2026-12.\n[]\n');
    expect(repo.output[0]).toBe('leads.csv: 2 rows, 2 used for the file');
    expect(repo.output.slice(2)).toEqual(['wrote 3 month files, data/2026/11/leads.yaml to data/2027/01/leads.yaml: 2 leads', '1 of them is empty (no leads dated in 2026-12)']);
  });

  it('numbers sequence ids month by month', async () => {
    const csv = ['created,name,source,rep,region', '2026-12-02T10:00,A,kunjungan,andi,jabodetabek', '2026-11-05T10:00,B,kunjungan,andi,jabodetabek', '2026-11-04T10:00,C,kunjungan,andi,jabodetabek'].join('\n');
    const repo = sampleRepo().userFile('leads.csv', csv).userFile('m.yaml', 'fields: { id: { sequence: "L-" }, created: created, name: name, source: source, rep: rep, region: region }\n');
    expect(await importCommand(opts({ kind: 'leads', file: 'leads.csv', months: '2026-11..2026-12', map: 'm.yaml' }), repo.effects)).toBe(0);
    expect(idsIn(repo, 'data/2026/11/leads.yaml')).toEqual(['L-2026-11-0001', 'L-2026-11-0002']);
    expect(repo.text('data/2026/11/leads.yaml')).toMatch(/L-2026-11-0001\n {2}created: 2026-11-04T10:00/);
    expect(idsIn(repo, 'data/2026/12/leads.yaml')).toEqual(['L-2026-12-0001']);
  });
});

describe('all or nothing', () => {
  it('writes no month when one row of one month is wrong, and says where', async () => {
    const bad = LEADS.replace('X-6,2026-12-31T23:59,Toko F,kunjungan,andi', 'X-6,2026-12-31T23:59,Toko F,kunjungan,zaki');
    const repo = sampleRepo().userFile('leads.csv', bad);
    expect(await importCommand(opts({ kind: 'leads', file: 'leads.csv', months: '2026-11..2026-12' }), repo.effects)).toBe(1);
    expect(repo.written).toEqual([]);
    expect(repo.output).toEqual(['leads.csv:7  rep (column "rep") "zaki" is not a known rep  (reps are listed in data/team.yaml)', '', '1 problem: nothing written']);
  });

  it('refuses when any month file exists, counting them, and writes nothing', async () => {
    const repo = sampleRepo().userFile('leads.csv', LEADS);
    expect(await importCommand(opts({ kind: 'leads', file: 'leads.csv', months: '2026-10..2026-12' }), repo.effects)).toBe(1);
    expect(repo.written).toEqual([]);
    expect(repo.output[0]).toMatch(/^data\/2026\/10\/leads.yaml {2}already exists {2}\(import --force replaces it/);
    const two = sampleRepo().userFile('leads.csv', LEADS);
    expect(await importCommand(opts({ kind: 'leads', file: 'leads.csv', months: '2026-11..2026-12' }), two.effects)).toBe(0);
    expect(await importCommand(opts({ kind: 'leads', file: 'leads.csv', allMonths: true }), two.effects)).toBe(1);
    expect(two.output.at(-2)).toMatch(/^data\/2026\/10\/leads.yaml {2}already exists, as do 2 other month files of the months imported {2}\(import --force replaces them/);
  });

  it('on disk: a file that cannot be written leaves nothing behind, neither new files nor staged ones', async () => {
    const root = mkdtempSync(join(tmpdir(), 'capaian-import-stage-'));
    dirs.push(root);
    mkdirSync(join(root, 'data', '2026'), { recursive: true });
    // A file where the folder of December should be: its month file cannot be written.
    writeFileSync(join(root, 'data', '2026', '12'), 'in the way');
    await expect(writeAllOrNone(root, [['data/2026/11/leads.yaml', 'a\n'], ['data/2026/12/leads.yaml', 'b\n']])).rejects.toThrow();
    expect(readdirSync(join(root, 'data', '2026')).sort()).toEqual(['11', '12']);
    expect(readdirSync(join(root, 'data', '2026', '11'))).toEqual([]);
    await writeAllOrNone(root, [['data/2026/11/leads.yaml', 'a\n'], ['data/2026/11/surveys.yaml', 'b\n']]);
    expect(readdirSync(join(root, 'data', '2026', '11')).sort()).toEqual(['leads.yaml', 'surveys.yaml']);
    expect(readFileSync(join(root, 'data', '2026', '11', 'surveys.yaml'), 'utf8')).toBe('b\n');
  });
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the months asked for', () => {
  it('takes one of --month, --months and --all-months, and says what is wrong otherwise', () => {
    expect(monthSpanOf({ month: '2026-03' })).toEqual({ from: '2026-03', to: '2026-03' });
    expect(monthSpanOf({ months: '2016-01..2019-12' })).toEqual({ from: '2016-01', to: '2019-12' });
    expect(monthSpanOf({ allMonths: true })).toBe('all');
    expect(() => monthSpanOf({})).toThrow(UsageError);
    expect(() => monthSpanOf({ month: '2026-03', allMonths: true })).toThrow('give one of --month, --months and --all-months, not --month and --all-months');
    expect(() => monthSpanOf({ months: '2019-12..2016-01' })).toThrow('--months runs backwards: 2019-12 is after 2016-01');
    expect(() => monthSpanOf({ months: '2016-1..2019-12' })).toThrow('--months must be FIRST..LAST');
  });
});
