/**
 * The one golden-file helper of the test suite, built on vitest's `toMatchFileSnapshot` (as
 * Observable Plot's test/plot-snapshot.js): the text a test produced is compared with a file kept
 * in git, and
 *   - on a mismatch, or when the golden is missing, the actual text is written beside the golden
 *     as `<name>-changed.<ext>` (git-ignored: `*-changed.*`) and the test fails, so you can diff them;
 *   - a golden is written or rewritten only when asked: `UPDATE_GOLDEN=1 npx vitest run <file>`
 *     (or `npx vitest run <file> -u`, vitest's own update, which `toMatchFileSnapshot` honours);
 *   - a missing golden is a failure, never a file written on the spot, locally and in CI
 *     (`CI` set: then even vitest's default of writing new snapshots is off).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { expect } from 'vitest';

/** `dir/name.ext` → `dir/name-changed.ext`, where a mismatch leaves the actual text. */
export function changedPath(path: string): string {
  return path.replace(/(\.[^./\\]+)?$/, (ext) => `-changed${ext}`);
}

/** Whether vitest runs with `-u` (the snapshot state's update mode "all"). */
function vitestUpdatesAll(): boolean {
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot?: string } | undefined;
  return state?._updateSnapshot === 'all';
}

/**
 * Expects `actual` to equal the golden file at `path` (absolute). Await it: the comparison is
 * vitest's file snapshot. `UPDATE_GOLDEN=1` (or `vitest -u`) writes the golden instead.
 */
export async function expectGolden(path: string, actual: string): Promise<void> {
  const changed = changedPath(path);
  const show = (p: string) => relative(process.cwd(), p);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    rmSync(changed, { force: true });
    return;
  }
  const updateAll = vitestUpdatesAll();
  if (!existsSync(path) && !updateAll) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(changed, actual);
    throw new Error(
      `golden ${show(path)} is missing${process.env.CI ? ' (CI never writes one)' : ''}; the actual output is in ${show(changed)}: ` +
        `run UPDATE_GOLDEN=1 npx vitest run <test file>, read the new golden and commit it`,
    );
  }
  // A mismatch is told by toBe (its diff, the -changed file for a whole-file diff), so that a
  // mismatch this file's own test provokes is not counted as a failed snapshot of the run.
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (!updateAll && expected !== actual) {
    writeFileSync(changed, actual);
    expect(actual, `output changed; see ${show(changed)} (UPDATE_GOLDEN=1 accepts it)`).toBe(expected);
  }
  // The match (or, under `vitest -u`, the write) is vitest's file snapshot.
  await expect(actual).toMatchFileSnapshot(path);
  rmSync(changed, { force: true });
}
