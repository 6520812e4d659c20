/**
 * The fast scanner for month files (src/load/fast-yaml.ts) either gives up (undefined) or returns
 * exactly what js-yaml returns with the core schema; it never accepts a text js-yaml refuses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { scanRecordList } from '../../src/load/fast-yaml.ts';
import { parseYaml } from '../../src/load/parse-yaml.ts';

const RUNS = Number(process.env.FAST_YAML_RUNS ?? 2000);
const DATA = join(import.meta.dirname, '../../data');

type Loaded = { ok: true; value: unknown } | { ok: false };
function jsYaml(text: string): Loaded {
  try {
    return { ok: true, value: yaml.load(text, { schema: yaml.CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

/** The contract: undefined, or deep-equal to js-yaml (and undefined whenever js-yaml throws). */
function agrees(text: string): { scanned: unknown; ok: boolean } {
  const scanned = scanRecordList(text);
  const expected = jsYaml(text);
  if (scanned === undefined) return { scanned, ok: true };
  return { scanned, ok: expected.ok && isDeepStrictEqual(scanned, expected.value) };
}

function monthFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...monthFiles(p));
    else if (/\/\d{4}\/\d{2}\/(orders|leads|activities|surveys)\.yaml$/.test(p)) out.push(p);
  }
  return out;
}

describe('real month files', () => {
  const files = monthFiles(DATA);

  it('finds all 96 month files', () => {
    expect(files.length).toBe(96);
  });

  it.each(files.map((f) => [relative(DATA, f), f]))('%s: scanned, equal to js-yaml', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const scanned = scanRecordList(text);
    expect(scanned).not.toBeUndefined();
    expect(isDeepStrictEqual(scanned, yaml.load(text, { schema: yaml.CORE_SCHEMA }))).toBe(true);
  });

  it('parseYaml uses the scanner and gives the same value', () => {
    const text = readFileSync(files.find((f) => f.endsWith('orders.yaml'))!, 'utf8');
    const parsed = parseYaml(text, 'orders.yaml');
    expect(parsed.issues).toEqual([]);
    expect(isDeepStrictEqual(parsed.value, yaml.load(text, { schema: yaml.CORE_SCHEMA }))).toBe(true);
  });
});

// --- Scalar resolution ------------------------------------------------------------------------

/** Scalars the scanner must resolve itself (fast path), each checked against js-yaml. */
const FAST_SCALARS = [
  'SO-2026-03-0001', 'C0043', 'andi', 'BEV-KOP-RCG', 'up-sell', 'follow-up', 'Kios Sari Rasa Garut',
  '2026-03-02', '2026-03-02T08:00', '2026-03-02 08:00', '2026-03-02T08:00+07:00', '08:00', '1:2', 'http://x.id/a',
  '14000', '0', '-0', '+0', '-00', '010', '007', '-12', '+1', '123456789012345',
  '0.02', '1.5', '-1.5', '+1.5', '-0.0', '0.0', '1.', '-1.', '.5', '00.5', '0.1', '0.3', '999999999.999999',
  '1_000', '1__0', '0X1F', '1.2.3', '1.5x', '10 kg', '+62 812 555', '-foo', '+x', '-x-', '2026-03',
  '~', '~x', 'null', 'Null', 'NULL', 'nulL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'falsy', 'Nulls',
  "Bu'Ani", 'say "hi"', 'a#b', 'a,b', 'a]b', 'a}b', 'a{b', 'x: y'.replace(': ', ':'), 'Toko &Co', 'a*b', 'a!', 'a|b', 'a>b',
  'é', 'naïve café', '日本', '😀 ok', 'a\u2028b', 'a\u00a0', '\u00a0a', 'a\uFEFFb',
];

/** Scalars the scanner may leave to js-yaml (it must then give up, not guess). */
const OTHER_SCALARS = [
  '0x1F', '0o17', '0b101', '1e3', '1E3', '1.5e3', '1e-3', '1e', '0e0', '.inf', '-.inf', '+.INF', '.NaN', '.nan',
  '-.5', '+.5', '.e3', '.', '+', '1234567890123456', '99999999999999999999', '1' + '0'.repeat(400), '0.1e400', '12x',
  '0x', '.foo', '1.23456789012345678',
];

function scalarDoc(s: string): string {
  return `# c\n- a: ${s}\n  b: 1\n`;
}

