/**
 * The reviews in reviews/<period>.mdx: frontmatter (YAML between `---` lines) checked against
 * src/schema/review.ts and against the data (KPIs, reps, regions, categories, periods), and the
 * MDX body parsed, so a syntax error or an embed of an unknown KPI is reported at its line.
 * Pure: it receives the files' text. Every problem is collected.
 *
 * Positions: the frontmatter is located in the file's "YAML view" (`reviewYamlView`), the file
 * with its `---` lines and body blanked, so a line and column in it are the file's own.
 */
import { createProcessor } from '@mdx-js/mdx';
import { monthsOf, parsePeriod, type Grain } from '../calendar/periods.ts';
import { closest } from '../issues/did-you-mean.ts';
import { issue, pushAll, type DocPath, type PendingIssue } from '../issues/issue.ts';
import { decodeText } from '../load/decode.ts';
import { parseYaml, protoKeys } from '../load/parse-yaml.ts';
import { reviewSchema, type Action, type Annotation, type Cause } from '../schema/review.ts';
import { schemaIssues } from './schema-issues.ts';

/** The components a review's body may embed, and the attributes each takes. */
const EMBEDS: Record<string, { required: string[]; optional: string[] }> = {
  Kpi: { required: ['id'], optional: ['period'] },
  Trend: { required: ['id'], optional: ['grain'] },
  Breakdown: { required: ['id', 'by'], optional: ['period'] },
  Leaderboard: { required: [], optional: ['period', 'by'] },
};

export interface ParsedReview {
  file: string;
  period: string;
  grain: Grain;
  lang: 'id' | 'en';
  participants: string[];
  causes: Cause[];
  actions: Action[];
  annotations: Annotation[];
  /** Where each list sits in the YAML document, for lints (`at` paths): index i of causes is ['causes', i]. */
  kpisEmbedded: string[];
}

export interface ReviewContext {
  kpis: Set<string>;
  reps: Set<string>;
  regions: Set<string>;
  categories: Set<string>;
  /** The lost reasons of data/company.yaml (lost_reasons). */
  lostReasons: Set<string>;
  /** YYYY-MM of every month with data. */
  months: string[];
  fyStart: number;
}

export interface ReviewCheck {
  reviews: ParsedReview[];
  issues: PendingIssue[];
  /** Each review file's YAML view, for the locator. */
  texts: Map<string, string>;
}

const FILE_RE = /^reviews\/([^/]+)\.mdx$/;

/** Whether a path under reviews/ is read as a review (READMEs and dotfiles are not). */
function isReviewPath(path: string): boolean {
  return path.startsWith('reviews/') && !/(^|\/)\./.test(path) && !/readme(\.md)?$/i.test(path);
}

/**
 * The file with everything but the frontmatter blanked: the opening and closing `---` lines and
 * the body become empty lines, so lines and columns of the YAML are the file's own.
 */
export function reviewYamlView(text: string): string {
  const parts = splitReview(text);
  return parts ? parts.yaml : '';
}

/** Frontmatter and body, each padded with empty lines to keep the file's line numbers; null without frontmatter. */
export function splitReview(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trimEnd() !== '---') return null;
  const end = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (end < 0) return null;
  const blank = (from: number, to: number) => lines.map((l, i) => (i >= from && i < to ? l : '')).join('\n');
  return { yaml: blank(1, end), body: blank(end + 1, lines.length), bodyLine: end + 2 };
}

