/**
 * The cross-file rules of duplicates.ts, references.ts and lifecycle.ts, run on the month files'
 * columns (see ingest/chunk.ts) instead of record objects. They only decide whether the month
 * records are clean: when one is not, validate-repo.ts runs the object rules, which word every
 * problem with its place. Warnings (a rep credited outside their time with the company) do not
 * stop a build, so they are worded here, exactly as lifecycle.ts and line-kinds.ts word them.
 */
import { ACTIVITY_TYPE_CODES, LOST, WON, type MonthChunk } from '../../ingest/chunk.ts';
import { anyRepeated } from '../../ingest/hash-index.ts';
import { allKnown, linkChunks, type Links, type MonthChunks } from '../../ingest/links.ts';
import { dayOf } from '../../ingest/days.ts';
import { pushAll, type PendingIssue } from '../../issues/issue.ts';
import { repInactive } from './lifecycle.ts';
import { kindProblems, kindWarning, type KindLines } from './line-kinds.ts';
import type { RepoData } from '../repo-data.ts';

export interface ChunkVerdict {
  /** False when some rule would report an error: the full checker takes over. */
  clean: boolean;
  why?: string;
  warnings: PendingIssue[];
  /** What the chunks' dictionaries name, for the dataset (empty when not clean). */
  links?: Links;
}

export function checkChunks(base: RepoData, chunks: MonthChunks): ChunkVerdict {
  const dirty = (why: string): ChunkVerdict => ({ clean: false, why, warnings: [] });
  for (const kind of ['orders', 'leads', 'activities', 'surveys'] as const) {
    if (hasRepeat(chunks[kind])) return dirty(`a repeated ${kind} id`);
  }
  const links = linkChunks(base, chunks);
  if (!allKnown(links)) return dirty('an unknown reference');
  const lifecycleProblem = leadLifecycle(chunks, links);
  if (lifecycleProblem) return dirty(lifecycleProblem);
  return { clean: true, warnings: columnWarnings(base, chunks, links), links };
}

/**
 * The warnings of the rows, worded on the columns: reps credited outside their time with the
 * company and order lines whose kind does not hold (names not known are passed over: the
 * error path reads their records). Row positions are chunk rows.
 */
export function columnWarnings(base: RepoData, chunks: MonthChunks, links: Links, lineKinds = true): PendingIssue[] {
  const warnings = repsInactive(base, chunks, links);
  if (lineKinds) pushAll(warnings, lineKindWarnings(base, chunks, links));
  return warnings;
}

/** Whether an id hash occurs twice among the chunks (a hash collision is sent to the exact check too). */
function hasRepeat(chunks: MonthChunk[]): boolean {
  return anyRepeated(chunks.map((ch) => ch.idHash));
}

/** No activity before its lead was created; a lead is won or lost at most once. */
export function leadLifecycle(chunks: MonthChunks, links: Links): string | null {
  const leadCount = chunks.leads.reduce((n, l) => n + l.length, 0);
  const created = new Float64Array(leadCount);
  let n = 0;
  for (const l of chunks.leads) (created.set(l.created, n), (n += l.length));
  const closed = new Uint8Array(leadCount);
  for (const [k, a] of chunks.activities.entries()) {
    const rows = links.activities[k]!.lead;
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
function repsInactive(base: RepoData, chunks: MonthChunks, links: Links): PendingIssue[] {
  const out: PendingIssue[] = [];
  const team = base.team.records;
  const from = Float64Array.from(team, (r) => dayOf(r.joined));
  const to = Float64Array.from(team, (r) => (r.left ? dayOf(r.left) : Infinity));
  const scan = (file: string, length: number, repCodes: Int32Array, repRows: Int32Array, days: Int32Array) => {
    for (let i = 0; i < length; i++) {
      const r = repRows[repCodes[i]!]!;
      const d = days[i]!;
      if (r < 0 || (d >= from[r]! && d <= to[r]!)) continue;
      out.push(repInactive(file, [i], team[r]!, d, d < from[r]!));
    }
  };
  chunks.orders.forEach((o, k) => scan(o.file, o.length, o.rep, links.orders[k]!.rep, o.day));
  chunks.activities.forEach((a, k) => scan(a.file, a.length, a.rep, links.activities[k]!.rep, a.day));
  return out;
}

/** Order lines whose kind does not hold (see line-kinds.ts), from the columns: the same check, the same words. */
function lineKindWarnings(base: RepoData, chunks: MonthChunks, links: Links): PendingIssue[] {
  const orders = chunks.orders;
  const offsets = new Int32Array(orders.length + 1);
  orders.forEach((ch, k) => (offsets[k + 1] = offsets[k]! + ch.sku.length));
  const n = offsets[orders.length]!;
  const lines: KindLines = { length: n, day: new Int32Array(n), customer: new Int32Array(n), product: new Int32Array(n), kind: new Uint8Array(n) };
  orders.forEach((ch, k) => {
    const { customer, sku } = links.orders[k]!;
    let x = offsets[k]!;
    for (let i = 0; i < ch.length; i++) {
      const day = ch.day[i]!;
      const c = customer[ch.customer[i]!]!;
      const end = ch.lineStart[i + 1]!;
      for (let j = ch.lineStart[i]!; j < end; j++, x++) {
        lines.day[x] = day;
        lines.customer[x] = c;
        lines.product[x] = sku[ch.sku[j]!]!;
        lines.kind[x] = ch.lineKind[j]!;
      }
    }
  });
  const out: PendingIssue[] = [];
  const products = base.products.records;
  kindProblems(lines, base.customers.records.length, products, (line, p) => {
    // The line's file and order, found back by bisection (only for a line with a problem).
    const k = lastAtMost(offsets, line);
    const ch = orders[k]!;
    const local = line - offsets[k]!;
    const i = lastAtMost(ch.lineStart, local);
    out.push(kindWarning(ch.file, [i], local - ch.lineStart[i]!, base.customers.records[lines.customer[line]!]!.id, products[lines.product[line]!]!, p));
  });
  return out;
}

/** The last index i with xs[i] <= x (xs ascending, xs[0] <= x). */
function lastAtMost(xs: Int32Array, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
