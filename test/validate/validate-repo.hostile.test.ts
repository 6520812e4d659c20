/**
 * Hostile inputs through validateRepo, in memory: each one is reported as one exact issue, the
 * rest of the repository is still validated, nothing throws and nothing leaks into
 * Object.prototype. Known validator bugs are pinned with `it.fails` (they pass while the bug
 * is there and start failing once it is fixed: then drop the `.fails`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateRepo, type SourceFile, type ValidationResult } from '../../src/validate/validate-repo.ts';
import type { Issue } from '../../src/issues/issue.ts';

const BASE = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));
const ORDERS = 'data/2026/03/orders.yaml';
const SURVEYS = 'data/2026/03/surveys.yaml';
const CUSTOMERS = 'data/customers.yaml';

function baseFiles(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(BASE, full).split(sep).join('/'), readFileSync(full));
    }
  };
  walk(BASE);
  return files;
}

/** Validates the base fixture with `path` replaced by `content`; never lets validateRepo throw unseen. */
function validateWith(path: string, content: string | Uint8Array): ValidationResult {
  const files = baseFiles();
  files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  const list: SourceFile[] = [...files].map(([p, bytes]) => ({ path: p, bytes }));
  let result: ValidationResult | undefined;
  expect(() => (result = validateRepo(list))).not.toThrow();
  expect(result!.issues.filter((i) => i.code === 'rule-crashed')).toEqual([]);
  return result!;
}

/** The issue fields a user sees (and the code tools see). */
function shown(i: Issue) {
  return { level: i.level, code: i.code, file: i.file, line: i.line, column: i.column, message: i.message, hint: i.hint };
}

/** 1-based line and column of `offset` in `text`. */
function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - nl };
}

/** The other files were still read: a hostile file does not stop validation of the rest. */
function expectRestValidated(r: ValidationResult, except: string) {
  const kinds = ['team', 'products', 'customers', 'orders', 'leads', 'activities', 'surveys'].filter((k) => !except.endsWith(`/${k}.yaml`));
  for (const k of kinds) expect(r.summary.records, k).toHaveProperty(k);
}

/** A deterministic byte generator (LCG), so messages naming a byte are stable. */
function pseudoRandomBytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const ALIAS_MESSAGE = 'YAML anchors and aliases (&name, *name) are not allowed in data files';
const ALIAS_HINT = 'write the values out in full';

