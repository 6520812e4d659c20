/**
 * What a real export needs from a mapping: a value made of several columns (template:), number
 * steps (scale:, round:, clamp:) so a 1–10 rating becomes a 1–5 score, map: keys matched as the
 * text they are written as, and problems told where to fix them (in the mapping at line:column,
 * and at map: when a value falls outside what the schema allows). Expected values worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { importCommand, type ImportOptions } from '../../src/commands/import.ts';
import { numberSteps } from '../../src/import/compile.ts';
import { parseCsv } from '../../src/import/csv.ts';
import { loadMapping } from '../../src/import/load-mapping.ts';
import { mapRows } from '../../src/import/map-rows.ts';
import type { Mapping } from '../../src/import/mapping.ts';
import type { MonthKind } from '../../src/schema/file-kinds.ts';
import { sampleRepo } from './support.ts';

const enc = new TextEncoder();

/** The mapping read from YAML text, as `--map` reads it. */
function mappingOf(kind: MonthKind, yaml: string): Mapping {
  const loaded = loadMapping(enc.encode(yaml), 'm.yaml', kind);
  if (!loaded.mapping) throw new Error(loaded.problems.join('\n'));
  return loaded.mapping;
}

function run(kind: MonthKind, csv: string, yaml: string) {
  const mapping = mappingOf(kind, yaml);
  return mapRows({
    kind,
    month: '2026-03',
    table: parseCsv(csv, 'in.csv').table!,
    joins: [],
    mapping,
    mapFile: 'm.yaml',
    formats: { dates: mapping.dates ?? 'dd/mm/yyyy', numbers: mapping.numbers ?? 'en', numbersStated: true },
    timezone: 'Asia/Jakarta',
    customers: new Set(['A-Member', 'B-Normal', 'C1']),
    products: new Set(),
    createMissing: false,
  });
}

const scoresOf = (r: ReturnType<typeof run>) => r.made.map((m) => [m.record.id, m.record.score]);

describe('template: a value made of several columns', () => {
  const csv = 'No,Branch,Customer type,Date\n1,A,Member,01/03/2026\n2,B,Normal,02/03/2026\n3,A,,03/03/2026\n';
  const yaml = 'fields:\n  id: { template: "S-{No}" }\n  date: Date\n  customer: { template: "{Branch}-{Customer type}" }\n  score: 4\n';

  it('puts each cell in its place', () => {
    const r = run('surveys', csv, yaml);
    expect(r.made.map((m) => [m.record.id, m.record.customer])).toEqual([
      ['S-1', 'A-Member'],
      ['S-2', 'B-Normal'],
    ]);
  });

  it('is empty when one of its cells is, which a required field reports at the row', () => {
    const r = run('surveys', csv, yaml);
    expect(r.rowIssues).toEqual([{ file: 'in.csv', line: 4, message: 'customer (template "{Branch}-{Customer type}") is empty', hint: 'every survey needs a customer: fill the cell, or give a default: in the mapping' }]);
  });

  it('writes braces doubled, and names an unknown column with a suggestion', () => {
    const r = run('surveys', csv, 'fields:\n  id: { template: "{{{No}}}" }\n  date: Date\n  customer: C1\n  score: 4\n'.replace('customer: C1', 'customer: { value: C1 }'));
    expect(r.made).toEqual([]);
    // "{1}" is not an id: reported at the row, with the braces the template wrote.
    expect(r.rowIssues[0]!.message).toBe('id (template "{{{No}}}"): "{1}" is not an id (letters, digits, - _ .; at most 80)');
    const bad = run('surveys', csv, 'fields:\n  id: { template: "{Brnch}-{No}" }\n  date: Date\n  customer: { value: C1 }\n  score: 4\n');
    expect(bad.mapIssues.map((i) => [i.at, i.message, i.hint])).toEqual([[['fields', 'id', 'template'], '"Brnch" is not a column of in.csv', 'did you mean "Branch"?']]);
  });
});

describe('scale, round, clamp: a 1–10 rating as a 1–5 score', () => {
  const csv = 'id,tgl,rating\nR1,01/03/2026,1\nR2,01/03/2026,10\nR3,01/03/2026,7\nR4,01/03/2026,5.5\nR5,01/03/2026,0\nR6,01/03/2026,12\n';

  it('stretches 1–10 onto 1–5 and rounds: 7 is 1 + 6 × 4/9 = 3.67, so 4; 5.5 is exactly 3', () => {
    const r = run('surveys', csv.split('\n').slice(0, 5).join('\n'), 'fields:\n  id: id\n  date: tgl\n  customer: { value: C1 }\n  score: { column: rating, scale: { from: [1, 10], to: [1, 5] }, round: 0 }\n');
    expect(scoresOf(r)).toEqual([
      ['R1', 1],
      ['R2', 5],
      ['R3', 4],
      ['R4', 3],
    ]);
  });

  it('halves, rounds halves away from zero, and holds the result within 1 to 5', () => {
    // 1 → 0.5 → 1; 10 → 5; 7 → 3.5 → 4; 5.5 → 2.75 → 3; 0 → 0 → 1 (clamp); 12 → 6 → 5 (clamp).
    const r = run('surveys', csv, 'fields:\n  id: id\n  date: tgl\n  customer: { value: C1 }\n  score: { column: rating, scale: 0.5, round: 0, clamp: [1, 5] }\n');
    expect(scoresOf(r)).toEqual([
      ['R1', 1],
      ['R2', 5],
      ['R3', 4],
      ['R4', 3],
      ['R5', 1],
      ['R6', 5],
    ]);
  });

  it('rounds the decimal as written, and negative halves away from zero', () => {
    expect(numberSteps(2.675, { round: 2 })).toBe(2.68);
    expect(numberSteps(1.005, { round: 2 })).toBe(1.01);
    expect(numberSteps(-2.5, { round: 0 })).toBe(-3);
    expect(numberSteps(0.1, { scale: 3 })).toBe(0.3);
    expect(numberSteps(150, { scale: { from: [0, 200], to: [0, 1] } })).toBe(0.75);
  });

  it('is for number fields: on text it is a mapping problem that says to use map:', () => {
    const r = run('surveys', csv, 'fields:\n  id: { column: id, round: 0 }\n  date: tgl\n  customer: { value: C1 }\n  score: 4\n');
    expect(r.mapIssues.map((i) => [i.at, i.message, i.hint])).toEqual([[['fields', 'id', 'round'], 'round: is for number fields, and id is an id', 'to turn values into other values, use map: { from: to }']]);
  });
});

