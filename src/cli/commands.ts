/**
 * The CLI's commands, one entry each: name, a line of summary, options, examples and how to run
 * it. The usage, `capaian <command> --help`, option checking and "did you mean" are all built
 * from this table (src/cli/main.ts), so adding a command is adding an entry to COMMANDS:
 *
 *   {
 *     name: 'init',
 *     summary: 'start a data repository in DIR',
 *     positionals: { names: 'DIR', min: 0, max: 1 },
 *     options: { root: ROOT, force: { type: 'boolean', help: 'write over files that exist' } },
 *     examples: ['capaian init my-sales'],
 *     run: async ({ values, positionals }, fx) => { ...; return 0; },
 *   },
 *
 * `run` gets the parsed arguments (defaults applied, choices and required options checked) and
 * the effects (stdout, stderr, atomic file writes, colour); it returns the exit code or throws a
 * CliError for a usage problem.
 */
// Node's own modules are imported here, not with import() where they are used: the compiled CLI
// runs as a script, where import() goes through an experimental loader that prints a warning.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { PACKAGE_ROOT } from './package-root.ts';
import { CliError } from '../commands/cli-error.ts';
import type { Effects } from '../commands/effects.ts';
import type { Report } from '../report/model.ts';
import { COMPUTE_OPTIONS, LANG, NO_CACHE, ROOT, todayIn, type OptionSpec, type Values } from './options.ts';

export type { OptionSpec, Values } from './options.ts';

export interface CommandSpec {
  name: string;
  /** One line, lower case, no full stop: shown in the command list and atop the help. */
  summary: string;
  /** More lines for the help, after the usage. */
  details?: string[];
  /** Words that are not options (import's kind and file, new-month's month). */
  positionals?: { names: string; min: number; max: number; example: string };
  options: Record<string, OptionSpec>;
  examples: string[];
  run(args: { values: Values; positionals: string[] }, fx: Effects): Promise<number>;
}

const MONTH_FORMS = 'a month YYYY-MM';

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

