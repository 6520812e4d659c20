/**
 * The team and region views of the report: who the reps are (joined, left), a leaderboard of
 * reps and one of regions for every period, and each rep's and region's own month series of
 * every KPI broken down by rep or region. Pure: it only regroups values the report already
 * holds (breakdown members), so the site's team and region pages never compute.
 */
import { monthLabel, parseMonth, type Grain } from '../calendar/periods.ts';
import type { PeriodInfo } from '../compute/compute-kpis.ts';
import type { Board, BoardColumn, BoardRow, MemberValue, Peers, ReportKpi, ReportMember, ReportValue, TeamRep, TeamView, Vocabulary } from './model.ts';

/**
 * The rep leaderboard: sales from each rep's own customers (the team total is net sales),
 * conversion, leads contacted per working day, leads followed up within 24 hours. Ranked by the
 * first column.
 */
const REP_BOARD: BoardColumn[] = [
  { kpi: 'sales-per-rep', totalKpi: 'net-sales' },
  { kpi: 'conversion-rate-per-rep', totalKpi: 'conversion-rate-per-rep' },
  { kpi: 'leads-contacted-per-day', totalKpi: 'leads-contacted-per-day' },
  { kpi: 'follow-up-24h', totalKpi: 'follow-up-24h' },
];

/** The region leaderboard: net sales (with its share), new customers, retention, satisfaction, follow-up within 24 hours. */
const REGION_BOARD: BoardColumn[] = [
  { kpi: 'net-sales', totalKpi: 'net-sales' },
  { kpi: 'new-customers', totalKpi: 'new-customers' },
  { kpi: 'customer-retention-rate', totalKpi: 'customer-retention-rate' },
  { kpi: 'customer-satisfaction', totalKpi: 'customer-satisfaction' },
  { kpi: 'follow-up-24h', totalKpi: 'follow-up-24h' },
];

/**
 * The columns of the month-by-month table on a rep's or region's page: the leaderboard's, and for
 * reps also net sales of the orders they recorded (which, unlike sales from the customers they
 * own today, stays with a rep who left).
 */
export const MAIN_KPIS: Record<Vocabulary, string[]> = {
  rep: [REP_BOARD[0]!.kpi, 'net-sales', ...REP_BOARD.slice(1).map((c) => c.kpi)],
  region: REGION_BOARD.map((c) => c.kpi),
};

export interface TeamInput {
  kpis: ReportKpi[];
  periods: Record<Grain, PeriodInfo[]>;
  reps: { id: string; name: string; region: string; team?: string | undefined; manager?: string | undefined; joined: string; left?: string | undefined }[];
  regions: string[];
  latestMonth: string | null;
}

const GRAIN_LIST: Grain[] = ['month', 'quarter', 'year'];

export function teamView({ kpis, periods, reps, regions, latestMonth }: TeamInput): TeamView {
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const teamReps = reps.map((r): TeamRep => ({
    id: r.id,
    name: r.name,
    region: r.region,
    team: r.team ?? null,
    manager: r.manager ?? null,
    joined: r.joined,
    left: r.left ?? null,
    lastMonth: lastMonthOf(r.joined, r.left ?? null, latestMonth),
  }));
  const boards = { rep: {}, region: {} } as TeamView['boards'];
  for (const grain of GRAIN_LIST) {
    boards.rep[grain] = (periods[grain] ?? []).map((p) => board(p, 'rep', REP_BOARD, byId, teamReps));
    boards.region[grain] = (periods[grain] ?? []).map((p) => board(p, 'region', REGION_BOARD, byId, regions.map((id) => ({ id }))));
  }
  return {
    reps: teamReps,
    regions: [...regions],
    boards,
    series: { rep: seriesOf(kpis, 'rep', teamReps.map((r) => r.id)), region: seriesOf(kpis, 'region', regions) },
  };
}

/** YYYY-MM of a date, or of the data's latest month if earlier; null when the rep joined after the data ends. */
function lastMonthOf(joined: string, left: string | null, latest: string | null): string | null {
  if (!latest) return null;
  if (joined.slice(0, 7) > latest) return null;
  const leftMonth = left?.slice(0, 7);
  return leftMonth && leftMonth < latest ? leftMonth : latest;
}

function valueIn(kpi: ReportKpi | undefined, period: PeriodInfo): ReportValue | undefined {
  return kpi?.values[period.grain]?.find((v) => v.period === period.label);
}

function board(
  period: PeriodInfo,
  by: Vocabulary,
  columns: BoardColumn[],
  kpis: Map<string, ReportKpi>,
  known: { id: string; joined?: string; left?: string | null }[],
): Board {
  const values = columns.map((c) => valueIn(kpis.get(c.kpi), period));
  const memberIds: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      memberIds.push(id);
    }
  };
  // Everyone employed in the period, then anyone else with a value in it (e.g. a rep who left
  // but still owns customers who ordered).
  for (const k of known) if ((!k.joined || k.joined <= period.end) && (!k.left || k.left >= period.start)) add(k.id);
  for (const v of values) for (const m of v?.breakdowns[by] ?? []) if (m.value !== null) add(m.member);

  const knownById = new Map(known.map((k) => [k.id, k]));
  const cellsOf = values.map((v) => byName(v?.breakdowns[by]));
  const rows = memberIds.map((member) => {
    const k = knownById.get(member);
    const row: Omit<BoardRow, 'rank'> = {
      member,
      ...(k?.joined && k.joined > period.start ? { joined: k.joined } : {}),
      ...(k?.left && k.left <= period.end ? { left: k.left } : {}),
      cells: cellsOf.map((index) => index.get(member) ?? null),
    };
    return row;
  });
  const sortedBy = rows.some((r) => r.cells[0]?.attainment != null) ? 'attainment' : 'value';
  rows.sort((a, b) => compareRows(a.cells[0] ?? null, b.cells[0] ?? null) || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
  return {
    period: period.label,
    grain: period.grain,
    partial: period.partial,
    sortedBy,
    columns,
    rows: rows.map((r, i) => ({ ...r, rank: i + 1 })),
    totals: columns.map((c) => {
      const v = valueIn(kpis.get(c.totalKpi), period);
      return v ? { value: v.value, ...(v.reason ? { reason: v.reason } : {}), target: v.target, attainment: v.attainment, gap: v.gap, status: v.status, notFinal: v.notFinal } : null;
    }),
  };
}

