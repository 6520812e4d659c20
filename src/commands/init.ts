/**
 * `capaian init DIR`: starts a team's own report repository. It holds the team's data only;
 * the tool (validation, the site, the pages) is the capaian package it depends on, at a version,
 * so upgrading is `npm install capaian@<version>` and never touches the data.
 *
 * Writes: data/company.yaml (from flags or answers: name, currency, locale, timezone, fiscal year
 * start; `format:` the data format), data/team.yaml, products.yaml, customers.yaml, goals.yaml and
 * data/targets/YEAR.yaml with commented examples, the KPI definitions (kpis/, as the package
 * ships them), the workflows (.github/: check every PR, publish the site, comment the KPI diff),
 * package.json, .gitignore and a README for the team. The repository validates and builds at
 * once: an empty report whose pages say that no orders are in yet.
 *
 * Refuses a folder that has files, unless told (--yes, or yes to the question); even then it
 * writes only files that are not there, and names the ones it left alone.
 */
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { toYaml } from '../format/to-yaml.ts';
import { LAYOUTS } from '../format/layout.ts';
import { DATA_FORMAT } from '../schema/company.ts';
import { GOALS } from '../sample/world.ts';
import { UsageError } from './compute.ts';

export interface InitOptions {
  /** The folder to create the repository in (named in messages). */
  dir: string;
  name?: string;
  /** ISO 4217. */
  currency?: string;
  locale?: string;
  timezone?: string;
  fiscalYearStart?: number;
  /** Write into a folder that has files (never over a file). */
  yes: boolean;
  /** How package.json names capaian: `^0.1.0`, a tarball path, `github:org/capaian#v0.2.0`. */
  capaian: string;
  /** The year of the first targets file (today's). */
  year: number;
}

export interface InitEffects {
  /** The names in the folder (relative to `dir`), or null when it does not exist. */
  entries(): Promise<string[] | null>;
  exists(path: string): Promise<boolean>;
  /** Creates a file under `dir` (and its folders); never overwrites. */
  write(path: string, text: string): Promise<void>;
  /** The package's own files, to copy: every file under `folder` (relative paths) and one file's text. */
  toolFiles(folder: string): Promise<string[]>;
  readTool(path: string): Promise<string>;
  /** Asks a question when a person is there; undefined otherwise (the default is taken). */
  ask?(question: string, fallback: string): Promise<string>;
  out(line: string): void;
}

const LOCALES = ['id-ID', 'en-US', 'en-GB'];

export async function initCommand(opts: InitOptions, fx: InitEffects): Promise<number> {
  const entries = (await fx.entries())?.filter((e) => e !== '.git') ?? [];
  if (entries.length && !opts.yes) {
    const answer = fx.ask ? await fx.ask(`${opts.dir} is not empty (${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', …' : ''}); add the report's files there, leaving existing files alone? / folder tidak kosong; tambahkan berkas laporan? [y/N]`, 'n') : 'n';
    if (!/^(y|yes|ya)$/i.test(answer.trim())) {
      fx.out(`capaian init: ${opts.dir} is not empty; nothing written (choose an empty folder, or pass --yes to add the files that are missing) / folder tidak kosong; tidak ada yang ditulis`);
      return 1;
    }
  }
  const company = await companyAnswers(opts, fx);

  const files = new Map<string, string>();
  files.set('data/company.yaml', companyYaml(company));
  files.set('data/team.yaml', TEAM);
  files.set('data/products.yaml', PRODUCTS);
  files.set('data/customers.yaml', CUSTOMERS);
  files.set('data/goals.yaml', goalsYaml());
  files.set(`data/targets/${opts.year}.yaml`, targetsYaml(opts.year));
  const kpiFiles = await fx.toolFiles('kpis');
  for (const f of kpiFiles) files.set(`kpis/${f}`, await fx.readTool(`kpis/${f}`));
  for (const f of await fx.toolFiles('.github')) files.set(`.github/${f}`, teamWorkflow(f, await fx.readTool(`.github/${f}`)));
  files.set('package.json', packageJson(opts.dir, opts.capaian));
  files.set('.gitignore', GITIGNORE);
  files.set('README.md', readme(company.name, kpiFiles.length));

  const skipped: string[] = [];
  for (const [path, text] of files) {
    if (await fx.exists(path)) skipped.push(path);
    else await fx.write(path, text);
  }
  fx.out(`created the report repository of ${company.name} in ${opts.dir}: ${files.size - skipped.length} files (data/, kpis/ with ${kpiFiles.length} KPI definitions, .github/ workflows, package.json, README.md)`);
  if (skipped.length) fx.out(`left alone, already there: ${skipped.join(', ')}`);
  fx.out(NEXT.replace('{dir}', opts.dir));
  return 0;
}

