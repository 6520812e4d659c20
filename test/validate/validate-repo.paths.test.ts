/**
 * Clean data takes the fast path (month files as columns, rules on columns); the full checker
 * (record objects) is the reference. On the same files both must give the same issues, summary
 * and columns, and the same report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/dataset/build-dataset.ts';
import { formatYaml } from '../../src/format/format-file.ts';
import { readCanonical } from '../../src/ingest/canonical-reader.ts';
import { readRepoFiles } from '../../src/load/read-repo.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { validateFull, validateRepo, type SourceFile } from '../../src/validate/validate-repo.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURE = new URL('../fixtures/valid/', import.meta.url).pathname;
const WARNING_CASE = new URL('../fixtures/invalid/time-rep-left-warning/', import.meta.url).pathname;
const KIND_CASE = new URL('../fixtures/invalid/line-kind-warnings/', import.meta.url).pathname;

/** Files in memory (so the two paths read the same bytes), with `replace` laid over them. */
async function filesOf(root: string, replace: Record<string, string> = {}): Promise<SourceFile[]> {
  const read = await readRepoFiles(root, ['data', 'kpis']);
  const files = new Map(read.files.map((f) => [f.path, f.bytes]));
  for (const [p, text] of Object.entries(replace)) files.set(p, new TextEncoder().encode(text));
  return [...files].map(([path, bytes]) => ({ path, bytes }));
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));

