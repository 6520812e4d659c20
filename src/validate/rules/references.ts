/**
 * Every id a record names exists: customers, reps, skus, leads, regions, segments, sources,
 * lost reasons, categories. Runs on records that failed their schema too (reading them with type checks), so
 * a wrong sku is reported in the same run as a misspelt field beside it.
 */
import { closest } from '../../issues/did-you-mean.ts';
import { formatPath, issue, type DocPath, type PendingIssue } from '../../issues/issue.ts';
import type { RecordFile } from '../repo-data.ts';
import type { RuleContext } from './context.ts';
import { subjectProblems } from '../../schema/activity-subject.ts';

interface Vocabulary {
  /** Singular and plural nouns for messages. */
  what: string;
  plural: string;
  /** Where the ids are defined, for the hint. */
  where: string;
  /** The file kind whose broken records also count as existing. */
  kind?: string;
  /** Null when the file that defines them is broken or missing: nothing can be checked. */
  ids: Set<string> | null;
  sorted?: string[];
}

type Loose = Record<string, unknown>;

export function references({ data, broken, unavailable }: RuleContext): PendingIssue[] {
  const out: PendingIssue[] = [];
  const brokenIds = new Set(broken.filter((b) => b.id !== undefined).map((b) => `${b.kind}:${b.id}`));
  const vocab = (what: string, plural: string, where: string, ids: Iterable<string>, source: string, kind?: string): Vocabulary => ({
    what,
    plural,
    where,
    ids: unavailable.has(source) ? null : new Set(ids),
    ...(kind ? { kind } : {}),
  });
  const c = data.company;
  const regions = vocab('region', 'regions', 'data/company.yaml under regions:', c.regions.map((r) => r.id), 'company');
  const segments = vocab('segment', 'segments', 'data/company.yaml under segments:', c.segments.map((s) => s.id), 'company');
  const sources = vocab('lead source', 'lead sources', 'data/company.yaml under lead_sources:', c.lead_sources.map((s) => s.id), 'company');
  const lostReasons = vocab('lost reason', 'lost reasons', 'data/company.yaml under lost_reasons:', c.lost_reasons.map((s) => s.id), 'company');
  const categories = vocab('category', 'categories', 'data/products.yaml under categories:', data.products.categories.map((x) => x.id), 'products');
  const reps = vocab('rep', 'reps', 'data/team.yaml', data.team.records.map((r) => r.id), 'team', 'team');
  const products = vocab('product', 'products', 'data/products.yaml', data.products.records.map((p) => p.sku), 'products', 'products');
  const customers = vocab('customer', 'customers', 'data/customers.yaml', data.customers.records.map((x) => x.id), 'customers', 'customers');
  const leads = vocab('lead', 'leads', 'the leads.yaml files', data.leads.flatMap((f) => f.records.map((l) => l.id)), 'leads', 'leads');

  // The field's path is put together only for a problem: millions of references are fine.
  const need = (v: Vocabulary, value: unknown, file: string, record: DocPath, recordDepth: number, field: string, ...sub: (string | number)[]) => {
    if (typeof value !== 'string' || !v.ids || v.ids.has(value) || (v.kind && brokenIds.has(`${v.kind}:${value}`))) return;
    const at = [...record, field, ...sub];
    v.sorted ??= [...v.ids].sort();
    const guess = closest(value, v.sorted);
    out.push(
      issue(file, at, 'unknown-reference', `${formatPath(at.slice(recordDepth))} "${value}" is not a known ${v.what}`, `${guess ? `did you mean "${guess}"? ` : ''}${v.plural} are listed in ${v.where}`),
    );
  };

  // Every record of a kind, valid or broken, as a loose mapping with its document path.
  const each = (files: RecordFile<unknown>[], kind: string, fn: (r: Loose, file: string, at: DocPath, depth: number) => void) => {
    for (const f of files) f.records.forEach((r, i) => fn(r as Loose, f.file, [...f.listAt, f.index[i]!], f.listAt.length + 1));
    for (const b of broken) if (b.kind === kind && b.raw && typeof b.raw === 'object' && !Array.isArray(b.raw)) fn(b.raw as Loose, b.file, b.at, b.at.length);
  };

  each([data.team], 'team', (r, file, at, d) => {
    need(regions, r.region, file, at, d, 'region');
    need(reps, r.manager, file, at, d, 'manager');
  });
  each([data.products], 'products', (p, file, at, d) => need(categories, p.category, file, at, d, 'category'));
  each([data.customers], 'customers', (x, file, at, d) => {
    need(regions, x.region, file, at, d, 'region');
    need(segments, x.segment, file, at, d, 'segment');
    // Valid records come normalized (owners, ownersWrittenAs): back to what the file says. Broken ones are as written.
    const written: Loose = x.ownersWrittenAs === 'owner' ? { owner: (x.owners as Loose[])[0]?.rep } : x.ownersWrittenAs === 'owners' ? { owners: x.owners } : x;
    need(reps, written.owner, file, at, d, 'owner');
    if (Array.isArray(written.owners)) written.owners.forEach((o, i) => need(reps, (o as Loose | null)?.rep, file, at, d, 'owners', i, 'rep'));
  });
  each(data.orders, 'orders', (o, file, at, d) => {
    need(customers, o.customer, file, at, d, 'customer');
    need(reps, o.rep, file, at, d, 'rep');
    if (Array.isArray(o.lines)) o.lines.forEach((l, i) => need(products, (l as Loose | null)?.sku, file, at, d, 'lines', i, 'sku'));
  });
  each(data.leads, 'leads', (l, file, at, d) => {
    need(reps, l.rep, file, at, d, 'rep');
    need(regions, l.region, file, at, d, 'region');
    need(sources, l.source, file, at, d, 'source');
    need(segments, l.segment, file, at, d, 'segment');
  });
  each(data.activities, 'activities', (a, file, at, d) => {
    need(reps, a.rep, file, at, d, 'rep');
    need(leads, a.lead, file, at, d, 'lead');
    need(customers, a.customer, file, at, d, 'customer');
    need(lostReasons, a.reason, file, at, d, 'reason');
    for (const problem of subjectProblems(a.type, a.lead !== undefined, a.customer !== undefined, a.reason !== undefined)) {
      if (problem === 'reason-not-lost') out.push(issue(file, [...at, 'reason'], problem, `a ${String(a.type)} activity has no lost reason: only a lost activity gives one`, 'remove "reason", or make the activity "type: lost"'));
      if (problem === 'missing-lead') out.push(issue(file, [...at, 'type'], problem, `a ${String(a.type)} activity must name the lead it closes`, 'add "lead: <lead id>"'));
      if (problem === 'won-without-customer') out.push(issue(file, [...at, 'type'], problem, 'a won activity must name the customer the lead became', 'add "customer: <customer id>" and list the new customer in data/customers.yaml'));
      if (problem === 'activity-without-subject') out.push(issue(file, at, problem, 'activity names neither a lead nor a customer', 'add "lead: <lead id>" or "customer: <customer id>"'));
    }
  });
  each(data.surveys, 'surveys', (s, file, at, d) => need(customers, s.customer, file, at, d, 'customer'));
  each(data.targets, 'targets', (t, file, at, d) => {
    need(reps, t.rep, file, at, d, 'rep');
    need(regions, t.region, file, at, d, 'region');
    need(categories, t.category, file, at, d, 'category');
    if ([t.rep, t.region, t.category].filter((x) => x !== undefined).length > 1) {
      out.push(issue(file, at, 'target-scope', 'a target is for the company, or for one rep, one region or one category, not several', 'split it into one target per scope'));
    }
  });
  return out;
}
