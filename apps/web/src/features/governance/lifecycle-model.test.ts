import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GateEvidence, GateReview, LifecyclePhase, ProjectLifecycle } from '../../api/governance.ts';
import {
  activePhase,
  blockersOf,
  checklistCounts,
  criterionPatch,
  decisionHint,
  evidenceLine,
  gateModeOf,
  migrationPreview,
  pendingReview,
  progressLine,
  stepsOf,
  validateDecision,
  withChecklistPatch,
} from './lifecycle-model.ts';

function phase(
  key: string,
  status: LifecyclePhase['status'],
  gate: LifecyclePhase['gateState']['status'] = status === 'done' ? 'passed' : 'open',
): LifecyclePhase {
  return {
    key,
    name: key[0]?.toUpperCase() + key.slice(1),
    gate: {
      name: `${key} gate`,
      criteria: [
        { key: 'a', text: 'A met', required: true },
        { key: 'b', text: 'B met', required: false },
      ],
      deliverables: [{ key: 'doc', name: 'Document', required: true }],
    },
    status,
    gateState: {
      status: gate,
      criteria: { a: { met: status === 'done', note: 'see wiki' }, b: { met: false } },
      deliverables: {
        doc: { accepted: status === 'done', acceptedBy: 'Dana', acceptedAt: '2026-01-02T10:00:00Z' },
      },
    },
    readiness: {
      ready: status === 'done',
      missingCriteria: status === 'done' ? [] : ['A met'],
      missingDeliverables: status === 'done' ? [] : ['Document'],
    },
  };
}

const evidence: GateEvidence = {
  criteriaMet: 2,
  criteriaTotal: 3,
  missingCriteria: [],
  deliverablesAccepted: 1,
  deliverablesTotal: 1,
  missingDeliverables: [],
  projectStatus: 'active',
  openHighRisks: [{ id: 'r', code: 'R-7', title: 'Vendor', score: 20 }],
  openIssues: 2,
  documents: [],
};

function review(phaseKey: string, decision: GateReview['decision']): GateReview {
  return {
    id: `${phaseKey}-${decision}`,
    projectId: 'p',
    phaseKey,
    phaseName: phaseKey,
    submittedAt: '2026-01-03T10:00:00Z',
    submittedByName: 'Priya',
    evidence,
    decision,
    rationale: decision ? 'Because' : null,
    decidedAt: decision ? '2026-01-04T10:00:00Z' : null,
    decidedByName: decision ? 'Dana' : null,
  };
}

function lifecycle(phases: LifecyclePhase[], reviews: GateReview[] = []): ProjectLifecycle {
  return {
    projectId: 'p',
    version: 3,
    template: {
      id: 't',
      version: 1,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      key: 'stage-gate',
      templateVersion: 1,
      latest: true,
      name: 'Stage gate',
      approach: 'predictive',
      description: null,
      orgUnitId: null,
      orgUnitName: null,
      phases: phases.map(({ key, name, gate }) => ({ key, name, gate })),
      projectCount: 1,
    },
    operatingModel: {
      model: 'controlling',
      label: 'Controlling',
      rules: 'Standards are enforced.',
      definedAt: null,
      definedAtName: null,
    },
    enforcement: null,
    waivers: [],
    phases,
    currentPhaseKey: phases.find((p) => p.status === 'active')?.key ?? null,
    newerVersion: null,
    reviews,
  };
}

describe('the stepper', () => {
  it('gives every phase a state in words', () => {
    const steps = stepsOf([
      phase('initiate', 'done'),
      phase('plan', 'active', 'submitted'),
      phase('execute', 'pending'),
    ]);
    expect(steps.map((s) => [s.state, s.text, s.position])).toEqual([
      ['done', 'Done — gate passed', 1],
      ['current', 'In progress — awaiting the gate decision', 2],
      ['pending', 'Not started', 3],
    ]);
    expect(stepsOf([phase('plan', 'active', 'hold')])[0]?.text).toMatch(/on hold/);
    expect(stepsOf([phase('plan', 'active', 'killed')])[0]?.state).toBe('stopped');
  });

  it('has at most one current step, and words for every state', () => {
    const statusArb = fc.constantFrom('pending' as const, 'active' as const, 'done' as const);
    const gateArb = fc.constantFrom(
      'open' as const,
      'submitted' as const,
      'hold' as const,
      'passed' as const,
      'killed' as const,
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(statusArb, gateArb), { maxLength: 8 }), (spec) => {
        // A lifecycle has at most one active phase.
        let seen = false;
        const phases = spec.map(([s, g], i) => {
          const status = s === 'active' && seen ? 'pending' : s;
          if (status === 'active') seen = true;
          return phase(`p${i}`, status, g);
        });
        const steps = stepsOf(phases);
        expect(
          steps.filter((s) => s.state === 'current' || s.state === 'stopped').length,
        ).toBeLessThanOrEqual(1);
        for (const s of steps) expect(s.text.length).toBeGreaterThan(0);
      }),
    );
  });

  it('summarises progress', () => {
    expect(progressLine(lifecycle([phase('initiate', 'done'), phase('plan', 'active')]))).toBe(
      'Phase 2 of 2 — Plan',
    );
    expect(progressLine(lifecycle([phase('initiate', 'done'), phase('plan', 'done')]))).toBe(
      'All 2 phases done',
    );
    expect(progressLine(lifecycle([phase('plan', 'active', 'killed')]))).toBe('Stopped at the plan gate');
  });
});

