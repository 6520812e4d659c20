/**
 * Helpers for import tests: an in-memory repository with the import's effects, the sample
 * repository as a starting point, and a CSV reader of our own for computing expected totals
 * independently of src/import/csv.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportEffects } from '../../src/commands/import.ts';
import { recordingEffects } from '../../src/commands/effects.ts';
import { generateSampleFiles } from '../../src/sample/generate.ts';
import type { SourceFile } from '../../src/validate/validate-repo.ts';
import { readTree } from '../support/repo.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The shared datasets: ../shared/datasets beside the clone (as CI has it), or CAPAIAN_DATASETS. */
export const DATASETS = process.env.CAPAIAN_DATASETS ?? fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));

/** A repository in memory, the files a user names, and what the command printed and wrote. */
export class MemoryRepo {
  readonly files = new Map<string, Uint8Array>();
  readonly user = new Map<string, Uint8Array>();
  readonly output: string[] = [];
  readonly written: string[] = [];

  constructor(files: SourceFile[] = []) {
    for (const f of files) this.files.set(f.path, f.bytes);
  }

  /** A file outside the repository that the command line names (a CSV, a mapping). */
  userFile(path: string, content: string | Uint8Array): this {
    this.user.set(path, typeof content === 'string' ? enc.encode(content) : content);
    return this;
  }

  text(path: string): string | undefined {
    const b = this.files.get(path);
    return b && dec.decode(b);
  }

  sourceFiles(): SourceFile[] {
    return [...this.files].map(([path, bytes]) => ({ path, bytes })).sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  get effects(): ImportEffects {
    return {
      ...recordingEffects(),
      readFile: async (path) => {
        const hit = this.user.get(path);
        if (hit) return hit;
        const e = new Error(`ENOENT: ${path}`) as NodeJS.ErrnoException;
        e.code = 'ENOENT';
        throw e;
      },
      readRepo: async () => ({ files: this.sourceFiles(), issues: [] }),
      writeFiles: async (files) => {
        for (const [path, text] of files) {
          this.files.set(path, enc.encode(text));
          this.written.push(path);
        }
      },
      out: (line) => void this.output.push(line),
    };
  }
}

/** The sample repository (one month, 2026-10, 20 orders) with the real KPI definitions (its goals and targets name them). */
export function sampleRepo(): MemoryRepo {
  const files = [...generateSampleFiles({ months: 1, ordersPerMonth: 20 })].map((f) => ({ path: f.path, bytes: enc.encode(f.text) }));
  const kpis = readTree(`${ROOT}kpis`).map((f) => ({ ...f, path: `kpis/${f.path}` }));
  return new MemoryRepo([...files.filter((f) => !f.path.startsWith('kpis/')), ...kpis]);
}

/** An example's scaffold (examples/<name>/scaffold) with the real KPI definitions. */
export function scaffoldFiles(example: string): SourceFile[] {
  const data = readTree(`${ROOT}examples/${example}/scaffold`);
  const kpis = readTree(`${ROOT}kpis`).map((f) => ({ ...f, path: `kpis/${f.path}` }));
  return [...data, ...kpis];
}

/**
 * Rows of a CSV as objects, by a different route than the importer's parser: records end at
 * a line end outside quotes, cells split at commas outside quotes. Enough for the datasets.
 */
export function readRowsIndependently(path: string): Record<string, string>[] {
  let text = readFileSync(path, 'utf8');
  if (text.startsWith('\ufeff')) text = text.slice(1);
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') cells.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || cells.length) records.push([...cells, cell]);
  const [header, ...rows] = records;
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k] ?? ''])));
}