export function checkReviews(files: { path: string; bytes: Uint8Array }[], ctx: ReviewContext): ReviewCheck {
  const issues: PendingIssue[] = [];
  const texts = new Map<string, string>();
  const reviews: ParsedReview[] = [];
  const kpiList = [...ctx.kpis].sort();
  const repList = [...ctx.reps].sort();
  const unknownKpi = (file: string, at: DocPath, kpi: string) =>
    ctx.kpis.has(kpi) ? [] : [issue(file, at, 'unknown-kpi', `${fmtAt(at)} "${kpi}" is not a KPI in kpis/`, didYouMean(kpi, kpiList, 'each KPI is a file kpis/<id>.yaml'))];
  const unknownRep = (file: string, at: DocPath, rep: string) =>
    ctx.reps.has(rep) ? [] : [issue(file, at, 'unknown-rep', `${fmtAt(at)} "${rep}" is not a rep in data/team.yaml`, didYouMean(rep, repList, 'name a rep by the id in data/team.yaml'))];
  // Actions by id, across files: a later review repeats an action to carry it over.
  const firstAction = new Map<string, { file: string; at: DocPath; kpi: string }>();

  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (!isReviewPath(f.path)) continue;
    const named = FILE_RE.exec(f.path);
    if (!named) {
      issues.push(issue(f.path, [], 'unknown-file', `"${f.path}" is not a review`, 'reviews/ holds one <period>.mdx per review, directly in the folder: reviews/2026-10.mdx, reviews/2026-Q3.mdx, reviews/2026.mdx'));
      continue;
    }
    const decoded = decodeText(f.bytes, f.path);
    pushAll(issues, decoded.issues);
    if (decoded.text === undefined) continue;
    const parts = splitReview(decoded.text);
    if (!parts) {
      issues.push(issue(f.path, [], 'no-frontmatter', 'a review starts with its frontmatter between two "---" lines', 'begin the file with ---, then period:, participants:, causes:, actions:, then --- and the narrative (see docs/reviews.md)'));
      continue;
    }
    texts.set(f.path, parts.yaml);
    const parsed = parseYaml(parts.yaml, f.path);
    pushAll(issues, parsed.issues);
    pushAll(issues, mdxIssues(f.path, parts.body, ctx, kpiList));
    if (parsed.issues.length) continue;
    const reserved = protoKeys(parsed.value, f.path);
    if (reserved.length) {
      pushAll(issues, reserved);
      continue;
    }
    if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
      issues.push(issue(f.path, [], 'not-a-mapping', 'the frontmatter must be a mapping: period:, participants:, causes:, actions:, annotations:', 'write each field at the start of a line between the two --- lines'));
      continue;
    }
    const r = reviewSchema.safeParse(parsed.value, { reportInput: true });
    if (!r.success) {
      pushAll(issues, schemaIssues(r.error, reviewSchema, f.path, false));
      continue;
    }
    const fm = r.data;
    const p = parsePeriod(fm.period)!;
    if (named[1] !== fm.period) {
      issues.push(issue(f.path, ['period'], 'review-file-name', `period "${fm.period}" is not the period the file is named after (${named[1]})`, `rename the file reviews/${fm.period}.mdx, or write period: ${named[1]}`));
    }
    const [a, b] = monthsOf(p.grain, p.index, ctx.fyStart);
    const covered = ctx.months.some((m) => {
      const mi = +m.slice(0, 4) * 12 + +m.slice(5, 7) - 1;
      return mi >= a && mi <= b;
    });
    if (!covered) {
      const range = ctx.months.length ? `the data covers ${ctx.months[0]} to ${ctx.months[ctx.months.length - 1]}` : 'there is no month of data yet';
      issues.push(issue(f.path, ['period'], 'unknown-period', `period "${fm.period}" has no data to review (${range})`, 'a review is written for a period with data: check the period, or add its month files first'));
    }
    fm.participants.forEach((rep, i) => pushAll(issues, unknownRep(f.path, ['participants', i], rep)));
    fm.causes.forEach((c, i) => {
      pushAll(issues, unknownKpi(f.path, ['causes', i, 'kpi'], c.kpi));
      const m = c.member;
      if (m?.rep !== undefined) pushAll(issues, unknownRep(f.path, ['causes', i, 'member', 'rep'], m.rep));
      if (m?.region !== undefined && !ctx.regions.has(m.region)) issues.push(issue(f.path, ['causes', i, 'member', 'region'], 'unknown-region', `causes[${i}].member.region "${m.region}" is not a region in data/company.yaml`, didYouMean(m.region, [...ctx.regions].sort(), 'regions are listed in data/company.yaml')));
      if (m?.lost_reason !== undefined && !ctx.lostReasons.has(m.lost_reason)) issues.push(issue(f.path, ['causes', i, 'member', 'lost_reason'], 'unknown-lost-reason', `causes[${i}].member.lost_reason "${m.lost_reason}" is not a lost reason in data/company.yaml`, didYouMean(m.lost_reason, [...ctx.lostReasons].sort(), 'lost reasons are listed under lost_reasons in data/company.yaml')));
      if (m?.category !== undefined && !ctx.categories.has(m.category)) issues.push(issue(f.path, ['causes', i, 'member', 'category'], 'unknown-category', `causes[${i}].member.category "${m.category}" is not a category in data/products.yaml`, didYouMean(m.category, [...ctx.categories].sort(), 'categories are listed in data/products.yaml')));
    });
    const seen = new Set<string>();
    fm.actions.forEach((act, i) => {
      pushAll(issues, unknownKpi(f.path, ['actions', i, 'kpi'], act.kpi));
      pushAll(issues, unknownRep(f.path, ['actions', i, 'owner'], act.owner));
      if (seen.has(act.id)) {
        issues.push(issue(f.path, ['actions', i, 'id'], 'duplicate-action', `actions[${i}].id "${act.id}" is listed twice in this review`, 'give each action its own id, e.g. 2026-10-1, 2026-10-2'));
        return;
      }
      seen.add(act.id);
      const first = firstAction.get(act.id);
      if (!first) firstAction.set(act.id, { file: f.path, at: ['actions', i, 'kpi'], kpi: act.kpi });
      else if (first.kpi !== act.kpi) {
        issues.push({ ...issue(f.path, ['actions', i, 'kpi'], 'action-kpi-changed', `actions[${i}].kpi "${act.kpi}" is not the KPI of action ${act.id} when it was set ("${first.kpi}")`, `an action carried over keeps its KPI: write kpi: ${first.kpi}, or give the new action its own id`), related: { file: first.file, at: first.at } });
      }
    });
    fm.annotations.forEach((an, i) => {
      if (an.kpi !== undefined) pushAll(issues, unknownKpi(f.path, ['annotations', i, 'kpi'], an.kpi));
    });
    reviews.push({ file: f.path, period: fm.period, grain: p.grain, lang: fm.lang, participants: fm.participants, causes: fm.causes, actions: fm.actions, annotations: fm.annotations, kpisEmbedded: embeddedKpis(parts.body) });
  }
  return { reviews, issues, texts };
}

