/** A portfolio selection problem: choose projects and their start periods within budgets and capacity. */
export type PortfolioProblem = {
  /** N: periods 0 … N−1. */
  periods: number;
  /** Total cost limit per period (length N). */
  budget: number[];
  /** Optional per-category cost limits (e.g. capex, opex), length N each. */
  budgetByCategory?: Record<string, number[]>;
  /** Capacity per skill or role and period, length N each. */
  capacity: Record<string, number[]>;
  projects: PortfolioCandidate[];
};

export type PortfolioCandidate = {
  id: string;
  /** The value of doing the project (≥ 0). */
  value: number;
  /** Cost per period relative to the start period. */
  cost: number[];
  /** Cost per category and period relative to the start, for categories in budgetByCategory. */
  costByCategory?: Record<string, number[]>;
  /** Demand per skill and period relative to the start. */
  demand: Record<string, number[]>;
  /** Start window (inclusive); every start must leave room for the whole profile. */
  earliestStart: number;
  latestStart: number;
  mandatory?: boolean;
  forcedOut?: boolean;
  /** Selected ⇒ each of these selected. */
  requires?: string[];
  /** Never selected together with any of these. */
  excludes?: string[];
  /** Informational risk, 0 … 1; the model ignores it. */
  risk?: number;
};

export type Selection = { id: string; start: number }[];

export type ConstraintRef = { kind: 'budget' | 'category' | 'capacity'; key: string | null; period: number };
export type BindingConstraint = ConstraintRef & { used: number; limit: number; shadowPrice: number | null };
export type ExcludedProject = {
  id: string;
  reason: string;
  kind: 'forced-out' | 'requires' | 'excludes' | 'budget' | 'category' | 'capacity' | 'value';
  /** How much more of each limit, at the project's best start, would let it in without removing anything. */
  blocking: (ConstraintRef & { shortfall: number })[];
  /** How much more value would bring it into the optimal selection; null when not computed. */
  valueToEnter: number | null;
};
export type PortfolioProgress = {
  phase: 'heuristic' | 'mip';
  objective: number | null;
  bound: number | null;
  gap: number | null;
  elapsedMs: number;
};
export type PortfolioSolution = {
  status: 'optimal' | 'feasible' | 'infeasible';
  objective: number;
  bound: number;
  /** (bound − objective) / max(|objective|, 1e-9); 0 when proven optimal or infeasible. */
  gap: number;
  selected: Selection;
  binding: BindingConstraint[];
  excluded: ExcludedProject[];
  /** When infeasible: the constraints in conflict, in words. */
  conflicts: string[];
  heuristic: { objective: number; bound: number; gap: number; elapsedMs: number; selected: Selection };
  elapsedMs: number;
};
export type OptimiseOptions = {
  timeLimitSeconds?: number;
  /** Relative gap at which the solve stops as optimal (default 1e-4). */
  gap?: number;
  /** Compute exclusion reasons and value-to-enter (default true). */
  explain?: boolean;
  /** Names of the periods for messages (default "period 1", "period 2", …). */
  periodLabels?: string[];
  /** A feasible selection to start from. */
  start?: Selection;
  onProgress?: (p: PortfolioProgress) => void;
};
export type FrontierPoint = {
  budgetFactor: number;
  budget: number[];
  value: number;
  bound: number;
  gap: number;
  selected: Selection;
};
