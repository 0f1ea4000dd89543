import { efficientFrontier } from '@baton/core/portfolio/index';
import { report } from '../schedule/workload.ts';
import { generatePortfolio } from './workload.ts';

// The efficient frontier of W3 (2,000 candidates): 20 budget factors from 0.05 to 1.5, default
// per-point limits. Target: ≤ 30 s in total, values non-decreasing.
const count = Math.round(2000 * Number(process.env.W3_SCALE ?? '1'));
const problem = generatePortfolio({ projects: count, seed: 3 });
const t = performance.now();
const points = await efficientFrontier(problem, {
  points: 20,
  onPoint: (p, i) =>
    report('W3-frontier', `point ${i + 1}: factor ${p.budgetFactor.toFixed(3)} value`, p.value, 'value'),
});
report('W3-frontier', 'candidates', count, 'count');
report('W3-frontier', '20 points: total time', performance.now() - t, 'ms');
let monotone = true;
for (let i = 1; i < points.length; i++)
  if ((points[i]?.value ?? 0) < (points[i - 1]?.value ?? 0)) monotone = false;
report('W3-frontier', 'values non-decreasing', monotone ? 1 : 0, 'flag');
report('W3-frontier', 'largest point gap to its bound', 100 * Math.max(...points.map((p) => p.gap)), '%');
report(
  'W3-frontier',
  'mean point gap to its bound',
  (100 * points.reduce((s, p) => s + p.gap, 0)) / points.length,
  '%',
);
