/**
 * Fuzzing with fast-check: the number of runs per property comes from FUZZ_RUNS (default 200,
 * so `npm test` stays fast; `npm run fuzz` sets 10,000), the seed from FUZZ_SEED (default:
 * random, printed with any failure so it can be replayed). Each property prints its runs and
 * time, so `npm run fuzz` reports them per target.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Issue } from '../../src/issues/issue.ts';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** A generous per-test timeout: a minute plus 100 ms a run. */
export const TIMEOUT = 60_000 + RUNS * 100;

/** Runs `property` RUNS times and prints `fuzz <target>: N runs in S s`. */
export async function fuzz<T>(target: string, arb: fc.Arbitrary<T>, check: (value: T) => void | Promise<void>, runs = RUNS): Promise<void> {
  const t0 = performance.now();
  const async = check.constructor.name === 'AsyncFunction';
  const params: fc.Parameters<[T]> = { numRuns: runs, ...(SEED !== undefined ? { seed: SEED } : {}) };
  if (async) await fc.assert(fc.asyncProperty(arb, async (v) => void (await check(v))), params);
  else fc.assert(fc.property(arb, (v) => void check(v)), params);
  const seconds = (performance.now() - t0) / 1000;
  console.log(`fuzz ${target}: ${runs.toLocaleString('en-US')} runs in ${seconds.toFixed(1)} s`);
}

/**
 * What every issue must have: a file, a message, and a position when it points into the
 * document (an issue about the file as a whole has line 0); a line the file has.
 */
export function expectWellFormed(issues: Issue[], lineCount: (file: string) => number | undefined): void {
  for (const i of issues) {
    const shown = JSON.stringify({ file: i.file, at: i.at, line: i.line, column: i.column, message: i.message });
    expect(i.file, shown).toMatch(/^(data|kpis)\//);
    expect(i.message.length, shown).toBeGreaterThan(0);
    expect(i.level === 'error' || i.level === 'warning', shown).toBe(true);
    expect(i.code, shown).not.toBe('rule-crashed');
    if (i.at.length) expect(i.line >= 1 && i.column >= 1, `no position: ${shown}`).toBe(true);
    const lines = lineCount(i.file);
    if (lines !== undefined && i.line) expect(i.line, `past the end of the file: ${shown}`).toBeLessThanOrEqual(lines);
  }
}

/** Lines of a text as editors count them: LF, CRLF or a lone CR ends one. */
export const linesOf = (text: string): number => text.split(/\r\n|\r|\n/).length;
