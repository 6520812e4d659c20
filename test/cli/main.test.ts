/**
 * The command line as a user meets it, run in process with a recording fake for its effects
 * (nothing printed, nothing written): --version, each command's --help, "did you mean", one line
 * and exit 2 for every usage error, singular and plural, colour on and off.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandHelp, main, usage } from '../../src/cli/main.ts';
import { COMMANDS } from '../../src/cli/commands.ts';
import { CliError } from '../../src/commands/cli-error.ts';
import { recordingEffects, useColor } from '../../src/commands/effects.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VALID = resolve(ROOT, 'test/fixtures/valid');
/** The valid fixture with one order naming an unknown customer (C9): one error. */
const ONE_ERROR = mkdtempSync(join(tmpdir(), 'capaian-cli-'));

beforeAll(() => {
  process.env.CAPAIAN_CACHE = 'off';
  cpSync(VALID, ONE_ERROR, { recursive: true });
  cpSync(resolve(ROOT, 'test/fixtures/invalid/ref-order-customer/data'), join(ONE_ERROR, 'data'), { recursive: true });
});
afterAll(() => rmSync(ONE_ERROR, { recursive: true, force: true }));

async function run(argv: string[], opts: { color?: boolean } = {}) {
  const fx = recordingEffects(opts);
  const code = await main(argv, fx);
  return { code, out: fx.stdout.join('\n'), err: fx.stderr.join('\n'), stderr: fx.stderr, files: fx.files };
}

/** A usage error: exit 2, nothing on stdout, exactly one line on stderr starting "capaian: ". */
async function usageError(argv: string[]): Promise<string> {
  const r = await run(argv);
  expect(r.code, argv.join(' ')).toBe(2);
  expect(r.out).toBe('');
  expect(r.stderr).toHaveLength(1);
  expect(r.stderr[0]).not.toContain('\n');
  expect(r.stderr[0]).toMatch(/^capaian: /);
  return r.stderr[0]!;
}

describe('capaian --version', () => {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-v', 'version']) {
    it(`${flag} prints the version in package.json and exits 0`, async () => {
      const r = await run([flag]);
      expect(r).toMatchObject({ code: 0, out: `capaian ${pkg.version}`, err: '' });
    });
  }
});

describe('help', () => {
  it('capaian --help lists every command of the table, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.out).toMatch(new RegExp(`^  ${c.name}\\s+${c.summary.slice(0, 20).replace(/[()|.]/g, '\\$&')}`, 'm'));
  });

  it('capaian with no command prints the usage on stderr and exits 2', async () => {
    const r = await run([]);
    expect(r).toMatchObject({ code: 2, out: '', err: usage() });
  });

  for (const c of COMMANDS) {
    it(`capaian ${c.name} --help, -h and capaian help ${c.name} print its usage, every option and an example, exit 0`, async () => {
      const a = await run([c.name, '--help']);
      expect(a.code).toBe(0);
      expect(a.err).toBe('');
      expect(a.out).toBe(commandHelp(c));
      expect(a.out).toMatch(new RegExp(`^usage: capaian ${c.name}\\b`, 'm'));
      for (const o of Object.keys(c.options)) expect(a.out).toMatch(new RegExp(`^  --${o}\\b`, 'm'));
      expect(a.out).toMatch(/^examples?:\n  capaian /m);
      expect((await run([c.name, '-h'])).out).toBe(a.out);
      expect((await run(['help', c.name])).out).toBe(a.out);
      // --help wins over anything else on the line, even a wrong option: nothing runs.
      expect((await run([c.name, '--bogus', '--help'])).out).toBe(a.out);
    });
  }

  it('the compute help names the period forms and the option values', async () => {
    const { out } = await run(['compute', '--help']);
    expect(out).toContain('usage: capaian compute [--root DIR] [--period PERIOD] [--kpi ID] [--format table|json|csv] [--lang id|en] [--no-cache]');
    expect(out).toMatch(/--period PERIOD\s+a week 2026-W05, a month 2026-03, a quarter 2026-Q1 or a year 2026/);
  });
});

