import type { ForecastBin } from './forecast-model.ts';

/** Percentiles of the portfolio: its latest finish (local minutes) and its total cost. */
export type PortfolioForecast = {
  readonly iterations: number;
  readonly projects: number;
  readonly finish: PortfolioFigure;
  readonly cost: PortfolioFigure;
};

export type PortfolioFigure = {
  readonly deterministic: number;
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p80: number;
  readonly p90: number;
  readonly histogram: readonly ForecastBin[];
};

/**
 * Combines project forecasts iteration by iteration — portfolio cost is the sum of the projects'
 * costs in the same iteration, portfolio finish the latest of their finishes — holding only two
 * arrays of `iterations` numbers, so any number of projects can be streamed through it.
 * Projects are independent draws (each with its own seed), so iteration i of two projects is a
 * joint outcome, not a pairing of their percentiles.
 */
export class PortfolioForecastAggregator {
  private readonly finish: Float64Array;
  private readonly cost: Float64Array;
  private detFinish = Number.NEGATIVE_INFINITY;
  private detCost = 0;
  private count = 0;

  readonly iterations: number;

  // No parameter property: the optimiser's worker loads core through Node's type stripping, which
  // does not support them (Node 24).
  constructor(iterations: number) {
    this.iterations = iterations;
    this.finish = new Float64Array(iterations).fill(Number.NEGATIVE_INFINITY);
    this.cost = new Float64Array(iterations);
  }

  /** Adds one project: its finish date per iteration (local minutes), cost per iteration and its plan. */
  add(
    finishDates: ArrayLike<number>,
    costs: ArrayLike<number>,
    plan: { readonly finish: number; readonly cost: number },
  ): void {
    if (finishDates.length !== this.iterations || costs.length !== this.iterations)
      throw new Error(`each project needs ${this.iterations} samples`);
    for (let i = 0; i < this.iterations; i++) {
      const f = finishDates[i] as number;
      if (f > (this.finish[i] as number)) this.finish[i] = f;
      this.cost[i] = (this.cost[i] as number) + (costs[i] as number);
    }
    if (plan.finish > this.detFinish) this.detFinish = plan.finish;
    this.detCost += plan.cost;
    this.count++;
  }

  /** The portfolio's percentiles so far (null before the first project). */
  result(bins = 20): PortfolioForecast | null {
    if (this.count === 0) return null;
    return {
      iterations: this.iterations,
      projects: this.count,
      finish: figure(this.finish, this.detFinish, bins),
      cost: figure(this.cost, this.detCost, bins),
    };
  }
}

function figure(values: Float64Array, deterministic: number, bins: number): PortfolioFigure {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const at = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))] as number;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i] as number;
  const min = sorted[0] as number;
  const max = sorted[n - 1] as number;
  const histogram: ForecastBin[] = [];
  if (max === min) histogram.push({ from: min, to: max, count: n, cumulative: 1 });
  else {
    const width = (max - min) / bins;
    const counts = new Array<number>(bins).fill(0);
    for (let i = 0; i < n; i++) {
      const b = Math.min(bins - 1, Math.floor(((sorted[i] as number) - min) / width));
      counts[b] = (counts[b] as number) + 1;
    }
    let cum = 0;
    counts.forEach((count, b) => {
      cum += count;
      histogram.push({
        from: min + b * width,
        to: b === bins - 1 ? max : min + (b + 1) * width,
        count,
        cumulative: cum / n,
      });
    });
  }
  return { deterministic, mean: sum / n, p10: at(0.1), p50: at(0.5), p80: at(0.8), p90: at(0.9), histogram };
}

/** A per-project seed derived from the run's seed and the project id (FNV-1a), so projects draw independently. */
export function projectSeed(seed: number, projectId: string): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < projectId.length; i++) {
    h ^= projectId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
