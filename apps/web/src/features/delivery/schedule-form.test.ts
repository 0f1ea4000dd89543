import { describe, expect, it } from 'vitest';
import { bodyOf, describeCadence, draftOf, parseRecipients } from './schedule-form.ts';

describe('schedule form', () => {
  it('splits recipients on commas, semicolons and spaces', () => {
    expect(parseRecipients(' a@x.org, b@y.org;c@z.org\n d@w.org ,, ')).toEqual([
      'a@x.org',
      'b@y.org',
      'c@z.org',
      'd@w.org',
    ]);
  });

  it('sends only the day field of the cadence, and no recipients when saving', () => {
    const d = { ...draftOf(null, 'status-overview', 'csv'), name: ' Weekly ', recipients: 'a@x.org' };
    expect(bodyOf(d)).toEqual({
      name: 'Weekly',
      kind: 'status-overview',
      format: 'csv',
      cadence: 'weekly',
      dayOfWeek: 1,
      hour: 7,
      orgUnitId: null,
      delivery: 'save',
      recipients: [],
      enabled: true,
    });
    const m = bodyOf({ ...d, cadence: 'monthly', dayOfMonth: '3', delivery: 'email' });
    expect(m).toMatchObject({ dayOfMonth: 3, recipients: ['a@x.org'] });
    expect('dayOfWeek' in m).toBe(false);
  });

  it('describes cadences in words', () => {
    expect(describeCadence({ cadence: 'weekly', dayOfWeek: 5, dayOfMonth: null, hour: 7 })).toBe(
      'Fridays at 07:00 UTC',
    );
    expect(describeCadence({ cadence: 'monthly', dayOfWeek: null, dayOfMonth: 22, hour: 18 })).toBe(
      'the 22nd of each month at 18:00 UTC',
    );
    expect(describeCadence({ cadence: 'monthly', dayOfWeek: null, dayOfMonth: 11, hour: 0 })).toBe(
      'the 11th of each month at 00:00 UTC',
    );
  });
});
