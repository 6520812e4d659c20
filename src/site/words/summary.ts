/**
 * The dashboard's words, in Indonesian and English: the summary sentence's phrases (the sentence
 * itself is put together by src/report/summary.ts), "needs attention", the period switch. Status
 * words and "not final" come from the glossary, so they read the same as every badge.
 */
import { periodLong, periodShort } from '../../charts/chart-format.ts';
import type { Lang } from '../../i18n/format-value.ts';
import { GLOSSARY } from '../../i18n/glossary.ts';
import type { SummaryWords } from '../../report/summary.ts';

const quote = { id: (s: string) => `“${s}”`, en: (s: string) => `“${s}”` };

const list = (and: string) => (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`);

/** "Jan–Okt 2025", or "Jan 2024–Okt 2025" across years. */
function monthRange(from: string, to: string, lang: Lang): string {
  if (from === to) return periodLong(from, lang);
  const a = periodShort(from, lang);
  const b = periodShort(to, lang);
  return from.slice(0, 4) === to.slice(0, 4) ? `${a.slice(0, a.lastIndexOf(' '))}–${b}` : `${a}–${b}`;
}

const SUMMARY: Record<Lang, SummaryWords> = {
  id: {
    lang: 'id',
    periodName: (label) => periodLong(label, 'id'),
    monthRange: (from, to) => monthRange(from, to, 'id'),
    status: { 'on-track': GLOSSARY.id['on-track'], 'at-risk': GLOSSARY.id['at-risk'], 'off-track': GLOSSARY.id['off-track'] },
    notFinal: GLOSSARY.id.notFinal,
    countLead: (n, total, onTrack) => `${n} dari ${total} KPI ${onTrack}`,
    noneJudged: (total) => `${total} KPI, belum ada yang dinilai terhadap target`,
    list: list('dan'),
    ofTarget: (a) => `${a} dari target`,
    fromTarget: (gap, side) => `${gap} ${side === 'above' ? 'di atas' : 'di bawah'} target`,
    vsLastYear: (change, ly) => `${change} dibanding ${ly}`,
    headline: (title, value, parts) => [`${title} ${value}`, ...parts].join(', '),
    goalBehind: (goal, kpi, judgement) => `tujuan yang paling tertinggal: ${quote.id(goal)} (${kpi}${judgement ? `, ${judgement}` : ''})`,
    goalsOnTrack: 'KPI setiap tujuan sesuai target',
    sentence: (period, parts) => `${period}: ${parts.join('; ')}.`,
  },
  en: {
    lang: 'en',
    periodName: (label) => periodLong(label, 'en'),
    monthRange: (from, to) => monthRange(from, to, 'en'),
    status: { 'on-track': GLOSSARY.en['on-track'], 'at-risk': GLOSSARY.en['at-risk'], 'off-track': GLOSSARY.en['off-track'] },
    notFinal: GLOSSARY.en.notFinal,
    countLead: (n, total, onTrack) => `${n} of ${total} ${total === 1 ? 'KPI' : 'KPIs'} ${onTrack}`,
    noneJudged: (total) => `${total} ${total === 1 ? 'KPI' : 'KPIs'}, none judged against a target`,
    list: list('and'),
    ofTarget: (a) => `${a} of target`,
    fromTarget: (gap, side) => `${gap} ${side} target`,
    vsLastYear: (change, ly) => `${change} vs ${ly}`,
    headline: (title, value, parts) => [`${title} ${value}`, ...parts].join(', '),
    goalBehind: (goal, kpi, judgement) => `the goal furthest behind: ${quote.en(goal)} (${kpi}${judgement ? `, ${judgement}` : ''})`,
    goalsOnTrack: "every goal's KPI is on track",
    sentence: (period, parts) => `${period}: ${parts.join('; ')}.`,
  },
};

export function summaryWords(lang: Lang): SummaryWords {
  return SUMMARY[lang];
}

/** What a year-on-year figure is against, named: "vs Okt 2025", "vs Jan–Okt 2025" (like for like), "vs 2025". */
export function vsLastYearName(lastYear: { period: string; likeForLike?: { previousMonths: [string, string] } | undefined; months?: [string, string] | undefined }, lang: Lang): string {
  const months = lastYear.likeForLike?.previousMonths ?? lastYear.months;
  return `vs ${months && months[0] !== months[1] ? monthRange(months[0], months[1], lang) : periodShort(months?.[0] ?? lastYear.period, lang)}`;
}

export interface DashboardWords {
  summaryLabel: string;
  needsAttention: string;
  nothingNeedsAttention: string;
  /** The driver line's lead: "Drove it" (the member whose change hurt most), "Furthest behind" (the member furthest below its own target). */
  driver: { change: string; target: string };
  /** Parent card: "Also split by category: Sales by Product Category". */
  alsoAs: string;
  /** On the KPI page of a KPI that is another split another way, around the parent's linked title: "The same number as [Net Sales], split another way." */
  sameAs: [string, string];
  vsLastYear: string;
  periodSwitch: string;
  goalsLatestOnly: string;
  /** Beside a partial period's name, as the KPI pages say it ("not final" is a value that is not judged yet, a status). */
  partial: string;
}

const DASHBOARD: Record<Lang, DashboardWords> = {
  id: {
    summaryLabel: 'Ringkasan singkat',
    needsAttention: 'Perlu perhatian',
    nothingNeedsAttention: 'Tidak ada KPI yang berisiko atau meleset pada periode ini.',
    driver: { change: 'Penyebab', target: 'Paling tertinggal' },
    alsoAs: 'Juga dirinci sebagai',
    sameAs: ['Angka yang sama dengan ', ', dirinci dengan cara lain.'],
    vsLastYear: GLOSSARY.id.vsLastYear,
    periodSwitch: 'Pilih periode',
    goalsLatestOnly: 'Kemajuan tujuan tahun berjalan ada di ringkasan bulan terbaru.',
    partial: 'sejauh ini',
  },
  en: {
    summaryLabel: 'In short',
    needsAttention: 'Needs attention',
    nothingNeedsAttention: 'No KPI is at risk or off track in this period.',
    driver: { change: 'Drove it', target: 'Furthest behind' },
    alsoAs: 'Also split as',
    sameAs: ['The same number as ', ', split another way.'],
    vsLastYear: GLOSSARY.en.vsLastYear,
    periodSwitch: 'Choose a period',
    goalsLatestOnly: "The year's goal progress is on the latest month's dashboard.",
    partial: 'so far',
  },
};

export function dashboardWords(lang: Lang): DashboardWords {
  return DASHBOARD[lang];
}