describe('scalar resolution', () => {
  it.each(FAST_SCALARS.map((s) => [s]))('%j is resolved by the scanner as js-yaml does', (s) => {
    const text = scalarDoc(s);
    const scanned = scanRecordList(text) as Record<string, unknown>[] | undefined;
    expect(scanned).not.toBeUndefined();
    const expected = yaml.load(text, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>[];
    expect(isDeepStrictEqual(scanned, expected)).toBe(true);
  });

  it.each(OTHER_SCALARS.map((s) => [s]))('%j is left to js-yaml', (s) => {
    expect(scanRecordList(scalarDoc(s))).toBeUndefined();
  });

  it('resolves the same scalars inside flow mappings', () => {
    for (const s of FAST_SCALARS) {
      if (/[,{}[\]]|: | #/.test(s)) continue;
      const text = `- lines:\n    - { a: ${s}, b: 2 }\n`;
      const r = agrees(text);
      expect(r.scanned, s).not.toBeUndefined();
      expect(r.ok, s).toBe(true);
    }
  });

  it('keeps -0 apart from 0 and 1. as 1', () => {
    const v = scanRecordList('- a: -0.0\n  b: -0\n  c: -00\n  d: 1.\n') as Record<string, unknown>[];
    expect(Object.is(v[0]!.a, -0)).toBe(true);
    expect(Object.is(v[0]!.b, 0)).toBe(true);
    expect(Object.is(v[0]!.c, -0)).toBe(true);
    expect(v[0]!.d).toBe(1);
  });
});

// --- Layout ------------------------------------------------------------------------------------

describe('layouts the scanner reads', () => {
  const cases: Record<string, string> = {
    'comment only': '# nothing here\n',
    'comment only, no newline': '# nothing',
    'comments and blank lines': '\n# a\n\n   # b\n\n',
    'byte order mark': '\uFEFF# c\n- a: 1\n',
    'no final newline': '- a: 1\n  b: x',
    'CRLF': '# c\r\n- a: 1\r\n  b: x \r\n  lines:\r\n    - { s: A, q: 2 }\r\n',
    'trailing spaces': '- a: 1   \n  b: x y  \n  lines:   \n    - { s: A, q: 2 }   \n',
    'comments after values': '- a: 1 # one\n  b: x#y # z\n  c: # none\n',
    'comments between lines, any indent': '- a: 1\n# x\n      # y\n  b: 2\n\n  lines:\n  # z\n    - { s: 1 }\n# w\n    - { s: 2 }\n',
    'empty values': '- a:\n  b:\n- c:\n',
    'empty value last': '- a: 1\n  b:',
    'wider item indent': '-   a: 1\n    b: 2\n',
    'sequence at the key indent': '- a: 1\n  lines:\n  - { s: 1 }\n  - { s: 2 }\n  b: 3\n',
    'block mappings as lines': '- a: 1\n  lines:\n    - s: 1\n      q: 2\n    - s: 3\n  b: 4\n',
    'mixed lines': '- lines:\n    - { s: 1 }\n    - s: 2\n      t: x\n    - {}\n',
    'flow mapping items': '- { a: 1, b: x }\n- {a: 2,b: y}\n',
    'empty flow mapping': '- lines:\n    - { }\n',
    'same keys in different records': '- a: 1\n  b: 2\n- b: 3\n  a: 4\n- a: 5\n',
    'keys like Object.prototype members': '- toString: 1\n  hasOwnProperty: 2\n  valueOf: x\n',
    'a lines key that is empty then the next record': '- lines:\n- a: 1\n',
    'nested sequence at the key indent then a flow record': '- a: 1\n  lines:\n- { b: 2 }\n',
    'deeper nesting': '- a: 1\n  lines:\n    - s: 1\n      parts:\n        - { p: 1 }\n        - p: 2\n',
    'unicode values': '- name: Café Ñandú 日本 😀\n',
  };
  it.each(Object.entries(cases))('%s', (_name, text) => {
    const r = agrees(text);
    expect(r.scanned).not.toBeUndefined();
    expect(r.ok).toBe(true);
  });

  it('comment-only text is null, as js-yaml', () => {
    expect(scanRecordList('# x\n')).toBeNull();
    expect(yaml.load('# x\n', { schema: yaml.CORE_SCHEMA })).toBeNull();
  });
});

describe('give-up categories', () => {
  const cases: Record<string, string> = {
    'empty text': '',
    'blank text': '\n',
    'spaces only': '   \n  ',
    'double quotes': '- a: "x"\n',
    'single quotes': "- a: 'x'\n",
    'quoted key': '- "a": x\n',
    'anchor': '- a: &x 1\n  b: 2\n',
    'alias': '- a: 1\n  b: *x\n',
    'anchor on item': '- &r a: 1\n',
    'tag': '- a: !!str 1\n',
    'local tag': '- a: !x 1\n',
    'literal block scalar': '- a: |\n    x\n',
    'folded block scalar': '- a: >\n    x\n',
    'multi-line plain scalar': '- a: x\n    y\n',
    'multi-line plain scalar after blank': '- a: x\n\n    y\n',
    'tab in value': '- a: x\ty\n',
    'tab indent': '-\ta: 1\n',
    'tab before comment': '- a: 1\n\t# c\n',
    'tab after value': '- a: 1\t\n',
    'flow sequence value': '- a: [1, 2]\n',
    'flow sequence in flow mapping': '- lines:\n    - { a: [1] }\n',
    'nested flow mapping': '- lines:\n    - { a: { b: 1 } }\n',
    'flow mapping value': '- a: { b: 1 }\n',
    'multi-line flow mapping': '- lines:\n    - { a: 1,\n        b: 2 }\n',
    'comment in flow mapping': '- lines:\n    - { a: 1 } # c\n',
    'comment inside flow mapping': '- lines:\n    - { a: 1 #c\n      }\n',
    'trailing comma in flow mapping': '- lines:\n    - { a: 1, }\n',
    'empty value in flow mapping': '- lines:\n    - { a: , b: 1 }\n',
    'key without value in flow mapping': '- lines:\n    - { a, b: 1 }\n',
    'flow key without space': '- lines:\n    - { a:1 }\n',
    'explicit key': '- ? a\n  : 1\n',
    'document start': '---\n- a: 1\n',
    'document end': '- a: 1\n...\n',
    'second document': '- a: 1\n---\n- a: 2\n',
    'directive': '%YAML 1.2\n---\n- a: 1\n',
    'duplicate key': '- a: 1\n  a: 2\n',
    'duplicate key after others': '- a: 1\n  b: 2\n  c: 3\n  b: 4\n',
    'duplicate key in flow mapping': '- lines:\n    - { a: 1, a: 2 }\n',
    '__proto__ key': '- __proto__: 1\n',
    'constructor key': '- constructor: 1\n',
    'prototype key': '- prototype: 1\n',
    'Null key': '- Null: 1\n',
    'true key': '- true: 1\n',
    'numeric key': '- 1: x\n',
    'key with space': '- a b: 1\n',
    'key with space before colon': '- a : 1\n',
    'key:value without space': '- a:1\n',
    'colon-space in value': '- a: b: c\n',
    'colon at end of value': '- a: b:\n',
    'dash value': '- a: - b\n',
    'lone dash value': '- a: -\n',
    'percent value': '- a: %x\n',
    'at value': '- a: @x\n',
    'backtick value': '- a: `x\n',
    'question value': '- a: ?x\n',
    'colon value': '- a: :x\n',
    'comma value': '- a: ,x\n',
    'CR alone': '- a: 1\r  b: 2\n',
    'CR alone in comment': '# c\r- a: 1\n',
    'null byte in comment': '# \0\n- a: 1\n',
    'control character': '- a: x\u0001y\n',
    'DEL': '- a: x\u007fy\n',
    'NEL': '- a: x\u0085y\n',
    'lone surrogate': '- a: x\ud800y\n',
    'lone low surrogate': '- a: x\udc00y\n',
    'U+FFFE': '- a: x\ufffe\n',
    'top-level mapping': 'a: 1\n',
    'top-level scalar': 'x\n',
    'indented top-level sequence': '  - a: 1\n',
    'scalar item': '- x\n',
    'empty item': '-\n  a: 1\n',
    'nested sequence item': '- - a\n',
    'scalar line items': '- lines:\n    - x\n',
    'nested mapping value': '- a:\n    b: 1\n',
    'bad indentation of a key': '- a: 1\n   b: 2\n',
    'less indented key': '- a: 1\n b: 2\n',
    'key after the sequence': '- a: 1\nb: 2\n',
    'bad indentation after a sequence': '- a:\n    - { b: 1 }\n   c: 2\n',
    'text after a flow mapping': '- lines:\n    - { a: 1 } x\n',
    'flow mapping as a key': '- lines:\n    - { a: 1 }: x\n',
    'too deep': '- a:\n' + Array.from({ length: 10 }, (_, i) => ' '.repeat(2 * i + 2) + '- a:\n').join(''),
  };
  it.each(Object.entries(cases))('%s', (_name, text) => {
    expect(scanRecordList(text)).toBeUndefined();
  });
});

// --- Properties --------------------------------------------------------------------------------

const TRICKY_WORDS = [
  'true', 'True', 'TRUE', 'false', 'FALSE', 'null', 'Null', 'NULL', '~', '.inf', '-.inf', '.NaN', '0x1F', '0o17', '0b1',
  '1e3', '1_000', '010', '-0', '-00', '+1', '.5', '-.5', '1.', '0.02', '14000', '-0.0', '2026-03-02', '2026-03-02 08:00',
  '2026-03-02T08:00', '08:00', 'SO-2026-03-0001', 'BEV-KOP-RCG', 'up-sell', 'Toko', 'é', '😀', '12345678901234567',
];
const TRICKY_CHARS = [
  '0', '1', '9', '-', '+', '.', 'e', 'E', 'x', 'o', 'b', '_', ':', '#', ' ', ' ', 'a', 'Z', 'T', '~', "'", '"', '&', '*',
  '!', '|', '>', '%', '@', '`', '{', '}', '[', ']', ',', '?', '\t', '\u00e9', '\u2028', '\u0085', '\ufeff', '\ud83d',
  '\u2029', '\x0b', '\x0c', '\r',
];
const trickyScalar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_WORDS) },
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...TRICKY_CHARS), fc.constantFrom(...TRICKY_WORDS)), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.integer({ min: -1e6, max: 1e9 }).map(String) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
  { weight: 1, arbitrary: fc.constant('') },
);
const KEYS = ['id', 'date', 'qty', 'price', 'sku', 'kind', 'a', 'b', 'x-y', '_k', 'k2', 'true', 'Null', '1', '__proto__', 'constructor', 'toString', 'k k', 'é', 'lines'];
const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('id', 'date', 'qty', 'price', 'sku', 'kind', 'a', 'b') }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) });

