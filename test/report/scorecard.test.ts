/**
 * The report `capaian compute` builds for its table and CSV (runPipeline with only: 'scorecard',
 * a ReportCore): the same KPIs, lints and reviews as the whole report, without the views the site
 * reads (insights, team), the KPI sources or the lint positions. The fixture site with its
 * reviews, and andi (owner of the open action R-1) leaving, so that a review lint reads the team.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.ts';
import { fileOf, readTree } from '../support/repo.ts';

const site = readTree(new URL('../fixtures/site', import.meta.url).pathname);
const reviews = readTree(new URL('../fixtures/site-reviews/reviews', import.meta.url).pathname).map((f) => ({ ...f, path: `reviews/${f.path}` }));
const files = [...site, ...reviews].map((f) => (f.path === 'data/team.yaml' ? fileOf(f.path, new TextDecoder().decode(f.bytes).replace('  joined: 2025-01-01\n', '  joined: 2025-01-01\n  left: 2026-04-30\n')) : f));
const options = { today: '2026-05-10' };
const whole = runPipeline(files, [], options).report!;
const core = runPipeline(files, [], { ...options, only: 'scorecard' }).report!;

describe('the scorecard report', () => {
  it('holds every KPI value, target and status of the whole report', () => {
    expect(core.kpis.map(({ source: _, ...k }) => k)).toEqual(whole.kpis.map(({ source: _, ...k }) => k));
    expect(whole.kpis.every((k) => k.source)).toBe(true);
  });
  it('holds the same lints, the reviews among them (an open action whose owner left)', () => {
    expect(core.lints.map((l) => [l.code, l.message.en])).toEqual(whole.lints.map((l) => [l.code, l.message.en]));
    expect(core.lints.find((l) => l.code === 'action-owner-left')?.message.en).toMatch(/^Action R-1 is still open but its owner andi left on 2026-04-30/);
    expect(core.reviews).toEqual(whole.reviews);
  });
  it('has no views, sources or lint positions: the JSON reads the whole report', () => {
    expect(Object.keys(whole)).toEqual([...Object.keys(core).filter((k) => k !== 'reviews'), 'insights', 'team', 'reviews']);
    expect(core.kpis.some((k) => k.source)).toBe(false);
    expect(whole.lints.some((l) => l.line)).toBe(true);
  });
});
