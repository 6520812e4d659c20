/** Who or what a review's cause is about, in words: "wilayah Jawa Timur", "alasan kalah Harga", or the whole company. */
import type { Lang } from '../../i18n/format-value.ts';
import type { Report } from '../../report/model.ts';
import { memberLabel } from '../../site/format.ts';
import { reviewWords } from '../../site/words/review.ts';

type Dim = keyof ReturnType<typeof reviewWords>['memberWords'];

export function causeMember(report: Report, member: Partial<Record<Dim, string | undefined>> | undefined, lang: Lang): string {
  const rw = reviewWords(lang);
  const e = member && (Object.entries(member).find(([, v]) => v !== undefined) as [Dim, string] | undefined);
  return e ? `${rw.memberWords[e[0]]} ${memberLabel(report, e[0], e[1], lang)}` : rw.company;
}
