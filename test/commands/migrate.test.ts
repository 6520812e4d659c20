/**
 * `capaian migrate` and the data format: today's data is at format 1 and migrate says so; a
 * company.yaml of a newer format is refused by validation with what to do (upgrade capaian), one
 * of an older format is told to run migrate; and the frame, with a made-up older format 0 whose
 * step renames a field, applies every step in memory first and writes only when all succeed.
 */
import { describe, expect, it } from 'vitest';
import { formatOf, migrateCommand, withFormat, type MigrateEffects, type Migration } from '../../src/commands/migrate.ts';
import { DATA_FORMAT } from '../../src/schema/company.ts';
import { validateRepo } from '../../src/validate/validate-repo.ts';
import { fileOf } from '../support/repo.ts';

function memory(files: Record<string, string>): MigrateEffects & { files: Map<string, string>; lines: string[]; written: string[] } {
  const state = new Map(Object.entries(files));
  const lines: string[] = [];
  const written: string[] = [];
  return {
    files: state,
    lines,
    written,
    readAll: async () => (state.has('data/company.yaml') ? new Map(state) : null),
    write: async (path, text) => {
      written.push(path);
      state.set(path, text);
    },
    out: (l) => lines.push(l),
  };
}

const COMPANY = '# ours\nname: PT Uji\ncurrency: IDR\nregions:\n  - { id: pusat, name: Pusat }\n';

describe('capaian migrate', () => {
  it('says the data is already at the current format, and writes nothing', async () => {
    for (const company of [COMPANY, withFormat(COMPANY, DATA_FORMAT)]) {
      const fx = memory({ 'data/company.yaml': company });
      expect(await migrateCommand({ root: '.' }, fx)).toBe(0);
      expect(fx.lines).toEqual([`already at data format ${DATA_FORMAT}: nothing to migrate / sudah pada format data ${DATA_FORMAT}: tidak ada yang perlu diubah`]);
      expect(fx.written).toEqual([]);
    }
  });

  it('reads the format line, absent meaning format 1', () => {
    expect(formatOf(COMPANY)).toBe(1);
    expect(formatOf('format: 3  # after the upgrade\nname: x\n')).toBe(3);
    expect(formatOf('format: one\n')).toContain('format must be a whole number');
    expect(withFormat(COMPANY, 2)).toBe('# ours\nformat: 2\nname: PT Uji\ncurrency: IDR\nregions:\n  - { id: pusat, name: Pusat }\n');
    expect(withFormat('format: 1\nname: x\n', 2)).toBe('format: 2\nname: x\n');
  });

  it('refuses data newer than it reads, and a repository without company.yaml', async () => {
    const newer = memory({ 'data/company.yaml': withFormat(COMPANY, DATA_FORMAT + 1) });
    expect(await migrateCommand({ root: '.' }, newer)).toBe(1);
    expect(newer.lines[0]).toContain(`newer than this capaian reads (${DATA_FORMAT}); upgrade capaian`);
    const none = memory({});
    expect(await migrateCommand({ root: 'there' }, none)).toBe(1);
    expect(none.lines[0]).toContain('no data/company.yaml in there');
  });

  // A made-up history: format 0 called the fiscal year's first month `fiscal_start`.
  const RENAME: Migration = {
    from: 0,
    describe: 'fiscal_start is now fiscal_year_start',
    apply: (files) => new Map([['data/company.yaml', files.get('data/company.yaml')!.replace(/^fiscal_start:/m, 'fiscal_year_start:')]]),
  };

  it('applies the steps from an older format and records the new format', async () => {
    const fx = memory({ 'data/company.yaml': 'format: 0\nname: PT Uji\nfiscal_start: 4\n', 'kpis/x.yaml': 'id: x\n' });
    expect(await migrateCommand({ root: '.' }, fx, [RENAME], 1)).toBe(0);
    expect(fx.files.get('data/company.yaml')).toBe('format: 1\nname: PT Uji\nfiscal_year_start: 4\n');
    expect(fx.written).toEqual(['data/company.yaml']);
    expect(fx.lines[0]).toBe('format 0 → 1: fiscal_start is now fiscal_year_start (data/company.yaml)');
    expect(fx.lines.at(-1)).toContain('migrated from data format 0 to 1: 1 files changed');
  });

  it('writes nothing when a step is missing, or with --check', async () => {
    const missing = memory({ 'data/company.yaml': 'format: 0\nfiscal_start: 4\n' });
    expect(await migrateCommand({ root: '.' }, missing, [RENAME], 2)).toBe(1);
    expect(missing.lines.at(-1)).toContain('no step from data format 1 to 2');
    expect(missing.written).toEqual([]);
    const check = memory({ 'data/company.yaml': 'format: 0\nfiscal_start: 4\n' });
    expect(await migrateCommand({ root: '.', check: true }, check, [RENAME], 1)).toBe(1);
    expect(check.written).toEqual([]);
  });
});

describe('the data format in company.yaml', () => {
  const validate = (format: number) =>
    validateRepo([fileOf('data/company.yaml', `format: ${format}\n${COMPANY}`)]).issues.filter((i) => i.file === 'data/company.yaml');

  it('accepts the current format, and says what to do about another', () => {
    expect(validate(DATA_FORMAT)).toEqual([]);
    const newer = validate(DATA_FORMAT + 1);
    expect(newer.map((i) => [i.line, i.column])).toEqual([[1, 9]]);
    expect(newer[0]!.message).toContain(`format is a newer data format than this capaian reads (${DATA_FORMAT}): upgrade capaian`);
    expect(validate(DATA_FORMAT - 1)[0]!.message).toContain('run npx capaian migrate');
  });
});
