/**
 * The examples on the real datasets: import a few months of each into a fresh repository made
 * from the example's scaffold (on disk, through the same effects the CLI uses), then check that
 * the repository validates and that the engine's KPIs equal totals computed here straight from
 * the CSV, with a CSV reader of the test's own.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCommand, nodeImportEffects } from '../../src/commands/import.ts';
import { recordingEffects } from '../../src/commands/effects.ts';
import { ACTIVITY_TYPE_CODES } from '../../src/ingest/chunk.ts';
import { validateRepo } from '../../src/validate/validate-repo.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline.ts';
import type { Order } from '../../src/schema/orders.ts';
import { formatIssue } from '../../src/issues/issue.ts';
import { chunkOf, readMonthRecords, rowsOfChunk, rowsOfRecords } from '../support/month-records.ts';
import { readTree } from '../support/repo.ts';
import { DATASETS, readRowsIndependently, ROOT } from '../import/support.ts';

const SUPERSTORE = join(DATASETS, 'superstore', 'Sample - Superstore.csv');
const PIPELINE = join(DATASETS, 'crm-pipeline', 'sales_pipeline.csv');

/** A fresh repository: the example's scaffold data/ and the real kpis/. */
function freshRepo(example: string): string {
  const dir = mkdtempSync(join(tmpdir(), `capaian-import-${example}-`));
  cpSync(join(ROOT, 'examples', example, 'scaffold', 'data'), join(dir, 'data'), { recursive: true });
  cpSync(join(ROOT, 'kpis'), join(dir, 'kpis'), { recursive: true });
  return dir;
}

async function runImport(root: string, kind: string, file: string, month: string, map: string): Promise<string[]> {
  const out: string[] = [];
  const code = await importCommand({ kind, file, month, map: join(ROOT, 'examples', map), force: false, createMissing: true, root }, nodeImportEffects(root, { ...recordingEffects(), out: (l) => void out.push(l) }));
  expect(out.join('\n')).not.toMatch(/problem/);
  expect(code).toBe(0);
  return out;
}

/** The pipeline's result, with the validated data whole (the pipeline hands the month files' columns on to the dataset). */
function pipelineOf(root: string): PipelineResult {
  const files = readTree(root);
  const result = runPipeline(files, []);
  expect(result.validation.issues.filter((i) => i.level === 'error').map(formatIssue)).toEqual([]);
  return { ...result, validation: validateRepo(files) };
}

/** The orders written for a month, read back from the file; validation read exactly these (its chunk holds them). */
function ordersOf(root: string, result: PipelineResult, month: string): Order[] {
  const data = result.validation.data!;
  const orders = readMonthRecords(root, month, 'orders');
  expect(rowsOfChunk(chunkOf(data, 'orders', { month })!)).toEqual(rowsOfRecords('orders', orders, data.company.timezone));
  return orders;
}

function monthValue(result: PipelineResult, kpi: string, month: string): number | null {
  const k = result.report!.kpis.find((x) => x.id === kpi)!;
  return k.values.month!.find((v) => v.period === month)?.value ?? null;
}

describe.skipIf(!existsSync(SUPERSTORE))('examples/superstore: Tableau Superstore order lines', () => {
  const months = ['2016-01', '2017-11', '2019-12'];
  let root: string;
  let result: PipelineResult;
  const outputs: string[][] = [];
  // Sales per order month and the distinct Order IDs, straight from the CSV (dates are M/D/YYYY).
  const expected = new Map<string, { sales: number; orders: Set<string>; units: number }>();
  const rowsOf = new Map<string, Record<string, string>[]>();

  beforeAll(async () => {
    for (const r of readRowsIndependently(SUPERSTORE)) {
      rowsOf.set(r['Order ID']!, [...(rowsOf.get(r['Order ID']!) ?? []), r]);
      const [m, , y] = r['Order Date']!.split('/');
      const month = `${y}-${m!.padStart(2, '0')}`;
      const e = expected.get(month) ?? { sales: 0, orders: new Set<string>(), units: 0 };
      e.sales += Number(r.Sales);
      e.units += Number(r.Quantity);
      e.orders.add(r['Order ID']!);
      expected.set(month, e);
    }
    root = freshRepo('superstore');
    for (const month of months) outputs.push(await runImport(root, 'orders', SUPERSTORE, month, 'superstore/orders.map.yaml'));
    result = pipelineOf(root);
  }, 120_000);
  afterAll(() => root && rmSync(root, { recursive: true, force: true }));

  it('reads every row, and says how many were dated in other months', () => {
    expect(outputs[0]![0]).toBe(`Sample - Superstore.csv: 9,994 rows, 79 used for 2016-01, 9,915 dated outside 2016-01 skipped (the file's dates run from 2016-01-03 to 2019-12-30)`);
  });

  it.each(months)('net sales of %s equal the sum of Sales of the order lines dated in it', (month) => {
    expect(monthValue(result, 'net-sales', month)).toBeCloseTo(expected.get(month)!.sales, 6);
  });

  it.each(months)('the orders of %s are the distinct Order IDs dated in it', (month) => {
    const file = result.validation.data!.orders.find((f) => f.month === month)!;
    expect(file.length).toBe(expected.get(month)!.orders.size);
    expect(new Set(ordersOf(root, result, month).map((o) => o.id))).toEqual(expected.get(month)!.orders);
    expect(monthValue(result, 'average-transaction-value', month)).toBeCloseTo(expected.get(month)!.sales / expected.get(month)!.orders.size, 6);
    expect(monthValue(result, 'units-sold', month)).toBe(expected.get(month)!.units);
  });

  it('keeps each line\'s discount and derives the unit price before it: qty × price × (1 − discount) is Sales', () => {
    const orders = ordersOf(root, result, '2019-12');
    const discounted = orders.filter((o) => o.lines.some((l) => l.discount > 0));
    expect(discounted.length).toBeGreaterThan(50);
    for (const o of discounted) {
      const rows = rowsOf.get(o.id)!;
      o.lines.forEach((l, k) => {
        expect(l.sku).toBe(rows[k]!['Product ID']);
        expect(l.discount).toBe(Number(rows[k]!.Discount));
        expect(l.qty * l.price * (1 - l.discount)).toBeCloseTo(Number(rows[k]!.Sales), 9);
        expect(Math.round(l.price * 100) / 100).toBe(l.price); // Superstore's list prices are whole cents
      });
    }
  });

  it('created the customers and products the months name', () => {
    const data = result.validation.data!;
    // A chunk's dictionaries hold exactly the customers and skus its orders name (as hashes).
    const customers = new Set(data.orders.flatMap((f) => [...f.dictHash.customer]));
    const skus = new Set(data.orders.flatMap((f) => [...f.dictHash.sku]));
    expect(customers.size).toBeGreaterThan(0);
    expect(data.customers.records.length).toBe(customers.size);
    expect(data.products.records.length).toBe(skus.size);
  });
});

