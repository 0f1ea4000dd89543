import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_STATUSES,
  type AuditStatus,
  auditTransitionError,
  FINDING_STATUSES,
  type FindingFacts,
  type FindingStatus,
  findingSummary,
  findingTransitionError,
  isOverdue,
} from './audits.ts';

const planned: FindingFacts = {
  status: 'open',
  correctiveAction: 'Fix it',
  ownerId: 'u1',
  dueDate: '2026-12-01',
};

describe('audit workflow', () => {
  it('runs scheduled → in progress → reported → closed, with a summary and every finding closed', () => {
    expect(auditTransitionError('scheduled', 'in_progress', [], null)).toBeNull();
    expect(auditTransitionError('in_progress', 'reported', [], ' ')).toBe(
      'Write the summary of the audit before reporting it.',
    );
    expect(auditTransitionError('in_progress', 'reported', [], 'Two gaps found')).toBeNull();
    expect(
      auditTransitionError('reported', 'closed', [{ status: 'resolved' }, { status: 'closed' }], 'x'),
    ).toBe('1 finding is not closed yet.');
    expect(auditTransitionError('reported', 'closed', [{ status: 'closed' }], 'x')).toBeNull();
    expect(auditTransitionError('scheduled', 'closed', [], 'x')).toBe(
      'An audit that is scheduled cannot become closed.',
    );
    expect(auditTransitionError('closed', 'in_progress', [], 'x')).not.toBeNull();
  });

  it('never closes an audit with a finding not closed, whatever the path (property)', () => {
    const status = fc.constantFrom(...AUDIT_STATUSES);
    const findings = fc.array(fc.record({ status: fc.constantFrom(...FINDING_STATUSES) }), { maxLength: 6 });
    fc.assert(
      fc.property(fc.array(status, { maxLength: 10 }), findings, (path, fs) => {
        let at: AuditStatus = 'scheduled';
        for (const to of path) if (auditTransitionError(at, to, fs, 'summary') === null) at = to;
        if (at === 'closed') expect(fs.every((f) => f.status === 'closed')).toBe(true);
      }),
    );
  });
});

describe('finding workflow', () => {
  it('plans an action only with the action, an owner and a due date', () => {
    expect(findingTransitionError({ ...planned, ownerId: null, dueDate: null }, 'action_planned', null)).toBe(
      'Planning the action needs an owner, a due date.',
    );
    expect(findingTransitionError(planned, 'action_planned', null)).toBeNull();
    expect(findingTransitionError(planned, 'closed', null)).toBe(
      'A finding that is open cannot become closed.',
    );
    expect(findingTransitionError({ ...planned, status: 'closed' }, 'action_planned', '')).toBe(
      'Say why the finding is reopened.',
    );
    expect(
      findingTransitionError({ ...planned, status: 'closed' }, 'action_planned', 'Came back'),
    ).toBeNull();
  });

  it('counts overdue only for findings not yet resolved (property)', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.constantFrom<FindingStatus>(...FINDING_STATUSES),
        fc.option(day, { nil: null }),
        day,
        (status, dueDate, today) => {
          const o = isOverdue({ status, dueDate }, today);
          if (status === 'resolved' || status === 'closed' || dueDate === null) expect(o).toBe(false);
          else expect(o).toBe(dueDate < today);
        },
      ),
    );
  });

  it('summarises by severity and status', () => {
    const s = findingSummary(
      [
        { status: 'open', severity: 'high', dueDate: '2026-11-01' },
        { status: 'closed', severity: 'low', dueDate: '2026-11-01' },
        { status: 'action_planned', severity: 'critical', dueDate: '2027-01-01' },
      ],
      '2026-12-01',
    );
    expect(s).toMatchObject({
      total: 3,
      open: 2,
      overdue: 1,
      bySeverity: { high: 1, low: 1, critical: 1, medium: 0 },
    });
  });
});
