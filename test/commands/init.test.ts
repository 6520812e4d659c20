/**
 * `capaian init`: a team's repository that validates at once (an empty report: no orders yet,
 * every KPI without a value), with the company from the flags, the KPI definitions as the
 * package ships them, workflows that run the installed capaian, and a package.json depending on
 * capaian; a folder with files is refused unless told, and even then no file is overwritten.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initCommand, nodeInitEffects, type InitOptions } from '../../src/commands/init.ts';
import { loadRepo } from '../../src/load/load-repo.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { DATA_FORMAT } from '../../src/schema/company.ts';

const TOOL = join(import.meta.dirname, '..', '..');
/** The KPI definitions capaian ships (kpis/ of this repository): init copies every one. */
const SHIPPED = readdirSync(join(TOOL, 'kpis')).length;
const work = mkdtempSync(join(tmpdir(), 'capaian-init-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const OPTIONS: Omit<InitOptions, 'dir'> = { name: 'PT Maju Bersama', currency: 'IDR', locale: 'en-US', timezone: 'Asia/Makassar', fiscalYearStart: 4, yes: false, capaian: '^0.1.0', year: 2026 };

async function init(dir: string, opts: Partial<InitOptions> = {}): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const fx = { ...nodeInitEffects(dir, TOOL), out: (l: string) => out.push(l) };
  const code = await initCommand({ ...OPTIONS, dir, ...opts }, fx);
  return { code, out };
}

describe('capaian init', () => {
  it('writes a repository that validates at once: the company from the flags, no records, the shipped KPIs', async () => {
    const dir = join(work, 'maju');
    const { code, out } = await init(dir);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('npm install');

    const company = readFileSync(join(dir, 'data', 'company.yaml'), 'utf8');
    expect(company).toMatch(new RegExp(`^format: ${DATA_FORMAT}$`, 'm'));
    expect(company).toMatch(/^name: PT Maju Bersama$/m);
    expect(company).toMatch(/^locale: en-US$/m);
    expect(company).toMatch(/^timezone: Asia\/Makassar$/m);
    expect(company).toMatch(/^fiscal_year_start: 4$/m);
    expect(readdirSync(join(dir, 'kpis')).sort()).toEqual(readdirSync(join(TOOL, 'kpis')).sort());
    expect(readdirSync(join(dir, 'kpis'))).toHaveLength(SHIPPED);
    expect(readFileSync(join(dir, 'kpis', 'net-sales.yaml'), 'utf8')).toBe(readFileSync(join(TOOL, 'kpis', 'net-sales.yaml'), 'utf8'));
    expect(readFileSync(join(dir, 'data', 'targets', '2026.yaml'), 'utf8')).toContain('# - kpi: net-sales');

    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.dependencies).toEqual({ capaian: '^0.1.0' });
    expect(pkg.scripts).toMatchObject({ build: 'capaian build', dev: 'capaian dev', validate: 'capaian validate' });
    // The PR comment runs the installed capaian: a team's repository has no bin/capaian.mjs.
    expect(readFileSync(join(dir, '.github', 'scripts', 'kpi-diff.sh'), 'utf8')).toContain('CAPAIAN="${CAPAIAN:-npx capaian}"');
    expect(readdirSync(join(dir, '.github', 'workflows')).sort()).toEqual(['ci.yml', 'pages.yml', 'pr-comment.yml']);

    const repo = await loadRepo(dir, { noCache: true });
    const { validation, report } = runPipeline(repo.files, repo.issues, { today: '2026-12-07', ...(repo.ingested ? { ingested: repo.ingested } : {}) });
    expect(validation.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(report?.company.name).toBe('PT Maju Bersama');
    expect(report?.kpis).toHaveLength(SHIPPED);
    // No orders yet: no period, no value.
    expect(report?.periods.month).toEqual([]);
  });

  it('refuses a folder with files, and with --yes adds only the files that are missing', async () => {
    const dir = join(work, 'busy');
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'company.yaml'), 'name: ours\n');
    const refused = await init(dir);
    expect(refused.code).toBe(1);
    expect(refused.out.join('\n')).toContain('is not empty; nothing written');
    expect(readdirSync(dir)).toEqual(['data']);

    const added = await init(dir, { yes: true });
    expect(added.code).toBe(0);
    expect(readFileSync(join(dir, 'data', 'company.yaml'), 'utf8')).toBe('name: ours\n');
    expect(added.out.join('\n')).toContain('left alone, already there: data/company.yaml');
    expect(readdirSync(join(dir, 'kpis'))).toHaveLength(SHIPPED);
  });

  it('asks for what the flags leave out, and asks before adding to a folder with files', async () => {
    const dir = join(work, 'asked');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'ours\n');
    const questions: string[] = [];
    const answers: Record<string, string> = { 'is not empty': 'ya', 'Company name': 'PT Tanya', Locale: 'en-GB', 'fiscal year': '7' };
    const out: string[] = [];
    const fx = {
      ...nodeInitEffects(dir, TOOL),
      ask: async (q: string, fallback: string) => {
        questions.push(q);
        return Object.entries(answers).find(([k]) => q.includes(k))?.[1] ?? fallback;
      },
      out: (l: string) => out.push(l),
    };
    expect(await initCommand({ dir, yes: false, capaian: '^0.1.0', year: 2026 }, fx)).toBe(0);
    expect(questions).toHaveLength(6);
    const company = readFileSync(join(dir, 'data', 'company.yaml'), 'utf8');
    expect(company).toMatch(/^name: PT Tanya$/m);
    expect(company).toMatch(/^currency: IDR$/m); // the default, taken
    expect(company).toMatch(/^locale: en-GB$/m);
    expect(company).toMatch(/^fiscal_year_start: 7$/m);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('ours\n');
  });

  it('says what is wrong with a flag, before writing anything', async () => {
    const dir = join(work, 'bad');
    await expect(init(dir, { currency: 'rupiah' })).rejects.toThrow('--currency must be a 3-letter currency code like IDR, got "RUPIAH"');
    await expect(init(dir, { timezone: 'Jakarta' })).rejects.toThrow('--timezone must be an IANA timezone');
    expect(() => readdirSync(dir)).toThrow();
  });
});
