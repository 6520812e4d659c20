import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvTable } from '../../src/import/csv.ts';
import { mapRows, type MapInput } from '../../src/import/map-rows.ts';
import { mappingSchema, type Mapping } from '../../src/import/mapping.ts';
import type { MonthKind } from '../../src/schema/file-kinds.ts';

const table = (text: string, file = 'in.csv'): CsvTable => parseCsv(text, file).table!;

function run(kind: MonthKind, csv: string, mapping: unknown, extra: Partial<MapInput> = {}) {
  const m = mappingSchema(kind).parse(mapping) as Mapping;
  return mapRows({
    kind,
    month: '2026-03',
    table: table(csv),
    joins: [],
    mapping: m,
    mapFile: 'm.yaml',
    formats: { dates: m.dates ?? 'dd/mm/yyyy', numbers: m.numbers ?? 'id' },
    timezone: 'Asia/Jakarta',
    customers: new Set(['C1', 'C2']),
    products: new Set(['P1']),
    createMissing: false,
    ...extra,
  });
}

describe('where', () => {
  it('keeps the rows that meet every condition and counts the others', () => {
    const csv = 'id,tgl,status,pelanggan\nL1,01/03/2026,Won,C1\nL2,02/03/2026,Lost,C1\nL3,03/03/2026,Won,\nL4,01/04/2026,Won,C2\n';
    const r = run('surveys', csv, { where: { status: 'Won', pelanggan: { empty: false } }, fields: { id: 'id', date: 'tgl', customer: 'pelanggan', score: 5 } });
    expect(r.made.map((m) => m.record.id)).toEqual(['L1']);
    expect(r.counts).toMatchObject({ rows: 4, filtered: 2, outside: 1, used: 1, first: '2026-03-01', last: '2026-04-01' });
  });

  it('takes lists and in/not', () => {
    const csv = 's\nA\nB\nC\n';
    const ids = (where: unknown) => run('surveys', csv, { where, fields: { id: 's', date: { value: '2026-03-01' }, customer: { value: 'C1' }, score: 5 } }).made.map((m) => m.record.id);
    expect(ids({ s: ['A', 'C'] })).toEqual(['A', 'C']);
    expect(ids({ s: { not: ['A'] } })).toEqual(['B', 'C']);
    expect(ids({ s: { in: ['A', 'B'], not: ['B'] } })).toEqual(['A']);
  });
});

describe('records: several records from one row', () => {
  const csv = 'opp,agent,stage,engaged,closed\nX1,Andi,Won,2026-02-20,2026-03-05\nX2,Andi,Lost,2026-03-02,2026-03-09\nX3,Andi,Engaging,2026-03-10,\nX4,Andi,Prospecting,,\n';
  const mapping = {
    records: [
      { where: { engaged: { empty: false } }, fields: { id: { column: 'opp', prefix: 'C-' }, at: { column: 'engaged', time: '09:00' }, type: { value: 'contact' }, rep: { column: 'agent', case: 'lower' }, lead: 'opp' } },
      { where: { stage: ['Won', 'Lost'] }, fields: { id: { column: 'opp', prefix: 'Z-' }, at: { column: 'closed', time: '17:00' }, type: { column: 'stage', map: { Won: 'won', Lost: 'lost' } }, rep: { column: 'agent', case: 'lower' }, lead: 'opp' } },
    ],
  };

  it('places each record in the month of its own date, in date order', () => {
    const r = run('activities', csv, mapping);
    expect(r.made.map((m) => [m.record.id, m.record.at, m.record.type, m.line])).toEqual([
      ['C-X2', '2026-03-02T09:00', 'contact', 3],
      ['Z-X1', '2026-03-05T17:00', 'won', 2],
      ['Z-X2', '2026-03-09T17:00', 'lost', 3],
      ['C-X3', '2026-03-10T09:00', 'contact', 4],
    ]);
    // X1's contact is in February; X4 has no date at all.
    expect(r.counts).toMatchObject({ rows: 4, used: 3, outside: 0, filtered: 1 });
    expect(r.rowIssues).toEqual([]);
  });
});

describe('dates and times', () => {
  it('places a date-time with an offset by its company-time day', () => {
    const csv = 'id,at\nA,2026-03-31T20:00Z\nB,2026-03-31T16:00Z\n';
    const r = run('leads', csv, { fields: { id: 'id', created: 'at', source: { value: 'web' }, rep: { value: 'andi' }, region: { value: 'jakarta' } } });
    // 20:00 UTC is 03:00 on 1 April in Jakarta (UTC+7): not March.
    expect(r.made.map((m) => m.record.id)).toEqual(['B']);
    expect(r.counts.outside).toBe(1);
  });

  it('reads Excel serial dates', () => {
    const r = run('surveys', 'd,c\n46085,C1\n', { dates: 'excel', fields: { id: { sequence: 'S-' }, date: 'd', customer: 'c', score: 4 } });
    expect(r.made[0]!.record).toEqual({ id: 'S-2026-03-0001', date: '2026-03-04', customer: 'C1', score: 4 });
  });
});

