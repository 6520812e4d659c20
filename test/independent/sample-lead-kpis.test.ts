/**
 * A plain recomputation of the lead KPIs over the whole committed sample, from their descriptions:
 * read the YAML with js-yaml, loop over records, no code shared with the engine. The engine must
 * agree on every month and every rep.
 *
 * - leads-contacted-per-day: per rep, the distinct leads touched (contact, follow-up, meeting or
 *   won) on each day, added up, over the rep's working days while employed.
 * - conversion-rate-per-rep: per the lead's assigned rep, leads with a won activity in the month
 *   over leads with any activity in the month.
 * - follow-up-24h: of the leads created in the month at least 24 hours before the end of the data,
 *   the share whose first touch (before any lost) came within 24 hours.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleReport } from '../support/repo.ts';
import type { Report } from '../../src/report/model.ts';

const ROOT = join(import.meta.dirname, '..', '..');

interface Lead { id: string; created: string; rep: string }
interface Activity { id: string; at: string; type: string; rep: string; lead?: string }
interface Rep { id: string; joined: string; left?: string }
interface Company { working_days: string[]; holidays: { date: string }[]; timezone: string }

function load<T>(path: string): T[] {
  return (yaml.load(readFileSync(path, 'utf8'), { schema: yaml.CORE_SCHEMA }) as T[] | null) ?? [];
}

const leads: Lead[] = [];
const activities: Activity[] = [];
const months: string[] = [];
for (const y of readdirSync(join(ROOT, 'data')).filter((d) => /^\d{4}$/.test(d))) {
  for (const m of readdirSync(join(ROOT, 'data', y))) {
    months.push(`${y}-${m}`);
    const dir = join(ROOT, 'data', y, m);
    if (existsSync(join(dir, 'leads.yaml'))) leads.push(...load<Lead>(join(dir, 'leads.yaml')));
    if (existsSync(join(dir, 'activities.yaml'))) activities.push(...load<Activity>(join(dir, 'activities.yaml')));
  }
}
months.sort();
const team = load<Rep>(join(ROOT, 'data', 'team.yaml'));
const company = yaml.load(readFileSync(join(ROOT, 'data', 'company.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA }) as Company;

// The sample writes company wall-clock times without an offset, in a zone without daylight
// saving: differences between them are real durations.
const ms = (wall: string) => Date.parse(`${wall}Z`);
const HOUR = 3_600_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const holidays = new Set(company.holidays.map((h) => h.date));
const isTouch = (a: Activity) => a.type !== 'lost';

/** The rep's working days in month YYYY-MM while employed. */
function workingDays(rep: Rep, month: string): number {
  let n = 0;
  for (let t = Date.parse(`${month}-01T00:00Z`); new Date(t).toISOString().slice(0, 7) === month; t += 24 * HOUR) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day < rep.joined || (rep.left && day > rep.left)) continue;
    if (company.working_days.includes(WEEKDAYS[new Date(t).getUTCDay()]!) && !holidays.has(day)) n++;
  }
  return n;
}

let report: Report;
beforeAll(() => {
  report = sampleReport(ROOT);
});

const engine = (kpi: string) => new Map(report.kpis.find((k) => k.id === kpi)!.values.month!.map((v) => [v.period, v]));
const memberOf = (v: { breakdowns: Record<string, { member: string; value: number | null }[]> }, rep: string) => v.breakdowns.rep!.find((m) => m.member === rep)?.value;

describe('the lead KPIs agree with a plain recomputation over the sample', () => {
  it('has a real sample to check', () => {
    expect(months).toHaveLength(24);
    expect(leads.length).toBeGreaterThan(3000);
    expect(activities.length).toBeGreaterThan(20000);
    expect(company.timezone).toBe('Asia/Jakarta');
  });

  it('leads-contacted-per-day per month and per rep', () => {
    const leadDays = new Map<string, Set<string>>();
    for (const a of activities) {
      if (!a.lead || !isTouch(a)) continue;
      const k = `${a.at.slice(0, 7)}|${a.rep}`;
      if (!leadDays.has(k)) leadDays.set(k, new Set());
      leadDays.get(k)!.add(`${a.lead}|${a.at.slice(0, 10)}`);
    }
    const e = engine('leads-contacted-per-day');
    for (const month of months) {
      let count = 0;
      let days = 0;
      for (const rep of team) {
        const n = leadDays.get(`${month}|${rep.id}`)?.size ?? 0;
        const d = workingDays(rep, month);
        count += n;
        days += d;
        if (d > 0) expect(memberOf(e.get(month)!, rep.id), `${month} ${rep.id}`).toBeCloseTo(n / d, 10);
      }
      expect(e.get(month)!.value, month).toBeCloseTo(count / days, 10);
    }
  });

  it("conversion-rate-per-rep per month, by the lead's rep", () => {
    const repOf = new Map(leads.map((l) => [l.id, l.rep]));
    const handled = new Map<string, Set<string>>();
    const won = new Map<string, Set<string>>();
    const add = (m: Map<string, Set<string>>, k: string, lead: string) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(lead);
    for (const a of activities) {
      if (!a.lead) continue;
      const k = `${a.at.slice(0, 7)}|${repOf.get(a.lead)}`;
      add(handled, k, a.lead);
      if (a.type === 'won') add(won, k, a.lead);
    }
    const e = engine('conversion-rate-per-rep');
    for (const month of months) {
      for (const rep of team) {
        const h = handled.get(`${month}|${rep.id}`)?.size ?? 0;
        if (h === 0) continue;
        expect(memberOf(e.get(month)!, rep.id), `${month} ${rep.id}`).toBeCloseTo((won.get(`${month}|${rep.id}`)?.size ?? 0) / h, 10);
      }
    }
  });

  it('follow-up-24h per month', () => {
    const last = months[months.length - 1]!;
    const [y, m] = last.split('-').map(Number) as [number, number];
    const end = Date.UTC(y, m, 1); // midnight after the last day of the last month
    const byLead = new Map<string, Activity[]>();
    for (const a of activities) if (a.lead) (byLead.get(a.lead) ?? byLead.set(a.lead, []).get(a.lead)!).push(a);
    const counted = new Map<string, number>();
    const inTime = new Map<string, number>();
    for (const l of leads) {
      const created = ms(l.created);
      if (end - created < 24 * HOUR) continue; // maturing: not counted yet
      const month = l.created.slice(0, 7);
      counted.set(month, (counted.get(month) ?? 0) + 1);
      const acts = (byLead.get(l.id) ?? []).sort((a, b) => ms(a.at) - ms(b.at) || (a.id < b.id ? -1 : 1));
      const firstLost = acts.findIndex((a) => a.type === 'lost');
      const touch = acts.findIndex(isTouch);
      if (touch >= 0 && (firstLost < 0 || touch < firstLost) && ms(acts[touch]!.at) - created <= 24 * HOUR) inTime.set(month, (inTime.get(month) ?? 0) + 1);
    }
    const e = engine('follow-up-24h');
    for (const month of months) expect(e.get(month)!.value, month).toBeCloseTo((inTime.get(month) ?? 0) / counted.get(month)!, 10);
    expect(e.get(last)!.notes).toContain('maturing');
  });
});
