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
import { parseCommandArgs } from './args.ts';
import { COMMANDS, type CommandSpec } from './commands.ts';
import { PACKAGE_ROOT } from './package-root.ts';

export { CliError } from '../commands/cli-error.ts';

export { quietWhenStdoutCloses } from '../commands/effects.ts';

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
