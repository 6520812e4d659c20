/** The period reports' words, in Indonesian and English (the site's shared words are in site/words.ts). */
import type { Grain } from '../../calendar/periods.ts';
import type { Lang } from '../../i18n/format-value.ts';
import { GLOSSARY } from '../../i18n/glossary.ts';

const ID = GLOSSARY.id;
const EN = GLOSSARY.en;

export interface ReportWords {
  reportsTitle: string;
  reportsLede: string;
  /** The page heading: "Laporan Oktober 2026" / "October 2026 report". */
  title: (grain: Grain, name: string) => string;
  grainHeading: Record<Grain, string>;
  /** "Data 1 Okt – 31 Okt 2026" */
  covers: (from: string, to: string) => string;
  summary: (total: number) => string;
  noTargetCount: string;
  allKpis: string;
  kpi: string;
  previous: string;
  previousOf: (name: string) => string;
  movers: string;
  moversLede: (grain: Grain) => string;
  noMovers: string;
  movement: string;
  direction: string;
  better: string;
  worse: string;
  unchanged: string;
  notComparableTitle: string;
  notComparable: { partial: string; maturing: string };
  drivers: string;
  driversLede: string;
  noOffTrack: string;
  member: string;
  contribution: string;
  ownChange: string;
  shareOfChange: string;
  by: (breakdown: string) => string;
  contributionNote: string;
  ownChangeNote: string;
  valueVsTarget: (value: string, target: string, attainment: string) => string;
  changeLine: (change: string, previous: string, name: string) => string;
  partialPeriod: (name: string, asOf: string) => string;
  partialTargets: string;
  partialCompare: string;
  /** Under a previous value compared like for like: "Jan–Okt 2025". */
  sameMonths: (range: string) => string;
  maturingNote: string;
  notComparableMark: string;
  prevPeriod: string;
  nextPeriod: string;
  periodNav: string;
  allReports: string;
  printHint: string;
  breakdownNames: Record<string, string>;
  kpiTable: (group: string, name: string) => string;
  moversTable: (name: string) => string;
  driversTable: (kpi: string, breakdown: string) => string;
  mark: { 'on-track': string; 'at-risk': string; 'off-track': string };
  execSummary: string;
  keyCharts: string;
  trendOf: (kpi: string) => string;
  byOf: (kpi: string, breakdown: string, name: string) => string;
  yearOnYear: string;
  yearToDate: string;
  ytdMonths: (range: string) => string;
  bestWorst: string;
  bestWorstLede: string;
  best: string;
  worst: string;
  repsOf: (kpi: string) => string;
  regionsOf: (kpi: string) => string;
  rank: string;
  driversAtRisk: string;
  pdfDownload: (name: string) => string;
  pdfUnavailable: string;
  stamp: (asOf: string, commit: string | null) => string;
  /** Around the page numbers in the printed margin: "Halaman 2 dari 5". */
  pageOf: [string, string];
}