export const COMMANDS: CommandSpec[] = [
  {
    name: 'validate',
    summary: 'check every file under data/ and kpis/ and list every problem at once',
    details: [
      'Each problem is one line, file:line:column  message  (hint); then the lints (the article\'s common',
      'mistakes: a KPI with no target, an unrealistic target, …) as warnings. Exit 1 on an error',
      '(or a warning, with --strict).',
    ],
    options: {
      root: ROOT,
      format: { type: 'string', value: 'FORMAT', choices: ['text', 'json'], default: 'text', help: 'text, or json for other tools: { ok, counts, issues, summary }' },
      strict: { type: 'boolean', help: 'warnings fail too' },
      report: { type: 'string', value: 'FILE', help: 'also write the report model the site shows to FILE (valid data only)' },
      'no-cache': NO_CACHE,
    },
    examples: ['capaian validate', 'capaian validate --strict --format json'],
    async run({ values: v }, fx) {
      const root = resolve(str(v.root)!);
      const progress = progressLine(fx);
      const reportFile = str(v.report);
      // Each command loads what it runs when it runs, so `capaian --help` and the small commands
      // start without the whole pipeline.
      const [{ validateCommand }, { loadRepo }, { siteReportOptions }] = await Promise.all([import('../commands/validate.ts'), import('../load/load-repo.ts'), import('../load/report-options.ts')]);
      return validateCommand(
        { format: v.format as 'text' | 'json', strict: !!v.strict },
        {
          read: () => loadRepo(root, { noCache: !!v['no-cache'], onProgress: progress.update, onNotice: progress.notice }),
          out: (line) => (progress.clear(), fx.out(line)),
          color: fx.color,
          // The report model is always computed: its lints are warnings too.
          report: { options: siteReportOptions(root), ...(reportFile ? { write: (r: Report) => fx.writeFile(resolve(reportFile), JSON.stringify(r)) } : {}) },
        },
      );
    },
  },
  {
    name: 'compute',
    summary: 'every KPI for a period against its target',
    details: ['The period defaults to the latest month. --kpi with the table also lists the breakdowns.'],
    options: COMPUTE_OPTIONS,
    examples: ['capaian compute', 'capaian compute --period 2026-Q1 --lang en', 'capaian compute --period 2026-W05', 'capaian compute --kpi net-sales', 'capaian compute --format csv > kpis.csv'],
    async run({ values: v }, fx) {
      const root = resolve(str(v.root)!);
      const progress = progressLine(fx);
      const today = todayIn();
      // The output of an unchanged repository, kept from an earlier run (load/result-cache.ts).
      const { computeCache } = await import('./kept-compute.ts');
      const results = await computeCache(v, fx.color);
      if (results.hit) {
        for (const text of results.hit) fx.out(text);
        return 0;
      }
      const [{ computeCommand }, { loadRepo }] = await Promise.all([import('../commands/compute.ts'), import('../load/load-repo.ts')]);
      const texts: string[] = [];
      const code = await computeCommand(
        {
          format: v.format as 'table' | 'json' | 'csv',
          ...optional('period', str(v.period)),
          ...optional('kpi', str(v.kpi)),
          ...optional('lang', str(v.lang) as 'id' | 'en' | undefined),
        },
        {
          read: () => loadRepo(root, { noCache: !!v['no-cache'], onProgress: progress.update, onNotice: progress.notice }),
          out: (text) => (progress.clear(), texts.push(text), fx.out(text)),
          color: fx.color,
          today,
        },
      );
      if (code === 0) results.save(texts, await import('../load/chunk-cache.ts'));
      return code;
    },
  },
  {
    name: 'diff',
    summary: 'what the change from REF does to every KPI, for a PR comment',
    details: [
      'New periods, restatements (with the files and records that changed), target and definition',
      'changes, new lints. The markdown fits a PR comment. Exit 0 when the head is computed, 1 when it has errors.',
    ],
    options: {
      root: ROOT,
      base: { type: 'string', value: 'REF', required: true, forms: 'a branch, tag or commit', help: 'the git ref to compare with (a branch, tag or commit)' },
      head: { type: 'string', value: 'REF', help: 'the ref to compare (default: the working tree)' },
      format: { type: 'string', value: 'FORMAT', choices: ['markdown', 'json'], default: 'markdown', help: 'markdown or json' },
      lang: LANG,
      'out-full': { type: 'string', value: 'FILE', help: 'also write the whole report, never cut, to FILE' },
    },
    examples: ['capaian diff --base origin/main', 'capaian diff --base v1 --head v2 --format json'],
    async run({ values: v }, fx) {
      const outFull = str(v['out-full']);
      const root = resolve(str(v.root)!);
      const [{ diffCommand }, { readGitFiles }, { readRepoFiles }, { preIngest }, { cacheDirFor }] = await Promise.all([
        import('../commands/diff.ts'),
        import('../load/read-git.ts'),
        import('../load/read-repo.ts'),
        import('../load/ingest-pool.ts'),
        import('../load/chunk-cache.ts'),
      ]);
      return diffCommand(
        {
          base: str(v.base)!,
          format: v.format as 'markdown' | 'json',
          ...optional('head', str(v.head)),
          ...optional('lang', str(v.lang) as 'id' | 'en' | undefined),
          ...optional('outFull', outFull === undefined ? undefined : resolve(outFull)),
        },
        {
          ...fx,
          readRef: async (ref) => readGitFiles(root, ref),
          readWorkingTree: () => readRepoFiles(root, ['data', 'kpis', 'reviews']),
          readAhead: async (files) => (await preIngest(files, { cacheDir: cacheDirFor(root) })).ingested,
        },
      );
    },
  },
  {
    name: 'import',
    summary: "a CSV export as month data files (one month, or split by date over several)",
    details: [
      'Writes data/YYYY/MM/<kind>.yaml (rows dated in other months are skipped and counted). Validates',
      'the whole repository with the new file first and writes nothing on a problem. See docs/import.md.',
    ],
    positionals: { names: 'orders|leads|activities|surveys FILE.csv', min: 2, max: 2, example: 'capaian import orders export.csv --month 2026-03' },
    options: {
      root: ROOT,
      month: { type: 'string', value: 'YYYY-MM', forms: MONTH_FORMS, help: 'the month to import (rows of other months are skipped)' },
      months: { type: 'string', value: 'FIRST..LAST', help: 'split a multi-month export into one file per month, e.g. 2016-01..2019-12' },
      'all-months': { type: 'boolean', help: 'every month the export has rows for' },
      map: { type: 'string', value: 'MAP.yaml', help: 'which CSV column is which field (default: columns named as the fields)' },
      force: { type: 'boolean', help: "replace the month's file if it exists" },
      'create-missing': { type: 'boolean', help: 'add the customers and products the CSV names that are not listed yet' },
    },
    examples: ['capaian import orders export.csv --month 2026-11 --map examples/superstore/map.yaml'],
    async run({ values: v, positionals }, fx) {
      const [kind, file] = positionals as [string, string];
      const root = resolve(str(v.root)!);
      const { importCommand, nodeImportEffects } = await import('../commands/import.ts');
      return importCommand(
        // Which months (--month, --months or --all-months: exactly one) is checked by the command (monthSpanOf).
        { kind, file, ...optional('month', str(v.month)), ...optional('months', str(v.months)), allMonths: !!v['all-months'], ...optional('map', str(v.map)), force: !!v.force, createMissing: !!v['create-missing'], root },
        nodeImportEffects(root, fx),
      );
    },
  },
  {
    name: 'fmt',
    summary: 'rewrite data/ and kpis/ files in canonical form, keeping comments',
    details: ['Never changes a value. --check writes nothing: it lists the files that would change and exits 1.'],
    options: { root: ROOT, check: { type: 'boolean', help: 'list the files not in canonical form; exit 1 if any' } },
    examples: ['capaian fmt', 'capaian fmt --check'],
    async run({ values: v }, fx) {
      const root = resolve(str(v.root)!);
      const { fmtCommand, nodeFmtEffects } = await import('../commands/fmt.ts');
      return fmtCommand({ check: !!v.check, root }, nodeFmtEffects(root, fx.out));
    },
  },
  {
    name: 'new-month',
    summary: "create a month's folder with its four files, no records yet",
    details: ['data/YYYY/MM/ gets orders, leads, activities and surveys files holding comments and an example. Never overwrites.'],
    positionals: { names: 'YYYY-MM', min: 1, max: 1, example: 'capaian new-month 2026-11' },
    options: { root: ROOT },
    examples: ['capaian new-month 2026-11'],
    async run({ values: v, positionals }, fx) {
      const root = resolve(str(v.root)!);
      const { newMonthCommand, nodeNewMonthEffects } = await import('../commands/new-month.ts');
      return newMonthCommand({ month: positionals[0]!, root }, nodeNewMonthEffects(root, fx.out));
    },
  },
  {
    name: 'init',
    summary: "start a team's own report repository in DIR (default: here)",
    details: [
      'Writes company.yaml from the flags (or asks, in a terminal), empty team, products, customers and',
      'targets files with examples, the shipped KPIs, the workflows and a package.json depending on capaian',
      '(--capaian: a version, a tarball or a git tag). Refuses a folder with files in it unless --yes.',
    ],
    positionals: { names: '[DIR]', min: 0, max: 1, example: 'capaian init my-sales-report' },
    options: {
      name: { type: 'string', value: 'NAME', help: "the company's name" },
      currency: { type: 'string', value: 'IDR', help: 'the currency of amounts (ISO 4217)' },
      locale: { type: 'string', value: 'id-ID', help: 'how numbers and dates are written' },
      timezone: { type: 'string', value: 'Asia/Jakarta', help: "the company's time zone (IANA)" },
      'fiscal-year-start': { type: 'string', value: '1', help: 'the month the fiscal year starts (1-12)' },
      yes: { type: 'boolean', help: 'write into a folder that has files, and ask nothing' },
      capaian: { type: 'string', value: 'SPEC', help: 'the capaian the repository depends on (default: this version)' },
    },
    examples: ['capaian init my-sales-report --name "PT Maju Jaya" --currency IDR --timezone Asia/Jakarta'],
    async run({ values: v, positionals }) {
      const dir = resolve(positionals[0] ?? '.');
      const tool = PACKAGE_ROOT;
      const version = (JSON.parse(readFileSync(join(tool, 'package.json'), 'utf8')) as { version: string }).version;
      const { initCommand, nodeInitEffects } = await import('../commands/init.ts');
      const person = process.stdin.isTTY && process.stdout.isTTY;
      const rl = person ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
      try {
        return await initCommand(
          {
            dir,
            ...optional('name', str(v.name)),
            ...optional('currency', str(v.currency)),
            ...optional('locale', str(v.locale)),
            ...optional('timezone', str(v.timezone)),
            ...optional('fiscalYearStart', integer('fiscal-year-start', v['fiscal-year-start'])),
            yes: !!v.yes,
            capaian: str(v.capaian) ?? `^${version}`,
            year: Number(todayIn().slice(0, 4)),
          },
          nodeInitEffects(dir, tool, rl ? async (q, fallback) => (await rl.question(`${q} [${fallback}]: `)) || fallback : undefined),
        );
      } finally {
        rl?.close();
      }
    },
  },
  {
    name: 'migrate',
    summary: 'bring the data up to the data format this capaian reads, or say it already is',
    details: ["The format is company.yaml's `format:` (1 when absent). --check changes nothing and exits 1 when a step is due."],
    options: { root: ROOT, check: { type: 'boolean', help: 'say what would change; exit 1 if anything would' } },
    examples: ['capaian migrate', 'capaian migrate --check'],
    async run({ values: v }) {
      const root = resolve(str(v.root)!);
      const { migrateCommand, nodeMigrateEffects } = await import('../commands/migrate.ts');
      return migrateCommand({ root, check: !!v.check }, nodeMigrateEffects(root));
    },
  },
  {
    name: 'build',
    summary: "build the report site of the repository here into dist/ (atomic: the old site stays until the new one is whole)",
    details: [
      'Validates, computes once, renders every page with Astro from the installed capaian, prints the latest',
      "month's report to PDF when Chromium is found, then swaps dist/ to the new site. CAPAIAN_ROOT chooses",
      'the data repository (default: the current folder), CAPAIAN_DIST the output (default: dist/ beside the data).',
    ],
    options: {},
    examples: ['capaian build', 'CAPAIAN_ROOT=../acme-sales capaian build'],
    run: () => siteScript('build-site.mjs', []),
  },
  {
    name: 'dev',
    summary: 'serve the report site of the repository here, recomputed and reloaded on every save',
    details: ['A problem in the data shows in the browser (file:line and hint) and in the terminal. Options go to astro dev.'],
    options: {
      port: { type: 'string', value: 'PORT', help: 'the port to serve on (default 4321)' },
      host: { type: 'boolean', help: 'listen on every network interface, not only this machine' },
    },
    examples: ['capaian dev', 'capaian dev --port 4322'],
    run: ({ values: v }) => siteScript('dev-site.mjs', [...(v.port ? ['--port', str(v.port)!] : []), ...(v.host ? ['--host'] : [])]),
  },
  {
    name: 'sample',
    summary: 'write a deterministic sample data repository (a fictional Indonesian distributor)',
    options: {
      out: { type: 'string', value: 'DIR', required: true, forms: 'a folder', help: 'the folder to write into' },
      'orders-per-month': { type: 'string', value: 'N', help: 'orders a month (default 500)' },
      months: { type: 'string', value: 'M', help: 'months of data (default 24)' },
      seed: { type: 'string', value: 'S', help: 'the random seed (default 1)' },
      end: { type: 'string', value: 'YYYY-MM', forms: MONTH_FORMS, help: 'the last month (default 2026-10)' },
    },
    examples: ['capaian sample --out .', 'capaian sample --out /tmp/small --months 3 --orders-per-month 50'],
    async run({ values: v }, fx) {
      const end = str(v.end);
      if (end !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(end)) throw new CliError(`--end "${end}" is not a month`, 2, `use ${MONTH_FORMS}`);
      const out = resolve(str(v.out)!);
      const { sampleCommand } = await import('../sample/command.ts');
      return await sampleCommand(
        {
          out,
          ...optional('ordersPerMonth', integer('orders-per-month', v['orders-per-month'])),
          ...optional('months', integer('months', v.months)),
          ...optional('seed', integer('seed', v.seed)),
          ...optional('end', end),
        },
        {
          writeFile: (path, text) => fx.writeFile(join(out, path), text),
          log: (line) => fx.out(line),
        },
      );
    },
  },
];

/** Runs bin/<script> (the site's build or dev server) as its own process; resolves with its exit code. */
async function siteScript(script: string, args: string[]): Promise<number> {
  const path = join(PACKAGE_ROOT, 'bin', script);
  return new Promise((done) => spawn(process.execPath, [path, ...args], { stdio: 'inherit' }).on('exit', (code) => done(code ?? 1)));
}

function integer(name: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--${name} must be a whole number, got "${String(value)}"`, 2, `e.g. --${name} 12`);
  return n;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}


/** "reading 120/300 files" on stderr, rewritten in place, only when a person is watching. */
function progressLine(fx: Effects) {
  const tty = process.stdout.isTTY && process.stderr.isTTY;
  let shown = false;
  let last = 0;
  return {
    update(done: number, total: number) {
      if (!tty || total < 50) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      process.stderr.write(`\rreading ${done}/${total} files`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
    /** A line of its own on stderr, not run into the progress line. */
    notice(line: string) {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
      fx.err(line);
    },
  };
}
