import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMspdiDuration, parseMspdiDuration } from './mspdi-duration.ts';
import { generateLargeMspdi, SMALL_PROJECT_XML } from './mspdi-fixtures.ts';
import { MspdiParseError } from './mspdi-model.ts';
import { parseMspdi } from './mspdi-parse.ts';
import {
  applyScheduleToMspdi,
  buildScheduleInputFromMspdi,
  formatScheduleTable,
  scheduleMspdiDocument,
  scheduleMspdiXml,
} from './mspdi-schedule.ts';
import { writeMspdi } from './mspdi-write.ts';

describe('MSPDI durations', () => {
  it('parses and formats Project durations', () => {
    expect(parseMspdiDuration('PT8H0M0S', 'x')).toBe(480);
    expect(parseMspdiDuration('PT0H30M0S', 'x')).toBe(30);
    expect(parseMspdiDuration('-PT4H0M0S', 'x')).toBe(-240);
    expect(parseMspdiDuration('P1DT2H', 'x')).toBe(1440 + 120);
    expect(parseMspdiDuration('PT1.5H', 'x')).toBe(90);
    expect(formatMspdiDuration(490)).toBe('PT8H10M0S');
    expect(formatMspdiDuration(-30)).toBe('-PT0H30M0S');
  });

  it('refuses what is not a duration, naming the element', () => {
    expect(() => parseMspdiDuration('8 hours', 'Project/Tasks/Task[UID=1]/Duration')).toThrow(
      new MspdiParseError(
        'Project/Tasks/Task[UID=1]/Duration',
        '"8 hours" is not an ISO 8601 duration such as PT8H0M0S',
      ),
    );
    expect(() => parseMspdiDuration('P1M', 'x')).toThrow(MspdiParseError);
    expect(() => parseMspdiDuration('PT', 'x')).toThrow(MspdiParseError);
  });
});

