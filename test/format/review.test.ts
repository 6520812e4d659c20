/**
 * A review's frontmatter in canonical form (`capaian fmt`), and the skeleton `capaian new-month`
 * starts a month's review with: off-track KPIs listed as causes to fill, open actions carried
 * over, valid as it stands, canonical as written.
 */
import { describe, expect, it } from 'vitest';
import { newMonthCommand } from '../../src/commands/new-month.ts';
import { formatReview, reviewSkeleton } from '../../src/format/review.ts';
import { buildReviews } from '../../src/report/reviews.ts';
import type { Report } from '../../src/report/model.ts';
import { checkReviews } from '../../src/validate/reviews.ts';

const messy = `---
actions:
  - text: Kunjungi ulang toko.   # di Medan
    status: open
    owner: hendra
    kpi: net-sales
    due: 2026-11-15
    id: 2026-10-1
period: 2026-10
participants: [hendra]
---

Narasi <Kpi id="net-sales" />,   spasi   dibiarkan.
`;

describe('formatReview', () => {
  it('puts the frontmatter in schema order, keeps the comment, leaves the body byte for byte', () => {
    const out = formatReview(messy, 'reviews/2026-10.mdx').text!;
    expect(out).toBe(`---
period: 2026-10
participants: [hendra]
actions:
  - id: 2026-10-1
    kpi: net-sales
    owner: hendra
    due: 2026-11-15
    status: open
    text: Kunjungi ulang toko. # di Medan
---

Narasi <Kpi id="net-sales" />,   spasi   dibiarkan.
`);
    expect(formatReview(out, 'reviews/2026-10.mdx').text).toBe(out);
  });
  it('refuses a file without frontmatter, and reports bad YAML at the file\'s line', () => {
    expect(formatReview('Narasi saja\n', 'reviews/x.mdx').issues![0]!.code).toBe('no-frontmatter');
    const bad = formatReview('---\nperiod: 2026-10\nparticipants: [a\n---\n', 'reviews/2026-10.mdx');
    expect(bad.issues![0]!.line).toBeGreaterThanOrEqual(3);
  });
});

/** A report with what the skeleton reads: the month's statuses, reps, KPIs, the reviews' actions. */
function report(): Report {
  const kpi = (id: string, status: string | null, breakdowns: string[] = []) => ({ id, breakdowns, values: { month: [{ period: '2026-10', status }] } });
  return {
    company: { locale: 'id-ID', fiscalYearStart: 1 },
    kpis: [kpi('net-sales', 'on-track', ['region']), kpi('new-customers', 'off-track', ['region']), kpi('sales-growth', 'off-track')],
    team: {
      reps: [
        { id: 'andi', joined: '2022-01-01', lastMonth: '2026-10' },
        { id: 'yosef', joined: '2020-01-01', lastMonth: '2026-02' },
        { id: 'rina', joined: '2026-11-01', lastMonth: null },
      ],
    },
    reviews: buildReviews(
      [{ file: 'reviews/2026-09.mdx', period: '2026-09', grain: 'month', lang: 'id', participants: ['andi'], causes: [], annotations: [], kpisEmbedded: [], actions: [
        { id: '2026-09-1', kpi: 'new-customers', owner: 'andi', due: '2026-10-15', status: 'open', text: 'Kunjungi: 25 toko' },
        { id: '2026-09-2', kpi: 'net-sales', owner: 'andi', due: '2026-10-31', status: 'done', text: 'Selesai' },
      ] }],
      1,
      '2026-10-31',
    ),
  } as unknown as Report;
}

describe('reviewSkeleton', () => {
  const text = reviewSkeleton(report(), '2026-10');
  it('lists the reps of the month, the off-track KPIs as causes to fill, the open actions carried over', () => {
    expect(text).toContain('participants: [andi]\n');
    expect(text).toContain('# - kpi: new-customers\n#   text:\n# - kpi: sales-growth\n#   text:\ncauses: []\n');
    expect(text).toContain('  - id: 2026-09-1\n');
    expect(text).not.toContain('2026-09-2');
    // Examples of embeds name a KPI of the repository, as code until written.
    expect(text).toContain('`<Kpi id="new-customers" />`');
  });
  it('is canonical and valid as it stands', () => {
    expect(formatReview(text, 'reviews/2026-10.mdx').text).toBe(text);
    const check = checkReviews([{ path: 'reviews/2026-10.mdx', bytes: new TextEncoder().encode(text) }], {
      kpis: new Set(['net-sales', 'new-customers', 'sales-growth']),
      reps: new Set(['andi', 'yosef', 'rina']),
      regions: new Set(),
      categories: new Set(),
      lostReasons: new Set(),
      months: ['2026-10'],
      fyStart: 1,
    });
    expect(check.issues).toEqual([]);
    expect(check.reviews[0]!.actions.map((a) => a.id)).toEqual(['2026-09-1']);
  });
  it('new-month writes it for the month that closed, never over an existing review', async () => {
    const written = new Map<string, string>();
    const out: string[] = [];
    const fx = {
      exists: async (p: string) => p === 'data' || written.has(p),
      write: async (p: string, t: string) => void written.set(p, t),
      out: (l: string) => void out.push(l),
      reviewSkeleton: async (month: string) => (month === '2026-10' ? text : null),
    };
    expect(await newMonthCommand({ month: '2026-11', root: '.' }, fx)).toBe(0);
    expect(written.get('reviews/2026-10.mdx')).toBe(text);
    expect(out[1]).toMatch(/^created reviews\/2026-10\.mdx: /);
    written.set('reviews/2025-12.mdx', 'mine');
    expect(await newMonthCommand({ month: '2026-01', root: '.' }, fx)).toBe(0);
    expect(written.get('reviews/2025-12.mdx')).toBe('mine');
  });
});
