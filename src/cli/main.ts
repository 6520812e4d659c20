/**
 * The command line: parses arguments, wires real effects (disk, stdout) into the commands,
 * prints. Exit codes: 0 ok, 1 problems in the data, 2 usage errors.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { computeCommand, UsageError } from '../commands/compute.ts';
import { diffCommand } from '../commands/diff.ts';
import { GitError, readGitFiles } from '../load/read-git.ts';
import { validateCommand } from '../commands/validate.ts';
import { readRepoFiles } from '../load/read-repo.ts';
import { loadRepo } from '../load/load-repo.ts';
import { cacheDirFor } from '../load/chunk-cache.ts';
import { preIngest } from '../load/ingest-pool.ts';
import { siteReportOptions } from '../load/report-options.ts';
import type { Report } from '../report/model.ts';

/**
 * `capaian compute | head`: when the reader of stdout goes away (EPIPE), stop writing quietly, as
 * Unix tools do: no stack trace; the command runs to its end and exits with its own status (0,
 * or 1 for problems in the data), so a pipeline that checks it still learns the verdict. Called
 * once by bin/capaian.mjs.
 */
export function quietWhenStdoutCloses(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    // Whatever is written from now on goes nowhere (console.log writes through stream.write).
    stream.write = (() => true) as typeof stream.write;
  });
}

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

const USAGE = `capaian: sales KPIs as code

usage: capaian <command> [options]

commands:
  validate [--root DIR] [--format text|json] [--strict] [--report FILE] [--no-cache]
      check every file under data/; lists every problem as file:line:column  message  (hint),
      and the lints (the article's common mistakes: a KPI with no target, an unrealistic target, …);
      --report also writes the report model the site shows to FILE (when the data is valid)
  compute [--root DIR] [--period 2026-03|2026-Q1|2026] [--kpi ID] [--format table|json|csv] [--lang id|en] [--no-cache]
      every KPI for a period (default: the latest month) against its target; --format json prints the report model

month files already read are cached by content in node_modules/.cache/capaian (--no-cache or
CAPAIAN_CACHE=off reads everything again; CAPAIAN_CACHE=DIR puts the cache elsewhere)
  diff --base REF [--head REF] [--root DIR] [--format markdown|json] [--lang id|en] [--out-full FILE]
      what the change from REF to --head (default: the working tree) does to every KPI:
      new periods, restatements (with the files and records that changed), target and definition
      changes, new lints; the markdown fits a PR comment, --out-full writes the whole report to FILE
  import orders|leads|activities|surveys FILE.csv --month YYYY-MM [--map MAP.yaml] [--force] [--create-missing] [--root DIR]
      one month of a CSV export as data/YYYY/MM/<kind>.yaml (rows dated in other months are skipped and counted);
      validates the whole repository with the new files first and writes nothing on a problem; see docs/import.md
  fmt [--root DIR] [--check]
      rewrite data/ and kpis/ files in canonical form, keeping comments; --check lists the files that would change and exits 1
  new-month YYYY-MM [--root DIR]
      create data/YYYY/MM/ with orders, leads, activities and surveys files holding no records (comments with an example)
  sample --out DIR [--orders-per-month N] [--months M] [--seed S] [--end YYYY-MM]
      write a deterministic sample data repository (a fictional Indonesian distributor)

exit codes: 0 ok, 1 problems found, 2 usage error`;

type Options = NonNullable<ParseArgsConfig['options']>;

export async function main(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'validate':
        return await validate(rest);
      case 'sample':
        return await sample(rest);
      case 'compute':
        return await compute(rest);
      case 'diff':
        return await diff(rest);
      case 'import':
        return await importCsv(rest);
      case 'fmt':
        return await fmt(rest);
      case 'new-month':
        return await newMonth(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof GitError) {
      console.error(`capaian: ${e.message}`);
      return 2;
    }
    if (e instanceof UsageError) {
      console.error(`capaian: ${e.message}`);
      return 2;
    }
    if (e instanceof CliError) {
      console.error(`capaian: ${e.message}\n\n${USAGE}`);
      return e.exitCode;
    }
    throw e;
  }
}

function parse(args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values;
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

function oneOf<T extends string>(name: string, value: unknown, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!choices.includes(value as T)) throw new CliError(`--${name} must be one of ${choices.join(', ')}, got "${String(value)}"`);
  return value as T;
}

