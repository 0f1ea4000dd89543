import type {
  FrontierPoint,
  Run,
  Scenario,
  ScenarioOverride,
  ScenarioResult,
} from '../../../api/portfolio.ts';

/** The statuses a scenario may draw candidates from, in workflow order. */
export const CANDIDATE_STATUSES = ['submitted', 'under_review', 'approved', 'deferred'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/**
 * Parses a budget as typed: one amount for every month ("250000", "250,000") or one per month
 * separated by semicolons or new lines ("250000; 240000; 260000"). Amounts are major units.
 * Returns the list, or an error naming the part that is wrong.
 */
export function parseBudget(text: string): { ok: true; value: number[] } | { ok: false; error: string } {
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, error: 'Enter a budget per month.' };
  if (parts.length > 60) return { ok: false, error: 'At most 60 months.' };
  const value: number[] = [];
  for (const [i, part] of parts.entries()) {
    const cleaned = part.replace(/[\s,_']/g, '');
    if (!/^\d+(\.\d+)?$/.test(cleaned)) {
      return {
        ok: false,
        error:
          parts.length === 1
            ? `“${part}” is not an amount.`
            : `Month ${i + 1}: “${part}” is not an amount (separate months with ;).`,
      };
    }
    value.push(Number(cleaned));
  }
  return { ok: true, value };
}

/** The text a budget list is edited as: one amount when every month is the same. */
export function budgetText(budget: readonly number[]): string {
  if (budget.length === 0) return '';
  const first = budget[0] as number;
  return budget.every((b) => b === first) ? String(first) : budget.join('; ');
}

/** The budget for each of `periods` months: one number applies to all, a shorter list repeats its last. */
export function budgetPerMonth(budget: readonly number[], periods: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < periods; t++) out.push(budget[Math.min(t, budget.length - 1)] ?? 0);
  return out;
}

/** Per cent more value than the plain value/cost ranking; null when the ranking found nothing. */
export function upliftOverRanking(result: Pick<ScenarioResult, 'objective' | 'ranking'>): number | null {
  if (result.ranking.objective <= 0) return null;
  return (result.objective - result.ranking.objective) / result.ranking.objective;
}

/** Overrides with the one for a proposal replaced (or removed when it no longer changes anything). */
export function setOverride(
  overrides: readonly ScenarioOverride[],
  proposalId: string,
  patch: Partial<Omit<ScenarioOverride, 'proposalId'>>,
): ScenarioOverride[] {
  const current = overrides.find((o) => o.proposalId === proposalId) ?? { proposalId };
  const next: ScenarioOverride = { ...current };
  for (const [key, value] of Object.entries(patch) as [keyof typeof patch, unknown][]) {
    if (value === undefined || value === false || value === '') delete next[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  // Mandatory and forced out contradict each other: the newer one wins.
  if (patch.mandatory) delete next.forcedOut;
  if (patch.forcedOut) delete next.mandatory;
  const rest = overrides.filter((o) => o.proposalId !== proposalId);
  return Object.keys(next).length > 1 ? [...rest, next] : rest;
}

/** Whether a run is still improving its answer. */
export function isRunning(run: Pick<Run, 'state'> | undefined | null): boolean {
  return run?.state === 'running';
}

/** The latest incumbent and bound a run has reported. */
export function latestProgress(run: Pick<Run, 'progress'>): {
  objective: number | null;
  bound: number | null;
  gap: number | null;
  elapsedMs: number;
  phase: Run['progress'][number]['phase'] | null;
} {
  let objective: number | null = null;
  let bound: number | null = null;
  let gap: number | null = null;
  let elapsedMs = 0;
  let phase: Run['progress'][number]['phase'] | null = null;
  for (const p of run.progress) {
    if (p.objective !== null) objective = p.objective;
    if (p.bound !== null) bound = p.bound;
    if (p.gap !== null) gap = p.gap;
    elapsedMs = Math.max(elapsedMs, p.elapsedMs);
    phase = p.phase;
  }
  return { objective, bound, gap, elapsedMs, phase };
}

export type ChartPoint = { x: number; y: number };
export type Scale = { min: number; max: number; ticks: number[] };

/** A "nice" axis covering [min, max] with about `count` round ticks (1, 2, 2.5 or 5 × 10ⁿ apart). */
export function niceScale(min: number, max: number, count = 5): Scale {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: 0, max: 1, ticks: [0, 1] };
  if (max < min) [min, max] = [max, min];
  // A span too small to tick (equal values, or differences lost in rounding): widen it.
  if (max - min < 1e-9 * Math.max(1, Math.abs(max), Math.abs(min))) {
    const pad = Math.max(1e-9, Math.abs(max) * 0.1, max === 0 ? 1 : 0);
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  let lo = Math.floor(min / step) * step;
  let hi = Math.ceil(max / step) * step;
  // Division can round a tiny value to 0 and leave it outside; one more step takes it in.
  if (lo > min) lo -= step;
  if (hi < max) hi += step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { min: lo, max: hi, ticks };
}

/** Maps a value on a scale to a pixel between `from` and `to`. */
export function project(value: number, scale: Pick<Scale, 'min' | 'max'>, from: number, to: number): number {
  const span = scale.max - scale.min;
  return span === 0 ? (from + to) / 2 : from + ((value - scale.min) / span) * (to - from);
}

/** The frontier sorted by budget, with each point marked when it is the scenario's own budget. */
export function frontierSeries(
  frontier: readonly FrontierPoint[],
  scenarioBudgetTotal: number,
): (FrontierPoint & { current: boolean })[] {
  const sorted = [...frontier].sort((a, b) => a.totalBudget - b.totalBudget);
  let nearest = -1;
  let best = Number.POSITIVE_INFINITY;
  sorted.forEach((p, i) => {
    const d = Math.abs(p.totalBudget - scenarioBudgetTotal);
    if (d < best) {
      best = d;
      nearest = i;
    }
  });
  return sorted.map((p, i) => ({
    ...p,
    current: i === nearest && best <= 1e-6 * Math.max(1, scenarioBudgetTotal),
  }));
}

/** The scenario's whole-horizon budget in major units. */
export function totalBudget(scenario: Pick<Scenario, 'budget' | 'periods'>): number {
  return budgetPerMonth(scenario.budget, scenario.periods).reduce((s, b) => s + b, 0);
}

/** What the result's status means, for people. */
export function describeStatus(result: Pick<ScenarioResult, 'status' | 'gap'>): string {
  if (result.status === 'optimal') return 'Proven optimal';
  if (result.status === 'infeasible') return 'No selection meets every constraint';
  return `Feasible, within ${(result.gap * 100).toFixed(2)} % of the best possible`;
}

/** A scenario's inputs as the form edits them (text where people type numbers). */
export type ScenarioDraft = {
  name: string;
  description: string;
  startMonth: string;
  periods: string;
  objective: Scenario['objective'];
  budget: string;
  byCategory: boolean;
  capex: string;
  opex: string;
  capacityFrom: Scenario['capacityFrom'];
  capacityFactor: string;
  /** Role or skill → hours per month, as typed (one number or one per month). */
  capacity: CapacityLine[];
  statuses: CandidateStatus[];
};
/** A capacity line being edited; `id` keeps the row stable while lines are added and removed. */
export type CapacityLine = { id: string; key: string; hours: string };
let lineCounter = 0;
export function capacityLine(key = '', hours = ''): CapacityLine {
  lineCounter += 1;
  return { id: `cap${lineCounter}`, key, hours };
}

export type ScenarioDraftErrors = Partial<Record<keyof ScenarioDraft | 'form', string>>;

export function draftOf(s: Scenario): ScenarioDraft {
  return {
    name: s.name,
    description: s.description ?? '',
    startMonth: s.startMonth,
    periods: String(s.periods),
    objective: s.objective,
    budget: budgetText(s.budget),
    byCategory: s.budgetByCategory !== null,
    capex: budgetText(s.budgetByCategory?.capex ?? []),
    opex: budgetText(s.budgetByCategory?.opex ?? []),
    capacityFrom: s.capacityFrom,
    capacityFactor: String(Math.round(s.capacityFactor * 1000) / 10),
    capacity: Object.entries(s.capacity).map(([key, hours]) => capacityLine(key, budgetText(hours))),
    statuses: s.statuses.filter((x): x is CandidateStatus =>
      (CANDIDATE_STATUSES as readonly string[]).includes(x),
    ),
  };
}

export function emptyDraft(startMonth: string): ScenarioDraft {
  return {
    name: '',
    description: '',
    startMonth,
    periods: '12',
    objective: 'score',
    budget: '',
    byCategory: false,
    capex: '',
    opex: '',
    capacityFrom: 'pool',
    capacityFactor: '100',
    capacity: [],
    statuses: ['submitted', 'under_review', 'approved'],
  };
}

export type ScenarioInputs = {
  name: string;
  description: string | null;
  startMonth: string;
  periods: number;
  objective: Scenario['objective'];
  budget: number[];
  budgetByCategory: { capex?: number[]; opex?: number[] } | null;
  capacityFrom: Scenario['capacityFrom'];
  capacity: Record<string, number[]>;
  capacityFactor: number;
  statuses: CandidateStatus[];
};

/** Checks a draft and turns it into the API's fields; errors name the field that is wrong. */
export function parseDraft(
  d: ScenarioDraft,
): { ok: true; value: ScenarioInputs } | { ok: false; errors: ScenarioDraftErrors } {
  const errors: ScenarioDraftErrors = {};
  if (d.name.trim() === '') errors.name = 'Give the scenario a name.';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(d.startMonth)) errors.startMonth = 'Pick the first month.';
  const periods = Number(d.periods);
  if (!Number.isInteger(periods) || periods < 1 || periods > 60) errors.periods = 'Between 1 and 60 months.';
  const budget = parseBudget(d.budget);
  if (!budget.ok) errors.budget = budget.error;
  let budgetByCategory: ScenarioInputs['budgetByCategory'] = null;
  if (d.byCategory) {
    budgetByCategory = {};
    for (const key of ['capex', 'opex'] as const) {
      if (d[key].trim() === '') continue;
      const parsed = parseBudget(d[key]);
      if (parsed.ok) budgetByCategory[key] = parsed.value;
      else errors[key] = parsed.error;
    }
    if (!budgetByCategory.capex && !budgetByCategory.opex && !errors.capex && !errors.opex) {
      errors.capex = 'Give a capex or an opex budget, or untick the category budgets.';
    }
  }
  const factor = Number(d.capacityFactor.replace(',', '.'));
  if (d.capacityFactor.trim() === '' || !Number.isFinite(factor) || factor < 0 || factor > 1000) {
    errors.capacityFactor = 'A percentage from 0 to 1000.';
  }
  const capacity: Record<string, number[]> = {};
  for (const line of d.capacity) {
    const key = line.key.trim();
    if (key === '' && line.hours.trim() === '') continue;
    if (key === '') {
      errors.capacity = 'Name the role or skill of every capacity line.';
      continue;
    }
    if (capacity[key]) {
      errors.capacity = `“${key}” appears twice.`;
      continue;
    }
    const parsed = parseBudget(line.hours);
    if (parsed.ok) capacity[key] = parsed.value;
    else
      errors.capacity = `${key}: ${parsed.error.replace('Enter a budget per month.', 'enter hours per month.')}`;
  }
  if (d.capacityFrom === 'manual' && Object.keys(capacity).length === 0 && !errors.capacity) {
    errors.capacity = 'With manual capacity, give the hours per month of at least one role or skill.';
  }
  if (d.statuses.length === 0) errors.statuses = 'Choose at least one status.';
  if (Object.keys(errors).length > 0 || !budget.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name: d.name.trim(),
      description: d.description.trim() === '' ? null : d.description.trim(),
      startMonth: d.startMonth,
      periods,
      objective: d.objective,
      budget: budget.value,
      budgetByCategory,
      capacityFrom: d.capacityFrom,
      capacity,
      capacityFactor: factor / 100,
      statuses: d.statuses,
    },
  };
}

/** Maps the server's field paths (budget.3, capacity.Developer.2, budgetByCategory.capex) onto the form. */
export function draftErrorsFromProblem(
  errors: readonly { field: string; message: string }[],
): ScenarioDraftErrors {
  const out: ScenarioDraftErrors = {};
  for (const e of errors) {
    const [head, sub] = e.field.split('.');
    const key: keyof ScenarioDraftErrors =
      head === 'budgetByCategory'
        ? sub === 'opex'
          ? 'opex'
          : 'capex'
        : head && head in emptyDraft('2000-01')
          ? (head as keyof ScenarioDraft)
          : 'form';
    out[key] ??= e.message;
  }
  return out;
}

/** Whether two drafts hold the same inputs (capacity line ids aside). */
export function sameDraft(a: ScenarioDraft, b: ScenarioDraft): boolean {
  const plain = (d: ScenarioDraft) =>
    JSON.stringify({ ...d, capacity: d.capacity.map((l) => [l.key, l.hours]) });
  return plain(a) === plain(b);
}
