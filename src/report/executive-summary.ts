/**
 * The executive summary a period report opens with: a few sentences, generated from the report
 * model, that say what a director would say on the first of the month: how many KPIs are on
 * target, the headline KPI against its target, the previous period and the same period last year,
 * what missed, why (the member that drove each miss), what moved most, and how the period compares
 * with last year. Pure: the report in, sentences out, in Indonesian or English. Every number is
 * read from the model (values, statuses, insights); nothing is recomputed here except counts.
 */
import { parsePeriod, type Grain } from '../calendar/periods.ts';
import { formatChange, formatValue, type Lang, type Unit } from '../i18n/format-value.ts';
import { GLOSSARY } from '../i18n/glossary.ts';
import { countTotal } from './insights.ts';
import type { KpiDrivers, Report, ReportKpi, ReportValue } from './model.ts';

/** A sentence of the summary and what it is about (the page may style or test one kind). */
export interface SummarySentence {
  kind: 'status' | 'headline' | 'missed' | 'why' | 'moved' | 'last-year' | 'not-final';
  text: string;
}

/** How many misses and movers a sentence names before "and N more". */
const LIST_MAX = 3;
/** How many off-track or at-risk KPIs get a "why" sentence. */
const WHY_MAX = 3;

const MONTH_NAME: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** Oktober 2026 / October 2026, Kuartal 4 2026 / Q4 2026, 2026 (as the report pages name periods). */
export function summaryPeriodName(label: string, lang: Lang): string {
  const p = parsePeriod(label);
  if (p?.grain === 'month') return MONTH_NAME[lang].format(Date.UTC(+label.slice(0, 4), +label.slice(5, 7) - 1, 1));
  if (p?.grain === 'quarter') return lang === 'id' ? `Kuartal ${label.slice(6)} ${label.slice(0, 4)}` : `${label.slice(5)} ${label.slice(0, 4)}`;
  return label;
}

interface Words {
  status: (name: string, judged: number, on: number, risk: number, off: number, unjudged: number) => string;
  noJudged: (name: string, total: number) => string;
  headline: (kpi: string, value: string, against: string | null, status: string | null) => string;
  ofTarget: (attainment: string, target: string) => string;
  vsTarget: (gap: string, target: string) => string;
  comparedWith: (change: string, name: string) => string;
  sameMonths: (name: string) => string;
  missedOff: (list: string) => string;
  missedRisk: (list: string) => string;
  allOnTrack: string;
  more: (n: number) => string;
  and: string;
  whyAdditive: (kpi: string, member: string, by: string, change: string, share: string | null, previous: string) => string;
  whyOwn: (kpi: string, member: string, by: string, change: string, previous: string) => string;
  noneDown: (kpi: string, previous: string) => string;
  better: (list: string) => string;
  worse: (list: string) => string;
  lastYear: (name: string, better: number, worse: number, total: number) => string;
  partial: (name: string, asOf: string) => string;
  maturing: string;
  status_: Record<'on-track' | 'at-risk' | 'off-track', string>;
  breakdowns: Record<string, string>;
}

