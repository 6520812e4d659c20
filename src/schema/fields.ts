/**
 * Field primitives shared by every file kind. Each carries the short phrase that follows the
 * field's path in an error ("qty must be a positive integer, got -2"), so messages read the
 * same in every file.
 */
import { z } from 'zod';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A date-time as people write it: 2026-03-04T09:15, 2026-03-04 09:15:30, with an optional
// offset (Z, +07:00). Without an offset it is read in the company timezone.
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** True when y-m-d names a real calendar day (rejects 2026-02-31, 2025-02-29). */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function isDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  return !!m && isCalendarDate(+m[1]!, +m[2]!, +m[3]!);
}

export function isDateTime(s: string): boolean {
  const m = DATE_TIME_RE.exec(s);
  if (!m || !isCalendarDate(+m[1]!, +m[2]!, +m[3]!)) return false;
  if (+m[4]! > 23 || +m[5]! > 59 || (m[6] !== undefined && +m[6] > 59)) return false;
  return true;
}

export { DATE_TIME_RE };

/** An identifier: letters, digits, dot, dash, underscore; starts with a letter or digit. */
export const id = z
  .string({ error: 'must be an id (letters, digits, - _ .)' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, { error: 'must be an id (letters, digits, - _ .; at most 80)' });

/** A calendar date, YYYY-MM-DD. */
export const date = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .refine(isDate, { error: 'must be a real date YYYY-MM-DD' });

/** A date-time, YYYY-MM-DDTHH:MM[:SS][offset]; without offset it is in the company timezone. */
export const dateTime = z
  .string({ error: 'must be a date-time YYYY-MM-DDTHH:MM' })
  .refine(isDateTime, { error: 'must be a real date-time YYYY-MM-DDTHH:MM[:SS][+07:00]' });

/**
 * Characters that end a line: LF, VT, FF, CR, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (the
 * mandatory breaks of Unicode line breaking). A name holding one would show as two lines on the
 * site, in a terminal table, a CSV cell or a PR comment.
 */
export const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/;

/** The phrase of the one-line rule, which the hint recognises. */
export const ONE_LINE = 'must be on one line';

/** Free text that may span lines (an order's note, a survey comment): 1 to 500 characters. */
export const freeText = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(500, { error: 'must be at most 500 characters' });

/**
 * A non-empty line of text: every name, title and description. Leading and trailing space is
 * trimmed; a line break inside is an error (a YAML folded scalar `>` or a plain scalar continued
 * on the next line is joined into one line by YAML itself, so it is fine).
 */
export const text = freeText.refine((s) => !LINE_BREAK.test(s), { error: ONE_LINE });

/** Text in Indonesian and English: `{ id: Minuman, en: Beverages }`, or one string for both. */
export const localized = z
  .union([text, z.strictObject({ id: text, en: text })], {
    error: 'must be text, or { id: …, en: … } with both languages',
  })
  .transform((v) => (typeof v === 'string' ? { id: v, en: v } : v));

/**
 * The largest amount of money: 10^15 (1,000,000,000,000,000; Rp 1,000 trillion). A float64, the
 * number type of JavaScript and JSON, holds every whole number up to 2^53 (about 9.007 × 10^15)
 * exactly and keeps 15 significant decimal digits: every amount up to 10^15 is held as written,
 * and a sum of whole amounts stays exact until it passes 2^53, nine times the largest amount.
 * Beyond it a value would lose units silently (2^53 + 1 is not a float64), and a value like 1e308
 * turns a total into Infinity. No real price comes near it: a larger value is a typo or a
 * pasted formula result. The canonical reader (src/ingest/) reads at most 15 integer digits.
 */
export const AMOUNT_MAX = 1e15;

/**
 * The largest quantity on one order line: 10^9 (a thousand million units). With the largest
 * price a line is at most 10^24, so no total of any number of lines comes near the largest
 * float64 (about 1.8 × 10^308); a sum of quantities stays exact up to 2^53.
 */
export const QTY_MAX = 1e9;

/** An amount of money in the company currency, 0 to AMOUNT_MAX. */
export const amount = z
  .number({ error: 'must be an amount (a number >= 0)' })
  .finite({ error: 'must be a finite number' })
  .min(0, { error: 'must be an amount >= 0' })
  .max(AMOUNT_MAX, { error: 'must be an amount of at most 1,000,000,000,000,000 (1e15)' });

/** A quantity on an order line: a positive integer up to QTY_MAX (one message for a value too big, not two). */
export const quantity = z
  .number({ error: 'must be a positive integer' })
  .max(QTY_MAX, { error: 'must be a quantity of at most 1,000,000,000 (1e9)', abort: true })
  .int({ error: 'must be a positive integer' })
  .positive({ error: 'must be a positive integer' });

/** A target value in a KPI's unit: a number from -AMOUNT_MAX to AMOUNT_MAX. */
export const targetValue = z
  .number({ error: 'must be a number' })
  .finite({ error: 'must be a finite number' })
  .min(-AMOUNT_MAX, { error: 'must be a number from -1e15 to 1e15' })
  .max(AMOUNT_MAX, { error: 'must be a number from -1e15 to 1e15' });

/** A fraction between 0 and 1 (0.1 = 10 %). */
export const fraction = z
  .number({ error: 'must be a fraction between 0 and 1' })
  .min(0, { error: 'must be a fraction between 0 and 1' })
  .max(1, { error: 'must be a fraction between 0 and 1' });

/** A month of the year, 1-12. */
export const monthNumber = z
  .int({ error: 'must be a month number 1-12' })
  .min(1, { error: 'must be a month number 1-12' })
  .max(12, { error: 'must be a month number 1-12' });

/** A list of records; an empty file (null) means no records. */
export function records<T extends z.ZodType>(record: T) {
  return z.array(record, { error: 'must be a list of records (each starting with "- ")' });
}
