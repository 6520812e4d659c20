/**
 * zod's own messages never reach a user: every issue code is worded once (src/validate/error-map.ts),
 * as a predicate that schema-issues.ts puts after the field's path; messages written beside the
 * schema's fields still win.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { wordIssue } from '../../src/validate/error-map.ts';
import { validateRepo, type SourceFile } from '../../src/validate/validate-repo.ts';
import { readTree } from '../support/repo.ts';

/** The message zod gives for `input` against `schema`, with the global map installed. */
function messageOf(schema: z.ZodType, input: unknown): string {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues[0]!.message;
}

describe('wordIssue', () => {
  it('words a wrong type by what the field takes, and a missing value as required', () => {
    expect(messageOf(z.object({ a: z.number() }), null)).toBe('must be a mapping of fields (name: value)');
    expect(messageOf(z.array(z.number()), 'x')).toBe('must be a list');
    expect(messageOf(z.string(), 5)).toBe('must be text');
    expect(messageOf(z.number(), 'x')).toBe('must be a number');
    expect(messageOf(z.int(), 2.5)).toBe('must be a whole number');
    expect(messageOf(z.boolean(), 'yes')).toBe('must be true or false');
    expect(messageOf(z.object({ a: z.number() }), {})).toBe('is required');
  });

  it('words bounds by what is bounded: entries, characters or the number', () => {
    expect(messageOf(z.array(z.number()).min(1), [])).toBe('must not be empty');
    expect(messageOf(z.array(z.number()).min(2), [1])).toBe('must have at least 2 entries');
    expect(messageOf(z.array(z.number()).max(1), [1, 2])).toBe('must have at most 1 entry');
    expect(messageOf(z.string().min(1), '')).toBe('must not be empty');
    expect(messageOf(z.string().max(3), 'abcd')).toBe('must be at most 3 characters');
    expect(messageOf(z.number().min(1), 0)).toBe('must be at least 1');
    expect(messageOf(z.number().positive(), 0)).toBe('must be more than 0');
    expect(messageOf(z.number().max(5), 6)).toBe('must be at most 5');
    expect(messageOf(z.number().lt(5), 5)).toBe('must be less than 5');
  });

  it('words formats, choices, multiples, unions and refinements', () => {
    expect(messageOf(z.iso.date(), '2026-02-30')).toBe('must be a date YYYY-MM-DD');
    expect(messageOf(z.string().regex(/^a/), 'b')).toBe('must be in the form this field takes');
    expect(messageOf(z.string().startsWith('KPI-'), 'x')).toBe('must start with "KPI-"');
    expect(messageOf(z.enum(['mon', 'tue']), 'wed')).toBe('must be one of "mon", "tue"');
    expect(messageOf(z.literal('IDR'), 'USD')).toBe('must be "IDR"');
    expect(messageOf(z.number().multipleOf(5), 7)).toBe('must be a multiple of 5');
    expect(messageOf(z.union([z.string(), z.number()]), true)).toBe('matches none of the forms this field takes');
    expect(messageOf(z.strictObject({ a: z.number() }), { a: 1, b: 2 })).toBe('has a field it does not know: b');
    expect(messageOf(z.record(z.string().regex(/^a/), z.number()), { b: 1 })).toBe('has a key this field does not take');
    expect(messageOf(z.number().refine((x) => x > 1), 0)).toBe('is not valid here');
  });

  it('leaves the messages written beside a field alone', () => {
    expect(messageOf(z.number({ error: 'must be a score from 1 to 5' }), 'x')).toBe('must be a score from 1 to 5');
  });

  it('never says what zod says', () => {
    for (const code of ['invalid_type', 'too_small', 'too_big', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom'] as const) {
      const message = wordIssue({ code, input: 1, expected: 'object', origin: 'number', minimum: 1, maximum: 1, format: 'regex', divisor: 2, keys: ['x'], values: ['a'], errors: [], key: 'x', path: [] } as never);
      expect(message, code).not.toMatch(/Invalid|received|Expected/);
    }
  });
});

describe('validateRepo words wrong shapes path first', () => {
  const base = readTree(new URL('../fixtures/valid/', import.meta.url).pathname);
  const original = (path: string) => new TextDecoder().decode(base.find((f) => f.path === path)!.bytes);
  function messages(path: string, text: string): string[] {
    const files: SourceFile[] = base.map((f) => (f.path === path ? { path, bytes: new TextEncoder().encode(text) } : f));
    return validateRepo(files)
      .issues.filter((i) => i.file === path && i.level === 'error')
      .map((i) => `${i.message}  (${i.hint})`);
  }

  it('an empty record in a list is "record", with a hint to fill it in or remove it', () => {
    expect(messages('data/2026/03/surveys.yaml', '- { id: S-1, date: 2026-03-10, customer: C1, score: 4 }\n-\n')).toEqual([
      'record must be a mapping of fields (name: value), got nothing  (an empty entry: fill it in, or remove its "-" line)',
    ]);
  });

  it('a KPI file with nothing in it says so of the file', () => {
    expect(messages('kpis/net-sales.yaml', 'null\n')).toEqual(['file must be a mapping of fields (name: value), got nothing  (the file holds nothing: write its fields as name: value lines)']);
  });

  it('a list written as one value, and a step written as a number', () => {
    const kpi = original('kpis/net-sales.yaml');
    expect(messages('kpis/net-sales.yaml', kpi.replace('breakdowns: [region, category, segment, rep]', 'breakdowns: region'))).toEqual([
      'breakdowns must be a list, got "region"  (write a list: [a, b], or one "- " line per entry)',
    ]);
    expect(messages('kpis/net-sales.yaml', kpi.replace('  sum: { of: order_lines, field: net }', '  sum: 5'))).toEqual([
      'formula.sum must be a mapping of fields (name: value), got 5  (write the fields as name: value lines, e.g. { id: ..., name: ... })',
    ]);
  });

  it('company settings of the wrong shape', () => {
    const company = original('data/company.yaml');
    expect(messages('data/company.yaml', company.replace('[mon, tue, wed, thu, fri]', 'mon'))).toEqual([
      'working_days must be a list, got "mon"  (write a list: [a, b], or one "- " line per entry)',
    ]);
    expect(messages('data/company.yaml', company.replace('{ date: 2026-03-20, name: Idul Fitri }', 'null'))).toEqual([
      'holidays[0] must be a mapping of fields (name: value), got nothing  (an empty entry: fill it in, or remove its "-" line)',
    ]);
  });
});
