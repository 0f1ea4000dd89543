import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChangeRequest, Issue, RaidEntry, Risk } from '../../api/raid.ts';
import {
  emptyChangeDraft,
  formatCostImpact,
  formatScheduleImpact,
  parseSignedAmount,
  parseSignedDays,
  previewLevel,
  rebaselineLines,
  splitQueue,
  toCreateChange,
  validateChange,
  validateChangeDecision,
} from './change-model.ts';
import {
  canEscalate,
  emptyEntryDraft,
  emptyIssueDraft,
  entryDraftOf,
  issueDraftOf,
  toCreateEntry,
  toCreateIssue,
  toUpdateEntry,
  toUpdateIssue,
  validateEntry,
  validateEscalation,
  validateIssue,
} from './entry-model.ts';
import {
  editDraftOf,
  emptyRiskDraft,
  liveRating,
  nextActionId,
  parseRating,
  toCreateRisk,
  toUpdateRisk,
  validateNewRisk,
  validateRiskEdit,
} from './risk-form-model.ts';
import {
  draftMatrix,
  levelCounts,
  matrixDraftOf,
  resizeLabels,
  thresholdDraftOf,
  toMatrixBody,
  toThresholdBody,
  validateMatrix,
  validateThresholds,
} from './settings-model.ts';

const MATRIX = { size: 5, mediumFrom: 5, highFrom: 12 };

function risk(over: Partial<Risk> = {}): Risk {
  return {
    id: 'r1',
    version: 3,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    code: 'RSK-001',
    title: 'Partner late',
    description: null,
    scope: 'project',
    projectId: 'p1',
    projectCode: 'P-001',
    projectName: 'One',
    portfolioId: null,
    portfolioName: null,
    orgUnitId: null,
    orgUnitName: null,
    projectIds: [],
    linkedProjects: [],
    category: null,
    probability: 4,
    impact: 4,
    score: 16,
    level: 'high',
    residualProbability: null,
    residualImpact: null,
    residualScore: null,
    residualLevel: null,
    scheduleImpactDays: null,
    costImpactMinor: null,
    probabilityPercent: null,
    expectedBy: null,
    proximity: 'unknown',
    ownerId: null,
    ownerName: null,
    response: null,
    mitigation: null,
    actions: [],
    trigger: null,
    status: 'open',
    reviewedAt: null,
    ...over,
  };
}

describe('the new-risk form', () => {
  it('shows the score and level live once both ratings are chosen', () => {
    expect(liveRating('4', '', MATRIX)).toBeNull();
    expect(liveRating('4', '3', MATRIX)).toEqual({ score: 12, level: 'high' });
    expect(liveRating('2', '2', MATRIX)).toEqual({ score: 4, level: 'low' });
    expect(parseRating('6', 5)).toBeNull();
  });

  it('asks for a title, a home and both ratings', () => {
    const e = validateNewRisk(emptyRiskDraft(), 5);
    expect(Object.keys(e).sort()).toEqual(['impact', 'probability', 'projectId', 'title']);
    const shared = validateNewRisk({ ...emptyRiskDraft(), where: 'portfolio' }, 5);
    expect(shared.portfolioId).toBeDefined();
    expect(shared.projectId).toBeUndefined();
  });

  it('sends exactly one home, and linked projects only for a shared risk', () => {
    const base = { ...emptyRiskDraft(), title: ' Cloud prices ', probability: '3', impact: '4' };
    expect(toCreateRisk({ ...base, projectId: 'p1', projectIds: ['x'] }, 5)).toEqual({
      title: 'Cloud prices',
      projectId: 'p1',
      probability: 3,
      impact: 4,
    });
    const body = toCreateRisk(
      { ...base, where: 'portfolio', projectId: 'p1', portfolioId: 'f1', projectIds: ['a', 'b', 'a'] },
      5,
    );
    expect(body).toMatchObject({ portfolioId: 'f1', projectIds: ['a', 'b'] });
    expect(body).not.toHaveProperty('projectId');
  });
});