interface Company {
  name: string;
  currency: string;
  locale: string;
  timezone: string;
  fiscalYearStart: number;
}

async function companyAnswers(opts: InitOptions, fx: InitEffects): Promise<Company> {
  const ask = async (flag: string | undefined, question: string, fallback: string) => flag ?? (fx.ask ? (await fx.ask(question, fallback)).trim() || fallback : fallback);
  const folderName = opts.dir.split(/[\\/]/).filter(Boolean).pop() ?? 'company';
  const name = await ask(opts.name, 'Company name / Nama perusahaan', folderName);
  const currency = (await ask(opts.currency, 'Currency (ISO 4217) / Mata uang', 'IDR')).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new UsageError(`--currency must be a 3-letter currency code like IDR, got "${currency}"`);
  const locale = await ask(opts.locale, `Locale (${LOCALES.join(', ')}) / Lokal`, 'id-ID');
  if (!LOCALES.includes(locale)) throw new UsageError(`--locale must be one of ${LOCALES.join(', ')}, got "${locale}"`);
  const timezone = await ask(opts.timezone, 'Timezone (IANA) / Zona waktu', 'Asia/Jakarta');
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new UsageError(`--timezone must be an IANA timezone like Asia/Jakarta, got "${timezone}"`);
  }
  const start = Number(await ask(opts.fiscalYearStart?.toString(), 'First month of the fiscal year, 1-12 / Bulan awal tahun fiskal', '1'));
  if (!Number.isInteger(start) || start < 1 || start > 12) throw new UsageError(`--fiscal-year-start must be a month number 1-12, got "${start}"`);
  return { name, currency, locale, timezone, fiscalYearStart: start };
}

function companyYaml(c: Company): string {
  return `# Who we are and how our calendar works. Fields: the capaian README (Data layout).
# format: the data format these files are written in; \`npx capaian migrate\` updates it when an
# upgrade of capaian changes the format (capaian says so when it does).
${toYaml({ format: DATA_FORMAT, name: c.name, currency: c.currency, locale: c.locale, timezone: c.timezone, fiscal_year_start: c.fiscalYearStart, working_days: ['mon', 'tue', 'wed', 'thu', 'fri'] }, LAYOUTS.company).trimEnd()}
# Public holidays and company days off (not working days), e.g.
#   - { date: 2026-03-20, name: Hari Raya Idul Fitri }
holidays: []
# Your sales regions: customers, reps and leads name one. Rename this one, add yours.
regions:
  - id: pusat
    name: { id: Pusat, en: Head office }
# Customer segments, e.g. - { id: retail, name: { id: Ritel, en: Retail } }
segments: []
# Where leads come from, e.g. - { id: referral, name: { id: Referensi, en: Referral } }
lead_sources: []
`;
}

const TEAM = `# The sales team: one record per rep (their id is what orders, leads and activities name).
# No one yet: add each person as a list item starting in the first column, e.g.
#
# - id: andi
#   name: Andi Wijaya
#   region: pusat
#   team: Tim Pusat
#   joined: 2024-01-15
[]
`;

const PRODUCTS = `# What you sell: categories, then products (sku, name, category, tier, list price).
categories:
  - id: umum
    name: { id: Umum, en: General }
# No products yet, e.g.
#   - sku: BEV-TEH-350
#     name: Teh Botol 350 ml
#     category: umum
#     tier: 1
#     list_price: 5500
products: []
`;

const CUSTOMERS = `# Your customers: one record per customer (orders and surveys name their id).
# None yet, e.g.
#
# - id: C0001
#   name: Toko Sumber Rezeki
#   region: pusat
#   owner: andi
#   since: 2024-02-10
[]
`;

/** The goals the shipped KPI definitions serve (each KPI names one): the sample's, without owners. */
function goalsYaml(): string {
  const goals = GOALS.map(({ owner: _owner, ...g }) => g);
  return `# What the team is trying to achieve; every KPI in kpis/ names the goal it measures.
# These are the usual ones: edit the words to your own plans, add \`owner: <rep id>\` to each.
${toYaml(goals, LAYOUTS.goals)}`;
}

