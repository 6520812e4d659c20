/** Builds in-memory repositories for tests: SourceFile lists from plain values or texts. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import { runPipeline } from '../../src/pipeline.ts';
import type { Report } from '../../src/report/model.ts';
import type { SourceFile } from '../../src/validate/validate-repo.ts';

const enc = new TextEncoder();

export function fileOf(path: string, content: unknown): SourceFile {
  const text = typeof content === 'string' ? content : yaml.dump(content, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true });
  return { path, bytes: enc.encode(text) };
}

/** Every file under `dir`, with paths relative to it. */
export function readTree(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ path: relative(dir, full).split('\\').join('/'), bytes: readFileSync(full) });
    }
  };
  walk(dir);
  return out;
}

/** The committed sample (data/ and kpis/ of this repository) through the whole pipeline, with no error. */
export function sampleReport(root: string): Report {
  const under = (dir: string) => readTree(join(root, dir)).map((f) => ({ ...f, path: `${dir}/${f.path}` }));
  const r = runPipeline([...under('data'), ...under('kpis')], []);
  const errors = r.validation.issues.filter((i) => i.level === 'error');
  if (errors.length || !r.report) throw new Error(`the sample does not validate: ${errors.map((i) => i.message).join('; ')}`);
  return r.report;
}

/** Every file under `dir`, as sorted paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}
