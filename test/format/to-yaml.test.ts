import fc from 'fast-check';
import yaml from 'js-yaml';
import { parse as parseWithYamlPkg } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LAYOUTS } from '../../src/format/layout.ts';
import { isPlainSafe, toYaml } from '../../src/format/to-yaml.ts';
import { keysOf, LEAD_FIELDS, ORDER_FIELDS, ORDER_LINE_FIELDS } from '../../src/schema/record-fields.ts';

const load = (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA });

const TRICKY = [
  'yes', 'no', 'on', 'off', 'null', 'Null', 'NULL', '~', 'true', 'False', '1e3', '-1', '+1', '.5', '1.',
  '007', '0x1F', '0o17', '0b101', '.inf', '-.Inf', '.nan', '2026-03-04', '2026-03-04T09:15', '12:30',
  'a: b', 'a:b', 'a:', '#x', 'a #b', 'a#b', ' leading', 'trailing ', '', ' ', '-', '- x', '-x', '?', '? x',
  ':x', ',x', 'x, y', '[x]', '{x}', 'x]', '&a', '*a', '!tag', '|', '>', "'q'", '"q"', "it's", 'say "hi"',
  '%x', '@x', '`x', '...', '---', 'a\nb', 'a\r\nb', '\ttab', 'tab\t', 'back\\slash', 'Café Jalan Raya',
  'Toko Sinar Jaya 😀', '日本語', '\u0085', '\u2028', '\ufeff', '\x7f', '\x00', '\ud800', 'x\udc00',
];

