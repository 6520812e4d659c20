/**
 * The diff as a pull-request comment: a one-line summary first, validation problems, then
 * restatements said loudly, definition changes, the new month; long lists folded in <details>.
 * Text from data is escaped so a comment cannot ping people, link or inject HTML.
 */
import { formatValue, type Lang } from '../i18n/format-value.ts';
import { t } from '../i18n/messages.ts';
import type { Report } from '../report/build-report.ts';
import { formatIssue, type Issue } from '../validate/issue.ts';
import type { ReportDiff, ValueChange } from './diff-reports.ts';

const TOP = 10;

const W = {
  id: {
    none: 'tidak ada perubahan KPI',
    added: 'ditambahkan',
    restated: 'dinyatakan ulang',
    values: 'nilai',
    definitionsChanged: (n: number) => `${n} definisi KPI berubah`,
    problems: (n: number) => `${n} masalah validasi`,
    problemsTitle: '❌ Masalah validasi di head',
    problemsNote: 'KPI tidak dapat dihitung sampai masalah ini diperbaiki.',
    restatedTitle: '⚠️ Bulan tertutup berubah (restatement)',
    files: 'Berkas dan catatan yang berubah',
    definitionsTitle: 'Definisi KPI berubah',
    fields: 'bagian yang berubah',
    newMonth: 'Bulan baru',
    more: (n: number) => `${n} perubahan lainnya`,
    kpi: 'KPI', period: 'Periode', before: 'Sebelum', after: 'Sesudah', change: 'Perubahan', status: 'Status', value: 'Nilai', target: 'Target',
    recAdded: 'ditambah', recRemoved: 'dihapus', recChanged: 'diubah', fileAdded: 'berkas baru', fileRemoved: 'berkas dihapus',
    kpiAdded: 'KPI baru', kpiRemoved: 'KPI dihapus',
  },
  en: {
    none: 'no KPI changes',
    added: 'added',
    restated: 'restated',
    values: 'values',
    definitionsChanged: (n: number) => `${n} KPI definition${n === 1 ? '' : 's'} changed`,
    problems: (n: number) => `${n} validation problem${n === 1 ? '' : 's'}`,
    problemsTitle: '❌ Validation problems at head',
    problemsNote: 'KPIs cannot be computed until these are fixed.',
    restatedTitle: '⚠️ Closed months changed (restatement)',
    files: 'Files and records changed',
    definitionsTitle: 'KPI definitions changed',
    fields: 'changed',
    newMonth: 'New month',
    more: (n: number) => `${n} more changes`,
    kpi: 'KPI', period: 'Period', before: 'Before', after: 'After', change: 'Change', status: 'Status', value: 'Value', target: 'Target',
    recAdded: 'added', recRemoved: 'removed', recChanged: 'changed', fileAdded: 'new file', fileRemoved: 'file removed',
    kpiAdded: 'KPI added', kpiRemoved: 'KPI removed',
  },
};

