/** The cross-file rules, in the order they run. Each returns issues; none throws on bad data. */
import type { DocPath, PendingIssue } from '../issue.ts';
import type { RepoData } from '../repo-data.ts';
import { duplicateIds } from './duplicates.ts';
import { lifecycle } from './lifecycle.ts';
import { references } from './references.ts';
import { placedInTime } from './time.ts';

export interface RuleContext {
  data: RepoData;
  /**
   * Records that failed their schema but have an id: references to them are not
   * errors too, and a duplicate of one is still reported.
   */
  broken: BrokenRecord[];
}

export interface BrokenRecord {
  kind: string;
  id: string;
  file: string;
  at: DocPath;
}

export interface Rule {
  name: string;
  check(ctx: RuleContext): PendingIssue[];
}

export const crossFileRules: Rule[] = [
  { name: 'duplicates', check: duplicateIds },
  { name: 'references', check: references },
  { name: 'time', check: placedInTime },
  { name: 'lifecycle', check: lifecycle },
];