interface GenRecord {
  fields: [string, string][];
  lines: { flow: boolean; fields: [string, string][] }[] | null;
}
/** Mostly values the scanner reads, some tricky ones. */
const mostlyPlain = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('SO-2026-03-0001', 'andi', 'up-sell', 'Toko Makmur', '2026-03-02', '2026-03-02T08:00', '14000', '0.02', '-3', 'true', 'null', "Bu'Ani", 'a#b') },
  { weight: 1, arbitrary: fc.oneof(trickyScalar, fc.integer().map(String), fc.double({ noNaN: true }).map(String)) },
);
/** Fields with any keys (duplicates too), or with distinct keys. */
const goodKey = fc.constantFrom('id', 'date', 'qty', 'price', 'sku', 'kind', 'a', 'b', 'x-y', '_k', 'k2', 'toString');
const fields = (max: number, value: fc.Arbitrary<string>, unique: boolean) =>
  unique ? fc.uniqueArray(fc.tuple(goodKey, value), { minLength: 1, maxLength: max, selector: ([k]) => k }) : fc.array(fc.tuple(key, value), { minLength: 1, maxLength: max });
const recordOf = (value: fc.Arbitrary<string>, unique: boolean): fc.Arbitrary<GenRecord> =>
  fc.record({
    fields: fields(5, value, unique),
    lines: fc.option(fc.array(fc.record({ flow: fc.boolean(), fields: fields(4, value, unique) }), { minLength: 0, maxLength: 3 }), { nil: null }),
  });
