import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPhases,
  currentPhase,
  decideGate,
  GATE_DECISIONS,
  gateReadiness,
  initialState,
  migrateState,
  type PhaseDefinition,
  type PhaseState,
} from './lifecycle.ts';

const phase = (
  key: string,
  criteria: [string, boolean][] = [],
  deliverables: [string, boolean][] = [],
): PhaseDefinition => ({
  key,
  name: key.toUpperCase(),
  gate: {
    name: `${key} gate`,
    criteria: criteria.map(([k, required]) => ({ key: k, text: `criterion ${k}`, required })),
    deliverables: deliverables.map(([k, required]) => ({ key: k, name: `deliverable ${k}`, required })),
  },
});
const PHASES = [
  phase(
    'initiate',
    [
      ['charter', true],
      ['nice', false],
    ],
    [['brief', true]],
  ),
  phase('plan', [['baseline', true]]),
  phase('execute'),
];
const submit = (s: PhaseState[], i: number) =>
  s.map((x, j) => (j === i ? { ...x, gate: { ...x.gate, status: 'submitted' as const } } : x));

describe('templates', () => {
  it('refuses duplicate keys and empty lifecycles, naming where', () => {
    expect(checkPhases(PHASES)).toBeNull();
    expect(checkPhases([])).toMatch(/^phases/);
    expect(checkPhases([phase('a'), phase('a')])).toBe('phases.1.key: “a” appears twice');
    expect(
      checkPhases([
        phase('a', [
          ['x', true],
          ['x', false],
        ]),
      ]),
    ).toMatch(/^phases\.0\.gate\.criteria\.1\.key/);
  });
});

describe('gates', () => {
  it('starts in the first phase with every gate open', () => {
    const s = initialState(PHASES);
    expect(s.map((x) => x.status)).toEqual(['active', 'pending', 'pending']);
    expect(currentPhase(s)).toBe(0);
    expect(s[0]?.gate.criteria).toEqual({ charter: { met: false }, nice: { met: false } });
  });

  it('is ready only when every required criterion is met and deliverable accepted', () => {
    const s = initialState(PHASES);
    const def = PHASES[0] as PhaseDefinition;
    expect(gateReadiness(def, s[0] as PhaseState)).toEqual({
      ready: false,
      missingCriteria: ['criterion charter'],
      missingDeliverables: ['deliverable brief'],
    });
    const done = {
      ...(s[0] as PhaseState),
      gate: {
        status: 'open' as const,
        criteria: { charter: { met: true } },
        deliverables: { brief: { accepted: true } },
      },
    };
    expect(gateReadiness(def, done).ready).toBe(true);
  });

  it('moves to the next phase on go only, and closes on kill', () => {
    const s = submit(initialState(PHASES), 0);
    const go = decideGate(s, 'initiate', 'go');
    expect(go.map((x) => x.status)).toEqual(['done', 'active', 'pending']);
    expect(go[0]?.gate.status).toBe('passed');
    expect(decideGate(s, 'initiate', 'hold').map((x) => x.status)).toEqual(['active', 'pending', 'pending']);
    expect(decideGate(s, 'initiate', 'recycle')[0]?.gate.status).toBe('open');
    expect(decideGate(s, 'initiate', 'kill')[0]?.gate.status).toBe('killed');
    expect(() => decideGate(initialState(PHASES), 'initiate', 'go')).toThrow(/not submitted/);
    expect(() => decideGate(s, 'plan', 'go')).toThrow(/not the active phase/);
    const last = decideGate(submit(decideGate(submit(go, 1), 'plan', 'go'), 2), 'execute', 'go');
    expect(currentPhase(last)).toBeNull();
  });

  it('never lets a project skip a gate (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GATE_DECISIONS), { maxLength: 20 }), (decisions) => {
        let s = initialState(PHASES);
        for (const d of decisions) {
          const i = currentPhase(s);
          if (i === null || s[i]?.gate.status === 'killed') break;
          s = decideGate(submit(s, i), (s[i] as PhaseState).key, d);
          // Done phases are exactly the ones whose gate passed, and they come first.
          const done = s.map((x) => x.status === 'done');
          expect(done).toEqual(s.map((x) => x.gate.status === 'passed'));
          const firstNotDone = done.indexOf(false);
          if (firstNotDone >= 0) expect(done.slice(firstNotDone).every((x) => !x)).toBe(true);
          expect(s.filter((x) => x.status === 'active').length).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('migration to another template version', () => {
  it('keeps progress for phases that still exist and the checklist items that remain', () => {
    let s = initialState(PHASES);
    s = s.map((x, i) =>
      i === 0 ? { ...x, gate: { ...x.gate, criteria: { charter: { met: true }, nice: { met: true } } } } : x,
    );
    s = decideGate(submit(s, 0), 'initiate', 'go');
    const v2 = [
      phase('initiate', [['charter', true]]),
      phase('plan', [
        ['baseline', true],
        ['risks', true],
      ]),
      phase('close'),
    ];
    const m = migrateState(s, v2);
    expect(m.map((x) => [x.key, x.status])).toEqual([
      ['initiate', 'done'],
      ['plan', 'active'],
      ['close', 'pending'],
    ]);
    expect(m[0]?.gate.criteria).toEqual({ charter: { met: true } });
    expect(m[1]?.gate.criteria).toEqual({ baseline: { met: false }, risks: { met: false } });
  });

  it('activates the first unfinished phase when the active one is gone', () => {
    const s = decideGate(submit(initialState(PHASES), 0), 'initiate', 'go');
    const m = migrateState(s, [phase('initiate'), phase('build'), phase('execute')]);
    expect(m.map((x) => x.status)).toEqual(['done', 'active', 'pending']);
  });
});
