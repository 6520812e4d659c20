/**
 * The Observable Framework side of the peer benchmark: a minimal project that shows the six
 * common KPIs of every month on one page. Each month has its own CSV and its own data loader
 * (src/data/m-YYYY-MM.json.js, which runs reference-kpis.mjs on that CSV), so that Framework's
 * loader cache (a loader runs again when it is newer than its cached output) makes its rebuild
 * after one month changed do only that month, as capaian's month cache does.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeFrameworkProject(dir: string, months: readonly string[]): void {
  mkdirSync(join(dir, 'src', 'data'), { recursive: true });
  mkdirSync(join(dir, 'csv'), { recursive: true });
  copyFileSync(join(import.meta.dirname, 'reference-kpis.mjs'), join(dir, 'kpis.mjs'));
  writeFileSync(join(dir, 'observablehq.config.js'), `export default { root: "src", title: "Peer benchmark" };\n`);
  for (const m of months) {
    writeFileSync(
      join(dir, 'src', 'data', `m-${m}.json.js`),
      `import { readFileSync } from "node:fs";\nimport { monthKpis } from "../../kpis.mjs";\n` +
        `const figures = monthKpis(readFileSync(new URL("../../csv/${m}.csv", import.meta.url), "utf8"));\n` +
        `process.stdout.write(JSON.stringify(figures["${m}"] ?? { net: 0, units: 0, orders: 0, region: {}, category: {}, rep: {} }));\n`,
    );
  }
  const page = [
    '# KPIs per month',
    '',
    '```js',
    `const months = ${JSON.stringify(months)};`,
    `const data = await Promise.all([${months.map((m) => `FileAttachment("data/m-${m}.json")`).join(', ')}].map((f) => f.json()));`,
    '```',
    '',
    '```js',
    'const money = (x) => x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });',
    'const rows = (by) => data.map((d, i) => `<tr><td>${months[i]}</td>${Object.keys(d[by]).sort().map((k) => `<td>${k} ${money(d[by][k])}</td>`).join("")}</tr>`).join("");',
    'const table = document.createElement("div");',
    'table.innerHTML = `<table><tr><th>month</th><th>net sales</th><th>units</th><th>orders</th><th>average transaction</th></tr>${data.map((d, i) => `<tr><td>${months[i]}</td><td>${money(d.net)}</td><td>${d.units}</td><td>${d.orders}</td><td>${money(d.orders ? d.net / d.orders : 0)}</td></tr>`).join("")}</table>` +',
    '  `<h2>By region</h2><table>${rows("region")}</table><h2>By category</h2><table>${rows("category")}</table><h2>By rep</h2><table>${rows("rep")}</table>`;',
    'display(table);',
    '```',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'src', 'index.md'), page);
}
