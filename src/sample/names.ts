/** Plausible Indonesian shop names, by segment. */
import type { Rng } from './random.ts';

const PREFIX: Record<string, string[]> = {
  'toko-kelontong': ['Toko', 'Toko', 'Warung', 'Kios', 'UD'],
  minimarket: ['Minimarket', 'Swalayan', 'Mart'],
  grosir: ['Grosir', 'Agen', 'UD', 'CV', 'Toko Grosir'],
  horeka: ['Rumah Makan', 'Kafe', 'Hotel', 'Restoran', 'Kedai Kopi', 'Katering', 'Warung Makan'],
};

const WORDS = [
  'Sinar Jaya', 'Makmur', 'Sentosa', 'Berkah', 'Rejeki', 'Barokah', 'Mulia', 'Abadi', 'Sejahtera',
  'Maju Jaya', 'Bersama', 'Mandiri', 'Harapan', 'Lancar', 'Sumber Rezeki', 'Cahaya', 'Amanah',
  'Murah Meriah', 'Keluarga', 'Sari Rasa', 'Bintang', 'Mekar', 'Santoso', 'Subur', 'Anugerah',
  'Tiga Saudara', 'Putra', 'Melati', 'Kenanga', 'Nusantara', 'Selera', 'Padang Raya', 'Pelangi',
];

const PEOPLE = [
  'Bu Sri', 'Pak Darmo', 'Bu Ani', 'Pak Joko', 'Mak Ijah', 'Haji Romli', 'Ko Ahong', 'Cik Lina', 'Bu Yati',
  'Pak Slamet', 'Bu Tini', 'Pak Ucok', 'Bu Ratna', 'Pak Made', 'Mas Bayu', 'Teh Euis', 'Kang Asep',
];

export function shopName(rng: Rng, segment: string, city: string): string {
  const prefix = rng.pick(PREFIX[segment] ?? PREFIX['toko-kelontong']!);
  const core = segment !== 'minimarket' && rng.chance(0.3) ? rng.pick(PEOPLE) : rng.pick(WORDS);
  const name = prefix === 'Mart' ? `${core} Mart` : `${prefix} ${core}`;
  return `${name} ${city}`;
}
