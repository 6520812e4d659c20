/**
 * What each chunk's dictionaries name, resolved to rows: a customer to its row in
 * customers.yaml, a rep to team.yaml, a sku to products.yaml, a region, source or segment to
 * company.yaml, a lead to its row among all leads (in reading order). Done once per repository:
 * a million orders name the same few thousand customers in every month file, and looking the
 * names up once per file (not per record) is what keeps references cheap. -1: unknown.
 */
import type { RepoData } from '../validate/repo-data.ts';
import type { ActivitiesChunk, LeadsChunk, OrdersChunk, SurveysChunk } from './chunk.ts';

export interface Links {
  orders: { customer: Int32Array; rep: Int32Array; sku: Int32Array }[];
  leads: { rep: Int32Array; region: Int32Array; source: Int32Array; segment: Int32Array }[];
  activities: { rep: Int32Array; lead: Int32Array; customer: Int32Array }[];
  surveys: { customer: Int32Array }[];
}

export interface MonthChunks {
  orders: OrdersChunk[];
  leads: LeadsChunk[];
  activities: ActivitiesChunk[];
  surveys: SurveysChunk[];
}

type Base = Pick<RepoData, 'company' | 'team' | 'customers' | 'products'>;

export function linkChunks(base: Base, chunks: MonthChunks): Links {
  const rows = (ids: Iterable<string>) => {
    const m = new Map<string, number>();
    let i = 0;
    for (const id of ids) if (!m.has(id)) m.set(id, i++);
    return m;
  };
  const c = base.company;
  const customers = rows(base.customers.records.map((x) => x.id));
  const reps = rows(base.team.records.map((x) => x.id));
  const skus = rows(base.products.records.map((x) => x.sku));
  const regions = rows(c.regions.map((x) => x.id));
  const sources = rows(c.lead_sources.map((x) => x.id));
  const segments = rows(c.segments.map((x) => x.id));
  const leads = new Map<string, number>();
  for (const ch of chunks.leads) for (const id of ch.ids) leads.set(id, leads.size);
  const look = (m: Map<string, number>, values: string[]) => Int32Array.from(values, (v) => m.get(v) ?? -1);
  return {
    orders: chunks.orders.map((o) => ({ customer: look(customers, o.dict.customer), rep: look(reps, o.dict.rep), sku: look(skus, o.dict.sku) })),
    leads: chunks.leads.map((l) => ({ rep: look(reps, l.dict.rep), region: look(regions, l.dict.region), source: look(sources, l.dict.source), segment: look(segments, l.dict.segment) })),
    activities: chunks.activities.map((a) => ({ rep: look(reps, a.dict.rep), lead: look(leads, a.dict.lead), customer: look(customers, a.dict.customer) })),
    surveys: chunks.surveys.map((s) => ({ customer: look(customers, s.dict.customer) })),
  };
}

/** Whether every name in every dictionary was found. */
export function allKnown(links: Links): boolean {
  for (const kind of ['orders', 'leads', 'activities', 'surveys'] as const) {
    for (const l of links[kind]) for (const arr of Object.values(l) as Int32Array[]) if (arr.includes(-1)) return false;
  }
  return true;
}