const record = recordOf(trickyScalar, false);
const plainRecord = recordOf(mostlyPlain, true);

function render(records: GenRecord[]): string {
  let out = '# Generated.\n';
  for (const r of records) {
    r.fields.forEach(([k, v], i) => {
      out += `${i === 0 ? '- ' : '  '}${k}:${v === '' ? '' : ' ' + v}\n`;
    });
    if (r.lines) {
      out += '  lines:\n';
      for (const l of r.lines) {
        if (l.flow) out += `    - { ${l.fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }\n`;
        else l.fields.forEach(([k, v], i) => (out += `${i === 0 ? '    - ' : '      '}${k}:${v === '' ? '' : ' ' + v}\n`));
      }
    }
  }
  return out;
}

// Every character a reader might take for a line end (YAML 1.2: only LF, CRLF and a lone CR), also inside comments.
const BREAKS = ['\r', '\r\n', '\u0085', '\u2028', '\u2029', '\x0b', '\x0c'];
const INSERTS = [...BREAKS, ...BREAKS.map((b) => `# c${b}`), ...BREAKS.map((b) => ` # c${b}- a: 1`), ' ', '  ', '\n', '\n\n', '#', ' # c', '\n# c\n', '\t', "'", '"', '-', '- ', ':', ': ', '{', '}', '[', ',', '---\n', '...\n', '%YAML 1.2\n', '&a ', '*a', '!!str ', '|', '>', '? ', '\0', '\u0001'];
type Mutation = { at: number; op: 'insert'; what: string } | { at: number; op: 'delete'; n: number } | { at: number; op: 'indent'; delta: number } | { at: number; op: 'dupline' } | { op: 'crlf' };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), op: fc.constant('insert' as const), what: fc.constantFrom(...INSERTS) }),
  fc.record({ at: fc.nat(), op: fc.constant('delete' as const), n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ at: fc.nat(), op: fc.constant('indent' as const), delta: fc.integer({ min: -2, max: 3 }) }),
  fc.record({ at: fc.nat(), op: fc.constant('dupline' as const) }),
  fc.record({ op: fc.constant('crlf' as const) }),
);

