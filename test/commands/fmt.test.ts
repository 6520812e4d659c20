/**
 * `capaian fmt [--check]` as a command: which files it looks at, what it writes, what it
 * prints and returns; and the committed repository (data/ and kpis/) is in canonical form.
 */
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fmtCommand, kindOf, nodeFmtEffects } from '../../src/commands/fmt.ts';
import type { PendingIssue } from '../../src/issues/issue.ts';
import type { SourceFile } from '../../src/validate/validate-repo.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const enc = new TextEncoder();

const CANONICAL_ORDERS = '# March\n- id: SO-1\n  date: 2026-03-04\n  customer: C1\n  rep: andi\n  lines:\n    - { sku: A, qty: 1, price: 5500 }\n';
const MESSY_ORDERS = "# March\n- {id: SO-1, rep: andi, customer: C1, date: '2026-03-04', lines: [{sku: A, price: 5.5e3, qty: 1}]}\n";
const MESSY_KPI = 'title: {en: Net Sales, id: Penjualan Bersih}\nid: net-sales\nformula:\n  sum: {of: order_lines, field: net}\n';

function repo(files: Record<string, string | Uint8Array>, issues: PendingIssue[] = []) {
  const written = new Map<string, string>();
  const out: string[] = [];
  const sources: SourceFile[] = Object.entries(files).map(([path, content]) => ({ path, bytes: typeof content === 'string' ? enc.encode(content) : content }));
  return {
    written,
    out,
    fx: {
      read: async () => ({ files: sources, issues }),
      write: async (path: string, text: string) => void written.set(path, text),
      out: (line: string) => void out.push(line),
    },
  };
}

