import { buildForecastNetwork, simulateNetwork } from '@baton/core';
import { generatePlan, report } from './plan.ts';

// Monte Carlo on one project: 10,000 iterations on a generated 1,000-task / ~1,500-link plan with
// 20 risks, tornado included (its second sweep replays the seeded stream). Target ≤ 2 s.
const iterations = Number(process.env.FORECAST_ITERATIONS ?? '10000');
const plan = generatePlan(1000, 42);
// Warm-up on a small plan so the timing is of a warm server process, not of the JIT.
const warm = generatePlan(100, 1);
simulateNetwork(buildForecastNetwork(warm.tasks, warm.links, warm.risks), { iterations: 2000, seed: 1 });
const t0 = performance.now();
const net = buildForecastNetwork(plan.tasks, plan.links, plan.risks);
const t1 = performance.now();
const r = simulateNetwork(net, { iterations, seed: 1 });
const t2 = performance.now();
report('forecast-project', 'tasks', r.taskCount, 'count');
report('forecast-project', 'links', net.inFrom.length, 'count');
report('forecast-project', 'iterations', r.iterations, 'count');
report('forecast-project', 'compile', t1 - t0, 'ms');
report('forecast-project', 'simulate (with tornado)', t2 - t1, 'ms');
report('forecast-project', 'total', t2 - t0, 'ms');
const t3 = performance.now();
simulateNetwork(net, { iterations, seed: 1, tornadoSize: 0 });
report('forecast-project', 'simulate (no tornado)', performance.now() - t3, 'ms');
report('forecast-project', 'P50 finish', r.finish.p50 / 480, 'working days');
report('forecast-project', 'P90 finish', r.finish.p90 / 480, 'working days');
