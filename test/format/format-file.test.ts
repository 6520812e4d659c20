/**
 * Golden cases for `capaian fmt`: hand-written messy files (mixed quoting, key order, flow and
 * block style, number notations, comments in every place) and the canonical text expected.
 * Each expected text is also checked to be a fixed point (formatting it changes nothing).
 */
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { formatYaml, type FormatKind } from '../../src/format/format-file.ts';
import { LAYOUTS } from '../../src/format/layout.ts';
import { formatNumber, listToYaml, toYaml } from '../../src/format/to-yaml.ts';

const lines = (...ls: string[]) => ls.join('\n') + '\n';

function fmt(kind: FormatKind, text: string): string {
  const result = formatYaml(text, kind, 'x.yaml');
  expect(result.issues).toBeUndefined();
  expect(formatYaml(result.text!, kind, 'x.yaml').text, 'formatting the output again changes nothing').toBe(result.text);
  return result.text!;
}

describe('fmt golden cases', () => {
  it('customers: owners written rep then from, oldest first, the one without from first; comments travel', () => {
    const messy = lines(
      '- id: C2',
      '  name: Toko Dua',
      '  owners:',
      '    # took over when budi left',
      '    - { from: 2026-03-16, rep: andi }',
      '    - rep: budi',
      '  region: bandung',
      '  segment: retail',
      '- { id: C1, name: Toko Satu, region: jakarta, segment: retail, owners: [{from: 2026-01-01, rep: andi}, { rep: budi, from: 2025-01-01 }] }',
      '- { owner: andi, id: C3, name: Toko Tiga, region: jakarta, segment: retail }',
    );
    expect(fmt('customers', messy)).toBe(
      lines(
        '- id: C1',
        '  name: Toko Satu',
        '  region: jakarta',
        '  segment: retail',
        '  owners:',
        '    - { rep: budi, from: 2025-01-01 }',
        '    - { rep: andi, from: 2026-01-01 }',
        '- id: C2',
        '  name: Toko Dua',
        '  region: bandung',
        '  segment: retail',
        '  owners:',
        '    - { rep: budi }',
        '    # took over when budi left',
        '    - { rep: andi, from: 2026-03-16 }',
        '- id: C3',
        '  name: Toko Tiga',
        '  region: jakarta',
        '  segment: retail',
        '  owner: andi',
      ),
    );
  });

  it('orders: key order, quoting, numbers, flow order lines, sorted by date then id, comments travel', () => {
    const messy = lines(
      '# Orders, March 2026',
      '#',
      '# (entered by hand)',
      '',
      '# a late order, entered first',
      '- rep: "andi"',
      '  lines:',
      '  - qty: 24',
      "    sku: 'BEV-TEH-350'",
      '    price: 5.5e3',
      '  - {sku: SNK-KRP-100, qty: 10, price: 12000, discount: .05, kind: cross-sell}   # promo',
      '  customer: C0001',
      '  date: 2026-03-09',
      '  id: "SO-2026-03-0002"',
      '  note: >',
      '    deliver before',
      '    noon',
      '- id: SO-2026-03-0001',
      '  date: 2026-03-04   # first of the month',
      '  customer: C0002',
      '  rep: sari',
      '  lines: [{ sku: BEV-TEH-350, qty: +12, price: 0x157C }]',
      '  # checked by sari',
    );
    expect(fmt('orders', messy)).toBe(
      lines(
        '# Orders, March 2026',
        '#',
        '# (entered by hand)',
        '- id: SO-2026-03-0001',
        '  date: 2026-03-04 # first of the month',
        '  customer: C0002',
        '  rep: sari',
        '  lines:',
        '    - { sku: BEV-TEH-350, qty: 12, price: 5500 }',
        '  # checked by sari',
        '# a late order, entered first',
        '- id: SO-2026-03-0002',
        '  date: 2026-03-09',
        '  customer: C0001',
        '  rep: andi',
        '  lines:',
        '    - { sku: BEV-TEH-350, qty: 24, price: 5500 }',
        '    - { sku: SNK-KRP-100, qty: 10, price: 12000, discount: 0.05, kind: cross-sell } # promo',
        '  note: "deliver before noon\\n"',
      ),
    );
  });

  it('keeps a blank line between the header and the first record when that record has comments of its own', () => {
    const messy = lines('# Orders, March 2026', '', '# first!', '- {id: SO-1, date: 2026-03-01}', '- id: SO-0', '  date: 2026-03-02');
    expect(fmt('orders', messy)).toBe(lines('# Orders, March 2026', '', '# first!', '- id: SO-1', '  date: 2026-03-01', '- id: SO-0', '  date: 2026-03-02'));
    // Without the blank line the comments are all header, and stay on top whatever moves.
    expect(fmt('orders', lines('# Orders', '# more', '- {id: SO-2, date: 2026-03-09}', '- {id: SO-1, date: 2026-03-01}'))).toBe(
      lines('# Orders', '# more', '- id: SO-1', '  date: 2026-03-01', '- id: SO-2', '  date: 2026-03-09'),
    );
  });

  it('leads: same time, sorted by id; unknown fields after the known ones', () => {
    const messy = lines(
      '# Leads of 2026-03',
      "- { id: L-2, created: '2026-03-05T08:00', source: referral, rep: andi, region: jkt, campaign: Ramadan }",
      '- { id: L-1, created: 2026-03-05T08:00, source: walk-in, rep: sari, region: jkt, name: Warung Bu Sri }',
    );
    expect(fmt('leads', messy)).toBe(
      lines(
        '# Leads of 2026-03',
        '- id: L-1',
        '  created: 2026-03-05T08:00',
        '  name: Warung Bu Sri',
        '  source: walk-in',
        '  rep: sari',
        '  region: jkt',
        '- id: L-2',
        '  created: 2026-03-05T08:00',
        '  source: referral',
        '  rep: andi',
        '  region: jkt',
        '  campaign: Ramadan',
      ),
    );
  });

  it('targets: sorted by KPI, period and scope (no scope first); numbers without exponent', () => {
    const messy = lines(
      '- {kpi: net-sales, period: 2026-Q1, value: 1.4e10, region: jabodetabek}',
      '- {kpi: net-sales, period: 2026, value: 6e10}',
      '- {kpi: follow-up-24h, period: 2026-03, value: 0.8}   # percent as a fraction',
      '- {kpi: net-sales, period: 2026-03, value: 5.2e9}',
      '- {kpi: net-sales, period: 2026-03, value: 1e9, rep: andi}',
    );
    expect(fmt('targets', messy)).toBe(
      lines(
        '- kpi: follow-up-24h',
        '  period: 2026-03',
        '  value: 0.8',
        '  # percent as a fraction',
        '- kpi: net-sales',
        '  period: 2026',
        '  value: 60000000000',
        '- kpi: net-sales',
        '  period: 2026-03',
        '  value: 5200000000',
        '- kpi: net-sales',
        '  period: 2026-03',
        '  value: 1000000000',
        '  rep: andi',
        '- kpi: net-sales',
        '  period: 2026-Q1',
        '  value: 14000000000',
        '  region: jabodetabek',
      ),
    );
  });

  it('company.yaml: schema key order, lists of words in flow style, holidays one per line, names in flow style', () => {
    const messy = lines(
      '# Company settings',
      '',
      'timezone: Asia/Jakarta',
      "name: 'PT Contoh Jaya'   # legal name",
      'currency: IDR',
      'working_days:',
      '- mon',
      '- tue',
      '- wed',
      'regions:',
      '- id: jkt',
      '  name:',
      '    en: Jakarta',
      '    id: Jakarta',
      '  # more regions later',
      'holidays: [{name: Tahun Baru, date: 2026-01-01}, {date: 2026-03-20, name: "Hari Raya: Idul Fitri"}]',
      'fiscal_year_start: 01',
    );
    expect(fmt('company', messy)).toBe(
      lines(
        '# Company settings',
        'name: PT Contoh Jaya # legal name',
        'currency: IDR',
        'timezone: Asia/Jakarta',
        'fiscal_year_start: 1',
        'working_days: [mon, tue, wed]',
        'holidays:',
        '  - { date: 2026-01-01, name: Tahun Baru }',
        '  - { date: 2026-03-20, name: "Hari Raya: Idul Fitri" }',
        'regions:',
        '  - id: jkt',
        '    name: { id: Jakarta, en: Jakarta }',
        '    # more regions later',
      ),
    );
  });

  it('products.yaml: products sorted by sku in block style, their comments with them; categories as written', () => {
    const messy = lines(
      '# Catalog',
      'products:',
      '  # the new one, not on the price list yet',
      '  - sku: SNK-KRP-100',
      '    name: "Keripik 100 g"',
      '    category: makanan-ringan',
      '  - {sku: BEV-TEH-350, name: Teh Melati 350 ml, category: minuman, tier: 1, list_price: 5500}',
      '  # the premium tier',
      '  - sku: BEV-TEH-500',
      '    tier: 2',
      '    category: minuman',
      '    name: Teh Melati 500 ml',
      'categories:',
      '  - {id: minuman, name: {id: Minuman, en: Beverages}}',
      '  - id: makanan-ringan',
      '    name: {en: Snacks, id: Makanan Ringan}',
    );
    expect(fmt('products', messy)).toBe(
      lines(
        '# Catalog',
        'categories:',
        '  - id: minuman',
        '    name: { id: Minuman, en: Beverages }',
        '  - id: makanan-ringan',
        '    name: { id: Makanan Ringan, en: Snacks }',
        'products:',
        '  - sku: BEV-TEH-350',
        '    name: Teh Melati 350 ml',
        '    category: minuman',
        '    tier: 1',
        '    list_price: 5500',
        '  # the premium tier',
        '  - sku: BEV-TEH-500',
        '    name: Teh Melati 500 ml',
        '    category: minuman',
        '    tier: 2',
        '  # the new one, not on the price list yet',
        '  - sku: SNK-KRP-100',
        '    name: Keripik 100 g',
        '    category: makanan-ringan',
      ),
    );
  });

  it('KPI definitions: schema key order, localized titles in flow style, the formula in the style it was written', () => {
    const messy = lines(
      '# Net sales: the base KPI',
      'formula:',
      '  sum: {field: net, of: order_lines}     # every line',
      'breakdowns: [region, category]',
      'unit: currency',
      'title:',
      '  en: Net Sales',
      '  id: Penjualan Bersih',
      'id: net-sales',
      'direction: higher',
      'group: volume',
      "description: {id: 'Jumlah nilai semua baris pesanan.', en: \"The value of every order line.\"}",
    );
    expect(fmt('kpi', messy)).toBe(
      lines(
        '# Net sales: the base KPI',
        'id: net-sales',
        'title: { id: Penjualan Bersih, en: Net Sales }',
        'description: { id: Jumlah nilai semua baris pesanan., en: The value of every order line. }',
        'group: volume',
        'unit: currency',
        'direction: higher',
        'formula:',
        '  sum: { field: net, of: order_lines } # every line',
        'breakdowns: [region, category]',
      ),
    );
    const ratio = lines(
      'id: x',
      'formula:',
      '  ratio:',
      '    numerator: {sum: {of: orders, field: net}}',
      '    denominator:',
      '      count: {of: orders}',
      'breakdowns:',
      '  - region',
      '  - {by: rep, field: owner}',
    );
    expect(fmt('kpi', ratio)).toBe(
      lines(
        'id: x',
        'formula:',
        '  ratio:',
        '    numerator: { sum: { of: orders, field: net } }',
        '    denominator:',
        '      count: { of: orders }',
        'breakdowns:',
        '  - region',
        '  - { by: rep, field: owner }',
      ),
    );
  });

  it('strings: plain when safe, else double-quoted; block scalars become quoted; tags resolved', () => {
    const messy = lines(
      '---',
      "- id: 'SO-1'",
      '  date: "2026-03-04"',
      "  note: 'it''s: fine'",
      '  customer: !!str 007',
      '  rep: |',
      '    two',
      '    lines',
      '  extra: [yes, "no", 1.50, "1.50", ~, "~", "", Café]',
      '...',
    );
    expect(fmt('orders', messy)).toBe(
      lines(
        '- id: SO-1',
        '  date: 2026-03-04',
        '  customer: "007"',
        '  rep: "two\\nlines\\n"',
        '  note: "it\'s: fine"',
        '  extra: [yes, no, 1.5, "1.50", null, "~", "", Café]',
      ),
    );
  });

  it('drops blank lines, trailing spaces, CRLF line ends; keeps defaults as written', () => {
    const messy = '- id: SO-1   \r\n\r\n  date: 2026-03-04\r\n  lines:\r\n\r\n    - {sku: A, qty: 1, price: 2, discount: 0, kind: regular}\r\n#  the end   \r\n';
    expect(fmt('orders', messy)).toBe(lines('- id: SO-1', '  date: 2026-03-04', '  lines:', '    - { sku: A, qty: 1, price: 2, discount: 0, kind: regular }', '#  the end'));
  });

  it('ends a line where YAML does (LF, CRLF, a lone CR), also inside a comment, and nowhere else', () => {
    const order = lines('- id: SO-1', '  date: 2026-03-04', '  customer: C1', '  rep: andi', '  lines:', '    - { sku: A, qty: 1, price: 5000 }');
    // A lone CR ends the comment: the order line after it is a line of SO-1, as js-yaml and the loader read it.
    expect(fmt('orders', order + '# tambahan\r    - { sku: B, qty: 1, price: 1400000 }\n')).toBe(order + lines('    # tambahan', '    - { sku: B, qty: 1, price: 1400000 }'));
    // NEL, LS, PS, VT and FF end no line in YAML 1.2: the text after them stays comment, untouched.
    for (const b of ['\u0085', '\u2028', '\u2029', '\x0b', '\x0c']) {
      const text = order + `# tambahan${b}    - { sku: B, qty: 1, price: 1400000 }\n`;
      expect(fmt('orders', text), JSON.stringify(b)).toBe(text);
      expect(yaml.load(fmt('orders', text), { schema: yaml.CORE_SCHEMA })).toEqual(yaml.load(order, { schema: yaml.CORE_SCHEMA }));
    }
  });

  it('leaves files of comments only, empty files and empty lists as they are', () => {
    const template = lines('# Orders of 2026-11', '#', '# - id: SO-2026-11-0001', '#   date: 2026-11-04');
    expect(fmt('orders', template)).toBe(template);
    expect(fmt('orders', '')).toBe('');
    expect(fmt('surveys', '[]\n')).toBe('[]\n');
    expect(fmt('surveys', '# none\n[]\n')).toBe('# none\n[]\n');
  });

  it('keeps odd keys and values as js-yaml reads them', () => {
    expect(fmt('orders', lines('- id: x', '  __proto__: 1', '  "1": one', '  true: yes'))).toBe(lines('- id: x', '  "1": one', '  __proto__: 1', '  "true": yes'));
    // Digits beyond a double's precision are not kept (js-yaml reads a number, and so do our tools).
    expect(fmt('orders', lines('- id: 123456789012345678901234567890'))).toBe(lines('- id: 123456789012345680000000000000'));
  });

  it('refuses what it cannot read, pointing at the line', () => {
    const syntax = formatYaml(lines('- id: [1', '  date: 2'), 'orders', 'data/2026/03/orders.yaml');
    expect(syntax.issues).toMatchObject([{ code: 'yaml-syntax', line: 2, column: 3 }]);
    const alias = formatYaml(lines('- &a {id: 1}', '- *a'), 'orders', 'data/2026/03/orders.yaml');
    expect(alias.issues).toMatchObject([{ code: 'yaml-alias', line: 1, column: 3 }]);
    const complexKey = formatYaml(lines('? [a, b]', ': 1'), 'company', 'data/company.yaml');
    expect(complexKey.issues).toMatchObject([{ code: 'fmt-unsupported' }]);
  });
});

