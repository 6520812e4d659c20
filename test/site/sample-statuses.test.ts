/**
 * One status per number on the sample's own site: every page of the committed sample (data/ and
 * kpis/ of this repository), built for real by `npm run build` (validation, ~390 pages, the
 * PDF of the latest month when Chromium is there), shows only the statuses its report model
 * holds (test/site/status-walk.ts). It costs a full build, so it runs with CAPAIAN_SLOW=1 (as
 * .ci/run does, which builds the sample nowhere else); the fixture site runs the same walk on
 * every test run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/site/site-data.ts';
import { findChromium } from '../browser/browser-support.ts';
import { BUILD_TIMEOUT_MS, COMMIT, listPages, REPO, runBuildSite, TODAY } from './site-build.ts';
import { walkStatuses } from './status-walk.ts';

const SLOW = process.env.CAPAIAN_SLOW === '1';
let parent: string | undefined;
let dist = '';
let log = '';

beforeAll(async () => {
  if (!SLOW) return;
  const builds = join(REPO, 'node_modules', '.cache', 'capaian-site-tests');
  mkdirSync(builds, { recursive: true });
  parent = mkdtempSync(join(builds, 'sample-'));
  dist = join(parent, 'dist');
  const env: NodeJS.ProcessEnv = { ...process.env, CAPAIAN_ROOT: REPO, CAPAIAN_DIST: dist, CAPAIAN_CACHE: join(parent, 'cache'), CAPAIAN_TODAY: TODAY, CAPAIAN_COMMIT: COMMIT, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  delete env.BASE;
  delete env.SITE;
  delete env.CAPAIAN_PDF;
  log = await runBuildSite(env);
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  if (parent) rmSync(parent, { recursive: true, force: true });
});

describe.runIf(SLOW)('the sample site, built by npm run build (CAPAIAN_SLOW=1)', () => {
  it('shows on every page only the statuses the report model holds', async () => {
    const pages = listPages(dist);
    const walk = walkStatuses(dist, pages, await loadReport(REPO));
    expect(pages.length).toBeGreaterThan(250);
    expect(walk.problems).toEqual([]);
    expect(walk.checked).toBeGreaterThan(pages.length);
    expect([...walk.seen].sort()).toEqual(expect.arrayContaining(['at-risk', 'none', 'not-final', 'on-track', 'off-track']));
  });

  it(`${findChromium() ? 'prints' : 'says it cannot print'} the latest month's report as a PDF in both languages`, () => {
    const printed = /printed the (\d{4}-\d{2}) report: (\S+), (\S+)/.exec(log);
    if (!findChromium()) {
      expect(printed).toBeNull();
      return;
    }
    expect(printed, log.slice(-2000)).not.toBeNull();
    for (const file of [printed![2]!, printed![3]!]) expect(existsSync(join(dist, file)), file).toBe(true);
  });
});
