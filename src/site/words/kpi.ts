/** The words of the KPI pages (the catalog and one page per KPI), in Indonesian and English. */
import type { Lang, Unit } from '../../i18n/format-value.ts';
import { GLOSSARY } from '../../i18n/glossary.ts';

const ID = GLOSSARY.id;
const EN = GLOSSARY.en;

export interface KpiWords {
  catalogTitle: string;
  catalogLede(count: number, period: string): string;
  kpiCount(count: number): string;
  latest: string;
  trend12: string;
  target: string;
  noTarget: string;
  vsPreviousMonth: string;
  breadcrumb: string;
  allKpis: string;
  onThisPage: string;
  /** Headings of the KPI page's sections. */
  latestValue(period: string): string;
  about: string;
  method: string;
  formulaInWords: string;
  secondaryInWords(title: string): string;
  trend: string;
  trendHint: string;
  grainHeading: Record<'week' | 'month' | 'quarter' | 'year', string>;
  breakdowns: string;
  breakdownsLede: string;
  noBreakdowns: string;
  by(name: string): string;
  soFar: string;
  /** Before the links to the pages of a breakdown's members (reps, regions). */
  memberPages: string;
  allPeriods: string;
  allPeriodsLede: string;
  tableCaption(title: string, grain: 'week' | 'month' | 'quarter' | 'year'): string;
  definition: string;
  definitionLede(file: string): string;
  downloads: string;
  downloadsLede: string;
  /** The lede of a weekly KPI's downloads (its CSV has week rows too). */
  downloadsLedeWeeks: string;
  csv: string;
  json: string;
  warnings: string;
  /** Facts. */
  unit: string;
  direction: string;
  owner: string;
  frequency: string;
  goal: string;
  thresholds: string;
  reportedBy: string;
  breakdownList: string;
  none: string;
  units: Record<Exclude<Unit, 'currency'>, string> & { currency(code: string): string };
  directions: Record<'higher' | 'lower', string>;
  frequencies: Record<'weekly' | 'monthly' | 'quarterly' | 'yearly', string>;
  grains: Record<'week' | 'month' | 'quarter' | 'year', string>;
  thresholdText(full: string, atRisk: string): string;
  /** Judged in points: the at-risk band as a signed difference (−2 pts). */
  thresholdPointsText(band: string): string;
  /** Table columns. */
  period: string;
  value: string;
  attainment: string;
  status: string;
  change: string;
  notes: string;
  targetDerived: string;
  /** How a week gets its target (report/targets.ts findWeek). */
  targetWeeks: string;
  /** The weeks table's heading note: only the newest weeks. */
  lastWeeks: (n: number) => string;
  targetProrated: string;
  /** Breakdown names (the `by` of a KPI's breakdowns). */
  breakdownNames: Record<string, string>;
  changeVs: Record<'week' | 'month' | 'quarter' | 'year', string>;
  /** The like-for-like change of a partial quarter or year. */
  vsMonths(range: string): string;
  likeForLikeNote(months: string, previous: string): string;
  noComparisonNote(previous: string): string;
}

