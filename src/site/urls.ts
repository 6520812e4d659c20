/** Links inside the site, under the configured base path (GitHub Pages project sites). */
import type { Lang } from '../i18n/format-value.ts';

export const LANGS: Lang[] = ['id', 'en'];

const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** `href('en', 'kpi/net-sales/')` -> `/base/en/kpi/net-sales/`. */
export function href(lang: Lang, path = ''): string {
  return `${base}${lang}/${path.replace(/^\//, '')}`;
}

/** A language-free asset or download: `asset('data/net-sales.csv')`. */
export function asset(path: string): string {
  return `${base}${path.replace(/^\//, '')}`;
}

export function kpiPath(id: string): string {
  return `kpi/${id}/`;
}

export function reportPath(period: string): string {
  return `report/${period}/`;
}

/** The dashboard of one period (every month, quarter and year has one; the front page is the latest month's). */
export function dashboardPath(period: string): string {
  return `period/${period}/`;
}

export function repPath(id: string): string {
  return `team/${id}/`;
}

export function regionPath(id: string): string {
  return `regions/${id}/`;
}

export function langPaths(): { params: { lang: Lang } }[] {
  return LANGS.map((lang) => ({ params: { lang } }));
}