describe('field: sources', () => {
  it('reads another field of the record, after its own steps', () => {
    const csv = 'id,tgl,sales\nA,01/03/2026,Andi Wijaya\n';
    const r = run('leads', csv, { fields: { id: 'id', created: 'tgl', source: { value: 'web' }, rep: { column: 'sales', slug: true, case: 'lower' }, region: { field: 'rep', map: { 'andi-wijaya': 'jakarta' } } } });
    expect(r.made[0]!.record).toMatchObject({ rep: 'andi-wijaya', region: 'jakarta' });
  });

  it('reports fields that come from each other', () => {
    const r = run('leads', 'id,tgl\nA,01/03/2026\n', { fields: { id: 'id', created: 'tgl', source: { value: 'web' }, rep: { field: 'region' }, region: { field: 'rep' } } });
    expect(r.rowIssues[0]!.message).toMatch(/comes from itself/);
  });
});

describe('joins', () => {
  const teams = 'agent,office\nAndi,Central\nBudi,East\nBudi,West\n';
  const join = (csv: string) =>
    run(
      'leads',
      csv,
      { join: [{ file: 'teams.csv', as: 'team', key: 'agent', match: 'sales' }], fields: { id: 'id', created: 'tgl', source: { value: 'web' }, rep: { column: 'sales', case: 'lower' }, region: { column: 'team.office', case: 'lower' } } },
      { joins: [{ table: table(teams, 'teams.csv'), spec: { file: 'teams.csv', as: 'team', key: 'agent', match: 'sales' }, at: ['join', 0] }] },
    );

  it('reads a joined file\'s columns as <as>.<column>', () => {
    const r = join('id,tgl,sales\nA,01/03/2026,Andi\n');
    expect(r.made[0]!.record).toMatchObject({ rep: 'andi', region: 'central' });
  });

  it('says when the joined file has no row for the value, and when its key is not unique', () => {
    const r = join('id,tgl,sales\nA,01/03/2026,Citra\n');
    expect(r.rowIssues).toEqual([
      { file: 'teams.csv', line: 4, message: 'agent "Budi" appears twice (first on line 3)', hint: 'teams.csv is joined by agent, so each value may be there once' },
      { file: 'in.csv', line: 2, message: 'region (column "team.office") is empty', hint: 'no row of teams.csv has agent "Citra"' },
    ]);
  });
});

describe('the mapping is checked against the CSV', () => {
  it('names unknown columns with a suggestion, and required fields with no source', () => {
    const r = run('orders', 'id,date,customer\n', { fields: { id: 'id', date: 'dat', customer: 'customer' }, lines: { sku: 'sku', qty: 1, price: 1 } });
    expect(r.mapIssues.map((i) => [i.at.join('.'), i.message, i.hint])).toEqual([
      ['fields.date', '"dat" is not a column of in.csv', 'did you mean "date"?'],
      ['fields', 'orders need a rep, and the mapping does not say where it comes from', 'add rep: <column name>, or rep: { value: … } for the same value on every record'],
      ['lines.sku', '"sku" is not a column of in.csv', 'its columns are: id, date, customer'],
    ]);
  });

  it('wants a price or a total, not both, and sequences only for ids', () => {
    const base = { fields: { id: 'id', date: 'id', customer: 'id', rep: 'id' } };
    expect(run('orders', 'id\n', { ...base, lines: { sku: 'id', qty: 1, price: 1, total: 1 } }).mapIssues.map((i) => i.message)).toEqual(['give price or total, not both']);
    expect(run('orders', 'id\n', { ...base, lines: { sku: 'id', qty: 1 } }).mapIssues.map((i) => i.message)).toEqual(['order lines need a price (the unit price) or a total (the line amount after discount)']);
    expect(run('surveys', 'id\n', { fields: { id: 'id', date: 'id', customer: { sequence: 'X' }, score: 1 } }).mapIssues.map((i) => i.message)).toEqual(['sequence numbers only make record ids']);
  });

  it('says which fields --create-missing needs to make a customer', () => {
    const r = run('surveys', 'c,d\nC9,01/03/2026\n', { fields: { id: { sequence: 'S-' }, date: 'd', customer: 'c', score: 4 }, customers: { name: 'c' } }, { createMissing: true });
    expect(r.mapIssues.map((i) => i.message)).toEqual(['--create-missing needs customers: with region, segment, owner to make the 1 missing customer']);
  });
});

describe('ids', () => {
  it('says when a value is not an id and how slug would make one', () => {
    const r = run('surveys', 'c,d\nToko Sinar Jaya,01/03/2026\n', { fields: { id: { sequence: 'S-' }, date: 'd', customer: 'c', score: 4 } });
    expect(r.rowIssues[0]).toMatchObject({ line: 2, message: 'customer (column "c"): "Toko Sinar Jaya" is not an id (letters, digits, - _ .; at most 80)', hint: 'add slug: true to fields.customer to make ids of names ("Toko-Sinar-Jaya")' });
  });
});
