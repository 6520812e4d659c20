import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { insertCustomers, insertProducts } from '../../src/import/append.ts';

const load = (t: string) => yaml.load(t, { schema: yaml.CORE_SCHEMA });
const customer = (id: string) => ({ id, name: `Toko ${id}`, region: 'jakarta', segment: 'retail', owner: 'andi' });

describe('insertCustomers', () => {
  const existing = [
    '# Our customers.',
    '- id: C0001',
    '  name: Toko Satu',
    '  region: jakarta',
    '  segment: retail',
    '  owner: andi',
    '# the big one',
    '- id: C0005',
    '  name: Toko Lima',
    '  region: jakarta',
    '  segment: retail',
    '  owner: andi',
    '',
  ].join('\n');

  it('puts each new customer where its id sorts, keeping comments and every other line', () => {
    const r = insertCustomers(existing, [customer('C0009'), customer('C0003'), customer('B0001')]);
    expect(r.rewritten).toBe(false);
    expect(r.text).toBe(
      [
        '# Our customers.',
        '- id: B0001',
        '  name: Toko B0001',
        '  region: jakarta',
        '  segment: retail',
        '  owner: andi',
        '- id: C0001',
        '  name: Toko Satu',
        '  region: jakarta',
        '  segment: retail',
        '  owner: andi',
        '- id: C0003',
        '  name: Toko C0003',
        '  region: jakarta',
        '  segment: retail',
        '  owner: andi',
        '# the big one',
        '- id: C0005',
        '  name: Toko Lima',
        '  region: jakarta',
        '  segment: retail',
        '  owner: andi',
        '- id: C0009',
        '  name: Toko C0009',
        '  region: jakarta',
        '  segment: retail',
        '  owner: andi',
        '',
      ].join('\n'),
    );
    // positions follow the order the records were given in
    expect(r.positions).toEqual([4, 2, 0]);
  });

  it('fills an empty list ([] or no file) under the file\'s comments', () => {
    expect(insertCustomers('# Added by import.\n[]\n', [customer('C1')]).text).toBe('# Added by import.\n- id: C1\n  name: Toko C1\n  region: jakarta\n  segment: retail\n  owner: andi\n');
    expect(insertCustomers(undefined, [customer('C1')]).text).toBe('- id: C1\n  name: Toko C1\n  region: jakarta\n  segment: retail\n  owner: andi\n');
  });

  it('rewrites a file it cannot splice (a flow list) in canonical form, and says so', () => {
    const r = insertCustomers('[{ id: C2, name: Dua, region: jakarta, segment: retail, owner: andi }]\n', [customer('C1')]);
    expect(r.rewritten).toBe(true);
    expect(load(r.text)).toEqual([customer('C1'), { id: 'C2', name: 'Dua', region: 'jakarta', segment: 'retail', owner: 'andi' }]);
  });
});

describe('insertProducts', () => {
  it('adds to the products list, turning products: [] into a block list', () => {
    const existing = '# Categories first.\ncategories:\n  - { id: gtx, name: GTX }\nproducts: []\n';
    const r = insertProducts(existing, [{ sku: 'GTX-Pro', name: 'GTX Pro', category: 'gtx', tier: 3 }]);
    expect(r.rewritten).toBe(false);
    expect(r.text).toBe('# Categories first.\ncategories:\n  - { id: gtx, name: GTX }\nproducts:\n  - sku: GTX-Pro\n    name: GTX Pro\n    category: gtx\n    tier: 3\n');
  });

  it('refuses to splice when products: is not the last thing in the file, and rewrites it', () => {
    const existing = 'products:\n  - { sku: A, name: A, category: x }\ncategories:\n  - { id: x, name: X }\n';
    const r = insertProducts(existing, [{ sku: 'B', name: 'B', category: 'x' }]);
    expect(r.rewritten).toBe(true);
    expect(load(r.text)).toEqual({ categories: [{ id: 'x', name: 'X' }], products: [{ sku: 'A', name: 'A', category: 'x' }, { sku: 'B', name: 'B', category: 'x' }] });
  });
});
