/**
 * What each chunk's dictionaries name, resolved to rows: a customer to its row in
 * customers.yaml, a rep to team.yaml, a sku to products.yaml, a region, source, segment or
 * lost reason to company.yaml, a lead to its row among all leads (in reading order). Done once per repository:
 * a million orders name the same few thousand customers in every month file, and looking the
 * names up once per file (not per record), by the two hashes the chunks hold (idHash, idCheck:
 * 85 bits), is what keeps references cheap. -1: unknown.
 */
import type { Company } from '../schema/company.ts';
import type { ActivitiesChunk, LeadsChunk, OrdersChunk, SurveysChunk } from './chunk.ts';
import { HashIndex } from './hash-index.ts';
import { idCheck, idHash } from './id-hash.ts';

export interface Links {
  orders: { customer: Int32Array; rep: Int32Array; sku: Int32Array }[];
  leads: { rep: Int32Array; region: Int32Array; source: Int32Array; segment: Int32Array }[];
  activities: { rep: Int32Array; lead: Int32Array; customer: Int32Array; reason: Int32Array }[];
  surveys: { customer: Int32Array }[];
}

export interface MonthChunks {
  orders: OrdersChunk[];
  leads: LeadsChunk[];
  activities: ActivitiesChunk[];
  surveys: SurveysChunk[];
}

/** What names resolve to: the base files' records (validate/repo-data.ts's RepoData has this shape). */
interface Base {
  company: Pick<Company, 'regions' | 'lead_sources' | 'segments' | 'lost_reasons'>;
  team: { records: readonly { id: string }[] };
  customers: { records: readonly { id: string }[] };
  products: { records: readonly { sku: string }[] };
}

export function linkChunks(base: Base, chunks: MonthChunks): Links {
  // Nothing to link (the base files checked on their own): no indexes to build.
  if (!chunks.orders.length && !chunks.leads.length && !chunks.activities.length && !chunks.surveys.length) return { orders: [], leads: [], activities: [], surveys: [] };
  const indexOf = (ids: string[]) => new HashIndex(ids.map(idHash), ids.map(idCheck));
  const c = base.company;
  const customers = indexOf(base.customers.records.map((x) => x.id));
  const reps = indexOf(base.team.records.map((x) => x.id));
  const skus = indexOf(base.products.records.map((x) => x.sku));
  const regions = indexOf(c.regions.map((x) => x.id));
  const sources = indexOf(c.lead_sources.map((x) => x.id));
  const segments = indexOf(c.segments.map((x) => x.id));
  const reasons = indexOf(c.lost_reasons.map((x) => x.id));
  // Leads by the hashes their chunks already hold.
  const lead = leadKeys(chunks.leads);
  const leads = new HashIndex(lead.hashes, lead.checks);
  const look = (index: HashIndex, hashes: Float64Array, checks: Int32Array) => {
    const rows = new Int32Array(hashes.length);
    for (let i = 0; i < hashes.length; i++) rows[i] = index.find(hashes[i]!, checks[i]!);
    return rows;
  };
  const by = <K extends string>(ch: { dictHash: Record<K, Float64Array>; dictCheck: Record<K, Int32Array> }, field: K, index: HashIndex) => look(index, ch.dictHash[field], ch.dictCheck[field]);
  return {
    orders: chunks.orders.map((o) => ({ customer: by(o, 'customer', customers), rep: by(o, 'rep', reps), sku: by(o, 'sku', skus) })),
    leads: chunks.leads.map((l) => ({ rep: by(l, 'rep', reps), region: by(l, 'region', regions), source: by(l, 'source', sources), segment: by(l, 'segment', segments) })),
    activities: chunks.activities.map((a) => ({ rep: by(a, 'rep', reps), lead: by(a, 'lead', leads), customer: by(a, 'customer', customers), reason: by(a, 'reason', reasons) })),
    surveys: chunks.surveys.map((s) => ({ customer: by(s, 'customer', customers) })),
  };
}

/** Whether every name in every dictionary was found. */
export function allKnown(links: Links): boolean {
  for (const kind of ['orders', 'leads', 'activities', 'surveys'] as const) {
    for (const l of links[kind]) for (const arr of Object.values(l) as Int32Array[]) if (arr.includes(-1)) return false;
  }
  return true;
}

/** The idHash and idCheck of every lead, in data order (a lead's row). */
export function leadKeys(leads: LeadsChunk[]): { hashes: Float64Array; checks: Int32Array } {
  const n = leads.reduce((k, l) => k + l.length, 0);
  const out = { hashes: new Float64Array(n), checks: new Int32Array(n) };
  let at = 0;
  for (const l of leads) (out.hashes.set(l.idHash, at), out.checks.set(l.idCheck, at), (at += l.length));
  return out;
}
