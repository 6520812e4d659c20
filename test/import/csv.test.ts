import { describe, expect, it } from 'vitest';
import { detectDelimiter, formatRowIssue, parseCsv, readCsv } from '../../src/import/csv.ts';

const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);
const rowsOf = (text: string) => {
  const r = parseCsv(text, 'x.csv');
  expect(r.issues.filter((i) => i.level !== 'warning')).toEqual([]);
  return r.table!;
};

describe('readCsv', () => {
  it('reads a plain comma-separated file', () => {
    const t = rowsOf('id,qty\nA,1\nB,2\n');
    expect(t.header).toEqual(['id', 'qty']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['A', '1'] },
      { line: 3, cells: ['B', '2'] },
    ]);
    expect(t.delimiter).toBe(',');
  });

  it('drops a UTF-8 byte order mark, so the first column keeps its name', () => {
    const r = readCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Row ID,Sales\r\n1,2\r\n')]), 'x.csv');
    expect(r.table!.header).toEqual(['Row ID', 'Sales']);
  });

  it('reads CRLF line ends without leaving a carriage return in the last cell', () => {
    const t = rowsOf('a,b\r\n1,2\r\n3,4');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted cells, and counts lines right', () => {
    const t = rowsOf('name,note,qty\r\n"Hon Chairs, Rounded Back","say ""hi""\r\nsecond line",3\r\nplain,x,4\r\n');
    expect(t.rows[0]).toEqual({ line: 2, cells: ['Hon Chairs, Rounded Back', 'say "hi"\r\nsecond line', '3'] });
    expect(t.rows[1]!.line).toBe(4);
  });

  it('finds a semicolon separator from the header (Excel in Indonesian or European locales)', () => {
    const t = rowsOf('tanggal;pelanggan;jumlah\n04/03/2026;"Toko; Jaya";"1.250.000,50"\n');
    expect(t.delimiter).toBe(';');
    expect(t.rows[0]!.cells).toEqual(['04/03/2026', 'Toko; Jaya', '1.250.000,50']);
  });

  it('finds a tab separator, and ignores separators inside quoted header names', () => {
    expect(detectDelimiter('"a;b;c"\tx\ty\n')).toBe('\t');
    expect(detectDelimiter('"a,b,c";x\n')).toBe(';');
  });

  it('skips blank lines and keeps empty cells', () => {
    const t = rowsOf('a,b,c\n\n1,,3\n,,\n');
    expect(t.rows.map((r) => [r.line, r.cells])).toEqual([
      [3, ['1', '', '3']],
      [4, ['', '', '']],
    ]);
  });

  it('accepts a trailing separator only as padding', () => {
    const t = rowsOf('a,b\n1,2,\n');
    expect(t.rows[0]!.cells).toEqual(['1', '2']);
  });

  it('reports every row with the wrong number of values at its line', () => {
    const r = parseCsv('a,b,c\n1,2,3\n1,2\n"x,y",2,3\nx,y,2,3\n', 'orders.csv');
    expect(r.table).toBeUndefined();
    expect(r.issues.map(formatRowIssue)).toEqual([
      'orders.csv:3  row has 2 values, the header has 3 columns  (each row needs a value (or an empty place) for every column, separated by ",")',
      'orders.csv:5  row has 4 values, the header has 3 columns  (a value that holds "," must be in double quotes)',
    ]);
  });

  it('reports a quote that is never closed at the line where it opens', () => {
    const r = parseCsv('a,b\n1,2\n3,"open\n4,5\n', 'x.csv');
    expect(r.issues.map(formatRowIssue)).toEqual(['x.csv:3  a quoted value is never closed: the file ends inside quotes  (a value that starts with " must end with "; write a " inside a value as "")']);
  });

  it('reports text after a closing quote', () => {
    const r = parseCsv('a,b\n"1"x,2\n', 'x.csv');
    expect(r.issues[0]).toMatchObject({ line: 2, message: 'unexpected "x" after a closing quote in cell 1' });
  });

  it('refuses UTF-16, binary and non-UTF-8 files with a hint to save as CSV UTF-8', () => {
    expect(readCsv(new Uint8Array([0xff, 0xfe, 0x61, 0]), 'x.csv').issues[0]!.message).toMatch(/UTF-16/);
    expect(readCsv(bytes('PK\u0003\u0004\u0000\u0000'), 'x.xlsx').issues[0]!.hint).toMatch(/xlsx/);
    const latin1 = readCsv(new Uint8Array([...bytes('a\nCaf'), 0xe9, 0x0a]), 'x.csv').issues[0]!;
    expect(latin1).toMatchObject({ line: 2, message: 'file is not UTF-8 text' });
  });

  it('warns about a column name used twice', () => {
    const r = parseCsv('a,a\n1,2\n', 'x.csv');
    expect(r.table).toBeDefined();
    expect(r.issues[0]).toMatchObject({ level: 'warning', line: 1 });
  });

  it('says an empty file has no header', () => {
    expect(parseCsv('', 'x.csv').issues[0]!.message).toMatch(/empty/);
  });

  it('never evaluates cell text', () => {
    const t = rowsOf('a\n"=cmd|\' /C calc\'!A0"\n${process.exit(1)}\n');
    expect(t.rows.map((r) => r.cells[0])).toEqual(["=cmd|' /C calc'!A0", '${process.exit(1)}']);
  });
});
