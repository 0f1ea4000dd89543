import type { DemandColumns, DemandSegments, LevellingInput } from '@baton/core/resources/index';
import { createRandom } from '../schedule/workload.ts';

export type GridWorkload = {
  resourceCount: number;
  periodCount: number;
  capacity: Float64Array;
  segments: DemandSegments;
};

/**
 * W2: `resources` people over `weeks` weeks and `assignments` bookings of 1–12 weeks each at
 * constant hours per week (one segment each), 10 % tentative, on 10,000 projects. Hours per week
 * are drawn so a typical person is booked to about 90 % with a fair share of weeks over capacity
 * (the scan must find and explain many runs). Assignments come grouped by resource unless
 * `order` is 'random'. The draws are those of the former per-period generator, so the demand is
 * the same as in earlier measurements.
 */
export function generateGridWorkload(
  resources: number,
  weeks: number,
  assignments: number,
  seed: number,
  order: 'by-resource' | 'random' = 'by-resource',
): GridWorkload {
  const rnd = createRandom(seed);
  // A loader reads assignments ORDER BY resource; 'random' measures what unordered input costs.
  const owners = Int32Array.from({ length: assignments }, () => Math.floor(rnd() * resources));
  if (order === 'by-resource') owners.sort();
  const capacity = new Float64Array(resources * weeks);
  for (let r = 0; r < resources; r++) capacity.fill(rnd() < 0.8 ? 40 : 32, r * weeks, (r + 1) * weeks);
  const spans = Int32Array.from({ length: assignments }, () => 1 + Math.floor(rnd() * 12));
  const resource = new Int32Array(assignments);
  const project = new Int32Array(assignments);
  const firstPeriod = new Int32Array(assignments);
  const lastPeriod = new Int32Array(assignments);
  const hoursPerPeriod = new Float64Array(assignments);
  const tentative = new Uint8Array(assignments);
  for (let i = 0; i < assignments; i++) {
    const span = spans[i] as number;
    resource[i] = owners[i] as number;
    project[i] = Math.floor(rnd() * 10_000);
    firstPeriod[i] = Math.floor(rnd() * (weeks - span + 1));
    lastPeriod[i] = (firstPeriod[i] as number) + span - 1;
    tentative[i] = rnd() < 0.1 ? 1 : 0;
    hoursPerPeriod[i] = 0.4 + rnd() * 2;
  }
  return {
    resourceCount: resources,
    periodCount: weeks,
    capacity,
    segments: { count: assignments, resource, project, firstPeriod, lastPeriod, hoursPerPeriod, tentative },
  };
}

/** The same demand as per-period rows (one hours entry per week of each segment): the baseline form. */
export function expandToPerPeriod(s: DemandSegments): DemandColumns {
  const n = s.count;
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++)
    offset[i + 1] = (offset[i] as number) + (s.lastPeriod[i] as number) - (s.firstPeriod[i] as number) + 1;
  const hours = new Float64Array(offset[n] as number);
  for (let i = 0; i < n; i++)
    hours.fill(s.hoursPerPeriod[i] as number, offset[i] as number, offset[i + 1] as number);
  return {
    count: n,
    resource: s.resource,
    project: s.project,
    firstPeriod: s.firstPeriod.slice(),
    hours,
    offset,
    tentative: s.tentative.slice(),
  };
}

/**
 * W2b: `projects` projects of `tasksPerProject` tasks on `resources` people over `days` working
 * days. Each project is a set of finish-to-start chains starting on a random day; starts and
 * total floats come from a forward and backward pass per project, so the input is a consistent
 * schedule. Each project draws its staff from 12 people; tasks ask 2–8 h a day of one or two.
 */
export function generateLevellingWorkload(
  projects: number,
  tasksPerProject: number,
  resources: number,
  days: number,
  seed: number,
): LevellingInput {
  const rnd = createRandom(seed);
  const n = projects * tasksPerProject;
  const start = new Int32Array(n);
  const duration = new Int32Array(n);
  const totalFloat = new Int32Array(n);
  const priority = new Float64Array(n);
  const project = new Int32Array(n);
  const demandOffset = new Int32Array(n + 1);
  const demandResource: number[] = [];
  const demandHours: number[] = [];
  const succCount = new Int32Array(n + 1);
  const links: [number, number][] = [];
  for (let p = 0; p < projects; p++) {
    const first = p * tasksPerProject;
    const staff = Array.from({ length: 12 }, () => Math.floor(rnd() * resources));
    const projectPriority = Math.floor(rnd() * 1000);
    const projectStart = Math.floor(rnd() * Math.max(1, days / 2));
    for (let k = 0; k < tasksPerProject; k++) {
      const t = first + k;
      duration[t] = 1 + Math.floor(rnd() * 10);
      priority[t] = projectPriority;
      project[t] = p;
      const r = rnd();
      const count = r < 0.05 ? 0 : r < 0.85 ? 1 : 2;
      const a = staff[Math.floor(rnd() * 12)] as number;
      let b = staff[Math.floor(rnd() * 12)] as number;
      if (b === a) b = (a + 1) % resources;
      if (count >= 1) {
        demandResource.push(a);
        demandHours.push(2 + Math.floor(rnd() * 7));
      }
      if (count === 2) {
        demandResource.push(b);
        demandHours.push(2 + Math.floor(rnd() * 4));
      }
      demandOffset[t + 1] = demandResource.length;
      // Links go to one of the next few tasks: chains with some fan-out, acyclic by construction.
      if (k < tasksPerProject - 1 && rnd() < 0.85) {
        const to = first + k + 1 + Math.floor(rnd() * Math.min(5, tasksPerProject - 1 - k));
        links.push([t, to]);
        succCount[t + 1] = (succCount[t + 1] as number) + 1;
      }
    }
    // Forward pass (links go forward in index, so index order is topological).
    for (let k = 0; k < tasksPerProject; k++) start[first + k] = projectStart;
  }
  for (let t = 0; t < n; t++) succCount[t + 1] = (succCount[t + 1] as number) + (succCount[t] as number);
  const successors = new Int32Array(links.length);
  const fillAt = succCount.slice(0, n);
  for (const [from, to] of links) {
    successors[fillAt[from] as number] = to;
    fillAt[from] = (fillAt[from] as number) + 1;
  }
  for (let t = 0; t < n; t++)
    for (let k = succCount[t] as number; k < (succCount[t + 1] as number); k++) {
      const s = successors[k] as number;
      start[s] = Math.max(start[s] as number, (start[t] as number) + (duration[t] as number));
    }
  // Backward pass per project against its finish.
  const late = new Int32Array(n);
  for (let p = 0; p < projects; p++) {
    const first = p * tasksPerProject;
    let finish = 0;
    for (let k = 0; k < tasksPerProject; k++)
      finish = Math.max(finish, (start[first + k] as number) + (duration[first + k] as number));
    for (let k = tasksPerProject - 1; k >= 0; k--) {
      const t = first + k;
      let lf = finish;
      for (let q = succCount[t] as number; q < (succCount[t + 1] as number); q++)
        lf = Math.min(lf, late[successors[q] as number] as number);
      late[t] = lf - (duration[t] as number);
      totalFloat[t] = (late[t] as number) - (start[t] as number);
    }
  }
  return {
    resourceCount: resources,
    dayCount: days,
    capacity: new Float64Array(resources * days).fill(8),
    tasks: {
      count: n,
      start,
      duration,
      totalFloat,
      priority,
      project,
      demandOffset,
      demandResource: Int32Array.from(demandResource),
      demandHoursPerDay: Float64Array.from(demandHours),
      successorOffset: succCount,
      successors,
    },
  };
}
