/** Every id a record names exists: customers, reps, skus, leads, regions, segments, sources, categories. */
import { closest } from '../did-you-mean.ts';
import { issue, type DocPath, type PendingIssue } from '../issue.ts';
import type { RuleContext } from './index.ts';
import { eachRecord } from './each-record.ts';

interface Vocabulary {
  /** Singular noun for messages. */
  what: string;
  /** Where the ids are defined, for the hint. */
  where: string;
  /** Key in brokenIds ("customers:C1"); absent for vocabularies. */
  kind?: string;
  ids: Set<string>;
  /** Sorted, for suggestions (built on first miss). */
  sorted?: string[];
}

export function references({ data, broken }: RuleContext): PendingIssue[] {
  const out: PendingIssue[] = [];
  const brokenIds = new Set(broken.map((b) => `${b.kind}:${b.id}`));
  const c = data.company;
  const vocab = (what: string, where: string, ids: Iterable<string>, kind?: string): Vocabulary => ({ what, where, ids: new Set(ids), ...(kind ? { kind } : {}) });
  const regions = vocab('region', 'regions in data/company.yaml', c.regions.map((r) => r.id));
  const segments = vocab('segment', 'segments in data/company.yaml', c.segments.map((s) => s.id));
  const sources = vocab('lead source', 'lead_sources in data/company.yaml', c.lead_sources.map((s) => s.id));
  const categories = vocab('category', 'categories in data/products.yaml', data.products.categories.map((x) => x.id));
  const reps = vocab('rep', 'data/team.yaml', data.team.records.map((r) => r.id), 'team');
  const products = vocab('product sku', 'data/products.yaml', data.products.records.map((p) => p.sku), 'products');
  const customers = vocab('customer', 'data/customers.yaml', data.customers.records.map((x) => x.id), 'customers');
  const leads = vocab('lead', 'the leads.yaml files', data.leads.flatMap((f) => f.records.map((l) => l.id)), 'leads');

  const need = (v: Vocabulary, id: string | undefined, file: string, at: DocPath) => {
    if (id === undefined || v.ids.has(id) || (v.kind && brokenIds.has(`${v.kind}:${id}`))) return;
    v.sorted ??= [...v.ids].sort();
    const guess = closest(id, v.sorted);
    out.push(
      issue(file, at, 'unknown-reference', `${String(at[at.length - 1])}: ${v.what} "${id}" does not exist`, `${guess ? `did you mean "${guess}"? ` : ''}${v.what}s are listed in ${v.where}`),
    );
  };

  eachRecord([data.team], (r, file, at) => {
    need(regions, r.region, file, [...at, 'region']);
    need(reps, r.manager, file, [...at, 'manager']);
  });
  eachRecord([data.products], (p, file, at) => need(categories, p.category, file, [...at, 'category']));
  eachRecord([data.customers], (x, file, at) => {
    need(regions, x.region, file, [...at, 'region']);
    need(segments, x.segment, file, [...at, 'segment']);
    need(reps, x.owner, file, [...at, 'owner']);
  });
  eachRecord(data.orders, (o, file, at) => {
    need(customers, o.customer, file, [...at, 'customer']);
    need(reps, o.rep, file, [...at, 'rep']);
    o.lines.forEach((l, i) => need(products, l.sku, file, [...at, 'lines', i, 'sku']));
  });
  eachRecord(data.leads, (l, file, at) => {
    need(reps, l.rep, file, [...at, 'rep']);
    need(regions, l.region, file, [...at, 'region']);
    need(sources, l.source, file, [...at, 'source']);
    need(segments, l.segment, file, [...at, 'segment']);
  });
  eachRecord(data.activities, (a, file, at) => {
    need(reps, a.rep, file, [...at, 'rep']);
    need(leads, a.lead, file, [...at, 'lead']);
    need(customers, a.customer, file, [...at, 'customer']);
    if ((a.type === 'won' || a.type === 'lost') && !a.lead) {
      out.push(issue(file, [...at, 'type'], 'missing-lead', `a ${a.type} activity must name the lead it closes`, 'add "lead: <lead id>"'));
    }
    if (a.type === 'won' && !a.customer) {
      out.push(issue(file, [...at, 'type'], 'won-without-customer', 'a won activity must name the customer the lead became', 'add "customer: <customer id>" and list the new customer in data/customers.yaml'));
    }
    if (!a.lead && !a.customer) {
      out.push(issue(file, at, 'activity-without-subject', 'activity names neither a lead nor a customer', 'add "lead: <lead id>" or "customer: <customer id>"'));
    }
  });
  eachRecord(data.surveys, (s, file, at) => need(customers, s.customer, file, [...at, 'customer']));
  eachRecord(data.targets, (t, file, at) => {
    need(reps, t.rep, file, [...at, 'rep']);
    need(regions, t.region, file, [...at, 'region']);
    need(categories, t.category, file, [...at, 'category']);
    if ([t.rep, t.region, t.category].filter(Boolean).length > 1) {
      out.push(issue(file, at, 'target-scope', 'a target is for the company, or for one rep, one region or one category, not several', 'split it into one target per scope'));
    }
  });
  return out;
}
