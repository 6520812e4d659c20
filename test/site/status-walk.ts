/**
 * One status per number, checked on built pages: every status a page shows names its number
 * (data-kpi, data-period, and data-by + data-member for a breakdown member) and is the status the
 * report model holds for it, in the words of the page's language; a card or row coloured by a
 * status holds that status's badge. Used on the fixture site and on the sample's own site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { parsePeriod } from '../../src/calendar/periods.ts';
import type { Report } from '../../src/report/model.ts';
import { statusKey, statusWord } from '../../src/site/format.ts';

const LANGS = ['id', 'en'] as const;
const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

export function walkStatuses(dir: string, pages: string[], report: Report): { problems: string[]; checked: number; seen: Set<string> } {
  const kpis = new Map(report.kpis.map((k) => [k.id, k]));
  const problems: string[] = [];
  const seen = new Set<string>();
  let checked = 0;
  for (const page of pages) {
    const d = parseHTML(readFileSync(join(dir, page), 'utf8')).document as unknown as Document;
    const lang = LANGS.find((l) => page.startsWith(`${l}/`));
    for (const el of d.querySelectorAll('.badge:not([data-status])')) problems.push(`${page}: a status badge that names no number: "${norm(el.textContent)}"`);
    for (const el of d.querySelectorAll('[data-status]')) {
      checked++;
      const [shown, kpi, period, by, member] = ['data-status', 'data-kpi', 'data-period', 'data-by', 'data-member'].map((a) => el.getAttribute(a));
      const where = `${page}: ${kpi} ${period}${by ? ` ${by}=${member}` : ''}`;
      const grain = period ? (/^\d{4}-W\d{2}$/.test(period) ? 'week' : parsePeriod(period)?.grain) : undefined;
      const v = grain ? kpis.get(kpi ?? '')?.values[grain]?.find((x) => x.period === period) : undefined;
      const x = v && by ? v.breakdowns[by]?.find((m) => m.member === member) : v;
      if (!x) {
        problems.push(`${where}: no such value in the report model`);
        continue;
      }
      const want = statusKey(x.status, x.notFinal ?? null);
      seen.add(want);
      if (shown !== want) problems.push(`${where}: shows ${shown}, the model holds ${want}`);
      // The words on a badge are the words of that status.
      if (lang && el.classList.contains('badge') && !norm(el.textContent).endsWith(statusWord(x.status, lang, x.notFinal ?? null))) problems.push(`${where}: the badge reads "${norm(el.textContent)}"`);
    }
    // A card or row coloured by a status holds the badge of that status (so its colour is the model's too).
    for (const el of d.querySelectorAll('[class*="status-"], [class*="row-"]')) {
      const m = /\b(?:status|row)-(on-track|at-risk|off-track)\b/.exec(el.getAttribute('class') ?? '');
      if (m && ![...el.querySelectorAll('[data-status]')].some((b) => b.getAttribute('data-status') === m[1])) problems.push(`${page}: a ${m[0]} ${el.tagName.toLowerCase()} without a ${m[1]} badge`);
    }
  }
  return { problems, checked, seen };
}