describe('editing a risk', () => {
  it('sends nothing when nothing changed', () => {
    const r = risk({ actions: [{ id: 'a1', title: 'Stub API', done: true }] });
    expect(toUpdateRisk(editDraftOf(r), r, 5)).toBeNull();
  });

  it('sends the version with only what changed', () => {
    const r = risk();
    const d = {
      ...editDraftOf(r),
      impact: '2',
      residualProbability: '2',
      residualImpact: '2',
      status: 'monitoring' as const,
    };
    expect(toUpdateRisk(d, r, 5)).toEqual({
      version: 3,
      impact: 2,
      residualProbability: 2,
      residualImpact: 2,
      status: 'monitoring',
    });
  });

  it('clears a field with null and sends the checklist whole', () => {
    const r = risk({ mitigation: 'Old plan', actions: [{ id: 'a1', title: 'One', done: false }] });
    const d = { ...editDraftOf(r), mitigation: '  ', actions: [{ id: 'a1', title: 'One', done: true }] };
    expect(toUpdateRisk(d, r, 5)).toEqual({
      version: 3,
      mitigation: null,
      actions: [{ id: 'a1', title: 'One', ownerId: null, dueDate: null, done: true }],
    });
  });

  it('links projects only on a shared risk', () => {
    const shared = risk({ scope: 'portfolio', projectId: null, portfolioId: 'f', projectIds: ['a'] });
    expect(toUpdateRisk({ ...editDraftOf(shared), projectIds: ['b', 'a'] }, shared, 5)).toEqual({
      version: 3,
      projectIds: ['b', 'a'],
    });
    const own = risk();
    expect(toUpdateRisk({ ...editDraftOf(own), projectIds: ['b'] }, own, 5)).toBeNull();
  });

  it('wants both residual ratings or neither, and a title on every action', () => {
    const d = {
      ...editDraftOf(risk()),
      residualProbability: '2',
      actions: [{ id: 'a1', title: ' ', done: false }],
    };
    const e = validateRiskEdit(d, 5);
    expect(e.residualImpact).toBeDefined();
    expect(e['actions.0']).toBeDefined();
  });

  it('gives each new action an unused id (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 20 }), (ns) => {
        const actions = ns.map((n) => ({ id: `a${n}` }));
        const id = nextActionId(actions);
        expect(actions.some((a) => a.id === id)).toBe(false);
        expect(id.length).toBeLessThanOrEqual(40);
      }),
    );
  });
});