describe('MSPDI import', () => {
  const doc = parseMspdi(SMALL_PROJECT_XML);

  it('reads project, calendars, tasks, links, resources, assignments and baselines', () => {
    expect(doc.project).toMatchObject({
      name: 'Small.xml',
      scheduleFromStart: true,
      startDate: '2026-01-05T08:00:00',
      statusDate: '2026-01-07T17:00:00',
      calendarUid: 1,
      minutesPerDay: 480,
      minutesPerWeek: 2400,
      daysPerMonth: 20,
    });
    expect(
      doc.calendars.map((c) => [c.uid, c.baseCalendarUid, c.weekDays.length, c.exceptions.length]),
    ).toEqual([
      [1, undefined, 7, 2],
      [2, 1, 5, 0],
    ]);
    expect(doc.calendars[0]?.exceptions[1]).toMatchObject({
      type: 2,
      month: 11,
      monthDay: 25,
      enteredByOccurrences: true,
    });
    expect(doc.tasks).toHaveLength(10);
    const build = doc.tasks.find((t) => t.uid === 5);
    expect(build).toMatchObject({ duration: 1920, deadline: '2026-01-16T17:00:00', outlineLevel: 1 });
    expect(build?.predecessors).toEqual([
      { predecessorUid: 4, type: 1, linkLag: 4800, lagFormat: 7, crossProject: false },
    ]);
    expect(doc.tasks.find((t) => t.uid === 2)).toMatchObject({
      percentComplete: 50,
      actualStart: '2026-01-05T08:00:00',
      remainingDuration: 720,
      baselines: [
        {
          number: 0,
          start: '2026-01-05T08:00:00',
          finish: '2026-01-07T17:00:00',
          duration: 1440,
          work: 1440,
          cost: 1200,
        },
      ],
    });
    expect(doc.resources[1]).toMatchObject({ uid: 1, name: 'Ana', calendarUid: 2, maxUnits: 1 });
    expect(doc.assignments[0]).toMatchObject({ taskUid: 9, resourceUid: 1, work: 480, units: 1 });
  });

  it('maps links, lags, constraints, the WBS and resource calendars into the engine input', () => {
    const input = buildScheduleInputFromMspdi(doc);
    expect(input.links).toEqual([
      { from: '2', to: '3', type: 'FS' },
      { from: '1', to: '4', type: 'FS' },
      { from: '4', to: '5', type: 'FS', lag: { kind: 'working', minutes: 480 } },
      { from: '5', to: '6', type: 'SS', lag: { kind: 'percent', percent: 50 } },
      { from: '5', to: '7', type: 'FF' },
      { from: '7', to: '8', type: 'FS', lag: { kind: 'elapsed', minutes: 1440 } },
      { from: '7', to: '9', type: 'SF', lag: { kind: 'working', minutes: -240 } },
    ]);
    const byId = new Map(input.tasks.map((t) => [t.id, t]));
    expect(byId.get('2')?.parentId).toBe('1');
    expect(byId.get('1')?.parentId).toBe('0');
    expect(byId.get('8')?.constraint?.type).toBe('SNET');
    expect(byId.get('9')?.resourceCalendarIds).toEqual(['2']);
  });

  it('schedules with Baton (hand-computed with Project rules), ignoring the dates in the file', () => {
    const result = scheduleMspdiDocument(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const rows = new Map(result.rows.map((r) => [r.uid, r]));
    const spanOf = (uid: number) => [rows.get(uid)?.start, rows.get(uid)?.finish];
    expect(spanOf(2)).toEqual(['2026-01-05T08:00:00', '2026-01-07T17:00:00']); // in progress: 12h done, 12h left
    expect(spanOf(3)).toEqual(['2026-01-08T08:00:00', '2026-01-09T17:00:00']);
    expect(spanOf(1)).toEqual(['2026-01-05T08:00:00', '2026-01-09T17:00:00']); // summary roll-up
    expect(spanOf(4)).toEqual(['2026-01-09T17:00:00', '2026-01-09T17:00:00']); // milestone at 17:00
    expect(spanOf(5)).toEqual(['2026-01-13T08:00:00', '2026-01-19T17:00:00']); // +1d lag, skips the holiday
    expect(spanOf(6)).toEqual(['2026-01-16T08:00:00', '2026-01-19T17:00:00']); // SS +50%
    expect(spanOf(7)).toEqual(['2026-01-19T08:00:00', '2026-01-19T17:00:00']); // FF
    expect(spanOf(8)).toEqual(['2026-01-22T08:00:00', '2026-01-22T17:00:00']); // SNET beats FS +1ed
    expect(spanOf(9)).toEqual(['2026-01-15T13:00:00', '2026-01-16T13:00:00']); // SF -4h on the resource calendar
    expect(spanOf(0)).toEqual(['2026-01-05T08:00:00', '2026-01-22T17:00:00']);
    expect(rows.get(5)).toMatchObject({ totalFloatMinutes: -480, critical: true }); // deadline missed by a day
    expect(rows.get(7)).toMatchObject({ totalFloatMinutes: 480, critical: false });
    expect(rows.get(8)).toMatchObject({ totalFloatMinutes: 0, critical: true });
  });

  it('runs a task with an elapsed duration (DurationFormat 8, ed) round the clock', () => {
    const xml = SMALL_PROJECT_XML.replace(
      '<Name>Test</Name><Type>0</Type><IsNull>0</IsNull><WBS>5</WBS><OutlineNumber>5</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2026-01-19T08:00:00</Start><Finish>2026-01-19T17:00:00</Finish><Duration>PT8H0M0S</Duration><DurationFormat>7</DurationFormat>',
      '<Name>Test</Name><Type>0</Type><IsNull>0</IsNull><WBS>5</WBS><OutlineNumber>5</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2026-01-19T08:00:00</Start><Finish>2026-01-19T17:00:00</Finish><Duration>PT24H0M0S</Duration><DurationFormat>8</DurationFormat>',
    );
    const result = scheduleMspdiDocument(parseMspdi(xml));
    const test = result.ok ? result.rows.find((r) => r.uid === 7) : undefined;
    // FF to Build (ends Mon 19 17:00): one elapsed day back from there, Sunday included.
    expect([test?.start, test?.finish]).toEqual(['2026-01-18T17:00:00', '2026-01-19T17:00:00']);
  });

  it('prints the CLI table and JSON rows', () => {
    const result = scheduleMspdiXml(SMALL_PROJECT_XML);
    if (!result.ok) throw new Error('invalid');
    const table = formatScheduleTable(result.rows).split('\n');
    expect(table[0]).toBe(
      'UID  Name         Start                Finish               Total float (min)  Critical',
    );
    expect(table[5]).toBe(
      '  4  Design done  2026-01-09T17:00:00  2026-01-09T17:00:00               -480  yes',
    );
    expect(JSON.parse(JSON.stringify(result.rows))[8]).toEqual({
      uid: 8,
      name: 'Ship',
      start: '2026-01-22T08:00:00',
      finish: '2026-01-22T17:00:00',
      totalFloatMinutes: 0,
      critical: true,
    });
  });

  it('reports a dependency cycle with the tasks in it', () => {
    const cyclic = SMALL_PROJECT_XML.replace(
      '<Task><UID>2</UID>',
      '<Task><PredecessorLink><PredecessorUID>3</PredecessorUID><Type>1</Type></PredecessorLink><UID>2</UID>',
    );
    const result = scheduleMspdiDocument(parseMspdi(cyclic));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toMatchObject({ kind: 'cycle', taskIds: ['2', '3'] });
  });
});

describe('MSPDI round trip', () => {
  it('import → export → import loses nothing Baton models', () => {
    const first = parseMspdi(SMALL_PROJECT_XML);
    const again = parseMspdi(writeMspdi(first));
    expect(again).toEqual(first);
    expect(writeMspdi(again)).toBe(writeMspdi(first));
  });

  it('writes Baton dates back and the result still schedules the same', () => {
    const doc = parseMspdi(SMALL_PROJECT_XML);
    const result = scheduleMspdiDocument(doc);
    if (!result.ok) throw new Error('cyclic');
    const updated = parseMspdi(writeMspdi(applyScheduleToMspdi(doc, result.rows)));
    expect(updated.tasks.find((t) => t.uid === 6)?.start).toBe('2026-01-16T08:00:00');
    const again = scheduleMspdiDocument(updated);
    expect(again.ok && again.rows).toEqual(result.rows);
  });

  it('round-trips a generated large file', () => {
    const doc = parseMspdi(generateLargeMspdi(300));
    expect(parseMspdi(writeMspdi(doc))).toEqual(doc);
  });
});

describe('bad MSPDI files', () => {
  const cases: [string, string, string, string][] = [
    ['malformed XML', '<Project><Tasks></Project>', 'xml (line 1, column', ''],
    ['a wrong root', '<Schedule/>', 'Project', 'the root element must be <Project> (Microsoft Project XML)'],
    [
      'a bad duration',
      SMALL_PROJECT_XML.replace('<Duration>PT16H0M0S</Duration>', '<Duration>two days</Duration>'),
      'Project/Tasks/Task[UID=3]/Duration',
      '"two days" is not an ISO 8601 duration such as PT8H0M0S',
    ],
    [
      'a link to a missing task',
      SMALL_PROJECT_XML.replace('<PredecessorUID>2</PredecessorUID>', '<PredecessorUID>77</PredecessorUID>'),
      'Project/Tasks/Task[UID=3]/PredecessorLink[1]/PredecessorUID',
      'no task has UID 77',
    ],
    [
      'an unknown link type',
      SMALL_PROJECT_XML.replace('<Type>3</Type><CrossProject>', '<Type>9</Type><CrossProject>'),
      'Project/Tasks/Task[UID=6]/PredecessorLink[1]/Type',
      '9 is not a link type (0 FF, 1 FS, 2 SF, 3 SS)',
    ],
    [
      'a bad date',
      SMALL_PROJECT_XML.replace(
        '<Deadline>2026-01-16T17:00:00</Deadline>',
        '<Deadline>16/01/2026</Deadline>',
      ),
      'Project/Tasks/Task[UID=5]/Deadline',
      '"16/01/2026" is not a local date-time such as 2026-01-05T08:00:00',
    ],
    [
      'an unknown calendar',
      SMALL_PROJECT_XML.replace(
        '<CalendarUID>2</CalendarUID></Resource>',
        '<CalendarUID>5</CalendarUID></Resource>',
      ),
      'Project/Resources/Resource[UID=1]/CalendarUID',
      'no calendar has UID 5',
    ],
    [
      'a duplicate task UID',
      SMALL_PROJECT_XML.replace('<Task><UID>3</UID>', '<Task><UID>2</UID>'),
      'Project/Tasks/Task[UID=2]',
      'UID is used twice',
    ],
    [
      'a bad working time',
      SMALL_PROJECT_XML.replace('<FromTime>06:00:00</FromTime>', '<FromTime>6 am</FromTime>'),
      'Project/Calendars/Calendar[UID=2]/WeekDays/WeekDay[1]/WorkingTimes/WorkingTime[1]/FromTime',
      '"6 am" is not a time such as 08:00:00',
    ],
  ];
  it.each(cases)('rejects %s with the element and the reason', (_name, xml, element, reason) => {
    let error: unknown;
    try {
      parseMspdi(xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MspdiParseError);
    const e = error as MspdiParseError;
    expect(e.element.startsWith(element)).toBe(true);
    if (reason) expect(e.reason).toBe(reason);
  });

  it('never throws anything but MspdiParseError on fuzzed input', () => {
    const fragments = [
      '<Project>',
      '</Project>',
      '<Tasks>',
      '</Tasks>',
      '<Task>',
      '</Task>',
      '<UID>1</UID>',
      '<UID>x</UID>',
      '<Duration>PT8H</Duration>',
      '<PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink>',
      '<Calendars><Calendar><UID>1</UID></Calendar></Calendars>',
      '<WeekDays><WeekDay><DayType>2</DayType><DayWorking>1</DayWorking></WeekDay></WeekDays>',
      '<Start>2026-01-05T08:00:00</Start>',
      '<Name>a &amp; b</Name>',
      '&bogus;',
      '<![CDATA[x]]>',
      '<!-- c -->',
      '<?xml version="1.0"?>',
      '<a b="1"/>',
    ];
    const mutated = fc.oneof(
      fc.string(),
      fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => parts.join('')),
      fc
        .tuple(fc.nat(SMALL_PROJECT_XML.length), fc.nat(40), fc.string({ maxLength: 8 }))
        .map(
          ([at, cut, insert]) => SMALL_PROJECT_XML.slice(0, at) + insert + SMALL_PROJECT_XML.slice(at + cut),
        ),
    );
    fc.assert(
      fc.property(mutated, (xml) => {
        try {
          const doc = parseMspdi(xml);
          scheduleMspdiDocument(doc);
        } catch (e) {
          if (!(e instanceof MspdiParseError)) throw e;
        }
      }),
      { numRuns: 400 },
    );
  });
});
