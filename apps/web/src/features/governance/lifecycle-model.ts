import type {
  GateDecision,
  GateEvidence,
  GateReadiness,
  GateReview,
  GateStatus,
  LifecyclePhase,
  LifecycleTemplate,
  ProjectLifecycle,
} from '../../api/governance.ts';
import type { BadgeTone } from '../../design/Badge.tsx';
import type { SelectOption } from '../../design/Select.tsx';
import { definedAt, plural } from './template-model.ts';

// ---- the phase stepper ----

/** How a step looks; each state also has words, so colour is never the only signal. */
export type StepState = 'done' | 'current' | 'stopped' | 'pending';
export type Step = {
  key: string;
  name: string;
  gateName: string;
  state: StepState;
  /** "Done — gate passed", "In progress — awaiting the gate decision"… */
  text: string;
  /** 1-based position, for "Phase 2 of 4". */
  position: number;
};

export const GATE_STATUS_LABELS: Record<GateStatus, string> = {
  open: 'Open',
  submitted: 'Awaiting decision',
  hold: 'On hold',
  passed: 'Passed',
  killed: 'Stopped',
};
export const GATE_STATUS_TONES: Record<GateStatus, BadgeTone> = {
  open: 'gray',
  submitted: 'blue',
  hold: 'amber',
  passed: 'green',
  killed: 'red',
};

function stepOf(p: LifecyclePhase, index: number): Step {
  const base = { key: p.key, name: p.name, gateName: p.gate.name, position: index + 1 };
  if (p.status === 'done') return { ...base, state: 'done', text: 'Done — gate passed' };
  if (p.status === 'pending') return { ...base, state: 'pending', text: 'Not started' };
  switch (p.gateState.status) {
    case 'killed':
      return { ...base, state: 'stopped', text: 'Stopped at the gate' };
    case 'submitted':
      return { ...base, state: 'current', text: 'In progress — awaiting the gate decision' };
    case 'hold':
      return { ...base, state: 'current', text: 'In progress — gate on hold' };
    default:
      return { ...base, state: 'current', text: 'In progress' };
  }
}

export function stepsOf(phases: readonly LifecyclePhase[]): Step[] {
  return phases.map(stepOf);
}

/** The phase in progress (its gate may be stopped), or null once every phase is done. */
export function activePhase(lifecycle: ProjectLifecycle): LifecyclePhase | null {
  return lifecycle.phases.find((p) => p.status === 'active') ?? null;
}

/** What the gate card shows for the phase in progress. */
export type GateMode = 'checklist' | 'submitted' | 'stopped' | 'complete';
export function gateModeOf(phase: LifecyclePhase | null): GateMode {
  if (!phase) return 'complete';
  if (phase.gateState.status === 'killed') return 'stopped';
  if (phase.gateState.status === 'submitted') return 'submitted';
  return 'checklist';
}

/** A one-line progress summary: "Phase 2 of 4 — Plan", "All 4 phases done", "Stopped in Plan". */
export function progressLine(lifecycle: ProjectLifecycle): string {
  const n = lifecycle.phases.length;
  const i = lifecycle.phases.findIndex((p) => p.status === 'active');
  const phase = lifecycle.phases[i];
  if (!phase) return `All ${plural(n, 'phase')} done`;
  if (phase.gateState.status === 'killed') return `Stopped at the ${phase.gate.name}`;
  return `Phase ${i + 1} of ${n} — ${phase.name}`;
}

// ---- the checklist ----

export type ChecklistCounts = {
  criteriaMet: number;
  criteriaTotal: number;
  deliverablesAccepted: number;
  deliverablesTotal: number;
};
export function checklistCounts(phase: LifecyclePhase): ChecklistCounts {
  const g = phase.gateState;
  return {
    criteriaMet: phase.gate.criteria.filter((c) => g.criteria[c.key]?.met).length,
    criteriaTotal: phase.gate.criteria.length,
    deliverablesAccepted: phase.gate.deliverables.filter((d) => g.deliverables[d.key]?.accepted).length,
    deliverablesTotal: phase.gate.deliverables.length,
  };
}

/** The body to tick or untick one criterion, keeping its note. */
export function criterionPatch(
  phase: LifecyclePhase,
  key: string,
  met: boolean,
): { criteria: Record<string, { met: boolean; note?: string }> } {
  const note = phase.gateState.criteria[key]?.note;
  return { criteria: { [key]: note === undefined ? { met } : { met, note } } };
}

export function deliverablePatch(
  key: string,
  accepted: boolean,
): { deliverables: Record<string, { accepted: boolean }> } {
  return { deliverables: { [key]: { accepted } } };
}

/**
 * The lifecycle as it will be once a checklist change is saved — shown at once, replaced by the
 * server's answer (who accepted, when) a moment later. Readiness follows the same rule as the server.
 */