describe('the change request form', () => {
  it('parses signed amounts and days', () => {
    expect(parseSignedAmount('50,000', 'EUR')).toBe(50_000);
    expect(parseSignedAmount('-1 500.50', 'EUR')).toBe(-1500.5);
    expect(parseSignedAmount('+20', 'EUR')).toBe(20);
    expect(parseSignedAmount('', 'EUR')).toBeNull();
    expect(parseSignedAmount('1.234', 'EUR')).toBeNaN();
    expect(parseSignedAmount('1.5', 'JPY')).toBeNaN();
    expect(parseSignedAmount('abc', 'EUR')).toBeNaN();
    expect(parseSignedDays('20')).toBe(20);
    expect(parseSignedDays('-3')).toBe(-3);
    expect(parseSignedDays('2.5')).toBeNaN();
  });

  it('reads back any whole amount it formats for input (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        expect(parseSignedAmount(String(n), 'EUR')).toBe(n);
      }),
    );
  });

  it('validates and builds the request', () => {
    const d = {
      ...emptyChangeDraft('p1'),
      title: 'More sites',
      costImpact: '50000',
      scheduleImpactDays: '20',
    };
    expect(validateChange(d, 'EUR')).toEqual({});
    expect(toCreateChange({ ...d, scopeImpact: ' Four sites ' }, 'EUR')).toEqual({
      projectId: 'p1',
      title: 'More sites',
      costImpact: 50_000,
      scheduleImpactDays: 20,
      scopeImpact: 'Four sites',
    });
    const bad = validateChange({ ...d, title: '', costImpact: 'x', scheduleImpactDays: '' }, 'EUR');
    expect(Object.keys(bad).sort()).toEqual(['costImpact', 'scheduleImpactDays', 'title']);
  });

  it('previews who decides from the thresholds, limits inclusive and either sign', () => {
    const t = { projectManagerCostLimit: 10_000, projectManagerDaysLimit: 10 };
    expect(previewLevel({ costImpact: '10000', scheduleImpactDays: '10' }, 'EUR', t)).toBe('project_manager');
    expect(previewLevel({ costImpact: '-10001', scheduleImpactDays: '0' }, 'EUR', t)).toBe('change_board');
    expect(previewLevel({ costImpact: '50000', scheduleImpactDays: '20' }, 'EUR', t)).toBe('change_board');
    expect(previewLevel({ costImpact: 'x', scheduleImpactDays: '1' }, 'EUR', t)).toBeNull();
    expect(previewLevel({ costImpact: '1', scheduleImpactDays: '1' }, 'EUR', undefined)).toBeNull();
  });

  it('formats impacts with their sign', () => {
    expect(formatCostImpact(50_000, 'EUR')).toMatch(/^\+.*50,000/);
    expect(formatCostImpact(-3000, 'EUR')).toMatch(/^−.*3,000/);
    expect(formatCostImpact(0, 'EUR')).not.toMatch(/^[+−]/);
    expect(formatScheduleImpact(20)).toBe('+20 days');
    expect(formatScheduleImpact(-1)).toBe('−1 day');
    expect(formatScheduleImpact(0)).toBe('No change');
  });

  it('describes the re-baseline from minor units', () => {
    const { lines, baseline } = rebaselineLines(
      {
        budgetBeforeMinor: 254_942_400,
        budgetAfterMinor: 259_942_400,
        finishBefore: '2027-06-18',
        finishAfter: '2027-07-08',
        baselineNumber: 1,
      },
      'EUR',
    );
    expect(lines[0]?.before).toMatch(/2,549,424/);
    expect(lines[0]?.after).toMatch(/2,599,424/);
    expect(lines[1]?.after).toMatch(/2027/);
    expect(baseline).toMatch(/baseline 1/);
  });

  it('splits the queue and wants a decision with a reason', () => {
    const c = (id: string, status: ChangeRequest['status'], decidedAt: string | null) =>
      ({ id, status, decidedAt, updatedAt: '2026-01-01T00:00:00Z' }) as ChangeRequest;
    const { waiting, decided } = splitQueue([
      c('a', 'submitted', null),
      c('b', 'approved', '2026-02-01T00:00:00Z'),
      c('c', 'rejected', '2026-03-01T00:00:00Z'),
    ]);
    expect(waiting.map((x) => x.id)).toEqual(['a']);
    expect(decided.map((x) => x.id)).toEqual(['c', 'b']);
    expect(validateChangeDecision({ decision: null, reason: ' ' })).toEqual({
      decision: expect.any(String),
      reason: expect.any(String),
    });
    expect(validateChangeDecision({ decision: 'approve', reason: 'Board agreed' })).toBeNull();
  });
});

describe('issues and the RAID log', () => {
  const issue = {
    id: 'i1',
    version: 2,
    title: 'Test env unstable',
    description: null,
    priority: 'medium',
    ownerId: null,
    dueDate: null,
    status: 'open',
    resolution: null,
    escalated: false,
  } as Issue;

  it('resolves an issue only with a resolution', () => {
    const d = { ...issueDraftOf(issue), status: 'resolved' as const };
    expect(validateIssue(d).resolution).toBeDefined();
    expect(toUpdateIssue({ ...d, resolution: 'Rebuilt' }, issue)).toEqual({
      version: 2,
      status: 'resolved',
      resolution: 'Rebuilt',
    });
    expect(toUpdateIssue(issueDraftOf(issue), issue)).toBeNull();
    expect(toCreateIssue('p1', { ...emptyIssueDraft(), title: 'X', dueDate: '2027-01-31' })).toEqual({
      projectId: 'p1',
      title: 'X',
      priority: 'medium',
      dueDate: '2027-01-31',
    });
  });

  it('escalates open issues once, with a reason', () => {
    expect(canEscalate(issue)).toBe(true);
    expect(canEscalate({ ...issue, escalated: true })).toBe(false);
    expect(canEscalate({ ...issue, status: 'resolved' })).toBe(false);
    expect(validateEscalation('  ')).not.toBeNull();
    expect(validateEscalation('Needs a staffing decision')).toBeNull();
  });

  it('sends only a kind’s own fields', () => {
    const d = {
      ...emptyEntryDraft('assumption'),
      title: 'API stable',
      decidedBy: 'ignored',
      dueDate: '2027-01-01',
    };
    expect(toCreateEntry('p1', d)).toEqual({
      projectId: 'p1',
      kind: 'assumption',
      title: 'API stable',
      status: 'open',
      dueDate: '2027-01-01',
    });
    const dep = { ...emptyEntryDraft('dependency'), title: 'Identity', dependsOnProjectId: 'p1' };
    expect(validateEntry(dep, 'p1').dependsOnProjectId).toBeDefined();
    expect(toCreateEntry('p2', { ...dep, externalParty: 'Regulator' })).toMatchObject({
      dependsOnProjectId: 'p1',
      externalParty: 'Regulator',
    });
  });

  it('updates an entry with the changed fields only', () => {
    const entry = {
      id: 'e1',
      version: 1,
      kind: 'decision',
      title: 'Buy the platform',
      description: null,
      ownerId: null,
      status: 'open',
      dueDate: null,
      decidedOn: null,
      decidedBy: null,
      rationale: null,
      dependsOnProjectId: null,
      externalParty: null,
    } as RaidEntry;
    expect(toUpdateEntry(entryDraftOf(entry), entry)).toBeNull();
    expect(toUpdateEntry({ ...entryDraftOf(entry), status: 'confirmed', decidedBy: 'Board' }, entry)).toEqual(
      {
        version: 1,
        status: 'confirmed',
        decidedBy: 'Board',
      },
    );
  });
});

