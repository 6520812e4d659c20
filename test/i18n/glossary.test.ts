/**
 * The glossary is the one home of the shared terms: both languages have the same terms, and the
 * site, the charts, the reports and the diff comment say the glossary's word.
 */
import { describe, expect, it } from 'vitest';
import { chartWords } from '../../src/charts/chart-words.ts';
import { GLOSSARY, glossary } from '../../src/i18n/glossary.ts';
import { t } from '../../src/i18n/messages.ts';
import { reportWords } from '../../src/site/words/report.ts';
import { teamWords } from '../../src/site/words/team.ts';
import { kpiWords, unitName } from '../../src/site/words/kpi.ts';
import { words } from '../../src/site/words.ts';

/** Every key path of a nested object: "groups.volume". */
function keyPaths(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keyPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
}

describe('glossary', () => {
  it('has the same terms in Indonesian and English, none empty', () => {
    expect(keyPaths(GLOSSARY.id)).toEqual(keyPaths(GLOSSARY.en));
    for (const lang of ['id', 'en'] as const) for (const path of keyPaths(GLOSSARY[lang])) {
      const word = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], GLOSSARY[lang]);
      expect(word, `${lang} ${path}`).toMatch(/\S/);
    }
  });

  it('is what the CLI\'s messages are', () => {
    expect(t('id')).toBe(glossary('id'));
    expect(t('en').target).toBe('Target');
    expect(t('en')['on-track']).toBe('on track');
    expect(t('id').vsPrevious.month).toBe('vs bulan lalu');
  });

  it('gives the site its shared words', () => {
    for (const lang of ['id', 'en'] as const) {
      const g = glossary(lang);
      const w = words(lang);
      expect([w.target, w.value, w.period, w.status, w.attainment, w.change, w.share, w.noTarget, w.vsPrevious]).toEqual([g.target, g.value, g.period, g.status, g.attainment, g.change, g.share, g.noTarget, g.vsPrevious.month]);
      expect([w.months, w.quarters, w.years]).toEqual([g.grainHeadings.month, g.grainHeadings.quarter, g.grainHeadings.year]);
      const k = kpiWords(lang);
      expect([k.target, k.noTarget, k.vsPreviousMonth, k.grains.quarter]).toEqual([g.target, g.noTarget, g.vsPrevious.month, g.quarter]);
      expect(k.changeVs).toEqual(g.vsPrevious);
      expect(unitName('score', 'IDR', lang)).toBe(g.units.score);
      expect(reportWords(lang).mark).toEqual({ 'on-track': g['on-track'], 'at-risk': g['at-risk'], 'off-track': g['off-track'] });
      expect(reportWords(lang).grainHeading).toEqual(g.grainHeadings);
      expect(teamWords(lang).units['per-day']).toBe(g.units['per-day']);
      expect(teamWords(lang).target).toBe(g.target);
    }
  });

  it('gives the charts their status, unit and "not final" words', () => {
    expect(chartWords('id').notFinal).toBe('belum final');
    expect(chartWords('en').unit('percent', 'IDR')).toBe('percent (%)');
    expect(chartWords('id').unit('per-day', 'IDR')).toBe('per hari kerja');
    expect(chartWords('en').statusCounts({ onTrack: 14, atRisk: 8, offTrack: 2 })).toBe('14 periods on track, 8 at risk, 2 off track.');
    expect(chartWords('id').statusCounts({ onTrack: 1, atRisk: 0, offTrack: 3 })).toBe('1 periode sesuai target, 0 berisiko, 3 meleset.');
  });
});
