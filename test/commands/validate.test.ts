/**
 * Golden bad-input fixtures for `capaian validate`.
 *
 * Each folder test/fixtures/invalid/<case>/ holds only what differs from test/fixtures/valid/:
 *   - files at the same relative paths (data/..., kpis/...), laid over an in-memory copy of the base;
 *   - optionally delete.txt: base files to remove, one path per line (e.g. data/customers.yaml);
 *   - expected.txt: `exit: N` on the first line, then the exact text `validateCommand` prints
 *     (format text), one `out` call per line.
 *
 * Compared by test/support/golden.ts: on a mismatch (or a missing expected.txt) the actual output
 * is written to expected-changed.txt beside expected.txt (git-ignored) and the test fails.
 * UPDATE_GOLDEN=1 rewrites expected.txt instead.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/commands/validate.ts';
import type { SourceFile } from '../../src/validate/validate-repo.ts';
import { expectGolden } from '../support/golden.ts';
import { listFiles } from '../support/repo.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const BASE = join(FIXTURES, 'valid');
const CASES = join(FIXTURES, 'invalid');

/** Files of a case folder that are not overlay data. */
const CONTROL_FILES = new Set(['expected.txt', 'delete.txt']);
const isControl = (rel: string) => CONTROL_FILES.has(rel) || /-changed\./.test(rel);

function caseNames(): string[] {
  if (!existsSync(CASES)) return [];
  return readdirSync(CASES)
    .filter((n) => statSync(join(CASES, n)).isDirectory())
    .sort();
}

/** The base repository with the case's files laid over it and its deletions applied. */
function buildCaseFiles(caseDir?: string): SourceFile[] {
  const files = new Map<string, Uint8Array>();
  for (const rel of listFiles(BASE)) files.set(rel, readFileSync(join(BASE, rel)));
  if (caseDir === undefined) return toSourceFiles(files);
  const deleteList = join(caseDir, 'delete.txt');
  if (existsSync(deleteList)) {
    for (const line of readFileSync(deleteList, 'utf8').split('\n')) {
      const rel = line.trim();
      if (!rel || rel.startsWith('#')) continue;
      if (!files.delete(rel)) throw new Error(`${caseDir}/delete.txt names ${rel}, which is not in the base fixture`);
    }
  }
  for (const rel of listFiles(caseDir)) {
    if (isControl(rel)) continue;
    files.set(rel, readFileSync(join(caseDir, rel)));
  }
  return toSourceFiles(files);
}

function toSourceFiles(files: Map<string, Uint8Array>): SourceFile[] {
  return [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, bytes]) => ({ path, bytes }));
}

/** What `capaian validate` prints for these files, as a golden text: `exit: N` then the output. */
async function runValidate(files: SourceFile[]): Promise<string> {
  const lines: string[] = [];
  const code = await validateCommand(
    { format: 'text', strict: false },
    { read: async () => ({ files, issues: [] }), out: (text) => lines.push(text) },
  );
  return `exit: ${code}\n${lines.join('\n')}\n`;
}

describe('golden bad-input fixtures', () => {
  const names = caseNames();

  it('has at least 30 cases, each with expected.txt and overlay files or deletions', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    const problems: string[] = [];
    for (const name of names) {
      const dir = join(CASES, name);
      if (!existsSync(join(dir, 'expected.txt'))) problems.push(`${name}: no expected.txt`);
      const data = listFiles(dir).filter((rel) => !isControl(rel));
      if (!data.length && !existsSync(join(dir, 'delete.txt'))) problems.push(`${name}: changes nothing (no overlay files, no delete.txt)`);
      for (const rel of data) if (!/^(data|kpis)\//.test(rel)) problems.push(`${name}: ${rel} is outside data/ and kpis/`);
      if (existsSync(join(dir, 'expected.txt')) && !/^exit: [01]\n/.test(readFileSync(join(dir, 'expected.txt'), 'utf8'))) {
        problems.push(`${name}: expected.txt does not start with "exit: 0" or "exit: 1"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the base fixture itself is valid', async () => {
    const got = await runValidate(buildCaseFiles());
    expect(got).toMatch(/^exit: 0\n/);
    expect(got).toContain('ok: no problems found');
  });

  for (const name of names) {
    it(name, async () => {
      const dir = join(CASES, name);
      await expectGolden(join(dir, 'expected.txt'), await runValidate(buildCaseFiles(dir)));
    });
  }
});
