import { z } from 'zod';
import { date, id, isDate, records, text } from './fields.ts';

/**
 * One entry of an account's ownership history: `rep` owns the account from the day `from`
 * (inclusive) until the day before the next entry's `from`. Only the first entry may leave
 * `from` out: it then owns the account "since always" (as far back as the data goes).
 */
export const ownershipSchema = z.strictObject({
  /** A rep id from team.yaml. @example rina */
  rep: id,
  /** The first day the rep owns the account. @example 2025-11-01 */
  from: date.optional(),
});

/** One customer in data/customers.yaml, as written. */
const customerFields = z.strictObject({
  /** @example C0001 */
  id,
  /** @example Toko Sinar Jaya */
  name: text,
  /** A region id from company.yaml. @example jabodetabek */
  region: id,
  /** A segment id from company.yaml. @example retail */
  segment: id,
  /** The rep who owns the account since always: the short form of `owners: [{ rep: andi }]`. @example andi */
  owner: id.optional(),
  /** Who owned the account when, oldest first: `[{ rep: andi }, { rep: rina, from: 2025-11-01 }]`. */
  owners: z.array(ownershipSchema, { error: 'must be a list of { rep, from }' }).min(1, { error: 'must list at least one { rep, from }' }).optional(),
  /**
   * When the account was opened. Before the first month of data: a customer already, never a
   * new one (see customer_first_order in dataset/fields.ts); otherwise first orders decide.
   */
  since: date.optional(),
});

/**
 * The rules of an ownership history, in one place: exactly one of `owner` and `owners`; only the
 * first entry may leave out `from`; each `from` later than the one before (two entries on one
 * day would leave the owner of that day undecided).
 */
function checkOwners(c: z.output<typeof customerFields>, ctx: z.core.$RefinementCtx<z.output<typeof customerFields>>) {
  const fail = (path: (string | number)[], message: string, hint: string) => ctx.addIssue({ code: 'custom', path, message, params: { hint } });
  if (c.owner !== undefined && c.owners !== undefined) {
    fail(['owners'], 'cannot be given together with owner', 'write the history in owners: alone; the first entry without from is the owner since always, e.g. owners: [{ rep: andi }, { rep: rina, from: 2025-11-01 }]');
    return;
  }
  if (c.owner === undefined && c.owners === undefined) {
    fail(['owner'], 'is required (or owners, the account\'s owners each with the day they took over)', 'add "owner: <rep id>" to this record, or owners: [{ rep: andi }, { rep: rina, from: 2025-11-01 }]');
    return;
  }
  // Read defensively: the refinement also runs when a field beside it failed its own check.
  const list: unknown[] = Array.isArray(c.owners) ? c.owners : [];
  const fromOf = (e: unknown) => (e && typeof e === 'object' ? (e as { from?: unknown }).from : undefined);
  for (let i = 1; i < list.length; i++) {
    const from = fromOf(list[i]);
    const before = fromOf(list[i - 1]);
    if (from === undefined) {
      fail(['owners', i, 'from'], 'is required (only the first owner may be "since always")', 'add "from: YYYY-MM-DD", the first day this rep owns the account');
    } else if (typeof from !== 'string' || typeof before !== 'string' || !isDate(from) || !isDate(before)) {
      continue;
    } else if (from === before) {
      fail(['owners', i, 'from'], `is the same day as owners[${i - 1}].from (${before})`, 'one owner per day: remove one of the two entries, or correct the date');
    } else if (from < before) {
      fail(['owners', i, 'from'], `${from} is before owners[${i - 1}].from (${before})`, 'list the owners oldest first, each from a later day; capaian fmt sorts them');
    }
  }
}

/**
 * The owners of an account, oldest first; `from: null` is "since always" (first entry only).
 * On a given day the owner is the last entry whose `from` is on or before it; before the first
 * `from` of a history with no "since always" entry the account has no owner, and its sales are
 * credited to no rep (dataset/build-dataset.ts ownerCode reads it so).
 */
export interface Ownership {
  rep: string;
  from: string | null;
}

/**
 * One customer in data/customers.yaml. Read in one normalized shape: `owner: andi` and
 * `owners: [...]` both become `owners`; `ownersWrittenAs` remembers which the file used, so a
 * problem can be pointed at what is written (see `ownershipPath`).
 */
export const customerSchema = customerFields.superRefine(checkOwners).transform(({ owner, owners, ...rest }) => ({
  ...rest,
  owners: owners ? owners.map((o): Ownership => ({ rep: o.rep, from: o.from ?? null })) : [{ rep: owner!, from: null }],
  ownersWrittenAs: (owners ? 'owners' : 'owner') as 'owner' | 'owners',
}));

/** data/customers.yaml: the customers, a list. */
export const customersSchema = records(customerSchema);

export type CustomerInput = z.input<typeof customerSchema>;
export type Customer = z.output<typeof customerSchema>;

/** Where ownership entry `i` of a customer is written, from the record: `owner` or `owners[i]`. */
export function ownershipPath(c: Pick<Customer, 'ownersWrittenAs'>, i: number): (string | number)[] {
  return c.ownersWrittenAs === 'owner' ? ['owner'] : ['owners', i];
}
