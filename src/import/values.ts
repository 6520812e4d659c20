/**
 * Cell text to the values our YAML holds: numbers written the Indonesian or the English way,
 * with or without a currency, dates in the orders people write them, Excel serial dates, and
 * free text turned into ids. Pure; each parser returns a value or a message with a hint.
 */
import { isCalendarDate } from '../schema/fields.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; hint: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string, hint: string): Parsed<T> => ({ ok: false, message, hint });

/**
 * How numbers are written.
 * - `en`: 1,234,567.89 (comma groups thousands, point for decimals), the default.
 * - `id`: 1.234.567,89 (point groups thousands, comma for decimals), as in Indonesia and most of Europe.
 * Grouping is optional (1234567,89 is fine) but, when present, must be in threes.
 */
export const NUMBER_FORMATS = ['en', 'id'] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

/** The formats spelt as an example, as a mapping may also write them: `numbers: "1.234,5"`. */
export const NUMBER_FORMAT_EXAMPLES: Record<string, NumberFormat> = { '1,234.5': 'en', '1.234,5': 'id' };

/**
 * One separator with exactly three digits after it (1.234, 12,500, Rp 1.500): a thousand
 * separator the id way and a decimal point the en way (or the other way round), two numbers a
 * thousand times apart. Read only when the format was stated, never guessed from the locale.
 */
const AMBIGUOUS = /^\d{1,3}[.,]\d{3}$/;

// A currency written before or after the amount: Rp 1.500.000, $1,500, 1.500.000 IDR.
const CURRENCY_BEFORE = /^(?:rp\.?|idr|usd|us\$|\$|eur|€|£|gbp|sgd|s\$|myr|rm)\s*/i;
const CURRENCY_AFTER = /\s*(?:idr|rupiah|usd|eur|gbp|sgd|myr|€)$/i;
const NUMBER_EN = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?$|^\.\d+$/i;
const NUMBER_ID = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$|^,\d+$/;

/**
 * A number from a cell: spaces, a currency symbol or code (Rp, IDR, $, USD, €…), a trailing
 * ",-" (Rp 15.000,-) and thousand separators are dropped; "12,5 %" or "12.5%" is 0.125; a minus
 * sign or parentheses make it negative.
 */
export function parseNumber(raw: string, format: NumberFormat, stated = true): Parsed<number> {
  let s = raw.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const shown = JSON.stringify(raw.trim());
  let negative = false;
  let percent = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const sign = () => {
    if (s.startsWith('-') || s.startsWith('−')) {
      negative = !negative;
      s = s.slice(1).trim();
    } else if (s.startsWith('+')) s = s.slice(1).trim();
  };
  sign();
  s = s.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '');
  sign();
  s = s.replace(/[,.]-$/, '');
  s = s.replace(/ /g, '');
  if (s === '') return fail(`${shown} is not a number`, 'write a number such as 1250000');
  if (!stated && AMBIGUOUS.test(s)) {
    const grouped = Number(s.replace(/[.,]/, ''));
    const decimal = Number(s.replace(',', '.'));
    const [asId, asEn] = s.includes('.') ? [grouped, decimal] : [decimal, grouped];
    return fail(`${shown} is ambiguous: ${asId} written the id way (1.234,5), ${asEn} the en way (1,234.5)`, 'say how the CSV writes numbers in the mapping: numbers: "1.234,5" (id) or numbers: "1,234.5" (en); see docs/import.md');
  }
  const pattern = format === 'id' ? NUMBER_ID : NUMBER_EN;
  if (!pattern.test(s)) return fail(`${shown} is not a number written ${FORMAT_WORDS[format]}`, numberHint(s, format));
  const plain = format === 'id' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  let value = Number(plain);
  if (!Number.isFinite(value)) return fail(`${shown} is not a finite number`, 'write a number such as 1250000');
  if (percent) value = fixFloat(value / 100);
  return ok(negative ? -value : value);
}

const FORMAT_WORDS: Record<NumberFormat, string> = {
  en: 'the en way (1,234,567.89)',
  id: 'the id way (1.234.567,89)',
};

function numberHint(s: string, format: NumberFormat): string {
  const other: NumberFormat = format === 'id' ? 'en' : 'id';
  if ((other === 'id' ? NUMBER_ID : NUMBER_EN).test(s)) {
    return format === 'en'
      ? `it looks like points group thousands and a comma marks decimals: set numbers: id in the mapping`
      : `it looks like commas group thousands and a point marks decimals: set numbers: en in the mapping`;
  }
  if (/[a-z]/i.test(s)) return 'a number may carry a currency (Rp, IDR, $, USD) but no other words';
  return format === 'id' ? 'points group thousands in threes (1.234.567) and a comma marks decimals (1,5)' : 'commas group thousands in threes (1,234,567) and a point marks decimals (1.5)';
}

/** Drops binary noise from a computed number (0.1 + 0.2 -> 0.3), keeping 12 significant digits. */
export function fixFloat(n: number): number {
  return n === 0 ? 0 : Number(n.toPrecision(12));
}

/**
 * How dates are written: the order of day (d or dd), month (m or mm) and four-digit year (yyyy)
 * with one separator, / - or . (`dd/mm/yyyy`, `m/d/yyyy`, `yyyy-mm-dd`, `dd.mm.yyyy`), or
 * `excel` for Excel's serial day numbers. Zero padding is never required, so dd/mm/yyyy also
 * reads 4/3/2026. An ISO date (2026-03-04) is read whatever the format says: it cannot be
 * mistaken. A time may follow after a space or a T: 09:15, 9:15:30, 2:15 PM, with an offset
 * (+07:00) on ISO values.
 */
