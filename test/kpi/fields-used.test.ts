/**
 * The pipeline builds only the columns the KPI definitions name (memory at a million orders);
 * the values must be the same as with every column built.
 */
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../src/compute/compute-kpis.ts';
import { buildDataset } from '../../src/dataset/build-dataset.ts';
import { fieldsUsedBy } from '../../src/kpi/fields-used.ts';
import { readRepoFiles } from '../../src/load/read-repo.ts';
import { validateRepo } from '../../src/validate/validate-repo.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('columns the KPIs name', () => {
  it('computes the same values as with every column, with fewer columns', async () => {
    const read = await readRepoFiles(ROOT, ['data', 'kpis']);
    const v = validateRepo(read.files, read.issues);
    const all = buildDataset(v.data!);
    const some = buildDataset(v.data!, fieldsUsedBy(v.kpis));
    const columns = (d: typeof all) => Object.values(d.tables).reduce((n, t) => n + Object.keys(t.cat).length + Object.keys(t.num).length + Object.keys(t.time).length, 0);
    expect(columns(some)).toBeLessThan(columns(all));
    // No KPI of kpis/ reads a line's price on its own (net is qty x price x (1 - discount)).
    expect(some.tables.order_lines.num.price).toBeUndefined();
    expect(some.tables.order_lines.num.net).toBeDefined();
    const a = computeKpis({ data: v.data!, dataset: all, kpis: v.kpis });
    const b = computeKpis({ data: v.data!, dataset: some, kpis: v.kpis });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // An order's fields on its lines, kept for the lines alone: the same values, and not in orders.
    const lines = buildDataset(v.data!, (d, f) => d === 'order_lines' && ['region', 'owner', 'date'].includes(f));
    expect(lines.tables.orders.cat.region).toBeUndefined();
    expect(lines.tables.orders.time.date).toBeUndefined();
    expect(lines.tables.order_lines.cat.region).toEqual(all.tables.order_lines.cat.region);
    expect(lines.tables.order_lines.cat.owner).toEqual(all.tables.order_lines.cat.owner);
    expect(lines.tables.order_lines.time.date).toEqual(all.tables.order_lines.time.date);
  });

  it('keeps every field a definition names, wherever it is named', () => {
    const keep = fieldsUsedBy([{ id: 'x', formula: { op: 'sum', of: 'order_lines', field: 'gross', filter: { tier: { gte: 2 } } }, breakdowns: [{ field: 'sku' }] } as never]);
    expect(['gross', 'tier', 'sku', 'date'].map((f) => keep('order_lines', f))).toEqual([true, true, true, true]);
    expect(keep('order_lines', 'price')).toBe(false);
    expect(keep('activities', 'at')).toBe(true);
  });
});
