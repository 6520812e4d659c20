/**
 * The product catalog: 5 categories of 12 products, tiers 1-3 (entry, mid, premium) for
 * up-selling, list prices per unit in rupiah, and the case size shops buy in.
 */
import type { Vocabulary } from './world.ts';

export const CATEGORIES: Vocabulary[] = [
  { id: 'minuman', name: { id: 'Minuman', en: 'Beverages' } },
  { id: 'makanan-ringan', name: { id: 'Makanan Ringan', en: 'Snacks' } },
  { id: 'bahan-pokok', name: { id: 'Bahan Pokok', en: 'Staples' } },
  { id: 'perawatan-diri', name: { id: 'Perawatan Diri', en: 'Personal care' } },
  { id: 'kebersihan-rumah', name: { id: 'Kebersihan Rumah', en: 'Household cleaning' } },
];

export interface Product {
  sku: string;
  name: string;
  category: string;
  tier: number;
  list_price: number;
  /** Units per case (not in products.yaml: it only shapes order quantities). */
  pack: number;
  /** Sells several times better in the weeks before Lebaran. */
  lebaran?: boolean;
}

type Row = [sku: string, name: string, tier: number, price: number, pack: number, lebaran?: boolean];

const ROWS: Record<string, Row[]> = {
  minuman: [
    ['BEV-AIR-600', 'Air Mineral 600 ml', 1, 3500, 24],
    ['BEV-AIR-1500', 'Air Mineral 1,5 L', 1, 6500, 12],
    ['BEV-TEH-350', 'Teh Melati 350 ml', 1, 5500, 24],
    ['BEV-TEH-500', 'Teh Melati 500 ml', 2, 7000, 24],
    ['BEV-KOP-RCG', 'Kopi Instan 3in1 (renceng 10)', 1, 14000, 12],
    ['BEV-KOP-240', 'Kopi Susu Kaleng 240 ml', 2, 9500, 24],
    ['BEV-SUS-200', 'Susu UHT Cokelat 200 ml', 2, 6500, 24],
    ['BEV-ISO-500', 'Minuman Isotonik 500 ml', 2, 8000, 24],
    ['BEV-SRP-460', 'Sirup Cocopandan 460 ml', 2, 19500, 12, true],
    ['BEV-SUS-1000', 'Susu UHT Full Cream 1 L', 3, 21000, 12],
    ['BEV-JUS-1000', 'Jus Jeruk 1 L', 3, 24000, 12],
    ['BEV-TEH-PRM', 'Teh Hijau Premium isi 25', 3, 28000, 12],
  ],
  'makanan-ringan': [
    ['SNK-WAF-50', 'Wafer Cokelat 50 g', 1, 3000, 24],
    ['SNK-KRU-40', 'Kerupuk Udang 40 g', 1, 4500, 30],
    ['SNK-PIL-90', 'Pilus Pedas 90 g', 1, 5000, 30],
    ['SNK-PRM-MNT', 'Permen Mint 45 g', 1, 6000, 24],
    ['SNK-KRP-60', 'Keripik Singkong 60 g', 1, 7500, 20],
    ['SNK-BIS-130', 'Biskuit Kelapa 130 g', 1, 8500, 24],
    ['SNK-KRP-100', 'Keripik Singkong Balado 100 g', 2, 12000, 20],
    ['SNK-COK-62', 'Cokelat Batang 62 g', 2, 12500, 24],
    ['SNK-KAC-250', 'Kacang Garing 250 g', 2, 16000, 20, true],
    ['SNK-BIS-KLG', 'Biskuit Kaleng Aneka Rasa 300 g', 3, 45000, 12, true],
    ['SNK-NAS-250', 'Kue Nastar 250 g', 3, 55000, 12, true],
    ['SNK-KST-250', 'Kue Kastengel 250 g', 3, 60000, 12, true],
  ],
  'bahan-pokok': [
    ['STP-MIE-KUA', 'Mi Instan Kuah Soto 75 g', 1, 2900, 40],
    ['STP-MIE-GRG', 'Mi Instan Goreng 85 g', 1, 3100, 40],
    ['STP-MIE-CUP', 'Mi Cup Pedas 70 g', 2, 6500, 24],
    ['STP-SKM-370', 'Susu Kental Manis 370 g', 2, 12500, 48, true],
    ['STP-TPG-1', 'Tepung Terigu 1 kg', 1, 13000, 12, true],
    ['STP-GUL-1', 'Gula Pasir 1 kg', 1, 17500, 20, true],
    ['STP-MYK-1', 'Minyak Goreng 1 L', 1, 18000, 12, true],
    ['STP-SAM-340', 'Saus Sambal 340 ml', 2, 17000, 12],
    ['STP-KCP-520', 'Kecap Manis 520 ml', 2, 24000, 12],
    ['STP-MYK-2', 'Minyak Goreng Premium 2 L', 2, 38000, 6, true],
    ['STP-BRS-5M', 'Beras Medium 5 kg', 2, 65000, 4],
    ['STP-BRS-5P', 'Beras Premium 5 kg', 3, 78000, 4],
  ],
  'perawatan-diri': [
    ['PRS-SAB-75', 'Sabun Mandi Batang 75 g', 1, 4000, 72],
    ['PRS-SMP-RCG', 'Sampo Sachet (renceng 12)', 1, 6000, 24],
    ['PRS-SKG-SFT', 'Sikat Gigi Soft', 1, 8000, 24],
    ['PRS-PGG-190', 'Pasta Gigi 190 g', 1, 14500, 24],
    ['PRS-PGG-HRB', 'Pasta Gigi Herbal 150 g', 2, 19000, 24],
    ['PRS-DEO-50', 'Deodoran Roll-on 50 ml', 2, 21000, 24],
    ['PRS-MKP-60', 'Minyak Kayu Putih 60 ml', 2, 23000, 24],
    ['PRS-SAB-450', 'Sabun Cair Isi Ulang 450 ml', 2, 24000, 12],
    ['PRS-SMP-170', 'Sampo Anti Ketombe 170 ml', 2, 26000, 24],
    ['PRS-LTN-200', 'Losion Tubuh 200 ml', 3, 27000, 24],
    ['PRS-FCW-100', 'Sabun Cuci Muka 100 g', 3, 35000, 24],
    ['PRS-PPK-M20', 'Popok Bayi M isi 20', 3, 65000, 6],
  ],
  'kebersihan-rumah': [
    ['HOM-OBN-10', 'Obat Nyamuk Bakar isi 10', 1, 7000, 30],
    ['HOM-TIS-250', 'Tisu Wajah 250 lembar', 1, 13000, 24],
    ['HOM-PBL-800', 'Pembersih Lantai 800 ml', 1, 14000, 12],
    ['HOM-SBP-780', 'Sabun Cuci Piring 780 ml', 1, 16000, 12],
    ['HOM-PWG-800', 'Pewangi Pakaian 800 ml', 2, 21000, 12],
    ['HOM-DTR-800', 'Deterjen Bubuk 800 g', 1, 22000, 12],
    ['HOM-PKM-700', 'Pembersih Kamar Mandi 700 ml', 2, 23000, 12],
    ['HOM-DTC-750', 'Deterjen Cair 750 ml', 2, 27000, 12],
    ['HOM-TIS-GLG', 'Tisu Gulung isi 10', 2, 32000, 8],
    ['HOM-SEM-600', 'Semprotan Serangga 600 ml', 3, 42000, 12],
    ['HOM-DTR-1800', 'Deterjen Bubuk 1,8 kg', 3, 45000, 6],
    ['HOM-PRG-OTM', 'Pengharum Ruangan Otomatis', 3, 65000, 6],
  ],
};

export const PRODUCTS: Product[] = CATEGORIES.flatMap((c) =>
  ROWS[c.id]!.map(([sku, name, tier, list_price, pack, lebaran]) => ({
    sku,
    name,
    category: c.id,
    tier,
    list_price,
    pack,
    ...(lebaran ? { lebaran } : {}),
  })),
);
