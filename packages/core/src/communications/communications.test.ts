import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCoordinationWarnings } from './coordination.ts';
import {
  addDays,
  addMonthsClamped,
  COMMUNICATION_FREQUENCIES,
  type CommunicationCadence,
  communicationCadenceProblem,
  daysBetween,
  expandOccurrences,
  isOccurrence,
  isoWeekOf,
  occurrenceStatus,
} from './plan.ts';

const plan = (
  frequency: CommunicationCadence['frequency'],
  startDate: string,
  endDate: string | null = null,
): CommunicationCadence => ({ frequency, startDate, endDate });

describe('expandOccurrences', () => {
  it('weekly and biweekly step 7 and 14 days from the start, not from the range', () => {
    // 2026-01-07 is a Wednesday
    expect(expandOccurrences(plan('weekly', '2026-01-07'), '2026-01-10', '2026-02-01')).toEqual([
      '2026-01-14',
      '2026-01-21',
      '2026-01-28',
    ]);
    expect(expandOccurrences(plan('biweekly', '2026-01-07'), '2026-01-01', '2026-02-28')).toEqual([
      '2026-01-07',
      '2026-01-21',
      '2026-02-04',
      '2026-02-18',
    ]);
  });

  it('monthly on the 31st clamps to each month’s end and comes back to the 31st', () => {
    expect(expandOccurrences(plan('monthly', '2026-01-31'), '2026-01-01', '2026-05-31')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ]);
    // a leap year keeps the 29th of February
    expect(expandOccurrences(plan('monthly', '2028-01-30'), '2028-02-01', '2028-03-31')).toEqual([
      '2028-02-29',
      '2028-03-30',
    ]);
  });

  it('quarterly steps three months, across the year end', () => {
    expect(expandOccurrences(plan('quarterly', '2026-11-30'), '2026-01-01', '2027-12-31')).toEqual([
      '2026-11-30',
      '2027-02-28',
      '2027-05-30',
      '2027-08-30',
      '2027-11-30',
    ]);
  });

  it('once is the start date only; nothing after the end date or before the start', () => {
    expect(expandOccurrences(plan('once', '2026-03-02'), '2026-01-01', '2026-12-31')).toEqual(['2026-03-02']);
    expect(expandOccurrences(plan('once', '2026-03-02'), '2026-03-03', '2026-12-31')).toEqual([]);
    expect(expandOccurrences(plan('weekly', '2026-03-02', '2026-03-16'), '2026-01-01', '2026-12-31')).toEqual(
      ['2026-03-02', '2026-03-09', '2026-03-16'],
    );
    expect(expandOccurrences(plan('monthly', '2026-06-15'), '2026-01-01', '2026-06-14')).toEqual([]);
    expect(expandOccurrences(plan('weekly', '2026-01-01'), '2026-02-01', '2026-01-01')).toEqual([]);
  });

  it('isOccurrence answers for one day', () => {
    const p = plan('monthly', '2026-01-31', '2026-12-31');
    expect(isOccurrence(p, '2026-02-28')).toBe(true);
    expect(isOccurrence(p, '2026-02-27')).toBe(false);
    expect(isOccurrence(p, '2027-01-31')).toBe(false);
    expect(isOccurrence(plan('weekly', '2026-01-05'), '2026-01-04')).toBe(false);
  });

  it('refuses an end before the start, naming the field', () => {
    expect(communicationCadenceProblem(plan('weekly', '2026-02-01', '2026-01-31'))?.field).toBe('endDate');
    expect(communicationCadenceProblem(plan('weekly', '2026-02-01', '2026-02-01'))).toBeNull();
  });
});

// Dates between 1999 and 2031, as ISO strings.
const isoDate = fc
  .integer({ min: 10_592, max: 22_645 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const cadence: fc.Arbitrary<CommunicationCadence> = fc
  .record({
    frequency: fc.constantFrom(...COMMUNICATION_FREQUENCIES),
    startDate: isoDate,
    length: fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }),
  })
  .map(({ frequency, startDate, length }) => ({
    frequency,
    startDate,
    endDate: length === null ? null : addDays(startDate, length),
  }));
