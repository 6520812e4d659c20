/** The team, region and goals pages' words, in Indonesian and English (the site's shared words are in site/words.ts). */
import type { Grain } from '../../calendar/periods.ts';
import type { Lang } from '../../i18n/format-value.ts';
import { GLOSSARY } from '../../i18n/glossary.ts';

export interface TeamWords {
  teamTitle: string;
  regionsTitle: string;
  /** "Papan peringkat Oktober 2026" / "Leaderboard, October 2026". */
  boardTitle: (period: string) => string;
  repBoardCaption: (period: string) => string;
  regionBoardCaption: (period: string) => string;
  sortedBy: { rep: { attainment: string; value: string }; region: { attainment: string; value: string } };
  partialPeriod: string;
  otherPeriods: string;
  latest: string;
  grainHeading: Record<Grain, string>;
  rank: string;
  rep: string;
  region: string;
  /** Column headings of the leaderboards and month tables, by `rep:` or `region:` and KPI id, else by KPI id. */
  column: Record<string, string>;
  columnNote: Record<string, string>;
  target: string;
  attainment: string;
  status: string;
  share: string;
  wholeTeam: string;
  allRegions: string;
  left: (date: string) => string;
  joined: (date: string) => string;
  roster: string;
  rosterCaption: string;
  name: string;
  teamName: string;
  manager: string;
  joinedLabel: string;
  leftLabel: string;
  stillHere: string;
  formerNote: string;
  repLede: string;
  kpisFor: (month: string) => string;
  lastMonthNote: (left: string, month: string) => string;
  joinedAfterNote: string;
  ofTotal: (share: string) => string;
  /** "Rank 3 of 8 reps by attainment": rank among the members with a value that month. */
  rankAmong: (rank: number, of: number, by: string, basis: 'attainment' | 'value') => string;
  /** The plain mean of the peers' values. */
  peersAverage: (by: string) => string;
  ownTarget: string;
  /** "42 leads": the records behind a value (report model `count`, KPI `counts`). */
  records: (n: number, noun: string | undefined) => string;
  /** The mark of a value with too few records to judge by. */
  fewRecords: string;
  fewRecordsNote: (min: number) => string;
  monthByMonth: string;
  /** The rep's weekly page (team/<rep>/weeks/). */
  weekByWeek: string;
  weeksTitle: (name: string) => string;
  weeksLede: string;
  weekTableCaption: (name: string) => string;
  week: string;
  backToRep: (name: string) => string;
  monthTableCaption: (name: string) => string;
  month: string;
  noValues: string;
  noSeries: string;
  reps: string;
  repsInRegion: string;
  noReps: string;
  regionLede: string;
  regionsLede: string;
  teamLede: string;
  backToTeam: string;
  backToRegions: string;
  // Goals and catalog
  goalsTitle: string;
  goalsLede: string;
  goalsHeading: string;
  headline: string;
  yearToDate: (year: string, done: number, total: number) => string;
  yearTarget: string;
  target2: string;
  targetToDate: string;
  paceNeeded: string;
  projected: string;
  owner: string;
  kpisServing: string;
  noKpis: string;
  noHeadline: string;
  catalog: string;
  catalogLede: (count: number, orphans: number) => string;
  description: string;
  frequency: string;
  group: string;
  unit: string;
  direction: string;
  goal: string;
  breakdowns: string;
  lints: string;
  noLints: string;
  noGoal: string;
  unknownGoal: (id: string) => string;
  notSet: string;
  frequencies: Record<'weekly' | 'monthly' | 'quarterly' | 'yearly', string>;
  units: Record<'currency' | 'percent' | 'count' | 'days' | 'hours' | 'score' | 'per-day', string>;
  directions: Record<'higher' | 'lower', string>;
  breakdownNames: Record<string, string>;
  progressLabel: (pct: string) => string;
  progressOfYear: (pct: string) => string;
  latestValue: (month: string) => string;
}

