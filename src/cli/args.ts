/**
 * A command's arguments read against its options (the table in commands.ts): one home, used by
 * main.ts for every command and by kept-compute.ts before the CLI is loaded.
 */
import { CliError } from '../commands/cli-error.ts';
import { closest } from '../issues/did-you-mean.ts';
import type { OptionSpec, Values } from './options.ts';

/** What reading a command's arguments needs of its entry in COMMANDS. */
export interface ArgsSpec {
  name: string;
  positionals?: { names: string; min: number; max: number; example: string };
  options: Record<string, OptionSpec>;
  examples: string[];
}

/**
 * A command's arguments checked against its options: an unknown option (with the nearest one), a
 * missing value, a value not among the choices, a missing required option or the wrong number of
 * words are each one CliError (exit 2) naming what is wrong and what is accepted.
 */
export function parseCommandArgs(c: ArgsSpec, args: string[]): { values: Values; positionals: string[] } {
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

function accepted(name: string, o: OptionSpec): string {
  if (o.choices) return `accepted: ${o.choices.join(', ')}`;
  if (o.forms) return `use ${o.forms}`;
  return `e.g. --${name} ${o.value ?? 'VALUE'}`;
}
