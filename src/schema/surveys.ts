import { z } from 'zod';
import { date, freeText, id, records } from './fields.ts';

/** One satisfaction survey response in data/YYYY/MM/surveys.yaml. */
export const surveySchema = z.strictObject({
  /** Unique response id. @example S-2026-03-0001 */
  id,
  /** Date of the response. @example 2026-03-18 */
  date,
  /** The customer who answered. @example C0001 */
  customer: id,
  /** Score from 1 (very unhappy) to 5 (very happy). @example 4 */
  score: z
    .int({ error: 'must be a whole score from 1 to 5' })
    .min(1, { error: 'must be a whole score from 1 to 5' })
    .max(5, { error: 'must be a whole score from 1 to 5' }),
  /** What the customer said. */
  comment: freeText.optional(),
});

/** data/YYYY/MM/surveys.yaml: the month's survey responses, a list. */
export const surveysSchema = records(surveySchema);

export type SurveyInput = z.input<typeof surveySchema>;
export type Survey = z.output<typeof surveySchema>;
