// The six common KPIs of the peer benchmark computed by DuckDB straight from the order-lines CSV,
// in one scan (grouping sets), printed as JSON in reference-kpis.mjs's shape.
// Usage: node bench/peers/duckdb-kpis.mjs FILE.csv   (needs `npm install --prefix bench/peers`)
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const sql = `
  WITH l AS (
    SELECT order_id, strftime(order_date, '%Y-%m') AS month, region, rep, category, qty,
           qty * unit_price * (1 - discount) AS net
    FROM read_csv('${file.replaceAll("'", "''")}', header = true,
      columns = { order_id: 'VARCHAR', order_date: 'DATE', customer_id: 'VARCHAR', customer_name: 'VARCHAR', segment: 'VARCHAR',
                  region: 'VARCHAR', rep: 'VARCHAR', sku: 'VARCHAR', product_name: 'VARCHAR', category: 'VARCHAR',
                  qty: 'BIGINT', unit_price: 'DOUBLE', discount: 'DOUBLE' })
  )
  SELECT month, region, category, rep, grouping(region, category, rep) AS g, sum(net) AS net,
         CASE WHEN grouping(region, category, rep) = 7 THEN sum(qty) END AS units,
         CASE WHEN grouping(region, category, rep) = 7 THEN count(DISTINCT order_id) END AS orders
  FROM l GROUP BY GROUPING SETS ((month), (month, region), (month, category), (month, rep))`;
const rows = (await con.runAndReadAll(sql)).getRowObjects();
const out = {};
for (const r of rows) {
  const m = (out[r.month] ??= { net: 0, units: 0, orders: 0, region: {}, category: {}, rep: {} });
  if (r.region !== null) m.region[r.region] = r.net;
  else if (r.category !== null) m.category[r.category] = r.net;
  else if (r.rep !== null) m.rep[r.rep] = r.net;
  else Object.assign(m, { net: r.net, units: Number(r.units), orders: Number(r.orders) });
}
process.stdout.write(JSON.stringify(out));
