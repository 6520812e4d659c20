import { z } from 'zod';
import { date, id, localized, monthNumber, text } from './fields.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A named member of a vocabulary the data refers to (a region, a segment, a lead source, a lost reason). */
export const vocabularyItem = z.strictObject({
  /** @example jabodetabek */
  id,
  /** @example { id: Jawa Barat, en: West Java } */
  name: localized,
});

/**
 * The data format this capaian reads and writes: the shape of the files under data/ and kpis/.
 * It changes only when a file must be edited to keep its meaning; `capaian migrate` brings
 * older data up to it (src/commands/migrate.ts holds the steps).
 */
export const DATA_FORMAT = 1;

/** data/company.yaml: who we are and how our calendar works. */
export const companySchema = z.strictObject({
  /** The data format the repository is written in (default: the current one, DATA_FORMAT). @example 1 */
  format: z
    .number({ error: `must be a data format number like ${DATA_FORMAT}` })
    .int({ error: `must be a data format number like ${DATA_FORMAT}` })
    .refine((n) => n <= DATA_FORMAT, {
      error: `is a newer data format than this capaian reads (${DATA_FORMAT}): upgrade capaian (npm install capaian@<version>) / format data lebih baru dari yang dibaca capaian ini: perbarui capaian`,
    })
    .refine((n) => n >= DATA_FORMAT, {
      error: `is an older data format than this capaian reads (${DATA_FORMAT}): run npx capaian migrate / format data lebih lama: jalankan npx capaian migrate`,
    })
    .optional(),
  /** @example PT Sumber Makmur Distribusi */
  name: text,
  /** ISO 4217 code. @example IDR */
  currency: z.string({ error: 'must be a currency code like IDR' }).regex(/^[A-Z]{3}$/, {
    error: 'must be a 3-letter currency code like IDR',
  }),
  /** Locale for numbers and the site's default language. @example id-ID */
  locale: z.enum(['id-ID', 'en-US', 'en-GB'], { error: 'must be id-ID, en-US or en-GB' }).default('id-ID'),
  /** IANA timezone; date-times without an offset are read in it. @example Asia/Jakarta */
  timezone: z
    .string({ error: 'must be an IANA timezone like Asia/Jakarta' })
    .refine(isTimeZone, { error: 'must be an IANA timezone like Asia/Jakarta' })
    .default('Asia/Jakarta'),
  /** First month of the fiscal year, 1-12 (default 1: January). @example 4 */
  fiscal_year_start: monthNumber.default(1),
  /** Days of the week that are working days (default mon-fri). @example [mon, tue, wed, thu, fri, sat] */
  working_days: z
    .array(z.enum(WEEKDAYS, { error: 'must be one of mon tue wed thu fri sat sun' }))
    .min(1, { error: 'must name at least one working day' })
    .default(['mon', 'tue', 'wed', 'thu', 'fri']),
  /** First day of the week, for weekly figures (ISO weeks, src/calendar/weeks.ts; default mon). @example mon */
  week_start: z.enum(WEEKDAYS, { error: 'must be one of mon tue wed thu fri sat sun' }).default('mon'),
  /** Public holidays and company days off, not counted as working days. */
  holidays: z
    .array(
      z.strictObject({
        /** @example 2026-03-20 */
        date,
        /** @example Hari Raya Idul Fitri */
        name: text,
      }),
    )
    .default([]),
  /** Sales regions; customers, reps and leads name one. */
  regions: z.array(vocabularyItem).min(1, { error: 'must list at least one region' }),
  /** Customer segments. @example [{ id: retail, name: { id: Ritel, en: Retail } }] */
  segments: z.array(vocabularyItem).default([]),
  /** Where leads come from. @example [{ id: referral, name: { id: Referensi, en: Referral } }] */
  lead_sources: z.array(vocabularyItem).default([]),
  /** Why leads are lost: the reasons a lost activity names. @example [{ id: price, name: { id: Harga, en: Price } }] */
  lost_reasons: z.array(vocabularyItem).default([]),
  /** Days after a month closes by which its review is expected: then an off-track KPI with no cause written is a warning (default 10). @example 10 */
  review_due_days: z.int({ error: 'must be a whole number of days' }).min(0, { error: 'must be 0 to 90 days' }).max(90, { error: 'must be 0 to 90 days' }).optional(),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type CompanyInput = z.input<typeof companySchema>;
export type Company = z.output<typeof companySchema>;
