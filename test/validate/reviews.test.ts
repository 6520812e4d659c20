/**
 * Golden bad-input cases for reviews (reviews/<period>.mdx): each folder of
 * test/fixtures/reviews/<case>/ holds review files laid over test/fixtures/valid/, and
 * expected.txt the exact text `capaian validate` prints (with the report, so the review lints
 * show too). Compared by test/support/golden.ts; `UPDATE_GOLDEN=1` rewrites expected.txt.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/commands/validate.ts';
import { reviewYamlView, splitReview } from '../../src/validate/reviews.ts';
import type { SourceFile } from '../../src/validate/validate-repo.ts';
import { expectGolden } from '../support/golden.ts';
import { listFiles } from '../support/repo.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const CASES = join(FIXTURES, 'reviews');

function caseFiles(name: string): SourceFile[] {
  const files = new Map<string, Uint8Array>();
  const base = join(FIXTURES, 'valid');
  for (const rel of listFiles(base)) files.set(rel, readFileSync(join(base, rel)));
  const dir = join(CASES, name);
  for (const rel of listFiles(dir)) if (rel.startsWith('reviews/')) files.set(rel, readFileSync(join(dir, rel)));
  return [...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, bytes]) => ({ path, bytes }));
}

async function runValidate(files: SourceFile[]): Promise<string> {
  const lines: string[] = [];
  const code = await validateCommand(
    { format: 'text', strict: false },
    { read: async () => ({ files, issues: [] }), out: (text) => lines.push(text), report: { options: {} } },
  );
  return `exit: ${code}\n${lines.join('\n')}\n`;
}

describe('review golden cases', () => {
  const names = readdirSync(CASES).filter((n) => statSync(join(CASES, n)).isDirectory()).sort();
  it('has the cases the issue asks for', () => {
    expect(names).toEqual(expect.arrayContaining(['bad-frontmatter', 'unknown-references', 'overdue-action', 'mdx-syntax-error']));
  });
  for (const name of names) {
    it(name, async () => {
      await expectGolden(join(CASES, name, 'expected.txt'), await runValidate(caseFiles(name)));
    });
  }
});

describe('a review file split in two', () => {
  const text = '---\nperiod: 2026-03\nparticipants: [andi]\n---\n\nBody <Kpi id="x" />\n';
  it('keeps the line numbers of the file in both halves', () => {
    const parts = splitReview(text)!;
    expect(parts.yaml.split('\n')[1]).toBe('period: 2026-03');
    expect(parts.yaml.split('\n')[0]).toBe('');
    expect(parts.body.split('\n')[5]).toBe('Body <Kpi id="x" />');
    expect(parts.body.split('\n').slice(0, 4).every((l) => l === '')).toBe(true);
    expect(parts.bodyLine).toBe(5);
  });
  it('has no YAML view without frontmatter', () => {
    expect(splitReview('Just text\n')).toBeNull();
    expect(reviewYamlView('---\nperiod: 2026-03\n')).toBe('');
  });
});

describe("the sample's reviews (reviews/, written by hand)", () => {
  it('validate, cover its last six months and the third quarter, and leave exactly one action overdue', async () => {
    const { loadRepo } = await import('../../src/load/load-repo.ts');
    const { runPipeline } = await import('../../src/pipeline.ts');
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const repo = await loadRepo(root, { noCache: true, onNotice: () => {} });
    const { validation, report } = runPipeline(repo.files, repo.issues, repo.ingested ? { ingested: repo.ingested } : {});
    expect(validation.issues.filter((i) => i.file.startsWith('reviews/'))).toEqual([]);
    const model = report!.reviews!;
    expect(model.list.map((r) => r.period)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-Q3', '2026-10']);
    // Some done, one dropped, and one overdue (2026-09-1, due 2026-10-15, still open at the end of the data).
    expect(model.actions.filter((a) => a.status === 'done').length).toBeGreaterThanOrEqual(3);
    expect(model.actions.filter((a) => a.status === 'dropped').map((a) => a.id)).toEqual(['2026-06-4']);
    expect(model.actions.filter((a) => a.overdue).map((a) => a.id)).toEqual(['2026-09-1']);
    expect(report!.lints.filter((l) => l.file?.startsWith('reviews/')).map((l) => `${l.code} ${l.file}:${l.line}`)).toEqual(['overdue-action reviews/2026-10.mdx:15']);
    // Every off-track KPI of a reviewed month has its cause (no off-track-no-cause lint above); Lebaran and a promo mark the charts.
    expect(model.list.flatMap((r) => r.annotations.map((a) => a.label))).toEqual(expect.arrayContaining(['Lebaran', 'Promo Merdeka']));
  }, 120_000);
});
