/** What every cross-file rule is given, and the shape of a rule (registered in index.ts). */
import type { DocPath, PendingIssue } from '../../issues/issue.ts';
import type { RepoData } from '../repo-data.ts';

export interface RuleContext {
  data: RepoData;
  /**
   * Records that failed their schema. References to them are not errors too, a duplicate of
   * one is still reported, and their own references are still checked.
   */
  broken: BrokenRecord[];
  /**
   * File kinds that could not be read whole (missing, unparsable, or wrong at the top): ids they
   * would define are unknown, so references to them are not checked.
   */
  unavailable: Set<string>;
}

export interface BrokenRecord {
  kind: string;
  /** The record's id (or sku), when it has a text one. */
  id?: string;
  file: string;
  at: DocPath;
  /** The record as parsed, not trusted: rules read it with type checks. */
  raw: unknown;
}

export interface Rule {
  name: string;
  check(ctx: RuleContext): PendingIssue[];
}