const ID: TeamWords = {
  teamTitle: 'Tim penjualan',
  regionsTitle: 'Wilayah penjualan',
  boardTitle: (p) => `Papan peringkat ${p}`,
  repBoardCaption: (p) => `Papan peringkat sales rep, ${p}`,
  regionBoardCaption: (p) => `Papan peringkat wilayah, ${p}`,
  sortedBy: {
    rep: {
      attainment: 'Diurutkan menurut capaian target penjualan bersih dari pelanggan tiap rep; rep tanpa target menyusul, menurut penjualannya.',
      value: 'Diurutkan menurut penjualan bersih dari pelanggan tiap rep (periode ini tidak punya target per rep).',
    },
    region: {
      attainment: 'Diurutkan menurut capaian target penjualan bersih wilayah; wilayah tanpa target menyusul, menurut penjualannya.',
      value: 'Diurutkan menurut penjualan bersih (periode ini tidak punya target per wilayah).',
    },
  },
  partialPeriod: 'Periode ini belum lengkap: angkanya hanya mencakup bulan yang sudah ada datanya.',
  otherPeriods: 'Periode lain',
  latest: 'terbaru',
  grainHeading: GLOSSARY.id.grainHeadings,
  rank: 'Peringkat',
  rep: 'Sales rep',
  region: 'Wilayah',
  column: {
    'sales-per-rep': 'Penjualan bersih',
    'net-sales': 'Penjualan bersih',
    'rep:net-sales': 'Penjualan bersih dari pesanan yang dicatat',
    'conversion-rate-per-rep': 'Konversi',
    'leads-contacted-per-day': 'Prospek dihubungi per hari',
    'follow-up-24h': 'Follow-up ≤ 24 jam',
    'new-customers': 'Pelanggan baru',
    'customer-retention-rate': 'Retensi',
    'customer-satisfaction': 'Kepuasan (1-5)',
  },
  columnNote: {
    'sales-per-rep': 'dari pelanggan yang dipegang',
  },
  target: GLOSSARY.id.target,
  attainment: GLOSSARY.id.attainment,
  status: GLOSSARY.id.status,
  share: GLOSSARY.id.share,
  wholeTeam: 'Seluruh tim',
  allRegions: 'Semua wilayah',
  left: (d) => `keluar ${d}`,
  joined: (d) => `bergabung ${d}`,
  roster: 'Anggota tim',
  rosterCaption: 'Sales rep: wilayah, tim, atasan, tanggal bergabung dan keluar',
  name: 'Nama',
  teamName: 'Tim',
  manager: 'Atasan',
  joinedLabel: 'Bergabung',
  leftLabel: 'Keluar',
  stillHere: 'masih aktif',
  formerNote: 'Rep yang sudah keluar tetap tercantum di periode saat ia bekerja, dan di periode mana pun pelanggannya masih berbelanja.',
  repLede: 'Sales rep',
  kpisFor: (m) => `KPI ${m}`,
  lastMonthNote: (left, m) => `Keluar pada ${left}; angka di bawah untuk ${m}, bulan terakhirnya bekerja.`,
  joinedAfterNote: 'Rep ini bergabung setelah bulan terakhir yang ada datanya.',
  ofTotal: (s) => `${s} dari total`,
  rankAmong: (rank, of, by, basis) => `Peringkat ${rank} dari ${of} ${by === 'region' ? 'region' : 'rep'}, menurut ${basis === 'attainment' ? 'capaian' : 'nilai'}`,
  peersAverage: (by) => (by === 'region' ? 'Rata-rata region' : 'Rata-rata tim'),
  ownTarget: 'Target sendiri',
  records: (n, noun) => `${n.toLocaleString('id-ID')} ${({ order: 'pesanan', lead: 'prospek', survey: 'survei', customer: 'pelanggan' } as Record<string, string>)[noun ?? ''] ?? 'catatan'}`,
  fewRecords: 'terlalu sedikit untuk dinilai',
  fewRecordsNote: (min) => `Di bawah ${min} catatan (pesanan, prospek, survei) angkanya terlalu sedikit untuk menilai seseorang atau sebuah region: satu catatan lebih atau kurang sudah menggeser hasilnya jauh.`,
  monthByMonth: '12 bulan terakhir',
  weekByWeek: 'Minggu demi minggu',
  weeksTitle: (n) => `${n}: minggu demi minggu`,
  weeksLede: 'KPI aktivitas yang ditinjau tiap minggu, 13 minggu terakhir, terbaru di atas. Minggu ISO mulai hari awal minggu perusahaan; minggu yang melewati akhir bulan tetap satu minggu. Target minggu tanpa target sendiri: bagian target bulanan menurut hari kerja (jumlah), atau target bulan yang memuat hari Kamis minggu itu (rasio).',
  weekTableCaption: (n) => `${n}: KPI mingguan per minggu, 13 minggu terakhir`,
  week: 'Minggu',
  backToRep: (n) => `Kembali ke ${n}`,
  monthTableCaption: (n) => `${n}: KPI utama per bulan, 12 bulan terakhir`,
  month: 'Bulan',
  noValues: 'Belum ada angka untuk bulan ini.',
  noSeries: 'Tidak ada angka.',
  reps: 'Sales rep',
  repsInRegion: 'Sales rep di wilayah ini',
  noReps: 'Tidak ada sales rep yang berbasis di wilayah ini.',
  regionLede: 'Wilayah',
  regionsLede: 'Penjualan, pelanggan baru, retensi, kepuasan dan kecepatan follow-up tiap wilayah. Pilih wilayah untuk melihat semua KPI-nya.',
  teamLede: 'Capaian tiap sales rep. Pilih nama untuk melihat semua KPI rep itu dan targetnya.',
  backToTeam: 'Kembali ke tim',
  backToRegions: 'Kembali ke semua wilayah',
  goalsTitle: 'Tujuan dan katalog KPI',
  goalsLede: 'Tujuan penjualan yang dilayani KPI, kemajuan tahun berjalan dari KPI utama tiap tujuan, lalu definisi setiap KPI.',
  goalsHeading: 'Tujuan',
  headline: 'KPI utama',
  yearToDate: (y, d, t) => `Tahun berjalan ${y} (${d} dari ${t} bulan)`,
  yearTarget: 'Target setahun',
  target2: GLOSSARY.id.target,
  targetToDate: 'Target s.d. bulan ini',
  paceNeeded: 'Perlu per bulan',
  projected: 'Proyeksi akhir tahun (perkiraan, bukan status)',
  owner: 'Penanggung jawab',
  kpisServing: 'KPI yang melayani tujuan ini',
  noKpis: 'Belum ada KPI yang melayani tujuan ini.',
  noHeadline: 'Tujuan ini belum menyebut KPI utamanya.',
  catalog: 'Katalog KPI',
  catalogLede: (n, o) => `${n} KPI. ${o === 0 ? 'Semua melayani sebuah tujuan.' : `${o} tidak melayani tujuan apa pun.`}`,
  description: 'Definisi',
  frequency: 'Frekuensi',
  group: 'Kelompok',
  unit: 'Satuan',
  direction: 'Arah',
  goal: 'Tujuan',
  breakdowns: 'Rincian',
  lints: 'Peringatan',
  noLints: 'tidak ada',
  noGoal: 'Tidak melayani tujuan apa pun',
  unknownGoal: (id) => `Tujuan tidak dikenal: ${id}`,
  notSet: 'belum ditentukan',
  frequencies: { weekly: 'mingguan', monthly: 'bulanan', quarterly: 'kuartalan', yearly: 'tahunan' },
  units: { currency: 'nilai uang', ...GLOSSARY.id.units },
  directions: { higher: 'makin tinggi makin baik', lower: 'makin rendah makin baik' },
  breakdownNames: GLOSSARY.id.breakdowns,
  progressLabel: (p) => `${p} dari target`,
  progressOfYear: (p) => `${p} dari target setahun`,
  latestValue: (m) => `Nilai ${m}`,
};

