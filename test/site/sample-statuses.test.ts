/**
 * One status per number on the sample's own site: every page of the committed sample (data/ and
 * kpis/ of this repository), built for real, shows only the statuses its report model holds
 * (test/site/status-walk.ts). It costs a full build of ~300 pages, so it runs with
 * CAPAIAN_SLOW=1 (as .ci/run does); the fixture site runs the same walk on every test run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/site/site-data.ts';
import { BUILD_TIMEOUT_MS, buildFixtureSite, listPages, REPO, type BuiltSite } from './site-build.ts';
import { walkStatuses } from './status-walk.ts';

const SLOW = process.env.CAPAIAN_SLOW === '1';
let site: BuiltSite | undefined;

beforeAll(async () => {
  if (SLOW) site = await buildFixtureSite('sample', REPO);
}, BUILD_TIMEOUT_MS);

afterAll(() => site?.remove());

describe('the built sample site', () => {
  it.skipIf(!SLOW)('shows on every page only the statuses the report model holds', async () => {
    const pages = listPages(site!.dir);
    const walk = walkStatuses(site!.dir, pages, await loadReport(REPO));
    expect(pages.length).toBeGreaterThan(250);
    expect(walk.problems).toEqual([]);
    expect(walk.checked).toBeGreaterThan(pages.length);
    expect([...walk.seen].sort()).toEqual(expect.arrayContaining(['at-risk', 'none', 'not-final', 'on-track', 'off-track']));
  });
});
