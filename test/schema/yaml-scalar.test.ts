/**
 * The core schema's plain-scalar rules (src/schema/yaml-scalar.ts) against js-yaml itself, read
 * through its public `load` only: what a plain scalar resolves to, and that a string written
 * plain reads back as the same string. The fast scanner's own number reading is held to the
 * same function.
 */
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { scanRecordList } from '../../src/load/fast-yaml.ts';
import { isKeyword, isPlainSafe, KEYWORD_VALUES, resolvePlainScalar } from '../../src/schema/yaml-scalar.ts';

const RUNS = Number(process.env.FC_RUNS ?? 3000);
const load = (text: string): unknown => yaml.load(text, { schema: yaml.CORE_SCHEMA });

/** Text built from what numbers, keywords and ids are made of (no ": ", " #" or leading "- "). */
const numberish = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789.+-eExXoObB_abcdfABCDF~'), minLength: 1, maxLength: 12 }),
  fc.tuple(fc.constantFrom('', '-', '+'), fc.constantFrom('0x', '0o', '0b', '0', '', '.'), fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF.eE+-'), maxLength: 20 })).map(([a, b, c]) => a + b + c),
  fc.tuple(fc.constantFrom('', '-', '+'), fc.constantFrom('.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', '.iNf', 'inf', '.nAN')).map(([a, b]) => a + b),
  fc.constantFrom(...KEYWORD_VALUES.keys(), '~', 'yes', 'no', 'on', 'off', 'nULL', 'tRUE', 'Nil', '1e400', '9'.repeat(400), '-0', '+0', '-0.0', '010', '0x', '0b2', '0o8', '1_000', '1.', '.5', '-.5', '+.5', '.5e3', '1e', '1e+', '2026-03-04', '12:30'),
);
const words = fc.oneof(numberish, fc.string({ minLength: 1, maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 6 }));

/** Whether js-yaml reads `text`, alone, as one scalar (not a list, a mapping or an error). */
function scalarOf(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    const value = load(text);
    return value !== null && typeof value === 'object' ? { ok: false } : { ok: true, value };
  } catch {
    return { ok: false };
  }
}

describe('plain scalars resolve as js-yaml resolves them', () => {
  it('null, booleans, integers, floats, else the text', () => {
    fc.assert(
      fc.property(numberish, (text) => {
        const read = scalarOf(text);
        // '' is an empty document, and a text starting with the marker --- or ... starts or ends one:
        // alone they are not scalars (as a value, `key: ---`, the text is the string "---"). js-yaml
        // takes the marker even with no space after it (`---0` alone loads as 0, `k: ---0` as the
        // string "---0"), so any text starting with one is left out here.
        if (!read.ok || text === '' || text.trim() !== text || /^(---|\.\.\.)/.test(text)) return;
        expect(Object.is(resolvePlainScalar(text), read.value) || (Number.isNaN(read.value) && Number.isNaN(resolvePlainScalar(text)))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('worked cases', () => {
    const cases: [string, unknown][] = [
      ['~', null], ['Null', null], ['TRUE', true], ['False', false], ['nULL', 'nULL'], ['yes', 'yes'],
      ['010', 10], ['-0', 0], ['0x1F', 31], ['-0b101', -5], ['0o17', 15], ['0o8', '0o8'], ['1_000', '1_000'],
      ['1.', 1], ['.5', 0.5], ['-.5', '-.5'], ['1e3', 1000], ['1e400', '1e400'], ['-.inf', -Infinity], ['2026-03-04', '2026-03-04'],
    ];
    for (const [text, value] of cases) {
      expect(resolvePlainScalar(text), text).toStrictEqual(value);
      expect(load(text), text).toStrictEqual(value);
    }
    expect(Object.is(resolvePlainScalar('-0.0'), -0)).toBe(true);
    // As a value a text starting with a document marker is text, as js-yaml reads it there.
    expect(resolvePlainScalar('---0')).toBe('---0');
    expect(load('k: ---0')).toStrictEqual({ k: '---0' });
    expect(Number.isNaN(resolvePlainScalar('.NaN'))).toBe(true);
  });

  it('the keywords are exactly the words that are null or a boolean', () => {
    fc.assert(
      fc.property(words, (w) => {
        if (w === '') return;
        const v = resolvePlainScalar(w);
        expect(isKeyword(w)).toBe(v === null || typeof v === 'boolean');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('a string written plain reads back as the same string', () => {
  it('alone, in a block mapping and in flow collections', () => {
    fc.assert(
      fc.property(words, (s) => {
        if (isPlainSafe(s, false)) {
          expect(load(s)).toBe(s);
          expect(load(`k: ${s}\n`)).toEqual({ k: s });
          expect(resolvePlainScalar(s)).toBe(s);
        }
        if (isPlainSafe(s, true)) {
          expect(load(`[${s}]`)).toEqual([s]);
          expect(load(`{ k: ${s} }`)).toEqual({ k: s });
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the fast scanner resolves as the module does', () => {
  it('values of block and flow mappings, whenever it does not give up', () => {
    fc.assert(
      fc.property(numberish, (s) => {
        if (s.trim() !== s || s.startsWith('-') && s.length === 1) return;
        const read = scalarOf(`k: ${s}`);
        if (!read.ok) return;
        for (const text of [`- k: ${s}\n`, `- { k: ${s} }\n`]) {
          const got = scanRecordList(text);
          if (got === undefined) continue;
          const want = [{ k: resolvePlainScalar(s) }];
          expect(got).toStrictEqual(want);
          expect(got).toStrictEqual(load(text));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
