/**
 * The fictional company behind the sample: a distributor of fast-moving consumer goods to
 * shops in four regions of Indonesia. Fixed tables; only dates are placed relative to the period.
 */
import type { Month } from './calendar.ts';
import { dateOf, dayOf } from './calendar.ts';

export interface Vocabulary {
  id: string;
  name: { id: string; en: string };
}

const V = (id: string, idName: string, en: string): Vocabulary => ({ id, name: { id: idName, en } });

export const COMPANY_NAME = 'PT Sumber Makmur Distribusi';

export interface Region extends Vocabulary {
  /** Share of the business at the start. */
  share: number;
  /** Yearly growth of its orders; sumatera-utara struggles (a rep leaves, no replacement). */
  growth: number;
  /** Multiplier on lead conversion and on survey scores. */
  health: number;
  cities: string[];
}

export const REGIONS: Region[] = [
  { ...V('jabodetabek', 'Jabodetabek', 'Greater Jakarta'), share: 0.38, growth: 1.18, health: 1.05, cities: ['Jakarta Selatan', 'Jakarta Timur', 'Jakarta Barat', 'Jakarta Utara', 'Depok', 'Bekasi', 'Tangerang', 'Bogor'] },
  { ...V('jawa-barat', 'Jawa Barat', 'West Java'), share: 0.25, growth: 1.17, health: 1, cities: ['Bandung', 'Cimahi', 'Cirebon', 'Sukabumi', 'Tasikmalaya', 'Karawang', 'Garut'] },
  { ...V('jawa-timur', 'Jawa Timur', 'East Java'), share: 0.24, growth: 1.19, health: 1, cities: ['Surabaya', 'Malang', 'Sidoarjo', 'Gresik', 'Kediri', 'Jember', 'Madiun'] },
  { ...V('sumatera-utara', 'Sumatera Utara', 'North Sumatra'), share: 0.13, growth: 0.94, health: 0.8, cities: ['Medan', 'Binjai', 'Pematangsiantar', 'Deli Serdang', 'Tebing Tinggi', 'Sibolga'] },
];

export interface Segment extends Vocabulary {
  /** Share of customers. */
  share: number;
  /** How often they order, relative to a grocery shop. */
  frequency: number;
  /** Cases per line: drawn from this list. */
  cases: number[];
  /** Chance that a line carries a discount. */
  discountRate: number;
  /** Weights of the categories they buy (same order as CATEGORIES). */
  categories: number[];
}

export const SEGMENTS: Segment[] = [
  { ...V('toko-kelontong', 'Toko Kelontong', 'Grocery shop'), share: 0.5, frequency: 1, cases: [1, 1, 2, 2, 3], discountRate: 0.08, categories: [22, 20, 32, 14, 12] },
  { ...V('minimarket', 'Minimarket', 'Minimarket'), share: 0.2, frequency: 1.3, cases: [1, 2, 2, 3, 4], discountRate: 0.25, categories: [20, 22, 20, 20, 18] },
  { ...V('grosir', 'Grosir', 'Wholesaler'), share: 0.12, frequency: 1.6, cases: [2, 3, 4, 5, 6], discountRate: 0.45, categories: [15, 10, 35, 20, 20] },
  { ...V('horeka', 'Hotel, Restoran dan Kafe', 'Hotels, restaurants and cafés'), share: 0.18, frequency: 1.1, cases: [1, 1, 2, 3], discountRate: 0.12, categories: [45, 5, 40, 2, 8] },
];

export interface LeadSource extends Vocabulary {
  share: number;
  /** Multiplier on the chance a lead is won. */
  quality: number;
  /** Leads that come in by message or web arrive at any hour. */
  anyHour: boolean;
}

export const LEAD_SOURCES: LeadSource[] = [
  { ...V('referral', 'Referensi', 'Referral'), share: 0.2, quality: 1.7, anyHour: false },
  { ...V('kunjungan', 'Kunjungan Lapangan', 'Field visit'), share: 0.3, quality: 1, anyHour: false },
  { ...V('whatsapp', 'WhatsApp', 'WhatsApp'), share: 0.22, quality: 0.9, anyHour: true },
  { ...V('telepon', 'Telepon Masuk', 'Inbound call'), share: 0.1, quality: 1, anyHour: false },
  { ...V('pameran', 'Pameran Dagang', 'Trade fair'), share: 0.06, quality: 1.2, anyHour: false },
  { ...V('website', 'Situs Web', 'Website'), share: 0.12, quality: 0.6, anyHour: true },
];

export interface RepSpec {
  id: string;
  name: string;
  region: string;
  team: string;
  manager?: string;
  /** Share of the region's accounts and leads. */
  weight: number;
  /** Chance of a first contact within a day of a lead coming in. */
  speed: number;
  /** Multiplier on the chance a lead is won. */
  skill: number;
  /** Joins half-way through the period and takes over part of `takesFrom`'s accounts. */
  joinsMidway?: { takesFrom: string; share: number };
  /** Leaves about two thirds into the period; `successor` takes the accounts. */
  leaves?: { successor: string };
}

const WEST = 'Tim Jakarta-Jabar';
const EAST = 'Tim Jatim-Sumut';