const EN: TeamWords = {
  teamTitle: 'Sales team',
  regionsTitle: 'Sales regions',
  boardTitle: (p) => `Leaderboard, ${p}`,
  repBoardCaption: (p) => `Sales rep leaderboard, ${p}`,
  regionBoardCaption: (p) => `Region leaderboard, ${p}`,
  sortedBy: {
    rep: {
      attainment: "Ranked by attainment of the net sales target for each rep's own customers; reps without a target follow, by their sales.",
      value: "Ranked by net sales from each rep's own customers (this period has no rep targets).",
    },
    region: {
      attainment: 'Ranked by attainment of the region’s net sales target; regions without a target follow, by their sales.',
      value: 'Ranked by net sales (this period has no region targets).',
    },
  },
  partialPeriod: 'This period is not complete: its numbers cover only the months with data.',
  otherPeriods: 'Other periods',
  latest: 'latest',
  grainHeading: GLOSSARY.en.grainHeadings,
  rank: 'Rank',
  rep: 'Sales rep',
  region: 'Region',
  column: {
    'sales-per-rep': 'Net sales',
    'net-sales': 'Net sales',
    'rep:net-sales': 'Net sales of orders recorded',
    'conversion-rate-per-rep': 'Conversion',
    'leads-contacted-per-day': 'Leads contacted per day',
    'follow-up-24h': 'Follow-up ≤ 24 h',
    'new-customers': 'New customers',
    'customer-retention-rate': 'Retention',
    'customer-satisfaction': 'Satisfaction (1-5)',
  },
  columnNote: {
    'sales-per-rep': 'from own customers',
  },
  target: GLOSSARY.en.target,
  attainment: GLOSSARY.en.attainment,
  status: GLOSSARY.en.status,
  share: GLOSSARY.en.share,
  wholeTeam: 'Whole team',
  allRegions: 'All regions',
  left: (d) => `left ${d}`,
  joined: (d) => `joined ${d}`,
  roster: 'Team members',
  rosterCaption: 'Sales reps: region, team, manager, date joined and left',
  name: 'Name',
  teamName: 'Team',
  manager: 'Manager',
  joinedLabel: 'Joined',
  leftLabel: 'Left',
  stillHere: 'still here',
  formerNote: 'Reps who left stay listed in the periods they worked in, and in any period their customers still ordered.',
  repLede: 'Sales rep',
  kpisFor: (m) => `KPIs, ${m}`,
  lastMonthNote: (left, m) => `Left on ${left}; the figures below are for ${m}, their last month.`,
  joinedAfterNote: 'This rep joined after the latest month with data.',
  ofTotal: (s) => `${s} of the total`,
  rankAmong: (rank, of, by, basis) => `Rank ${rank} of ${of} ${by === 'region' ? (of === 1 ? 'region' : 'regions') : of === 1 ? 'rep' : 'reps'} by ${basis}`,
  peersAverage: (by) => (by === 'region' ? 'Regions’ average' : 'Team average'),
  ownTarget: 'Own target',
  records: (n, noun) => {
    const word = ({ order: 'order', lead: 'lead', survey: 'survey', customer: 'customer' } as Record<string, string>)[noun ?? ''] ?? 'record';
    return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
  },
  fewRecords: 'too few to judge',
  fewRecordsNote: (min) => `Below ${min} records (orders, leads, surveys) a number is too thin to judge a person or a region by: one record more or less moves it a long way.`,
  monthByMonth: 'Last 12 months',
  weekByWeek: 'Week by week',
  weeksTitle: (n) => `${n}: week by week`,
  weeksLede: "The activity KPIs reviewed weekly, last 13 weeks, newest first. ISO weeks from the company's week start; a week crossing a month end is one week. A week without a target of its own takes its share of the month's target by working days (amounts and counts), or the target of the month holding its Thursday (rates).",
  weekTableCaption: (n) => `${n}: weekly KPIs week by week, last 13 weeks`,
  week: 'Week',
  backToRep: (n) => `Back to ${n}`,
  monthTableCaption: (n) => `${n}: main KPIs month by month, last 12 months`,
  month: 'Month',
  noValues: 'No figures for this month yet.',
  noSeries: 'No figures.',
  reps: 'Sales reps',
  repsInRegion: 'Sales reps in this region',
  noReps: 'No sales rep is based in this region.',
  regionLede: 'Region',
  regionsLede: 'Sales, new customers, retention, satisfaction and follow-up speed per region. Pick a region to see all its KPIs.',
  teamLede: "Each sales rep's results. Pick a name to see all of that rep's KPIs and targets.",
  backToTeam: 'Back to the team',
  backToRegions: 'Back to all regions',
  goalsTitle: 'Goals and KPI catalog',
  goalsLede: "The sales goals the KPIs serve, each goal's headline KPI year to date, then every KPI's definition.",
  goalsHeading: 'Goals',
  headline: 'Headline KPI',
  yearToDate: (y, d, t) => `Year to date ${y} (${d} of ${t} months)`,
  yearTarget: 'Year target',
  target2: GLOSSARY.en.target,
  targetToDate: 'Target to date',
  paceNeeded: 'Needed per month',
  projected: 'Projected year end (a forecast, not a status)',
  owner: 'Owner',
  kpisServing: 'KPIs serving this goal',
  noKpis: 'No KPI serves this goal yet.',
  noHeadline: 'This goal names no headline KPI yet.',
  catalog: 'KPI catalog',
  catalogLede: (n, o) => `${n} KPIs. ${o === 0 ? 'Every one serves a goal.' : `${o} serve${o === 1 ? 's' : ''} no goal.`}`,
  description: 'Definition',
  frequency: 'Frequency',
  group: 'Group',
  unit: 'Unit',
  direction: 'Direction',
  goal: 'Goal',
  breakdowns: 'Breakdowns',
  lints: 'Warnings',
  noLints: 'none',
  noGoal: 'Serves no goal',
  unknownGoal: (id) => `Unknown goal: ${id}`,
  notSet: 'not set',
  frequencies: { weekly: 'weekly', monthly: 'monthly', quarterly: 'quarterly', yearly: 'yearly' },
  units: { currency: 'money', ...GLOSSARY.en.units },
  directions: { higher: 'higher is better', lower: 'lower is better' },
  breakdownNames: GLOSSARY.en.breakdowns,
  progressLabel: (p) => `${p} of target`,
  progressOfYear: (p) => `${p} of the year target`,
  latestValue: (m) => `Value, ${m}`,
};

export function teamWords(lang: Lang): TeamWords {
  return lang === 'id' ? ID : EN;
}

/** 28 Feb 2026 / 28 Feb 2026: a calendar date (YYYY-MM-DD) in the reader's language, never shifted by a time zone. */
export function dateName(date: string, lang: Lang): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}
