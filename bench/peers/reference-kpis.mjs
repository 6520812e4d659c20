// The six common KPIs of the peer benchmark in plain JavaScript, from the order-lines CSV that
// bench/peers/generate.ts writes: per month, net sales, units sold, orders (for the average
// transaction value), and net sales by region, by category and by rep. Net sales of a line are
// qty × unit_price × (1 − discount), as capaian's (docs/import.md). The reference the benchmark
// holds capaian and DuckDB to, and what Observable Framework's data loaders compute.

/** @param {string} csv the CSV text, header first @returns {Record<string, {net: number, units: number, orders: number, region: Record<string, number>, category: Record<string, number>, rep: Record<string, number>}>} */
export function monthKpis(csv) {
  const out = {};
  const seen = new Set();
  const lines = csv.split('\n');
  const header = lines[0].trim().split(',');
  const col = (name) => header.indexOf(name);
  const [iOrder, iDate, iRegion, iRep, iCategory, iQty, iPrice, iDiscount] = ['order_id', 'order_date', 'region', 'rep', 'category', 'qty', 'unit_price', 'discount'].map(col);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const c = line.split(',');
    const month = c[iDate].slice(0, 7);
    const m = (out[month] ??= { net: 0, units: 0, orders: 0, region: {}, category: {}, rep: {} });
    const qty = Number(c[iQty]);
    const net = qty * Number(c[iPrice]) * (1 - Number(c[iDiscount]));
    m.net += net;
    m.units += qty;
    if (!seen.has(c[iOrder])) {
      seen.add(c[iOrder]);
      m.orders++;
    }
    m.region[c[iRegion]] = (m.region[c[iRegion]] ?? 0) + net;
    m.category[c[iCategory]] = (m.category[c[iCategory]] ?? 0) + net;
    m.rep[c[iRep]] = (m.rep[c[iRep]] ?? 0) + net;
  }
  return out;
}
