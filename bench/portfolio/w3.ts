import { buildModel, highs, solveModel } from '@baton/core/portfolio/highs-model';
import {
  heuristicPortfolio,
  optimizePortfolio,
  type PortfolioProblem,
  rankingPortfolio,
} from '@baton/core/portfolio/index';
import { compile } from '@baton/core/portfolio/model';
import { report } from '../schedule/workload.ts';
import { toLpText } from './lp-text.ts';
import { generatePortfolio } from './workload.ts';

// W3: portfolio selection, 2,000 candidates × 24 periods × 20 skills (start windows up to 5 starts,
// budget and capacity at 35–50 % of the ask): the Lagrangian heuristic (cold, then warm), its gap
// to its own bound and to the LP bound, the MIP to a 0.1 % gap within 10 s, the gain over the plain
// ranking; then 10,000 candidates with a 60 s limit. W3_SCALE=0.25 for a quick run.
const scale = Number(process.env.W3_SCALE ?? '1');
const count = Math.round(2000 * scale);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const pct = (a: number, b: number) => (100 * (a - b)) / Math.max(Math.abs(b), 1e-9);

const w3 = generatePortfolio({ projects: count, seed: 3 });
const c = compile(w3);
report('W3', 'candidates', count, 'count');
report('W3', 'columns (project × start)', c.colProject.length, 'count');
report('W3', 'limited rows', c.rowCount, 'count');
report('W3', 'mandatory', w3.projects.filter((p) => p.mandatory).length, 'count');
report('W3', 'requires / excludes', w3.projects.filter((p) => p.requires || p.excludes).length, 'count');

// Model building: arrays (what the engine does) against LP text, both into a HiGHS model.
const h = await highs();
{
  const arrays: number[] = [];
  const text: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    buildModel(h, c, { integer: true }).dispose();
    arrays.push(performance.now() - t);
    t = performance.now();
    const lp = toLpText(c);
    h.createModel({ format: 'lp', data: lp }).dispose();
    text.push(performance.now() - t);
  }
  report('W3', 'model build from arrays (median of 3)', median(arrays), 'ms');
  report('W3', 'model build from LP text (median of 3)', median(text), 'ms');
}

const ranking = rankingPortfolio(w3);
report('W3', 'ranking baseline objective', ranking.objective, 'value');

// The heuristic: the first call in a fresh process (what a cold worker pays), then warm runs.
const cold = heuristicPortfolio(w3);
report('W3', 'heuristic cold: time', cold.elapsedMs, 'ms');
report('W3', 'heuristic cold: gap to its bound', 100 * cold.gap, '%');
const warmRuns = Array.from({ length: 5 }, () => {
  const t = performance.now();
  const r = heuristicPortfolio(w3);
  return { ms: performance.now() - t, r };
});
const warm = warmRuns.map((x) => x.ms);
const mid = [...warmRuns].sort((a, b) => a.ms - b.ms)[2]?.r ?? cold;
report('W3', 'heuristic warm: time incl. validation (median of 5)', median(warm), 'ms');
report('W3', 'heuristic warm: objective', mid.objective, 'value');
report('W3', 'heuristic warm: its Lagrangian bound', mid.bound, 'value');
report('W3', 'heuristic warm: gap to its bound', 100 * mid.gap, '%');
const lpStart = performance.now();
const lp = await solveModel(c, { integer: false });
report('W3', 'LP relaxation: time', performance.now() - lpStart, 'ms');
report('W3', 'LP relaxation: bound', lp.objective, 'value');
report('W3', 'heuristic warm: gap to the LP bound', pct(lp.objective, mid.objective), '%');
report('W3', 'heuristic warm: gain over ranking', pct(mid.objective, ranking.objective), '%');

async function mip(problem: PortfolioProblem, label: string, timeLimitSeconds: number) {
  let reached: number | null = null;
  const t = performance.now();
  const s = await optimizePortfolio(problem, {
    timeLimitSeconds,
    gap: 1e-3,
    explain: false,
    onProgress: (p) => {
      if (reached === null && p.gap !== null && p.gap <= 1e-3) reached = p.elapsedMs;
    },
  });
  const ms = performance.now() - t;
  report(label, `MIP (limit ${timeLimitSeconds} s): time`, ms, 'ms');
  report(label, `MIP: status ${s.status}`, s.status === 'optimal' ? 1 : 0, 'optimal');
  report(label, 'MIP: time to proven gap ≤ 0.1 % (−1 = not reached)', reached ?? -1, 'ms');
  report(label, 'MIP: objective', s.objective, 'value');
  report(label, 'MIP: bound', s.bound, 'value');
  report(label, 'MIP: final gap', 100 * s.gap, '%');
  report(label, 'MIP: heuristic phase objective', s.heuristic.objective, 'value');
  return s;
}
const s = await mip(w3, 'W3', 10);
report('W3', 'MIP: gain over ranking', pct(s.objective, ranking.objective), '%');

// The same instance with only 4 of the 20 skills as scarce as the budget (the rest at 70–100 % of
// their ask): a portfolio with a few bottleneck skills, as most organisations have.
{
  const b = generatePortfolio({ projects: count, seed: 3, bottlenecks: 4, looseTightness: [0.7, 1] });
  const bcomp = compile(b);
  heuristicPortfolio(b);
  const t = performance.now();
  const hb = heuristicPortfolio(b);
  report('W3-bottlenecks', 'heuristic warm: time', performance.now() - t, 'ms');
  const blp = await solveModel(bcomp, { integer: false });
  report('W3-bottlenecks', 'LP relaxation: bound', blp.objective, 'value');
  report('W3-bottlenecks', 'heuristic warm: gap to the LP bound', pct(blp.objective, hb.objective), '%');
  const sb = await mip(b, 'W3-bottlenecks', 10);
  report('W3-bottlenecks', 'MIP: gain over ranking', pct(sb.objective, rankingPortfolio(b).objective), '%');
}

if (process.env.W3_LARGE !== '0') {
  const big = generatePortfolio({ projects: Math.round(10_000 * scale), seed: 4 });
  const bc = compile(big);
  report('W3-10k', 'candidates', big.projects.length, 'count');
  report('W3-10k', 'columns (project × start)', bc.colProject.length, 'count');
  const t = performance.now();
  const hb = heuristicPortfolio(big, { timeBudgetMs: 1000 });
  report('W3-10k', 'heuristic (1 s budget): time', performance.now() - t, 'ms');
  report('W3-10k', 'heuristic: gap to its bound', 100 * hb.gap, '%');
  const rb = rankingPortfolio(big);
  const sb = await mip(big, 'W3-10k', 60);
  report('W3-10k', 'MIP: gain over ranking', pct(sb.objective, rb.objective), '%');
}
