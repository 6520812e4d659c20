/**
 * Numbers as people read them in each language: Rp 1,23 M (miliar) and 12,3 % in Indonesian,
 * Rp 1.23bn and 12.3% in English. Large numbers use Intl.NumberFormat's compact notation with
 * three significant digits, so the scale words are the locale's own and a value that rounds up
 * moves to the next scale (999,600,000 is "1 M", never "1.000 jt"): Indonesian rb/jt/M/T (ribu,
 * juta, miliar, triliun) from id-ID, English k/m/bn/tn from en-GB. English takes en-GB rather
 * than en-US because en-US writes a billion "B" and a million "M", and an Indonesian reader who
 * switches languages reads "M" as miliar; "bn" cannot be misread. The narrow no-break space
 * id-ID puts before its scale word is written as a plain space, like the one after "Rp".
 * Negative numbers take the minus sign U+2212 (−), never the hyphen, everywhere a person reads
 * them. A table column reads in one magnitude: `columnFormatter` picks the scale from the
 * column's largest value (Rp 1,03 M above Rp 0,97 M, never above Rp 970 jt).
 */
export type Lang = 'id' | 'en';
export type Unit = 'currency' | 'percent' | 'count' | 'days' | 'hours' | 'score' | 'per-day';

/** The Intl locale of each language's numbers. */
const NUMBER_LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat>();

function fmt(lang: Lang, x: number, digits: number): string {
  const key = `${lang}|${digits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(NUMBER_LOCALE[lang], { minimumFractionDigits: 0, maximumFractionDigits: digits })));
  return f.format(x);
}

const compactFormatters = new Map<Lang, Intl.NumberFormat>();

/** A number in three significant digits with the language's scale word: 1,23 M / 1.23bn. */
export function formatCompact(x: number, lang: Lang): string {
  let f = compactFormatters.get(lang);
  if (!f) compactFormatters.set(lang, (f = new Intl.NumberFormat(NUMBER_LOCALE[lang], { notation: 'compact', maximumSignificantDigits: 3 })));
  return f.format(x).replace(/[\u00a0\u202f]/g, ' ');
}

const UNIT_WORDS: Record<Lang, { days: string; hours: string; perDay: string }> = {
  id: { days: ' hari', hours: ' jam', perDay: ' /hari' },
  en: { days: ' days', hours: ' h', perDay: '/day' },
};

/** The minus sign people read (U+2212), for the hyphen Intl writes. */
const MINUS = '\u2212';
const withMinus = (text: string) => text.replace(/^-/, MINUS);

/** A KPI value in its unit. `currency` is the ISO code; IDR shows as Rp. */
export function formatValue(x: number | null, unit: Unit, lang: Lang, currency = 'IDR'): string {
  if (x === null) return '–';
  return withMinus(formatUnit(x, unit, lang, currency));
}

function formatUnit(x: number, unit: Unit, lang: Lang, currency: string): string {
  const w = UNIT_WORDS[lang];
  switch (unit) {
    case 'currency': {
      const symbol = currency === 'IDR' ? 'Rp' : currency;
      return `${x < 0 ? MINUS : ''}${symbol} ${formatCompact(Math.abs(x), lang)}`;
    }
    case 'percent':
      return `${fmt(lang, x * 100, 1)}${lang === 'id' ? ' %' : '%'}`;
    case 'count':
      return Math.abs(x) >= 100_000 ? formatCompact(x, lang) : fmt(lang, x, Number.isInteger(x) ? 0 : 1);
    case 'days':
      return `${fmt(lang, x, 1)}${w.days}`;
    case 'hours':
      return `${fmt(lang, x, 1)}${w.hours}`;
    case 'score':
      return fmt(lang, x, 2);
    case 'per-day':
      return `${fmt(lang, x, x < 10 ? 2 : 1)}${w.perDay}`;
  }
}

/**
 * One formatter for every value of a table column, so the column reads in one magnitude: amounts
 * take the scale of the column's largest value, with the decimals that
 * give that value three significant digits, and every other value the same scale and decimals:
 * Rp 1,03 M and Rp 0,97 M, not Rp 1,03 M and Rp 970 jt. Other units, and columns whose values
 * are all small, format as formatValue does.
 */
export function columnFormatter(values: readonly (number | null | undefined)[], unit: Unit, lang: Lang, currency = 'IDR'): (x: number | null | undefined) => string {
  const plain = (x: number | null | undefined) => formatValue(x ?? null, unit, lang, currency);
  if (unit !== 'currency') return plain;
  const finite = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  const largest = Math.max(0, ...finite.map(Math.abs));
  if (largest < 1_000) return plain;
  // The scale Intl gives the largest value once rounded (999,6 jt is 1 M): its number and its word.
  let f = compactFormatters.get(lang);
  if (!f) compactFormatters.set(lang, (f = new Intl.NumberFormat(NUMBER_LOCALE[lang], { notation: 'compact', maximumSignificantDigits: 3 })));
  const parts = f.formatToParts(largest);
  const word = parts.find((p) => p.type === 'compact')?.value;
  if (!word) return plain;
  const shown = Number(parts.filter((p) => p.type === 'integer' || p.type === 'fraction').map((p) => (p.type === 'fraction' ? `.${p.value}` : p.value)).join(''));
  const scale = 10 ** Math.round(Math.log10(largest / shown));
  const digits = Math.max(0, 3 - String(Math.trunc(shown)).length);
  const number = new Intl.NumberFormat(NUMBER_LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const gap = lang === 'id' ? ' ' : '';
  const symbol = currency === 'IDR' ? 'Rp' : currency;
  return (x) => {
    if (x === null || x === undefined) return '–';
    if (x === 0) return plain(0);
    const text = `${number.format(Math.abs(x) / scale)}${gap}${word}`;
    return `${x < 0 ? MINUS : ''}${symbol} ${text}`;
  };
}

/** A change: +12,3 % / −1.2 pts; percent KPIs change in percentage points. */
export function formatChange(change: number | null, ratio: number | null, unit: Unit, lang: Lang, currency = 'IDR'): string {
  if (change === null) return '–';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  if (unit === 'percent') return `${sign}${fmt(lang, Math.abs(change) * 100, 1)} ${lang === 'id' ? 'poin' : 'pts'}`;
  if (ratio !== null) return `${sign}${fmt(lang, Math.abs(ratio) * 100, 1)}${lang === 'id' ? ' %' : '%'}`;
  return `${sign}${formatValue(Math.abs(change), unit, lang, currency)}`;
}
