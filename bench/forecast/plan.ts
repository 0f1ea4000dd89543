import type { ForecastLink, ForecastRisk, ForecastTask } from '@baton/core';

/** A seeded generator of plans for the forecast benchmarks (mulberry32: fast and good enough for fixtures). */
export function generatePlan(
  tasks: number,
  seed: number,
): { tasks: ForecastTask[]; links: ForecastLink[]; risks: ForecastRisk[] } {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const out: ForecastTask[] = [];
  const links: ForecastLink[] = [];
  for (let i = 0; i < tasks; i++) {
    const d = 480 * (1 + Math.floor(rand() * 15));
    const spread = 0.1 + rand() * 0.3;
    const cost = 100_000 + Math.floor(rand() * 2_000_000);
    out.push({
      id: `T${i}`,
      name: `Task ${i}`,
      durationMinutes: d,
      optimisticMinutes: Math.round(d * (1 - spread / 2)),
      pessimisticMinutes: Math.round(d * (1 + spread)),
      costMinor: cost,
      costLowMinor: Math.round(cost * (1 - spread / 2)),
      costHighMinor: Math.round(cost * (1 + spread)),
    });
    // About 1.5 links per task, to nearby earlier tasks (a realistic, mostly serial-parallel network).
    if (i > 0) {
      const count = rand() < 0.5 ? 1 : 2;
      for (let k = 0; k < count; k++) {
        const from = Math.max(0, i - 1 - Math.floor(rand() * 20));
        const type = rand() < 0.85 ? 'FS' : rand() < 0.5 ? 'SS' : 'FF';
        links.push({ from: `T${from}`, to: `T${i}`, type, lagMinutes: rand() < 0.1 ? 480 : 0 });
      }
    }
  }
  const risks: ForecastRisk[] = Array.from({ length: Math.max(1, Math.round(tasks / 50)) }, (_, i) => ({
    id: `R${i}`,
    name: `Risk ${i}`,
    probability: 0.1 + rand() * 0.6,
    scheduleImpactDays: Math.floor(rand() * 15),
    costImpactMinor: Math.floor(rand() * 5_000_000),
  }));
  return { tasks: out, links, risks };
}

export function report(name: string, metric: string, value: number, unit: string): void {
  console.log(JSON.stringify({ name, metric, value: Math.round(value * 100) / 100, unit }));
}
