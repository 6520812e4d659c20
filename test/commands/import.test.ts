import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCommand, type ImportOptions } from '../../src/commands/import.ts';
import { UsageError } from '../../src/commands/compute.ts';
import { validateRepo } from '../../src/validate/validate-repo.ts';
import { formatIssue } from '../../src/issues/issue.ts';
import { chunkOf, netOfChunk, recordsOfMonthFile, rowsOfChunk, rowsOfRecords } from '../support/month-records.ts';
import { MemoryRepo, sampleRepo } from '../import/support.ts';

const FIXTURES = new URL('../import/fixtures/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

const opts = (o: Partial<ImportOptions> & Pick<ImportOptions, 'kind' | 'file' | 'month'>): ImportOptions => ({ force: false, createMissing: false, root: '.', ...o });

/** The repository must still validate, with no errors, after an import. */
function expectValid(repo: MemoryRepo) {
  const v = validateRepo(repo.sourceFiles());
  expect(v.issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual([]);
  return v;
}

const netOf = (orders: { lines: { qty: number; price: number; discount: number }[] }[]) => orders.reduce((s, o) => s + o.lines.reduce((t, l) => t + l.qty * l.price * (1 - l.discount), 0), 0);

describe('import orders from an Indonesian spreadsheet export', () => {
  const run = async (repo: MemoryRepo, extra: Partial<ImportOptions> = {}) =>
    importCommand(opts({ kind: 'orders', file: 'penjualan-nov.csv', month: '2026-11', map: 'penjualan.map.yaml', ...extra }), repo.effects);
  const repoWithFiles = () => sampleRepo().userFile('penjualan-nov.csv', fixture('penjualan-nov.csv')).userFile('penjualan.map.yaml', fixture('penjualan.map.yaml'));

  it('reads semicolons, a BOM, CRLF, dd/mm/yyyy and rupiah amounts, and groups invoice lines into orders', async () => {
    const repo = repoWithFiles();
    expect(await run(repo, { createMissing: true })).toBe(0);
    expect(repo.written).toEqual(['data/2026/11/orders.yaml', 'data/products.yaml']);
    expect(repo.text('data/2026/11/orders.yaml')).toBe(
      [
        '# Imported by capaian import orders from penjualan-nov.csv with penjualan.map.yaml, 2026-11.',
        '- id: INV-2026-11-001',
        '  date: 2026-11-03',
        '  customer: C0001',
        '  rep: andi',
        '  lines:',
        '    - { sku: BEV-AIR-1500, qty: 24, price: 6500 }',
        '    - { sku: SNK-KRP-60, qty: 10, price: 7500, discount: 0.1 }',
        '- id: INV-2026-11-002',
        '  date: 2026-11-15',
        '  customer: C0002',
        '  rep: dewi',
        '  lines:',
        '    - { sku: BEV-BARU-1, qty: 12, price: 100000, discount: 0.05 }',
        '',
      ].join('\n'),
    );
    const v = expectValid(repo);
    const nov = v.data!.orders.find((f) => f.month === '2026-11')!;
    expect(nov.length).toBe(2);
    expect(netOfChunk(nov)).toBeCloseTo(156000 + 67500 + 1140000, 6);
    expect(netOf(recordsOfMonthFile(repo.files.get('data/2026/11/orders.yaml')!, 'orders'))).toBeCloseTo(156000 + 67500 + 1140000, 6);
    expect(repo.output).toEqual([
      'penjualan-nov.csv: 4 rows, 3 used for 2026-11, 1 dated outside 2026-11 skipped (the file\'s dates run from 2026-10-28 to 2026-11-15)',
      'numbers read 1.234.567,89 (the mapping), dates dd/mm/yyyy or yyyy-mm-dd (the mapping)',
      'wrote data/2026/11/orders.yaml: 2 orders, 3 lines, net sales 1,363,500 IDR',
      'added 1 product to data/products.yaml',
    ]);
  });

  it('adds a new product where it belongs in products.yaml, leaving every other line as it was', async () => {
    const repo = repoWithFiles();
    const before = repo.text('data/products.yaml')!.split('\n');
    await run(repo, { createMissing: true });
    const after = repo.text('data/products.yaml')!.split('\n');
    const at = after.indexOf('  - sku: BEV-BARU-1');
    expect(after.slice(at, at + 4)).toEqual(['  - sku: BEV-BARU-1', '    name: Teh Baru; Botol 1 L', '    category: minuman', '    tier: 1']);
    expect([...after.slice(0, at), ...after.slice(at + 4)]).toEqual(before);
    // In sku order: after the last BEV-AIR-… product, before the next one.
    expect(after[at - 5]! < '  - sku: BEV-BARU-1' && after[at + 4]! > '  - sku: BEV-BARU-1').toBe(true);
  });

  it('without --create-missing, names each unknown product once, at the first row that uses it', async () => {
    const repo = repoWithFiles();
    expect(await run(repo)).toBe(1);
    expect(repo.written).toEqual([]);
    expect(repo.output).toEqual([
      'penjualan-nov.csv:4  product "BEV-BARU-1" (column "Kode Barang") is not in data/products.yaml  (add it to data/products.yaml, or import again with --create-missing to add it from the CSV)',
      '',
      '1 problem: nothing written',
    ]);
  });

  it('refuses to overwrite a month that exists, and replaces it with --force', async () => {
    const repo = repoWithFiles();
    expect(await run(repo, { createMissing: true })).toBe(0);
    const first = repo.text('data/2026/11/orders.yaml');
    repo.written.length = 0;
    repo.output.length = 0;
    expect(await run(repo, { createMissing: true })).toBe(1);
    expect(repo.written).toEqual([]);
    expect(repo.output[0]).toBe('data/2026/11/orders.yaml  already exists  (import --force replaces it; to add to a month, import the month\'s whole export again with --force)');
    expect(await run(repo, { createMissing: true, force: true })).toBe(0);
    expect(repo.written).toEqual(['data/2026/11/orders.yaml']);
    expect(repo.text('data/2026/11/orders.yaml')).toBe(first);
    expectValid(repo);
  });

  it('writes an empty month file, and says so, when no row is dated in the month', async () => {
    const repo = repoWithFiles();
    expect(await run(repo, { month: '2026-12', createMissing: true })).toBe(0);
    expect(repo.text('data/2026/12/orders.yaml')).toBe('# Imported by capaian import orders from penjualan-nov.csv with penjualan.map.yaml, 2026-12.\n[]\n');
    expect(repo.output[2]).toBe('wrote data/2026/12/orders.yaml: 0 orders, 0 lines, net sales 0 IDR (an empty month file: no orders in 2026-12)');
  });
});

describe('import without a mapping', () => {
  it('reads columns by field name, numbers and dates the company locale\'s way (id-ID)', async () => {
    const csv = '\ufeffid;date;customer;rep;sku;qty;price;discount\r\nSO-X-1;4/11/2026;C0001;andi;BEV-AIR-1500;24;"6.500";\r\nSO-X-1;4/11/2026;C0001;andi;SNK-KRP-60;10;Rp 7.500;10%\r\nSO-X-2;2026-11-05;C0002;dewi;BEV-AIR-1500;2;6.500,50;0,05\r\n';
    const repo = sampleRepo().userFile('orders.csv', csv).userFile('formats.map.yaml', 'numbers: "1.234,5"\n');
    // "6.500" and "Rp 7.500" could be 6500 (id) or 6.5 (en): without a stated format they are refused (fixed: read as 6500 without a word).
    expect(await importCommand(opts({ kind: 'orders', file: 'orders.csv', month: '2026-11' }), repo.effects)).toBe(1);
    const hint = 'say how the CSV writes numbers in the mapping: numbers: "1.234,5" (id) or numbers: "1,234.5" (en); see docs/import.md';
    expect(repo.output).toEqual([
      `orders.csv:2  price (column "price"): "6.500" is ambiguous: 6500 written the id way (1.234,5), 6.5 the en way (1,234.5)  (${hint})`,
      `orders.csv:3  price (column "price"): "Rp 7.500" is ambiguous: 7500 written the id way (1.234,5), 7.5 the en way (1,234.5)  (${hint})`,
      '',
      '2 problems: nothing written',
    ]);
    expect(repo.written).toEqual([]);
    // A mapping that only states the number format: columns still read by field name.
    repo.output.length = 0;
    expect(await importCommand(opts({ kind: 'orders', file: 'orders.csv', month: '2026-11', map: 'formats.map.yaml' }), repo.effects)).toBe(0);
    const v = expectValid(repo);
    // What was written, read back; and validation read the same orders from it.
    const nov = recordsOfMonthFile(repo.files.get('data/2026/11/orders.yaml')!, 'orders');
    expect(rowsOfChunk(chunkOf(v.data!, 'orders', { month: '2026-11' })!)).toEqual(rowsOfRecords('orders', nov, v.data!.company.timezone));
    expect(nov.map((o) => [o.id, o.date, o.lines.map((l) => [l.sku, l.qty, l.price, l.discount])])).toEqual([
      ['SO-X-1', '2026-11-04', [['BEV-AIR-1500', 24, 6500, 0], ['SNK-KRP-60', 10, 7500, 0.1]]],
      ['SO-X-2', '2026-11-05', [['BEV-AIR-1500', 2, 6500.5, 0.05]]],
    ]);
    expect(repo.output[1]).toBe('columns read by field name; numbers read 1.234.567,89 (the mapping), dates dd/mm/yyyy or yyyy-mm-dd (company locale id-ID)');
  });

  it('says which required columns are missing', async () => {
    const repo = sampleRepo().userFile('orders.csv', 'id,date,customer\nA,01/11/2026,C0001\n');
    expect(await importCommand(opts({ kind: 'orders', file: 'orders.csv', month: '2026-11' }), repo.effects)).toBe(1);
    expect(repo.output.join('\n')).toMatch(/orders need a rep, and the mapping does not say where it comes from/);
  });
});

describe('problems in rows', () => {
  const map = [
    'kind: orders',
    'numbers: id',
    'dates: dd/mm/yyyy',
    'group_by: faktur',
    'fields: { id: faktur, date: tanggal, customer: pelanggan, rep: sales }',
    'lines: { sku: barang, qty: jumlah, price: harga }',
  ].join('\n');
  const csv = [
    'faktur;tanggal;pelanggan;sales;barang;jumlah;harga',
    'F1;01/11/2026;C0001;andi;BEV-AIR-1500;24;6.500', // fine
    'F2;31/11/2026;C0001;andi;BEV-AIR-1500;24;6.500', // no such day
    'F3;02/11/2026;C0001;andi;BEV-AIR-1500;dua;6.500', // qty not a number
    'F4;03/11/2026;C0001;zaki;BEV-AIR-1500;0;6.500', // unknown rep, qty 0
    'F5;04/11/2026;;andi;BEV-AIR-1500;1;6.500', // no customer
    'F6;05/11/2026;C0001;andi;BEV-AIR-1500;1;6,500.00', // number the en way
    'F1;01/11/2026;C0002;andi;BEV-AIR-1500;1;6.500', // same order, another customer
    'F7;"06/11/2026;C0001;andi;BEV-AIR-1500;1;6.500', // unbalanced quote: never closed
  ];

  it('reports a broken CSV at the line where the problem starts, and writes nothing', async () => {
    const repo = sampleRepo().userFile('f.csv', csv.join('\n') + '\n').userFile('m.yaml', map);
    expect(await importCommand(opts({ kind: 'orders', file: 'f.csv', month: '2026-11', map: 'm.yaml' }), repo.effects)).toBe(1);
    expect(repo.output[0]).toBe('f.csv:9  a quoted value is never closed: the file ends inside quotes  (a value that starts with " must end with "; write a " inside a value as "")');
    expect(repo.written).toEqual([]);
  });

  it('reports every bad row at once, at its CSV line with the column, and writes nothing', async () => {
    const repo = sampleRepo().userFile('f.csv', csv.slice(0, -1).join('\r\n') + '\r\n').userFile('m.yaml', map);
    expect(await importCommand(opts({ kind: 'orders', file: 'f.csv', month: '2026-11', map: 'm.yaml' }), repo.effects)).toBe(1);
    expect(repo.written).toEqual([]);
    expect(repo.output).toEqual([
      'f.csv:3  date (column "tanggal"): "31/11/2026" is not a real date (dd/mm/yyyy)  (check the day and the month; February has 28 days, 29 in leap years)',
      'f.csv:4  qty (column "jumlah"): "dua" is not a number written the id way (1.234.567,89)  (a number may carry a currency (Rp, IDR, $, USD) but no other words)',
      'f.csv:5  rep (column "sales") "zaki" is not a known rep  (reps are listed in data/team.yaml)',
      'f.csv:5  qty (column "jumlah") must be a positive integer, got 0  (the number of units, a whole number above 0)',
      'f.csv:6  customer (column "pelanggan") is empty  (every order needs a customer: fill the cell, or give a default: in the mapping)',
      'f.csv:7  price (column "harga"): "6,500.00" is not a number written the id way (1.234.567,89)  (it looks like commas group thousands and a point marks decimals: set numbers: en in the mapping)',
      'f.csv:8  customer (column "pelanggan") is "C0002" here but "C0001" on line 2, the first row of the same order  (rows with the same faktur are the lines of one order and share its date, customer, rep)',
      '',
      '7 problems: nothing written',
    ]);
  });
});

describe('surveys from a form export', () => {
  it('numbers ids in date order, maps answers to scores, reads date-times', async () => {
    const csv = [
      'Timestamp,Kode Pelanggan,Seberapa puas Anda?,Komentar',
      '"20/11/2026 14:05:11",C0002,Sangat puas,"Cepat, ramah"',
      '"03/11/2026 09:00:00",C0001,Biasa saja,',
      '"30/10/2026 08:00:00",C0001,Puas,',
    ].join('\n');
    const map = [
      'kind: surveys',
      'fields:',
      '  id: { sequence: S- }',
      '  date: Timestamp',
      '  customer: Kode Pelanggan',
      '  score:',
      '    column: Seberapa puas Anda?',
      '    map: { Sangat tidak puas: 1, Tidak puas: 2, Biasa saja: 3, Puas: 4, Sangat puas: 5 }',
      '    unmapped: error',
      '  comment: Komentar',
    ].join('\n');
    const repo = sampleRepo().userFile('form.csv', csv).userFile('survey.map.yaml', map);
    expect(await importCommand(opts({ kind: 'surveys', file: 'form.csv', month: '2026-11', map: 'survey.map.yaml' }), repo.effects)).toBe(0);
    expect(repo.text('data/2026/11/surveys.yaml')).toBe(
      [
        '# Imported by capaian import surveys from form.csv with survey.map.yaml, 2026-11.',
        '- id: S-2026-11-0001',
        '  date: 2026-11-03',
        '  customer: C0001',
        '  score: 3',
        '- id: S-2026-11-0002',
        '  date: 2026-11-20',
        '  customer: C0002',
        '  score: 5',
        '  comment: Cepat, ramah',
        '',
      ].join('\n'),
    );
    expect(repo.output).toContain('wrote data/2026/11/surveys.yaml: 2 surveys, average score 4.00');
    expectValid(repo);
  });

  it('reports an answer the map does not list', async () => {
    const repo = sampleRepo()
      .userFile('form.csv', 'Waktu,Pelanggan,Nilai\n03/11/2026,C0001,Luar biasa\n')
      .userFile('m.yaml', 'kind: surveys\nfields:\n  id: { sequence: S- }\n  date: Waktu\n  customer: Pelanggan\n  score: { column: Nilai, map: { Puas: 4, Sangat puas: 5 }, unmapped: error }\n');
    expect(await importCommand(opts({ kind: 'surveys', file: 'form.csv', month: '2026-11', map: 'm.yaml' }), repo.effects)).toBe(1);
    expect(repo.output[0]).toBe('form.csv:2  score (column "Nilai"): "Luar biasa" is not listed in its map  (add it under fields.score.map in m.yaml)');
  });
});

describe('problems in the mapping', () => {
  const csv = 'id,date,customer,rep,sku,qty,price\nA,01/11/2026,C0001,andi,BEV-AIR-1500,1,6500\n';

  it('points at the line of a misspelt key or an unknown column, with a suggestion', async () => {
    const map = ['kind: orders', 'fields:', '  id: id', '  date: { column: tangal }', '  customer: customer', '  rep: { column: rep, slugg: true }', 'lines: { sku: sku, qty: qty, price: price }'].join('\n');
    const repo = sampleRepo().userFile('o.csv', csv).userFile('m.yaml', map);
    expect(await importCommand(opts({ kind: 'orders', file: 'o.csv', month: '2026-11', map: 'm.yaml' }), repo.effects)).toBe(1);
    expect(repo.output[0]).toBe('m.yaml:6:23  fields.rep.slugg is not a known field  (did you mean "slug"?)');

    const map2 = map.replace('slugg', 'slug').replace('tangal', 'dat');
    repo.userFile('m2.yaml', map2);
    repo.output.length = 0;
    expect(await importCommand(opts({ kind: 'orders', file: 'o.csv', month: '2026-11', map: 'm2.yaml' }), repo.effects)).toBe(1);
    expect(repo.output[0]).toBe('m2.yaml:4:19  "dat" is not a column of o.csv  (did you mean "date"?)');
  });

  it('refuses a mapping for another kind, and a month that is not YYYY-MM, as usage errors', async () => {
    const repo = sampleRepo().userFile('o.csv', csv).userFile('m.yaml', 'kind: leads\n');
    await expect(importCommand(opts({ kind: 'orders', file: 'o.csv', month: '2026-11', map: 'm.yaml' }), repo.effects)).rejects.toThrow(UsageError);
    await expect(importCommand(opts({ kind: 'orders', file: 'o.csv', month: '11/2026' }), repo.effects)).rejects.toThrow('--month must be a month YYYY-MM, got "11/2026"');
    await expect(importCommand(opts({ kind: 'sales', file: 'o.csv', month: '2026-11' }), repo.effects)).rejects.toThrow('import needs a kind');
    await expect(importCommand(opts({ kind: 'orders', file: 'nope.csv', month: '2026-11' }), repo.effects)).rejects.toThrow('cannot read the CSV nope.csv: no such file');
  });
});
