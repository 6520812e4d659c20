/** Singular and plural in the CLI's English lines. */
import { describe, expect, it } from 'vitest';
import { count, countRecords } from '../../src/i18n/count.ts';

describe('count', () => {
  it('says one thing in the singular, any other number (zero too) in the plural', () => {
    expect([count(0, 'error'), count(1, 'error'), count(2, 'error'), count(1200, 'file')]).toEqual(['0 errors', '1 error', '2 errors', '1,200 files']);
    expect([count(1, 'activity', 'activities'), count(3, 'activity', 'activities')]).toEqual(['1 activity', '3 activities']);
  });

  it('names the records of each file kind', () => {
    expect([countRecords('orders', 1), countRecords('team', 1), countRecords('team', 8), countRecords('activities', 1), countRecords('company', 1)]).toEqual(['1 order', '1 team member', '8 team members', '1 activity', '1 company']);
  });
});
