/**
 * Fuzzing the loader (decode -> parse -> schema -> rules -> locate) through validateRepo:
 * arbitrary bytes and YAML-ish text from a grammar, placed at one file of the valid fixture.
 * Validation never throws, every issue is well formed and positioned, and the records of a file
 * that could be read are all accounted for: as many as js-yaml reads, each kept or reported, and
 * a month file read as columns holds what js-yaml reads in it, value for value. The grammar's
 * alphabet has every character a reader might take for a line end (LF, CRLF, lone CR, NEL, LS,
 * PS, VT, FF), in values, comments and as the line end of the whole file.
 */
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { validateRepo, type ValidationResult } from '../../src/validate/validate-repo.ts';
import type { MonthKind } from '../../src/ingest/chunk.ts';
import { accountFor, baseFiles, chunkFrom, chunkIndex, listAtOf, MONTH_KINDS, toSourceFiles } from '../corpus/support.ts';
import { recordsOfMonthFile, rowsOfChunk, rowsOfRecords } from '../support/month-records.ts';
import { expectWellFormed, fuzz, linesOf, RUNS, TIMEOUT } from './support.ts';
import { yamlText } from './yaml-grammar.ts';

const PLACES: Record<string, string> = {
  orders: 'data/2026/03/orders.yaml',
  leads: 'data/2026/03/leads.yaml',
  activities: 'data/2026/03/activities.yaml',
  surveys: 'data/2026/03/surveys.yaml',
  customers: 'data/customers.yaml',
  team: 'data/team.yaml',
  goals: 'data/goals.yaml',
  targets: 'data/targets/2026.yaml',
  products: 'data/products.yaml',
  company: 'data/company.yaml',
};
const KINDS = Object.keys(PLACES);
const base = baseFiles();
const dec = new TextDecoder();

function validateWithFile(path: string, bytes: Uint8Array): ValidationResult {
  const files = new Map(base);
  files.set(path, bytes);
  let r: ValidationResult | undefined;
  expect(() => (r = validateRepo(toSourceFiles(files)))).not.toThrow();
  return r!;
}

/** The invariants every input must keep. */
function check(kind: string, bytes: Uint8Array): void {
  const path = PLACES[kind]!;
  const r = validateWithFile(path, bytes);
  const text = dec.decode(bytes);
  expectWellFormed(r.issues, (file) => (file === path ? linesOf(text) : undefined));
  const listed = r.summary.files.find((f) => f.file === path);
  expect(listed, 'the file is listed in the summary').toBeDefined();
  if (kind === 'company') return;
  const acc = accountFor(r, path, kind);
  expect(acc.silent, 'records neither kept nor reported').toEqual([]);
  // A file read as records: as many as js-yaml reads in it.
  if (acc.total > 0) {
    let doc: unknown;
    expect(() => (doc = yaml.load(text.replace(/^\ufeff/, ''), { schema: yaml.CORE_SCHEMA }))).not.toThrow();
    const list = listAtOf(kind).length ? (doc as Record<string, unknown>).products : doc;
    expect(Array.isArray(list) ? list.length : -1).toBe(acc.total);
  }
  // Unless there is an error, the data is there.
  if (!r.issues.some((i) => i.level === 'error')) expect(r.data).not.toBeNull();
  // The differential: a month file that validation read (by whichever path: the one-pass reader,
  // the scanner or js-yaml) holds exactly the records js-yaml and the schemas read in it.
  const chunk = MONTH_KINDS.includes(kind) ? chunkFrom(r, path, kind) : undefined;
  if (chunk) expect(rowsOfChunk(chunk)).toEqual(rowsOfRecords(kind as MonthKind, recordsOfMonthFile(bytes, kind as MonthKind, path, chunkIndex(r, path, chunk)), (r.data ?? r.partial).company!.timezone));
}

const enc = new TextEncoder();

