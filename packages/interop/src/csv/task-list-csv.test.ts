import { createStandardCalendar, parseLocalDateTime, scheduleNetwork } from '@baton/core/schedule/index';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParseError, parseCsvRows } from './csv-format.ts';
import type { TaskListCsv } from './task-list-csv.ts';
import { parseTaskDuration, parseTaskListCsv, writeTaskListCsv } from './task-list-csv.ts';

const SAMPLE = [
  'ID,Name,Parent,Duration,Predecessors,Constraint,Constraint Date,Deadline,Percent Complete',
  '1,Phase 1,,0,,,,,',
  '2,"Design, first pass",1,3d,,,,,',
  '3,Review,1,4h,2FS+1d,,,2026-01-09,',
  '4,Build,,2w,"3SS-2h;2FF+50%",SNET,2026-01-12T08:00,,10',
  '5,Done,,0,4FS+1ed,,,,',
].join('\n');

describe('CSV task lists', () => {
  it('reads tasks, WBS parents, durations, links with lags and constraints', () => {
    const list = parseTaskListCsv(SAMPLE);
    expect(list.tasks.map((t) => [t.id, t.name, t.parentId, t.durationMinutes])).toEqual([
      ['1', 'Phase 1', undefined, 0],
      ['2', 'Design, first pass', '1', 1440],
      ['3', 'Review', '1', 240],
      ['4', 'Build', undefined, 4800],
      ['5', 'Done', undefined, 0],
    ]);
    expect(list.links).toEqual([
      { from: '2', to: '3', type: 'FS', lag: { kind: 'working', minutes: 480 } },
      { from: '3', to: '4', type: 'SS', lag: { kind: 'working', minutes: -120 } },
      { from: '2', to: '4', type: 'FF', lag: { kind: 'percent', percent: 50 } },
      { from: '4', to: '5', type: 'FS', lag: { kind: 'elapsed', minutes: 1440 } },
    ]);
    expect(list.tasks[3]).toMatchObject({
      constraint: { type: 'SNET', date: parseLocalDateTime('2026-01-12T08:00') },
      percentComplete: 10,
    });
  });

  it('round-trips through export, with scheduled dates added', () => {
    const list = parseTaskListCsv(SAMPLE);
    const result = scheduleNetwork({
      calendars: [createStandardCalendar()],
      projects: [
        {
          id: 'P',
          calendarId: 'standard',
          scheduleFrom: 'start',
          start: parseLocalDateTime('2026-01-05T08:00') as number,
        },
      ],
      ...list,
    });
    if (result.status !== 'scheduled') throw new Error('invalid');
    const csv = writeTaskListCsv(list, result.tasks);
    expect(csv.split('\r\n')[2]).toBe(
      '2,"Design, first pass",1,3d,,,,,,,,,,2026-01-05T08:00:00,2026-01-07T17:00:00',
    );
    expect(parseTaskListCsv(csv)).toEqual(list);
  });

  it.each([
    ['ID,Name\n1,a', 1, 'Duration', 'this column is required'],
    ['ID,Name,Duration,Colour\n1,a,1d,red', 1, 'Colour', 'unknown column; expected one of'],
    ['ID,Name,Duration\n1,a,1d\n1,b,2d', 3, 'ID', '"1" is used twice'],
    [
      'ID,Name,Duration\n1,a,three days',
      2,
      'Duration',
      '"three days" is not a duration such as 5d, 4h or 30m',
    ],
    ['ID,Name,Duration,Predecessors\n1,a,1d,\n2,b,1d,7FS', 3, 'Predecessors', 'no task has ID "7"'],
    [
      'ID,Name,Duration,Predecessors\n1,a,1d,\n2,b,1d,1FS+soon',
      3,
      'Predecessors',
      '"+soon" is not a lag such as',
    ],
    ['ID,Name,Duration,Constraint\n1,a,1d,MSO', 2, 'Constraint Date', 'is required with MSO'],
    ['ID,Name,Duration,Deadline\n1,a,1d,31/01/2026', 2, 'Deadline', '"31/01/2026" is not a date'],
    ['ID,Name,Duration\n1,"a,1d', 2, '2', 'a quoted field is not closed'],
  ])('rejects %j at row %i, column %s', (csv, row, column, reason) => {
    let error: unknown;
    try {
      parseTaskListCsv(csv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvParseError);
    expect(error).toMatchObject({ row, column });
    expect((error as CsvParseError).reason.startsWith(reason)).toBe(true);
  });

  it('parses durations in Project units', () => {
    expect(parseTaskDuration('1mo')).toBe(9600);
    expect(parseTaskDuration('2')).toBe(960);
    expect(parseTaskDuration('90 minutes')).toBe(90);
    expect(parseTaskDuration('1ed')).toBeUndefined();
  });

  it('round-trips any generated task list (property)', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9]{1,6}$/);
    const listArb = fc.uniqueArray(id, { minLength: 1, maxLength: 12 }).chain((ids) =>
      fc
        .record({
          names: fc.array(fc.string({ maxLength: 12 }), { minLength: ids.length, maxLength: ids.length }),
          durations: fc.array(fc.integer({ min: 0, max: 20_000 }), {
            minLength: ids.length,
            maxLength: ids.length,
          }),
          links: fc.array(
            fc.record({
              a: fc.nat(ids.length - 1),
              b: fc.nat(ids.length - 1),
              type: fc.constantFrom('FS' as const, 'SS' as const, 'FF' as const, 'SF' as const),
              lag: fc.option(fc.integer({ min: -5000, max: 5000 }), { nil: undefined }),
            }),
            { maxLength: 10 },
          ),
        })
        .map(
          ({ names, durations, links }): TaskListCsv => ({
            tasks: ids.map((tid, i) => ({
              id: tid,
              name: (names[i] ?? '').trim(),
              durationMinutes: durations[i] ?? 0,
            })),
            links: links.map((l) => ({
              from: ids[l.a] as string,
              to: ids[l.b] as string,
              type: l.type,
              ...(l.lag ? { lag: { kind: 'working' as const, minutes: l.lag } } : {}),
            })),
          }),
        ),
    );
    fc.assert(
      fc.property(listArb, (list) => {
        const back = parseTaskListCsv(writeTaskListCsv(list));
        expect(back.tasks).toEqual(list.tasks);
        const sortLinks = (ls: TaskListCsv['links']) =>
          [...ls].sort((x, y) => `${x.to}${x.from}`.localeCompare(`${y.to}${y.from}`));
        expect(sortLinks(back.links)).toEqual(sortLinks(list.links));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws anything but CsvParseError on fuzzed input (property)', () => {
    const csvish = fc.array(
      fc.constantFrom(
        'ID',
        'Name',
        'Duration',
        'Predecessors',
        ',',
        '"',
        '\n',
        '1',
        '2d',
        '1FS+x',
        'SNET',
        '\r\n',
        'é',
      ),
      {
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          csvish.map((p) => p.join('')),
        ),
        (text) => {
          try {
            parseTaskListCsv(text);
          } catch (e) {
            if (!(e instanceof CsvParseError)) throw e;
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('splits RFC 4180 rows', () => {
    expect(parseCsvRows('a,"b ""c""",d\r\n1,"x\ny",3')).toEqual([
      ['a', 'b "c"', 'd'],
      ['1', 'x\ny', '3'],
    ]);
  });
});
