/**
 * The cross-file rules of duplicates.ts, references.ts and lifecycle.ts, run on the month files'
 * columns (see ingest/chunk.ts) instead of record objects. They only decide whether the month
 * records are clean: when one is not, validate-repo.ts runs the object rules, which word every
 * problem with its place. Warnings (a rep credited outside their time with the company) do not
 * stop a build, so they are worded here, exactly as lifecycle.ts words them.
 */
import { ACTIVITY_TYPE_CODES, LOST, WON, type ActivitiesChunk, type LeadsChunk, type MonthChunk, type OrdersChunk, type SurveysChunk } from '../../ingest/chunk.ts';
import { dayOf, dayText } from '../../ingest/days.ts';
import { issue, type PendingIssue } from '../issue.ts';
import type { RepoData } from '../repo-data.ts';

export interface MonthChunks {
  orders: OrdersChunk[];
  leads: LeadsChunk[];
  activities: ActivitiesChunk[];
  surveys: SurveysChunk[];
}

export interface ChunkVerdict {
  /** False when some rule would report an error: the full checker takes over. */
  clean: boolean;
  why?: string;
  warnings: PendingIssue[];
}

export function checkChunks(base: RepoData, chunks: MonthChunks): ChunkVerdict {
  const dirty = (why: string): ChunkVerdict => ({ clean: false, why, warnings: [] });
  for (const kind of ['orders', 'leads', 'activities', 'surveys'] as const) {
    if (hasRepeat(chunks[kind])) return dirty(`a repeated ${kind} id`);
  }

  const c = base.company;
  const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
  const reps = ids(base.team.records);
  const customers = ids(base.customers.records);
  const skus = new Set(base.products.records.map((p) => p.sku));
  const regions = ids(c.regions);
  const sources = ids(c.lead_sources);
  const segments = ids(c.segments);
  const leadRow = new Map<string, number>();
  let n = 0;
  for (const ch of chunks.leads) for (const id of ch.ids) leadRow.set(id, n++);
  const known = (set: { has(s: string): boolean }, values: string[]) => values.every((v) => set.has(v));
  for (const o of chunks.orders) if (!known(customers, o.dict.customer) || !known(reps, o.dict.rep) || !known(skus, o.dict.sku)) return dirty(`an unknown reference in ${o.file}`);
  for (const l of chunks.leads) {
    if (!known(reps, l.dict.rep) || !known(regions, l.dict.region) || !known(sources, l.dict.source) || !known(segments, l.dict.segment)) return dirty(`an unknown reference in ${l.file}`);
  }
  for (const a of chunks.activities) if (!known(reps, a.dict.rep) || !known(leadRow, a.dict.lead) || !known(customers, a.dict.customer)) return dirty(`an unknown reference in ${a.file}`);
  for (const s of chunks.surveys) if (!known(customers, s.dict.customer)) return dirty(`an unknown reference in ${s.file}`);

  const lifecycleProblem = leadLifecycle(chunks, leadRow);
  if (lifecycleProblem) return dirty(lifecycleProblem);
  return { clean: true, warnings: repsInactive(base, chunks) };
}

/** Whether an id hash occurs twice among the chunks (a hash collision is sent to the exact check too). */
function hasRepeat(chunks: MonthChunk[]): boolean {
  const all = new Float64Array(chunks.reduce((n, ch) => n + ch.length, 0));
  let at = 0;
  for (const ch of chunks) (all.set(ch.idHash, at), (at += ch.length));
  all.sort();
  for (let i = 1; i < all.length; i++) if (all[i] === all[i - 1]) return true;
  return false;
}

/** No activity before its lead was created; a lead is won or lost at most once. */
function leadLifecycle(chunks: MonthChunks, leadRow: Map<string, number>): string | null {
  const created = new Float64Array(leadRow.size);
  let n = 0;
  for (const l of chunks.leads) (created.set(l.created, n), (n += l.length));
  const closed = new Uint8Array(leadRow.size);
  for (const a of chunks.activities) {
    const rows = Int32Array.from(a.dict.lead, (id) => leadRow.get(id)!);
    for (let i = 0; i < a.length; i++) {
      const code = a.lead[i]!;
      if (code < 0) continue;
      const lead = rows[code]!;
      if (a.at[i]! < created[lead]!) return `an activity before its lead in ${a.file}`;
      const t = a.type[i]!;
      if ((t === WON || t === LOST) && closed[lead]!++) return `a lead ${ACTIVITY_TYPE_CODES[t]} twice`;
    }
  }
  return null;
}

/** A rep credited with an order or activity on a day before they joined or after they left. */
function repsInactive(base: RepoData, chunks: MonthChunks): PendingIssue[] {
  const out: PendingIssue[] = [];
  const team = new Map(base.team.records.map((r) => [r.id, { rep: r, from: dayOf(r.joined), to: r.left ? dayOf(r.left) : Infinity }]));
  const scan = (file: string, length: number, repOf: (i: number) => string, dayAt: (i: number) => number) => {
    for (let i = 0; i < length; i++) {
      const t = team.get(repOf(i));
      const d = dayAt(i);
      if (!t || (d >= t.from && d <= t.to)) continue;
      const { rep } = t;
      const when = d < t.from ? `before ${rep.name} joined (${rep.joined})` : `after ${rep.name} left (${rep.left})`;
      out.push(issue(file, [i, 'rep'], 'rep-inactive', `rep ${rep.id} is credited on ${dayText(d)}, ${when}`, 'credit the rep who handled it, or correct joined/left in data/team.yaml', 'warning'));
    }
  };
  for (const o of chunks.orders) scan(o.file, o.length, (i) => o.dict.rep[o.rep[i]!]!, (i) => o.day[i]!);
  for (const a of chunks.activities) scan(a.file, a.length, (i) => a.dict.rep[a.rep[i]!]!, (i) => a.day[i]!);
  return out;
}
