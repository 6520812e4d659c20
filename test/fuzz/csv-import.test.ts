/**
 * Fuzzing the CSV importer (csv.ts -> mapping -> map-rows -> validation of the result) through
 * importCommand in memory, with the example mappings: examples/superstore/orders.map.yaml into
 * the Superstore scaffold, and examples/crm-pipeline/{orders,leads,activities}.map.yaml into the
 * CRM scaffold with its joined tables. Cells come from the real exports' columns, from dates in
 * and around the month, and from junk (quotes, separators, line breaks, odd numbers and dates,
 * __proto__); files get any separator, quoting, line end and byte order mark, and sometimes
 * random damage. The import never throws, never writes when it reports a problem, tells every
 * problem at a line the file has, and when it writes, every row is accounted for: used (and
 * written), dated outside the month, or left out by where.
 */
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonthKind } from '../../src/ingest/chunk.ts';
import { validateRepo } from '../../src/validate/validate-repo.ts';
import { exampleText, importCounts, repoFor, runImport, shownIssue, type ImportSetup } from '../corpus/support.ts';
import { DATASETS, readRowsIndependently } from '../import/support.ts';
import { chunkOf, linesOfChunk } from '../support/month-records.ts';
import { fuzz, linesOf, TIMEOUT } from './support.ts';

/** Up to `n` distinct values of each column of a real export. */
function pools(path: string, n = 60): Record<string, string[]> {
  const rows = readRowsIndependently(path).slice(0, 2000);
  const out: Record<string, string[]> = {};
  for (const col of Object.keys(rows[0] ?? {})) out[col] = [...new Set(rows.map((r) => r[col]!))].slice(0, n);
  return out;
}

const junk: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '"', '""', 'a,b', 'a;b', 'a\tb', 'line\nbreak', 'cr\rbreak', '\ufeff', '🍵', 'مكتبة', '__proto__', 'constructor', 'toString', '=1+1', 'x'.repeat(700)),
  fc.constantFrom('1.234,5', '1,234.5', '1e400', '-0', '(5)', 'Rp 15.000,-', '10%', '0', '-1', '2.5', 'NaN', 'Infinity', '99999999999999999999'),
  fc.constantFrom('31/02/2017', '2017-02-30', '46000', '3/32/2017', '13/13/2017', '2017-03-15T25:00', '03/15/17', 'tomorrow'),
  fc.string({ maxLength: 10 }),
);

interface Target {
  name: string;
  setup: Omit<ImportSetup, 'csv' | 'file'>;
  file: string;
  header: string[];
  /** A plausible value for a column (a date in or near the month, a real value, or junk). */
  cell: (column: string) => fc.Arbitrary<string>;
}

const usDate = (m: number, d: number, y: number) => `${m}/${d}/${y}`;

function superstore(): Target {
  const p = pools(`${DATASETS}superstore/Sample - Superstore.csv`);
  const dates = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 30 }).map((d) => usDate(11, d, 2018)), weight: 16 }, { arbitrary: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => usDate(m, d, 2018)), weight: 3 }, { arbitrary: junk, weight: 1 });
  return {
    name: 'superstore orders',
    file: 'Sample - Superstore.csv',
    setup: { kind: 'orders', repo: 'superstore', month: '2018-11', createMissing: true, map: { file: 'orders.map.yaml', text: exampleText('superstore/orders.map.yaml') } },
    header: Object.keys(p),
    cell: (c) => (c === 'Order Date' ? dates : fc.oneof({ arbitrary: fc.constantFrom(...(p[c] ?? [''])), weight: 40 }, { arbitrary: junk, weight: 1 })),
  };
}

function crm(kind: 'orders' | 'leads' | 'activities'): Target {
  const p = pools(`${DATASETS}crm-pipeline/sales_pipeline.csv`);
  const dates = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 31 }).map((d) => `2017-03-${String(d).padStart(2, '0')}`), weight: 16 }, { arbitrary: fc.constantFrom('2017-02-28', '2017-04-01', '2016-10-20', ''), weight: 3 }, { arbitrary: junk, weight: 1 });
  const extra: Record<string, string | Uint8Array> = {};
  for (const f of ['sales_teams.csv', 'accounts.csv', 'products.csv']) extra[f] = readFileSync(`${DATASETS}crm-pipeline/${f}`, 'utf8');
  return {
    name: `crm-pipeline ${kind}`,
    file: 'sales_pipeline.csv',
    setup: { kind, repo: 'crm-pipeline', month: '2017-03', createMissing: true, map: { file: `${kind}.map.yaml`, text: exampleText(`crm-pipeline/${kind}.map.yaml`) }, extra },
    header: Object.keys(p),
    cell: (c) => (c === 'engage_date' || c === 'close_date' ? dates : fc.oneof({ arbitrary: fc.constantFrom(...(p[c] ?? [''])), weight: 40 }, { arbitrary: junk, weight: 1 })),
  };
}