const WORDS: Record<Lang, Words> = {
  id: {
    status: (name, judged, on, risk, off, unjudged) =>
      `${name}: dari ${judged} KPI yang dinilai terhadap target, ${on} sesuai target, ${risk} berisiko dan ${off} meleset` +
      (unjudged ? `; ${unjudged} lainnya tanpa target atau belum final.` : '.'),
    noJudged: (name, total) => `${name}: belum ada KPI yang dapat dinilai terhadap target (${total} KPI tanpa target atau belum final).`,
    headline: (kpi, value, against, status) => `${kpi}: ${value}${against ? `, ${against}` : ''}${status ? ` (${status})` : ''}`,
    ofTarget: (attainment, target) => `${attainment} dari target ${target}`,
    vsTarget: (gap, target) => `${gap} terhadap target ${target}`,
    comparedWith: (change, name) => `${change} dibanding ${name}`,
    sameMonths: (name) => `bulan yang sama pada ${name}`,
    missedOff: (list) => `Meleset: ${list}.`,
    missedRisk: (list) => `Berisiko: ${list}.`,
    allOnTrack: 'Tidak ada KPI yang meleset atau berisiko.',
    more: (n) => `${n} lainnya`,
    and: 'dan',
    whyAdditive: (kpi, member, by, change, share, previous) =>
      `${kpi}: penurunan terbesar dari ${by} ${member} (${change} dibanding ${previous}${share ? `, ${share} dari perubahan` : ''}).`,
    whyOwn: (kpi, member, by, change, previous) => `${kpi}: ${by} ${member} paling memburuk (${change} dibanding ${previous}).`,
    noneDown: (kpi, previous) => `${kpi} membaik dibanding ${previous}, tetapi belum mencapai target.`,
    better: (list) => `Paling membaik: ${list}.`,
    worse: (list) => `Paling memburuk: ${list}.`,
    lastYear: (name, better, worse, total) => `Dibanding ${name}: ${better} dari ${total} KPI lebih baik, ${worse} lebih buruk.`,
    partial: (name, asOf) => `${name} belum lengkap: data hanya sampai ${asOf}, jadi angkanya belum final.`,
    maturing: 'Kohort yang masih matang (misalnya konversi prospek) masih dapat berubah.',
    status_: { 'on-track': GLOSSARY.id['on-track'], 'at-risk': GLOSSARY.id['at-risk'], 'off-track': GLOSSARY.id['off-track'] },
    breakdowns: GLOSSARY.id.breakdowns,
  },
  en: {
    status: (name, judged, on, risk, off, unjudged) =>
      `${name}: of ${judged} KPI${judged === 1 ? '' : 's'} judged against a target, ${on} ${on === 1 ? 'is' : 'are'} on track, ${risk} at risk and ${off} off track` +
      (unjudged ? `; ${unjudged} more ${unjudged === 1 ? 'has' : 'have'} no target or ${unjudged === 1 ? 'is' : 'are'} not final.` : '.'),
    noJudged: (name, total) => `${name}: no KPI can be judged against a target yet (${total} KPIs without a target or not final).`,
    headline: (kpi, value, against, status) => `${kpi}: ${value}${against ? `, ${against}` : ''}${status ? ` (${status})` : ''}`,
    ofTarget: (attainment, target) => `${attainment} of the ${target} target`,
    vsTarget: (gap, target) => `${gap} against the ${target} target`,
    comparedWith: (change, name) => `${change} on ${name}`,
    sameMonths: (name) => `the same months of ${name}`,
    missedOff: (list) => `Off track: ${list}.`,
    missedRisk: (list) => `At risk: ${list}.`,
    allOnTrack: 'No KPI is off track or at risk.',
    more: (n) => `${n} more`,
    and: 'and',
    whyAdditive: (kpi, member, by, change, share, previous) =>
      `${kpi}: the largest fall came from ${by} ${member} (${change} on ${previous}${share ? `, ${share} of the change` : ''}).`,
    whyOwn: (kpi, member, by, change, previous) => `${kpi}: ${by} ${member} worsened most (${change} on ${previous}).`,
    noneDown: (kpi, previous) => `${kpi} improved on ${previous} but is not yet at its target.`,
    better: (list) => `Improved most: ${list}.`,
    worse: (list) => `Worsened most: ${list}.`,
    lastYear: (name, better, worse, total) => `Against ${name}: ${better} of ${total} KPI${total === 1 ? '' : 's'} ${better === 1 ? 'is' : 'are'} better, ${worse} worse.`,
    partial: (name, asOf) => `${name} is not complete: the data stops on ${asOf}, so its numbers are not final.`,
    maturing: 'Cohorts still maturing (lead conversion, for one) can still change.',
    status_: { 'on-track': GLOSSARY.en['on-track'], 'at-risk': GLOSSARY.en['at-risk'], 'off-track': GLOSSARY.en['off-track'] },
    breakdowns: GLOSSARY.en.breakdowns,
  },
};

const DAY: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const dayName = (date: string, lang: Lang) => DAY[lang].format(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));