function mutate(text: string, m: Mutation): string {
  if (m.op === 'crlf') return text.replace(/\n/g, '\r\n');
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd === -1) lineEnd = text.length;
  switch (m.op) {
    case 'insert':
      return text.slice(0, at) + m.what + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.n);
    case 'indent':
      if (m.delta >= 0) return text.slice(0, lineStart) + ' '.repeat(m.delta) + text.slice(lineStart);
      return text.slice(0, lineStart) + text.slice(lineStart).replace(new RegExp(`^ {0,${-m.delta}}`), '');
    case 'dupline':
      return text.slice(0, lineEnd) + '\n' + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
  }
}

describe('properties', () => {
  it('canonical documents with tricky scalars: undefined or equal to js-yaml', () => {
    let scanned = 0;
    fc.assert(
      fc.property(fc.array(record, { minLength: 0, maxLength: 4 }), (records) => {
        const text = render(records);
        const r = agrees(text);
        if (r.scanned !== undefined) scanned++;
        return r.ok;
      }),
      { numRuns: RUNS },
    );
    // Honest coverage: a good share of the documents must take the fast path.
    expect(scanned).toBeGreaterThan(RUNS * 0.1);
    console.log(`canonical documents with tricky scalars: ${scanned} of ${RUNS} scanned`);
  });

  it('mutated documents: undefined or equal to js-yaml, and undefined when js-yaml throws', () => {
    let scanned = 0;
    let thrown = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: plainRecord }, { weight: 1, arbitrary: record }), { minLength: 1, maxLength: 3 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (records, mutations) => {
        const text = mutations.reduce(mutate, render(records));
        const r = agrees(text);
        if (r.scanned !== undefined) scanned++;
        if (!jsYaml(text).ok) thrown++;
        return r.ok;
      }),
      { numRuns: RUNS },
    );
    expect(scanned).toBeGreaterThan(RUNS * 0.1);
    expect(thrown).toBeGreaterThan(RUNS * 0.1);
    console.log(`mutated documents: ${scanned} of ${RUNS} scanned, ${thrown} refused by js-yaml`);
  });

  it('canonical documents with plain values are always scanned', () => {
    const safe = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .\-/]{0,15}[A-Za-z0-9]$/),
      fc.integer({ min: -1e9, max: 1e12 }).map(String),
      fc.tuple(fc.nat(99999), fc.nat(999)).map(([a, b]) => `${a}.${String(b).padStart(3, '0')}`),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
    const safeFields = (max: number) => fc.uniqueArray(fc.tuple(fc.constantFrom('id', 'date', 'qty', 'price', 'sku', 'kind', 'rep', 'at', 'note'), safe), { minLength: 1, maxLength: max, selector: ([k]) => k });
    const safeRecord = fc.record({ fields: safeFields(6), lines: fc.option(fc.array(fc.record({ flow: fc.boolean(), fields: safeFields(4) }), { maxLength: 4 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(safeRecord, { minLength: 1, maxLength: 5 }), (records) => {
        const text = render(records);
        const r = agrees(text);
        return r.scanned !== undefined && r.ok;
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});
