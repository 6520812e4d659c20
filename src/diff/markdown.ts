/**
 * The diff as a pull-request comment: a one-line summary first (a restatement said loudly),
 * validation problems, then restatements, shared files, target changes, definition changes,
 * new lints and the new months; long tables folded in <details>.
 *
 * Budgeted by design: GitHub takes 65,536 characters in a comment (the budget counts UTF-8 bytes,
 * which are never fewer). The summary line, every
 * heading and every short note are always written; lists and tables get the rest of the budget,
 * a few rows each first and then in the order of the sections, and a cut table ends with
 * "N more rows, see the artifact" (the full report, `budget: Infinity`). Every <details> opened
 * is closed. Every string from the data goes through `inert` (./inert.ts).
 */
import { formatChange, formatValue, type Lang } from '../i18n/format-value.ts';
import { glossary } from '../i18n/glossary.ts';
import { t } from '../i18n/messages.ts';
import { formatIssue, type Issue } from '../issues/issue.ts';
import type { ReportDiff, ValueChange } from './diff-reports.ts';
import { codeOf, fenceOf, inert } from './inert.ts';
import { reviewLines, reviewSummary } from './review-changes.ts';
import type { SummaryItem } from './record-changes.ts';
import type { Report } from '../report/model.ts';

/** The default budget: room under GitHub's 65,536 for what the workflow adds around the comment. */
export const DEFAULT_BUDGET = 60_000;
/** Rows shown before the rest is folded. */
const TOP = 10;
/** Rows every list or table gets before any gets more. */
const FIRST = 3;

type Noun = { one: string; many: string };
const NOUNS: Record<Lang, Record<string, Noun>> = {
  en: {
    customers: { one: 'customer', many: 'customers' },
    reps: { one: 'rep', many: 'reps' },
    products: { one: 'product', many: 'products' },
    categories: { one: 'category', many: 'categories' },
    goals: { one: 'goal', many: 'goals' },
    targets: { one: 'target', many: 'targets' },
    holidays: { one: 'holiday', many: 'holidays' },
    regions: { one: 'region', many: 'regions' },
    segments: { one: 'segment', many: 'segments' },
    lead_sources: { one: 'lead source', many: 'lead sources' },
    lost_reasons: { one: 'lost reason', many: 'lost reasons' },
    records: { one: 'record', many: 'records' },
  },
  id: {
    customers: { one: 'pelanggan', many: 'pelanggan' },
    reps: { one: 'sales', many: 'sales' },
    products: { one: 'produk', many: 'produk' },
    categories: { one: 'kategori', many: 'kategori' },
    goals: { one: 'tujuan', many: 'tujuan' },
    targets: { one: 'target', many: 'target' },
    holidays: { one: 'hari libur', many: 'hari libur' },
    regions: { one: 'wilayah', many: 'wilayah' },
    segments: { one: 'segmen', many: 'segmen' },
    lead_sources: { one: 'sumber prospek', many: 'sumber prospek' },
    lost_reasons: { one: 'alasan kalah', many: 'alasan kalah' },
    records: { one: 'catatan', many: 'catatan' },
  },
};

/** Field names in Indonesian, where the summary of a shared file names them. */
const FIELD_ID: Record<string, string> = { owner: 'pemilik', region: 'wilayah', segment: 'segmen', name: 'nama', since: 'tanggal mulai', category: 'kategori', tier: 'tingkat', list_price: 'harga daftar', joined: 'tanggal bergabung', left: 'tanggal keluar', title: 'judul', kpi: 'KPI' };

