import { describe, expect, it } from 'vitest';
import type { Stakeholder } from '../../api/stakeholders.ts';
import { stakeholderExportRow } from './stakeholder-export.ts';
import {
  emptyStakeholderForm,
  engagementText,
  gridLabel,
  gridRows,
  initialsOf,
  quadrantCornerOf,
  readStakeholderSearch,
  stakeholderFormOf,
  toCreateStakeholderBody,
  toStakeholderQuery,
  toUpdateStakeholderBody,
  validateStakeholderForm,
  withoutProject,
  withProject,
  writeStakeholderSearch,
} from './stakeholder-model.ts';

const stakeholder = (over: Partial<Stakeholder> = {}): Stakeholder => ({
  id: 's1',
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  name: 'Ada Lovelace',
  role: 'Sponsor',
  organisation: 'Finance',
  email: null,
  phone: null,
  influence: 5,
  interest: 4,
  quadrant: 'manage_closely',
  attitude: 'champion',
  engagementCurrent: 'supportive',
  engagementDesired: 'leading',
  engagementGap: 1,
  ownerId: null,
  ownerName: null,
  orgUnitId: 'root',
  orgUnitName: 'Enterprise PMO',
  notes: null,
  projectIds: ['p1', 'p2'],
  projectCount: 2,
  projects: [
    { id: 'p1', code: 'P-001', name: 'One' },
    { id: 'p2', code: 'P-002', name: 'Two' },
  ],
  ...over,
});

describe('the register in the URL', () => {
  it('reads known values and ignores the rest', () => {
    const s = readStakeholderSearch(new URLSearchParams('q=fca&quadrant=monitor&attitude=bogus&view=grid'));
    expect(s).toEqual({ q: 'fca', quadrant: 'monitor', attitude: '', projectId: '', view: 'grid' });
    expect(readStakeholderSearch(new URLSearchParams('view=nope')).view).toBe('register');
  });

  it('writes changes, dropping empty values and the default view', () => {
    const next = writeStakeholderSearch(new URLSearchParams('q=a&view=grid'), {
      q: '',
      view: 'register',
      quadrant: 'keep_informed',
    });
    expect(next.toString()).toBe('quadrant=keep_informed');
  });

  it('asks the API only for the filters set', () => {
    expect(
      toStakeholderQuery(readStakeholderSearch(new URLSearchParams('q=%20x%20&projectId=p1&view=touches'))),
    ).toEqual({
      q: 'x',
      projectId: 'p1',
    });
  });
});

describe('the power/interest grid', () => {
  it('lays out influence rows from 5 down and interest columns from 1 up, each cell in its quadrant', () => {
    const rows = gridRows([
      stakeholder(),
      stakeholder({ id: 's2', name: 'Bob', influence: 1, interest: 1, quadrant: 'monitor' }),
    ]);
    expect(rows.map((r) => r[0]?.influence)).toEqual([5, 4, 3, 2, 1]);
    expect(rows[0]?.map((c) => c.interest)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.[3]?.stakeholders.map((s) => s.id)).toEqual(['s1']);
    expect(rows[4]?.[0]?.stakeholders.map((s) => s.id)).toEqual(['s2']);
    expect(rows[1]?.[2]?.quadrant).toBe('keep_satisfied');
    expect(rows[2]?.[3]?.quadrant).toBe('keep_informed');
    expect(rows.flat().reduce((n, c) => n + c.stakeholders.length, 0)).toBe(2);
  });

  it('names each quadrant once, in its top-left cell', () => {
    const corners = gridRows([])
      .flat()
      .map((c) => quadrantCornerOf(c.influence, c.interest))
      .filter(Boolean);
    expect(corners.sort()).toEqual(['keep_informed', 'keep_satisfied', 'manage_closely', 'monitor']);
  });

  it('labels a dot in words and initials', () => {
    expect(gridLabel(stakeholder())).toBe('Ada Lovelace: influence 5, interest 4, manage closely, champion');
    expect(initialsOf('Ada  King Lovelace')).toBe('AL');
    expect(initialsOf('regulator')).toBe('R');
    expect(engagementText(stakeholder())).toBe('Supportive → Leading');
    expect(engagementText(stakeholder({ engagementCurrent: 'leading' }))).toBe('Leading (on target)');
  });
});

describe('the form', () => {
  it('starts linked to the project of the tab, with the defaults', () => {
    const f = emptyStakeholderForm('p9');
    expect(f.projectIds).toEqual(['p9']);
    expect(validateStakeholderForm(f)).toHaveProperty('name');
    const body = toCreateStakeholderBody({ ...f, name: '  FCA ', email: ' ', notes: '' });
    expect(body).toMatchObject({
      name: 'FCA',
      influence: 3,
      interest: 3,
      email: null,
      notes: null,
      projectIds: ['p9'],
    });
    expect(body).not.toHaveProperty('orgUnitId');
  });

  it('checks ratings and e-mail', () => {
    const f = { ...emptyStakeholderForm(), name: 'X', influence: '6', email: 'not-an-address' };
    expect(Object.keys(validateStakeholderForm(f)).sort()).toEqual(['email', 'influence']);
  });

  it('sends the projects only when they changed', () => {
    const s = stakeholder();
    const same = toUpdateStakeholderBody({ ...stakeholderFormOf(s), projectIds: ['p2', 'p1'] }, s);
    expect(same).not.toHaveProperty('projectIds');
    expect(same).not.toHaveProperty('orgUnitId');
    expect(same.version).toBe(3);
    const changed = toUpdateStakeholderBody({ ...stakeholderFormOf(s), projectIds: ['p1'] }, s);
    expect(changed.projectIds).toEqual(['p1']);
  });

  it('adds and removes one project', () => {
    expect(withProject(stakeholder(), 'p3').projectIds).toEqual(['p1', 'p2', 'p3']);
    expect(withProject(stakeholder(), 'p1').projectIds).toEqual(['p1', 'p2']);
    expect(withoutProject(stakeholder(), 'p1')).toEqual({ version: 3, projectIds: ['p2'] });
  });
});

describe('export', () => {
  it('writes labels, not keys', () => {
    expect(stakeholderExportRow(stakeholder())).toMatchObject({
      quadrant: 'Manage closely',
      attitude: 'Champion',
      projectCount: 2,
      projects: 'P-001, P-002',
    });
  });
});
