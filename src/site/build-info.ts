/**
 * What the site says about its own build, read once from the environment the build runs in:
 * the build date for the footer, and whether the PDF of the latest month report is printed
 * (bin/build-site.mjs decides and says so in CAPAIAN_PDF, before the pages are built, so a page
 * links the PDF only when it will exist). The only clock the site reads, and only for the footer.
 */
import type { Lang } from '../i18n/format-value.ts';

/**
 * The build date, YYYY-MM-DD: CAPAIAN_BUILD_DATE, else SOURCE_DATE_EPOCH (reproducible builds),
 * else CAPAIAN_TODAY (the day tests build "on"), else today in UTC.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CAPAIAN_BUILD_DATE && /^\d{4}-\d{2}-\d{2}$/.test(env.CAPAIAN_BUILD_DATE)) return env.CAPAIAN_BUILD_DATE;
  if (env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH)) return new Date(Number(env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10);
  if (env.CAPAIAN_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(env.CAPAIAN_TODAY)) return env.CAPAIAN_TODAY;
  return new Date().toISOString().slice(0, 10);
}

/** Whether the build prints the latest month report to PDF (CAPAIAN_PDF=on, set by bin/build-site.mjs when Chromium is there). */
export function pdfPrinted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CAPAIAN_PDF === 'on';
}

/** Where the PDF of a month report is, under the site's root (no base, no language prefix of its own): `id/report/2026-10/capaian-2026-10-id.pdf`. */
export function pdfPath(period: string, lang: Lang): string {
  return `report/${period}/capaian-${period}-${lang}.pdf`;
}
