import { z } from 'zod';
import { date, id, records, text } from './fields.ts';

/** One sales representative in data/team.yaml. */
export const repSchema = z.strictObject({
  /** @example andi */
  id,
  /** @example Andi Wijaya */
  name: text,
  /** A region id from company.yaml. @example jabodetabek */
  region: id,
  /** Team name, e.g. the manager's team. @example Tim Barat */
  team: text.optional(),
  /** The id of this rep's manager (another rep in team.yaml), if any. @example sari */
  manager: id.optional(),
  /** First day with the company. @example 2024-11-01 */
  joined: date,
  /** Last day with the company, if they left. @example 2026-05-31 */
  left: date.optional(),
});

/** data/team.yaml: the sales reps, a list. */
export const teamSchema = records(repSchema);

export type RepInput = z.input<typeof repSchema>;
export type Rep = z.output<typeof repSchema>;
