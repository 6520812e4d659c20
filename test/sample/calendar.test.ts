import { describe, expect, it } from 'vitest';
import { dateTimeOf, dayOf, lebaranPeakMonth, monthsEnding, WorkCalendar } from '../../src/sample/calendar.ts';
import { holidaysOf } from '../../src/sample/holidays.ts';
import { Rng, streamOf, WeightedTable } from '../../src/sample/random.ts';

describe('random', () => {
  it('repeats a stream for the same seed and parts', () => {
    const draw = (r: Rng) => Array.from({ length: 5 }, () => r.next());
    expect(draw(streamOf(1, 'orders', 3))).toEqual(draw(streamOf(1, 'orders', 3)));
    expect(draw(streamOf(1, 'orders', 3))).not.toEqual(draw(streamOf(1, 'orders', 4)));
    expect(draw(new Rng(42))).toEqual(draw(new Rng(42)));
  });

  it('draws in proportion to weights', () => {
    const table = new WeightedTable([1, 0, 3]);
    const rng = new Rng(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[table.draw(rng)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeCloseTo(3, 0);
  });
});

describe('calendar', () => {
  it('lists the months ending with the end month', () => {
    expect(monthsEnding('2026-02', 3).map((m) => m.label)).toEqual(['2025-12', '2026-01', '2026-02']);
    const [m] = monthsEnding('2024-02', 1);
    expect(m!.end - m!.start).toBe(29);
  });

  it('moves activities to the next working moment, past Sundays and holidays', () => {
    const cal = new WorkCalendar([2026]);
    const rng = new Rng(1);
    // Friday 20 March 2026 19:00: cuti bersama, then Idul Fitri Sat-Sun, cuti bersama Mon-Tue.
    const t = cal.nextWorkingTime(dayOf(2026, 3, 20) * 1440 + 19 * 60, rng);
    expect(dateTimeOf(t).slice(0, 10)).toBe('2026-03-25');
    expect(dateTimeOf(t) >= '2026-03-25T08:00' && dateTimeOf(t) <= '2026-03-25T09:15').toBe(true);
    // A working day before 08:00 stays on that day.
    expect(dateTimeOf(cal.nextWorkingTime(dayOf(2026, 3, 26) * 1440 + 7 * 60, rng)).slice(0, 10)).toBe('2026-03-26');
  });

  it('finds the Ramadan trade peak before Idul Fitri', () => {
    expect(lebaranPeakMonth(2025)).toBe('2025-03'); // Idul Fitri 31 March
    expect(lebaranPeakMonth(2026)).toBe('2026-02'); // Idul Fitri 21 March: Ramadan mostly in February
  });

  it('knows the decreed holidays and falls back to fixed ones', () => {
    expect(holidaysOf(2026).filter((h) => h.name.includes('Idul Fitri')).map((h) => h.date)).toEqual([
      '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24',
    ]);
    expect(holidaysOf(2030).map((h) => h.date)).toContain('2030-08-17');
  });
});