describe('hostile input', () => {
  it('billion laughs: an alias bomb is refused as an alias, without expanding it', () => {
    const lines = [
      '- id: SO-1',
      '  date: 2026-03-02',
      '  customer: C1',
      '  rep: andi',
      '  lines: [{ sku: TEH-1, qty: 1, price: 5000 }]',
      '  note:',
      '    a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ];
    let prev = 'a';
    for (const n of 'bcdefghi') {
      lines.push(`    ${n}: &${n} [${Array(9).fill(`*${prev}`).join(', ')}]`);
      prev = n;
    }
    // 9^9 = 387,420,489 "lol"s if expanded.
    const text = lines.join('\n') + '\n';
    const r = validateWith(ORDERS, text);
    // It points at the first anchor, "&a" itself.
    const at = lineCol(text, text.indexOf('&a ['));
    expect(r.issues.map(shown)).toEqual([
      { level: 'error', code: 'yaml-alias', file: ORDERS, ...at, message: ALIAS_MESSAGE, hint: ALIAS_HINT },
    ]);
    expect(r.data).toBeNull();
    expectRestValidated(r, ORDERS);
  });

  it('an anchor is reported at its &name, not at the value it names', () => {
    const text = '- id: SO-1\n  date: 2026-03-02\n  customer: C1\n  rep: &r andi\n  lines: [{ sku: TEH-1, qty: 1, price: 5000 }]\n';
    const r = validateWith(ORDERS, text);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['yaml-alias', 4, 8]]);
  });

  it('10,000 nested flow sequences stop at the depth limit', () => {
    const text = '['.repeat(10_000) + ']'.repeat(10_000) + '\n';
    const r = validateWith(ORDERS, text);
    expect(r.issues.map(shown)).toEqual([
      {
        level: 'error',
        code: 'yaml-syntax',
        file: ORDERS,
        line: 1,
        column: 32,
        message: 'YAML syntax error: nesting exceeded maxDepth (32)',
        hint: 'data files nest a few levels at most (limit 32)',
      },
    ]);
    expectRestValidated(r, ORDERS);
  });

  it('10,000 nested block mappings stop at the depth limit', () => {
    // One more space of indentation per level: about 50 MB, still under the size limit.
    const parts: string[] = [];
    for (let i = 0; i < 10_000; i++) parts.push(`${' '.repeat(i)}k${i}:\n`);
    parts.push(`${' '.repeat(10_000)}end\n`);
    const r = validateWith(ORDERS, parts.join(''));
    expect(r.issues.map(shown)).toEqual([
      {
        level: 'error',
        code: 'yaml-syntax',
        file: ORDERS,
        line: 32,
        column: 32,
        message: 'YAML syntax error: nesting exceeded maxDepth (32)',
        hint: 'data files nest a few levels at most (limit 32)',
      },
    ]);
    expectRestValidated(r, ORDERS);
  });

  it('10,000 nested block sequences on one line stop at the depth limit', () => {
    const r = validateWith(ORDERS, '- '.repeat(10_000) + 'x\n');
    expect(r.issues.map((i) => [i.code, i.line, i.message])).toEqual([['yaml-syntax', 1, 'YAML syntax error: nesting exceeded maxDepth (32)']]);
  });

  it('a 50 MB month file of orders validates, and a problem in its last record is located exactly', () => {
    const parts: string[] = [];
    let size = 0;
    let n = 0;
    while (size < 50 * 1024 * 1024) {
      n++;
      const day = String(1 + (n % 28)).padStart(2, '0');
      const rec =
        `- id: SO-${n}\n  date: 2026-03-${day}\n  customer: C${1 + (n % 2)}\n  rep: andi\n  lines:\n` +
        `    - { sku: TEH-1, qty: ${1 + (n % 9)}, price: 5000 }\n` +
        `    - { sku: TEH-2, qty: 1, price: 9000, discount: 0.1 }\n`;
      parts.push(rec);
      size += rec.length;
    }
    const last = '- id: SO-LAST\n  date: 2026-03-31\n  customer: C1\n  rep: andi\n  lines:\n    - { sku: TEH-1, qty: 0, price: 5000 }\n';
    parts.push(last);
    const text = parts.join('');
    parts.length = 0;
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);

    const r = validateWith(ORDERS, text);
    const badQty = text.length - last.length + last.indexOf('qty: 0') + 'qty: '.length;
    expect(r.issues.map(shown)).toEqual([
      {
        level: 'error',
        code: 'invalid-value',
        file: ORDERS,
        ...lineCol(text, badQty),
        message: 'lines[0].qty must be a positive integer, got 0',
        hint: 'the number of units, a whole number above 0',
      },
    ]);
    // Every record counted; none silently dropped.
    expect(r.summary.records.orders).toBe(n + 1);
    // The valid records stay columns: the file's chunk holds all but the bad one.
    expect(r.columns?.find((c) => c.chunk.file === ORDERS)?.chunk.length).toBe(n);
  }, 180_000); // 50 MB: about 10 s alone, much longer beside the other test files on two cores

  it('a file over 64 MB is refused before parsing', () => {
    const bytes = new Uint8Array(65 * 1024 * 1024).fill(0x20);
    const r = validateWith(ORDERS, bytes);
    expect(r.issues.map(shown)).toEqual([
      {
        level: 'error',
        code: 'file-too-large',
        file: ORDERS,
        line: 0,
        column: 0,
        message: 'file is 65.0 MB, more than the 64 MB a data file may hold',
        hint: 'split the records over month files, or check that this is the file you meant to commit',
      },
    ]);
    expectRestValidated(r, ORDERS);
  });

  it('binary content (a PNG header, then pseudo-random bytes) is refused as binary at its first NUL, not as non-UTF-8', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
    const bytes = new Uint8Array(4096);
    bytes.set(png);
    bytes.set(pseudoRandomBytes(4096 - png.length, 12345), png.length);
    const r = validateWith(ORDERS, bytes);
    expect(r.issues.map(shown)).toEqual([
      {
        level: 'error',
        code: 'binary-file',
        file: ORDERS,
        // Byte 0 (0x89) is already not UTF-8, but the first NUL (byte 8, after the header's
        // "\r\n\x1a\n") names the file as binary: line 3, column 1.
        line: 3,
        column: 1,
        message: 'file holds binary content (a NUL byte), not YAML text',
        hint: 'only YAML text files belong under data/',
      },
    ]);
    expectRestValidated(r, ORDERS);
  });

  it('NUL bytes in otherwise valid UTF-8 are refused as binary, at the first NUL', () => {
    const r = validateWith(SURVEYS, '- { id: S-1, date: 2026-03-10, customer: C1, score: 4 }\n\0\0\0\n');
    expect(r.issues.map(shown)).toEqual([
      {
        level: 'error',
        code: 'binary-file',
        file: SURVEYS,
        line: 2,
        column: 1,
        message: 'file holds binary content (a NUL byte), not YAML text',
        hint: 'only YAML text files belong under data/',
      },
    ]);
    expectRestValidated(r, SURVEYS);
  });

  const survey = '- { id: S-1, date: 2026-03-10, customer: C1, score: 4 }\n';
  const utf16Issue = {
    level: 'error',
    code: 'not-utf8',
    file: SURVEYS,
    line: 0,
    column: 0,
    message: 'file is UTF-16 text',
    hint: 'save it as UTF-8 (in Excel: "CSV UTF-8"; in an editor: encoding UTF-8)',
  };

  it('UTF-16 LE text with a BOM is refused as UTF-16', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(survey, 'utf16le')]);
    const r = validateWith(SURVEYS, bytes);
    expect(r.issues.map(shown)).toEqual([utf16Issue]);
    expectRestValidated(r, SURVEYS);
  });

  it('UTF-16 BE text with a BOM is refused as UTF-16', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(survey, 'utf16le').swap16()]);
    expect(validateWith(SURVEYS, bytes).issues.map(shown)).toEqual([utf16Issue]);
  });

  it('UTF-16 LE text without a BOM is refused as UTF-16, not as binary despite its NUL bytes', () => {
    const r = validateWith(SURVEYS, Buffer.from(survey, 'utf16le'));
    expect(r.issues.map(shown)).toEqual([utf16Issue]);
    expectRestValidated(r, SURVEYS);
  });

  it('a UTF-8 BOM is accepted', () => {
    const r = validateWith(SURVEYS, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(survey)]));
    expect(r.issues).toEqual([]);
  });

  const latin1 =
    '- { id: C1, name: Toko Satu, region: jakarta, segment: retail, owner: andi }\n' +
    '- { id: C2, name: Caf\u00e9 Dua, region: bandung, segment: retail, owner: budi }\n';
  const latin1Hint = 'save it as UTF-8; names with accents saved as Latin-1 (Windows-1252) need re-saving';

  it('Latin-1 bytes are refused as not UTF-8, naming the first invalid byte (the é) and its line:column', () => {
    const bytes = Buffer.from(latin1, 'latin1');
    expect(bytes.indexOf(0xe9)).toBe(98);
    const r = validateWith(CUSTOMERS, bytes);
    // Byte 98 is the é of "Café", on line 2 at column 22.
    expect(r.issues.map(shown)).toEqual([
      { level: 'error', code: 'not-utf8', file: CUSTOMERS, line: 2, column: 22, message: 'file is not UTF-8 text (invalid byte 0xe9)', hint: latin1Hint },
    ]);
    // Customers were not read, so they are not counted; the rest was.
    expect(r.summary.records).not.toHaveProperty('customers');
    expectRestValidated(r, CUSTOMERS);
  });

  it('__proto__ and constructor keys are unknown fields and pollute nothing', () => {
    const text =
      '- { id: S-1, date: 2026-03-10, customer: C1, score: 4, __proto__: { polluted: yes, score: 9 } }\n' +
      '- { id: S-2, date: 2026-03-11, customer: C2, score: 5, constructor: { prototype: { polluted: yes } } }\n' +
      '- id: S-3\n  date: 2026-03-12\n  customer: C1\n  score: 3\n  __proto__: 4\n';
    const r = validateWith(SURVEYS, text);
    const hint = 'the fields here are: id, date, customer, score, comment';
    const key = (needle: string, from = 0) => lineCol(text, text.indexOf(needle, from));
    expect(r.issues.map(shown)).toEqual([
      { level: 'error', code: 'unknown-field', file: SURVEYS, ...key('__proto__'), message: '__proto__ is not a known field', hint },
      { level: 'error', code: 'unknown-field', file: SURVEYS, ...key('constructor'), message: 'constructor is not a known field', hint },
      { level: 'error', code: 'unknown-field', file: SURVEYS, ...key('__proto__', text.indexOf('S-3')), message: '__proto__ is not a known field', hint },
    ]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).score).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('__proto__ inside an order line and constructor in company.yaml are unknown fields too', () => {
    const order = '- id: SO-1\n  date: 2026-03-02\n  customer: C1\n  rep: andi\n  lines:\n    - { sku: TEH-1, qty: 10, price: 5000, __proto__: { discount: 0.5 } }\n';
    const r = validateWith(ORDERS, order);
    expect(r.issues.map(shown)).toEqual([
      {
        level: 'error',
        code: 'unknown-field',
        file: ORDERS,
        ...lineCol(order, order.indexOf('__proto__')),
        message: 'lines[0].__proto__ is not a known field',
        hint: 'the fields here are: sku, qty, price, discount, kind',
      },
    ]);
    const company = readFileSync(join(BASE, 'data/company.yaml'), 'utf8') + 'constructor: { name: x }\n';
    const c = validateWith('data/company.yaml', company);
    expect(c.issues.map(shown)).toEqual([
      {
        level: 'error',
        code: 'unknown-field',
        file: 'data/company.yaml',
        ...lineCol(company, company.indexOf('constructor')),
        message: 'constructor is not a known field',
        hint: 'the fields here are: format, name, currency, locale, timezone, fiscal_year_start, working_days, week_start, holidays, regions, segments, lead_sources, lost_reasons, review_due_days',
      },
    ]);
    expect(({} as Record<string, unknown>).discount).toBeUndefined();
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  it('a 1 MB single-line string is reported as too long, shortened in the message', () => {
    const long = 'x'.repeat(1 << 20);
    const text = `- { id: SO-1, date: 2026-03-02, customer: C1, rep: andi, lines: [{ sku: TEH-1, qty: 1, price: 5000 }], note: "${long}" }\n`;
    const r = validateWith(ORDERS, text);
    expect(r.issues.map(shown)).toEqual([
      {
        level: 'error',
        code: 'invalid-value',
        file: ORDERS,
        ...lineCol(text, text.indexOf('"x')),
        message: `note must be at most 500 characters, got "${'x'.repeat(56)}…`,
        hint: undefined,
      },
    ]);
    expect(r.issues[0]!.message.length).toBeLessThan(200);
  });
});