// The cells come from the public datasets in ../shared/datasets/ (beside the repository in CI);
// without them this target is skipped, as test/commands/import.datasets.test.ts is.
const HAVE_DATASETS = existsSync(`${DATASETS}superstore/Sample - Superstore.csv`) && existsSync(`${DATASETS}crm-pipeline/sales_pipeline.csv`);
const TARGETS = HAVE_DATASETS ? [superstore(), crm('orders'), crm('leads'), crm('activities')] : [];

interface Made {
  target: Target;
  csv: string;
  /** Data rows as written (blank lines not counted); undefined when the text was damaged afterwards. */
  rows?: number;
  /** Joined tables, possibly damaged. */
  extra?: Record<string, string | Uint8Array>;
}

/** Cells to CSV text with a separator, a quoting rule, a line end, maybe a BOM and blank lines. */
function serialize(header: string[], rows: string[][], o: { sep: string; quote: 'minimal' | 'all' | 'none'; eol: string; bom: boolean; blankAfter: number[]; finalEol: boolean }): string {
  const q = (c: string) => {
    const needs = c.includes(o.sep) || c.includes('"') || c.includes('\n') || c.includes('\r');
    return o.quote === 'all' || (o.quote === 'minimal' && needs) ? `"${c.replace(/"/g, '""')}"` : c;
  };
  const lines = [header.map(q).join(o.sep)];
  rows.forEach((r, k) => {
    lines.push(r.map(q).join(o.sep));
    if (o.blankAfter.includes(k)) lines.push('');
  });
  return (o.bom ? '\ufeff' : '') + lines.join(o.eol) + (o.finalEol ? o.eol : '');
}

const made: fc.Arbitrary<Made> = (TARGETS.length ? fc.constantFrom(...TARGETS) : fc.constant(null as unknown as Target)).chain((target) =>
  fc
    .record({
      header: fc.oneof({ arbitrary: fc.constant(target.header), weight: 8 }, { arbitrary: fc.shuffledSubarray(target.header, { minLength: 1 }), weight: 1 }, { arbitrary: fc.constant([...target.header, 'Extra Column']), weight: 1 }) as fc.Arbitrary<string[]>,
      rows: fc.integer({ min: 0, max: 6 }),
      sep: fc.constantFrom(',', ',', ',', ';', '\t'),
      quote: fc.constantFrom('minimal', 'minimal', 'minimal', 'all', 'none'),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      bom: fc.boolean(),
      blankAfter: fc.array(fc.nat(8), { maxLength: 2 }),
      finalEol: fc.boolean(),
      // Random damage to one file in six, to a joined table in ten.
      damage: fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: fc.array(fc.tuple(fc.nat(), fc.constantFrom('del', '"', ',', ';', '\n', '\r', '\u0000', 'é')), { minLength: 1, maxLength: 3 }), weight: 1 }),
      joinDamage: fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary: fc.constantFrom('duplicate key', 'short row', 'empty'), weight: 1 }),
      seed: fc.nat(),
    })
    .chain((o) =>
      fc.array(fc.tuple(...(o.header as string[]).map((c) => target.cell(c))), { minLength: o.rows, maxLength: o.rows }).map((rows) => {
        let csv = serialize(o.header, rows, o);
        // Without quoting, a cell holding a separator or a line break changes the rows: not an exact count then.
        const exact = o.quote !== 'none' || rows.every((r) => r.every((c) => !c.includes(o.sep) && !c.includes('"') && !/[\r\n]/.test(c)));
        if (o.damage) {
          for (const [at, e] of o.damage) {
            const i = at % (csv.length + 1);
            csv = e === 'del' ? csv.slice(0, i) + csv.slice(i + 1) : csv.slice(0, i) + e + csv.slice(i);
          }
        }
        let extra = target.setup.extra;
        if (extra && o.joinDamage) {
          const f = ['sales_teams.csv', 'accounts.csv', 'products.csv'][o.seed % 3]!;
          const t = String(extra[f]);
          const lines = t.split('\n');
          extra = { ...extra, [f]: o.joinDamage === 'empty' ? '' : o.joinDamage === 'short row' ? `${t}only-one-cell\n` : `${t}${lines[1]}\n` };
        }
        // A header cell that is empty or all spaces makes the first line blank, and rows are counted from the next.
        const blankHeader = o.header.length === 1 && o.header[0]!.trim() === '';
        return { target, csv, ...(exact && !o.damage && !blankHeader ? { rows: rows.filter((r) => !(r.length === 1 && r[0]!.trim() === '')).length } : {}), ...(extra ? { extra } : {}) };
      }),
    ),
);