const range = fc
  .record({ from: isoDate, length: fc.integer({ min: 0, max: 400 }) })
  .map(({ from, length }) => ({ from, to: addDays(from, length) }));

describe('expandOccurrences properties', () => {
  it('occurrences lie within the range and the plan, strictly ordered', () => {
    fc.assert(
      fc.property(cadence, range, (c, r) => {
        const out = expandOccurrences(c, r.from, r.to);
        for (const [i, d] of out.entries()) {
          expect(d >= r.from && d <= r.to).toBe(true);
          expect(d >= c.startDate).toBe(true);
          if (c.endDate) expect(d <= c.endDate).toBe(true);
          if (i > 0) expect(d > (out[i - 1] as string)).toBe(true);
        }
      }),
    );
  });

  it('a range split in two gives the same occurrences as the whole', () => {
    fc.assert(
      fc.property(cadence, range, fc.nat(), (c, r, cut) => {
        const mid = addDays(r.from, cut % (daysBetween(r.from, r.to) + 1));
        const whole = expandOccurrences(c, r.from, r.to);
        const parts = [...expandOccurrences(c, r.from, mid), ...expandOccurrences(c, addDays(mid, 1), r.to)];
        expect(parts).toEqual(whole);
      }),
    );
  });

  it('every day of a range is an occurrence exactly when the expansion lists it', () => {
    fc.assert(
      fc.property(cadence, isoDate, fc.integer({ min: 0, max: 70 }), (c, from, length) => {
        const listed = new Set(expandOccurrences(c, from, addDays(from, length)));
        for (let i = 0; i <= length; i += 1) {
          const d = addDays(from, i);
          expect(isOccurrence(c, d)).toBe(listed.has(d));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('steps match the frequency: 7/14 days apart, or the start’s day of the month clamped', () => {
    fc.assert(
      fc.property(cadence, range, (c, r) => {
        const out = expandOccurrences(c, r.from, r.to);
        const startDay = Number(c.startDate.slice(8, 10));
        for (const [i, d] of out.entries()) {
          if (c.frequency === 'once') expect(d).toBe(c.startDate);
          if (c.frequency === 'weekly') expect(daysBetween(c.startDate, d) % 7).toBe(0);
          if (c.frequency === 'biweekly') expect(daysBetween(c.startDate, d) % 14).toBe(0);
          if (c.frequency === 'monthly' || c.frequency === 'quarterly') {
            const monthEnd = Number(addMonthsClamped(`${d.slice(0, 7)}-31`, 0).slice(8, 10));
            expect(Number(d.slice(8, 10))).toBe(Math.min(startDay, monthEnd));
            const months =
              (Number(d.slice(0, 4)) - Number(c.startDate.slice(0, 4))) * 12 +
              Number(d.slice(5, 7)) -
              Number(c.startDate.slice(5, 7));
            expect(months % (c.frequency === 'monthly' ? 1 : 3)).toBe(0);
            if (i > 0) {
              const prev = out[i - 1] as string;
              const gap =
                (Number(d.slice(0, 4)) - Number(prev.slice(0, 4))) * 12 +
                Number(d.slice(5, 7)) -
                Number(prev.slice(5, 7));
              expect(gap).toBe(c.frequency === 'monthly' ? 1 : 3);
            }
          }
        }
      }),
    );
  });
});

describe('occurrenceStatus', () => {
  it('sent wins; past and unsent is overdue; today and later is due', () => {
    expect(occurrenceStatus('2026-01-01', true, '2026-02-01')).toBe('sent');
    expect(occurrenceStatus('2026-01-31', false, '2026-02-01')).toBe('overdue');
    expect(occurrenceStatus('2026-02-01', false, '2026-02-01')).toBe('due');
    expect(occurrenceStatus('2026-03-01', false, '2026-02-01')).toBe('due');
  });
});

describe('isoWeekOf', () => {
  it('follows ISO 8601 at the year boundaries', () => {
    expect(isoWeekOf('2026-12-07')).toEqual({ year: 2026, week: 50, key: '2026-W50', monday: '2026-12-07' });
    // 2021-01-03 (a Sunday) still belongs to 2020's week 53
    expect(isoWeekOf('2021-01-03')).toMatchObject({ key: '2020-W53', monday: '2020-12-28' });
    // 2024-12-30 (a Monday) is week 1 of 2025
    expect(isoWeekOf('2024-12-30')).toMatchObject({ key: '2025-W01', monday: '2024-12-30' });
    expect(isoWeekOf('2026-01-01')).toMatchObject({ key: '2026-W01', monday: '2025-12-29' });
  });

  it('the Monday is a Monday at most six days before, and the week holds seven days', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const w = isoWeekOf(d);
        expect(new Date(`${w.monday}T00:00:00Z`).getUTCDay()).toBe(1);
        const back = daysBetween(w.monday, d);
        expect(back >= 0 && back <= 6).toBe(true);
        expect(isoWeekOf(addDays(w.monday, 6)).key).toBe(w.key);
        expect(isoWeekOf(addDays(w.monday, 7)).key).not.toBe(w.key);
        expect(w.week >= 1 && w.week <= 53).toBe(true);
      }),
    );
  });
});

describe('findCoordinationWarnings', () => {
  const c = (dueDate: string, stakeholderIds: string[], projectId: string | null, title: string) => ({
    dueDate,
    stakeholderIds,
    projectId,
    title,
  });

  it('flags a stakeholder with three communications in one ISO week across projects, listing them', () => {
    const warnings = findCoordinationWarnings([
      c('2026-12-07', ['ceo', 'cfo'], 'p1', 'P1 status'),
      c('2026-12-09', ['ceo'], 'p2', 'P2 status'),
      c('2026-12-13', ['ceo'], null, 'Portfolio pack'),
      // the next Monday is another week
      c('2026-12-14', ['ceo', 'cfo'], 'p3', 'P3 status'),
      c('2026-12-08', ['cfo'], 'p2', 'P2 steering'),
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      stakeholderId: 'ceo',
      week: '2026-W50',
      weekStart: '2026-12-07',
      count: 3,
      sourceCount: 3,
    });
    expect(warnings[0]?.communications.map((x) => x.title)).toEqual([
      'P1 status',
      'P2 status',
      'Portfolio pack',
    ]);
  });

  it('counts a stakeholder named twice on one communication once; a lower threshold flags more', () => {
    const comms = [c('2026-12-07', ['ceo', 'ceo'], 'p1', 'a'), c('2026-12-08', ['ceo'], 'p1', 'b')];
    expect(findCoordinationWarnings(comms)).toEqual([]);
    expect(findCoordinationWarnings(comms, 2)[0]).toMatchObject({ count: 2, sourceCount: 1 });
  });

  it('agrees with counting by brute force', () => {
    const comm = fc.record({
      dueDate: fc.integer({ min: 0, max: 40 }).map((n) => addDays('2026-11-23', n)),
      stakeholderIds: fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 3 }),
      projectId: fc.option(fc.constantFrom('p1', 'p2', 'p3'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(comm, { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (comms, threshold) => {
        const warnings = findCoordinationWarnings(comms, threshold);
        const counts = new Map<string, number>();
        for (const x of comms)
          for (const s of new Set(x.stakeholderIds)) {
            const key = `${s}|${isoWeekOf(x.dueDate).key}`;
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
        const expected = [...counts].filter(([, n]) => n >= threshold).map(([k]) => k);
        expect(warnings.map((w) => `${w.stakeholderId}|${w.week}`).sort()).toEqual(expected.sort());
        for (const w of warnings) {
          expect(w.communications).toHaveLength(w.count);
          for (const x of w.communications) {
            expect(x.stakeholderIds).toContain(w.stakeholderId);
            expect(isoWeekOf(x.dueDate).key).toBe(w.week);
          }
        }
      }),
    );
  });
});