/** "a, b dan c" / "a, b and c". */
function listOf(items: string[], total: number, w: Words): string {
  const shown = items.slice(0, LIST_MAX);
  if (total > shown.length) shown.push(w.more(total - shown.length));
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} ${w.and} ${shown[shown.length - 1]}`;
}

/** The KPI the summary leads with: the first goal's KPI with a value in the period, else the first amount that adds up. */
export function headlineKpi(report: Report, grain: Grain, period: string): ReportKpi | null {
  const valueIn = (k: ReportKpi | undefined) => (k?.values[grain]?.find((v) => v.period === period)?.value ?? null) !== null;
  const byId = new Map(report.kpis.map((k) => [k.id, k]));
  for (const g of report.goals) {
    const k = g.kpi ? byId.get(g.kpi) : undefined;
    if (k && valueIn(k)) return k;
  }
  return report.kpis.find((k) => k.unit === 'currency' && k.additive && valueIn(k)) ?? null;
}

/** Whether a change is good for the KPI (direction-aware); null without a change. */
function good(change: number | null | undefined, kpi: ReportKpi): boolean | null {
  if (!change) return null;
  return (kpi.direction === 'higher') === change > 0;
}

/**
 * The executive summary of one period, in one language. Sentences in reading order; a sentence
 * is left out when the model has nothing for it (no previous period, no target, nobody behind).
 */
export function executiveSummary(report: Report, grain: Grain, period: string, lang: Lang): SummarySentence[] {
  const w = WORDS[lang];
  const insights = report.insights[grain]?.[period];
  const info = report.periods[grain]?.find((p) => p.label === period);
  if (!insights || !info) return [];
  const cur = report.company.currency;
  const name = summaryPeriodName(period, lang);
  const previousName = insights.previous ? summaryPeriodName(insights.previous, lang) : null;
  const byId = new Map(report.kpis.map((k) => [k.id, k]));
  const valueOf = (k: ReportKpi): ReportValue | undefined => k.values[grain]?.find((v) => v.period === period);
  const title = (k: ReportKpi) => k.title[lang];
  const val = (k: ReportKpi, x: number | null) => formatValue(x, k.unit as Unit, lang, cur);
  const out: SummarySentence[] = [];

  // 1. Status counts.
  const c = insights.counts;
  const unjudged = c['not-final'] + c.none;
  const judged = countTotal(c) - unjudged;
  out.push({ kind: 'status', text: judged ? w.status(name, judged, c['on-track'], c['at-risk'], c['off-track'], unjudged) : w.noJudged(name, unjudged) });

  // 2. The headline KPI: value, target, previous period, same period last year.
  const head = headlineKpi(report, grain, period);
  const hv = head ? valueOf(head) : undefined;
  if (head && hv) {
    const against =
      hv.target === null ? null : hv.attainment !== null ? w.ofTarget(formatValue(hv.attainment, 'percent', lang), val(head, hv.target)) : hv.gap !== null ? w.vsTarget(formatChange(hv.gap, null, head.unit as Unit, lang, cur), val(head, hv.target)) : null;
    const status = hv.status ? w.status_[hv.status] : hv.notFinal ? GLOSSARY[lang].notFinal : null;
    const parts = [w.headline(title(head), val(head, hv.value), against, status)];
    const lfl = hv.likeForLike && hv.likeForLike.change !== null ? hv.likeForLike : null;
    const nc = insights.notComparable.some((x) => x.kpi === head.id);
    const prevChange = lfl ?? (nc ? null : hv);
    if (previousName && prevChange && prevChange.change !== null) {
      parts.push(w.comparedWith(formatChange(prevChange.change, prevChange.changeRatio, head.unit as Unit, lang, cur), lfl ? w.sameMonths(previousName) : previousName));
    }
    const ly = hv.lastYear?.likeForLike ?? hv.lastYear;
    if (hv.lastYear && ly && ly.change !== null) {
      const lyName = summaryPeriodName(hv.lastYear.period, lang);
      parts.push(w.comparedWith(formatChange(ly.change, ly.changeRatio, head.unit as Unit, lang, cur), hv.lastYear.likeForLike ? w.sameMonths(lyName) : lyName));
    }
    out.push({ kind: 'headline', text: `${parts.join('; ')}.` });
  }

  // 3. What missed: off track, then at risk, with how far from target.
  const judgedKpis = report.kpis.map((k) => ({ k, v: valueOf(k) })).filter((x): x is { k: ReportKpi; v: ReportValue } => x.v !== undefined);
  const miss = (k: ReportKpi, v: ReportValue) =>
    `${title(k)} (${v.attainment !== null ? formatValue(v.attainment, 'percent', lang) : v.gap !== null ? formatChange(v.gap, null, k.unit as Unit, lang, cur) : val(k, v.value)})`;
  // Furthest from target first: lowest attainment, then those judged in points by their gap.
  const worstFirst = (a: { v: ReportValue }, b: { v: ReportValue }) => (a.v.attainment ?? Infinity) - (b.v.attainment ?? Infinity);
  const off = judgedKpis.filter((x) => x.v.status === 'off-track').sort(worstFirst);
  const risk = judgedKpis.filter((x) => x.v.status === 'at-risk').sort(worstFirst);
  if (off.length) out.push({ kind: 'missed', text: w.missedOff(listOf(off.map((x) => miss(x.k, x.v)), off.length, w)) });
  if (risk.length) out.push({ kind: 'missed', text: w.missedRisk(listOf(risk.map((x) => miss(x.k, x.v)), risk.length, w)) });
  if (!off.length && !risk.length && judged) out.push({ kind: 'missed', text: w.allOnTrack });

  // 4. Why: for the first off-track, then at-risk KPIs, the member behind the adverse change.
  if (previousName) {
    const drivers = [...insights.drivers].sort((a, b) => (a.status === b.status ? 0 : a.status === 'off-track' ? -1 : 1));
    let told = 0;
    for (const d of drivers) {
      if (told >= WHY_MAX) break;
      const kpi = byId.get(d.kpi);
      if (!kpi || d.notComparable || d.change === null) continue;
      const text = whySentence(report, kpi, d, lang, w, d.likeForLike ? w.sameMonths(previousName) : previousName);
      if (text) {
        out.push({ kind: 'why', text });
        told++;
      }
    }
  }

  // 5. What moved most against the previous period, good news and bad.
  const movers = insights.movers.map((m) => ({ m, k: byId.get(m.kpi)! })).filter((x) => x.k);
  const moverText = ({ m, k }: (typeof movers)[number]) => `${title(k)} (${formatChange(m.change, m.changeRatio, k.unit as Unit, lang, cur)})`;
  const better = movers.filter((x) => x.m.tone === 'good');
  const worse = movers.filter((x) => x.m.tone === 'bad');
  const moved = [better.length ? w.better(listOf(better.slice(0, 2).map(moverText), Math.min(2, better.length), w)) : '', worse.length ? w.worse(listOf(worse.slice(0, 2).map(moverText), Math.min(2, worse.length), w)) : '']
    .filter(Boolean)
    .join(' ');
  if (moved) out.push({ kind: 'moved', text: moved });

  // 6. Against the same period last year: how many KPIs are better, how many worse.
  let lyBetter = 0;
  let lyWorse = 0;
  let lyLabel: string | null = null;
  for (const { k, v } of judgedKpis) {
    const ly = v.lastYear?.likeForLike ?? v.lastYear;
    const g = good(ly?.change, k);
    if (g === null || !v.lastYear) continue;
    lyLabel ??= v.lastYear.period;
    if (g) lyBetter++;
    else lyWorse++;
  }
  if (lyLabel && lyBetter + lyWorse > 0) out.push({ kind: 'last-year', text: w.lastYear(summaryPeriodName(lyLabel, lang), lyBetter, lyWorse, lyBetter + lyWorse) });

  // 7. Not final: a partial period, a maturing cohort.
  if (info.partial) out.push({ kind: 'not-final', text: w.partial(name, report.asOf ? dayName(report.asOf, lang) : '–') });
  else if (judgedKpis.some(({ v }) => v.notes.includes('maturing'))) out.push({ kind: 'not-final', text: w.maturing });
  return out;
}

/** One off-track or at-risk KPI: the breakdown member whose change hurt it most, or that none did. */
function whySentence(report: Report, kpi: ReportKpi, d: KpiDrivers, lang: Lang, w: Words, previous: string): string | null {
  // The adverse member with the largest change across the KPI's breakdowns (members are largest change first).
  let pick: { by: string; member: KpiDrivers['breakdowns'][number]['members'][number]; method: 'contribution' | 'own-change' } | null = null;
  for (const b of d.breakdowns) {
    const m = b.members.find((x) => x.tone === 'bad' && x.change !== null);
    if (!m) continue;
    const size = (x: typeof m) => Math.abs(x.shareOfChange ?? 0) || 0;
    if (!pick || (b.method === 'contribution' && pick.method === 'contribution' ? size(m) > size(pick.member) : false)) pick = { by: b.by, member: m, method: b.method };
  }
  const title = kpi.title[lang];
  if (!pick) return good(d.change, kpi) ? w.noneDown(title, previous) : null;
  const labels = report.labels[pick.by === 'owner' || pick.by === 'lead_rep' ? 'rep' : pick.by];
  const l = labels?.[pick.member.member];
  const member = l === undefined ? pick.member.member : typeof l === 'string' ? l : l[lang];
  const by = w.breakdowns[pick.by] ?? pick.by;
  const change = formatChange(pick.member.change, null, kpi.unit as Unit, lang, report.company.currency);
  if (pick.method === 'contribution') {
    const share = pick.member.shareOfChange !== null && pick.member.shareOfChange > 0 ? formatValue(pick.member.shareOfChange, 'percent', lang) : null;
    return w.whyAdditive(title, member, by, change, share, previous);
  }
  return w.whyOwn(title, member, by, change, previous);
}
