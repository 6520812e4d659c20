import { describe, expect, it } from 'vitest';
import { formulaSchema, type FormulaInput } from '../../src/kpi/schema.ts';
import { describeFormula } from '../../src/report/describe-formula.ts';

/** The formula as a KPI file writes it, parsed like kpis/*.yaml. */
const f = (input: FormulaInput) => formulaSchema.parse(input);
const both = (input: FormulaInput, opts = {}) => ({ id: describeFormula(f(input), 'id', opts), en: describeFormula(f(input), 'en', opts) });

describe('describeFormula', () => {
  it('reads a sum with the time field that places rows in a period', () => {
    expect(both({ sum: { of: 'order_lines', field: 'net' } })).toEqual({
      id: 'Total nilai bersih dari baris pesanan, menurut tanggal pesanan',
      en: 'Sum of net value over order lines, by order date',
    });
  });

  it('reads a list filter as one of, and lets at: choose the time field', () => {
    expect(both({ sum: { of: 'order_lines', field: 'net', where: { kind: ['cross-sell', 'up-sell'] } } })).toEqual({
      id: 'Total nilai bersih dari baris pesanan dengan jenis cross-sell atau up-sell, menurut tanggal pesanan',
      en: 'Sum of net value over order lines where kind is cross-sell or up-sell, by order date',
    });
    expect(both({ median: { of: 'leads', field: 'days_to_win', at: 'won_at' } }).en).toBe('Median days from creation to win over leads, by win date');
    expect(both({ count: { of: 'leads' } })).toEqual({ id: 'Jumlah prospek, menurut waktu prospek dibuat', en: 'Number of leads, by creation time' });
  });

  it('says a placement shared by both sides of a ratio once, at the end', () => {
    expect(both({ ratio: { numerator: { sum: { of: 'orders', field: 'net' } }, denominator: { count: { of: 'orders' } } } })).toEqual({
      id: 'Total nilai bersih dari pesanan, dibagi jumlah pesanan, menurut tanggal pesanan',
      en: 'Sum of net value over orders, divided by number of orders, by order date',
    });
  });

  it('says different placements with each part', () => {
    expect(both({ ratio: { numerator: { count: { of: 'leads', where: { status: 'won' }, at: 'won_at' } }, denominator: { count: { of: 'leads' } } } }).en).toBe(
      'Number of leads where status is won, by win date, divided by number of leads, by creation time',
    );
  });

  it('reads distinct counts with the plural of the field', () => {
    expect(both({ count_distinct: { of: 'activities', field: 'lead', where: { type: 'won' } } })).toEqual({
      id: 'Jumlah prospek berbeda pada aktivitas dengan jenis won, menurut waktu aktivitas',
      en: 'Number of distinct leads among activities where type is won, by activity time',
    });
  });

  it('reads a share of rows and a share of a field, with and without a base', () => {
    expect(both({ share: { of: 'leads', where: { first_contact_hours: { lte: 24 } } } })).toEqual({
      id: 'Bagian prospek dengan jam sampai kontak pertama paling banyak 24, menurut waktu prospek dibuat',
      en: 'Share of leads where hours to first contact is at most 24, by creation time',
    });
    expect(both({ share: { of: 'order_lines', field: 'net', where: { kind: 'up-sell' } } })).toEqual({
      id: 'Nilai bersih baris pesanan dengan jenis up-sell, dalam persen dari nilai bersih seluruh baris pesanan, menurut tanggal pesanan',
      en: 'Net value of order lines where kind is up-sell, as a share of the net value of all order lines, by order date',
    });
    expect(both({ share: { of: 'leads', where: { status: 'won' }, within: { source: 'referral' } } }).en).toBe(
      'Share of leads where status is won, among those where source is referral, by creation time',
    );
    expect(both({ share: { of: 'order_lines', field: 'net', where: { kind: 'up-sell' }, within: { region: 'bali' } } }).en).toBe(
      'Net value of order lines where kind is up-sell, as a share of the net value of the order lines where region is bali, by order date',
    );
  });

  it('reads every comparison, with numbers as each language writes them', () => {
    const where = { discount: { gt: 0.05, lte: 0.5 }, segment: { ne: 'horeca' }, source: { not_in: ['event', 'ads'] }, customer: { exists: false } };
    expect(both({ count: { of: 'order_lines', where } })).toEqual({
      id: 'Jumlah baris pesanan dengan diskon lebih dari 0,05 dan diskon paling banyak 0,5 dan segmen bukan horeca dan sumber bukan event atau ads dan pelanggan kosong, menurut tanggal pesanan',
      en: 'Number of order lines where discount is more than 0.05 and discount is at most 0.5 and segment is not horeca and source is neither event nor ads and customer is not known, by order date',
    });
    expect(both({ count: { of: 'orders', where: { any: [{ region: 'bali' }, { segment: 'horeca' }], not: { rep: 'andi' } } } }).en).toBe(
      'Number of orders where (region is bali or segment is horeca) and not (sales rep is andi), by order date',
    );
    expect(both({ count: { of: 'orders', where: { customer_first_order: { period: 'in' } } } })).toEqual({
      id: 'Jumlah pesanan dengan pesanan pertama pelanggan jatuh pada periode itu, menurut tanggal pesanan',
      en: "Number of orders where the customer's first order falls in the period, by order date",
    });
  });

  it('names other KPIs by their title, or their id when it has none', () => {
    const kpiTitle = (id: string) => (id === 'net-sales' ? 'Net Sales' : undefined);
    expect(describeFormula(f({ kpi: 'net-sales' }), 'en', { kpiTitle })).toBe('The same as Net Sales');
    expect(describeFormula(f({ growth: { of: { kpi: 'net-sales' }, vs: 'same-period-last-year' } }), 'en', { kpiTitle })).toBe(
      'Change in Net Sales against the same period last year, as a share of the same period last year',
    );
    expect(describeFormula(f({ growth: { of: { kpi: 'units-sold' } } }), 'id')).toBe('Perubahan units-sold dibanding periode sebelumnya, dalam persen dari periode sebelumnya');
  });

  it('puts the placement with what a per-rep or per-day wrapper divides', () => {
    expect(both({ per_rep: { of: { sum: { of: 'order_lines', field: 'net' } }, field: 'owner' } }).en).toBe(
      'Sum of net value over order lines, by order date, counted per account owner; the total is the average per rep employed in the period',
    );
    expect(both({ per_working_day: { of: { count: { of: 'activities' } } } })).toEqual({
      id: 'Jumlah aktivitas, menurut waktu aktivitas, dibagi hari kerja perusahaan pada periode itu',
      en: "Number of activities, by activity time, divided by the company's working days in the period",
    });
  });

  it('reads retention and the percentiles', () => {
    expect(both({ retention: { of: 'orders', entity: 'customer' } })).toEqual({
      id: 'Dari pelanggan yang aktif saat periode dimulai (punya pesanan dalam 90 hari sebelumnya), bagian yang masih aktif saat periode berakhir (punya pesanan dalam 90 hari sebelum akhir periode), menurut tanggal pesanan',
      en: 'Of the customers active at the start of the period (with orders in the 90 days before it), the share still active at its end (with orders in the 90 days before the end), by order date',
    });
    expect(both({ retention: { of: 'orders', entity: 'customer', window_days: 60 } }).en).toContain('in the 60 days before it');
    expect(both({ percentile: { of: 'orders', field: 'net', p: 0.9 } })).toEqual({
      id: 'Persentil ke-90 nilai bersih pada pesanan, menurut tanggal pesanan',
      en: '90th percentile of net value over orders, by order date',
    });
  });

  it('shows names it does not know as written', () => {
    expect(both({ avg: { of: 'surveys', field: 'nps' } }).en).toBe('Average nps over survey responses, by response date');
  });
});
