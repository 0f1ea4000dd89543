import { describe, expect, it } from 'vitest';
import type { CommunicationOccurrence } from '../../api/communications.ts';
import {
  audienceText,
  calendarExportRow,
  crowdedOccurrences,
  filterByProject,
  groupByWeek,
  parseLabels,
  rangeProblem,
  readCalendarSearch,
  writeCalendarSearch,
} from './communication-model.ts';

const occurrence = (over: Partial<CommunicationOccurrence>): CommunicationOccurrence => ({
  itemId: 'i1',
  itemVersion: 1,
  dueDate: '2026-12-07',
  week: '2026-W50',
  status: 'due',
  title: 'Weekly status',
  content: 'status_report',
  channel: 'email',
  frequency: 'weekly',
  projectId: 'p1',
  projectCode: 'P-1',
  projectName: 'Payments',
  orgUnitId: null,
  orgUnitName: null,
  ownerId: null,
  ownerName: 'Pat',
  audience: {
    stakeholderIds: ['s1'],
    stakeholders: [{ id: 's1', name: 'CFO', role: null }],
    roles: ['Sponsor'],
    groups: [],
  },
  record: null,
  ...over,
});

describe('calendar search', () => {
  it('defaults to two weeks back and eight ahead, and ignores a bad status or date', () => {
    const s = readCalendarSearch(new URLSearchParams('from=2026-02-30x&status=lost'), '2026-12-07');
    expect(s).toEqual({ from: '2026-11-23', to: '2027-02-01', projectId: '', status: '' });
    const kept = readCalendarSearch(
      new URLSearchParams('from=2026-01-01&to=2026-03-31&status=overdue&projectId=pmo'),
      '2026-12-07',
    );
    expect(kept).toEqual({ from: '2026-01-01', to: '2026-03-31', projectId: 'pmo', status: 'overdue' });
  });

  it('writes changes to the URL and drops emptied filters', () => {
    const p = writeCalendarSearch(new URLSearchParams('status=due&from=2026-01-01'), {
      status: '',
      projectId: 'x',
    });
    expect(p.toString()).toBe('from=2026-01-01&projectId=x');
  });

  it('names a backwards or over-long range', () => {
    expect(rangeProblem('2026-02-01', '2026-01-01')).toMatch(/before/);
    expect(rangeProblem('2026-01-01', '2027-01-03')).toMatch(/366/);
    expect(rangeProblem('2026-01-01', '2027-01-02')).toBeNull();
  });
});

describe('calendar rows', () => {
  it('groups consecutive occurrences by ISO week and filters the PMO’s own', () => {
    const items = [
      occurrence({ dueDate: '2026-12-07' }),
      occurrence({ dueDate: '2026-12-09', projectId: null, projectCode: null }),
      occurrence({ dueDate: '2026-12-14', week: '2026-W51' }),
    ];
    expect(groupByWeek(items).map((g) => [g.week, g.items.length])).toEqual([
      ['2026-W50', 2],
      ['2026-W51', 1],
    ]);
    expect(filterByProject(items, 'pmo').map((o) => o.dueDate)).toEqual(['2026-12-09']);
    expect(filterByProject(items, 'p1')).toHaveLength(2);
    expect(filterByProject(items, '')).toHaveLength(3);
  });

  it('says who is addressed and exports a PMO item under its unit', () => {
    expect(audienceText(occurrence({}).audience)).toBe('CFO, Sponsor');
    const row = calendarExportRow(
      occurrence({ projectId: null, orgUnitName: 'Enterprise PMO', status: 'overdue' }),
    );
    expect(row).toMatchObject({ project: 'PMO: Enterprise PMO', status: 'Overdue', sentAt: null });
  });

  it('parses free-text labels and marks the occurrences a warning lists', () => {
    expect(parseLabels(' Board, , board ,Board')).toEqual(['Board', 'board']);
    const crowded = crowdedOccurrences([
      {
        stakeholderId: 's1',
        stakeholderName: 'CFO',
        week: '2026-W50',
        weekStart: '2026-12-07',
        count: 3,
        sourceCount: 2,
        communications: [
          {
            itemId: 'i1',
            title: 'a',
            dueDate: '2026-12-07',
            status: 'due',
            content: 'custom',
            channel: 'email',
            projectId: null,
            projectCode: null,
            projectName: null,
          },
        ],
      },
    ]);
    expect(crowded.get('i1|2026-12-07')).toEqual(['CFO']);
    expect(crowded.has('i1|2026-12-08')).toBe(false);
  });
});
