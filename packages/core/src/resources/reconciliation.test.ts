import { describe, expect, it } from 'vitest';
import { reconcileHours } from './reconciliation.ts';

describe('reconcileHours', () => {
  it('computes the three variances and flags pairs beyond both tolerances', () => {
    const { rows, totals } = reconcileHours([
      { key: 'design', planned: 100, assigned: 100, actual: 130 },
      { key: 'tiny', planned: 2, assigned: 2, actual: 3 },
      { key: 'large', planned: 1000, assigned: 1000, actual: 1020 },
      { key: 'unplanned', planned: 0, assigned: 16, actual: 12 },
    ]);
    expect(rows[0]).toEqual({
      key: 'design',
      planned: 100,
      assigned: 100,
      actual: 130,
      actualMinusPlanned: 30,
      actualMinusAssigned: 30,
      assignedMinusPlanned: 0,
      mismatches: ['actual-vs-planned', 'actual-vs-assigned'],
    });
    // 1 h is within the hour tolerance; 2 % of 1,000 h is within the percentage.
    expect(rows[1]?.mismatches).toEqual([]);
    expect(rows[2]?.mismatches).toEqual([]);
    expect(rows[3]?.mismatches).toEqual(['actual-vs-planned', 'actual-vs-assigned', 'assigned-vs-planned']);
    expect(totals).toMatchObject({ planned: 1102, assigned: 1118, actual: 1165, actualMinusPlanned: 63 });
  });

  it('takes tolerances from the caller', () => {
    const strict = reconcileHours([{ key: 'a', planned: 10, assigned: 10, actual: 10.5 }], {
      hours: 0,
      percent: 1,
    });
    expect(strict.rows[0]?.mismatches).toEqual(['actual-vs-planned', 'actual-vs-assigned']);
    expect(reconcileHours([]).totals.mismatches).toEqual([]);
  });
});
