/**
 * Reading the fields of one CSV row through compiled value specs: each field read once, on
 * demand (a `field:` source reads another field through the same scope), failures reported at
 * the row's CSV line, and the day that places a record in its month, in company time.
 */
import { localDate, parseDateTime } from '../calendar/zoned-time.ts';
import type { Compiler, CompiledFields, CompiledValue, Got, RowContext, Scope } from './compile.ts';
import type { CsvRow, CsvTable, RowIssue } from './csv.ts';
import type { MapCounts } from './made.ts';

type Rec = Record<string, unknown>;

/** A CSV row as the compiled specs read it (its joined rows looked up on first use). */
export function rowContext(r: CsvRow): RowContext {
  return { line: r.line, cells: r.cells, joined: [] };
}

export class RowReader {
  readonly rowIssues: RowIssue[];

  constructor(
    private readonly compiler: Compiler,
    private readonly table: CsvTable,
    private readonly timezone: string,
    private readonly counts: MapCounts,
  ) {
    this.rowIssues = compiler.rowIssues;
  }

  /** Reports a problem at the row's line. */
  problem(row: RowContext, message: string, hint: string | undefined): void {
    this.rowIssues.push({ file: this.table.file, line: row.line, message, ...(hint !== undefined ? { hint } : {}) });
  }

  private failed(row: RowContext, got: Extract<Got, { ok: false }>): void {
    this.problem(row, got.message, got.hint);
  }

  /**
   * The fields of one record for one row, each read on first use; `names` are the record's own
   * fields, and any other name is looked up in `outer` (the order a line belongs to).
   */
  scope(row: RowContext, fields: CompiledFields, names: ReadonlySet<string>, outer?: Scope): Scope {
    const values = new Map<string, Got>();
    const busy = new Set<string>();
    const scope: Scope = (f) => {
      const hit = values.get(f);
      if (hit) return hit;
      const spec = fields.get(f);
      if (!spec) return outer && !names.has(f) ? outer(f) : { ok: true, value: undefined };
      if (busy.has(f)) return { ok: false, message: `${f} comes from itself through field: sources`, hint: 'break the circle: give one of them a column or a value' };
      busy.add(f);
      const got = spec.get(row, scope);
      busy.delete(f);
      values.set(f, got);
      return got;
    };
    return scope;
  }

  /** Every field of a section for one row; undefined when any failed or a required one is empty (reported). */
  readAll(row: RowContext, fields: CompiledFields, scope: Scope, required: readonly string[], what: string): Rec | undefined {
    const out: Rec = {};
    let bad = false;
    for (const [f, spec] of fields) {
      if (spec.sequence !== undefined) continue;
      const got = scope(f);
      if (!got.ok) {
        this.failed(row, got);
        bad = true;
      } else if (got.value !== undefined) out[f] = got.value;
      else if (required.includes(f)) {
        this.problem(row, `${f} (${spec.source}) is empty`, this.compiler.joinMiss(row, spec.column) ?? `every ${what} needs a ${f}: fill the cell, or give a default: in the mapping`);
        bad = true;
      }
    }
    return bad ? undefined : out;
  }

  /**
   * The day (YYYY-MM-DD, company time) of the field that places a record in its month; undefined
   * when it failed or is empty (reported). Every day read widens the file's span in the counts.
   */
  day(row: RowContext, placedBy: string, placed: CompiledValue, scope: Scope): string | undefined {
    const got = scope(placedBy);
    if (!got.ok) {
      this.failed(row, got);
      return undefined;
    }
    if (got.value === undefined) {
      this.problem(row, `${placedBy} (${placed.source}) is empty`, this.compiler.joinMiss(row, placed.column) ?? `a record without a ${placedBy} cannot be placed in a month; fill it in, or leave such rows out with where: { ${placed.column ?? placedBy}: { empty: false } }`);
      return undefined;
    }
    const day = this.dayOf(String(got.value));
    const c = this.counts;
    if (!c.first || day < c.first) c.first = day;
    if (!c.last || day > c.last) c.last = day;
    return day;
  }

  /** A date or a date-time's day; a time with an offset is moved to company time first. */
  private dayOf(v: string): string {
    return v.length > 16 && /[Z+-]\d*:?\d*$/.test(v.slice(16)) ? localDate(parseDateTime(v, this.timezone), this.timezone) : v.slice(0, 10);
  }
}
