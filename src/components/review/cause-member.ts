/** Who or what a review's cause is about, in words: "wilayah Jawa Timur", "alasan kalah Harga", or the whole company. */
import type { Lang } from '../../i18n/format-value.ts';
import type { Report } from '../../report/model.ts';
import type { CAUSE_MEMBER_DIMS } from '../../schema/review.ts';
import { memberLabel } from '../../site/format.ts';
import { reviewWords } from '../../site/words/review.ts';

export function causeMember(report: Report, member: Partial<Record<(typeof CAUSE_MEMBER_DIMS)[number], string | undefined>> | undefined, lang: Lang): string {
  const rw = reviewWords(lang);
  const e = member && (Object.entries(member).find(([, v]) => v !== undefined) as [(typeof CAUSE_MEMBER_DIMS)[number], string] | undefined);
  return e ? `${rw.memberWords[e[0]]} ${memberLabel(report, e[0], e[1], lang)}` : rw.company;
}
