/** The reviews in the PR comment (src/diff/review-changes.ts): added, changed, actions set and closed, causes written. */
import { describe, expect, it } from 'vitest';
import { reviewChanges, reviewLines } from '../../src/diff/review-changes.ts';
import { buildReviews } from '../../src/report/reviews.ts';
import type { Report } from '../../src/report/model.ts';
import type { ParsedReview } from '../../src/validate/reviews.ts';
import type { Action } from '../../src/schema/review.ts';

const act = (id: string, status: Action['status']): Action => ({ id, kpi: 'net-sales', owner: 'andi', due: '2026-10-15', status, text: `do ${id}` });
const review = (period: string, actions: Action[], causes: { kpi: string; text: string }[] = []): ParsedReview => ({ file: `reviews/${period}.mdx`, period, grain: 'month', lang: 'id', participants: ['andi'], causes, actions, annotations: [], kpisEmbedded: [] });
const reportOf = (reviews: ParsedReview[]) => ({ reviews: buildReviews(reviews, 1, '2026-10-31') }) as unknown as Report;

describe('review changes', () => {
  const base = reportOf([review('2026-09', [act('A', 'open'), act('B', 'open')])]);
  it('a new review with a carried-over action closed, a new action and a cause written', () => {
    const head = reportOf([review('2026-09', [act('A', 'open'), act('B', 'open')]), review('2026-10', [act('A', 'done'), act('C', 'open')], [{ kpi: 'net-sales', text: 'Hujan <b>deras</b>' }])]);
    const got = reviewChanges(base, head);
    expect(got).toEqual([
      {
        file: 'reviews/2026-10.mdx',
        period: '2026-10',
        status: 'added',
        // A is carried over (set in September), so not new; closed here. C is new.
        newActions: [{ id: 'C', kpi: 'net-sales', owner: 'andi', due: '2026-10-15' }],
        closedActions: [{ id: 'A', status: 'done' }],
        newCauses: [{ kpi: 'net-sales', text: 'Hujan <b>deras</b>' }],
        newAnnotations: [],
      },
    ]);
    const { heading, lines } = reviewLines(got, 'en', (k) => k);
    expect(heading).toBe('### Team reviews');
    expect(lines[0]).toBe('- <code>reviews/2026-10.mdx</code>: new review, 1 new action, 1 action closed, 1 cause written');
    // Text from a review never becomes markup in the comment.
    expect(lines.join('\n')).not.toContain('<b>');
  });
  it('an action closed in place in the review that set it', () => {
    const head = reportOf([review('2026-09', [act('A', 'open'), act('B', 'dropped')])]);
    const got = reviewChanges(base, head);
    expect(got.map((c) => [c.file, c.status, c.newActions.length, c.closedActions])).toEqual([['reviews/2026-09.mdx', 'changed', 0, [{ id: 'B', status: 'dropped' }]]]);
  });
  it('no change, no entry; a review removed is listed', () => {
    expect(reviewChanges(base, base)).toEqual([]);
    expect(reviewChanges(base, reportOf([])).map((c) => c.status)).toEqual(['removed']);
  });
});
