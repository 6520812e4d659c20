/**
 * Numbers as people read them in each language: Rp 1,23 M (miliar) and 12,3 % in Indonesian,
 * Rp 1.23B and 12.3% in English. Abbreviations follow each language: Indonesian rb/jt/M/T
 * (ribu, juta, miliar, triliun), English K/M/B/T.
 */
export type Lang = 'id' | 'en';
export type Unit = 'currency' | 'percent' | 'count' | 'days' | 'hours' | 'score' | 'per-day';

const SCALES: Record<Lang, [number, string][]> = {
  id: [
    [1e12, ' T'],
    [1e9, ' M'],
    [1e6, ' jt'],
    [1e3, ' rb'],
  ],
  en: [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ],
};

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-US' };
const formatters = new Map<string, Intl.NumberFormat>();

function fmt(lang: Lang, x: number, digits: number): string {
  const key = `${lang}|${digits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 0, maximumFractionDigits: digits })));
  return f.format(x);
}

/** A number in three significant digits with the language's scale word: 1,23 M / 1.23B. */
export function formatCompact(x: number, lang: Lang): string {
  const abs = Math.abs(x);
  for (const [size, suffix] of SCALES[lang]) {
    if (abs >= size) {
      const scaled = x / size;
      const digits = Math.abs(scaled) >= 100 ? 0 : Math.abs(scaled) >= 10 ? 1 : 2;
      return `${fmt(lang, scaled, digits)}${suffix}`;
    }
  }
  return fmt(lang, x, abs >= 100 ? 0 : 2);
}

const UNIT_WORDS: Record<Lang, { days: string; hours: string; perDay: string }> = {
  id: { days: ' hari', hours: ' jam', perDay: ' /hari' },
  en: { days: ' days', hours: ' h', perDay: '/day' },
};

/** A KPI value in its unit. `currency` is the ISO code; IDR shows as Rp. */
export function formatValue(x: number | null, unit: Unit, lang: Lang, currency = 'IDR'): string {
  if (x === null) return '–';
  const w = UNIT_WORDS[lang];
  switch (unit) {
    case 'currency': {
      const symbol = currency === 'IDR' ? 'Rp' : currency;
      return `${x < 0 ? '-' : ''}${symbol} ${formatCompact(Math.abs(x), lang)}`;
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

/** A change: +12,3 % / -1.2 pts; percent KPIs change in percentage points. */
export function formatChange(change: number | null, ratio: number | null, unit: Unit, lang: Lang, currency = 'IDR'): string {
  if (change === null) return '–';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  if (unit === 'percent') return `${sign}${fmt(lang, Math.abs(change) * 100, 1)} ${lang === 'id' ? 'poin' : 'pts'}`;
  if (ratio !== null) return `${sign}${fmt(lang, Math.abs(ratio) * 100, 1)}${lang === 'id' ? ' %' : '%'}`;
  return `${sign}${formatValue(Math.abs(change), unit, lang, currency)}`;
}
