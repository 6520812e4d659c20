/**
 * The command line: finds the command in the table (src/cli/commands.ts), checks its arguments,
 * runs it with the effects (disk, stdout, stderr, colour) and turns every CliError into one line
 * on stderr. Exit codes: 0 ok, 1 problems in the data, 2 usage errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../commands/cli-error.ts';
import { nodeEffects, type Effects } from '../commands/effects.ts';
import { closest } from '../issues/did-you-mean.ts';
import { GitError } from '../load/read-git.ts';
import { COMMANDS, type CommandSpec, type Values } from './commands.ts';
import { PACKAGE_ROOT } from './package-root.ts';

export { CliError } from '../commands/cli-error.ts';

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

/** The version in package.json. */
export function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The whole usage: every command in a line, from the table. */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'capaian: sales KPIs as code',
    '',
    'usage: capaian <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'capaian <command> --help (or capaian help <command>) shows its options and examples;',
    'capaian --version prints the version.',
    '',
    'Month files already read are cached by content in node_modules/.cache/capaian, and compute\'s',
    'output for an unchanged repository (--no-cache or CAPAIAN_CACHE=off reads and computes',
    'everything again; CAPAIAN_CACHE=DIR puts the cache elsewhere).',
    'Colour: in a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.',
    '',
    'exit codes: 0 ok, 1 problems found, 2 usage error',
  ].join('\n');
}

/** The usage line of a command: `capaian compute [--root DIR] [--period PERIOD] …`. */
function usageLine(c: CommandSpec): string {
  const parts = [`capaian ${c.name}`];
  if (c.positionals) parts.push(c.positionals.names);
  for (const [name, o] of Object.entries(c.options)) {
    const text = o.type === 'boolean' ? `--${name}` : `--${name} ${o.choices ? o.choices.join('|') : (o.value ?? 'VALUE')}`;
    parts.push(o.required ? text : `[${text}]`);
  }
  return parts.join(' ');
}

/** `capaian <command> --help`: what it does, its usage, every option, examples. */
export function commandHelp(c: CommandSpec): string {
  const rows = Object.entries(c.options).map(([name, o]) => [o.type === 'boolean' ? `--${name}` : `--${name} ${o.value ?? 'VALUE'}`, o.help + (o.required ? ' (required)' : '')] as const);
  rows.push(['-h, --help', 'this help']);
  const width = Math.max(...rows.map(([l]) => l.length));
  return [
    `capaian ${c.name}: ${c.summary}`,
    '',
    `usage: ${usageLine(c)}`,
    ...(c.details ? ['', ...c.details] : []),
    '',
    'options:',
    ...rows.map(([l, h]) => `  ${l.padEnd(width)}  ${h}`),
    '',
    c.examples.length === 1 ? 'example:' : 'examples:',
    ...c.examples.map((e) => `  ${e}`),
  ].join('\n');
}

/** The command named `name`, or a usage error with the nearest name. */
function findCommand(name: string): CommandSpec {
  const c = COMMANDS.find((x) => x.name === name);
  if (c) return c;
  const near = closest(name, COMMANDS.map((x) => x.name));
  throw new CliError(`unknown command "${name}"`, 2, near ? `did you mean "${near}"? capaian --help lists the commands` : `commands: ${COMMANDS.map((x) => x.name).join(', ')}`);
}

const HELP = new Set(['--help', '-h']);

/**
 * A command's arguments checked against its options: an unknown option (with the nearest one), a
 * missing value, a value not among the choices, a missing required option or the wrong number of
 * words are each one CliError (exit 2) naming what is wrong and what is accepted.
 */
function parseCommandArgs(c: CommandSpec, args: string[]): { values: Values; positionals: string[] } {
  const values: Values = {};
  const positionals: string[] = [];
  const names = Object.keys(c.options);
  const seeHelp = `capaian ${c.name} --help lists the options`;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.startsWith('--') ? a.slice(2, eq < 0 ? undefined : eq) : a.slice(1);
    const o = a.startsWith('--') ? c.options[name] : undefined;
    if (!o) {
      const near = closest(name, names);
      throw new CliError(`unknown option ${a.startsWith('--') ? `--${name}` : a} for ${c.name}`, 2, near ? `did you mean --${near}? ${seeHelp}` : seeHelp);
    }
    if (o.type === 'boolean') {
      if (eq >= 0) throw new CliError(`--${name} takes no value`, 2, `write --${name} alone`);
      values[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = a.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) value = args[++i];
    if (value === undefined || value === '') throw new CliError(`--${name} needs a value`, 2, accepted(name, o));
    if (o.choices && !o.choices.includes(value)) {
      const near = closest(value, o.choices);
      throw new CliError(`unknown --${name} "${value}"`, 2, `${near ? `did you mean ${near}? ` : ''}${accepted(name, o)}`);
    }
    values[name] = value;
  }
  for (const [name, o] of Object.entries(c.options)) {
    if (values[name] === undefined && o.default !== undefined) values[name] = o.default;
    if (o.required && values[name] === undefined) throw new CliError(`${c.name} needs --${name} ${o.value ?? 'VALUE'}`, 2, `${o.forms ? `${o.forms}; ` : ''}e.g. ${c.examples[0]}`);
  }
  const p = c.positionals ?? { names: '', min: 0, max: 0, example: '' };
  if (positionals.length < p.min || positionals.length > p.max) {
    const what = p.max === 0 ? `${c.name} takes no words besides its options, got "${positionals.join(' ')}"` : `${c.name} needs ${p.names}${positionals.length ? `, got "${positionals.join(' ')}"` : ''}`;
    throw new CliError(what, 2, p.example ? `e.g. ${p.example}` : seeHelp);
  }
  return { values, positionals };
}

function accepted(name: string, o: CommandSpec['options'][string]): string {
  if (o.choices) return `accepted: ${o.choices.join(', ')}`;
  if (o.forms) return `use ${o.forms}`;
  return `e.g. --${name} ${o.value ?? 'VALUE'}`;
}

/** Runs the CLI; returns the exit code. `fx` is the world it prints to and writes in (tests pass a recording fake). */
export async function main(argv: string[], fx: Effects = nodeEffects()): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      fx.err(usage());
      return 2;
    }
    if (first === '--version' || first === '-v' || first === 'version') {
      fx.out(`capaian ${version()}`);
      return 0;
    }
    if (HELP.has(first) || first === 'help') {
      const topic = first === 'help' ? rest[0] : undefined;
      fx.out(topic ? commandHelp(findCommand(topic)) : usage());
      return 0;
    }
    if (first.startsWith('-')) throw new CliError(`"${first}" is not a command`, 2, 'the command comes first: capaian validate --root DIR; capaian --help lists them');
    const command = findCommand(first);
    if (rest.some((a) => HELP.has(a))) {
      fx.out(commandHelp(command));
      return 0;
    }
    return await command.run(parseCommandArgs(command, rest), fx);
  } catch (e) {
    if (e instanceof GitError) {
      fx.err(new CliError(e.message, 2, 'diff --base and --head take a branch, tag or commit of the repository at --root').line());
      return 2;
    }
    if (e instanceof CliError) {
      fx.err(e.line());
      return e.exitCode;
    }
    throw e;
  }
}
