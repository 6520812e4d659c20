/**
 * Satisfaction surveys: about one for every four orders, answered a few days after an order
 * (inside the same month). Scores lean to 4; the struggling region scores lower, and service
 * improves a little over the period.
 */
import { dateOf, type Month } from './calendar.ts';
import { seq, sortByKey, widthFor, type Ctx } from './context.ts';
import type { OrderDraft } from './orders.ts';
import type { Rng } from './random.ts';
import { REGIONS } from './world.ts';

export interface SurveyRecord {
  id: string;
  date: string;
  customer: string;
  score: number;
  comment?: string;
}

const COMMENTS: Record<number, string[]> = {
  1: ['Barang datang terlambat seminggu', 'Pesanan salah kirim dua kali'],
  2: ['Stok sering kosong', 'Sales jarang datang', 'Harga naik tanpa pemberitahuan'],
  3: ['Cukup, tapi pengiriman bisa lebih cepat', 'Pilihan produk terbatas'],
  4: ['Pengiriman tepat waktu', 'Sales ramah dan membantu', 'Harga bersaing'],
  5: ['Pelayanan sangat memuaskan', 'Selalu tepat waktu, terima kasih!', 'Promo Lebaran sangat membantu'],
};

export function createSurveys(ctx: Ctx, month: Month, orders: OrderDraft[], rng: Rng): SurveyRecord[] {
  const count = Math.round(orders.length / 4);
  const drafts: { day: number; customer: string; score: number }[] = [];
  const progress = ctx.months.length > 1 ? month.index / (ctx.months.length - 1) : 0;
  for (let i = 0; i < count; i++) {
    const order = rng.pick(orders);
    const day = Math.min(order.day + rng.int(0, 10), month.end - 1);
    const health = REGIONS.find((r) => r.id === order.customer.region)!.health;
    // Weights of scores 1-5: a bad region moves weight from 4-5 down to 2-3.
    const shift = (1 - health) * 40;
    const weights = [3 + shift * 0.1, 7 + shift * 0.25, 17 + shift * 0.4, 46 - shift * 0.35, 27 - shift * 0.4 + progress * 6];
    drafts.push({ day, customer: order.customer.id, score: 1 + rng.weighted(weights) });
  }
  const sorted = sortByKey(drafts, (d) => d.day - month.start, month.end - month.start);
  const width = widthFor(sorted.length);
  const stats = ctx.stats[month.index]!;
  return sorted.map((d, i) => {
    stats.scoreSum += d.score;
    stats.scoreCount++;
    const comment = rng.chance(0.3) ? { comment: rng.pick(COMMENTS[d.score]!) } : {};
    return { id: `S-${month.label}-${seq(i + 1, width)}`, date: dateOf(d.day), customer: d.customer, score: d.score, ...comment };
  });
}
