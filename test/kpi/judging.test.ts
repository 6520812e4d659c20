/** How a KPI is judged when its definition does not say (the default bands), and when it does. Applying it: test/report/status.test.ts. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_AT_RISK, DEFAULT_AT_RISK_POINTS, judgingOf } from '../../src/kpi/judging.ts';

describe('default bands', () => {
  it('judges percent KPIs in points (2 points) and the others by ratio (95 % for amounts and counts, 90 % for times and rates per day)', () => {
    expect(judgingOf({ unit: 'percent' })).toEqual({ judge: 'points', at_risk_points: DEFAULT_AT_RISK_POINTS });
    expect(DEFAULT_AT_RISK_POINTS).toBe(2);
    expect(judgingOf({ unit: 'currency' })).toEqual({ judge: 'ratio', at_risk: 0.9 });
    expect(judgingOf({ unit: 'count' })).toEqual({ judge: 'ratio', at_risk: 0.9 });
    expect(judgingOf({ unit: 'days' })).toEqual({ judge: 'ratio', at_risk: 0.9 });
    expect(judgingOf({ unit: 'per-day' })).toEqual({ judge: 'ratio', at_risk: DEFAULT_AT_RISK['per-day'] });
  });
  it('takes the KPI’s own judge and bands', () => {
    expect(judgingOf({ unit: 'percent', judge: 'ratio', thresholds: { at_risk: 0.8 } })).toEqual({ judge: 'ratio', at_risk: 0.8 });
    expect(judgingOf({ unit: 'percent', thresholds: { at_risk_points: 5 } })).toEqual({ judge: 'points', at_risk_points: 5 });
    expect(judgingOf({ unit: 'currency', judge: 'points' })).toEqual({ judge: 'points', at_risk_points: 0 });
  });
});