function integer(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--${name} must be a whole number, got "${String(value)}"`);
  return n;
}

async function validate(args: string[]): Promise<number> {
  const v = parse(args, {
    root: { type: 'string', default: '.' },
    format: { type: 'string' },
    strict: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    report: { type: 'string' },
  });
  const root = resolve(v.root as string);
  const progress = progressLine();
  const reportFile = v.report as string | undefined;
  const code = await validateCommand(
    { format: oneOf('format', v.format, ['text', 'json'] as const, 'text'), strict: !!v.strict },
    {
      read: () => loadRepo(root, { noCache: !!v['no-cache'], onProgress: progress.update, onNotice: progress.notice }),
      out: (line) => (progress.clear(), console.log(line)),
      // The report model is always computed: its lints are warnings too.
      report: { options: siteReportOptions(root), ...(reportFile ? { write: (r: Report) => writeFileSync(resolve(reportFile), JSON.stringify(r)) } : {}) },
    },
  );
  return code;
}

async function compute(args: string[]): Promise<number> {
  const v = parse(args, {
    root: { type: 'string', default: '.' },
    period: { type: 'string' },
    kpi: { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
  });
  const root = resolve(v.root as string);
  const lang = v.lang === undefined ? undefined : oneOf('lang', v.lang, ['id', 'en'] as const, 'id');
  const progress = progressLine();
  return computeCommand(
    {
      format: oneOf('format', v.format, ['table', 'json', 'csv'] as const, 'table'),
      ...optional('period', v.period as string | undefined),
      ...optional('kpi', v.kpi as string | undefined),
      ...optional('lang', lang),
    },
    {
      read: () => loadRepo(root, { noCache: !!v['no-cache'], onProgress: progress.update, onNotice: progress.notice }),
      out: (text) => (progress.clear(), console.log(text)),
      color: !!process.stdout.isTTY && !process.env.NO_COLOR,
      today: todayIn(),
    },
  );
}

async function diff(args: string[]): Promise<number> {
  const v = parse(args, {
    root: { type: 'string', default: '.' },
    base: { type: 'string' },
    head: { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
    'out-full': { type: 'string' },
  });
  if (!v.base) throw new CliError('diff needs --base REF (a branch, tag or commit)');
  const outFull = v['out-full'] as string | undefined;
  const root = resolve(v.root as string);
  const lang = v.lang === undefined ? undefined : oneOf('lang', v.lang, ['id', 'en'] as const, 'id');
  return diffCommand(
    {
      base: v.base as string,
      format: oneOf('format', v.format, ['markdown', 'json'] as const, 'markdown'),
      ...optional('head', v.head as string | undefined),
      ...optional('lang', lang),
    },
    {
      readRef: async (ref) => readGitFiles(root, ref),
      readWorkingTree: () => readRepoFiles(root, ['data', 'kpis', 'reviews']),
      readAhead: async (files) => (await preIngest(files, { cacheDir: cacheDirFor(root) })).ingested,
      out: (text) => console.log(text),
      ...(outFull ? { outFull: (text: string) => writeFileSync(resolve(outFull), text) } : {}),
    },
  );
}

async function importCsv(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        root: { type: 'string', default: '.' },
        month: { type: 'string' },
        map: { type: 'string' },
        force: { type: 'boolean', default: false },
        'create-missing': { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  const [kind, file, ...extra] = positionals;
  if (!kind || !file || extra.length) throw new CliError('import needs a kind and a CSV file: capaian import orders export.csv --month 2026-03');
  if (!v.month) throw new CliError('import needs --month YYYY-MM');
  const root = resolve(v.root as string);
  const { importCommand, nodeImportEffects } = await import('../commands/import.ts');
  return importCommand(
    { kind, file, month: v.month as string, ...optional('map', v.map as string | undefined), force: !!v.force, createMissing: !!v['create-missing'], root },
    nodeImportEffects(root),
  );
}

async function fmt(args: string[]): Promise<number> {
  const v = parse(args, { root: { type: 'string', default: '.' }, check: { type: 'boolean', default: false } });
  const root = resolve(v.root as string);
  const { fmtCommand, nodeFmtEffects } = await import('../commands/fmt.ts');
  return fmtCommand({ check: !!v.check, root }, nodeFmtEffects(root));
}

async function newMonth(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { root: { type: 'string', default: '.' } } });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const [month, ...extra] = parsed.positionals;
  if (!month || extra.length) throw new CliError('new-month needs one month: capaian new-month 2026-11');
  const root = resolve(parsed.values.root as string);
  const { newMonthCommand, nodeNewMonthEffects } = await import('../commands/new-month.ts');
  return newMonthCommand({ month, root }, nodeNewMonthEffects(root));
}

/** Today's date where the command runs (the only clock read: for the stale-data warning). */
function todayIn(): string {
  return process.env.CAPAIAN_TODAY ?? new Date().toISOString().slice(0, 10);
}

async function sample(args: string[]): Promise<number> {
  const v = parse(args, {
    out: { type: 'string' },
    'orders-per-month': { type: 'string' },
    months: { type: 'string' },
    seed: { type: 'string' },
    end: { type: 'string' },
  });
  if (!v.out) throw new CliError('sample needs --out DIR');
  const end = v.end as string | undefined;
  if (end !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(end)) throw new CliError(`--end must be a month YYYY-MM, got "${end}"`);
  const out = resolve(v.out as string);
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
      writeFile: async (path, text) => {
        const full = join(out, path);
        await mkdir(dirname(full), { recursive: true });
        await writeFile(full, text);
      },
      log: (line) => console.log(line),
    },
  );
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** "reading 120/300 files" on stderr, rewritten in place, only when a person is watching. */
function progressLine() {
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
      process.stderr.write(`${line}\n`);
    },
  };
}