const W = {
  id: {
    none: 'tidak ada perubahan KPI',
    added: 'ditambahkan',
    restated: (periods: string, n: number) => `⚠️ **DINYATAKAN ULANG: ${periods}** (${n} nilai)`,
    targets: (periods: string, n: number) => `🎯 target berubah: ${periods} (${n} nilai)`,
    months: (n: number) => `${n} bulan`,
    nValues: (n: number) => `${n} nilai`,
    definitionsChanged: (n: number) => `${n} definisi KPI berubah`,
    sharedChanged: (n: number) => `${n} berkas bersama berubah`,
    problems: (n: number) => `${n} masalah validasi`,
    newLints: (n: number) => `${n} lint baru`,
    problemsTitle: '❌ Masalah validasi di head',
    problemsNote: 'KPI tidak dapat dihitung sampai masalah ini diperbaiki.',
    restatedTitle: '⚠️ Periode tertutup berubah (restatement)',
    restatedNote: 'Nilai periode yang sudah ada di base berubah (total dan anggota rincian), apa pun berkas penyebabnya.',
    files: 'Berkas bulan yang berubah',
    sharedTitle: 'Berkas bersama yang berubah',
    targetsTitle: '🎯 Target berubah',
    definitionsTitle: 'Definisi KPI berubah',
    lintsTitle: 'Lint baru',
    fields: 'bagian yang berubah',
    newMonth: 'Bulan baru',
    openNote: (n: number) => `${n} nilai periode yang belum final (kuartal atau tahun berjalan, kohort yang masih matang) bergerak karena bulan baru.`,
    more: (n: number) => `${n} perubahan lainnya`,
    weeksTitle: 'Minggu KPI mingguan yang bergerak',
    weeks: (n: number) => `${n} minggu`,
    truncated: (n: number) => `… ${n} baris lainnya, lihat artefak (laporan lengkap)`,
    kpi: glossary('id').kpi, period: glossary('id').period, before: 'Sebelum', after: 'Sesudah', change: glossary('id').change, status: glossary('id').status, value: glossary('id').value, target: glossary('id').target,
    targetBefore: `${glossary('id').target} sebelum`, targetAfter: `${glossary('id').target} sesudah`,
    recAdded: 'ditambah', recRemoved: 'dihapus', recChanged: 'diubah', fileAdded: 'berkas baru', fileRemoved: 'berkas dihapus',
    kpiAdded: 'KPI baru', kpiRemoved: 'KPI dihapus',
    /** `noun` and `field` are already inert. */
    item: (i: SummaryItem, noun: string, field: string | null) =>
      i.count === null ? `${noun} berubah` : `${i.count} ${noun} ${i.action === 'added' ? 'ditambah' : i.action === 'removed' ? 'dihapus' : field ? `berganti ${field}` : 'diubah'}`,
  },
  en: {
    none: 'no KPI changes',
    added: 'added',
    restated: (periods: string, n: number) => `⚠️ **RESTATED: ${periods}** (${n} value${n === 1 ? '' : 's'})`,
    targets: (periods: string, n: number) => `🎯 targets changed: ${periods} (${n} value${n === 1 ? '' : 's'})`,
    months: (n: number) => `${n} months`,
    nValues: (n: number) => `${n} value${n === 1 ? '' : 's'}`,
    definitionsChanged: (n: number) => `${n} KPI definition${n === 1 ? '' : 's'} changed`,
    sharedChanged: (n: number) => `${n} shared file${n === 1 ? '' : 's'} changed`,
    problems: (n: number) => `${n} validation problem${n === 1 ? '' : 's'}`,
    newLints: (n: number) => `${n} new lint${n === 1 ? '' : 's'}`,
    problemsTitle: '❌ Validation problems at head',
    problemsNote: 'KPIs cannot be computed until these are fixed.',
    restatedTitle: '⚠️ Closed periods changed (restatement)',
    restatedNote: 'Values of periods the base already had changed (totals and breakdown members), whatever file caused it.',
    files: 'Month files changed',
    sharedTitle: 'Shared files changed',
    targetsTitle: '🎯 Targets changed',
    definitionsTitle: 'KPI definitions changed',
    lintsTitle: 'New lints',
    fields: 'changed',
    newMonth: 'New month',
    openNote: (n: number) => `${n} value${n === 1 ? '' : 's'} of periods still open (quarter or year to date, cohorts still maturing) moved with the new month.`,
    more: (n: number) => `${n} more changes`,
    weeksTitle: 'Weeks of weekly KPIs that moved',
    weeks: (n: number) => `${n} week${n === 1 ? '' : 's'}`,
    truncated: (n: number) => `… ${n} more row${n === 1 ? '' : 's'}, see the artifact (the full report)`,
    kpi: glossary('en').kpi, period: glossary('en').period, before: 'Before', after: 'After', change: glossary('en').change, status: glossary('en').status, value: glossary('en').value, target: glossary('en').target,
    targetBefore: `${glossary('en').target} before`, targetAfter: `${glossary('en').target} after`,
    recAdded: 'added', recRemoved: 'removed', recChanged: 'changed', fileAdded: 'new file', fileRemoved: 'file removed',
    kpiAdded: 'KPI added', kpiRemoved: 'KPI removed',
    item: (i: SummaryItem, noun: string, field: string | null) =>
      i.count === null ? `${noun} changed` : `${i.count} ${noun} ${i.action === 'added' ? 'added' : i.action === 'removed' ? 'removed' : field ? `changed ${field}` : 'changed'}`,
  },
};
type Words = (typeof W)['en'];

