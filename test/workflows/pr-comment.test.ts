/**
 * The PR comment trusts nothing the pull request made (SECURITY.md, "The PR comment").
 * Statically: the workflow that holds the write token runs no code from the PR's tree and takes
 * the PR number from GitHub's metadata, not from an artifact. Functionally: the trusted script
 * computes the diff from a pull request whose commits also replace capaian itself, and none of
 * the PR's code runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const WORKFLOW = readFileSync(join(ROOT, '.github/workflows/pr-comment.yml'), 'utf8');
const SCRIPT = join(ROOT, '.github/scripts/kpi-diff.sh');

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; id?: string }
interface Job { permissions?: Record<string, string>; steps: Step[]; needs?: string; outputs?: Record<string, string> }
const wf = parse(WORKFLOW) as { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, Job> };

describe('pr-comment.yml', () => {
  it('runs only after CI, with no permissions by default', () => {
    expect(Object.keys(wf.on)).toEqual(['workflow_run']);
    expect(wf.permissions).toEqual({});
  });

  it('gives the write token to a job that checks out nothing and runs no command', () => {
    const writers = Object.entries(wf.jobs).filter(([, j]) => Object.values(j.permissions ?? {}).includes('write'));
    expect(writers.map(([name]) => name)).toEqual(['post']);
    const post = wf.jobs.post!;
    expect(post.permissions).toEqual({ 'pull-requests': 'write' });
    expect(post.steps.filter((s) => s.run !== undefined)).toEqual([]);
    expect(post.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/download-artifact', 'actions/github-script']);
    // The artifact of this same run (no run-id: not one that ci.yml, i.e. the PR's code, made).
    expect(post.steps[0]!.with).not.toHaveProperty('run-id');
    expect(post.steps[0]!.with).not.toHaveProperty('github-token');
    // The number comes from the first job's output, which the API lookup set.
    expect(post.steps[1]!.env).toEqual({ PR_NUMBER: '${{ needs.diff.outputs.number }}' });
    expect(wf.jobs.diff!.outputs).toEqual({ number: '${{ steps.pr.outputs.number }}' });
  });

  it('finds the pull request by matching the run head against the API, never from a file', () => {
    const find = wf.jobs.diff!.steps.find((s) => s.id === 'pr')!;
    const script = String(find.with?.script);
    expect(script).toContain('github.rest.pulls.list');
    expect(script).toMatch(/p\.head\.sha === sha && p\.head\.repo\?\.full_name === repo/);
    expect(script).not.toMatch(/readFileSync|artifact/);
    expect(find.env).toEqual({ HEAD_SHA: '${{ github.event.workflow_run.head_sha }}', HEAD_REPO: '${{ github.event.workflow_run.head_repository.full_name }}' });
  });

  it('checks out only this repository’s default branch and runs only its own code', () => {
    const diff = wf.jobs.diff!;
    expect(Object.values(diff.permissions ?? {}).every((p) => p === 'read')).toBe(true);
    const checkouts = diff.steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    // No ref and no repository: the commit that defines this workflow.
    expect(Object.keys(checkouts[0]!.with ?? {})).toEqual(['fetch-depth']);
    const runs = diff.steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.join('\n')).not.toMatch(/git (checkout|switch|worktree|reset|restore|read-tree|clone|stash|apply|am)\b/);
    expect(runs[0]).toBe('npm ci --ignore-scripts --no-audit --no-fund');
    expect(runs[1]).toMatch(/^bash \.github\/scripts\/kpi-diff\.sh\n/);
  });

  it('puts no event text inside a script (expression injection): only in env', () => {
    for (const job of Object.values(wf.jobs))
      for (const s of job.steps) {
        expect(s.run ?? '').not.toContain('${{');
        expect(String(s.with?.script ?? '')).not.toContain('${{');
      }
  });
});

describe('.github/scripts/kpi-diff.sh', () => {
  const text = readFileSync(SCRIPT, 'utf8');

  it('touches the PR’s commits only to fetch, compare and read them as data', () => {
    const lines = text.split('\n').filter((l) => !l.trim().startsWith('#') && l.includes('$HEAD_REF'));
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l).toMatch(/git fetch|git rev-parse|git merge-base|diff --base "\$merge_base" --head "\$HEAD_REF"|^HEAD_REF=/);
    expect(text).not.toMatch(/git (checkout|switch|worktree|reset|restore|read-tree|clone|stash|apply|am)\b/);
  });

  let origin: string;
  let trusted: string;
  let marker: string;
  let heads: Record<string, string>;
  const env = { ...process.env, GIT_AUTHOR_DATE: '2026-11-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-11-01T00:00:00Z', GIT_CONFIG_NOSYSTEM: '1' };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env }).trim();
  const commitAll = (cwd: string, message: string) => {
    git(cwd, 'add', '-A');
    git(cwd, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', message);
    return git(cwd, 'rev-parse', 'HEAD');
  };

  beforeAll(() => {
    const tmp = mkdtempSync(join(tmpdir(), 'capaian-prc-'));
    marker = join(tmp, 'PWNED');
    const work = join(tmp, 'work');
    origin = join(tmp, 'origin.git');
    trusted = join(tmp, 'trusted');
    cpSync(join(ROOT, 'test/fixtures/valid'), work, { recursive: true });
    git(work, 'init', '-q', '-b', 'main');
    const base = commitAll(work, 'base');
    // The pull request: a new April order, and code that would write a marker if anything ran it.
    git(work, 'switch', '-q', '-c', 'pr');
    mkdirSync(join(work, 'data/2026/04'), { recursive: true });
    writeFileSync(join(work, 'data/2026/04/orders.yaml'), '- { id: SO-2, date: 2026-04-06, customer: C1, rep: andi, lines: [{ sku: TEH-1, qty: 4, price: 5000 }] }\n');
    const evil = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`;
    mkdirSync(join(work, 'bin'), { recursive: true });
    mkdirSync(join(work, '.github/scripts'), { recursive: true });
    writeFileSync(join(work, 'bin/capaian.mjs'), `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(marker)}, 'ran');\n`);
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'x', scripts: { preinstall: `node -e "${evil.replace(/"/g, '\\"')}"` } }));
    writeFileSync(join(work, '.github/scripts/kpi-diff.sh'), `#!/bin/sh\necho ran > ${JSON.stringify(marker)}\n`);
    chmodSync(join(work, '.github/scripts/kpi-diff.sh'), 0o755);
    const pr = commitAll(work, 'pr');
    // A second PR whose data is broken.
    git(work, 'switch', '-q', '-c', 'broken', 'main');
    mkdirSync(join(work, 'data/2026/04'), { recursive: true });
    writeFileSync(join(work, 'data/2026/04/surveys.yaml'), '- { id: S-2, date: 2026-04-10, customer: C1, score: 9 }\n');
    const broken = commitAll(work, 'broken');
    git(tmp, 'init', '-q', '--bare', origin);
    git(work, 'push', '-q', origin, 'main', `${pr}:refs/pull/7/head`, `${broken}:refs/pull/8/head`);
    git(tmp, 'clone', '-q', origin, trusted);
    heads = { base, pr, broken };
  });

  afterAll(() => {
    rmSync(join(origin, '..'), { recursive: true, force: true });
  });

  const run = (vars: Record<string, string>) => {
    const out = join(trusted, 'kpi-diff');
    const r = spawnSync('bash', [SCRIPT], {
      cwd: trusted,
      encoding: 'utf8',
      env: { ...env, CAPAIAN: `node ${join(ROOT, 'bin/capaian.mjs')}`, OUT_DIR: out, RUN_URL: 'https://github.com/o/r/actions/runs/1', CI_CONCLUSION: 'success', BASE_SHA: heads.base!, ...vars },
    });
    const read = (f: string) => (existsSync(join(out, f)) ? readFileSync(join(out, f), 'utf8') : null);
    return { status: r.status, stderr: r.stderr, comment: read('comment.md'), full: read('full.md'), skip: existsSync(join(out, 'skip')) };
  };

  it('computes the diff of the PR’s data with the trusted capaian, running nothing of the PR', () => {
    const r = run({ PR_NUMBER: '7', HEAD_SHA: heads.pr! });
    expect(r.status).toBe(0);
    expect(r.comment).toContain('2026-04');
    expect(r.comment).toContain(`\`${heads.pr!.slice(0, 7)}\``);
    expect(r.full).toContain('2026-04');
    expect(existsSync(marker)).toBe(false);
    // The trusted checkout's tree is untouched by the PR.
    expect(existsSync(join(trusted, 'bin/capaian.mjs'))).toBe(false);
    expect(git(trusted, 'status', '--porcelain', '--untracked-files=no')).toBe('');
  });

  it('says when CI failed, and still shows the data’s validation problems', () => {
    const r = run({ PR_NUMBER: '8', HEAD_SHA: heads.broken!, CI_CONCLUSION: 'failure' });
    expect(r.status).toBe(0);
    expect(r.comment).toMatch(/^> \[!WARNING\]\n> CI did not pass for `[0-9a-f]{7}` \(failure\)/);
    expect(r.comment).toContain('score');
  });

  it('comments nothing when the pull request has moved on from the run’s commit', () => {
    const r = run({ PR_NUMBER: '7', HEAD_SHA: heads.broken! });
    expect(r.status).toBe(0);
    expect(r.skip).toBe(true);
    expect(r.comment).toBeNull();
  });

  it('refuses inputs that are not what GitHub gives', () => {
    expect(run({ PR_NUMBER: '7; touch x', HEAD_SHA: heads.pr! }).status).toBe(2);
    expect(run({ PR_NUMBER: '7', HEAD_SHA: 'main' }).status).toBe(2);
    expect(run({ PR_NUMBER: '7', HEAD_SHA: heads.pr!, RUN_URL: 'javascript:alert(1)' }).status).toBe(2);
  });

  it('falls back to a plain notice when the diff cannot be computed', () => {
    const r = run({ PR_NUMBER: '7', HEAD_SHA: heads.pr!, CAPAIAN: 'false' });
    expect(r.status).toBe(0);
    expect(r.comment).toContain('the KPI diff could not be computed');
    expect(r.comment).toContain('[CI run](https://github.com/o/r/actions/runs/1)');
  });
});
