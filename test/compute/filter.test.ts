/** The engine's filter masks (filterMask) against the row-by-row definition of a filter (compileFilter). */
import { describe, expect, it } from 'vitest';
import { GRAINS, periodOf } from '../../src/calendar/periods.ts';
import { filterMask } from '../../src/compute/filter.ts';
import { compileFilter } from '../support/compile-filter.ts';
import { dataset, FILTERS } from './random-table.ts';

describe('filter masks', () => {
  const ds = dataset(7, 2000);
  const placed = ds.tables.order_lines.time.date!.month;
  for (const filters of FILTERS.slice(1))
    for (const grain of GRAINS)
      it(`match the row tests: ${JSON.stringify(filters)} by ${grain}`, () => {
        for (const f of filters) {
          const mask = filterMask(ds, 'order_lines', f, grain, 4, placed);
          const test = compileFilter(ds, 'order_lines', f, grain, 4);
          for (let r = 0; r < placed.length; r++) if (placed[r]! >= 0) expect(mask[r] === 1, `row ${r}`).toBe(test(r, periodOf(grain, placed[r]!, 4)));
        }
      });
});
