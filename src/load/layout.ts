/** Where a file under data/ belongs, from its path alone. */
import { closest } from '../issues/did-you-mean.ts';
import { LAYOUT_HELP, MONTH_KINDS, SINGLE_KINDS, type FileKind } from '../schema/file-kinds.ts';

export type Placement =
  | { kind: FileKind; month?: string; year?: number }
  | { kind: 'ignored' }
  | { kind: 'unknown'; message: string; hint: string };

/** `rel` is relative to the data folder, with forward slashes: `2026/03/orders.yaml`. */
export function placeFile(rel: string): Placement {
  const parts = rel.split('/');
  const name = parts[parts.length - 1]!;
  if (parts.some((p) => p.startsWith('.')) || /^readme(\.md)?$/i.test(name)) return { kind: 'ignored' };
  if (name.endsWith('.yml')) {
    return unknown(`"${name}" ends in .yml`, `rename it to ${name.slice(0, -4)}.yaml; ${LAYOUT_HELP}`);
  }
  if (parts.length === 1) {
    const base = name.replace(/\.yaml$/, '');
    if (name.endsWith('.yaml') && (SINGLE_KINDS as readonly string[]).includes(base)) return { kind: base as FileKind };
    if (base === 'targets') return unknown('targets live in a folder, one file per year', 'move it to data/targets/2026.yaml (the fiscal year the targets are for)');
    if ((MONTH_KINDS as readonly string[]).includes(base)) return unknown(`${name} belongs in a month folder`, `move it to data/YYYY/MM/${name}, e.g. data/2026/03/${name}`);
    return unknown(`no file called "${name}" belongs at the top of data/`, suggest(base, SINGLE_KINDS) + LAYOUT_HELP);
  }
  if (parts[0] === 'targets') {
    const m = parts.length === 2 ? /^(\d{4})\.yaml$/.exec(name) : null;
    if (m) return { kind: 'targets', year: +m[1]! };
    return unknown(`"${rel}" is not a targets file`, 'targets live in data/targets/YYYY.yaml, one file per year, e.g. data/targets/2026.yaml');
  }
  if (/^\d{4}$/.test(parts[0]!)) {
    if (parts.length !== 3) return unknown(`"${rel}" is not inside a month folder`, 'month files live in data/YYYY/MM/, e.g. data/2026/03/orders.yaml');
    const month = parts[1]!;
    if (!/^(0[1-9]|1[0-2])$/.test(month)) {
      return unknown(`"${parts[0]}/${month}" is not a month folder`, 'months are two digits 01-12, e.g. data/2026/03/orders.yaml');
    }
    const base = name.replace(/\.yaml$/, '');
    if (name.endsWith('.yaml') && (MONTH_KINDS as readonly string[]).includes(base)) {
      return { kind: base as FileKind, month: `${parts[0]}-${month}` };
    }
    return unknown(`"${name}" is not a month file`, suggest(base, MONTH_KINDS) + `a month folder holds ${MONTH_KINDS.map((k) => k + '.yaml').join(', ')}`);
  }
  return unknown(`"${rel}" is in an unknown place`, LAYOUT_HELP);
}

/**
 * Whether validation reads a file of the repository at all (`path` from the repository root):
 * files under data/ that `placeFile` does not ignore, and files under kpis/ other than dotfiles
 * and READMEs. The one rule for which files count; `capaian diff` lists only these.
 */
export function readByValidation(path: string): boolean {
  if (path.startsWith('data/')) return placeFile(path.slice('data/'.length)).kind !== 'ignored';
  if (path.startsWith('kpis/')) return /^kpis\/[^/]+\.yaml$/.test(path) || !(/(^|\/)\./.test(path) || /readme(\.md)?$/i.test(path));
  return false;
}

function unknown(message: string, hint: string): Placement {
  return { kind: 'unknown', message, hint };
}

function suggest(word: string, options: readonly string[]): string {
  const best = closest(word, options);
  return best ? `did you mean ${best}.yaml? ` : '';
}
