/** Small text helpers of the KPI pages (formatting only; numbers come from the report model). */
import { periodShort } from '../../charts/chart-format.ts';
import type { Lang } from '../../i18n/format-value.ts';
import type { ReportValue } from '../../report/model.ts';

/** Jul 2026, Jan–Okt 2025, Nov 2025 – Feb 2026. */
export function monthRange([from, to]: [string, string], lang: Lang): string {
  if (from === to) return periodShort(from, lang);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${periodShort(from, lang).replace(/\s*\d{4}$/, '')}–${periodShort(to, lang)}`;
  return `${periodShort(from, lang)} – ${periodShort(to, lang)}`;
}

/** The value with its like-for-like change in place of the change against the whole previous period, when it has one. */
export function comparable(v: ReportValue): ReportValue {
  return v.likeForLike ? { ...v, previous: v.likeForLike.previous, change: v.likeForLike.change, changeRatio: v.likeForLike.changeRatio } : v;
}
