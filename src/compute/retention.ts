/**
 * Retention: of the entities active at a period's start (a row within the window before it),
 * the share still active at its end. Activity is known per month start, once per run.
 */
import { monthsOf } from '../calendar/periods.ts';
import { DATASETS, type DatasetName } from '../dataset/fields.ts';
import { Midnights } from '../ingest/days.ts';
import { none, val, type Cell, type Series, type Val } from './value.ts';
import type { RetentionSpec } from './formula-reads.ts';
import type { EvalContext } from './eval-context.ts';
import { breakdownCodes, byValueOf, maxOf, membersOf, widthOf } from './scan-cache.ts';

/**
 * Entities kept (customers, by default over orders): of those active at the start of the period
 * (a row within the window before it starts), the share still active at its end (a row within
 * the window before it ends; the end of the last month with data, for a period still running).
 * Every period starts and ends at a month start, so activity is known per month start (see
 * activityOf) and serves every grain. Each breakdown member from its own rows. A window that
 * starts before the first month of data gives no value (window-before-data): who was active
 * then is only partly known.
 */
export function retention(spec: RetentionSpec, cx: EvalContext): Series {
  const act = activityOf(spec, cx);
  const B = act.boundaries;
  // Each period's start and end boundary; -1 when its window reaches before the data.
  const P = cx.periods.length;
  const from = new Int32Array(P);
  const to = new Int32Array(P);
  cx.periods.forEach((p, i) => {
    const [a, z] = monthsOf(cx.grain, p, cx.fyStart);
    const s = a - cx.firstMonth;
    from[i] = s >= 0 && act.known[s] ? s : -1;
    to[i] = Math.min(z, cx.lastMonth) + 1 - cx.firstMonth;
  });
  /** Per period and member: the entities active at the start, and those of them active at the end. */
  const count = (bits: Uint8Array, members: Int32Array | null, M: number) => {
    const base = new Int32Array(P * M);
    const kept = new Int32Array(P * M);
    const rows = bits.length / B;
    for (let r = 0; r < rows; r++) {
      const m = members === null ? 0 : members[r]!;
      const o = r * B;
      for (let i = 0; i < P; i++) {
        const s = from[i]!;
        if (s < 0 || bits[o + s] === 0) continue;
        base[i * M + m]!++;
        if (bits[o + to[i]!] === 1) kept[i * M + m]!++;
      }
    }
    return { base, kept };
  };
  const total = count(act.total, null, 1);
  const fields = cx.breakdowns.map((b) => {
    const codes = breakdownCodes(spec.of as DatasetName, b.field, cx);
    const M = widthOf(codes, cx);
    const f = activityByMember(spec, b.field, cx);
    return { universe: membersOf(codes, cx), M, ...count(f.bits, f.members, M) };
  });
  const rate = (i: number, b: Int32Array, k: Int32Array, x: number): Val => (from[i]! < 0 ? none('window-before-data') : b[x] === 0 ? none('zero-denominator') : val(k[x]! / b[x]!));
  const out: Series = new Map();
  cx.periods.forEach((p, i) => {
    const members: Cell['members'] = {};
    cx.breakdowns.forEach((b, j) => {
      const { universe, M, base, kept } = fields[j]!;
      const m = new Map<number, Val>();
      for (const code of universe) m.set(code, rate(i, base, kept, i * M + code));
      members[b.by] = m;
    });
    out.set(p, { total: rate(i, total.base, total.kept, i), members });
  });
  return out;
}

/**
 * Activity at month starts: boundary b is the start of month firstMonth + b, for b = 0 .. B - 1
 * (the last one the end of the data). A row makes its entity active at the boundaries that
 * follow it within the window. `total` holds B flags per entity (in entity code order).
 */
interface Activity {
  boundaries: number;
  /** The window before boundary b lies within the data. */
  known: Uint8Array;
  startAt: Float64Array;
  windowAt: Float64Array;
  total: Uint8Array;
}

const activityByMemo = new WeakMap<Map<string, Series>, Map<string, Activity | { members: Int32Array; bits: Uint8Array }>>();

function activityCache(cx: EvalContext) {
  let c = activityByMemo.get(cx.memo);
  if (!c) activityByMemo.set(cx.memo, (c = new Map()));
  return c;
}

