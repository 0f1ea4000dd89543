import type {
  CreateRiskBody,
  MitigationAction,
  Risk,
  RiskLevel,
  RiskResponse,
  RiskStatus,
  UpdateRiskBody,
} from '../../api/raid.ts';
import { levelOf, type Matrix, RESPONSES, RISK_STATUSES } from './raid-model.ts';

export type RiskWhere = 'project' | 'portfolio' | 'org_unit';

/** What the "New risk" form holds: text as typed, ratings as select values. */
export type NewRiskDraft = {
  where: RiskWhere;
  projectId: string;
  portfolioId: string;
  orgUnitId: string;
  /** Projects a shared risk is linked to. */
  projectIds: string[];
  title: string;
  description: string;
  category: string;
  probability: string;
  impact: string;
  ownerId: string;
  expectedBy: string;
  response: RiskResponse | '';
  mitigation: string;
  trigger: string;
};

export type RiskErrors = Partial<Record<string, string>>;

export function emptyRiskDraft(fixed: { projectId?: string } = {}): NewRiskDraft {
  return {
    where: 'project',
    projectId: fixed.projectId ?? '',
    portfolioId: '',
    orgUnitId: '',
    projectIds: [],
    title: '',
    description: '',
    category: '',
    probability: '',
    impact: '',
    ownerId: '',
    expectedBy: '',
    response: '',
    mitigation: '',
    trigger: '',
  };
}

