/** An id used twice anywhere, across files too; the message names the first place. */
import { issue, type DocPath, type PendingIssue } from '../../issues/issue.ts';
import type { RecordFile } from '../repo-data.ts';
import type { BrokenRecord, RuleContext } from './context.ts';

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
  vocab('lost reason', c.lost_reasons, 'lost_reasons');
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
 * duplicate is not hidden behind another error in the same record. Files come in reading order
 * and records in file order, so walking them (with each file's broken records merged in by
 * position) meets the first place of an id first; nothing is sorted.
 */
function check<T>(out: PendingIssue[], what: string, files: RecordFile<T>[], key: keyof T & string, broken: Place[]): void {
  const first = new Map<unknown, { file: string; listAt: DocPath; index: number }>();
  const visit = (id: unknown, file: string, listAt: DocPath, index: number) => {
    const seen = first.get(id);
    if (!seen) {
      first.set(id, { file, listAt, index });
      return;
    }
    out.push({
      ...issue(file, [...listAt, index, key], 'duplicate-id', `${what} ${key} "${String(id)}" is used twice`, `${key}s must be unique across all files; give one of them a new ${key}`),
      related: { file: seen.file, at: [...seen.listAt, seen.index, key] },
    });
  };
  const indexOf = (b: Place) => b.at[b.at.length - 1] as number;
  const brokenIn = new Map<string, Place[]>();
  for (const b of broken) {
    const list = brokenIn.get(b.file);
    if (list) list.push(b);
    else brokenIn.set(b.file, [b]);
  }
  const visitBroken = (b: Place) => visit(b.id, b.file, b.at.slice(0, -1), indexOf(b));
  const order = [...new Set([...files.map((f) => f.file), ...brokenIn.keys()])].sort();
  const byFile = new Map(files.map((f) => [f.file, f]));
  for (const file of order) {
    const f = byFile.get(file);
    const bs = (brokenIn.get(file) ?? []).sort((a, b) => indexOf(a) - indexOf(b));
    let j = 0;
    for (let i = 0; f && i < f.records.length; i++) {
      const index = f.index[i]!;
      while (j < bs.length && indexOf(bs[j]!) < index) visitBroken(bs[j++]!);
      visit(f.records[i]![key], file, f.listAt, index);
    }
    while (j < bs.length) visitBroken(bs[j++]!);
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
