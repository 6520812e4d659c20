/** An id used twice anywhere, across files too; the message names the first place. */
import { issue, type DocPath, type PendingIssue } from '../issue.ts';
import type { RecordFile } from '../repo-data.ts';
import type { BrokenRecord, RuleContext } from './index.ts';

interface Place {
  id: string;
  file: string;
  at: DocPath;
}
import { eachRecord } from './each-record.ts';

export function duplicateIds({ data, broken }: RuleContext): PendingIssue[] {
  const out: PendingIssue[] = [];
  const c = data.company;
  const vocab = (what: string, list: { id: string }[], key: string) =>
    check(out, what, [{ file: 'data/company.yaml', records: list, index: list.map((_, i) => i), listAt: [key] }], 'id', []);
  vocab('region', c.regions, 'regions');
  vocab('segment', c.segments, 'segments');
  vocab('lead source', c.lead_sources, 'lead_sources');
  const cats = data.products.categories;
  check(out, 'category', [{ file: data.products.file, records: cats, index: cats.map((_, i) => i), listAt: ['categories'] }], 'id', []);
  check(out, 'rep', [data.team], 'id', brokenOf(broken, 'team'));
  check(out, 'product sku', [data.products], 'sku', brokenOf(broken, 'products'));
  check(out, 'customer', [data.customers], 'id', brokenOf(broken, 'customers'));
  check(out, 'goal', [data.goals], 'id', brokenOf(broken, 'goals'));
  check(out, 'order', data.orders, 'id', brokenOf(broken, 'orders'));
  check(out, 'lead', data.leads, 'id', brokenOf(broken, 'leads'));
  check(out, 'activity', data.activities, 'id', brokenOf(broken, 'activities'));
  check(out, 'survey', data.surveys, 'id', brokenOf(broken, 'surveys'));
  targets(out, data);
  return out;
}

/** The broken records of one kind. */
function brokenOf(broken: BrokenRecord[], kind: string): Place[] {
  return broken.filter((b): b is BrokenRecord & { id: string } => b.kind === kind && b.id !== undefined);
}

/**
 * Reports every repeat of an id. Records that failed their schema still take part, so a
 * duplicate is not hidden behind another error in the same record.
 */
function check<T>(out: PendingIssue[], what: string, files: RecordFile<T>[], key: keyof T & string, broken: Place[]): void {
  const first = new Map<unknown, { file: string; at: DocPath }>();
  const places: Place[] = [...broken];
  eachRecord(files, (r, file, at) => places.push({ id: r[key] as string, file, at }));
  // Reading order, so "first" is the earlier place in the repository.
  places.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.at[a.at.length - 1] as number) - (b.at[b.at.length - 1] as number)));
  for (const { id, file, at } of places) {
    const seen = first.get(id);
    if (seen) {
      out.push({
        ...issue(file, [...at, key], 'duplicate-id', `${what} ${key} "${String(id)}" is used twice`, `${key}s must be unique across all files; give one of them a new ${key}`),
        related: { file: seen.file, at: [...seen.at, key] },
      });
    } else first.set(id, { file, at });
  }
}

/** The same KPI, period and scope given two targets. */
function targets(out: PendingIssue[], data: RuleContext['data']): void {
  const first = new Map<string, { file: string; at: DocPath }>();
  eachRecord(data.targets, (t, file, at) => {
    const scope = t.rep ? `rep ${t.rep}` : t.region ? `region ${t.region}` : t.category ? `category ${t.category}` : 'company';
    const key = `${t.kpi}|${t.period}|${scope}`;
    const seen = first.get(key);
    if (seen) {
      out.push({
        ...issue(file, at, 'duplicate-target', `target for ${t.kpi} in ${t.period} (${scope}) is given twice`, 'keep one of the two'),
        related: seen,
      });
    } else first.set(key, { file, at });
  });
}