function fmtAt(at: DocPath): string {
  return at.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

function didYouMean(word: string, options: string[], otherwise: string): string {
  const guess = closest(word, options);
  return guess ? `did you mean "${guess}"?` : otherwise;
}

let processor: ReturnType<typeof createProcessor> | undefined;

interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number; column: number } };
  children?: MdxNode[];
}

function parseBody(body: string): { tree: MdxNode } | { error: { line: number; column: number; reason: string } } {
  processor ??= createProcessor();
  try {
    return { tree: processor.parse(body) as unknown as MdxNode };
  } catch (e) {
    const m = e as { line?: number; column?: number; reason?: string; message: string };
    return { error: { line: m.line ?? 1, column: m.column ?? 1, reason: m.reason ?? m.message } };
  }
}

function walk(node: MdxNode, visit: (n: MdxNode) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
}

/** The KPI ids the body embeds (`<Kpi id="…" />`, `<Trend …>`, `<Breakdown …>`), in order. */
function embeddedKpis(body: string): string[] {
  const parsed = parseBody(body);
  if ('error' in parsed) return [];
  const out: string[] = [];
  walk(parsed.tree, (n) => {
    if (n.type !== 'mdxJsxFlowElement' && n.type !== 'mdxJsxTextElement') return;
    const idAttr = n.attributes?.find((a) => a.name === 'id');
    if (typeof idAttr?.value === 'string' && !out.includes(idAttr.value)) out.push(idAttr.value);
  });
  return out;
}

/** The body's MDX syntax, and its embeds: known components, their attributes, known KPIs. */
function mdxIssues(file: string, body: string, ctx: ReviewContext, kpiList: string[]): PendingIssue[] {
  const parsed = parseBody(body);
  if ('error' in parsed) {
    const { line, column, reason } = parsed.error;
    return [{ ...issue(file, [], 'mdx-syntax', `MDX syntax error: ${reason}`, 'a review body is Markdown with components like <Kpi id="net-sales" />: close every tag and brace; write \\{ or \\< for a literal { or <'), line, column }];
  }
  const out: PendingIssue[] = [];
  const names = Object.keys(EMBEDS);
  walk(parsed.tree, (n) => {
    if (n.type !== 'mdxJsxFlowElement' && n.type !== 'mdxJsxTextElement') return;
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      const name = n.name ?? '';
      const pos = n.position?.start ?? { line: 0, column: 0 };
      const at = (code: string, message: string, hint: string) => out.push({ ...issue(file, [], code, message, hint), line: pos.line, column: pos.column });
      // Lower-case tags are HTML; capitalised ones must be the report's components.
      if (!/^[A-Z]/.test(name)) return;
      const spec = EMBEDS[name];
      if (!spec) {
        const guess = closest(name, names);
        at('unknown-embed', `<${name}> is not a component a review can embed`, guess ? `did you mean <${guess}>?` : `a review embeds ${names.map((x) => `<${x}>`).join(', ')}`);
        return;
      }
      const attrs = new Map((n.attributes ?? []).filter((a) => a.type === 'mdxJsxAttribute').map((a) => [a.name!, a.value]));
      for (const key of attrs.keys()) {
        if (!spec.required.includes(key) && !spec.optional.includes(key)) at('unknown-field', `<${name}> has no attribute ${key}`, `<${name}> takes ${[...spec.required, ...spec.optional].join(', ') || 'no attributes'}`);
      }
      for (const key of spec.required) if (!attrs.has(key)) at('missing-field', `<${name}> needs ${key}="…"`, name === 'Breakdown' ? 'e.g. <Breakdown id="net-sales" by="region" />' : `e.g. <${name} id="net-sales" />`);
      const id = attrs.get('id');
      if (typeof id === 'string' && !ctx.kpis.has(id)) at('unknown-kpi', `<${name} id="${id}"> names no KPI in kpis/`, didYouMean(id, kpiList, 'each KPI is a file kpis/<id>.yaml'));
      const by = attrs.get('by');
      if (name === 'Leaderboard' && by !== undefined && by !== 'rep' && by !== 'region') at('bad-value', `<Leaderboard by="${String(by)}"> must be by="rep" or by="region"`, 'a leaderboard ranks reps or regions');
      const grain = attrs.get('grain');
      if (grain !== undefined && !['month', 'quarter', 'year'].includes(String(grain))) at('bad-value', `<${name} grain="${String(grain)}"> must be month, quarter or year`, 'e.g. <Trend id="net-sales" grain="quarter" />');
      const period = attrs.get('period');
      if (typeof period === 'string' && !parsePeriod(period)) at('bad-period', `<${name} period="${period}"> is not a period`, 'write a month 2026-10, a quarter 2026-Q3 or a year 2026');
    }
  });
  return out;
}
