import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueDateOf,
  isPeriod,
  isReportOverdue,
  lastDuePeriod,
  periodBounds,
  ragMismatches,
  shiftPeriod,
  statusReportMoves,
  submitProblems,
} from './status-reports.ts';

describe('status report periods', () => {
  it('knows month ends, leap years and due dates', () => {
    expect(periodBounds('2026-02')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodBounds('2028-02').end).toBe('2028-02-29');
    expect(periodBounds('2026-12').end).toBe('2026-12-31');
    expect(dueDateOf('2026-11', 5)).toBe('2026-12-05');
    expect(dueDateOf('2026-12', 0)).toBe('2026-12-31');
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('2026-1')).toBe(false);
    expect(() => periodBounds('26-01')).toThrow(/not a period/);
  });

  it('finds the newest period already due', () => {
    // November's report is due on 5 December: on the 4th October's is the newest one due.
    // On the due day itself there is still time.
    expect(lastDuePeriod('2026-12-05', 5)).toBe('2026-10');
    expect(lastDuePeriod('2026-12-06', 5)).toBe('2026-11');
    expect(lastDuePeriod('2026-12-01', 0)).toBe('2026-11');
    expect(lastDuePeriod('2027-02-01', 31)).toBe('2026-12');
    expect(lastDuePeriod('2026-12-31', 0)).toBe('2026-11');
  });

  it('is always past due by today, and the next period is not (property)', () => {
    const day = fc
      .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) })
      .map((t) => new Date(t).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 31 }), (today, days) => {
        const p = lastDuePeriod(today, days);
        expect(dueDateOf(p, days) < today).toBe(true);
        expect(dueDateOf(shiftPeriod(p, 1), days) >= today).toBe(true);
        // The one last due is overdue while missing; the next is not yet.
        expect(isReportOverdue('missing', dueDateOf(p, days), today)).toBe(true);
        expect(isReportOverdue('missing', dueDateOf(shiftPeriod(p, 1), days), today)).toBe(false);
        expect(shiftPeriod(shiftPeriod(p, 7), -7)).toBe(p);
      }),
    );
  });
});

describe('status report workflow', () => {
  it('moves draft → submitted → reviewed or returned → submitted', () => {
    expect(statusReportMoves('draft')).toEqual(['submitted']);
    expect(statusReportMoves('submitted')).toEqual(['reviewed', 'returned']);
    expect(statusReportMoves('returned')).toEqual(['submitted']);
    expect(statusReportMoves('reviewed')).toEqual([]);
  });

  it('names what a report lacks before submission', () => {
    const p = submitProblems({ summary: '  ', reported: { overall: 'green', schedule: 'green' } });
    expect(p.map((x) => x.field)).toEqual([
      'summary',
      'reported.cost',
      'reported.scope',
      'reported.risk',
      'reported.resources',
    ]);
    const full = {
      overall: 'amber',
      schedule: 'green',
      cost: 'amber',
      scope: 'green',
      risk: 'red',
      resources: 'green',
    } as const;
    expect(submitProblems({ summary: 'On track', reported: full })).toEqual([]);
  });

  it('flags a project reported better than its figures', () => {
    expect(
      ragMismatches(
        { overall: 'green', cost: 'green', risk: 'red' },
        { overall: 'red', cost: 'amber', risk: 'green' },
      ),
    ).toEqual([
      { dimension: 'overall', reported: 'green', computed: 'red' },
      { dimension: 'cost', reported: 'green', computed: 'amber' },
    ]);
    expect(ragMismatches({ overall: 'red' }, {})).toEqual([]);
  });

  it('calls a report overdue only while unsubmitted after its due date', () => {
    expect(isReportOverdue('missing', '2026-12-05', '2026-12-06')).toBe(true);
    expect(isReportOverdue('draft', '2026-12-05', '2026-12-05')).toBe(false);
    expect(isReportOverdue('submitted', '2026-12-05', '2027-01-01')).toBe(false);
  });
});