const REPS: RepSpec[] = [
  { id: 'sari', name: 'Sari Lestari', region: 'jabodetabek', team: WEST, weight: 0.5, speed: 0.92, skill: 1.2 },
  { id: 'andi', name: 'Andi Wijaya', region: 'jabodetabek', team: WEST, manager: 'sari', weight: 1, speed: 0.88, skill: 1 },
  { id: 'fajar', name: 'Fajar Nugroho', region: 'jabodetabek', team: WEST, manager: 'sari', weight: 1, speed: 0.82, skill: 1.05 },
  { id: 'budi', name: 'Budi Santoso', region: 'jawa-barat', team: WEST, manager: 'sari', weight: 1, speed: 0.86, skill: 0.95 },
  { id: 'dewi', name: 'Dewi Anggraini', region: 'jawa-barat', team: WEST, manager: 'sari', weight: 1, speed: 0.93, skill: 1.1 },
  { id: 'eko', name: 'Eko Prasetyo', region: 'jawa-timur', team: EAST, weight: 1, speed: 0.85, skill: 1.05 },
  { id: 'rina', name: 'Rina Kusumawati', region: 'jawa-timur', team: EAST, manager: 'eko', weight: 1, speed: 0.9, skill: 0.9, joinsMidway: { takesFrom: 'eko', share: 0.4 } },
  { id: 'hendra', name: 'Hendra Siregar', region: 'sumatera-utara', team: EAST, manager: 'eko', weight: 1, speed: 0.78, skill: 0.95 },
  { id: 'yosef', name: 'Yosef Simanjuntak', region: 'sumatera-utara', team: EAST, manager: 'eko', weight: 1, speed: 0.62, skill: 0.85, leaves: { successor: 'hendra' } },
];

export interface Rep extends RepSpec {
  /** First and last working day (day numbers; `last` is Infinity while employed). */
  first: number;
  last: number;
  joined: string;
  left?: string;
}

/** Places the team on the period: long-timers joined years before, one joins, one leaves. */
export function placeTeam(months: Month[]): Rep[] {
  const start = months[0]!;
  const joinMonth = months[Math.floor(months.length / 2)]!;
  const leaveMonth = months[Math.floor(months.length * 0.65)]!;
  return REPS.map((spec, i) => {
    const joinedDay = spec.joinsMidway ? joinMonth.start : dayOf(start.year - 1 - (i % 5), 1 + ((i * 5) % 12), 1 + ((i * 7) % 27));
    const rep: Rep = { ...spec, first: joinedDay, last: Infinity, joined: dateOf(joinedDay) };
    if (spec.leaves) {
      rep.last = leaveMonth.end - 1;
      rep.left = dateOf(rep.last);
    }
    return rep;
  });
}

export function isActive(rep: Rep, day: number): boolean {
  return rep.first <= day && day <= rep.last;
}

export interface GoalSpec {
  id: string;
  title: { id: string; en: string };
  description: { id: string; en: string };
  kpi: string;
  owner: string;
}

export const GOALS: GoalSpec[] = [
  {
    id: 'grow-sales',
    title: { id: 'Tumbuhkan penjualan bersih 15 % per tahun', en: 'Grow net sales by 15 % a year' },
    description: {
      id: 'Penjualan bersih mencapai rencana tahunan: penjualan tahun lalu ditambah 15 %, dibagi ke bulan menurut kalender dagang (puncak menjelang Lebaran).',
      en: "Net sales reach the year's plan: last year's sales plus 15 %, spread over the months by the trading calendar (the peak before Lebaran).",
    },
    kpi: 'net-sales',
    owner: 'sari',
  },
  {
    id: 'keep-customers',
    title: { id: 'Pertahankan pelanggan yang ada', en: 'Keep the customers we have' },
    description: {
      id: 'Toko yang membeli bulan lalu membeli lagi bulan ini; kunjungan rutin mencegah pelanggan beralih.',
      en: 'Shops that bought last month buy again this month; regular visits keep customers from switching.',
    },
    kpi: 'customer-retention-rate',
    owner: 'eko',
  },
  {
    id: 'bigger-baskets',
    title: { id: 'Perbesar nilai setiap transaksi', en: 'Make every sale bigger' },
    description: {
      id: 'Tawarkan produk dari kategori lain dan varian yang lebih tinggi, agar nilai rata-rata pesanan naik.',
      en: 'Offer products from other categories and higher tiers, so that the average order grows.',
    },
    kpi: 'average-transaction-value',
    owner: 'sari',
  },
  {
    id: 'convert-more-leads',
    title: { id: 'Ubah lebih banyak prospek menjadi pelanggan', en: 'Turn more leads into customers' },
    description: {
      id: 'Prospek ditindaklanjuti sampai ada keputusan; lebih banyak toko baru yang mulai berbelanja.',
      en: 'Leads are followed up until they decide; more new shops start buying.',
    },
    kpi: 'lead-conversion-rate',
    owner: 'eko',
  },
  {
    id: 'faster-response',
    title: { id: 'Tanggapi prospek dalam 24 jam', en: 'Answer leads within 24 hours' },
    description: {
      id: 'Prospek yang cepat dihubungi lebih sering menjadi pelanggan.',
      en: 'Leads contacted quickly become customers more often.',
    },
    kpi: 'follow-up-24h',
    owner: 'sari',
  },
  {
    id: 'happy-customers',
    title: { id: 'Pelanggan puas dengan layanan kami', en: 'Customers are happy with our service' },
    description: {
      id: 'Rata-rata skor survei kepuasan minimal 4 dari 5.',
      en: 'The average satisfaction survey score is at least 4 out of 5.',
    },
    kpi: 'customer-satisfaction',
    owner: 'eko',
  },
];
