import type { z } from 'zod';
import { records } from './fields.ts';
import { recordSchema, SURVEY_FIELDS } from './record-fields.ts';

/** One satisfaction survey response in data/YYYY/MM/surveys.yaml (fields: record-fields.ts SURVEY_FIELDS). */
export const surveySchema = recordSchema(SURVEY_FIELDS);

/** data/YYYY/MM/surveys.yaml: the month's survey responses, a list. */
export const surveysSchema = records(surveySchema);

export type SurveyInput = z.input<typeof surveySchema>;
export type Survey = z.output<typeof surveySchema>;
