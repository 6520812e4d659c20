/**
 * parseYaml refuses anchors and aliases at their file:line:column, and only them: text that merely
 * looks like one to a quick scan ("Bookcase, *Special Order", "Toko &Co") is read as text, by
 * js-yaml alone, without the second, slow parse that locates a real one.
 */
import { describe, expect, it, vi } from 'vitest';

const slowParses = vi.hoisted(() => ({ count: 0 }));
vi.mock('yaml', async (original) => {
  const real = await original<typeof import('yaml')>();
  return { ...real, parseDocument: (...args: Parameters<typeof real.parseDocument>) => (slowParses.count++, real.parseDocument(...args)) };
});
const { parseYaml } = await import('../../src/load/parse-yaml.ts');

const at = (text: string) => {
  slowParses.count = 0;
  const r = parseYaml(text, 'data/products.yaml');
  return { issues: r.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`), value: r.value, slow: slowParses.count };
};

describe('anchors and aliases', () => {
  it('a product name with ", *Special Order" (as in Superstore) is text, read without the slow parse', () => {
    const products = Array.from({ length: 200 }, (_, i) => `  - sku: FUR-BO-${1000 + i}\n    name: ${i % 7 ? 'Bush Cubix Bookcase' : 'Safco Bookcase, *Special Order'} ${i}\n    category: furniture\n`).join('');
    const r = at(`products:\n${products}`);
    expect(r.issues).toEqual([]);
    expect(r.slow).toBe(0);
    expect((r.value as { products: { name: string }[] }).products[7]!.name).toBe('Safco Bookcase, *Special Order 7');
  });

  it('"&" and "*" inside quotes, plain text and block scalars are text', () => {
    const r = at('- name: "Toko &Co"\n  note: Kirim *segera*, &x\n  memo: |\n    *a &b\n  tags: [\'*c\', "&d"]\n');
    expect(r.issues).toEqual([]);
    expect(r.value).toEqual([{ name: 'Toko &Co', note: 'Kirim *segera*, &x', memo: '*a &b\n', tags: ['*c', '&d'] }]);
  });

  it.each([
    ['an anchor on a value', 'products:\n  - sku: A\n    name: &n Meja\n  - sku: B\n    name: *n\n', 3, 11],
    ['an alias alone (no anchor before it)', 'products:\n  - sku: A\n    name: *n\n', 3, 11],
    ['an anchor on a record', 'products:\n  - &p { sku: A, name: Meja }\n', 2, 5],
    ['an anchor in a flow sequence', 'products:\n  - { sku: A, tags: [x, &t y] }\n', 2, 25],
    ['a merge key', 'products:\n  - &p\n    sku: A\n  - <<: *p\n    sku: B\n', 2, 5],
    ['an anchor in a file that is also broken', 'products:\n  - sku: &s A\n   name: [\n', 2, 10],
  ])('%s is refused at its place', (_what, text, line, column) => {
    expect(at(text).issues).toEqual([`data/products.yaml:${line}:${column} yaml-alias`]);
  });
});
