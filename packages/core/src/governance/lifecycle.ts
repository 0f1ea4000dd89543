/**
 * Lifecycles: a template's phases, each closed by a stage gate with criteria and deliverables; a
 * project's progress through them; and the rules a gate review follows.
 */
export const APPROACHES = ['predictive', 'agile', 'hybrid'] as const;
export type Approach = (typeof APPROACHES)[number];

export type GateCriterion = { key: string; text: string; required: boolean };
export type GateDeliverable = { key: string; name: string; required: boolean };
export type PhaseDefinition = {
  key: string;
  name: string;
  gate: { name: string; criteria: GateCriterion[]; deliverables: GateDeliverable[] };
};

export const GATE_DECISIONS = ['go', 'hold', 'recycle', 'kill'] as const;
export type GateDecision = (typeof GATE_DECISIONS)[number];
export type GateStatus = 'open' | 'submitted' | 'hold' | 'passed' | 'killed';
export type PhaseStatus = 'pending' | 'active' | 'done';

export type PhaseState = {
  key: string;
  status: PhaseStatus;
  gate: {
    status: GateStatus;
    criteria: Record<string, { met: boolean; note?: string | undefined }>;
    deliverables: Record<
      string,
      { accepted: boolean; acceptedBy?: string | null | undefined; acceptedAt?: string | undefined }
    >;
  };
};

/** What is wrong with a template's phases, or null. Keys are unique and phases non-empty. */
export function checkPhases(phases: readonly PhaseDefinition[]): string | null {
  if (phases.length === 0) return 'phases: at least one phase';
  const keys = new Set<string>();
  for (const [i, p] of phases.entries()) {
    if (keys.has(p.key)) return `phases.${i}.key: “${p.key}” appears twice`;
    keys.add(p.key);
    const ck = new Set<string>();
    for (const [j, c] of p.gate.criteria.entries()) {
      if (ck.has(c.key)) return `phases.${i}.gate.criteria.${j}.key: “${c.key}” appears twice`;
      ck.add(c.key);
    }
    const dk = new Set<string>();
    for (const [j, d] of p.gate.deliverables.entries()) {
      if (dk.has(d.key)) return `phases.${i}.gate.deliverables.${j}.key: “${d.key}” appears twice`;
      dk.add(d.key);
    }
  }
  return null;
}

/** A project's starting state for a template: the first phase active, every gate open. */
export function initialState(phases: readonly PhaseDefinition[]): PhaseState[] {
  return phases.map((p, i) => ({
    key: p.key,
    status: i === 0 ? 'active' : 'pending',
    gate: {
      status: 'open',
      criteria: Object.fromEntries(p.gate.criteria.map((c) => [c.key, { met: false }])),
      deliverables: Object.fromEntries(p.gate.deliverables.map((d) => [d.key, { accepted: false }])),
    },
  }));
}

/** What still stands between a phase and its gate review: unmet required criteria and deliverables. */
export function gateReadiness(
  def: PhaseDefinition,
  state: PhaseState,
): { ready: boolean; missingCriteria: string[]; missingDeliverables: string[] } {
  const missingCriteria = def.gate.criteria
    .filter((c) => c.required && !state.gate.criteria[c.key]?.met)
    .map((c) => c.text);
  const missingDeliverables = def.gate.deliverables
    .filter((d) => d.required && !state.gate.deliverables[d.key]?.accepted)
    .map((d) => d.name);
  return {
    ready: missingCriteria.length === 0 && missingDeliverables.length === 0,
    missingCriteria,
    missingDeliverables,
  };
}

/** The phase a project is in: the active one, or null when every phase is done (or it was killed). */
export function currentPhase(states: readonly PhaseState[]): number | null {
  const i = states.findIndex((s) => s.status === 'active');
  return i < 0 ? null : i;
}

/**
 * Applies a gate decision to the phase under review. go: the phase is done and the next becomes
 * active (none left: the lifecycle is complete); hold: the gate waits, to be submitted again;
 * recycle: the phase goes on, its gate open again with what was met kept; kill: the gate closes
 * the project. Anything but a submitted gate of the active phase is refused.
 */
export function decideGate(
  states: readonly PhaseState[],
  phaseKey: string,
  decision: GateDecision,
): PhaseState[] {
  const i = states.findIndex((s) => s.key === phaseKey);
  const s = states[i];
  if (!s) throw new Error(`no phase ${phaseKey}`);
  if (s.status !== 'active') throw new Error(`${phaseKey} is not the active phase`);
  if (s.gate.status !== 'submitted') throw new Error(`the ${phaseKey} gate is not submitted`);
  const next = states.map((x) => ({ ...x, gate: { ...x.gate } }));
  const here = next[i] as PhaseState;
  if (decision === 'go') {
    here.status = 'done';
    here.gate.status = 'passed';
    const after = next[i + 1];
    if (after) after.status = 'active';
  } else if (decision === 'hold') here.gate.status = 'hold';
  else if (decision === 'recycle') here.gate.status = 'open';
  else here.gate.status = 'killed';
  return next;
}

/**
 * Moves a project's state onto another template (a new version, or another lifecycle): phases with
 * the same key keep their progress and checklists (criteria and deliverables that still exist);
 * the phase that was active stays active if it exists, else the first phase not done.
 */
export function migrateState(states: readonly PhaseState[], to: readonly PhaseDefinition[]): PhaseState[] {
  const fresh = initialState(to);
  const old = new Map(states.map((s) => [s.key, s]));
  const activeKey = states.find((s) => s.status === 'active')?.key;
  const out = fresh.map((f) => {
    const o = old.get(f.key);
    if (!o) return { ...f, status: 'pending' as PhaseStatus };
    return {
      key: f.key,
      status: o.status === 'done' ? ('done' as PhaseStatus) : ('pending' as PhaseStatus),
      gate: {
        status: o.status === 'done' ? o.gate.status : o.gate.status === 'killed' ? 'killed' : 'open',
        criteria: Object.fromEntries(
          Object.keys(f.gate.criteria).map((k) => [k, o.gate.criteria[k] ?? { met: false }]),
        ),
        deliverables: Object.fromEntries(
          Object.keys(f.gate.deliverables).map((k) => [k, o.gate.deliverables[k] ?? { accepted: false }]),
        ),
      },
    } satisfies PhaseState;
  });
  const keep = out.findIndex((s) => s.key === activeKey && s.status !== 'done');
  const first = keep >= 0 ? keep : out.findIndex((s) => s.status !== 'done');
  if (first >= 0) (out[first] as PhaseState).status = 'active';
  return out;
}
