/**
 * What a change does to the team's reviews, for the PR comment: each review added, changed or
 * removed, with the actions it sets, the actions closed (done or dropped) and the causes written.
 * Compared on the reviews of the two report models (src/report/reviews.ts), never on the files'
 * text, so reformatting a review is no change. Every string from a review reaches markdown
 * through `inert`.
 */
import type { Lang } from '../i18n/format-value.ts';
import type { Report, ReviewView } from '../report/model.ts';
import { codeOf, inert } from './inert.ts';

export interface ReviewChange {
  file: string;
  period: string;
  status: 'added' | 'changed' | 'removed';
  /** Actions set by the change (in no review before): id, KPI, owner, due. */
  newActions: { id: string; kpi: string; owner: string; due: string }[];
  /** Actions whose status went from open to done or dropped in this review. */
  closedActions: { id: string; status: 'done' | 'dropped' }[];
  /** Causes written (not there before), by KPI. */
  newCauses: { kpi: string; text: string }[];
  /** Annotations added. */
  newAnnotations: string[];
}

export function reviewChanges(base: Report | null, head: Report): ReviewChange[] {
  const before = new Map((base?.reviews?.list ?? []).map((r) => [r.file, r]));
  const after = new Map((head.reviews?.list ?? []).map((r) => [r.file, r]));
  const out: ReviewChange[] = [];
  const baseStatus = new Map((base?.reviews?.actions ?? []).map((a) => [a.id, a.status]));
  const empty: ReviewView = { file: '', period: '', grain: 'month', lang: 'id', participants: [], causes: [], actions: [], annotations: [] };
  for (const [file, h] of after) {
    const b = before.get(file);
    const old = b ?? empty;
    const oldActions = new Map(old.actions.map((a) => [a.id, a]));
    const oldCauses = new Set(old.causes.map((c) => `${c.kpi}|${c.text}`));
    const oldNotes = new Set(old.annotations.map((a) => `${a.when}|${a.label}`));
    const change: ReviewChange = {
      file,
      period: h.period,
      status: b ? 'changed' : 'added',
      // Set by this change: in no review at base (an action carried over is not new).
      newActions: h.actions.filter((a) => !oldActions.has(a.id) && !baseStatus.has(a.id)).map((a) => ({ id: a.id, kpi: a.kpi, owner: a.owner, due: a.due })),
      // Open at base (its status then, wherever it was last listed), done or dropped here.
      closedActions: h.actions.flatMap((a) => (a.status !== 'open' && baseStatus.get(a.id) === 'open' ? [{ id: a.id, status: a.status }] : [])),
      newCauses: h.causes.filter((c) => !oldCauses.has(`${c.kpi}|${c.text}`)).map((c) => ({ kpi: c.kpi, text: c.text })),
      newAnnotations: h.annotations.filter((a) => !oldNotes.has(`${a.when}|${a.label}`)).map((a) => `${a.when} ${a.label}`),
    };
    if (change.status === 'added' || change.newActions.length || change.closedActions.length || change.newCauses.length || change.newAnnotations.length || JSON.stringify(old) !== JSON.stringify(h)) out.push(change);
  }
  for (const [file, b] of before) if (!after.has(file)) out.push({ file, period: b.period, status: 'removed', newActions: [], closedActions: [], newCauses: [], newAnnotations: [] });
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

const WORDS = {
  id: {
    title: 'Tinjauan tim',
    summary: (n: number) => `${n} tinjauan diubah`,
    added: 'tinjauan baru',
    changed: 'diubah',
    removed: 'dihapus',
    actions: (n: number) => `${n} tindakan baru`,
    closed: (n: number) => `${n} tindakan ditutup`,
    causes: (n: number) => `${n} penyebab ditulis`,
    notes: 'penanda grafik',
    status: { done: 'selesai', dropped: 'dibatalkan' },
    due: 'tenggat',
  },
  en: {
    title: 'Team reviews',
    summary: (n: number) => `${n} review${n === 1 ? '' : 's'} changed`,
    added: 'new review',
    changed: 'changed',
    removed: 'removed',
    actions: (n: number) => `${n} new action${n === 1 ? '' : 's'}`,
    closed: (n: number) => `${n} action${n === 1 ? '' : 's'} closed`,
    causes: (n: number) => `${n} cause${n === 1 ? '' : 's'} written`,
    notes: 'chart markers',
    status: { done: 'done', dropped: 'dropped' },
    due: 'due',
  },
} as const;

export function reviewSummary(changes: ReviewChange[], lang: Lang): string {
  return WORDS[lang].summary(changes.length);
}

/** The section of the PR comment: its heading and one list item per review, with sub-items. */
export function reviewLines(changes: ReviewChange[], lang: Lang, title: (kpi: string) => string): { heading: string; lines: string[] } {
  const w = WORDS[lang];
  const lines: string[] = [];
  for (const c of changes) {
    const counts = [c.newActions.length ? w.actions(c.newActions.length) : '', c.closedActions.length ? w.closed(c.closedActions.length) : '', c.newCauses.length ? w.causes(c.newCauses.length) : ''].filter(Boolean);
    lines.push(`- ${codeOf(c.file)}: ${[w[c.status], ...counts].join(', ')}`);
    for (const k of c.newCauses) lines.push(`  - ${title(k.kpi)}: ${inert(k.text, 200)}`);
    for (const a of c.newActions) lines.push(`  - ${codeOf(a.id)} ${title(a.kpi)}, ${inert(a.owner)}, ${w.due} ${a.due}`);
    for (const a of c.closedActions) lines.push(`  - ${codeOf(a.id)}: ${w.status[a.status]}`);
    if (c.newAnnotations.length) lines.push(`  - ${w.notes}: ${c.newAnnotations.map((n) => inert(n, 40)).join(', ')}`);
  }
  return { heading: `### ${w.title}`, lines };
}