describe('fuzz: the loader', () => {
  it(
    'arbitrary bytes never crash validation, and every issue is positioned',
    async () => {
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 2048 }),
        // Text-like bytes, with a BOM, a UTF-16 or Latin-1 look, NULs, stray high bytes.
        fc.tuple(fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), fc.array(fc.oneof({ arbitrary: fc.integer({ min: 0x20, max: 0x7e }), weight: 8 }, { arbitrary: fc.constantFrom(0x0a, 0x0d, 0x09, 0x00, 0xe9, 0x93, 0xc0, 0xed, 0xf0, 0x80), weight: 2 }), { maxLength: 1024 })).map(([bom, b]) => Uint8Array.from([...bom, ...b])),
      );
      await fuzz('loader (bytes)', fc.tuple(fc.constantFrom(...KINDS), bytes), ([kind, b]) => check(kind, b));
    },
    TIMEOUT,
  );

  it(
    'YAML-ish text from a grammar never crashes validation; read records are all accounted for, issues positioned',
    async () => {
      const arb = fc.constantFrom(...KINDS).chain((kind) => yamlText(kind).map((t) => [kind, t] as const));
      await fuzz('loader (YAML grammar)', arb, ([kind, t]) => check(kind, enc.encode(t)));
    },
    TIMEOUT,
  );

  it(
    'a file over 1 MB (located record by record) gives the same positions as the same records in a small file (located whole)',
    async () => {
      const field = fc.oneof(
        fc.constantFrom('date: 2026-03-10', 'date: 2026-02-31', 'date: 2026-04-01', 'customer: C1', 'customer: C9', 'score: 4', 'score: 9', 'score: "4"', 'coment: ok', 'comment: "a, b: c"', '__proto__: 1'),
        fc.constantFrom('comment: >-', 'comment: |').map((s) => `${s}\n    line one\n    line two`),
      );
      const record = (k: number) => fc.array(field, { maxLength: 5 }).map((fs) => [`id: S-${k}`, ...fs]);
      const arb = fc.record({
        style: fc.constantFrom('block', 'indented', 'flow-lines', 'flow-multiline', 'json-ish'),
        eol: fc.constantFrom('\n', '\r\n', '\r'),
        records: fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => record(k)))),
      });
      // Block scalars only go in block style.
      const styleOf = (style: string, records: string[][]) => (style.startsWith('flow') || style === 'json-ish') && records.some((fs) => fs.some((f) => f.includes('\n'))) ? 'block' : style;
      const render = (style: string, records: string[][], eol: string) => {
        if (style === 'block' || style === 'indented') {
          const ind = style === 'indented' ? '  ' : '';
          return records.map((fs) => fs.map((f, i) => `${ind}${i ? '  ' : '- '}${f.replace(/\n/g, `\n${ind}  `)}`).join('\n')).join('\n').replace(/\n/g, eol) + eol;
        }
        if (style === 'flow-lines') return `[${eol}${records.map((fs) => `  { ${fs.join(', ')} }`).join(`,${eol}`)}${eol}]${eol}`;
        // As JSON.stringify(list, null, 2) lays it out.
        if (style === 'flow-multiline') return `[${eol}${records.map((fs) => `  {${eol}${fs.map((f) => `    ${f}`).join(`,${eol}`)}${eol}  }`).join(`,${eol}`)}${eol}]${eol}`;
        return `[${records.map((fs) => `{${fs.join(', ')}}`).join(', ')}]${eol}`;
      };
      await fuzz(
        'loader (positions in big files)',
        arb,
        ({ style: wanted, eol, records }) => {
          const style = styleOf(wanted, records);
          // Padding records first: the same records then sit PAD lines (and PAD records) further down.
          const PAD = 20_000;
          const pad = Array.from({ length: PAD }, (_, k) => [`id: P-${k}`, 'date: 2026-03-10', 'customer: C1', 'score: 4']);
          const small = render(style, records, eol);
          const big = render(style, [...pad, ...records], eol);
          expect(big.length).toBeGreaterThan(1_000_000);
          const path = PLACES.surveys!;
          const a = validateWithFile(path, enc.encode(small)).issues.filter((i) => i.file === path);
          const b = validateWithFile(path, enc.encode(big)).issues.filter((i) => i.file === path);
          const linesBefore = style === 'json-ish' ? 0 : PAD * (style === 'flow-lines' ? 1 : style === 'flow-multiline' ? 6 : 4);
          const shown = (i: { code: string; message: string; line: number; column: number }, shift: number) => `${i.code} ${i.line ? i.line + shift : 0}:${i.column} ${i.message}`;
          // In a one-line flow list the padding sits before the records on the same line: compare lines only.
          if (style === 'json-ish') expect(b.map((i) => `${i.code} ${i.line} ${i.message}`)).toEqual(a.map((i) => `${i.code} ${i.line} ${i.message}`));
          else expect(b.map((i) => shown(i, 0))).toEqual(a.map((i) => shown(i, linesBefore)));
        },
        Math.max(10, Math.round(RUNS / 20)),
      );
    },
    TIMEOUT,
  );
});
