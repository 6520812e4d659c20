/**
 * A lost activity's reason: a ref to company.yaml's lost_reasons, read alike by the fast path and
 * the full checker, refused when unknown (did you mean) or given on any other type of activity,
 * and broken down by in the lead KPIs (kpis/lost-leads.yaml), a lost lead without a reason
 * counting as "unspecified". Worked by hand on the test fixture (andi's leads of March 2026).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCanonical } from '../../src/ingest/canonical-reader.ts';
import { readRepoFiles } from '../../src/load/read-repo.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { validateFull, validateRepo, type SourceFile } from '../../src/validate/validate-repo.ts';
import { formatYaml } from '../../src/format/format-file.ts';

const FIXTURE = new URL('../fixtures/valid/', import.meta.url).pathname;
const LOST_LEADS_KPI = readFileSync(new URL('../../kpis/lost-leads.yaml', import.meta.url), 'utf8');

async function filesOf(replace: Record<string, string>): Promise<SourceFile[]> {
  const read = await readRepoFiles(FIXTURE, ['data', 'kpis']);
  const files = new Map(read.files.map((f) => [f.path, f.bytes]));
  for (const [p, text] of Object.entries(replace)) files.set(p, new TextEncoder().encode(text));
  return [...files].map(([path, bytes]) => ({ path, bytes }));
}

const COMPANY = `${readFileSync(`${FIXTURE}data/company.yaml`, 'utf8')}lost_reasons:
  - { id: price, name: { id: Harga, en: Price } }
  - { id: competitor, name: { id: Pesaing, en: Competitor } }
  - { id: no_response, name: { id: Tidak ada respons, en: No response } }
`;

const LEADS = `- { id: L-1, created: 2026-03-02T09:00, source: referral, rep: andi, region: jakarta }
- { id: L-2, created: 2026-03-02T10:00, source: referral, rep: andi, region: jakarta }
- { id: L-3, created: 2026-03-02T11:00, source: referral, rep: andi, region: bandung }
- { id: L-4, created: 2026-03-02T12:00, source: referral, rep: andi, region: bandung }
- { id: L-5, created: 2026-03-02T13:00, source: referral, rep: andi, region: jakarta }
`;

// L-1 won; L-2 and L-5 lost on price, L-3 to a competitor, L-4 lost with no reason written.
const ACTIVITIES = `- id: A-1
  at: 2026-03-02T13:00
  type: contact
  rep: andi
  lead: L-1
- id: A-2
  at: 2026-03-05T10:00
  type: won
  rep: andi
  lead: L-1
  customer: C1
- id: A-3
  at: 2026-03-06T10:00
  type: lost
  rep: andi
  lead: L-2
  reason: price
  note: Minta diskon besar
- id: A-4
  at: 2026-03-09T10:00
  type: lost
  rep: andi
  lead: L-3
  reason: competitor
- id: A-5
  at: 2026-03-10T10:00
  type: lost
  rep: andi
  lead: L-4
- id: A-6
  at: 2026-03-11T10:00
  type: lost
  rep: andi
  lead: L-5
  reason: price
`;

const ACTS = 'data/2026/03/activities.yaml';
const base = { 'data/company.yaml': COMPANY, 'data/2026/03/leads.yaml': LEADS, [ACTS]: ACTIVITIES };
const lines = (issues: { level: string; file: string; line?: number; column?: number; message: string; hint?: string }[]) => issues.map((i) => `${i.level} ${i.file}:${i.line}:${i.column} ${i.message} (${i.hint})`);

describe("a lost activity's reason", () => {
  it('is read by the canonical reader and both paths alike, and fmt keeps it before the note', async () => {
    expect(readCanonical(ACTIVITIES, 'activities', ACTS, '2026-03', 'Asia/Jakarta')).toBeDefined();
    const files = await filesOf(base);
    const fast = validateRepo(files);
    const full = validateFull(files);
    expect(fast.data).not.toBeNull();
    expect(fast.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(fast.issues).toEqual(full.issues);
    expect(formatYaml(ACTIVITIES, 'activities', ACTS).text).toBe(ACTIVITIES);
    expect(formatYaml(ACTIVITIES.replace('  reason: price\n  note: Minta diskon besar\n', '  note: Minta diskon besar\n  reason: price\n'), 'activities', ACTS).text).toBe(ACTIVITIES);
  });

  it('must be one of company.yaml lost_reasons: an unknown one is an error at its place, with the closest id', async () => {
    const files = await filesOf({ ...base, [ACTS]: ACTIVITIES.replace('reason: competitor', 'reason: competitr') });
    const fast = validateRepo(files);
    const full = validateFull(files);
    expect(fast.data).toBeNull();
    // A-4's reason is on line 24, after "  reason: " (column 11).
    expect(lines(fast.issues.filter((i) => i.level === 'error'))).toEqual([`error ${ACTS}:24:11 reason "competitr" is not a known lost reason (did you mean "competitor"? lost reasons are listed in data/company.yaml under lost_reasons:)`]);
    expect(fast.issues).toEqual(full.issues);
  });

  it('is an error on any activity that is not lost', async () => {
    const files = await filesOf({ ...base, [ACTS]: ACTIVITIES.replace('  lead: L-1\n- id: A-2', '  lead: L-1\n  reason: timing\n- id: A-2') });
    const fast = validateRepo(files);
    const full = validateFull(files);
    expect(fast.data).toBeNull();
    // Both problems of A-1's reason at once: not a lost activity, and not a known reason.
    expect(lines(fast.issues.filter((i) => i.level === 'error'))).toEqual([
      `error ${ACTS}:6:11 a contact activity has no lost reason: only a lost activity gives one (remove "reason", or make the activity "type: lost")`,
      `error ${ACTS}:6:11 reason "timing" is not a known lost reason (lost reasons are listed in data/company.yaml under lost_reasons:)`,
    ]);
    expect(fast.issues).toEqual(full.issues);
  });

  it('breaks the leads lost down by reason, a lost lead without one counting as unspecified', async () => {
    const { report } = runPipeline(await filesOf({ ...base, 'kpis/lost-leads.yaml': LOST_LEADS_KPI }), []);
    expect(report).not.toBeNull();
    const kpi = report!.kpis.find((k) => k.id === 'lost-leads')!;
    const march = kpi.values.month!.find((v) => v.period === '2026-03')!;
    // Four leads lost in March (L-2, L-3, L-4, L-5); L-1 was won and is not counted.
    expect(march.value).toBe(4);
    const byReason = Object.fromEntries(march.breakdowns.lost_reason!.map((m) => [m.member, m.value]));
    // price: L-2 and L-5; competitor: L-3; unspecified: L-4; no_response: none.
    expect(byReason).toMatchObject({ price: 2, competitor: 1, unspecified: 1 });
    expect(byReason.no_response ?? 0).toBe(0);
    expect(Object.values(byReason).reduce((a, b) => a! + (b ?? 0), 0)).toBe(4);
    // By region: jakarta L-2, L-5; bandung L-3, L-4.
    expect(Object.fromEntries(march.breakdowns.region!.map((m) => [m.member, m.value]))).toMatchObject({ jakarta: 2, bandung: 2 });
    expect(report!.labels.lost_reason).toMatchObject({ price: { id: 'Harga', en: 'Price' }, unspecified: { id: 'tidak disebut', en: 'unspecified' } });
  });
});