function targetsYaml(year: number): string {
  return `# Targets of ${year}: one record per KPI and period (a month, a quarter or the year).
# None yet: a KPI without a target shows its value without a status. For example:
#
# - kpi: net-sales
#   period: ${year}-01
#   value: 250000000
# - kpi: customer-retention-rate
#   period: ${year}
#   value: 0.8
[]
`;
}

/** The workflows as this package ships them, with the commands of a team's repository. */
function teamWorkflow(path: string, text: string): string {
  if (path === 'scripts/kpi-diff.sh') return text.replace('CAPAIAN="${CAPAIAN:-node bin/capaian.mjs}"', 'CAPAIAN="${CAPAIAN:-npx capaian}"');
  return text;
}

function packageJson(dir: string, capaian: string): string {
  const slug =
    (dir.split(/[\\/]/).filter(Boolean).pop() ?? 'sales-report')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'sales-report';
  const pkg = {
    name: slug,
    private: true,
    type: 'module',
    description: 'Our sales KPIs as code, with capaian',
    scripts: {
      validate: 'capaian validate',
      test: 'capaian validate',
      build: 'capaian build',
      dev: 'capaian dev',
      migrate: 'capaian migrate',
    },
    dependencies: { capaian },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const GITIGNORE = `node_modules/
dist
.dist-*
dist.lock
`;

function readme(name: string, kpis: number): string {
  return `# ${name}: sales KPIs

Our sales data and the ${kpis} KPIs we judge it by, as files in git; every pull request is checked
and shows what it changes in every KPI, and the report site is published from \`main\`.
Built with [capaian](https://www.npmjs.com/package/capaian): this repository holds our data
only, the tool is the \`capaian\` dependency in package.json.

Data penjualan dan ${kpis} KPI kami sebagai berkas di git; setiap pull request diperiksa, dan situs
laporan diterbitkan dari \`main\`.

## Every day

\`\`\`sh
npm install              # once
npm run dev              # the report at http://localhost:4321, reloaded on every save
npx capaian validate     # every problem as file:line:column  message  (hint)
npm run build            # the site into dist/
\`\`\`

## What to add first

1. \`data/company.yaml\`: your regions (and segments, lead sources, holidays).
2. \`data/team.yaml\`, \`data/products.yaml\`, \`data/customers.yaml\`: who sells what to whom.
3. A month of orders: \`npx capaian import orders export.csv --month 2026-01 --map map.yaml\`
   (or \`npx capaian new-month 2026-01\` and type them in).
4. \`data/targets/\`: a target per KPI and period, so that each KPI gets a status.

Open a pull request for each month: CI validates it and comments the KPI diff.

## Upgrading capaian

\`npm install capaian@<version>\`, then \`npx capaian migrate\` if capaian says the data format
changed (it says exactly what to change). Your files are never touched by an upgrade.
`;
}

const NEXT = `next / langkah berikutnya:
  cd {dir}
  npm install
  npx capaian validate
  npm run dev             # the report while you edit, reloaded on every save
  git init && git add -A && git commit -m "Starts our sales report"
then add your regions, team, products and customers, import a month of orders, and open a pull request.`;

/** The effects for a real run: files under `dir`, the package's own files from `tool`. */
export function nodeInitEffects(dir: string, tool: string, ask?: InitEffects['ask']): InitEffects {
  const walk = async (folder: string, under = ''): Promise<string[]> => {
    const out: string[] = [];
    for (const e of await readdir(join(folder, under), { withFileTypes: true })) {
      const rel = under ? `${under}/${e.name}` : e.name;
      if (e.isDirectory()) out.push(...(await walk(folder, rel)));
      else if (e.isFile()) out.push(rel);
    }
    return out.sort();
  };
  return {
    entries: () => readdir(dir).catch(() => null),
    exists: (path) => access(join(dir, path)).then(
      () => true,
      () => false,
    ),
    async write(path, text) {
      const full = join(dir, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, text, { flag: 'wx', mode: path.endsWith('.sh') ? 0o755 : 0o644 });
    },
    toolFiles: (folder) => walk(join(tool, folder)),
    readTool: (path) => readFile(join(tool, path), 'utf8'),
    ...(ask ? { ask } : {}),
    out: (line) => console.log(line),
  };
}