describe('toYaml', () => {
  it('reads back the same strings, in records and in flow mappings', () => {
    for (const s of TRICKY) {
      const value = [{ id: s, name: { id: s, en: s }, tags: [s], lines: [{ sku: s, qty: 1 }] }];
      const text = toYaml(value);
      expect(load(text), JSON.stringify(s) + '\n' + text).toEqual(value);
    }
  });

  it('reads back any string and number (property)', () => {
    const value = fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
    const record = fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1 }), value);
    fc.assert(
      fc.property(fc.array(fc.record({ id: value, more: record, list: fc.array(record) })), (records) => {
        expect(load(toYaml(records))).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the `yaml` package (core schema) on plain strings', () => {
    for (const s of TRICKY.filter((x) => isPlainSafe(x, false))) {
      expect(parseWithYamlPkg(`v: ${s}\n`, { schema: 'core' })).toEqual({ v: s });
    }
  });

  it('writes plain what can be plain', () => {
    expect(toYaml({ a: 'yes', b: '2026-03-04', c: 'Toko Bu Sri, Bekasi', d: 'x: y', e: '007' })).toBe(
      'a: yes\nb: 2026-03-04\nc: Toko Bu Sri, Bekasi\nd: "x: y"\ne: "007"\n',
    );
    expect(toYaml({ n: { id: 'Hotel, Kafe', en: 'Cafés' } })).toBe('n: { id: "Hotel, Kafe", en: Cafés }\n');
  });

  it('writes numbers that read back exactly', () => {
    const nums = [0, -0, 1, 5500, 0.05, 1 / 3, 123456789012345680000, 1e21, 2 ** 53 + 2, 1e-7, -2.5, NaN, Infinity, -Infinity];
    expect(load(toYaml(nums))).toEqual(nums);
    expect(toYaml([123456789012345680000, 4500000000])).toBe('- 123456789012345680000\n- 4500000000\n');
  });

  it('writes orders in the canonical form (golden)', () => {
    const orders = [
      {
        // keys deliberately out of order: the layout puts them in schema order
        lines: [
          { qty: 24, sku: 'BEV-TEH-350', price: 5500, discount: 0, kind: 'regular' },
          { sku: 'SNK-KRP-100', qty: 10, price: 12000, discount: 0.05, kind: 'cross-sell' },
        ],
        rep: 'andi',
        id: 'SO-2026-03-0001',
        date: '2026-03-04',
        customer: 'C0001',
      },
      { id: 'SO-2026-03-0002', date: '2026-03-05', customer: 'C0002', rep: 'sari', lines: [{ sku: 'X', qty: 1, price: 0, kind: 'up-sell' }], note: 'urgent: deliver #2' },
    ];
    expect(toYaml(orders, LAYOUTS.orders, { header: 'Orders, March 2026' })).toBe(
      [
        '# Orders, March 2026',
        '- id: SO-2026-03-0001',
        '  date: 2026-03-04',
        '  customer: C0001',
        '  rep: andi',
        '  lines:',
        '    - { sku: BEV-TEH-350, qty: 24, price: 5500 }',
        '    - { sku: SNK-KRP-100, qty: 10, price: 12000, discount: 0.05, kind: cross-sell }',
        '- id: SO-2026-03-0002',
        '  date: 2026-03-05',
        '  customer: C0002',
        '  rep: sari',
        '  lines:',
        '    - { sku: X, qty: 1, price: 0, kind: up-sell }',
        '  note: "urgent: deliver #2"',
        '',
      ].join('\n'),
    );
  });

  it('writes nested mappings: records in block style, flat items in flow style', () => {
    const company = {
      regions: [{ id: 'jawa-barat', name: { id: 'Jawa Barat', en: 'West Java' } }],
      name: 'PT Contoh',
      working_days: ['mon', 'tue'],
      holidays: [{ name: 'Tahun Baru', date: '2026-01-01' }],
      segments: [],
    };
    expect(toYaml(company, LAYOUTS.company)).toBe(
      [
        'name: PT Contoh',
        'working_days: [mon, tue]',
        'holidays:',
        '  - { date: 2026-01-01, name: Tahun Baru }',
        'regions:',
        '  - id: jawa-barat',
        '    name: { id: Jawa Barat, en: West Java }',
        'segments: []',
        '',
      ].join('\n'),
    );
    const products = { products: [{ sku: 'A', name: 'Teh', category: 'minuman', tier: 1 }], categories: [{ id: 'minuman', name: 'Minuman' }] };
    expect(toYaml(products, LAYOUTS.products)).toBe(
      'categories:\n  - { id: minuman, name: Minuman }\nproducts:\n  - sku: A\n    name: Teh\n    category: minuman\n    tier: 1\n',
    );
  });

  it('writes a flat mapping in block style when its flow line would pass 120 characters', () => {
    const long = 'Penjualan bersih tiap bulan mencapai target yang disusun dari bulan yang sama tahun lalu';
    const goals = [{ id: 'g', title: { id: 'Tumbuh', en: 'Grow' }, description: { id: long, en: 'Monthly net sales reach their targets' } }];
    expect(toYaml(goals, LAYOUTS.goals)).toBe(
      `- id: g\n  title: { id: Tumbuh, en: Grow }\n  description:\n    id: ${long}\n    en: Monthly net sales reach their targets\n`,
    );
    expect(load(toYaml(goals, LAYOUTS.goals))).toEqual(goals);
  });

  it('writes top-level records in block style even without a layout', () => {
    expect(toYaml([{ id: 1, b: 'x' }])).toBe('- id: 1\n  b: x\n');
  });

  it('writes an empty list as []', () => {
    expect(toYaml([], LAYOUTS.surveys, { header: 'none' })).toBe('# none\n[]\n');
    expect(load('# none\n[]\n')).toEqual([]);
  });

  it('takes key order from the schemas', () => {
    // The field tables' order (schema/record-fields.ts), which the schemas are built from.
    expect(LAYOUTS.orders.keys).toEqual(keysOf(ORDER_FIELDS));
    expect(LAYOUTS.orders.keys).toEqual(['id', 'date', 'customer', 'rep', 'channel', 'lines', 'note']);
    expect(LAYOUTS.orders.nested.lines!.keys).toEqual(keysOf(ORDER_LINE_FIELDS));
    expect(LAYOUTS.leads.keys).toEqual(keysOf(LEAD_FIELDS));
    expect(LAYOUTS.orders.nested.lines!.defaults).toEqual({ discount: 0, kind: 'regular' });
    expect(LAYOUTS.company.nested.regions!.nested.name!.keys).toEqual(['id', 'en']);
  });
});
