/**
 * The datasets KPI formulas aggregate over, and their fields. This is the semantic layer: the
 * only place where derived fields (a lead's first contact, a customer's first order) are
 * defined in code. KPI definitions refer to these names and are checked against this table.
 */
export type FieldType = 'category' | 'number' | 'time';

export interface FieldInfo {
  type: FieldType;
  /** For category fields: the vocabulary it draws from (rep and owner are both reps). */
  vocabulary?: string;
  en: string;
  /** False for ids (an order, an activity, a lead): a breakdown would list every record. */
  breakdown?: false;
}

export const DATASET_NAMES = ['orders', 'order_lines', 'leads', 'activities', 'surveys'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/**
 * The lost reason of a lost activity that names none (data written before reasons existed, or
 * left out): such a lead counts under this member in a breakdown by lost reason, after the
 * company's own reasons.
 */
export const UNSPECIFIED_REASON = 'unspecified';

const cat = (en: string, vocabulary?: string): FieldInfo => ({ type: 'category', en, ...(vocabulary ? { vocabulary } : {}) });
const num = (en: string): FieldInfo => ({ type: 'number', en });
const time = (en: string): FieldInfo => ({ type: 'time', en });
const recordId = (en: string): FieldInfo => ({ type: 'category', en, breakdown: false });

const customerFields = {
  customer: cat('the customer'),
  region: cat("the customer's region"),
  segment: cat("the customer's segment"),
  owner: cat("the rep who owns the customer's account on the record's date (none before its first owner)", 'rep'),
  customer_first_order: time("the date of the customer's first order ever; for a customer whose `since` is before the data begins, that `since` (a customer already)"),
};

export const DATASETS: Record<DatasetName, { en: string; placedBy: string; fields: Record<string, FieldInfo> }> = {
  orders: {
    en: 'one row per order',
    placedBy: 'date',
    fields: {
      order: recordId('the order id'),
      date: time('the order date'),
      rep: cat('the rep who closed the sale'),
      channel: cat('how the order came in: visit, phone, online or distributor; none when not recorded'),
      ...customerFields,
      net: num('sum of qty x price x (1 - discount) over the lines'),
      gross: num('sum of qty x price over the lines'),
      units: num('sum of qty over the lines'),
      lines: num('number of lines'),
    },
  },
  order_lines: {
    en: 'one row per order line',
    placedBy: 'date',
    fields: {
      order: recordId('the order id'),
      date: time('the order date'),
      rep: cat('the rep who closed the sale'),
      channel: cat("the order's channel: visit, phone, online or distributor; none when not recorded"),
      ...customerFields,
      sku: cat('the product'),
      category: cat("the product's category"),
      tier: num("the product's tier"),
      kind: cat('regular, cross-sell or up-sell'),
      qty: num('units'),
      price: num('unit price'),
      discount: num('line discount, a fraction'),
      net: num('qty x price x (1 - discount)'),
      gross: num('qty x price'),
    },
  },
  leads: {
    en: 'one row per lead, with what its activities tell (as of the end of the data)',
    placedBy: 'created',
    fields: {
      lead: recordId('the lead id'),
      created: time('when the lead came in'),
      rep: cat('the rep the lead is assigned to'),
      region: cat("the lead's region"),
      source: cat('where the lead came from'),
      segment: cat("the lead's segment"),
      status: cat('open, won or lost'),
      customer: cat('the customer it became, when won'),
      first_contact_at: time('the first activity with the lead'),
      won_at: time('when it was won'),
      lost_at: time('when it was lost'),
      closed_at: time('when it was won or lost'),
      first_contact_hours: num('hours from created to the first activity'),
      first_touch_at: time('the first touch: the first contact, follow-up, meeting or won, unless the lead was lost before any'),
      first_touch_hours: num('hours from created to the first touch (none when lost before any touch, or never touched)'),
      age_hours: num('hours from created to the end of the data (the end of its last month)'),
      days_to_win: num('days from created to won'),
      days_first_contact_to_win: num('days from the first activity to won'),
    },
  },
  activities: {
    en: 'one row per activity',
    placedBy: 'at',
    fields: {
      activity: recordId('the activity id'),
      at: time('when it happened'),
      type: cat('contact, follow-up, meeting, won or lost'),
      touch: cat('yes for a touch (contact, follow-up, meeting or won: the rep speaks with the lead), no for lost'),
      rep: cat('the rep who did it'),
      lead: recordId('the lead it concerns'),
      lead_rep: cat('the rep the lead is assigned to', 'rep'),
      lead_day: recordId('the lead and the company-local day of the activity: one value per lead per day'),
      customer: cat('the customer it concerns (for won: the customer the lead became)'),
      region: cat("the lead's region, or the customer's when there is no lead"),
      source: cat("the lead's source"),
      segment: cat("the lead's or customer's segment"),
      lead_open: cat('yes when the lead was still open (not yet won or lost) at the time'),
      lost_reason: cat('for a lost activity: its reason (a lost_reasons id from company.yaml), or unspecified when it gives none; none for other types'),
      hours_since_previous_touch: num('for a contact, follow-up or meeting with an open lead: hours since the previous one with the same lead'),
    },
  },
  surveys: {
    en: 'one row per survey response',
    placedBy: 'date',
    fields: {
      date: time('the response date'),
      score: num('1 to 5'),
      ...customerFields,
    },
  },
};

/** The vocabulary a category field draws from: its own name unless stated. */
export function vocabularyOf(dataset: DatasetName, field: string): string {
  return DATASETS[dataset].fields[field]?.vocabulary ?? field;
}