const DATE_FORMAT_RE = /^(?:excel|(?:dd?|mm?|yyyy)([/.-])(?:dd?|mm?|yyyy)\1(?:dd?|mm?|yyyy))$/;

export function isDateFormat(f: string): boolean {
  if (!DATE_FORMAT_RE.test(f)) return false;
  if (f === 'excel') return true;
  const parts = f.split(/[/.-]/).map((p) => p[0]);
  return new Set(parts).size === 3 && (parts[0] === 'y' || parts[2] === 'y');
}

export interface DateValue {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM or HH:MM:SS, when the cell had a time. */
  time?: string;
  /** Z or +07:00, when the cell had one. */
  offset?: string;
}

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*([AaPp][Mm])?\s*(Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const patterns = new Map<string, { re: RegExp; order: string[] }>();

function compile(format: string) {
  let hit = patterns.get(format);
  if (!hit) {
    const sep = /[/.-]/.exec(format)![0];
    const order = format.split(sep).map((p) => p[0]!);
    const parts = order.map((p) => (p === 'y' ? String.raw`(\d{2,4})` : String.raw`(\d{1,2})`));
    const esc = sep === '.' ? String.raw`\.` : sep;
    hit = { re: new RegExp(`^${parts.join(esc)}${TIME}$`), order };
    patterns.set(format, hit);
  }
  return hit;
}

/** A date (and maybe a time) from a cell, in `format`; see DATE_FORMAT_RE. */
export function parseDate(raw: string, format: string): Parsed<DateValue> {
  const s = raw.trim();
  const shown = JSON.stringify(s);
  if (format === 'excel' && /^\d+(?:\.\d+)?$/.test(s)) return excelDate(+s, shown);
  let y: number, m: number, d: number;
  let match = ISO.exec(s);
  let timeAt = 4;
  if (match) {
    [y, m, d] = [+match[1]!, +match[2]!, +match[3]!];
  } else {
    if (format === 'excel') return fail(`${shown} is not an Excel date number`, 'with dates: excel a cell holds the serial number Excel keeps (46085 is 2026-03-04); format the column as a number, or name the format, e.g. dates: dd/mm/yyyy');
    const { re, order } = compile(format);
    match = re.exec(s);
    if (!match) return fail(`${shown} is not a date written ${format}`, dateHint(s, format));
    const at = (c: string) => +match![order.indexOf(c) + 1]!;
    [y, m, d] = [at('y'), at('m'), at('d')];
    const yText = match[order.indexOf('y') + 1]!;
    if (yText.length !== 4) return fail(`${shown} has a ${yText.length}-digit year`, 'write years with four digits (2026), so that no century is guessed');
    if (m > 12 && d <= 12) return fail(`${shown} is not a date written ${format}: there is no month ${m}`, `the file may have day and month the other way round: dates: ${swapDayMonth(format)}`);
  }
  if (!isCalendarDate(y, m, d)) return fail(`${shown} is not a real date (${format})`, 'check the day and the month; February has 28 days, 29 in leap years');
  const date = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  if (match[timeAt] === undefined) return ok({ date });
  let hour = +match[timeAt]!;
  const minute = +match[timeAt + 1]!;
  const second = match[timeAt + 2] !== undefined ? +match[timeAt + 2]! : undefined;
  const ampm = match[timeAt + 3]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return fail(`${shown} has hour ${hour} with ${ampm.toUpperCase()}`, 'with AM/PM hours run from 1 to 12');
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || (second ?? 0) > 59) return fail(`${shown} has no such time of day`, 'times run from 00:00 to 23:59');
  const time = `${pad2(hour)}:${pad2(minute)}${second !== undefined ? `:${pad2(second)}` : ''}`;
  const offset = match[timeAt + 4];
  return ok({ date, time, ...(offset ? { offset: offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset } : {}) });
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function swapDayMonth(format: string): string {
  return format.replace(/d/g, '#').replace(/m/g, 'd').replace(/#/g, 'm');
}

function dateHint(s: string, format: string): string {
  if (/^\d+(?:\.\d+)?$/.test(s) && +s > 20000 && +s < 80000) return 'this looks like an Excel serial date: set dates: excel in the mapping';
  const sep = /[/.-]/.exec(format)![0];
  const other = /[/.-]/.exec(s)?.[0];
  if (other && other !== sep) return `the cell separates with "${other}", the format with "${sep}": dates: ${format.split(sep).join(other)}`;
  return `write the date as ${format} (e.g. ${example(format)}) or as 2026-03-04; or change dates: in the mapping`;
}

function example(format: string): string {
  return format.replace('yyyy', '2026').replace(/dd?/, '04').replace(/mm?/, '03');
}

// Excel counts days from 1899-12-30 (its 1900-02-29, day 60, never existed).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function excelDate(n: number, shown: string): Parsed<DateValue> {
  if (n < 61 || n > 2958465) return fail(`${shown} is outside the Excel dates capaian reads`, 'Excel serial dates from 61 (1900-03-01) to 2958465 (9999-12-31)');
  const days = Math.floor(n);
  const date = new Date(EXCEL_EPOCH + days * 86_400_000).toISOString().slice(0, 10);
  const minutes = Math.round((n - days) * 24 * 60);
  if (minutes === 0) return ok({ date });
  if (minutes >= 24 * 60) return ok({ date }); // rounds to the next midnight: keep the day
  return ok({ date, time: `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}` });
}

/**
 * Free text to an id: accents dropped, every run of characters an id may not hold (spaces, &,
 * /) becomes one "-", and dashes at the ends go. "Gekko & Co" -> "Gekko-Co", "GTX Pro" -> "GTX-Pro".
 */
export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
}
