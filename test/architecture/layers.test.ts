/**
 * The layers of src/ point down (test/architecture/layers.ts): the check passes on the sources,
 * fails on a planted upward import, a page importing a command and an import cycle, and
 * CONTRIBUTING.md's diagram is the table's.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectGolden } from '../support/golden.ts';
import { checkImports, diagram, importsOf, layerOf, sourceFiles } from './imports.ts';
import { LAYERS } from './layers.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the dependency rule', () => {
  it('holds for src/: every file in a layer, every import pointing down, no cycles', () => {
    expect(checkImports(ROOT)).toEqual([]);
  });

  it('sees the imports of .astro frontmatter, type-only and dynamic imports', () => {
    const page = '---\nimport type { Report } from "../report/model.ts";\nconst m = await import("../site/site-data.ts");\n---\n<p>x</p>\n<script>\nimport "../charts/index.ts";\n</script>\n';
    expect(importsOf(ROOT, 'src/pages/x.astro', page)).toEqual(['src/report/model.ts', 'src/site/site-data.ts', 'src/charts/index.ts']);
  });

  it('places a file by the most specific path of the table', () => {
    expect(layerOf('src/load/read-repo.ts')?.name).toBe('load');
    expect(layerOf('src/load/parse-yaml.ts')?.name).toBe('parse');
    expect(layerOf('src/dataset/fields.ts')?.name).toBe('schema');
    expect(layerOf('src/dataset/build-dataset.ts')?.name).toBe('dataset');
    expect(layerOf('src/nowhere/x.ts')).toBeUndefined();
  });

  it('lists every file the sources hold, pages included', () => {
    const files = sourceFiles(ROOT);
    expect(files).toContain('src/pipeline.ts');
    expect(files).toContain('src/pages/index.astro');
    expect(files).toContain('src/load/ingest-worker.mjs');
  });
});

describe('the check fails on', () => {
  let root = '';
  const plant = (files: Record<string, string>) => {
    root = mkdtempSync(join(tmpdir(), 'capaian-layers-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('an upward import (compute importing the report)', () => {
    plant({
      'src/report/status.ts': "export type Status = 'on-track';\n",
      'src/compute/evaluate.ts': "import type { Status } from '../report/status.ts';\nexport const s: Status | null = null;\n",
    });
    expect(checkImports(root)).toEqual(['src/compute/evaluate.ts imports src/report/status.ts: compute may not import report, a layer above it']);
  });

  it('an import of the issues leaf reaching back into validate/', () => {
    plant({ 'src/validate/repo-data.ts': 'export {};\n', 'src/issues/issue.ts': "import '../validate/repo-data.ts';\n" });
    expect(checkImports(root)).toEqual(['src/issues/issue.ts imports src/validate/repo-data.ts: issues may not import validate, a layer above it']);
  });

  it('a page importing a command, even though commands are not above pages', () => {
    plant({
      'src/commands/compute.ts': 'export const csvCell = (x: unknown) => String(x);\n',
      'src/pages/data/[id].csv.ts': "import { csvCell } from '../../commands/compute.ts';\nexport const c = csvCell;\n",
    });
    expect(checkImports(root)).toEqual(['src/pages/data/[id].csv.ts imports src/commands/compute.ts: pages imports only site, charts, report, kpi, calendar, i18n, issues']);
  });

  it('a cycle inside one layer (a report helper importing types back from build-report.ts)', () => {
    plant({
      'src/report/build-report.ts': "import { teamView } from './team.ts';\nexport interface ReportKpi { id: string }\nexport const v = teamView;\n",
      'src/report/team.ts': "import type { ReportKpi } from './build-report.ts';\nexport const teamView = (k: ReportKpi) => k.id;\n",
    });
    expect(checkImports(root)).toEqual(['import cycle: src/report/build-report.ts -> src/report/team.ts -> src/report/build-report.ts']);
  });

  it('a pure layer touching the disk', () => {
    plant({ 'src/report/lints.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n" });
    expect(checkImports(root)).toEqual(['src/report/lints.ts imports node:fs: report is pure (no disk, processes, threads or network)']);
  });

  it('a file in no layer', () => {
    plant({ 'src/stray/thing.ts': 'export {};\n' });
    expect(checkImports(root)).toEqual(['src/stray/thing.ts: in no layer (add its folder to test/architecture/layers.ts)']);
  });
});

describe('CONTRIBUTING.md', () => {
  it("draws the layers table: its diagram is the table's (UPDATE_GOLDEN=1 rewrites it)", async () => {
    const path = join(ROOT, 'CONTRIBUTING.md');
    const text = readFileSync(path, 'utf8');
    const block = /(<!-- layers: generated from test\/architecture\/layers\.ts -->\n```text\n)([\s\S]*?)(\n```\n)/;
    const m = block.exec(text);
    expect(m, 'CONTRIBUTING.md holds the layers diagram between its markers').not.toBeNull();
    // The golden is CONTRIBUTING.md itself; the actual text is it with the diagram drawn afresh
    // (a mismatch writes CONTRIBUTING-changed.md beside it, git-ignored).
    await expectGolden(path, text.replace(block, (_, a: string, _b: string, c: string) => a + diagram() + c));
  });

  it('names every layer of the table once, top first', () => {
    const names = LAYERS.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
    for (const l of LAYERS) for (const other of l.only ?? []) expect(names.indexOf(other), `${l.name} only: ${other}`).toBeGreaterThan(names.indexOf(l.name));
  });
});
