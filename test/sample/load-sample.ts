/** Generates a sample once per test file and parses it the way the loader does (js-yaml core schema). */
import yaml from 'js-yaml';
import type { FileKind } from '../../src/schema/file-kinds.ts';
import { generateSample, type SampleFile, type SampleOptions } from '../../src/sample/generate.ts';

export interface Parsed extends SampleFile {
  value: unknown;
  /** YYYY-MM for month files. */
  month?: string;
}

export type Row = Record<string, any>;

export interface Sample {
  files: Parsed[];
  /** All records of a kind, each with the file it came from. */
  records(kind: FileKind): { rec: Row; file: Parsed }[];
  one(path: string): Row;
}

export function loadSample(options: SampleOptions = {}): Sample {
  const files: Parsed[] = generateSample(options).map((f) => {
    const m = /^data\/(\d{4})\/(\d{2})\//.exec(f.path);
    return { ...f, value: yaml.load(f.text, { schema: yaml.CORE_SCHEMA }), ...(m ? { month: `${m[1]}-${m[2]}` } : {}) };
  });
  return {
    files,
    records: (kind) =>
      files
        .filter((f) => f.kind === kind)
        .flatMap((f) => {
          const list = (kind === 'products' ? (f.value as Row).products : f.value) as Row[];
          return list.map((rec) => ({ rec, file: f }));
        }),
    one: (path) => files.find((f) => f.path === path)!.value as Row,
  };
}

export function netOf(order: Row): number {
  let net = 0;
  for (const l of order.lines) net += l.qty * l.price * (1 - (l.discount ?? 0));
  return net;
}