describe('did you mean', () => {
  it('a mistyped command: one line with the nearest command, exit 2', async () => {
    expect(await usageError(['vaildate'])).toBe('capaian: unknown command "vaildate"  (did you mean "validate"? capaian --help lists the commands)');
    expect(await usageError(['comptue'])).toContain('did you mean "compute"?');
    expect(await usageError(['help', 'fnt'])).toContain('did you mean "fmt"?');
  });

  it('a command nothing is near: lists the commands', async () => {
    expect(await usageError(['frobnicate'])).toBe(`capaian: unknown command "frobnicate"  (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
  });

  it('a mistyped option: the nearest option of that command', async () => {
    expect(await usageError(['compute', '--perod', '2026-03'])).toBe('capaian: unknown option --perod for compute  (did you mean --period? capaian compute --help lists the options)');
    expect(await usageError(['validate', '--strcit'])).toContain('did you mean --strict?');
    // An option of another command is unknown here.
    expect(await usageError(['validate', '--period', '2026-03'])).toContain('unknown option --period for validate');
  });

  it('a mistyped choice: the nearest value and every accepted one', async () => {
    expect(await usageError(['compute', '--format', 'jsn'])).toBe('capaian: unknown --format "jsn"  (did you mean json? accepted: table, json, csv)');
    expect(await usageError(['validate', '--format', 'yaml'])).toBe('capaian: unknown --format "yaml"  (accepted: text, json)');
  });
});

describe('usage errors: one line on stderr, exit 2', () => {
  it('a missing option value names the accepted forms (not a parser message)', async () => {
    const line = await usageError(['compute', '--period']);
    expect(line).toBe('capaian: --period needs a value  (use a week 2026-W05, a month 2026-03, a quarter 2026-Q1 or a year 2026)');
    // An option where the value should be is not taken as the value.
    expect(await usageError(['compute', '--period', '--lang', 'en'])).toContain('--period needs a value');
    expect(await usageError(['compute', '--format'])).toBe('capaian: --format needs a value  (accepted: table, json, csv)');
  });

  it('a malformed period', async () => {
    expect(await usageError(['compute', '--root', VALID, '--period', '2026-13'])).toBe('capaian: --period "2026-13" is not a period  (use a week 2026-W05, a month 2026-03, a quarter 2026-Q1 or a year 2026)');
    expect(await usageError(['compute', '--root', VALID, '--period', 'March'])).toContain('is not a period');
    expect(await usageError(['compute', '--root', VALID, '--period', '2026-W54'])).toBe('capaian: --period "2026-W54" is not a week  (a year has 52 or 53 weeks: write 2026-W01 to 2026-W52 (or W53))');
  });

  it('a period outside the data, not a table of dashes with exit 0', async () => {
    // The fixture holds March 2026 only: one month, one quarter, one year.
    expect(await usageError(['compute', '--root', VALID, '--period', '1999'])).toBe('capaian: no data for period 1999  (the data has the year 2026; use a week 2026-W05, a month 2026-03, a quarter 2026-Q1 or a year 2026)');
    expect(await usageError(['compute', '--root', VALID, '--period', '2026-04'])).toBe('capaian: no data for period 2026-04  (the data has the month 2026-03; use a week 2026-W05, a month 2026-03, a quarter 2026-Q1 or a year 2026)');
    expect(await usageError(['compute', '--root', VALID, '--period', '2026-Q2'])).toContain('no data for period 2026-Q2');
  });

  it('a KPI that does not exist, with the nearest id', async () => {
    expect(await usageError(['compute', '--root', VALID, '--kpi', 'net-sale'])).toMatch(/^capaian: no KPI "net-sale"  \(did you mean "net-sales"\? KPIs: .*net-sales\)$/);
  });

  it('a required option or word missing, a flag given a value, a stray word', async () => {
    expect(await usageError(['diff'])).toBe('capaian: diff needs --base REF  (a branch, tag or commit; e.g. capaian diff --base origin/main)');
    expect(await usageError(['sample'])).toContain('sample needs --out DIR');
    expect(await usageError(['import', 'orders', '--month', '2026-03'])).toBe('capaian: import needs orders|leads|activities|surveys FILE.csv, got "orders"  (e.g. capaian import orders export.csv --month 2026-03)');
    expect(await usageError(['import', 'orders', 'x.csv'])).toBe('capaian: import needs --month YYYY-MM, --months FIRST..LAST (2016-01..2019-12) or --all-months');
    expect(await usageError(['new-month'])).toBe('capaian: new-month needs YYYY-MM  (e.g. capaian new-month 2026-11)');
    expect(await usageError(['fmt', '--check=yes'])).toBe('capaian: --check takes no value  (write --check alone)');
    expect(await usageError(['validate', 'data'])).toContain('validate takes no words besides its options, got "data"');
    expect(await usageError(['sample', '--out', '/nowhere', '--months', 'x'])).toBe('capaian: --months must be a whole number, got "x"  (e.g. --months 12)');
    expect(await usageError(['--root', '.'])).toContain('"--root" is not a command');
  });

  it('errors the commands throw come out the same way', async () => {
    expect(await usageError(['new-month', '2026-13', '--root', VALID])).toBe('capaian: new-month needs a month as YYYY-MM, e.g. 2026-11; got "2026-13"');
    expect(new CliError('x', 2, 'y').line()).toBe('capaian: x  (y)');
    expect(new CliError('x').line()).toBe('capaian: x');
  });
});

describe('singular and plural', () => {
  it('validate: "1 error, 0 warnings" and one order, one lead, one survey', async () => {
    const r = await run(['validate', '--root', ONE_ERROR]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^1 error, 0 warnings$/m);
    expect(r.out).toMatch(/: 2 team members, 2 products, 2 customers, 6 goals, 1 order, 1 lead, 2 activities, 1 survey; 6 KPI definitions$/m);
  });

  it('compute on data with a problem: "1 error, 0 warnings: nothing computed"', async () => {
    const r = await run(['compute', '--root', ONE_ERROR]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^1 error, 0 warnings: nothing computed$/m);
  });
});

describe('colour', () => {
  it('useColor: FORCE_COLOR, NO_COLOR, TERM=dumb, a terminal or not', () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(useColor(tty, {})).toBe(true);
    expect(useColor(pipe, {})).toBe(false);
    expect(useColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(tty, { NO_COLOR: '' })).toBe(true); // an empty NO_COLOR is not set (no-color.org)
    expect(useColor(tty, { TERM: 'dumb' })).toBe(false);
    expect(useColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(tty, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(useColor(tty, { FORCE_COLOR: '0' })).toBe(true);
    expect(useColor(pipe, { FORCE_COLOR: '0' })).toBe(false);
  });

  it('validate in colour: the error location red, the verdict red; the same text without colour', async () => {
    const plain = await run(['validate', '--root', ONE_ERROR], { color: false });
    const coloured = await run(['validate', '--root', ONE_ERROR], { color: true });
    expect(plain.out).not.toContain('\x1b[');
    expect(coloured.out).toContain('\x1b[31mdata/2026/03/orders.yaml:3:13\x1b[0m  customer "C9" is not a known customer');
    expect(coloured.out).toMatch(/^\x1b\[31m1 error, 0 warnings\x1b\[0m$/m);
    expect(coloured.out.replace(/\x1b\[\d+m/g, '')).toBe(plain.out);
  });

  it('validate in colour on valid data: the verdict green', async () => {
    const r = await run(['validate', '--root', VALID], { color: true });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\x1b\[(32|33)m.*\x1b\[0m$/);
  });

  it('compute: statuses coloured only when asked', async () => {
    const plain = await run(['compute', '--root', VALID, '--lang', 'en'], { color: false });
    expect(plain.code).toBe(0);
    expect(plain.out).not.toContain('\x1b[');
  });
});

describe('words', () => {
  it('compute --kpi lists breakdowns in words of the language, never the raw field name', async () => {
    const id = await run(['compute', '--root', VALID, '--kpi', 'net-sales', '--lang', 'id']);
    expect(id.out).toMatch(/^\s+menurut wilayah$/m);
    expect(id.out).toMatch(/^\s+menurut kategori produk$/m);
    expect(id.out).toMatch(/^\s+menurut segmen pelanggan$/m);
    expect(id.out).not.toMatch(/menurut (region|category|segment|rep)\b/);
    const en = await run(['compute', '--root', VALID, '--kpi', 'net-sales', '--lang', 'en']);
    expect(en.out).toMatch(/^\s+by product category$/m);
  });
});

describe('effects', () => {
  it('validate --report FILE writes through the effects (the fake records it, no disk touched)', async () => {
    const r = await run(['validate', '--root', VALID, '--report', 'report.json']);
    expect(r.code).toBe(0);
    const written = r.files.get(resolve('report.json'));
    expect(written).toBeDefined();
    expect(JSON.parse(written!).kpis.map((k: { id: string }) => k.id)).toContain('net-sales');
  });
});
