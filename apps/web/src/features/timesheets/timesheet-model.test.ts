import { describe, expect, it } from 'vitest';
import type { TimesheetEntry } from '../../api/resources.ts';
import {
  dayTotals,
  invalidCells,
  overfullDays,
  parseHours,
  rowsFromEntries,
  rowTotal,
  toSaveBody,
} from './timesheet-model.ts';

const MONDAY = '2026-03-02';
const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const T1 = '00000000-0000-4000-8000-0000000000a1';

function entry(projectId: string, date: string, hours: number, taskId: string | null = null): TimesheetEntry {
  return {
    id: `${projectId}-${date}-${taskId}`,
    projectId,
    projectCode: projectId === P1 ? 'P-001' : 'P-002',
    projectName: projectId === P1 ? 'Alpha' : 'Beta',
    taskId,
    taskName: taskId ? 'Build' : null,
    date,
    hours,
    note: null,
    status: 'pending',
  };
}

describe('timesheet grid model', () => {
  it('parses typed hours, commas included, and rejects what is not an hour count', () => {
    expect(parseHours('')).toBe(0);
    expect(parseHours(' 7.5 ')).toBe(7.5);
    expect(parseHours('7,5')).toBe(7.5);
    expect(parseHours('-1')).toBeNaN();
    expect(parseHours('25')).toBeNaN();
    expect(parseHours('abc')).toBeNaN();
  });

  it('groups entries into one row per project and task, summing repeated days', () => {
    const rows = rowsFromEntries(
      [
        entry(P1, '2026-03-02', 4),
        entry(P1, '2026-03-02', 2),
        entry(P1, '2026-03-04', 3, T1),
        entry(P2, '2026-03-08', 1.25),
        entry(P2, '2026-03-09', 8), // next week: ignored
      ],
      MONDAY,
    );
    expect(rows.map((r) => [r.projectLabel, r.taskName, r.hours])).toEqual([
      ['P-001 Alpha', null, ['6', '', '', '', '', '', '']],
      ['P-001 Alpha', 'Build', ['', '', '3', '', '', '', '']],
      ['P-002 Beta', null, ['', '', '', '', '', '', '1.25']],
    ]);
    expect(rows.map(rowTotal)).toEqual([6, 3, 1.25]);
    expect(dayTotals(rows)).toEqual([6, 0, 3, 0, 0, 0, 1.25]);
  });

  it('flags invalid cells and days over 24 hours', () => {
    const rows = rowsFromEntries([entry(P1, '2026-03-02', 20), entry(P2, '2026-03-02', 6)], MONDAY);
    expect(overfullDays(rows)).toEqual([0]);
    const broken = rows.map((r, i) => (i === 0 ? { ...r, hours: ['x', ...r.hours.slice(1)] } : r));
    expect([...invalidCells(broken)]).toEqual([`${P1}:/0`]);
    expect(overfullDays(broken)).toEqual([]);
  });

  it('builds the save body from the non-empty cells, with the version it started from', () => {
    const rows = rowsFromEntries([entry(P1, '2026-03-02', 4)], MONDAY);
    const edited = [{ ...rows[0], hours: ['4', '3.5', '', '0', '', '', ''] }] as typeof rows;
    expect(toSaveBody(edited, MONDAY, 3)).toEqual({
      week: MONDAY,
      version: 3,
      entries: [
        { projectId: P1, taskId: null, date: '2026-03-02', hours: 4 },
        { projectId: P1, taskId: null, date: '2026-03-03', hours: 3.5 },
      ],
    });
  });
});