export interface MarkdownInput {
  diff: ReportDiff | null;
  head: Report | null;
  base: Report | null;
  issues: Issue[];
  lang: Lang;
  /** Characters the comment may take; Infinity for the full report. Default DEFAULT_BUDGET. */
  budget?: number;
}

/** Lines always written (a heading, a note). */
interface Text {
  text: string[];
}
/** A list or table: `head` and `tail` always written around the rows shown, rows cut to the budget. */
interface Rows {
  head: string[];
  rows: string[];
  tail: string[];
  /** Rows shown before the rest is folded into <details>. */
  fold: number;
}
type Block = Text | Rows;

export function renderDiffMarkdown({ diff, head, base, issues, lang, budget = DEFAULT_BUDGET }: MarkdownInput): string {
  const w = W[lang];
  const m = t(lang);
  const errors = issues.filter((i) => i.level === 'error');
  const report = head ?? base;
  const kpiOf = (id: string) => head?.kpis.find((k) => k.id === id) ?? base?.kpis.find((k) => k.id === id);
  const title = (id: string) => inert(kpiOf(id)?.title[lang] ?? id);
  const fmt = (id: string, x: number | null) => inert(formatValue(x, kpiOf(id)?.unit ?? 'count', lang, report?.company.currency));
  const status = (s: string | null) => (s ? ((m as Record<string, unknown>)[s] as string | undefined) ?? inert(s) : '–');
  const blocks: Block[] = [];
  const text = (...lines: string[]) => blocks.push({ text: lines });
  const rows = (headLines: string[], list: string[], tail: string[] = [], fold = TOP) => list.length && blocks.push({ head: headLines, rows: list, tail, fold });

  const parts: string[] = [];
  const restated = diff?.values.filter((v) => v.kind === 'restatement') ?? [];
  const targets = diff?.values.filter((v) => v.kind === 'target') ?? [];
  // Weeks of weekly KPIs: counted with the values, shown one line per KPI under the months.
  const weeksRestated = diff?.weeks?.filter((v) => v.kind === 'restatement') ?? [];
  const weekTargets = diff?.weeks?.filter((v) => v.kind === 'target') ?? [];
  if (diff && (diff.restatedMonths.length || restated.length || weeksRestated.length)) parts.push(w.restated(periodsOf(diff.restatedMonths, [...restated, ...weeksRestated], w), restated.length + weeksRestated.length));
  if (diff?.newMonths.length) parts.push(`${diff.newMonths.join(', ')} ${w.added}`);
  if (targets.length || weekTargets.length) parts.push(w.targets(periodsOf([], [...targets, ...weekTargets], w), targets.length + weekTargets.length));
  if (diff?.definitions.length) parts.push(w.definitionsChanged(diff.definitions.length));
  if (diff?.sharedFiles.length) parts.push(w.sharedChanged(diff.sharedFiles.length));
  if (diff?.newLints.length) parts.push(w.newLints(diff.newLints.length));
  if (diff?.reviews?.length) parts.push(reviewSummary(diff.reviews, lang));
  if (errors.length) parts.push(`❌ ${w.problems(errors.length)}`);
  text(`**capaian**: ${parts.length ? parts.join(' · ') : w.none}`);

  if (errors.length) {
    const fence = fenceOf(issues.map((i) => formatIssue(i)));
    text('', `### ${w.problemsTitle}`, '', w.problemsNote, '');
    rows([fence.open], fence.lines, [fence.close], 20);
  }

  if (diff) {
    const member = (v: ValueChange) => {
      if (!v.breakdown) return title(v.kpi);
      const label = report?.labels[v.breakdown]?.[v.member!] ?? Object.values(report?.labels ?? {}).find((l) => l[v.member!])?.[v.member!];
      const name = label === undefined ? v.member! : typeof label === 'string' ? label : label[lang];
      return `${title(v.kpi)} · ${inert((glossary(lang).breakdowns as Record<string, string>)[v.breakdown] ?? v.breakdown)}: ${inert(name)}`;
    };
    const ratio = (x: number | null) => (x !== null ? `${x > 0 ? '+' : ''}${(x * 100).toFixed(1).replace('.', lang === 'id' ? ',' : '.')}%` : null);
    const st = (v: ValueChange) => (v.statusBefore === v.statusAfter ? status(v.statusAfter) : `${status(v.statusBefore)} → ${status(v.statusAfter)}`);
    const valueTable = (list: ValueChange[]) => {
      const header = [`| ${w.kpi} | ${w.period} | ${w.before} | ${w.after} | ${w.change} | ${w.status} |`, '|---|---|--:|--:|--:|---|'];
      // A percent KPI changes in points, never in percent of a percent (the report's own rule).
      const change = (v: ValueChange) => inert(formatChange(v.change, v.changeRatio, kpiOf(v.kpi)?.unit ?? 'count', lang, report?.company.currency));
      // A target that moved too is said in the status cell, so a restated value and its target read together.
      const withTarget = (v: ValueChange) => (v.targetBefore !== v.targetAfter ? `${st(v)} (${w.target} ${fmt(v.kpi, v.targetBefore)} → ${fmt(v.kpi, v.targetAfter)})` : st(v));
      const row = (v: ValueChange) => `| ${member(v)} | ${v.period} | ${fmt(v.kpi, v.before)} | ${fmt(v.kpi, v.after)} | ${change(v)} | ${withTarget(v)} |`;
      rows(header, list.sort(bySize).map(row));
    };
    // A weekly KPI's moved weeks on one line: each week with its value (or target) before and after, a range past four.
    const weekLines = (list: ValueChange[], what: 'value' | 'target', afterTable: boolean) => {
      if (!list.length) return;
      const byKpi = new Map<string, ValueChange[]>();
      for (const v of list) byKpi.set(v.kpi, [...(byKpi.get(v.kpi) ?? []), v]);
      const line = (kpi: string, weeks: ValueChange[]) => {
        const moved = (v: ValueChange) => (what === 'value' ? `${fmt(kpi, v.before)} → ${fmt(kpi, v.after)}` : `${w.target} ${fmt(kpi, v.targetBefore)} → ${fmt(kpi, v.targetAfter)}`);
        const shown = weeks.length <= 4 ? weeks.map((v) => `${v.period} (${moved(v)})`).join(', ') : `${weeks[0]!.period} … ${weeks[weeks.length - 1]!.period} (${w.weeks(weeks.length)})`;
        return `- ${title(kpi)}: ${shown}`;
      };
      text(...(afterTable ? [''] : []), `**${w.weeksTitle}:**`, '');
      rows([], [...byKpi].map(([kpi, weeks]) => line(kpi, weeks)), [], Infinity);
    };

    if (restated.length || diff.restatedMonths.length || weeksRestated.length) {
      text('', `### ${w.restatedTitle}`, '', w.restatedNote, '');
      const changed = diff.files.filter((f) => diff.restatedMonths.some((mo) => f.file.startsWith(`data/${mo.slice(0, 4)}/${mo.slice(5, 7)}/`)));
      if (changed.length) {
        const line = (f: (typeof changed)[number]) => {
          const bits = [
            f.status === 'added' ? w.fileAdded : f.status === 'removed' ? w.fileRemoved : '',
            f.added.length ? `${f.added.length} ${w.recAdded} (${ids(f.added)})` : '',
            f.removed.length ? `${f.removed.length} ${w.recRemoved} (${ids(f.removed)})` : '',
            f.changed.length ? `${f.changed.length} ${w.recChanged} (${ids(f.changed)})` : '',
          ].filter(Boolean);
          return `- ${codeOf(f.file)}: ${bits.join(', ')}`;
        };
        text(`**${w.files}:**`, '');
        rows([], changed.map(line), [''], Infinity);
      }
      valueTable(restated);
      weekLines(weeksRestated, 'value', restated.length > 0);
    }

    if (diff.sharedFiles.length) {
      text('', `### ${w.sharedTitle}`, '');
      const nouns = NOUNS[lang];
      const line = (f: ReportDiff['sharedFiles'][number]) => {
        const items = f.summary.map((i) => {
          const n = i.count === null ? undefined : nouns[i.subject];
          const noun = n ? (i.count === 1 ? n.one : n.many) : inert(i.subject);
          const field = i.field ? (lang === 'id' ? FIELD_ID[i.field] : undefined) ?? inert(i.field) : null;
          return w.item(i, noun, field);
        });
        const status = f.status === 'added' ? w.fileAdded : f.status === 'removed' ? w.fileRemoved : '';
        return `- ${codeOf(f.file)}: ${[status, ...items].filter(Boolean).join('; ') || w.recChanged}`;
      };
      rows([], diff.sharedFiles.map(line), [], Infinity);
    }

    if (targets.length || weekTargets.length) {
      text('', `### ${w.targetsTitle}`, '');
      const header = [`| ${w.kpi} | ${w.period} | ${w.targetBefore} | ${w.targetAfter} | ${w.value} | ${w.status} |`, '|---|---|--:|--:|--:|---|'];
      const order = (v: ValueChange) => (v.breakdown ? 1 : 0);
      const row = (v: ValueChange) => `| ${member(v)} | ${v.period} | ${fmt(v.kpi, v.targetBefore)} | ${fmt(v.kpi, v.targetAfter)} | ${fmt(v.kpi, v.after)} | ${st(v)} |`;
      rows(header, targets.sort((a, b) => order(a) - order(b) || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)).map(row));
      weekLines(weekTargets, 'target', targets.length > 0);
    }

    if (diff.definitions.length) {
      text('', `### ${w.definitionsTitle}`, '');
      const line = (d: ReportDiff['definitions'][number]) => {
        const n = diff.values.filter((v) => v.kind === 'definition' && v.kpi === d.kpi).length;
        const what = d.status === 'added' ? w.kpiAdded : d.status === 'removed' ? w.kpiRemoved : `${w.fields}: ${d.fields.map((f) => codeOf(f)).join(', ')}`;
        return `- ${codeOf(d.file)} (${title(d.kpi)}): ${what}; ${w.nValues(n)}`;
      };
      rows([], diff.definitions.map(line), [''], Infinity);
      valueTable(diff.values.filter((v) => v.kind === 'definition' && v.grain === 'month' && !v.breakdown));
    }

    if (diff.reviews?.length) {
      const section = reviewLines(diff.reviews, lang, title);
      text('', section.heading, '');
      rows([], section.lines, [], Infinity);
    }

    if (diff.newLints.length) {
      text('', `### ${w.lintsTitle}`, '');
      rows([], diff.newLints.map((l) => `- ${inert(l.message[lang], 400)}${l.file ? ` (${codeOf(l.file)})` : ''}`), [], Infinity);
    }

    const open = diff.values.filter((v) => v.kind === 'open-period').length;
    diff.newMonths.forEach((month, i) => {
      const list = (head?.kpis ?? []).map((k) => ({ k, v: k.values.month?.find((x) => x.period === month) })).filter((x) => x.v);
      text('', `### ${w.newMonth} ${month}`, '');
      if (open && i === diff.newMonths.length - 1) text(w.openNote(open), '');
      if (!list.length) return;
      const order: Record<string, number> = { 'off-track': 0, 'at-risk': 1, 'on-track': 2 };
      list.sort((a, b) => (a.v!.status ? (order[a.v!.status] ?? 3) : 3) - (b.v!.status ? (order[b.v!.status] ?? 3) : 3) || Math.abs(b.v!.changeRatio ?? 0) - Math.abs(a.v!.changeRatio ?? 0));
      const header = [`| ${w.kpi} | ${w.value} | ${w.target} | ${w.status} | ${m.vsPrevious.month} |`, '|---|--:|--:|---|--:|'];
      rows(header, list.map(({ k, v }) => `| ${inert(k.title[lang])} | ${fmt(k.id, v!.value)} | ${fmt(k.id, v!.target)} | ${status(v!.status)} | ${ratio(v!.changeRatio) ?? '–'} |`));
    });
  }
  return layout(blocks, budget, w).join('\n') + '\n';
}