export function withChecklistPatch(
  lifecycle: ProjectLifecycle,
  phaseKey: string,
  patch: {
    criteria?: Record<string, { met: boolean; note?: string | undefined }> | undefined;
    deliverables?: Record<string, { accepted: boolean }> | undefined;
  },
): ProjectLifecycle {
  return {
    ...lifecycle,
    phases: lifecycle.phases.map((p) => {
      if (p.key !== phaseKey) return p;
      const criteria = { ...p.gateState.criteria, ...(patch.criteria ?? {}) };
      const deliverables = { ...p.gateState.deliverables };
      for (const [key, d] of Object.entries(patch.deliverables ?? {}))
        deliverables[key] = d.accepted ? { accepted: true, acceptedBy: null } : { accepted: false };
      const missingCriteria = p.gate.criteria
        .filter((c) => c.required && !criteria[c.key]?.met)
        .map((c) => c.text);
      const missingDeliverables = p.gate.deliverables
        .filter((d) => d.required && !deliverables[d.key]?.accepted)
        .map((d) => d.name);
      return {
        ...p,
        gateState: { ...p.gateState, criteria, deliverables },
        readiness: {
          ready: missingCriteria.length === 0 && missingDeliverables.length === 0,
          missingCriteria,
          missingDeliverables,
        },
      };
    }),
  };
}

/** Why the gate cannot be submitted yet, one line each; empty when ready. */
export function blockersOf(readiness: GateReadiness): string[] {
  return [
    ...readiness.missingCriteria.map((c) => `Criterion not met: ${c}`),
    ...readiness.missingDeliverables.map((d) => `Deliverable not accepted: ${d}`),
  ];
}

// ---- reviews and decisions ----

export const DECISIONS: readonly GateDecision[] = ['go', 'hold', 'recycle', 'kill'];
export const DECISION_LABELS: Record<GateDecision, string> = {
  go: 'Go',
  hold: 'Hold',
  recycle: 'Recycle',
  kill: 'Kill',
};
/** "Put on hold by Dana", "Recycled by Sam"… */
export const DECIDED_WORDS: Record<GateDecision, string> = {
  go: 'Passed',
  hold: 'Put on hold',
  recycle: 'Recycled',
  kill: 'Killed',
};
export const DECISION_TONES: Record<GateDecision, BadgeTone> = {
  go: 'green',
  hold: 'amber',
  recycle: 'violet',
  kill: 'red',
};

/** What each decision does, in one line; go differs on the last phase. */
export function decisionHint(decision: GateDecision, lastPhase: boolean): string {
  switch (decision) {
    case 'go':
      return lastPhase
        ? 'The phase is done and the lifecycle is complete.'
        : 'The phase is done and the next phase starts.';
    case 'hold':
      return 'The gate waits; the project submits it again when ready.';
    case 'recycle':
      return 'The phase goes on and its gate opens again, keeping what was met.';
    case 'kill':
      return 'Stops the project at this gate: it cancels the project.';
  }
}

export type DecisionDraft = { decision: GateDecision | null; rationale: string };
export const RATIONALE_MAX = 5000;

export function validateDecision(d: DecisionDraft): { decision?: string; rationale?: string } | null {
  const errors: { decision?: string; rationale?: string } = {};
  if (!d.decision) errors.decision = 'Choose a decision.';
  const r = d.rationale.trim();
  if (r === '') errors.rationale = 'Give the rationale: it is kept with the decision.';
  else if (r.length > RATIONALE_MAX) errors.rationale = `At most ${RATIONALE_MAX} characters.`;
  return Object.keys(errors).length > 0 ? errors : null;
}

/** The review waiting for a decision on a phase, if any (reviews are newest first). */
export function pendingReview(lifecycle: ProjectLifecycle, phaseKey: string): GateReview | null {
  return lifecycle.reviews.find((r) => r.phaseKey === phaseKey && r.decision === null) ?? null;
}

/** "Criteria 3/3 · Deliverables 2/2 · 1 open high risk · 2 open issues". */
export function evidenceLine(e: GateEvidence): string {
  return [
    `Criteria ${e.criteriaMet}/${e.criteriaTotal}`,
    `Deliverables ${e.deliverablesAccepted}/${e.deliverablesTotal}`,
    plural(e.openHighRisks.length, 'open high risk'),
    plural(e.openIssues, 'open issue'),
  ].join(' · ');
}

const PROJECT_STATUS_WORDS: Record<string, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
export function projectStatusLabel(status: string): string {
  return PROJECT_STATUS_WORDS[status] ?? status;
}

// ---- applying and migrating ----

export function templateOptions(templates: readonly LifecycleTemplate[]): SelectOption[] {
  return templates.map((t) => ({
    value: t.id,
    label: `${t.name} · v${t.templateVersion} · ${plural(t.phases.length, 'phase')} · ${definedAt(t)}`,
  }));
}

/**
 * What a migration to another version does to the phases: kept (same key, progress kept), added
 * (new in the target) and dropped (gone, with their checklists).
 */
export function migrationPreview(
  from: readonly { key: string; name: string }[],
  to: readonly { key: string; name: string }[],
): { kept: string[]; added: string[]; dropped: string[] } {
  const fromKeys = new Set(from.map((p) => p.key));
  const toKeys = new Set(to.map((p) => p.key));
  return {
    kept: to.filter((p) => fromKeys.has(p.key)).map((p) => p.name),
    added: to.filter((p) => !fromKeys.has(p.key)).map((p) => p.name),
    dropped: from.filter((p) => !toKeys.has(p.key)).map((p) => p.name),
  };
}