/** The scaffold's data (without kpis/, which an import does not need: faster). */
const scaffold = { superstore: repoFor('superstore', false).sourceFiles(), 'crm-pipeline': repoFor('crm-pipeline', false).sourceFiles() };

async function check(m: Made): Promise<void> {
  const { target } = m;
  let files = scaffold[target.setup.repo as 'superstore'];
  if (target.setup.kind === 'activities') {
    // Activities name their leads: the same export's leads are imported first (whatever that finds).
    const leads = await runImport({ ...target.setup, kind: 'leads', map: { file: 'leads.map.yaml', text: exampleText('crm-pipeline/leads.map.yaml') }, files, file: target.file, csv: m.csv, ...(m.extra ? { extra: m.extra } : {}) });
    files = leads.repo.sourceFiles();
  }
  const setup: ImportSetup = { ...target.setup, files, file: target.file, csv: m.csv, ...(m.extra ? { extra: m.extra } : {}) };
  let run: Awaited<ReturnType<typeof runImport>> | undefined;
  await expect(
    (async () => {
      run = await runImport(setup);
    })(),
  ).resolves.toBeUndefined();
  const { exit, output, written, repo } = run!;
  const shown = `${target.name}\n${output.slice(0, 30).join('\n')}`;
  // Problems are told at lines the file has.
  const lines = linesOf(m.csv);
  for (const l of output) {
    const hit = /^(?:warning: )?(.+?\.csv):(\d+)  /.exec(l);
    if (hit && hit[1] === target.file) expect(Number(hit[2]), `${l}\n${shown}`).toBeLessThanOrEqual(lines);
  }
  if (exit !== 0) {
    expect(exit).toBe(1);
    expect(written.size, `wrote despite a problem:\n${shown}`).toBe(0);
    expect(output.at(-1), shown).toMatch(/problems?: nothing written$/);
    return;
  }
  // Written: the repository validates, and every row is used, outside the month or left out.
  const counts = output.map(importCounts).find(Boolean);
  expect(counts, shown).toBeDefined();
  const c = counts!;
  if (m.rows !== undefined) expect(c.rows, shown).toBe(m.rows);
  expect(c.used + c.outside + c.filtered, shown).toBe(c.rows);
  const v = validateRepo(repo.sourceFiles());
  expect(v.issues.filter((i) => i.level === 'error').map(shownIssue), shown).toEqual([]);
  const month = chunkOf(v.data!, target.setup.kind as MonthKind, { month: target.setup.month });
  expect(month, shown).toBeDefined();
  const chunk = month!;
  if (chunk.kind === 'orders') expect(linesOfChunk(chunk), shown).toBe(c.used);
  else if (chunk.kind === 'leads') expect(chunk.length, shown).toBe(c.used);
  else {
    // A deal's row gives its contact and its close: one or two activities per row used.
    expect(chunk.length, shown).toBeGreaterThanOrEqual(c.used);
    expect(chunk.length, shown).toBeLessThanOrEqual(2 * c.used);
  }
}

describe.skipIf(!HAVE_DATASETS)('fuzz: the CSV importer', () => {
  it(
    'arbitrary exports through the example mappings: never a crash, nothing written on a problem, every row accounted for',
    async () => {
      await fuzz('CSV importer', made, check);
    },
    TIMEOUT,
  );
});