/** The periods of a list of changes, compact: months first, then quarters and years not covered by a listed month. */
function periodsOf(months: string[], values: ValueChange[], w: Words): string {
  const list = new Set(months);
  for (const v of values) if (v.grain === 'month') list.add(v.period);
  const monthsShown = [...list];
  for (const v of values) if (v.grain !== 'month' && !monthsShown.some((mo) => mo.startsWith(v.period.slice(0, 4)))) list.add(v.period);
  const all = [...list].sort();
  if (all.length <= 6) return all.join(', ');
  return `${all[0]} … ${all[all.length - 1]} (${all.every((p) => /^\d{4}-\d{2}$/.test(p)) ? w.months(all.length) : all.length})`;
}

/**
 * The blocks as lines within the budget. Text blocks, the heads and tails of lists and a
 * possible "N more rows" note are counted first; the rows share what is left, FIRST rows each,
 * then in order.
 */
function layout(blocks: Block[], budget: number, w: Words): string[] {
  // Counted in UTF-8 bytes, never fewer than characters: within the budget whichever GitHub counts.
  const bytes = (l: string) => Buffer.byteLength(l, 'utf8') + 1;
  const size = (lines: string[]) => lines.reduce((n, l) => n + bytes(l), 0);
  const lists = blocks.filter((b): b is Rows => 'rows' in b);
  const DETAILS = size(['', '<details><summary>' + w.more(999999) + '</summary>', '', '', '</details>']);
  let left = budget - size(blocks.flatMap((b) => ('text' in b ? b.text : [...b.head, ...b.tail])));
  // What each list may cost besides its rows: the note when cut, the fold and the repeated head.
  for (const b of lists) left -= size(['', w.truncated(b.rows.length)]) + (b.rows.length > b.fold ? DETAILS + size([...b.head, ...b.tail]) : 0);
  const shown = new Map<Rows, number>(lists.map((b) => [b, 0]));
  const take = (b: Rows, upTo: number) => {
    let n = shown.get(b)!;
    while (n < Math.min(upTo, b.rows.length) && bytes(b.rows[n]!) <= left) left -= bytes(b.rows[n++]!);
    shown.set(b, n);
  };
  for (const b of lists) take(b, FIRST);
  for (const b of lists) take(b, Infinity);

  const out: string[] = [];
  for (const b of blocks) {
    if ('text' in b) {
      out.push(...b.text);
      continue;
    }
    const n = shown.get(b)!;
    const visible = Math.min(n, b.fold);
    if (visible > 0) out.push(...b.head, ...b.rows.slice(0, visible), ...b.tail);
    if (n > b.fold) out.push('', `<details><summary>${w.more(n - b.fold)}</summary>`, '', ...b.head, ...b.rows.slice(b.fold, n), ...b.tail, '', '</details>');
    if (n < b.rows.length) out.push('', w.truncated(b.rows.length - n));
  }
  return out;
}

function bySize(a: ValueChange, b: ValueChange): number {
  const size = (v: ValueChange) => Math.abs(v.changeRatio ?? (v.after === null || v.before === null ? Infinity : 0));
  return (a.breakdown ? 1 : 0) - (b.breakdown ? 1 : 0) || size(b) - size(a) || (a.kpi < b.kpi ? -1 : a.kpi > b.kpi ? 1 : 0) || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0);
}

function ids(list: string[]): string {
  const shown = list.slice(0, 5).map((x) => codeOf(x, 60)).join(', ');
  return list.length > 5 ? `${shown}, …` : shown;
}