const WORDS: Record<Lang, ReportWords> = {
  id: {
    reportsTitle: 'Laporan periode',
    reportsLede: 'Setiap KPI terhadap target dan periode sebelumnya, perubahan terbesar, dan penyebab KPI yang meleset, per bulan, kuartal dan tahun.',
    title: (grain, name) => (grain === 'year' ? `Laporan Tahunan ${name}` : `Laporan ${name}`),
    grainHeading: ID.grainHeadings,
    covers: (from, to) => `Periode ${from} – ${to}`,
    summary: (total) => `${total} KPI:`,
    noTargetCount: 'belum dinilai',
    allKpis: 'Semua KPI',
    kpi: 'KPI',
    previous: 'Sebelumnya',
    previousOf: (name) => `Sebelumnya (${name})`,
    movers: 'Perubahan terbesar',
    moversLede: (grain) => `KPI yang paling banyak berubah dibanding ${ID[grain]} sebelumnya: perubahan relatif, atau perubahan dalam poin untuk KPI persentase.`,
    noMovers: 'Tidak ada periode sebelumnya untuk dibandingkan.',
    movement: ID.change,
    direction: 'Arah',
    better: 'membaik',
    worse: 'memburuk',
    unchanged: 'tetap',
    notComparableTitle: 'Tidak dibandingkan',
    notComparable: {
      partial: 'periode ini atau sebelumnya belum lengkap, jadi perubahan membandingkan sebagian periode dengan periode penuh',
      maturing: 'kohort masih matang: nilainya masih akan berubah',
    },
    drivers: 'Penyebab KPI yang meleset',
    driversLede: 'Untuk setiap KPI yang meleset atau berisiko: anggota rincian yang paling banyak mengubah angkanya dibanding periode sebelumnya, yang terbesar lebih dulu.',
    noOffTrack: 'Tidak ada KPI yang meleset atau berisiko pada periode ini.',
    member: 'Anggota',
    contribution: 'Kontribusi',
    ownChange: 'Perubahan sendiri',
    shareOfChange: 'Porsi perubahan',
    by: (b) => `Menurut ${b}`,
    contributionNote: 'KPI ini dapat dijumlahkan: kontribusi semua anggota berjumlah sama dengan perubahan total.',
    ownChangeNote: 'KPI ini tidak dapat dijumlahkan (rasio atau rata-rata): anggota diurutkan menurut perubahannya sendiri, yang tidak berjumlah sama dengan perubahan total.',
    valueVsTarget: (value, target, attainment) => `${value} terhadap target ${target} (capaian ${attainment})`,
    changeLine: (change, previous, name) => `${change} dibanding ${previous} pada ${name}`,
    partialPeriod: (name, asOf) => `${name} belum lengkap: data hanya sampai ${asOf}.`,
    partialTargets: 'Target KPI yang dapat dijumlahkan disesuaikan dengan bulan yang tercakup.',
    partialCompare: 'KPI yang dapat dijumlahkan dibandingkan dengan bulan yang sama pada periode sebelumnya, bila datanya ada.',
    sameMonths: (range) => `bulan yang sama: ${range}`,
    maturingNote: 'Kohort yang masih matang (misalnya rasio konversi prospek) masih dapat naik seiring prospek baru dimenangkan.',
    notComparableMark: 'tidak sebanding',
    prevPeriod: 'Sebelumnya',
    nextPeriod: 'Berikutnya',
    periodNav: 'Periode lain',
    allReports: 'Semua laporan',
    printHint: 'Untuk laporan A4, cetak halaman ini dari peramban (Ctrl+P).',
    breakdownNames: ID.breakdowns,
    kpiTable: (group, name) => `${group}, ${name}`,
    moversTable: (name) => `Perubahan terbesar, ${name}`,
    driversTable: (kpi, breakdown) => `${kpi}: perubahan menurut ${breakdown}`,
    mark: { 'on-track': ID['on-track'], 'at-risk': ID['at-risk'], 'off-track': ID['off-track'] },
    execSummary: 'Ringkasan eksekutif',
    keyCharts: 'Grafik utama',
    trendOf: (kpi) => `${kpi}: tren`,
    byOf: (kpi, b, name) => `${kpi} menurut ${b}, ${name}`,
    yearOnYear: ID.vsLastYear,
    yearToDate: 'Tahun berjalan',
    ytdMonths: (range) => `tahun berjalan: ${range}`,
    bestWorst: 'Sales rep dan wilayah terbaik dan terlemah',
    bestWorstLede: 'Peringkat menurut capaian target (atau nilai, bila tidak ada target), seperti pada papan peringkat.',
    best: 'terbaik',
    worst: 'terlemah',
    repsOf: (kpi) => `Sales rep menurut ${kpi}`,
    regionsOf: (kpi) => `Wilayah menurut ${kpi}`,
    rank: 'Peringkat',
    driversAtRisk: 'Penyebab KPI yang meleset dan berisiko',
    pdfDownload: (name) => `Unduh laporan ${name} (PDF, A4)`,
    pdfUnavailable: 'PDF laporan bulan terakhir tidak tersedia: situs ini dibuat tanpa Chromium.',
    stamp: (asOf, commit) => `Data hingga ${asOf}${commit ? ` · commit ${commit}` : ''}`,
    pageOf: ['Halaman ', ' dari '],
  },
  en: {
    reportsTitle: 'Period reports',
    reportsLede: 'Every KPI against its target and the previous period, the biggest movers and what drove the off-track KPIs, for each month, quarter and year.',
    title: (grain, name) => (grain === 'year' ? `Annual report ${name}` : `${name} report`),
    grainHeading: EN.grainHeadings,
    covers: (from, to) => `Period ${from} – ${to}`,
    summary: (total) => `${total} KPIs:`,
    noTargetCount: 'not judged',
    allKpis: 'All KPIs',
    kpi: 'KPI',
    previous: 'Previous',
    previousOf: (name) => `Previous (${name})`,
    movers: 'Biggest movers',
    moversLede: (grain) => `The KPIs that changed most against the previous ${EN[grain]}: the relative change, or the change in points for percent KPIs.`,
    noMovers: 'There is no previous period to compare with.',
    movement: EN.change,
    direction: 'Direction',
    better: 'better',
    worse: 'worse',
    unchanged: 'unchanged',
    notComparableTitle: 'Not compared',
    notComparable: {
      partial: 'this or the previous period is not complete, so the change would compare part of a period with a whole one',
      maturing: 'the cohort is still maturing: its value will still change',
    },
    drivers: 'What drove the off-track KPIs',
    driversLede: 'For each KPI off track or at risk: the breakdown members that moved it most against the previous period, largest first.',
    noOffTrack: 'No KPI is off track or at risk in this period.',
    member: 'Member',
    contribution: 'Contribution',
    ownChange: 'Own change',
    shareOfChange: 'Share of change',
    by: (b) => `By ${b}`,
    contributionNote: 'This KPI adds up: the members’ contributions add up to the total’s change.',
    ownChangeNote: 'This KPI does not add up (a rate or an average): members are ranked by their own change, which does not add up to the total’s.',
    valueVsTarget: (value, target, attainment) => `${value} against a target of ${target} (${attainment} attained)`,
    changeLine: (change, previous, name) => `${change} from ${previous} in ${name}`,
    partialPeriod: (name, asOf) => `${name} is not complete: the data runs to ${asOf}.`,
    partialTargets: 'Targets of KPIs that add up cover the months with data.',
    partialCompare: 'KPIs that add up are compared with the same months of the previous period, where the data has them.',
    sameMonths: (range) => `same months: ${range}`,
    maturingNote: 'A cohort still maturing (such as lead conversion) can still rise as more of its leads are won.',
    notComparableMark: 'not comparable',
    prevPeriod: 'Previous',
    nextPeriod: 'Next',
    periodNav: 'Other periods',
    allReports: 'All reports',
    printHint: 'For an A4 report, print this page from your browser (Ctrl+P).',
    breakdownNames: EN.breakdowns,
    kpiTable: (group, name) => `${group}, ${name}`,
    moversTable: (name) => `Biggest movers, ${name}`,
    driversTable: (kpi, breakdown) => `${kpi}: change by ${breakdown}`,
    mark: { 'on-track': EN['on-track'], 'at-risk': EN['at-risk'], 'off-track': EN['off-track'] },
    execSummary: 'Executive summary',
    keyCharts: 'Key charts',
    trendOf: (kpi) => `${kpi}: trend`,
    byOf: (kpi, b, name) => `${kpi} by ${b}, ${name}`,
    yearOnYear: EN.vsLastYear,
    yearToDate: 'Year to date',
    ytdMonths: (range) => `year to date: ${range}`,
    bestWorst: 'Best and weakest reps and regions',
    bestWorstLede: 'Ranked by attainment of target (or by value where there is no target), as on the leaderboards.',
    best: 'best',
    worst: 'weakest',
    repsOf: (kpi) => `Sales reps by ${kpi}`,
    regionsOf: (kpi) => `Regions by ${kpi}`,
    rank: 'Rank',
    driversAtRisk: 'What drove the off-track and at-risk KPIs',
    pdfDownload: (name) => `Download the ${name} report (PDF, A4)`,
    pdfUnavailable: 'The PDF of the latest month report is not available: this site was built without Chromium.',
    stamp: (asOf, commit) => `Data up to ${asOf}${commit ? ` · commit ${commit}` : ''}`,
    pageOf: ['Page ', ' of '],
  },
};

export function reportWords(lang: Lang): ReportWords {
  return WORDS[lang];
}
