/**
 * A lead's story must make sense in time: no activity before the lead was created, closed at
 * most once (one won or one lost), reps active on the dates they are credited with, and a
 * rep's employment running forward (left on or after joined).
 */
import { dayOf, dayText, instantOf, localDay } from '../../ingest/days.ts';
import type { Rep } from '../../schema/team.ts';
import { ownershipPath } from '../../schema/customers.ts';
import { formatPath, issue, type DocPath, type PendingIssue } from '../../issues/issue.ts';
import type { RuleContext } from './context.ts';
import { eachRecord } from './each-record.ts';

export function lifecycle({ data }: RuleContext): PendingIssue[] {
  const out: PendingIssue[] = [];
  const tz = data.company.timezone;
  const created = new Map<string, { at: number; text: string }>();
  eachRecord(data.leads, (l) => created.set(l.id, { at: instantOf(l.created, tz), text: l.created }));

  const closed = new Map<string, { type: string; file: string; at: DocPath }>();
  eachRecord(data.activities, (a, file, at) => {
    if (!a.lead) return;
    const lead = created.get(a.lead);
    if (lead && instantOf(a.at, tz) < lead.at) {
      out.push(issue(file, [...at, 'at'], 'before-lead', `at ${a.at} is before lead ${a.lead} was created (${lead.text})`, 'correct the date-time of the activity or of the lead'));
    }
    if (a.type !== 'won' && a.type !== 'lost') return;
    const first = closed.get(a.lead);
    if (first) {
      const what = first.type === a.type ? `a second ${a.type}` : `both ${first.type} and ${a.type}`;
      out.push({
        ...issue(file, [...at, 'type'], 'closed-twice', `lead ${a.lead} has ${what}`, 'a lead is won or lost once; remove one, or record a new lead for a new attempt'),
        related: { file: first.file, at: [...first.at, 'type'] },
      });
    } else closed.set(a.lead, { type: a.type, file, at });
  });

  // A rep's last day is on or after their first.
  eachRecord([data.team], (r, file, at) => {
    if (r.left !== undefined && dayOf(r.left) < dayOf(r.joined)) {
      out.push(issue(file, [...at, 'left'], 'left-before-joined', `left ${r.left} is before joined ${r.joined}`, 'left is the last day with the company, on or after joined; correct one of the two dates'));
    }
  });

  // Days as numbers (days since 1970); the text of a day only for a warning.
  const reps = new Map(data.team.records.map((r) => [r.id, { rep: r, from: dayOf(r.joined), to: r.left ? dayOf(r.left) : Infinity }]));
  const activeOn = (repId: string, day: number, file: string, at: DocPath) => {
    const t = reps.get(repId);
    if (!t || (day >= t.from && day <= t.to)) return;
    out.push(repInactive(file, at, t.rep, day, day < t.from));
  };
  eachRecord(data.orders, (o, file, at) => activeOn(o.rep, dayOf(o.date), file, at));
  eachRecord(data.activities, (a, file, at) => activeOn(a.rep, localDay(instantOf(a.at, tz), tz), file, at));
  // An account taken over by a rep who was not employed that day. An entry "since always" has
  // no day to compare: the data cannot tell when that rep took the account.
  eachRecord([data.customers], (c, file, at) => {
    c.owners.forEach((o, i) => {
      const t = reps.get(o.rep);
      if (!t || o.from === null) return;
      const day = dayOf(o.from);
      if (day >= t.from && day <= t.to) return;
      const path = ownershipPath(c, i);
      const when = day < t.from ? `before ${t.rep.name} (${o.rep}) joined (${t.rep.joined})` : `after ${t.rep.name} (${o.rep}) left (${t.rep.left})`;
      out.push(issue(file, [...at, ...path, 'from'], 'owner-inactive', `${formatPath([...path, 'from'])} ${o.from} is ${when}`, 'an account is taken over by a rep employed on that day: correct the date or the rep here, or joined/left in data/team.yaml', 'warning'));
    });
  });
  return out;
}

/** The warning for a rep credited on `day` (days since 1970), before they joined or after they left. */
export function repInactive(file: string, at: DocPath, rep: Rep, day: number, beforeJoining: boolean): PendingIssue {
  const when = beforeJoining ? `before ${rep.name} joined (${rep.joined})` : `after ${rep.name} left (${rep.left})`;
  return issue(file, [...at, 'rep'], 'rep-inactive', `rep ${rep.id} is credited on ${dayText(day)}, ${when}`, 'credit the rep who handled it, or correct joined/left in data/team.yaml', 'warning');
}