describe('governance settings', () => {
  const settings = {
    version: 4,
    size: 5,
    mediumFrom: 5,
    highFrom: 12,
    probabilityLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
    impactLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
    updatedAt: '2026-01-01T00:00:00Z',
  };

  it('keeps labels when the matrix is resized and names the new levels', () => {
    expect(resizeLabels(['a', 'b', 'c'], 4)).toEqual(['a', 'b', 'c', 'Level 4']);
    expect(resizeLabels(['a', 'b', 'c', 'd'], 3)).toEqual(['a', 'b', 'c']);
  });

  it('checks the thresholds against the size', () => {
    const d = matrixDraftOf(settings);
    expect(validateMatrix(d)).toEqual({});
    expect(validateMatrix({ ...d, highFrom: '5' }).highFrom).toBeDefined();
    expect(validateMatrix({ ...d, highFrom: '26' }).highFrom).toBeDefined();
    expect(validateMatrix({ ...d, size: '11' }).size).toBeDefined();
    expect(validateMatrix({ ...d, size: '4' }).probabilityLabels).toBeDefined();
    expect(draftMatrix({ ...d, highFrom: '4' })).toBeNull();
    expect(toMatrixBody(d, settings)).toBeNull();
    expect(toMatrixBody({ ...d, highFrom: '10' }, settings)).toEqual({ version: 4, highFrom: 10 });
  });

  it('previews a level for every cell of any valid matrix (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 10 }),
        fc.integer({ min: 2, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        (size, medium, gap) => {
          const m = draftMatrix({
            size: String(size),
            mediumFrom: String(medium),
            highFrom: String(medium + gap),
            probabilityLabels: [],
            impactLabels: [],
          });
          if (medium > size * size || medium + gap > size * size) {
            expect(m).toBeNull();
            return;
          }
          expect(m).not.toBeNull();
          if (!m) return;
          const c = levelCounts(m);
          expect(c.low + c.medium + c.high).toBe(size * size);
          expect(c.high).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('validates the change thresholds', () => {
    const t = { version: 4, projectManagerCostLimit: 10_000, projectManagerDaysLimit: 10, updatedAt: '' };
    const d = thresholdDraftOf(t);
    expect(validateThresholds(d)).toEqual({});
    expect(toThresholdBody(d, t)).toBeNull();
    expect(toThresholdBody({ costLimit: '25,000', daysLimit: '15' }, t)).toEqual({
      version: 4,
      projectManagerCostLimit: 25_000,
      projectManagerDaysLimit: 15,
    });
    expect(Object.keys(validateThresholds({ costLimit: '-1', daysLimit: '1.5' })).sort()).toEqual([
      'projectManagerCostLimit',
      'projectManagerDaysLimit',
    ]);
  });
});
