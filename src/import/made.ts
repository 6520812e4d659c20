/** What mapping CSV rows makes: records with the CSV lines they came from, and the counts told to the user. */
type Rec = Record<string, unknown>;

/** A record made from the CSV, with the lines it came from. */
export interface MadeRecord {
  record: Rec;
  /** The month file it goes to (YYYY-MM): the month of its date in company time. */
  month: string;
  /** The CSV line of the record (an order: of its first row). */
  line: number;
  /** Orders: the CSV line of each order line. */
  lineRows?: number[];
  /** Which `records:` entry made it (0 with `fields:`). */
  spec: number;
}

/** A customer or product --create-missing adds, and the CSV line of the first row naming it. */
export interface NewRecord {
  record: Rec;
  line: number;
}

export interface MapCounts {
  /** Data rows in the CSV. */
  rows: number;
  /** Rows the mapping's where left out. */
  filtered: number;
  /** Rows (orders: order lines) dated outside the months imported, skipped. */
  outside: number;
  /** Rows used for the months' records. */
  used: number;
  /** Earliest and latest date among the rows read (YYYY-MM-DD). */
  first?: string;
  last?: string;
}
