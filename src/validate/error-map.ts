/**
 * Words every zod issue once, so zod's own English ("Invalid input: expected object, received
 * null") never reaches a user. The wording is a predicate: schema-issues.ts puts the field's path
 * first and the value after it, "lines[0] must be a mapping of fields, got nothing".
 *
 * Installed as zod's global `customError`, which zod consults only where a schema gave no message
 * of its own: the messages written beside the fields in src/schema/ (e.g. "must be a whole score
 * from 1 to 5") still win, and this map words the rest. Importing this module installs it;
 * schema-issues.ts imports it, so every path that shows a zod issue has it.
 */
import { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping of fields (name: value)',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  date: 'a date',
  null: 'left empty',
  undefined: 'left out',
  literal: 'the value shown in the hint',
};

const FORMAT_WORDS: Record<string, string> = {
  date: 'a date YYYY-MM-DD',
  datetime: 'a date-time YYYY-MM-DDTHH:MM',
  time: 'a time HH:MM',
  email: 'an email address',
  url: 'a web address',
  uuid: 'a UUID',
  regex: 'in the form this field takes',
};

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));
const count = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

/** The message for one issue, without the path (schema-issues.ts adds it) and without the value. */
export function wordIssue(iss: RawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      return `must be ${TYPE_WORDS[iss.expected] ?? iss.expected}`;
    case 'too_small': {
      const { origin, minimum, inclusive } = iss;
      if (origin === 'array' || origin === 'set') return Number(minimum) <= 1 ? 'must not be empty' : `must have at least ${count(minimum, 'entry', 'entries')}`;
      if (origin === 'string') return Number(minimum) <= 1 ? 'must not be empty' : `must be at least ${count(minimum, 'character', 'characters')}`;
      if (origin === 'date') return `must be on or after ${show(minimum)}`;
      return inclusive === false ? `must be more than ${show(minimum)}` : `must be at least ${show(minimum)}`;
    }
    case 'too_big': {
      const { origin, maximum, inclusive } = iss;
      if (origin === 'array' || origin === 'set') return `must have at most ${count(maximum, 'entry', 'entries')}`;
      if (origin === 'string') return `must be at most ${count(maximum, 'character', 'characters')}`;
      if (origin === 'date') return `must be on or before ${show(maximum)}`;
      return inclusive === false ? `must be less than ${show(maximum)}` : `must be at most ${show(maximum)}`;
    }
    case 'invalid_format':
      if (iss.format === 'starts_with') return `must start with ${show((iss as { prefix?: string }).prefix)}`;
      if (iss.format === 'ends_with') return `must end with ${show((iss as { suffix?: string }).suffix)}`;
      if (iss.format === 'includes') return `must contain ${show((iss as { includes?: string }).includes)}`;
      return `must be ${FORMAT_WORDS[iss.format] ?? `in the ${iss.format} format`}`;
    case 'not_multiple_of':
      return iss.divisor === 1 ? 'must be a whole number' : `must be a multiple of ${iss.divisor}`;
    case 'unrecognized_keys':
      return `has ${iss.keys.length === 1 ? 'a field' : 'fields'} it does not know: ${iss.keys.join(', ')}`;
    case 'invalid_union':
      return 'matches none of the forms this field takes';
    case 'invalid_key':
      return 'has a key this field does not take';
    case 'invalid_element':
      return 'has an entry this field does not take';
    case 'invalid_value':
      return iss.values.length === 1 ? `must be ${show(iss.values[0])}` : `must be one of ${iss.values.map(show).join(', ')}`;
    case 'custom':
      return 'is not valid here';
  }
  return 'is not valid here';
}

z.config({ customError: wordIssue });