describe('the canonical writer (shared with capaian sample)', () => {
  it('writes numbers without an exponent, reading back the same double', () => {
    const cases: [number, string][] = [
      [1e21, '1000000000000000000000'],
      [-1e21, '-1000000000000000000000'],
      [1.2345e25, '12345000000000000000000000'],
      [1e-7, '0.0000001'],
      [1.5e-7, '0.00000015'],
      [0.05, '0.05'],
      [123456789012345680000, '123456789012345680000'],
    ];
    for (const [n, text] of cases) {
      expect(formatNumber(n)).toBe(text);
      expect(yaml.load(text, { schema: yaml.CORE_SCHEMA })).toBe(n);
    }
    for (const n of [5e-324, 1.7976931348623157e308, -2.5e-300]) expect(yaml.load(formatNumber(n), { schema: yaml.CORE_SCHEMA })).toBe(n);
  });

  it('sorts the records of sorted kinds, stably; an iterable must come sorted', () => {
    const team = [
      { id: 'sari', name: 'Sari', region: 'r', joined: '2023-01-01' },
      { id: 'andi', name: 'Andi', region: 'r', joined: '2022-06-08' },
    ];
    expect(listToYaml(team, LAYOUTS.team)).toMatch(/^- id: andi\n[^]*- id: sari\n/);
    const targets = [
      { kpi: 'b', period: '2026-01', value: 2, region: 'x' },
      { kpi: 'b', period: '2026-01', value: 1 },
      { kpi: 'a', period: 2026, value: 3 },
      { kpi: 'a', period: '2026-Q1', value: 5 },
      { kpi: 'a', period: '2026-12', value: 4 },
    ];
    expect((yaml.load(listToYaml(targets, LAYOUTS.targets), { schema: yaml.CORE_SCHEMA }) as { value: number }[]).map((t) => t.value)).toEqual([3, 4, 5, 1, 2]);
    const products = { categories: [{ id: 'c', name: 'C' }], products: [{ sku: 'B', name: 'b', category: 'c' }, { sku: 'A', name: 'a', category: 'c' }] };
    expect(toYaml(products, LAYOUTS.products)).toContain('products:\n  - sku: A\n');
    function* unsorted() {
      yield { id: 'SO-2', date: '2026-03-02' };
      yield { id: 'SO-1', date: '2026-03-01' };
    }
    expect(() => listToYaml(unsorted(), LAYOUTS.orders)).toThrow(/sorted by date, id/);
  });
});