describe('the fast path and the full checker agree', () => {
  for (const [name, root] of [
    ['the sample repository', ROOT],
    ['the test fixture', FIXTURE],
  ] as const) {
    it(`on ${name}`, async () => {
      const files = await filesOf(root);
      const fast = validateRepo(files);
      const full = validateFull(files);
      expect(fast.data).not.toBeNull();
      expect(full.data).not.toBeNull();
      expect(fast.issues).toEqual(full.issues);
      expect(fast.summary).toEqual(full.summary);
      for (const kind of ['orders', 'leads', 'activities', 'surveys'] as const) expect(plain(fast.data![kind])).toEqual(plain(full.data![kind]));
    });
  }

  it('words a warning (a rep credited after leaving) the same way, at the same place', async () => {
    const overlay = 'data/2026/03/orders.yaml';
    const files = await filesOf(FIXTURE, { [overlay]: readFileSync(`${WARNING_CASE}${overlay}`, 'utf8') });
    const fast = validateRepo(files);
    const full = validateFull(files);
    expect(fast.data).not.toBeNull();
    expect(fast.issues.map((i) => i.code)).toContain('rep-inactive');
    expect(fast.issues).toEqual(full.issues);
  });

  it('words an ownership warning (an account taken over outside the rep\'s employment) the same way, at the same place', async () => {
    const overlay = 'data/customers.yaml';
    const files = await filesOf(FIXTURE, { [overlay]: readFileSync(new URL('../fixtures/invalid/customer-owner-inactive/data/customers.yaml', import.meta.url), 'utf8') });
    const fast = validateRepo(files);
    const full = validateFull(files);
    expect(fast.data).not.toBeNull();
    expect(fast.issues.map((i) => i.code)).toEqual(['owner-inactive', 'owner-inactive']);
    expect(fast.issues).toEqual(full.issues);
    expect(plain(fast.data!.customers)).toEqual(plain(full.data!.customers));
  });

  it('words the line-kind warnings (a cross-sell bought before, an up-sell not higher) the same way, at the same place', async () => {
    const overlay = 'data/2026/03/orders.yaml';
    const files = await filesOf(FIXTURE, { [overlay]: readFileSync(`${KIND_CASE}${overlay}`, 'utf8') });
    const fast = validateRepo(files);
    const full = validateFull(files);
    expect(fast.data).not.toBeNull();
    expect(fast.issues.map((i) => `${i.code} ${i.line}:${i.column}`)).toEqual(['kind-not-cross-sell 15:48', 'kind-not-up-sell 29:48']);
    expect(fast.issues).toEqual(full.issues);
  });

  it('sends anything unclean to the full checker, which reports it (a duplicate id across months)', async () => {
    const files = await filesOf(ROOT);
    const march = files.find((f) => f.path === 'data/2026/03/orders.yaml')!;
    const text = new TextDecoder().decode(march.bytes);
    const firstId = /id: (\S+)/.exec(text)![1]!;
    const april = files.find((f) => f.path === 'data/2026/04/orders.yaml')!;
    const aprilText = new TextDecoder().decode(april.bytes).replace(/id: \S+/, `id: ${firstId}`);
    april.bytes = new TextEncoder().encode(aprilText);
    const r = validateRepo(files);
    expect(r.data).toBeNull();
    const dup = r.issues.find((i) => i.code === 'duplicate-id')!;
    expect(dup.message).toContain(firstId);
    expect([dup.file, dup.line, dup.related?.file]).toEqual(['data/2026/04/orders.yaml', 2, 'data/2026/03/orders.yaml']);
  });

  it('gives the same report either way', async () => {
    const files = await filesOf(FIXTURE);
    const fast = runPipeline(files, [], { commit: 'x' });
    expect(fast.report).not.toBeNull();
    // The full checker's data through the same engine.
    const full = validateFull(files);
    const { buildDataset } = await import('../../src/dataset/build-dataset.ts');
    const { computeKpis } = await import('../../src/compute/compute-kpis.ts');
    const a = computeKpis({ data: validateRepo(files).data!, dataset: buildDataset(validateRepo(files).data!), kpis: fast.validation.kpis });
    const b = computeKpis({ data: full.data!, dataset: buildDataset(full.data!), kpis: full.kpis });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe("an order's channel (an optional field added to the orders table only)", () => {
  const overlay = 'data/2026/03/orders.yaml';
  const ORDERS = `- id: SO-1
  date: 2026-03-02
  customer: C1
  rep: andi
  channel: visit
  lines:
    - { sku: TEH-1, qty: 10, price: 5000 }
    - { sku: TEH-2, qty: 2, price: 9000, discount: 0.1, kind: up-sell }
- id: SO-2
  date: 2026-03-05
  customer: C1
  rep: andi
  lines:
    - { sku: TEH-1, qty: 1, price: 5000 }
- id: SO-3
  date: 2026-03-09
  customer: C1
  rep: andi
  channel: online
  lines:
    - { sku: TEH-1, qty: 3, price: 5000 }
`;

  it('is read by the canonical reader and the full checker alike, and reaches the dataset', async () => {
    expect(readCanonical(ORDERS, 'orders', overlay, '2026-03', 'Asia/Jakarta')).toBeDefined();
    const files = await filesOf(FIXTURE, { [overlay]: ORDERS });
    const fast = validateRepo(files);
    const full = validateFull(files);
    expect(fast.data).not.toBeNull();
    expect(fast.issues).toEqual(full.issues);
    for (const kind of ['orders', 'leads', 'activities', 'surveys'] as const) expect(plain(fast.data![kind])).toEqual(plain(full.data![kind]));
    const march = fast.data!.orders.find((c) => c.file === overlay)!;
    // Codes are the index among visit, phone, online, distributor; 255 when not given.
    expect(Array.from(march.enums.channel!)).toEqual([0, 255, 2]);
    const ds = buildDataset(fast.data!);
    const channels = ds.vocabularies.channel!.values;
    const named = (codes: Int32Array) => Array.from(codes, (c) => (c < 0 ? null : channels[c]));
    expect(named(ds.tables.orders.cat.channel!)).toEqual(['visit', null, 'online']);
    // Each line carries its order's channel: SO-1 has two lines.
    expect(named(ds.tables.order_lines.cat.channel!)).toEqual(['visit', 'visit', null, 'online']);
  });

  it('is refused the same way, at the same place, by both paths when it is not one of the four', async () => {
    const files = await filesOf(FIXTURE, { [overlay]: ORDERS.replace('channel: online', 'channel: Online') });
    const fast = validateRepo(files);
    const full = validateFull(files);
    expect(fast.data).toBeNull();
    expect(fast.issues.map((i) => `${i.level} ${i.file}:${i.line}:${i.column} ${i.message} (${i.hint})`)).toEqual([`error ${overlay}:19:12 channel must be visit, phone, online or distributor, got "Online" (did you mean online?)`]);
    expect(fast.issues).toEqual(full.issues);
  });

  it('is put in its place by fmt (after rep), which the canonical reader then takes', () => {
    const moved = ORDERS.replace('  channel: visit\n', '').replace('    - { sku: TEH-2, qty: 2, price: 9000, discount: 0.1, kind: up-sell }\n', '    - { sku: TEH-2, qty: 2, price: 9000, discount: 0.1, kind: up-sell }\n  channel: visit\n');
    expect(moved).not.toBe(ORDERS);
    const out = formatYaml(moved, 'orders', overlay);
    expect(out.text).toBe(ORDERS);
    expect(formatYaml(ORDERS, 'orders', overlay).text).toBe(ORDERS);
  });
});