/** A rating from a select value: a whole number 1 … size, else null. */
export function parseRating(text: string, size: number): number | null {
  if (!/^\d{1,2}$/.test(text.trim())) return null;
  const n = Number(text);
  return n >= 1 && n <= size ? n : null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function validDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The live score and level of two ratings, or null while either is missing. */
export function liveRating(
  probability: string,
  impact: string,
  matrix: Matrix,
): { score: number; level: RiskLevel } | null {
  const p = parseRating(probability, matrix.size);
  const i = parseRating(impact, matrix.size);
  if (p === null || i === null) return null;
  return { score: p * i, level: levelOf(p, i, matrix) };
}

export function validateNewRisk(d: NewRiskDraft, size: number): RiskErrors {
  const e: RiskErrors = {};
  if (!d.title.trim()) e.title = 'Give the risk a title.';
  else if (d.title.trim().length > 200) e.title = 'At most 200 characters.';
  if (d.where === 'project' && !d.projectId) e.projectId = 'Choose the project the risk belongs to.';
  if (d.where === 'portfolio' && !d.portfolioId) e.portfolioId = 'Choose the portfolio that holds the risk.';
  if (d.where === 'org_unit' && !d.orgUnitId) e.orgUnitId = 'Choose the org unit that holds the risk.';
  if (parseRating(d.probability, size) === null) e.probability = 'Rate the probability.';
  if (parseRating(d.impact, size) === null) e.impact = 'Rate the impact.';
  if (d.expectedBy && !validDate(d.expectedBy)) e.expectedBy = 'A date such as 2027-03-31.';
  if (d.description.length > 10_000) e.description = 'At most 10,000 characters.';
  if (d.category.trim().length > 100) e.category = 'At most 100 characters.';
  return e;
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

/** The create request for a valid draft: exactly one of project, portfolio or org unit. */
export function toCreateRisk(d: NewRiskDraft, size: number): CreateRiskBody {
  const home =
    d.where === 'project'
      ? { projectId: d.projectId }
      : d.where === 'portfolio'
        ? { portfolioId: d.portfolioId, projectIds: [...new Set(d.projectIds)] }
        : { orgUnitId: d.orgUnitId, projectIds: [...new Set(d.projectIds)] };
  return {
    title: d.title.trim(),
    ...home,
    probability: parseRating(d.probability, size) ?? 1,
    impact: parseRating(d.impact, size) ?? 1,
    ...(orNull(d.description) ? { description: d.description.trim() } : {}),
    ...(orNull(d.category) ? { category: d.category.trim() } : {}),
    ...(d.ownerId ? { ownerId: d.ownerId } : {}),
    ...(d.expectedBy ? { expectedBy: d.expectedBy } : {}),
    ...(d.response ? { response: d.response } : {}),
    ...(orNull(d.mitigation) ? { mitigation: d.mitigation.trim() } : {}),
    ...(orNull(d.trigger) ? { trigger: d.trigger.trim() } : {}),
  };
}

// ---- editing a risk ----

export type RiskEditDraft = {
  title: string;
  description: string;
  category: string;
  probability: string;
  impact: string;
  residualProbability: string;
  residualImpact: string;
  response: RiskResponse | '';
  mitigation: string;
  actions: MitigationAction[];
  ownerId: string;
  expectedBy: string;
  trigger: string;
  status: RiskStatus;
  projectIds: string[];
  /** Quantified impact for Monte Carlo forecasts: working days, cost in major units, chance in %. */
  scheduleImpactDays: string;
  costImpact: string;
  probabilityPercent: string;
};

/** Minor units of a cost typed in major units (two decimals), or null when it is not a number ≥ 0. */
export function parseCostImpact(text: string): number | null {
  const t = text.trim().replace(/[\s,]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

export function editDraftOf(r: Risk): RiskEditDraft {
  return {
    title: r.title,
    description: r.description ?? '',
    category: r.category ?? '',
    probability: String(r.probability),
    impact: String(r.impact),
    residualProbability: r.residualProbability === null ? '' : String(r.residualProbability),
    residualImpact: r.residualImpact === null ? '' : String(r.residualImpact),
    response: r.response ?? '',
    mitigation: r.mitigation ?? '',
    actions: r.actions.map((a) => ({ ...a })),
    ownerId: r.ownerId ?? '',
    expectedBy: r.expectedBy ?? '',
    trigger: r.trigger ?? '',
    status: r.status,
    projectIds: [...r.projectIds],
    scheduleImpactDays: r.scheduleImpactDays === null ? '' : String(r.scheduleImpactDays),
    costImpact: r.costImpactMinor === null ? '' : (r.costImpactMinor / 100).toFixed(2),
    probabilityPercent: r.probabilityPercent === null ? '' : String(r.probabilityPercent),
  };
}

export function validateRiskEdit(d: RiskEditDraft, size: number): RiskErrors {
  const e: RiskErrors = {};
  if (!d.title.trim()) e.title = 'Give the risk a title.';
  else if (d.title.trim().length > 200) e.title = 'At most 200 characters.';
  if (parseRating(d.probability, size) === null) e.probability = 'Rate the probability.';
  if (parseRating(d.impact, size) === null) e.impact = 'Rate the impact.';
  const rp = d.residualProbability ? parseRating(d.residualProbability, size) : null;
  const ri = d.residualImpact ? parseRating(d.residualImpact, size) : null;
  if (d.residualProbability && rp === null) e.residualProbability = `From 1 to ${size}.`;
  if (d.residualImpact && ri === null) e.residualImpact = `From 1 to ${size}.`;
  if (Boolean(d.residualProbability) !== Boolean(d.residualImpact)) {
    const missing = d.residualProbability ? 'residualImpact' : 'residualProbability';
    e[missing] = 'Rate both residual probability and impact, or neither.';
  }
  if (d.expectedBy && !validDate(d.expectedBy)) e.expectedBy = 'A date such as 2027-03-31.';
  d.actions.forEach((a, k) => {
    if (!a.title.trim()) e[`actions.${k}`] = 'Describe the action, or remove it.';
    else if (a.dueDate && !validDate(a.dueDate)) e[`actions.${k}`] = 'A due date such as 2027-03-31.';
  });
  const days = d.scheduleImpactDays.trim();
  if (days && !(/^\d+$/.test(days) && Number(days) <= 3650))
    e.scheduleImpactDays = 'Whole working days from 0 to 3,650, or empty.';
  if (d.costImpact.trim() && parseCostImpact(d.costImpact) === null)
    e.costImpactMinor = 'An amount such as 25000 or 25000.50, or empty.';
  const pct = d.probabilityPercent.trim();
  if (pct && !(/^\d+$/.test(pct) && Number(pct) <= 100))
    e.probabilityPercent = 'A whole percentage from 0 to 100, or empty (the rating then decides).';
  if (!RISK_STATUSES.includes(d.status)) e.status = 'Choose a status.';
  if (d.response && !RESPONSES.includes(d.response)) e.response = 'Choose a response.';
  return e;
}

const sameActions = (a: readonly MitigationAction[], b: readonly MitigationAction[]) =>
  JSON.stringify(a.map(normalAction)) === JSON.stringify(b.map(normalAction));
function normalAction(a: MitigationAction): MitigationAction {
  return {
    id: a.id,
    title: a.title.trim(),
    ownerId: a.ownerId || null,
    dueDate: a.dueDate || null,
    done: a.done,
  };
}

/**
 * The PATCH body: the version and only the fields the draft changed (null clears a field). Null when
 * nothing changed.
 */
export function toUpdateRisk(d: RiskEditDraft, r: Risk, size: number): UpdateRiskBody | null {
  const body: UpdateRiskBody = { version: r.version };
  const text = (v: string, was: string | null) => (orNull(v) === (was ?? null) ? undefined : orNull(v));
  const rating = (v: string, was: number | null) => {
    const n = v ? parseRating(v, size) : null;
    return n === was ? undefined : n;
  };
  if (d.title.trim() !== r.title) body.title = d.title.trim();
  const description = text(d.description, r.description);
  if (description !== undefined) body.description = description;
  const category = text(d.category, r.category);
  if (category !== undefined) body.category = category;
  const p = rating(d.probability, r.probability);
  if (p !== undefined && p !== null) body.probability = p;
  const i = rating(d.impact, r.impact);
  if (i !== undefined && i !== null) body.impact = i;
  const rp = rating(d.residualProbability, r.residualProbability);
  if (rp !== undefined) body.residualProbability = rp;
  const ri = rating(d.residualImpact, r.residualImpact);
  if (ri !== undefined) body.residualImpact = ri;
  if ((d.response || null) !== r.response) body.response = d.response || null;
  const mitigation = text(d.mitigation, r.mitigation);
  if (mitigation !== undefined) body.mitigation = mitigation;
  if (!sameActions(d.actions, r.actions)) body.actions = d.actions.map(normalAction);
  if ((d.ownerId || null) !== r.ownerId) body.ownerId = d.ownerId || null;
  if ((d.expectedBy || null) !== r.expectedBy) body.expectedBy = d.expectedBy || null;
  const trigger = text(d.trigger, r.trigger);
  if (trigger !== undefined) body.trigger = trigger;
  if (d.status !== r.status) body.status = d.status;
  const whole = (v: string) => (v.trim() === '' ? null : Number(v.trim()));
  if (whole(d.scheduleImpactDays) !== r.scheduleImpactDays)
    body.scheduleImpactDays = whole(d.scheduleImpactDays);
  const cost = d.costImpact.trim() === '' ? null : parseCostImpact(d.costImpact);
  if (cost !== r.costImpactMinor) body.costImpactMinor = cost;
  if (whole(d.probabilityPercent) !== r.probabilityPercent)
    body.probabilityPercent = whole(d.probabilityPercent);
  if (r.scope !== 'project') {
    const before = [...r.projectIds].sort().join();
    const after = [...new Set(d.projectIds)].sort().join();
    if (before !== after) body.projectIds = [...new Set(d.projectIds)];
  }
  return Object.keys(body).length > 1 ? body : null;
}

/** An id for a new mitigation action, unique within the list: "a1", "a2", … */
export function nextActionId(actions: readonly { id: string }[]): string {
  const used = new Set(actions.map((a) => a.id));
  let n = actions.length + 1;
  while (used.has(`a${n}`)) n += 1;
  return `a${n}`;
}

/** Server field names (actions.0.title) to the draft's error keys (actions.0). */
export function errorKeyOf(field: string): string {
  const m = /^actions\.(\d+)/.exec(field);
  return m ? `actions.${m[1]}` : field;
}
