/**
 * `capaian new-month YYYY-MM`: starts a month's folder, data/YYYY/MM/, with one file per kind
 * (orders, leads, activities, surveys). Each holds comments only (so no records yet, which
 * validate accepts) with an example record in canonical form, ready to copy and uncomment.
 * Refuses when the folder already has any of the files: it never overwrites data.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LAYOUTS } from '../format/layout.ts';
import { toYaml } from '../format/to-yaml.ts';
import { reviewSkeleton } from '../format/review.ts';
import { loadRepo } from '../load/load-repo.ts';
import { runPipeline } from '../pipeline.ts';
import { MONTH_KINDS, type MonthKind } from '../schema/file-kinds.ts';
import { CliError } from './cli-error.ts';
import type { Effects } from './effects.ts';

export interface NewMonthOptions {
  /** The month, YYYY-MM. */
  month: string;
  /** The repository folder (named in messages; the effects read and write under it). */
  root: string;
}

export interface NewMonthEffects extends Pick<Effects, 'out'> {
  /** Whether a file or folder exists; `path` is relative to the root. */
  exists(path: string): Promise<boolean>;
  /** Creates a file (and its folders); `path` is relative to the root. */
  write(path: string, text: string): Promise<void>;
  /** The review skeleton of a month that has data (src/format/review.ts), or null; absent: no review is started. */
  reviewSkeleton?(month: string): Promise<string | null>;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Returns 0, or 1 when there is no data/ folder or the month has files already. Throws a CliError (exit 2) for a bad month. */
export async function newMonthCommand(opts: NewMonthOptions, fx: NewMonthEffects): Promise<number> {
  const m = MONTH.exec(opts.month);
  if (!m) throw new CliError(`new-month needs a month as YYYY-MM, e.g. 2026-11; got "${opts.month}"`);
  const folder = `data/${m[1]}/${m[2]}`;
  if (!(await fx.exists('data'))) {
    fx.out(`capaian new-month: no data/ folder in ${opts.root}; nothing written (run it inside your data repository, or pass --root DIR)`);
    return 1;
  }
  const present: string[] = [];
  for (const kind of MONTH_KINDS) if (await fx.exists(`${folder}/${kind}.yaml`)) present.push(`${kind}.yaml`);
  if (present.length) {
    fx.out(`capaian new-month: ${folder}/ already has ${present.join(', ')}; nothing written (add the month's records to the files there)`);
    return 1;
  }
  for (const kind of MONTH_KINDS) await fx.write(`${folder}/${kind}.yaml`, monthTemplate(kind, opts.month));
  fx.out(`created ${folder}/ with ${MONTH_KINDS.map((k) => `${k}.yaml`).join(', ')}: no records yet, each with a commented example`);
  await startReview(monthBefore(opts.month), fx);
  return 0;
}

/** The month that just closed gets its review skeleton, reviews/<month>.mdx, unless it has one. */
async function startReview(month: string, fx: NewMonthEffects): Promise<void> {
  const path = `reviews/${month}.mdx`;
  if (!fx.reviewSkeleton || (await fx.exists(path))) return;
  const text = await fx.reviewSkeleton(month);
  if (text === null) return;
  await fx.write(path, text);
  fx.out(`created ${path}: the review of ${month}, with its off-track KPIs listed as causes to write and the open actions carried over`);
}

function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** What a month file holds, in a line. */
const WHAT: Record<MonthKind, string> = {
  orders: 'Orders of {month}: one record per order (a transaction) dated in the month.',
  leads: 'Leads of {month}: one record per lead (a prospect) that came in during the month.',
  activities: 'Activities of {month}: one record per contact, follow-up, meeting, won or lost.',
  surveys: 'Satisfaction surveys of {month}: one record per response, scored 1 to 5.',
};

/** Example records of the month, in the README's words. */
function examples(kind: MonthKind, month: string): Record<string, unknown>[] {
  const n = `${month}-0001`;
  switch (kind) {
    case 'orders':
      return [
        {
          id: `SO-${n}`,
          date: `${month}-04`,
          customer: 'C0001',
          rep: 'andi',
          lines: [
            { sku: 'BEV-TEH-350', qty: 24, price: 5500 },
            { sku: 'SNK-KRP-100', qty: 10, price: 12000, discount: 0.05, kind: 'cross-sell' },
          ],
        },
      ];
    case 'leads':
      return [{ id: `L-${n}`, created: `${month}-04T09:15`, name: 'Warung Bu Sri', source: 'referral', rep: 'andi', region: 'jabodetabek' }];
    case 'activities':
      return [
        { id: `A-${n}`, at: `${month}-04T10:30`, type: 'contact', rep: 'andi', lead: `L-${n}` },
        { id: `A-${month}-0002`, at: `${month}-11T14:00`, type: 'won', rep: 'andi', lead: `L-${n}`, customer: 'C0412' },
      ];
    case 'surveys':
      return [{ id: `S-${n}`, date: `${month}-18`, customer: 'C0001', score: 4, comment: 'Pengiriman cepat' }];
  }
}

/** A month file with no records: comments only, the example written by the canonical writer. */
export function monthTemplate(kind: MonthKind, month: string): string {
  const example = toYaml(examples(kind, month), LAYOUTS[kind]).trimEnd().split('\n');
  const lines = [
    WHAT[kind].replace('{month}', month),
    'No records yet: a file of comments only is an empty month. Add each record as a list',
    'item starting in the first column, like the example below.',
    '',
    ...example,
    '',
    `Fields: README.md (Data layout) and src/schema/${kind}.ts. \`capaian validate\` checks`,
    'the file; `capaian fmt` puts it in canonical form.',
  ];
  return lines.map((l) => (l ? `# ${l}` : '#')).join('\n') + '\n';
}

/** The effects for a real run: files under `root`, folders created as needed, messages on stdout. */
export function nodeNewMonthEffects(root: string, out: (line: string) => void = (line) => console.log(line)): NewMonthEffects {
  return {
    async exists(path) {
      return access(join(root, path)).then(
        () => true,
        () => false,
      );
    },
    async write(path, text) {
      const full = join(root, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, text, { flag: 'wx' }); // never overwrite
    },
    out,
    async reviewSkeleton(month) {
      const repo = await loadRepo(root);
      const { report } = runPipeline(repo.files, repo.issues, repo.ingested ? { ingested: repo.ingested } : {});
      return report && report.periods.month.some((p) => p.label === month) ? reviewSkeleton(report, month) : null;
    },
  };
}