describe('fmtCommand', () => {
  it('--check lists the files not in canonical form, writes nothing and returns 1', async () => {
    const r = repo({ 'data/2026/03/orders.yaml': MESSY_ORDERS, 'data/2026/04/orders.yaml': CANONICAL_ORDERS.replace(/03/g, '04'), 'kpis/net-sales.yaml': MESSY_KPI });
    expect(await fmtCommand({ check: true, root: '.' }, r.fx)).toBe(1);
    expect(r.written.size).toBe(0);
    expect(r.out).toEqual(['data/2026/03/orders.yaml', 'kpis/net-sales.yaml', '2 of 3 files not in canonical form: run capaian fmt']);
  });

  it('--check returns 0 when every file is canonical', async () => {
    const r = repo({ 'data/2026/03/orders.yaml': CANONICAL_ORDERS });
    expect(await fmtCommand({ check: true, root: '.' }, r.fx)).toBe(0);
    expect(r.out).toEqual(['1 file checked: all in canonical form']);
  });

  it('rewrites only the files that change, in canonical form', async () => {
    const r = repo({ 'data/2026/03/orders.yaml': MESSY_ORDERS, 'data/2026/04/orders.yaml': CANONICAL_ORDERS, 'kpis/net-sales.yaml': MESSY_KPI });
    expect(await fmtCommand({ check: false, root: '.' }, r.fx)).toBe(0);
    expect([...r.written.keys()]).toEqual(['data/2026/03/orders.yaml', 'kpis/net-sales.yaml']);
    expect(r.written.get('data/2026/03/orders.yaml')).toBe(CANONICAL_ORDERS);
    expect(r.written.get('kpis/net-sales.yaml')).toBe('id: net-sales\ntitle: { id: Penjualan Bersih, en: Net Sales }\nformula:\n  sum: { of: order_lines, field: net }\n');
    expect(r.out).toEqual(['formatted 2 of 3 files']);
  });

  it('reports a file it cannot read as file:line:column  message  (hint), never rewrites it, and formats the others', async () => {
    const r = repo({ 'data/2026/03/orders.yaml': '- id: SO-1\n  lines: [{sku: A\n', 'data/2026/04/orders.yaml': MESSY_ORDERS });
    expect(await fmtCommand({ check: false, root: '.' }, r.fx)).toBe(1);
    expect([...r.written.keys()]).toEqual(['data/2026/04/orders.yaml']);
    expect(r.out[0]).toMatch(/^data\/2026\/03\/orders\.yaml:3:1 {2}YAML syntax error: .+ {2}\(.+\)$/);
    expect(r.out.slice(1)).toEqual(['', 'formatted 1 of 2 files; 1 file could not be formatted and was left as it is']);
  });

  it('--check also fails on a file it cannot read', async () => {
    const r = repo({ 'data/2026/03/orders.yaml': '- &a {id: 1}\n- *a\n', 'data/team.yaml': new Uint8Array([0x2d, 0x20, 0xe9, 0x0a]) });
    expect(await fmtCommand({ check: true, root: '.' }, r.fx)).toBe(1);
    expect(r.out).toEqual([
      'data/2026/03/orders.yaml:1:3  YAML anchors and aliases (&name, *name) are not allowed in data files  (write the values out in full)',
      expect.stringMatching(/^data\/team\.yaml:1:3  file is not UTF-8 text/),
      '',
      '2 files checked; 2 files could not be formatted and were left as they are; the others are in canonical form',
    ]);
  });

  it('reports problems met while reading (no data/ folder)', async () => {
    const r = repo({}, [{ level: 'error', code: 'missing-folder', file: 'data/', at: [], message: 'no data/ folder in /x', hint: 'run capaian inside your data repository' }]);
    expect(await fmtCommand({ check: true, root: '/x' }, r.fx)).toBe(1);
    expect(r.out[0]).toBe('data/  no data/ folder in /x  (run capaian inside your data repository)');
  });

  it('removes a byte order mark', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(CANONICAL_ORDERS)]);
    const r = repo({ 'data/2026/03/orders.yaml': bom });
    expect(await fmtCommand({ check: false, root: '.' }, r.fx)).toBe(0);
    expect(r.written.get('data/2026/03/orders.yaml')).toBe(CANONICAL_ORDERS);
  });

  it('formats data files and KPI definitions only', () => {
    expect(kindOf('data/2026/03/orders.yaml')).toBe('orders');
    expect(kindOf('data/targets/2026.yaml')).toBe('targets');
    expect(kindOf('data/products.yaml')).toBe('products');
    expect(kindOf('kpis/net-sales.yaml')).toBe('kpi');
    for (const p of ['data/README.md', 'data/notes.yaml', 'data/2026/03/orders.yml', 'kpis/old/x.yaml', 'kpis/README.md', 'src/x.yaml', 'data/.hidden/x.yaml']) expect(kindOf(p), p).toBeUndefined();
  });

  it('writes through a temporary file on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'capaian-fmt-'));
    try {
      await mkdir(join(dir, 'data/2026/03'), { recursive: true });
      await writeFile(join(dir, 'data/2026/03/orders.yaml'), MESSY_ORDERS);
      const out: string[] = [];
      expect(await fmtCommand({ check: false, root: dir }, nodeFmtEffects(dir, (l) => out.push(l)))).toBe(0);
      expect(await readFile(join(dir, 'data/2026/03/orders.yaml'), 'utf8')).toBe(CANONICAL_ORDERS);
      expect(await readdir(join(dir, 'data/2026/03'))).toEqual(['orders.yaml']);
      expect(await fmtCommand({ check: true, root: dir }, nodeFmtEffects(dir, (l) => out.push(l)))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the committed repository', () => {
  it('is in canonical form: fmt --check on data/ and kpis/ exits 0', async () => {
    const out: string[] = [];
    const started = performance.now();
    const code = await fmtCommand({ check: true, root: ROOT }, nodeFmtEffects(ROOT, (l) => out.push(l)));
    const seconds = (performance.now() - started) / 1000;
    console.log(`fmt --check on the repository: ${seconds.toFixed(2)} s (${out.at(-1)})`);
    expect(out, 'run: capaian fmt (or regenerate data/ with capaian sample --out .)').toEqual([expect.stringMatching(/^\d+ files checked: all in canonical form$/)]);
    expect(code).toBe(0);
  });
});
