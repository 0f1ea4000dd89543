import {
  addBuilderLink,
  addBuilderProject,
  addBuilderTask,
  buildDayResolvers,
  type CalendarDefinition,
  compileWorkCalendar,
  create24HourCalendar,
  createNetworkBuilder,
  createNightShiftCalendar,
  createStandardCalendar,
  encodeLocalDateTime,
  getDayNumber,
  type NetworkBuilder,
} from '@baton/core/schedule/index';

/** Deterministic PRNG (mulberry32) so every run builds the same workload. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The five calendars of the W1 workload. */
export function createWorkloadCalendars(): CalendarDefinition[] {
  const standard = createStandardCalendar('standard');
  const holidays: CalendarDefinition = {
    id: 'holidays',
    baseId: 'standard',
    week: [null, null, null, null, null, null, null],
    exceptions: [
      {
        name: 'New year',
        from: encodeLocalDateTime(2026, 1, 1),
        to: encodeLocalDateTime(2030, 1, 1),
        working: [],
        recurrence: { kind: 'yearlyByDay', month: 1, monthDay: 1 },
      },
      {
        name: 'Christmas',
        from: encodeLocalDateTime(2026, 12, 25),
        to: encodeLocalDateTime(2030, 12, 26),
        working: [],
        recurrence: { kind: 'yearlyByDay', month: 12, monthDay: 25 },
      },
      {
        name: 'Summer',
        from: encodeLocalDateTime(2026, 8, 3),
        to: encodeLocalDateTime(2026, 8, 14),
        working: [],
      },
    ],
  };
  const sixDay: CalendarDefinition = {
    id: 'six-day',
    week: [
      [],
      ...Array.from({ length: 6 }, () => [
        { from: 7 * 60, to: 11 * 60 },
        { from: 12 * 60, to: 16 * 60 },
      ]),
    ],
  };
  return [standard, holidays, create24HourCalendar('24h'), createNightShiftCalendar('night'), sixDay];
}

export type WorkloadShape = {
  projects: number;
  tasksPerProject: number;
  linksPerProject: number;
  /** The first `bigProjects` projects get `bigProjectTasks` tasks (W1b edits those). */
  bigProjects?: number;
  bigProjectTasks?: number;
  crossLinks: number;
  seed: number;
};

/** Builds the W1 portfolio directly into a network builder (no string look-ups). */
export function generateWorkload(shape: WorkloadShape): {
  builder: NetworkBuilder;
  start: number;
  firstTask: number[];
} {
  const rnd = createRandom(shape.seed);
  const start = encodeLocalDateTime(2026, 1, 5, 8, 0);
  const defs = createWorkloadCalendars();
  const { resolvers } = buildDayResolvers(defs);
  const calendars = defs.map((d) => {
    const r = resolvers.get(d.id);
    if (!r) throw new Error(`calendar ${d.id}`);
    return compileWorkCalendar(d.id, r, getDayNumber(start));
  });
  const b = createNetworkBuilder(calendars);
  const firstTask: number[] = [];
  for (let p = 0; p < shape.projects; p++) {
    const big = p < (shape.bigProjects ?? 0);
    const n = big ? (shape.bigProjectTasks ?? 1000) : shape.tasksPerProject;
    const linkCount = Math.round((shape.linksPerProject * n) / shape.tasksPerProject);
    const projectCal = p % 10 === 0 ? 1 : 0;
    const project = addBuilderProject(b, {
      id: `P${p}`,
      calendar: projectCal,
      fromFinish: false,
      start: start + Math.floor(rnd() * 200) * 1440,
    });
    const first = b.taskIds.length;
    firstTask.push(first);
    for (let t = 0; t < n; t++) {
      const r = rnd();
      const cal = r < 0.8 ? projectCal : Math.floor(rnd() * 5);
      const milestone = rnd() < 0.05;
      const constrained = rnd() < 0.02;
      const ctype = constrained ? 2 + Math.floor(rnd() * 6) : 0;
      addBuilderTask(b, {
        id: `P${p}-T${t}`,
        project,
        duration: milestone ? 0 : (1 + Math.floor(rnd() * 10)) * 480,
        calendar: cal,
        lagCalendar: projectCal,
        constraintType: ctype,
        constraintDate: start + Math.floor(rnd() * 400) * 1440,
      });
    }
    for (let l = 0; l < linkCount; l++) {
      // Links go forward in task order, mostly to near successors, so the network is acyclic.
      const a = Math.floor(rnd() * (n - 1));
      const span = 1 + Math.floor(rnd() * Math.min(10, n - 1 - a));
      const to = a + span;
      const r = rnd();
      const type = r < 0.8 ? 0 : r < 0.9 ? 1 : r < 0.97 ? 2 : 3;
      const lr = rnd();
      let lagKind = 0;
      let lag = 0;
      if (lr < 0.1) lag = Math.floor(rnd() * 5) * 480;
      else if (lr < 0.15) lag = -Math.floor(rnd() * 2) * 480;
      else if (lr < 0.2) {
        lagKind = 1;
        lag = Math.floor(rnd() * 4) * 1440;
      } else if (lr < 0.23) {
        lagKind = 2;
        lag = Math.floor(rnd() * 100);
      }
      addBuilderLink(b, first + a, first + to, type, lagKind, lag);
    }
  }
  // Cross-project links from an earlier project to a later one keep the portfolio acyclic.
  const sizeOf = (p: number): number =>
    ((firstTask[p + 1] ?? b.taskIds.length) as number) - (firstTask[p] as number);
  for (let c = 0; c < shape.crossLinks; c++) {
    const p1 = Math.floor(rnd() * (shape.projects - 1));
    const p2 = p1 + 1 + Math.floor(rnd() * Math.min(50, shape.projects - 1 - p1));
    const from = (firstTask[p1] as number) + Math.floor(rnd() * sizeOf(p1));
    const to = (firstTask[p2] as number) + Math.floor(rnd() * sizeOf(p2));
    addBuilderLink(b, from, to, 0, 0, 0);
  }
  return { builder: b, start, firstTask };
}

/** Prints one benchmark figure as a JSON line. */
export function report(name: string, metric: string, value: number, unit: string): void {
  console.log(JSON.stringify({ name, metric, value: Math.round(value * 100) / 100, unit }));
}
