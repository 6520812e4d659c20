/**
 * `capaian fmt` for a review, reviews/<period>.mdx: its frontmatter in canonical form (the
 * schema's key order, every value and comment kept, by the same writer as the data files); the
 * MDX body below it is the manager's text and is left exactly as it is.
 */
import { issue } from '../issues/issue.ts';
import type { Report } from '../report/model.ts';
import { formatYaml, type Formatted } from './format-file.ts';
import { REVIEW_LAYOUT } from './layout.ts';
import { toYaml } from './to-yaml.ts';

export function formatReview(text: string, file: string): Formatted {
  const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const lines = src.split('\n');
  const end = lines[0]?.trimEnd() === '---' ? lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---') : -1;
  if (end < 0) return { issues: [issue(file, [], 'no-frontmatter', 'a review starts with its frontmatter between two "---" lines', 'begin the file with ---, the fields, then --- and the narrative (see docs/reviews.md)')] };
  const yaml = lines.slice(1, end).join('\n') + '\n';
  const formatted = formatYaml(yaml, 'review', file);
  if (formatted.issues) {
    // Lines of the frontmatter are one below the file's (the opening ---).
    return { issues: formatted.issues.map((i) => (i.line ? { ...i, line: i.line + 1 } : i)) };
  }
  return { text: `---\n${formatted.text}---\n${lines.slice(end + 1).join('\n')}` };
}

/**
 * The skeleton of a month's review, for `capaian new-month`: the period, the reps who worked in
 * it as participants, the KPIs off track that month listed (commented out) as causes to fill, and
 * every action still open carried over with its status, in canonical form. Valid as it stands:
 * until a cause is written, `validate` warns that the off-track KPI has none.
 */
export function reviewSkeleton(report: Report, period: string): string {
  const lang: 'id' | 'en' = report.company.locale.startsWith('en') ? 'en' : 'id';
  const participants = report.team.reps.filter((r) => r.lastMonth !== null && r.lastMonth >= period && r.joined.slice(0, 7) <= period).map((r) => r.id);
  const offTrack = report.kpis.filter((k) => k.values.month?.find((v) => v.period === period)?.status === 'off-track');
  const carried = (report.reviews?.actions ?? []).filter((a) => a.status === 'open').map((a) => ({ id: a.id, kpi: a.kpi, owner: a.owner, due: a.due, status: a.status, text: a.text }));
  const value = { period, lang, participants, causes: [], actions: carried, annotations: [] };
  const yaml = toYaml(value, { ...REVIEW_LAYOUT, omitDefaults: false });
  // Examples with a KPI of this repository, as code (not embedded) until the manager writes them.
  const example = offTrack[0] ?? report.kpis[0];
  const id = example?.id ?? 'kpi-id';
  const by = example?.breakdowns[0] ?? 'region';
  const embeds = (or: string) => `\`<Kpi id="${id}" />\`, \`<Trend id="${id}" />\`, \`<Breakdown id="${id}" by="${by}" />\` ${or} \`<Leaderboard />\``;
  const words = lang === 'id'
    ? { head: `Tinjauan ${period}: tulis penyebab KPI yang meleset dan tindakannya, lalu narasinya di bawah (docs/reviews.md).`, off: `Meleset dari target di ${period}: hapus tanda # lalu tulis penyebabnya di text:.`, none: `Tidak ada KPI yang meleset di ${period}.`, carried: 'Tindakan yang masih terbuka dari tinjauan sebelumnya: ubah status ke done atau dropped bila sudah selesai.', body: `Tulis di sini ringkasan bulan ${period}. Angka tidak diketik: sisipkan ${embeds('atau')}.` }
    : { head: `Review of ${period}: write the causes of the KPIs off track and the actions, then the narrative below (docs/reviews.md).`, off: `Off track in ${period}: remove the # and write the cause in text:.`, none: `No KPI off track in ${period}.`, carried: 'Actions still open from earlier reviews: set status to done or dropped when finished.', body: `Write the month's summary here. Numbers are never typed: embed ${embeds('or')}.` };
  const causeLines = offTrack.length ? [`# ${words.off}`, ...offTrack.flatMap((k) => [`# - kpi: ${k.id}`, `#   text:`])] : [`# ${words.none}`];
  const lines = yaml.trimEnd().split('\n').flatMap((l) => {
    if (l.startsWith('causes:')) return [...causeLines, l];
    if (l === 'actions:') return [l, `  # ${words.carried}`];
    return [l];
  });
  return `---\n# ${words.head}\n${lines.join('\n')}\n---\n\n${words.body}\n`;
}