/** Marks in bits[o ..] the boundaries row r makes active. */
function markRow(act: Activity, placed: { epoch: Float64Array; month: Int32Array }, firstMonth: number, r: number, bits: Uint8Array, o: number): void {
  const e = placed.epoch[r]!;
  const mo = placed.month[r]!;
  if (mo < 0 || Number.isNaN(e)) return;
  for (let b = Math.max(0, mo - firstMonth + 1); b < act.boundaries && act.windowAt[b]! <= e; b++) if (e < act.startAt[b]!) bits[o + b] = 1;
}

function activityOf(spec: RetentionSpec, cx: EvalContext): Activity {
  const cache = activityCache(cx);
  const key = JSON.stringify([spec, cx.firstMonth, cx.lastMonth]);
  let act = cache.get(key) as Activity | undefined;
  if (act) return act;
  const name = spec.of as DatasetName;
  const B = cx.lastMonth - cx.firstMonth + 2;
  const midnight = new Midnights(cx.ds.timezone);
  const firstDay = monthStartDay(cx.firstMonth);
  act = { boundaries: B, known: new Uint8Array(B), startAt: new Float64Array(B), windowAt: new Float64Array(B), total: new Uint8Array(0) };
  for (let b = 0; b < B; b++) {
    const day = monthStartDay(cx.firstMonth + b);
    act.startAt[b] = midnight.of(day);
    act.windowAt[b] = midnight.of(day - spec.window_days);
    act.known[b] = day - spec.window_days >= firstDay ? 1 : 0;
  }
  const placed = cx.ds.tables[name].time[spec.at ?? DATASETS[name].placedBy]!;
  const entities = cx.ds.tables[name].cat[spec.entity]!;
  const total = new Uint8Array((maxOf(entities, cx) + 1) * B);
  for (let r = 0; r < entities.length; r++) if (entities[r]! >= 0) markRow(act, placed, cx.firstMonth, r, total, entities[r]! * B);
  act.total = total;
  cache.set(key, act);
  return act;
}

/**
 * The same per (entity, member) pair of a breakdown field: `members[k]` is pair k's member, its
 * flags bits[k * B ..]. Rows are visited entity by entity (a counting sort); an entity's rows
 * usually carry one member (a customer's region), sometimes a few.
 */
function activityByMember(spec: RetentionSpec, field: string, cx: EvalContext): { members: Int32Array; bits: Uint8Array } {
  const cache = activityCache(cx);
  const key = JSON.stringify([spec, field, cx.firstMonth, cx.lastMonth]);
  let got = cache.get(key) as { members: Int32Array; bits: Uint8Array } | undefined;
  if (got) return got;
  const act = activityOf(spec, cx);
  const B = act.boundaries;
  const name = spec.of as DatasetName;
  const placed = cx.ds.tables[name].time[spec.at ?? DATASETS[name].placedBy]!;
  const codes = breakdownCodes(name, field, cx);
  const { start, rows } = byValueOf(name, spec.entity, null, '', cx);
  let members: Int32Array<ArrayBuffer> = new Int32Array(1024);
  let bits = new Uint8Array(1024 * B);
  let pairs = 0;
  const seen: number[] = [];
  for (let v = 0; v + 1 < start.length; v++) {
    const first = pairs;
    seen.length = 0;
    for (let j = start[v]!; j < start[v + 1]!; j++) {
      const r = rows[j]!;
      const m = codes[r]!;
      if (m < 0) continue;
      let k = seen.indexOf(m);
      if (k < 0) {
        k = seen.push(m) - 1;
        if (pairs === members.length) {
          members = growInt32(members, pairs * 2);
          const more = new Uint8Array(pairs * 2 * B);
          more.set(bits);
          bits = more;
        }
        members[pairs++] = m;
      }
      markRow(act, placed, cx.firstMonth, r, bits, (first + k) * B);
    }
  }
  got = { members: members.subarray(0, pairs), bits: bits.subarray(0, pairs * B) };
  cache.set(key, got);
  return got;
}

function growInt32(xs: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(xs);
  return out;
}

function monthStartDay(mi: number): number {
  return Date.UTC(Math.floor(mi / 12), mi % 12, 1) / 86_400_000;
}