/** A breakdown's members by name: the first entry of a name, as a search from the start finds it. */
function byName(list: readonly ReportMember[] | undefined): Map<string, ReportMember> {
  const index = new Map<string, ReportMember>();
  for (const m of list ?? []) if (!index.has(m.member)) index.set(m.member, m);
  return index;
}

/** Higher attainment first; members without attainment after those with one, by value; no value last. */
export function compareRows(a: Pick<ReportMember, 'value' | 'attainment'> | null, b: Pick<ReportMember, 'value' | 'attainment'> | null): number {
  const aa = a?.attainment ?? null;
  const ba = b?.attainment ?? null;
  if (aa !== null && ba !== null && aa !== ba) return ba - aa;
  if ((aa === null) !== (ba === null)) return aa === null ? 1 : -1;
  const av = a?.value ?? null;
  const bv = b?.value ?? null;
  if (av !== null && bv !== null) return bv - av;
  if ((av === null) !== (bv === null)) return av === null ? 1 : -1;
  return 0;
}

function seriesOf(kpis: ReportKpi[], by: Vocabulary, known: string[]): Record<string, Record<string, MemberValue[]>> {
  const out: Record<string, Record<string, MemberValue[]>> = {};
  for (const kpi of kpis) {
    const months = kpi.values.month;
    if (!months || !kpi.breakdowns.includes(by)) continue;
    const members = [...known];
    const listed = new Set(members);
    const byMember = months.map((v) => byName(v.breakdowns[by]));
    for (const index of byMember) for (const name of index.keys()) if (!listed.has(name)) (listed.add(name), members.push(name));
    for (const member of members) {
      let previous: number | null = null;
      let any = false;
      const list = months.map((v, i): MemberValue => {
        const m = byMember[i]!.get(member);
        const value = m?.value ?? null;
        if (m) any = true;
        const reason = m ? m.reason : 'no-data';
        const change = value !== null && previous !== null ? value - previous : null;
        const point: MemberValue = {
          period: v.period,
          value,
          ...(value === null && reason ? { reason } : {}),
          notes: v.notes,
          previous,
          change,
          changeRatio: change !== null && previous ? change / Math.abs(previous) : null,
          target: m?.target ?? null,
          attainment: m?.attainment ?? null,
          gap: m?.gap ?? null,
          status: m?.status ?? null,
          notFinal: m?.notFinal ?? null,
          breakdowns: {},
          share: m?.share ?? null,
          ...(m?.count !== undefined ? { count: m.count } : {}),
          ...(m?.fewRecords ? { fewRecords: true as const } : {}),
        };
        previous = value;
        return point;
      });
      // Year on year: the member's own value in the same month a year before.
      const byPeriod = new Map(list.map((x) => [x.period, x.value]));
      for (const x of list) {
        const period = monthLabel(parseMonth(x.period) - 12);
        const before = byPeriod.get(period) ?? null;
        const change = x.value !== null && before !== null ? x.value - before : null;
        x.lastYear = { period, value: before, change, changeRatio: change !== null && before ? change / Math.abs(before) : null };
      }
      if (any) (out[member] ??= {})[kpi.id] = list;
    }
    // Rank and average among the members with a value, month by month.
    months.forEach((v, i) => {
      const peers = peersOf((v.breakdowns[by] ?? []).flatMap((m) => (m.value === null ? [] : [{ member: m.member, value: m.value, attainment: m.attainment }])), kpi.direction);
      for (const [member, p] of peers) {
        const x = out[member]?.[kpi.id]?.[i];
        if (x) x.peers = p;
      }
    });
  }
  return out;
}

/**
 * Each member's rank (1 = best; ties share the better rank) and the plain mean of all members'
 * values. Ranked by attainment, as the leaderboards are, when every member has one (each judged
 * against their own target); otherwise by value, the better end set by `direction`.
 */
export function peersOf(members: { member: string; value: number; attainment?: number | null }[], direction: ReportKpi['direction']): Map<string, Peers> {
  const out = new Map<string, Peers>();
  if (!members.length) return out;
  const average = members.reduce((a, m) => a + m.value, 0) / members.length;
  const by = members.every((m) => m.attainment != null) ? 'attainment' : 'value';
  const key = (m: (typeof members)[number]) => (by === 'attainment' ? m.attainment! : direction === 'lower' ? -m.value : m.value);
  for (const m of members) out.set(m.member, { rank: 1 + members.filter((o) => key(o) > key(m)).length, of: members.length, by, average });
  return out;
}
