/**
 * `capaian migrate`: brings a repository's data up to the data format this capaian reads
 * (DATA_FORMAT, src/schema/company.ts), step by step, and records it in data/company.yaml
 * (`format:`). A company.yaml without `format:` is at format 1, the first.
 *
 * Format 1 is the first and the current one: there is no step yet, and migrate says the data is
 * already at format 1. When a release changes the format, it adds a step here (from N to N+1: a
 * pure rewrite of the files' text, with a line saying what it changes), and validation of older
 * data says to run `npx capaian migrate`. Every step is worked out before anything is written:
 * on any problem nothing is written.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_FORMAT } from '../schema/company.ts';

export interface Migration {
  from: number;
  /** What the step changes, for the user (both languages). */
  describe: string;
  /** The files' new text (only those it changes), from every file under data/ and kpis/. */
  apply(files: ReadonlyMap<string, string>): Map<string, string>;
}

/** The steps, from format N to N+1. None yet: format 1 is the first. */
const MIGRATIONS: Migration[] = [];

/** The format a repository is at when company.yaml does not say. */
const FIRST_FORMAT = 1;

export interface MigrateEffects {
  /** Every file under data/ and kpis/ (paths relative to the root, forward slashes), or null when there is no data/company.yaml. */
  readAll(): Promise<Map<string, string> | null>;
  write(path: string, text: string): Promise<void>;
  out(line: string): void;
}

export interface MigrateOptions {
  root: string;
  /** Only say what would change; exit 1 when something would. */
  check?: boolean;
}

const FORMAT_LINE = /^format:[ \t]*([^\s#]+)[ \t]*(#.*)?$/m;

/** The format data/company.yaml states (FIRST_FORMAT when it states none), or an error line. */
export function formatOf(company: string): number | string {
  const m = FORMAT_LINE.exec(company);
  if (!m) return FIRST_FORMAT;
  const n = Number(m[1]);
  return Number.isInteger(n) && n >= 0 ? n : `data/company.yaml: format must be a whole number like ${DATA_FORMAT}, got "${m[1]}"`;
}

/** company.yaml's text stating `format: n` (the line replaced, or added before the first key). */
export function withFormat(company: string, n: number): string {
  if (FORMAT_LINE.test(company)) return company.replace(FORMAT_LINE, `format: ${n}`);
  const lines = company.split('\n');
  const at = lines.findIndex((l) => /^[A-Za-z_]/.test(l));
  lines.splice(at < 0 ? lines.length : at, 0, `format: ${n}`);
  return lines.join('\n');
}

export async function migrateCommand(opts: MigrateOptions, fx: MigrateEffects, migrations: readonly Migration[] = MIGRATIONS, current = DATA_FORMAT): Promise<number> {
  const files = await fx.readAll();
  const company = files?.get('data/company.yaml');
  if (!files || company === undefined) {
    fx.out(`capaian migrate: no data/company.yaml in ${opts.root}; nothing to migrate (run it in your report repository, or pass --root DIR) / tidak ada data/company.yaml`);
    return 1;
  }
  const at = formatOf(company);
  if (typeof at === 'string') {
    fx.out(`capaian migrate: ${at}; nothing written`);
    return 1;
  }
  if (at === current) {
    fx.out(`already at data format ${current}: nothing to migrate / sudah pada format data ${current}: tidak ada yang perlu diubah`);
    return 0;
  }
  if (at > current) {
    fx.out(`capaian migrate: the data is at format ${at}, newer than this capaian reads (${current}); upgrade capaian (npm install capaian@<version>) instead; nothing written / format data lebih baru: perbarui capaian`);
    return 1;
  }
  // Every step on the files in memory first; written only when all succeeded.
  const state = new Map(files);
  const changed = new Set<string>();
  for (let f = at; f < current; f++) {
    const step = migrations.find((m) => m.from === f);
    if (!step) {
      fx.out(`capaian migrate: no step from data format ${f} to ${f + 1} in this capaian; nothing written (upgrade through an earlier capaian that has it)`);
      return 1;
    }
    const out = step.apply(state);
    for (const [path, text] of out) {
      state.set(path, text);
      changed.add(path);
    }
    fx.out(`format ${f} → ${f + 1}: ${step.describe}${out.size ? ` (${[...out.keys()].sort().join(', ')})` : ''}`);
  }
  state.set('data/company.yaml', withFormat(state.get('data/company.yaml')!, current));
  changed.add('data/company.yaml');
  if (opts.check) {
    fx.out(`would change ${changed.size} files to bring the data from format ${at} to ${current}; run capaian migrate`);
    return 1;
  }
  for (const path of [...changed].sort()) await fx.write(path, state.get(path)!);
  fx.out(`migrated from data format ${at} to ${current}: ${changed.size} files changed; check them with capaian validate and commit / dimigrasikan ke format ${current}`);
  return 0;
}

/** The effects for a real run: the files under `root`. */
export function nodeMigrateEffects(root: string): MigrateEffects {
  const walk = async (under: string, into: Map<string, string>) => {
    let entries;
    try {
      entries = await readdir(join(root, under), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const rel = `${under}/${e.name}`;
      if (e.isDirectory()) await walk(rel, into);
      else if (e.isFile() && /\.ya?ml$/.test(e.name)) into.set(rel, await readFile(join(root, rel), 'utf8'));
    }
  };
  return {
    async readAll() {
      const files = new Map<string, string>();
      await walk('data', files);
      await walk('kpis', files);
      return files.has('data/company.yaml') ? files : null;
    },
    write: (path, text) => writeFile(join(root, path), text),
    out: (line) => console.log(line),
  };
}
