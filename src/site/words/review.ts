/** The words of the team's reviews on the site (period report, KPI and rep pages, dashboard), in Indonesian and English. */
import type { Lang } from '../../i18n/format-value.ts';

export interface ReviewWords {
  /** The period report's section heading. */
  review: string;
  /** "Tinjauan tim, ditulis dalam bahasa Indonesia." on the other language's page. */
  writtenIn: (lang: 'id' | 'en') => string;
  /** On lists gathered from reviews (KPI, rep pages, dashboard). */
  listWrittenIn: (lang: 'id' | 'en') => string;
  noReview: (file: string) => string;
  participants: string;
  causes: string;
  causesLede: string;
  company: string;
  actions: string;
  followUp: string;
  followUpLede: string;
  action: string;
  kpi: string;
  owner: string;
  due: string;
  status: string;
  statusWord: Record<'open' | 'done' | 'dropped', string>;
  overdue: string;
  setIn: (period: string) => string;
  fromPrevious: string;
  stillOpen: string;
  /** KPI page. */
  kpiReviews: string;
  kpiReviewsLede: string;
  /** Rep page. */
  repActions: string;
  repActionsLede: string;
  /** Dashboard. */
  overdueTitle: string;
  overdueLede: string;
  memberWords: Record<'region' | 'rep' | 'category' | 'lost_reason', string>;
  reviewOf: (period: string) => string;
}

const LANG_NAME = { id: { id: 'bahasa Indonesia', en: 'bahasa Inggris' }, en: { id: 'Indonesian', en: 'English' } } as const;

const WORDS: Record<Lang, ReviewWords> = {
  id: {
    review: 'Tinjauan tim',
    writtenIn: (l) => `Tinjauan ini ditulis dalam ${LANG_NAME.id[l]}; ditampilkan apa adanya.`,
    listWrittenIn: (l) => `Tinjauan tim ditulis dalam ${LANG_NAME.id[l]}; kata-katanya ditampilkan apa adanya.`,
    noReview: (file) => `Belum ada tinjauan untuk periode ini (${file}).`,
    participants: 'Peserta',
    causes: 'Penyebab',
    causesLede: 'Mengapa KPI meleset atau melampaui target, menurut tim, di samping angkanya.',
    company: 'Seluruh perusahaan',
    actions: 'Tindakan',
    followUp: 'Tindak lanjut tinjauan sebelumnya',
    followUpLede: 'Tindakan dari tinjauan sebelumnya dengan statusnya, dan tindakan lama yang masih terbuka.',
    action: 'Tindakan',
    kpi: 'KPI',
    owner: 'Penanggung jawab',
    due: 'Tenggat',
    status: 'Status',
    statusWord: { open: 'terbuka', done: 'selesai', dropped: 'dibatalkan' },
    overdue: 'lewat tenggat',
    setIn: (p) => `ditetapkan di tinjauan ${p}`,
    fromPrevious: 'dari tinjauan sebelumnya',
    stillOpen: 'masih terbuka',
    kpiReviews: 'Dari tinjauan tim',
    kpiReviewsLede: 'Penyebab dan tindakan yang ditulis tim untuk KPI ini, tinjauan terbaru dahulu.',
    repActions: 'Tindakan yang menjadi tanggung jawabnya',
    repActionsLede: 'Dari tinjauan tim; yang terbuka lebih dahulu.',
    overdueTitle: 'Tindakan lewat tenggat',
    overdueLede: 'Tindakan dari tinjauan tim yang masih terbuka setelah tenggatnya.',
    memberWords: { region: 'wilayah', rep: 'sales', category: 'kategori', lost_reason: 'alasan kalah' },
    reviewOf: (p) => `Tinjauan ${p}`,
  },
  en: {
    review: 'Team review',
    writtenIn: (l) => `This review is written in ${LANG_NAME.en[l]}; it is shown as written.`,
    listWrittenIn: (l) => `The team's reviews are written in ${LANG_NAME.en[l]}; their words are shown as written.`,
    noReview: (file) => `No review for this period yet (${file}).`,
    participants: 'Participants',
    causes: 'Causes',
    causesLede: 'Why KPIs missed or beat their targets, in the team\'s words, beside the numbers.',
    company: 'Whole company',
    actions: 'Actions',
    followUp: 'Follow-up of earlier reviews',
    followUpLede: 'The previous review\'s actions with their status, and older actions still open.',
    action: 'Action',
    kpi: 'KPI',
    owner: 'Owner',
    due: 'Due',
    status: 'Status',
    statusWord: { open: 'open', done: 'done', dropped: 'dropped' },
    overdue: 'overdue',
    setIn: (p) => `set in the ${p} review`,
    fromPrevious: 'from the previous review',
    stillOpen: 'still open',
    kpiReviews: 'From the team\'s reviews',
    kpiReviewsLede: 'The causes and actions the team wrote for this KPI, newest review first.',
    repActions: 'Actions they own',
    repActionsLede: 'From the team\'s reviews; open ones first.',
    overdueTitle: 'Overdue actions',
    overdueLede: 'Actions from the team\'s reviews still open past their due date.',
    memberWords: { region: 'region', rep: 'rep', category: 'category', lost_reason: 'lost reason' },
    reviewOf: (p) => `${p} review`,
  },
};

export function reviewWords(lang: Lang): ReviewWords {
  return WORDS[lang];
}

/** The language of a page from its URL (/base/id/report/2026-10/ -> id), for the review embeds. */
export function langOfPath(pathname: string): Lang {
  return /\/en\//.test(pathname) ? 'en' : 'id';
}

/** The period of a period report's URL (…/report/2026-10/), for the review embeds; null elsewhere. */
export function periodOfPath(pathname: string): string | null {
  return /\/report\/([^/]+)\/?$/.exec(pathname)?.[1] ?? null;
}