const WORDS: Record<Lang, KpiWords> = {
  id: {
    catalogTitle: 'Semua KPI',
    catalogLede: (count, period) => `${count} KPI dalam enam kelompok, dengan nilai ${period}. Pilih KPI untuk melihat tren, target, rincian dan cara menghitungnya.`,
    kpiCount: (count) => `${count} KPI`,
    latest: 'Terakhir',
    trend12: 'Tren 12 bulan',
    target: ID.target,
    noTarget: ID.noTarget,
    vsPreviousMonth: ID.vsPrevious.month,
    breadcrumb: 'Jejak navigasi',
    allKpis: 'Semua KPI',
    onThisPage: 'Di halaman ini',
    latestValue: (period) => `Nilai ${period}`,
    about: 'Tentang KPI ini',
    method: 'Cara menghitung',
    formulaInWords: 'Rumus dalam kata-kata',
    secondaryInWords: (title) => `Nilai pendamping, ${title}`,
    trend: 'Tren dan target',
    trendHint: 'Garis putus-putus adalah target. Bentuk dan warna titik menunjukkan status; titik berlubang berarti angkanya belum final.',
    grainHeading: { week: 'Per minggu', month: 'Per bulan', quarter: 'Per kuartal', year: 'Per tahun' },
    breakdowns: 'Rincian',
    breakdownsLede: 'Dari terbesar ke terkecil, dengan pangsa dari total bila angkanya bisa dijumlahkan.',
    noBreakdowns: 'KPI ini tidak punya rincian.',
    by: (name) => `Menurut ${name}`,
    soFar: 'sejauh ini',
    memberPages: 'Halaman masing-masing',
    allPeriods: 'Semua periode',
    allPeriodsLede: 'Terbaru di atas. Perubahan dibanding periode sebelumnya yang sejenis; untuk KPI persen dalam poin persentase.',
    tableCaption: (title, grain) => `${title} per ${ID[grain]}, terbaru di atas`,
    definition: 'Definisi',
    definitionLede: (file) => `Teks definisi KPI ini apa adanya, dari berkas ${file}. Mengubah berkas ini mengubah cara KPI dihitung.`,
    downloads: 'Unduh angka',
    downloadsLede: 'Semua periode untuk setiap bulan, kuartal dan tahun.',
    downloadsLedeWeeks: 'Semua periode untuk setiap minggu, bulan, kuartal dan tahun.',
    csv: 'CSV untuk spreadsheet',
    json: 'JSON lengkap dengan rincian',
    warnings: 'Peringatan untuk KPI ini',
    unit: 'Satuan',
    direction: 'Arah',
    owner: 'Penanggung jawab',
    frequency: 'Ditinjau',
    goal: 'Tujuan',
    thresholds: 'Batas status',
    reportedBy: 'Dilaporkan per',
    breakdownList: 'Rincian',
    none: 'tidak ada',
    units: {
      currency: (code) => (code === 'IDR' ? 'rupiah (Rp)' : code),
      ...ID.units,
    },
    directions: { higher: 'makin tinggi makin baik', lower: 'makin rendah makin baik' },
    frequencies: { weekly: 'tiap minggu', monthly: 'tiap bulan', quarterly: 'tiap kuartal', yearly: 'tiap tahun' },
    grains: { week: ID.week, month: ID.month, quarter: ID.quarter, year: ID.year },
    thresholdText: (full, atRisk) => `sesuai target bila capaian ${full} atau lebih; berisiko dari ${atRisk}; meleset di bawah ${atRisk}`,
    thresholdPointsText: (band) => `dinilai dari selisih dengan target, bukan persen capaian: sesuai target bila mencapai target; berisiko bila kurang paling banyak ${band}; meleset bila kurang lebih dari itu`,
    period: ID.period,
    value: ID.value,
    attainment: ID.attainment,
    status: ID.status,
    change: ID.change,
    notes: 'Catatan',
    targetDerived: 'Target kuartal dan tahun yang tidak ditetapkan sendiri adalah jumlah target bulanannya.',
    lastWeeks: (n) => `${n} minggu terakhir`,
    targetWeeks: 'Minggu ISO mulai hari awal minggu perusahaan; minggu yang melewati akhir bulan tetap satu minggu. Minggu tanpa target sendiri: untuk angka yang dijumlahkan, bagian target tiap bulannya menurut hari kerja; untuk rasio dan rata-rata, target bulan yang memuat hari Kamis minggu itu.',
    targetProrated: 'target disesuaikan dengan bulan yang ada datanya',
    breakdownNames: ID.breakdowns,
    changeVs: ID.vsPrevious,
    vsMonths: (range) => `vs ${range} (rentang sebanding)`,
    likeForLikeNote: (months, previous) => `* perubahan ${months} dibanding ${previous}, rentang yang sama pada periode sebelumnya`,
    noComparisonNote: (previous) => `* tanpa pembanding: data tidak mencakup seluruh ${previous}`,
  },
  en: {
    catalogTitle: 'All KPIs',
    catalogLede: (count, period) => `${count} KPIs in six groups, with their values for ${period}. Choose a KPI for its trend, targets, breakdowns and how it is computed.`,
    kpiCount: (count) => `${count} ${count === 1 ? 'KPI' : 'KPIs'}`,
    latest: 'Latest',
    trend12: '12-month trend',
    target: EN.target,
    noTarget: EN.noTarget,
    vsPreviousMonth: EN.vsPrevious.month,
    breadcrumb: 'Breadcrumb',
    allKpis: 'All KPIs',
    onThisPage: 'On this page',
    latestValue: (period) => `${period}`,
    about: 'About this KPI',
    method: 'How it is computed',
    formulaInWords: 'The formula in words',
    secondaryInWords: (title) => `The companion value, ${title}`,
    trend: 'Trend and target',
    trendHint: 'The dashed line is the target. The shape and colour of each point show its status; a hollow point is not final yet.',
    grainHeading: { week: 'By week', month: 'By month', quarter: 'By quarter', year: 'By year' },
    breakdowns: 'Breakdowns',
    breakdownsLede: 'Largest first, with each share of the total where the numbers add up.',
    noBreakdowns: 'This KPI has no breakdowns.',
    by: (name) => `By ${name}`,
    soFar: 'so far',
    memberPages: 'Their pages',
    allPeriods: 'All periods',
    allPeriodsLede: 'Newest first. Change against the previous period of the same kind; in percentage points for percent KPIs.',
    tableCaption: (title, grain) => `${title} by ${grain}, newest first`,
    definition: 'Definition',
    definitionLede: (file) => `This KPI's definition as written, from the file ${file}. Changing the file changes how the KPI is computed.`,
    downloads: 'Download the numbers',
    downloadsLede: 'Every period, for every month, quarter and year.',
    downloadsLedeWeeks: 'Every period, for every week, month, quarter and year.',
    csv: 'CSV for spreadsheets',
    json: 'JSON in full, with breakdowns',
    warnings: 'Warnings for this KPI',
    unit: 'Unit',
    direction: 'Direction',
    owner: 'Owner',
    frequency: 'Reviewed',
    goal: 'Goal',
    thresholds: 'Status limits',
    reportedBy: 'Reported by',
    breakdownList: 'Breakdowns',
    none: 'none',
    units: {
      currency: (code) => (code === 'IDR' ? 'rupiah (Rp)' : code),
      ...EN.units,
    },
    directions: { higher: 'higher is better', lower: 'lower is better' },
    frequencies: { weekly: 'weekly', monthly: 'monthly', quarterly: 'quarterly', yearly: 'yearly' },
    grains: { week: EN.week, month: EN.month, quarter: EN.quarter, year: EN.year },
    thresholdText: (full, atRisk) => `on track at ${full} of target or more; at risk from ${atRisk}; off track below ${atRisk}`,
    thresholdPointsText: (band) => `judged by the difference to the target, not a percentage of it: on track when the target is met; at risk when short by at most ${band}; off track when short by more`,
    period: EN.period,
    value: EN.value,
    attainment: EN.attainment,
    status: EN.status,
    change: EN.change,
    notes: 'Notes',
    targetDerived: 'A quarter or year without a target of its own has the sum of its month targets.',
    lastWeeks: (n) => `last ${n} weeks`,
    targetWeeks: "ISO weeks from the company's week start; a week crossing a month end is one week. A week without a target of its own: for amounts and counts, its share of each month's target by working days; for rates and averages, the target of the month holding its Thursday.",
    targetProrated: 'target scaled to the months with data',
    breakdownNames: EN.breakdowns,
    changeVs: EN.vsPrevious,
    vsMonths: (range) => `vs ${range} (like for like)`,
    likeForLikeNote: (months, previous) => `* change of ${months} against ${previous}, the same stretch of the previous period`,
    noComparisonNote: (previous) => `* no comparison: the data does not hold all of ${previous}`,
  },
};

export function kpiWords(lang: Lang): KpiWords {
  return WORDS[lang];
}

/** A breakdown's name in words, or its id when it has no words yet. */
/** A unit in words: "rupiah (Rp)", "percent". */
export function unitName(unit: Unit, currency: string, lang: Lang): string {
  const u = WORDS[lang].units;
  return unit === 'currency' ? u.currency(currency) : u[unit];
}

export function breakdownName(by: string, lang: Lang): string {
  return WORDS[lang].breakdownNames[by] ?? by;
}