/** Escapes text for GitHub markdown: no HTML, no links or emphasis, no @mentions or #refs. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b')
    .replace(/\r?\n/g, ' ');
}

function code(s: string): string {
  return '`' + s.replace(/`/g, "'").replace(/@/g, '@\u200b') + '`';
}

export interface MarkdownInput {
  diff: ReportDiff | null;
  head: Report | null;
  base: Report | null;
  issues: Issue[];
  lang: Lang;
}

export function renderDiffMarkdown({ diff, head, base, issues, lang }: MarkdownInput): string {
  const w = W[lang];
  const m = t(lang);
  const errors = issues.filter((i) => i.level === 'error');
  const report = head ?? base;
  const title = (id: string) => escapeMarkdown(report?.kpis.find((k) => k.id === id)?.title[lang] ?? base?.kpis.find((k) => k.id === id)?.title[lang] ?? id);
  const unitOf = (id: string) => (head?.kpis.find((k) => k.id === id) ?? base?.kpis.find((k) => k.id === id))?.unit ?? 'count';
  const fmt = (id: string, x: number | null) => formatValue(x, unitOf(id), lang, report?.company.currency);
  const status = (s: string | null) => (s ? m[s as 'on-track'] : '–');
  const lines: string[] = [];

  const parts: string[] = [];
  if (diff?.newMonths.length) parts.push(`${diff.newMonths.join(', ')} ${w.added}`);
  if (diff?.restatedMonths.length) parts.push(`⚠️ ${diff.restatedMonths.join(', ')} ${w.restated} (${diff.values.filter((v) => v.kind === 'restatement').length} ${w.values})`);
  if (diff?.definitions.length) parts.push(w.definitionsChanged(diff.definitions.length));
  if (errors.length) parts.push(`❌ ${w.problems(errors.length)}`);
  lines.push(`**capaian**: ${parts.length ? parts.join(' · ') : w.none}`);

  if (errors.length) {
    lines.push('', `### ${w.problemsTitle}`, '', w.problemsNote, '', ...fence(issues.map((i) => formatIssue(i)), 20, w));
  }
  if (!diff) return lines.join('\n') + '\n';

  const table = (rows: ValueChange[], withPeriod: boolean) => {
    const head1 = withPeriod ? `| ${w.kpi} | ${w.period} | ${w.before} | ${w.after} | ${w.change} | ${w.status} |` : `| ${w.kpi} | ${w.before} | ${w.after} | ${w.change} | ${w.status} |`;
    const sep = withPeriod ? '|---|---|--:|--:|--:|---|' : '|---|--:|--:|--:|---|';
    const row = (v: ValueChange) => {
      const change = v.changeRatio !== null ? `${v.changeRatio > 0 ? '+' : ''}${(v.changeRatio * 100).toFixed(1)}%` : v.change !== null ? fmt(v.kpi, v.change) : '–';
      const st = v.statusBefore === v.statusAfter ? status(v.statusAfter) : `${status(v.statusBefore)} → ${status(v.statusAfter)}`;
      return withPeriod ? `| ${title(v.kpi)} | ${v.period} | ${fmt(v.kpi, v.before)} | ${fmt(v.kpi, v.after)} | ${change} | ${st} |` : `| ${title(v.kpi)} | ${fmt(v.kpi, v.before)} | ${fmt(v.kpi, v.after)} | ${change} | ${st} |`;
    };
    return folded(rows, head1, sep, row, w);
  };

  const restated = diff.values.filter((v) => v.kind === 'restatement').sort(bySize);
  if (diff.restatedMonths.length || restated.length) {
    lines.push('', `### ${w.restatedTitle}`, '');
    const changed = diff.files.filter((f) => diff.restatedMonths.some((mo) => f.file.startsWith(`data/${mo.slice(0, 4)}/${mo.slice(5, 7)}/`)) || !/^data\/\d{4}\//.test(f.file));
    if (changed.length) {
      lines.push(`**${w.files}:**`, '');
      for (const f of changed) {
        const bits = [
          f.status === 'added' ? w.fileAdded : f.status === 'removed' ? w.fileRemoved : '',
          f.added.length ? `${f.added.length} ${w.recAdded} (${ids(f.added)})` : '',
          f.removed.length ? `${f.removed.length} ${w.recRemoved} (${ids(f.removed)})` : '',
          f.changed.length ? `${f.changed.length} ${w.recChanged} (${ids(f.changed)})` : '',
        ].filter(Boolean);
        lines.push(`- ${code(f.file)}: ${bits.join(', ')}`);
      }
      lines.push('');
    }
    if (restated.length) lines.push(...table(restated, true));
  }

  if (diff.definitions.length) {
    lines.push('', `### ${w.definitionsTitle}`, '');
    for (const d of diff.definitions) {
      const n = diff.values.filter((v) => v.kind === 'definition' && v.kpi === d.kpi).length;
      const what = d.status === 'added' ? w.kpiAdded : d.status === 'removed' ? w.kpiRemoved : `${w.fields}: ${d.fields.map(code).join(', ')}`;
      lines.push(`- ${code(d.file)} (${title(d.kpi)}): ${what}; ${n} ${w.values}`);
    }
    const defValues = diff.values.filter((v) => v.kind === 'definition' && v.grain === 'month').sort(bySize);
    if (defValues.length) lines.push('', ...table(defValues, true));
  }

  for (const month of diff.newMonths) {
    const rows = (head?.kpis ?? []).map((k) => ({ k, v: k.values.month?.find((x) => x.period === month) })).filter((x) => x.v);
    if (!rows.length) continue;
    lines.push('', `### ${w.newMonth} ${month}`, '');
    const order = { 'off-track': 0, 'at-risk': 1, 'on-track': 2 } as const;
    rows.sort((a, b) => (a.v!.status ? order[a.v!.status] : 3) - (b.v!.status ? order[b.v!.status] : 3) || Math.abs(b.v!.changeRatio ?? 0) - Math.abs(a.v!.changeRatio ?? 0));
    const header = `| ${w.kpi} | ${w.value} | ${w.target} | ${w.status} | ${m.vsPrevious.month} |`;
    const render = ({ k, v }: (typeof rows)[number]) =>
      `| ${escapeMarkdown(k.title[lang])} | ${fmt(k.id, v!.value)} | ${fmt(k.id, v!.target)} | ${status(v!.status)} | ${v!.changeRatio !== null ? `${v!.changeRatio > 0 ? '+' : ''}${(v!.changeRatio * 100).toFixed(1)}%` : '–'} |`;
    lines.push(...folded(rows, header, '|---|--:|--:|---|--:|', render, w));
  }
  return lines.join('\n') + '\n';
}

function bySize(a: ValueChange, b: ValueChange): number {
  return Math.abs(b.changeRatio ?? (b.after === null || b.before === null ? Infinity : 0)) - Math.abs(a.changeRatio ?? (a.after === null || a.before === null ? Infinity : 0)) || (a.kpi < b.kpi ? -1 : 1);
}

function ids(list: string[]): string {
  const shown = list.slice(0, 5).map(code).join(', ');
  return list.length > 5 ? `${shown}, …` : shown;
}

/** A table with its first rows shown and the rest folded. */
function folded<T>(rows: T[], header: string, sep: string, render: (r: T) => string, w: (typeof W)['en']): string[] {
  const out = [header, sep, ...rows.slice(0, TOP).map(render)];
  if (rows.length > TOP) out.push('', `<details><summary>${w.more(rows.length - TOP)}</summary>`, '', header, sep, ...rows.slice(TOP).map(render), '', '</details>');
  return out;
}

function fence(list: string[], max: number, w: (typeof W)['en']): string[] {
  const out = ['```', ...list.slice(0, max).map((l) => l.replace(/```/g, "'''")), '```'];
  if (list.length > max) out.push('', `<details><summary>${w.more(list.length - max)}</summary>`, '', '```', ...list.slice(max).map((l) => l.replace(/```/g, "'''")), '```', '', '</details>');
  return out;
}
