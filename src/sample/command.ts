/**
 * `capaian sample`: writes the seeded sample repository's data/ under --out. The CLI parses
 * the arguments; file writing and output come in as effects, so this stays testable.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FileKind } from '../schema/file-kinds.ts';
import { generateSampleFiles } from './generate.ts';
import { countRecords } from '../i18n/count.ts';

export interface SampleArgs {
  ordersPerMonth?: number;
  months?: number;
  seed?: number;
  /** Last month, YYYY-MM. */
  end?: string;
  /** Folder to write into; files go to out/data/... (named in the summary line). */
  out: string;
}

export interface SampleEffects {
  /** `path` is relative to `out`: data/2026/03/orders.yaml. */
  writeFile(path: string, text: string): Promise<void>;
  log(line: string): void;
}

/**
 * Generates month by month and writes each file as soon as it is made. Returns the exit code:
 * 0, or 1 (with a logged message) for options out of range.
 */
export async function sampleCommand(args: SampleArgs, effects: SampleEffects): Promise<number> {
  let files;
  try {
    files = generateSampleFiles({ ordersPerMonth: args.ordersPerMonth, months: args.months, seed: args.seed, endMonth: args.end });
  } catch (e) {
    effects.log(`capaian sample: ${(e as Error).message}`);
    return 1;
  }
  const records: Partial<Record<FileKind, number>> = {};
  let count = 0;
  let bytes = 0;
  for (const file of files) {
    await effects.writeFile(file.path, file.text);
    records[file.kind] = (records[file.kind] ?? 0) + file.records;
    count++;
    bytes += Buffer.byteLength(file.text);
  }
  const kinds = ['orders', 'leads', 'activities', 'surveys', 'customers', 'products', 'team', 'goals', 'targets'] as const;
  const summary = kinds.map((k) => countRecords(k, records[k] ?? 0)).join(', ');
  effects.log(`wrote ${count} files (${(bytes / 1e6).toFixed(1)} MB) to ${join(args.out, 'data')}: ${summary}`);
  return 0;
}

/** The effects for a real run: files under `out`, folders created as needed, log to stdout. */
export function nodeEffects(out: string): SampleEffects {
  return {
    async writeFile(path, text) {
      const full = join(out, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, text);
    },
    log(line) {
      console.log(line);
    },
  };
}