describe('the gate in progress', () => {
  it('knows what the gate card shows', () => {
    expect(gateModeOf(null)).toBe('complete');
    expect(gateModeOf(phase('plan', 'active'))).toBe('checklist');
    expect(gateModeOf(phase('plan', 'active', 'hold'))).toBe('checklist');
    expect(gateModeOf(phase('plan', 'active', 'submitted'))).toBe('submitted');
    expect(gateModeOf(phase('plan', 'active', 'killed'))).toBe('stopped');
    expect(activePhase(lifecycle([phase('a', 'done'), phase('b', 'active')]))?.key).toBe('b');
    expect(activePhase(lifecycle([phase('a', 'done')]))).toBeNull();
  });

  it('counts the checklist and lists what blocks a submission', () => {
    const p = phase('plan', 'active');
    expect(checklistCounts(p)).toEqual({
      criteriaMet: 0,
      criteriaTotal: 2,
      deliverablesAccepted: 0,
      deliverablesTotal: 1,
    });
    expect(blockersOf(p.readiness)).toEqual([
      'Criterion not met: A met',
      'Deliverable not accepted: Document',
    ]);
    expect(blockersOf(phase('x', 'done').readiness)).toEqual([]);
  });

  it('keeps a criterion’s note when ticking it', () => {
    const p = phase('plan', 'active');
    expect(criterionPatch(p, 'a', true)).toEqual({ criteria: { a: { met: true, note: 'see wiki' } } });
    expect(criterionPatch(p, 'b', true)).toEqual({ criteria: { b: { met: true } } });
  });
});

describe('optimistic checklist changes', () => {
  it('applies a change and recomputes readiness like the server', () => {
    const l = lifecycle([phase('initiate', 'done'), phase('plan', 'active')]);
    const once = withChecklistPatch(l, 'plan', { criteria: { a: { met: true } } });
    const plan = once.phases[1];
    expect(plan?.gateState.criteria.a).toEqual({ met: true });
    expect(plan?.readiness).toEqual({ ready: false, missingCriteria: [], missingDeliverables: ['Document'] });
    const twice = withChecklistPatch(once, 'plan', { deliverables: { doc: { accepted: true } } });
    expect(twice.phases[1]?.readiness.ready).toBe(true);
    expect(twice.phases[0]).toBe(l.phases[0]);
    const undone = withChecklistPatch(twice, 'plan', { deliverables: { doc: { accepted: false } } });
    expect(undone.phases[1]?.gateState.deliverables.doc).toEqual({ accepted: false });
    expect(undone.phases[1]?.readiness.missingDeliverables).toEqual(['Document']);
  });
});

describe('decisions', () => {
  it('needs a decision and a rationale', () => {
    expect(validateDecision({ decision: null, rationale: ' ' })).toEqual({
      decision: expect.any(String),
      rationale: expect.any(String),
    });
    expect(validateDecision({ decision: 'go', rationale: 'Fine' })).toBeNull();
    expect(validateDecision({ decision: 'kill', rationale: 'x'.repeat(5001) })?.rationale).toMatch(/5000/);
  });

  it('says what each decision does', () => {
    expect(decisionHint('kill', false)).toMatch(/cancels the project/);
    expect(decisionHint('go', true)).toMatch(/complete/);
    expect(decisionHint('go', false)).toMatch(/next phase/);
  });

  it('finds the review waiting on a phase and summarises evidence', () => {
    const l = lifecycle(
      [phase('plan', 'active', 'submitted')],
      [review('plan', null), review('plan', 'hold')],
    );
    expect(pendingReview(l, 'plan')?.id).toBe('plan-null');
    expect(pendingReview(l, 'initiate')).toBeNull();
    expect(evidenceLine(evidence)).toBe('Criteria 2/3 · Deliverables 1/1 · 1 open high risk · 2 open issues');
  });
});

describe('migration', () => {
  it('previews kept, added and dropped phases', () => {
    expect(
      migrationPreview(
        [
          { key: 'a', name: 'A' },
          { key: 'b', name: 'B' },
        ],
        [
          { key: 'b', name: 'B2' },
          { key: 'c', name: 'C' },
        ],
      ),
    ).toEqual({ kept: ['B2'], added: ['C'], dropped: ['A'] });
  });
});
