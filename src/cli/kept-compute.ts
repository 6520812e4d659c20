/**
 * The output `capaian compute` kept for a repository that has not changed (load/result-cache.ts),
 * found before the CLI is loaded: bin/capaian.mjs runs this module, bundled on its own
 * (kept-compute.cjs beside main.cjs), and loads the CLI only when there is nothing kept. The
 * arguments are read by the same code and options as the command's (args.ts, options.ts), and
 * the key is made by the same function, so both find the same entry.
 */
import { resolve } from 'node:path';
import { useColor } from '../commands/effects.ts';
import { cacheDirFor } from '../load/cache-dir.ts';
import { openResultCache, type ResultCache } from '../load/result-cache.ts';
import { parseCommandArgs } from './args.ts';
import { COMPUTE_OPTIONS, todayIn, type Values } from './options.ts';

export { quietWhenStdoutCloses } from '../commands/effects.ts';

/** The kept output of compute with these option values (parsed, defaults applied), and where to keep this run's. */
export async function computeCache(values: Values, color: boolean): Promise<ResultCache> {
  const root = resolve(typeof values.root === 'string' ? values.root : '.');
  const { 'no-cache': noCache, ...options } = values;
  return openResultCache(root, noCache ? null : cacheDirFor(root), { command: 'compute', options, today: todayIn(), color });
}

/**
 * Prints the kept output of `capaian compute ARGS` through `out` and returns true; false (nothing
 * printed) when there is none, or the arguments are not ones to look for (help, a usage error:
 * the CLI then says what it says).
 */
export async function printKeptCompute(args: string[], out: (text: string) => void = (text) => console.log(text)): Promise<boolean> {
  if (args.some((a) => a === '--help' || a === '-h')) return false;
  let values: Values;
  try {
    values = parseCommandArgs({ name: 'compute', options: COMPUTE_OPTIONS, examples: [] }, args).values;
  } catch {
    return false;
  }
  const hit = (await computeCache(values, useColor(process.stdout, process.env))).hit;
  if (!hit) return false;
  for (const text of hit) out(text);
  return true;
}