describe('map: keys are the text they are written as', () => {
  it('keeps 01, 2.50, true and ~ as written, where YAML would read 1, 2.5, true and null', () => {
    const m = mappingOf('surveys', 'fields:\n  id: id\n  date: tgl\n  customer: { value: C1 }\n  score:\n    column: r\n    map: { 01: 1, 2.50: 2, true: 3, "7": 4, ~: 5 }\n');
    const spec = m.fields!.score as { map: Record<string, unknown> };
    expect(spec.map).toEqual({ '01': 1, '2.50': 2, true: 3, '7': 4, '~': 5 });
  });

  it('matches a cell only by its text: "01" maps, "1" does not', () => {
    const csv = 'id,tgl,r\nA,01/03/2026,01\nB,01/03/2026,1\nC,01/03/2026,2.0\nD,01/03/2026,true\n';
    const r = run('surveys', csv, 'fields:\n  id: id\n  date: tgl\n  customer: { value: C1 }\n  score:\n    column: r\n    map: { 01: 5, 2.0: 4, true: 3 }\n');
    expect(scoresOf(r)).toEqual([
      ['A', 5],
      ['B', 1],
      ['C', 4],
      ['D', 3],
    ]);
  });
});

describe('problems told where to fix them', () => {
  const opts = (o: Partial<ImportOptions>): ImportOptions => ({ kind: 'surveys', file: 'form.csv', month: '2026-11', map: 'm.yaml', force: false, createMissing: false, root: '.', ...o });

  it('a problem in the mapping file is at its file:line:column', async () => {
    const repo = sampleRepo().userFile('form.csv', 'id,tgl,r\nA,01/11/2026,7\n').userFile('m.yaml', 'fields:\n  id: id\n  date: tgl\n  customer: { value: C0001 }\n  score: { column: r, round: 1.5 }\n');
    expect(await importCommand(opts({}), repo.effects)).toBe(1);
    expect(repo.output[0]).toMatch(/^m\.yaml:5:30 {2}fields\.score\.round must be a whole number of decimals, 0 to 6/);
    const templ = sampleRepo().userFile('form.csv', 'id,tgl,r\nA,01/11/2026,7\n').userFile('m.yaml', 'fields:\n  id: { template: "{id" }\n  date: tgl\n  customer: { value: C0001 }\n  score: r\n');
    expect(await importCommand(opts({}), templ.effects)).toBe(1);
    expect(templ.output[0]).toBe('m.yaml:2:19  the { at character 1 of the template is never closed  (write {column name}; a brace itself is written {{)');
  });

  it('a score outside 1 to 5 points at the mapping: scale:, round:, clamp: or map: under fields.score', async () => {
    const repo = sampleRepo().userFile('form.csv', 'id,tgl,r\nA,01/11/2026,7\n').userFile('m.yaml', 'fields:\n  id: id\n  date: tgl\n  customer: { value: C0001 }\n  score: r\n');
    expect(await importCommand(opts({}), repo.effects)).toBe(1);
    expect(repo.output[0]).toBe(
      'form.csv:2  score (column "r") must be a whole score from 1 to 5, got 7  (survey scores are whole numbers 1 (very unhappy) to 5 (very happy); bring the file\'s numbers to 1–5 with scale:, round: and clamp: (or map: { <value in the file>: <score> }) under fields.score in m.yaml)',
    );
    expect(repo.written).toEqual([]);
  });

  it('an activity type the schema does not know points at map: under its field', async () => {
    const repo = sampleRepo().userFile('act.csv', 'id,at,kind,rep,cust\nA1,2026-11-02T10:00,Call,andi,C0001\n').userFile('m.yaml', 'fields:\n  id: id\n  at: at\n  type: kind\n  rep: rep\n  customer: cust\n');
    expect(await importCommand(opts({ kind: 'activities', file: 'act.csv' }), repo.effects)).toBe(1);
    expect(repo.output[0]).toMatch(/^act\.csv:2 {2}type \(column "kind"\) .*"Call".* \(.*turn the file's values into these with map: \{ <value in the file>: \w[\w-]*, … \} under fields\.type in m\.yaml\)$/);
  });
});
