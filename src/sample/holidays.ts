/**
 * Indonesian public holidays (libur nasional) and collective leave (cuti bersama) as set by the
 * joint decree of three ministers (SKB 3 Menteri) for 2024, 2025 and 2026, plus the election
 * days declared holidays in 2024. Other years get the fixed-date holidays and Idul Fitri only.
 */

export interface Holiday {
  date: string;
  name: string;
}

const H = (date: string, name: string): Holiday => ({ date, name });

const HOLIDAYS: Record<number, Holiday[]> = {
  2024: [
    H('2024-01-01', 'Tahun Baru 2024 Masehi'),
    H('2024-02-08', 'Isra Mikraj Nabi Muhammad SAW'),
    H('2024-02-09', 'Cuti Bersama Tahun Baru Imlek'),
    H('2024-02-10', 'Tahun Baru Imlek 2575 Kongzili'),
    H('2024-02-14', 'Pemilihan Umum 2024'),
    H('2024-03-11', 'Hari Suci Nyepi Tahun Baru Saka 1946'),
    H('2024-03-12', 'Cuti Bersama Hari Suci Nyepi'),
    H('2024-03-29', 'Wafat Isa Almasih'),
    H('2024-03-31', 'Hari Paskah'),
    H('2024-04-08', 'Cuti Bersama Idul Fitri 1445 H'),
    H('2024-04-09', 'Cuti Bersama Idul Fitri 1445 H'),
    H('2024-04-10', 'Hari Raya Idul Fitri 1445 H'),
    H('2024-04-11', 'Hari Raya Idul Fitri 1445 H'),
    H('2024-04-12', 'Cuti Bersama Idul Fitri 1445 H'),
    H('2024-04-15', 'Cuti Bersama Idul Fitri 1445 H'),
    H('2024-05-01', 'Hari Buruh Internasional'),
    H('2024-05-09', 'Kenaikan Isa Almasih'),
    H('2024-05-10', 'Cuti Bersama Kenaikan Isa Almasih'),
    H('2024-05-23', 'Hari Raya Waisak 2568 BE'),
    H('2024-05-24', 'Cuti Bersama Hari Raya Waisak'),
    H('2024-06-01', 'Hari Lahir Pancasila'),
    H('2024-06-17', 'Hari Raya Idul Adha 1445 H'),
    H('2024-06-18', 'Cuti Bersama Idul Adha 1445 H'),
    H('2024-07-07', 'Tahun Baru Islam 1446 H'),
    H('2024-08-17', 'Hari Kemerdekaan Republik Indonesia'),
    H('2024-09-16', 'Maulid Nabi Muhammad SAW'),
    H('2024-11-27', 'Pemilihan Kepala Daerah Serentak'),
    H('2024-12-25', 'Hari Raya Natal'),
    H('2024-12-26', 'Cuti Bersama Hari Raya Natal'),
  ],
  2025: [
    H('2025-01-01', 'Tahun Baru 2025 Masehi'),
    H('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'),
    H('2025-01-28', 'Cuti Bersama Tahun Baru Imlek'),
    H('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'),
    H('2025-03-28', 'Cuti Bersama Hari Suci Nyepi'),
    H('2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947'),
    H('2025-03-31', 'Hari Raya Idul Fitri 1446 H'),
    H('2025-04-01', 'Hari Raya Idul Fitri 1446 H'),
    H('2025-04-02', 'Cuti Bersama Idul Fitri 1446 H'),
    H('2025-04-03', 'Cuti Bersama Idul Fitri 1446 H'),
    H('2025-04-04', 'Cuti Bersama Idul Fitri 1446 H'),
    H('2025-04-07', 'Cuti Bersama Idul Fitri 1446 H'),
    H('2025-04-18', 'Wafat Yesus Kristus'),
    H('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'),
    H('2025-05-01', 'Hari Buruh Internasional'),
    H('2025-05-12', 'Hari Raya Waisak 2569 BE'),
    H('2025-05-13', 'Cuti Bersama Hari Raya Waisak'),
    H('2025-05-29', 'Kenaikan Yesus Kristus'),
    H('2025-05-30', 'Cuti Bersama Kenaikan Yesus Kristus'),
    H('2025-06-01', 'Hari Lahir Pancasila'),
    H('2025-06-06', 'Hari Raya Idul Adha 1446 H'),
    H('2025-06-09', 'Cuti Bersama Idul Adha 1446 H'),
    H('2025-06-27', 'Tahun Baru Islam 1447 H'),
    H('2025-08-17', 'Hari Kemerdekaan Republik Indonesia'),
    H('2025-08-18', 'Cuti Bersama Hari Kemerdekaan'),
    H('2025-09-05', 'Maulid Nabi Muhammad SAW'),
    H('2025-12-25', 'Hari Raya Natal'),
    H('2025-12-26', 'Cuti Bersama Hari Raya Natal'),
  ],
  2026: [
    H('2026-01-01', 'Tahun Baru 2026 Masehi'),
    H('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
    H('2026-02-16', 'Cuti Bersama Tahun Baru Imlek'),
    H('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
    H('2026-03-18', 'Cuti Bersama Hari Suci Nyepi'),
    H('2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948'),
    H('2026-03-20', 'Cuti Bersama Idul Fitri 1447 H'),
    H('2026-03-21', 'Hari Raya Idul Fitri 1447 H'),
    H('2026-03-22', 'Hari Raya Idul Fitri 1447 H'),
    H('2026-03-23', 'Cuti Bersama Idul Fitri 1447 H'),
    H('2026-03-24', 'Cuti Bersama Idul Fitri 1447 H'),
    H('2026-04-03', 'Wafat Yesus Kristus'),
    H('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
    H('2026-05-01', 'Hari Buruh Internasional'),
    H('2026-05-14', 'Kenaikan Yesus Kristus'),
    H('2026-05-15', 'Cuti Bersama Kenaikan Yesus Kristus'),
    H('2026-05-27', 'Hari Raya Idul Adha 1447 H'),
    H('2026-05-28', 'Cuti Bersama Idul Adha 1447 H'),
    H('2026-05-31', 'Hari Raya Waisak 2570 BE'),
    H('2026-06-01', 'Hari Lahir Pancasila'),
    H('2026-06-16', 'Tahun Baru Islam 1448 H'),
    H('2026-08-17', 'Hari Kemerdekaan Republik Indonesia'),
    H('2026-08-25', 'Maulid Nabi Muhammad SAW'),
    H('2026-12-24', 'Cuti Bersama Hari Raya Natal'),
    H('2026-12-25', 'Hari Raya Natal'),
  ],
};

/** First day of Idul Fitri (1 Syawal) as the government set it; from 2027 on, estimates. */
export const IDUL_FITRI: Record<number, string> = {
  2020: '2020-05-24',
  2021: '2021-05-13',
  2022: '2022-05-02',
  2023: '2023-04-22',
  2024: '2024-04-10',
  2025: '2025-03-31',
  2026: '2026-03-21',
  2027: '2027-03-10',
  2028: '2028-02-27',
  2029: '2029-02-15',
  2030: '2030-02-05',
};

/** The holidays of a year: the decree's list where we have it, otherwise the fixed ones. */
export function holidaysOf(year: number): Holiday[] {
  const known = HOLIDAYS[year];
  if (known) return known;
  const list = [
    H(`${year}-01-01`, `Tahun Baru ${year} Masehi`),
    H(`${year}-05-01`, 'Hari Buruh Internasional'),
    H(`${year}-06-01`, 'Hari Lahir Pancasila'),
    H(`${year}-08-17`, 'Hari Kemerdekaan Republik Indonesia'),
    H(`${year}-12-25`, 'Hari Raya Natal'),
  ];
  const idulFitri = IDUL_FITRI[year];
  if (idulFitri) list.push(H(idulFitri, 'Hari Raya Idul Fitri'));
  return list.sort((a, b) => (a.date < b.date ? -1 : 1));
}
