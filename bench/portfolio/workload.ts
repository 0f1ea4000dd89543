import type { PortfolioCandidate, PortfolioProblem } from '@baton/core/portfolio/index';
import { createRandom } from '../schedule/workload.ts';

export type W3Options = {
  projects: number;
  periods?: number;
  skills?: number;
  /** Widest start window in periods (latestStart − earliestStart), so up to window + 1 starts. */
  window?: number;
  /** Fraction of the total ask each budget and capacity row gets (drawn per row in this range). */
  tightness?: [number, number];
  seed?: number;
  /** Spread (σ of the log) of project sizes (default 0.8). */
  sizeSpread?: number;
  /** Most skills one project draws on (default 4). */
  maxSkills?: number;
  /**
   * Limits the same in every period, as a team's headcount or an evenly split annual budget are
   * (default true); false sets each period's limit from that period's ask instead.
   */
  flatLimits?: boolean;
  /**
   * Capacity tightness of the skills that are not bottlenecks (default: the same as `tightness`,
   * every skill as scarce as the budget). With `bottlenecks`, only that many skills get `tightness`.
   */
  looseTightness?: [number, number];
  /** How many skills are as scarce as the budget (default: all of them). */
  bottlenecks?: number;
};

/**
 * The W3 portfolio workload: candidates with 3–12 period profiles that ramp up and down, cost
 * driven by a lognormal size, value correlated with cost (a noisy value-for-money ratio), demand
 * on one to four skills proportional to cost, capex/opex split, start windows up to `window`
 * periods; budget and capacity per period at 35–50 % of what every candidate would ask there, so
 * most candidates cannot go ahead. A few requirements, exclusions and mandatory projects.
 */
export function generatePortfolio(o: W3Options): PortfolioProblem {
  const rand = createRandom(o.seed ?? 3);
  const N = o.periods ?? 24;
  const S = o.skills ?? 20;
  const maxWindow = o.window ?? 4;
  const [lo, hi] = o.tightness ?? [0.35, 0.5];
  const normal = () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const skills = Array.from({ length: S }, (_, k) => `skill-${String(k + 1).padStart(2, '0')}`);
  const projects: PortfolioCandidate[] = [];
  for (let i = 0; i < o.projects; i++) {
    const duration = 3 + Math.floor(rand() * 10);
    const earliestStart = Math.floor(rand() * (N - duration + 1));
    const latestStart = Math.min(N - duration, earliestStart + Math.floor(rand() * (maxWindow + 1)));
    const size = 20_000 * Math.exp((o.sizeSpread ?? 0.8) * normal());
    // A ramp: lower in the first and last periods, with period-to-period noise.
    const shape = Array.from({ length: duration }, (_, k) => {
      const edge = Math.min(k + 1, duration - k);
      return Math.min(1, 0.4 + 0.3 * edge) * (0.8 + 0.4 * rand());
    });
    const cost = shape.map((x) => Math.round(size * x));
    const capexShare = rand() < 0.5 ? 0.2 + 0.6 * rand() : 0;
    const capex = cost.map((c) => Math.round(c * capexShare));
    const opex = cost.map((c, k) => c - (capex[k] as number));
    const total = cost.reduce((a, b) => a + b, 0);
    const value = Math.round(total * 1.6 * Math.exp(0.45 * normal()));
    const demand: Record<string, number[]> = {};
    const used = 1 + Math.floor(rand() * (o.maxSkills ?? 4));
    for (let k = 0; k < used; k++) {
      const skill = skills[Math.floor(rand() * S)] as string;
      const rate = 60 + 60 * rand();
      demand[skill] = cost.map((c, t) => {
        const prev = demand[skill]?.[t] ?? 0;
        return prev + Math.round((c / rate) * (0.6 + 0.8 * rand()));
      });
    }
    projects.push({
      id: `P${String(i + 1).padStart(5, '0')}`,
      value,
      cost,
      costByCategory: { capex, opex },
      demand,
      earliestStart,
      latestStart,
      risk: Math.round(rand() * 100) / 100,
    });
  }
  // Dependencies between neighbours in the list; a few exclusive alternatives; ~0.5 % mandatory
  // (small projects, no dependencies, so the mandatory set fits).
  const count = projects.length;
  for (let i = 0; i < count; i++) {
    const p = projects[i] as PortfolioCandidate;
    const r = rand();
    if (r < 0.02 && i > 0) p.requires = [(projects[Math.floor(rand() * i)] as PortfolioCandidate).id];
    else if (r < 0.04 && i > 0) p.excludes = [(projects[Math.floor(rand() * i)] as PortfolioCandidate).id];
  }
  const dependent = new Set<string>();
  for (const p of projects) for (const q of [...(p.requires ?? []), ...(p.excludes ?? [])]) dependent.add(q);
  const mandatoryCount = Math.max(1, Math.round(count * 0.005));
  const smallest = projects
    .filter((p) => !p.requires && !p.excludes && !dependent.has(p.id))
    .sort((a, b) => sum(a.cost) - sum(b.cost))
    .slice(0, mandatoryCount * 4);
  for (let k = 0; k < mandatoryCount && smallest.length; k++) {
    const j = Math.floor(rand() * smallest.length);
    (smallest.splice(j, 1)[0] as PortfolioCandidate).mandatory = true;
  }
  // Limits: a share of what every candidate would ask in each period, averaged over its window.
  const ask = (profile: (p: PortfolioCandidate) => number[] | undefined) => {
    const out = new Array<number>(N).fill(0);
    for (const p of projects) {
      const prof = profile(p);
      if (!prof) continue;
      const starts = p.latestStart - p.earliestStart + 1;
      for (let s = p.earliestStart; s <= p.latestStart; s++)
        prof.forEach((a, k) => {
          out[s + k] = (out[s + k] as number) + a / starts;
        });
    }
    return out;
  };
  const limitOf = (a: number[], scale = 1, range: [number, number] = [lo, hi]) => {
    const [rlo, rhi] = range;
    if (o.flatLimits ?? true) {
      const level = (sum(a) / N) * scale * (rlo + (rhi - rlo) * rand());
      return a.map(() => Math.round(level * (0.95 + 0.1 * rand())));
    }
    return a.map((x) => Math.round(x * scale * (rlo + (rhi - rlo) * rand())));
  };
  const capacity: Record<string, number[]> = {};
  const bottlenecks = o.bottlenecks ?? S;
  skills.forEach((k, i) => {
    capacity[k] = limitOf(
      ask((p) => p.demand[k]),
      1,
      i < bottlenecks ? [lo, hi] : (o.looseTightness ?? [lo, hi]),
    );
  });
  return {
    periods: N,
    budget: limitOf(ask((p) => p.cost)),
    // Category limits looser than the total, so they bind only here and there.
    budgetByCategory: {
      capex: limitOf(
        ask((p) => p.costByCategory?.capex),
        1.4,
      ),
      opex: limitOf(
        ask((p) => p.costByCategory?.opex),
        1.4,
      ),
    },
    capacity,
    projects,
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
