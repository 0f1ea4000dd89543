import { buildForecastNetwork, PortfolioForecastAggregator, projectSeed, simulateNetwork } from '@baton/core';
import { generatePlan, report } from './plan.ts';

// Monte Carlo on the whole portfolio: 10,000 generated projects of 100 tasks (1,000,000 tasks),
// streamed one by one through the aggregator (memory O(iterations)), as the background job does.
// Target ≤ 60 s. FORECAST_PROJECTS / FORECAST_ITERATIONS override the size.
const projects = Number(process.env.FORECAST_PROJECTS ?? '10000');
const iterations = Number(process.env.FORECAST_ITERATIONS ?? '1000');
const tasksPerProject = 100;
let peak = 0;
const t0 = performance.now();
const agg = new PortfolioForecastAggregator(iterations);
for (let p = 0; p < projects; p++) {
  const plan = generatePlan(tasksPerProject, p + 1);
  const r = simulateNetwork(buildForecastNetwork(plan.tasks, plan.links, plan.risks), {
    iterations,
    seed: projectSeed(1, `P${p}`),
    keepSamples: true,
    tornadoSize: 0,
  });
  // Offsets stand in for dates here: every generated project starts on the same day.
  agg.add(r.samples?.finish ?? [], r.samples?.cost ?? [], {
    finish: r.finish.deterministic,
    cost: r.cost.deterministic,
  });
  if (p % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
const result = agg.result();
const t1 = performance.now();
report('forecast-portfolio', 'projects', projects, 'count');
report('forecast-portfolio', 'tasks', projects * tasksPerProject, 'count');
report('forecast-portfolio', 'iterations', iterations, 'count');
report('forecast-portfolio', 'total', t1 - t0, 'ms');
report('forecast-portfolio', 'per project', (t1 - t0) / projects, 'ms');
report('forecast-portfolio', 'peak rss', peak / 1_048_576, 'MiB');
report('forecast-portfolio', 'P50 latest finish', (result?.finish.p50 ?? 0) / 480, 'working days');
