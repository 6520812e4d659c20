/**
 * Each example's README, run as a user would: every fenced block marked `sh readme-test`, in
 * order, in one bash (`set -euo pipefail`, so a command that fails stops it), from the root of
 * the repository, against the shared datasets. Two things differ from a copy and paste, both so
 * that the test can run anywhere: the repository the README builds in /tmp/<example> is a fresh
 * temporary folder, and `../shared/datasets` is where the datasets are (support.ts: beside the
 * clone, as CI has them, or CAPAIAN_DATASETS). Skipped, saying so, when the datasets are absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATASETS, ROOT } from './support.ts';

/** The blocks of a README marked to be run, in order. */
export function readmeCommands(markdown: string): string[] {
  return [...markdown.matchAll(/^```sh readme-test\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

const examples = readdirSync(join(ROOT, 'examples')).filter((e) => existsSync(join(ROOT, 'examples', e, 'README.md')));
const present = existsSync(DATASETS);
if (!present) console.warn(`example READMEs not run: no datasets at ${DATASETS} (put them in ../shared/datasets beside the clone, or set CAPAIAN_DATASETS)`);

describe('the examples\' READMEs', () => {
  it('mark their commands to be run', () => {
    for (const e of examples) expect(readmeCommands(readFileSync(join(ROOT, 'examples', e, 'README.md'), 'utf8')).length, e).toBeGreaterThan(0);
  });

  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  describe.skipIf(!present).each(examples)('examples/%s/README.md', (example) => {
    it('runs every command to the end, and leaves a repository that validates', () => {
      const repo = mkdtempSync(join(tmpdir(), `capaian-readme-${example}-`));
      dirs.push(repo);
      const beside = resolve(ROOT, '..', 'shared', 'datasets');
      const readme = readFileSync(join(ROOT, 'examples', example, 'README.md'), 'utf8');
      let script = readmeCommands(readme).join('\n');
      script = script.replaceAll(`/tmp/${example === 'crm-pipeline' ? 'crm' : example}`, repo);
      if (resolve(DATASETS) !== beside) script = script.replaceAll('../shared/datasets', resolve(DATASETS));
      const out = execFileSync('bash', ['-c', `set -euo pipefail\n${script}`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      // validate's verdict: no errors (warnings, such as targets not set, are fine).
      expect(out).toMatch(/^(ok: no problems found|0 errors, \d+ warnings?: ok)$/m);
      expect(out).not.toMatch(/nothing written/);
      // What the README says the imports write is what they wrote.
      const said = [...readme.matchAll(/^wrote .*$/gm)].map((m) => m[0]);
      expect(said.length).toBeGreaterThan(0);
      for (const line of said) expect(out.split('\n')).toContain(line);
      expect(readdirSync(join(repo, 'data')).some((d) => /^\d{4}$/.test(d))).toBe(true);
    }, 600_000);
  });
});