describe.skipIf(!existsSync(PIPELINE))('examples/crm-pipeline: Maven CRM opportunities', () => {
  const leadMonths = ['2016-10', '2016-11', '2016-12', '2017-01', '2017-02', '2017-03', '2017-04'];
  const orderMonths = ['2017-03', '2017-04', '2017-12'];
  let root: string;
  let result: PipelineResult;
  const won = new Map<string, { value: number; deals: number }>();
  const engaged = new Map<string, number>();

  beforeAll(async () => {
    for (const r of readRowsIndependently(PIPELINE)) {
      if (r.engage_date) engaged.set(r.engage_date.slice(0, 7), (engaged.get(r.engage_date.slice(0, 7)) ?? 0) + 1);
      if (r.deal_stage !== 'Won') continue;
      const month = r.close_date!.slice(0, 7);
      const e = won.get(month) ?? { value: 0, deals: 0 };
      e.value += Number(r.close_value);
      e.deals++;
      won.set(month, e);
    }
    root = freshRepo('crm-pipeline');
    for (const month of leadMonths) await runImport(root, 'leads', PIPELINE, month, 'crm-pipeline/leads.map.yaml');
    for (const month of orderMonths) await runImport(root, 'orders', PIPELINE, month, 'crm-pipeline/orders.map.yaml');
    for (const month of ['2017-03', '2017-04']) await runImport(root, 'activities', PIPELINE, month, 'crm-pipeline/activities.map.yaml');
    result = pipelineOf(root);
  }, 180_000);
  afterAll(() => root && rmSync(root, { recursive: true, force: true }));

  it.each(orderMonths)('net sales of %s equal the close_value of the deals won in it', (month) => {
    expect(monthValue(result, 'net-sales', month)).toBe(won.get(month)!.value);
    expect(result.validation.data!.orders.find((f) => f.month === month)!.length).toBe(won.get(month)!.deals);
  });

  it.each(leadMonths)('the leads of %s are the deals engaged in it', (month) => {
    expect(monthValue(result, 'new-leads', month)).toBe(engaged.get(month));
  });

  it('records a won activity for every deal won in the month, naming its lead and customer', () => {
    for (const month of ['2017-03', '2017-04']) {
      const acts = result.validation.data!.activities.find((f) => f.month === month)!;
      const wonRows = Array.from({ length: acts.length }, (_, i) => i).filter((i) => ACTIVITY_TYPE_CODES[acts.type[i]!] === 'won');
      expect(wonRows.length).toBe(won.get(month)!.deals);
      expect(wonRows.every((i) => acts.lead[i]! >= 0 && acts.customer[i]! >= 0)).toBe(true);
    }
  });

  it('maps GTXPro to the GTX-Pro product, with its series and list price from products.csv', () => {
    const p = result.validation.data!.products.records.find((x) => x.sku === 'GTX-Pro');
    expect(p).toMatchObject({ name: 'GTX Pro', category: 'gtx', tier: 3, list_price: 4821 });
    expect(result.validation.data!.products.records.map((x) => x.sku).sort()).toEqual(['GTK-500', 'GTX-Basic', 'GTX-Plus-Basic', 'GTX-Plus-Pro', 'GTX-Pro', 'MG-Advanced', 'MG-Special']);
  });
});
