import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';

const DAY = 480;

/** A plan shape every demo project shares: phases with linked tasks and milestones. */
const PLAN: { phase: string; tasks: { name: string; days: number; milestone?: boolean }[] }[] = [
  {
    phase: 'Initiation',
    tasks: [
      { name: 'Business case sign-off', days: 3 },
      { name: 'Charter approved', days: 0, milestone: true },
    ],
  },
  {
    phase: 'Design',
    tasks: [
      { name: 'Requirements workshops', days: 8 },
      { name: 'Solution design', days: 10 },
      { name: 'Design authority review', days: 0, milestone: true },
    ],
  },
  {
    phase: 'Delivery',
    tasks: [
      { name: 'Build', days: 25 },
      { name: 'Data migration', days: 12 },
      { name: 'Testing', days: 15 },
      { name: 'Go-live', days: 0, milestone: true },
    ],
  },
];

const today = () => new Date().toISOString().slice(0, 10);
const working = (from: string, to: string) => {
  let n = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t).getUTCDay();
    if (d !== 0 && d !== 6) n++;
  }
  return n;
};

/**
 * Progress against the baseline and actual costs, so earned value is not trivial: each project runs
 * at its own pace (some ahead, most behind) and its own cost efficiency (some over budget).
 */
async function progressAndActuals(s: Services, projectId: string, n: number): Promise<void> {
  const pace = [1.05, 0.8, 0.92, 0.65, 1, 0.75][n % 6] as number;
  const spend = [0.95, 1.25, 1.05, 1.4, 0.9, 1.15][n % 6] as number;
  const day = today();
  const plan = await s.schedule.view(projectId);
  const items: { taskId: string; minutes: number; costMinor: number; firstDate: string }[] = [];
  const progress = new Map<string, number>();
  for (const t of plan.tasks) {
    if (t.summary || t.milestone || !t.start || !t.finish || t.costMinor === 0) continue;
    const start = t.start.slice(0, 10);
    const finish = t.finish.slice(0, 10);
    if (start > day) continue;
    const due = finish <= day ? 1 : working(start, day) / Math.max(1, working(start, finish));
    const percent = Math.max(0, Math.min(100, Math.round(100 * due * pace)));
    if (percent === 0) continue;
    progress.set(t.id, percent);
    items.push({
      taskId: t.id,
      minutes: 0,
      costMinor: Math.round((t.costMinor * percent * spend) / 100),
      firstDate: start,
    });
  }
  if (items.length === 0) return;
  // Actuals first (booking recomputes progress from work), then the progress the team reports.
  await s.schedule.recordActuals(SYSTEM_ACTOR, items);
  for (const [id, percent] of progress) {
    const fresh = (await s.schedule.view(projectId)).tasks.find((x) => x.id === id);
    if (fresh && fresh.percentComplete !== percent)
      await s.tasks.update(SYSTEM_ACTOR, id, { version: fresh.version, percentComplete: percent });
  }
}

/**
 * Gives a few running demo projects a plan (phases, linked tasks, milestones, a baseline, some
 * progress) and links two of them across projects, so the Gantt and the roadmap have something to show.
 */
export async function loadDemoSchedules(s: Services, projectIds: readonly string[]): Promise<void> {
  const a = SYSTEM_ACTOR;
  const goLives: string[] = [];
  const firstTasks: string[] = [];
  for (const [n, projectId] of projectIds.entries()) {
    const project = await s.projects.get(projectId);
    const view = await s.schedule.view(projectId);
    if (project.plannedStart) {
      await s.schedule.updateSettings(a, projectId, {
        version: view.settings.version,
        start: `${project.plannedStart}T08:00:00`,
      });
    }
    let previous: string | null = null;
    for (const { phase, tasks } of PLAN) {
      const summary = await s.tasks.create(a, projectId, { name: phase });
      const phaseId = summary.tasks.find((t) => t.name === phase)?.id ?? null;
      for (const [k, t] of tasks.entries()) {
        const durationMinutes = Math.round(t.days * DAY * (1 + (n % 3) * 0.2));
        // about 650.00 a day of effort, more for the build
        const costMinor = Math.round(t.days * (t.name === 'Build' ? 90_000 : 65_000) * (1 + (n % 3) * 0.2));
        // Three-point estimates for the forecasts: a 10–40 % spread, skewed late (as overruns are).
        const spread = [0.1, 0.2, 0.3, 0.4][(k + n) % 4] ?? 0.2;
        const estimated = !t.milestone && durationMinutes > 0;
        const created = await s.tasks.create(a, projectId, {
          name: t.name,
          parentId: phaseId,
          durationMinutes,
          milestone: t.milestone ?? false,
          costMinor,
          ...(estimated
            ? {
                optimisticMinutes: Math.round(durationMinutes * (1 - spread / 2)),
                pessimisticMinutes: Math.round(durationMinutes * (1 + spread)),
                costLowMinor: Math.round(costMinor * (1 - spread / 4)),
                costHighMinor: Math.round(costMinor * (1 + spread)),
              }
            : {}),
        });
        const id = created.tasks.find((x) => x.name === t.name)?.id;
        if (!id) continue;
        if (previous) {
          const type = t.name === 'Data migration' ? 'SS' : 'FS';
          await s.tasks.createLink(a, {
            predecessorId: previous,
            successorId: id,
            type,
            lagKind: 'working',
            lag: type === 'SS' ? 5 * DAY : 0,
          });
        }
        if (t.name !== 'Data migration') previous = id;
        if (t.name === 'Go-live') goLives.push(id);
        if (t.name === 'Business case sign-off') firstTasks.push(id);
      }
    }
    await s.scheduleAnalysis.saveBaseline(a, projectId, { name: 'Approved plan' });
    // progress and a slip on the first task, so plans differ from their baselines
    const plan = await s.schedule.view(projectId);
    const first = plan.tasks.find((t) => t.name === 'Business case sign-off');
    const build = plan.tasks.find((t) => t.name === 'Build');
    if (first?.start) {
      await s.tasks.update(a, first.id, {
        version: first.version,
        actualStart: first.start,
        percentComplete: 100,
        actualFinish: first.finish,
      });
    }
    if (build && n % 2 === 0)
      await s.tasks.update(a, build.id, {
        version: build.version,
        durationMinutes: build.durationMinutes + 5 * DAY,
        // the pessimistic estimate moves with the slip (it may not fall below the most likely)
        pessimisticMinutes: Math.max(build.pessimisticMinutes ?? 0, build.durationMinutes + 8 * DAY),
      });
    await progressAndActuals(s, projectId, n);
    // A quantified delivery risk on each planned project, so its Monte Carlo forecast has one to weigh
    // (rated low, so the health and the high-risk counts stay as they were).
    await s.risks.create(a, {
      projectId,
      title: ['Go-live window moves', 'Supplier capacity short', 'Acceptance testing finds rework'][
        n % 3
      ] as string,
      probability: 2,
      impact: 2,
      status: 'open',
      scheduleImpactDays: 5 + (n % 3) * 5,
      costImpactMinor: 1_000_000 + n * 250_000,
      probabilityPercent: [30, 45, 25, 50, 35, 40][n % 6] ?? 30,
    });
  }
  // one project's go-live drives the next project's start (a cross-project dependency)
  const [goLive] = goLives;
  const next = firstTasks[1];
  if (goLive && next)
    await s.tasks.createLink(a, {
      predecessorId: goLive,
      successorId: next,
      type: 'FS',
      lagKind: 'working',
      lag: 0,
    });
}
