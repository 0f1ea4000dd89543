import type { LocalMinutes } from './local-time.ts';
import type { ScheduleResult } from './schedule-model.ts';

/** One project on the portfolio roadmap. */
export type RoadmapProject = {
  readonly projectId: string;
  readonly start: LocalMinutes;
  readonly finish: LocalMinutes;
  /** Least total float of its tasks (working minutes); negative when a date is missed. */
  readonly totalFloatMinutes: number;
  readonly critical: boolean;
  readonly milestones: readonly {
    readonly taskId: string;
    readonly date: LocalMinutes;
    readonly critical: boolean;
  }[];
  /** Projects with a task driving a task of this project (cross-project links). */
  readonly dependsOn: readonly string[];
};

/**
 * Builds the portfolio roadmap from a scheduled network: every project with its dates, float,
 * milestones and the projects it depends on, ordered by start then id.
 */
export function buildPortfolioRoadmap(
  result: ScheduleResult,
  links: readonly { readonly from: string; readonly to: string }[],
): RoadmapProject[] {
  if (result.status !== 'scheduled') return [];
  const byProject = new Map<
    string,
    { float: number; critical: boolean; milestones: RoadmapProject['milestones'][number][] }
  >();
  for (const p of result.projects.keys())
    byProject.set(p, { float: Number.POSITIVE_INFINITY, critical: false, milestones: [] });
  for (const t of result.tasks.values()) {
    const entry = byProject.get(t.projectId);
    if (!entry) continue;
    if (!t.summary) {
      entry.float = Math.min(entry.float, t.totalFloatMinutes);
      entry.critical ||= t.critical;
      if (t.milestone) entry.milestones.push({ taskId: t.id, date: t.finish, critical: t.critical });
    }
  }
  const depends = new Map<string, Set<string>>();
  for (const l of links) {
    const a = result.tasks.get(l.from)?.projectId;
    const b = result.tasks.get(l.to)?.projectId;
    if (a === undefined || b === undefined || a === b) continue;
    const set = depends.get(b) ?? new Set<string>();
    set.add(a);
    depends.set(b, set);
  }
  return [...result.projects.values()]
    .map((p) => {
      const e = byProject.get(p.id);
      return {
        projectId: p.id,
        start: p.start,
        finish: p.finish,
        totalFloatMinutes: e && Number.isFinite(e.float) ? e.float : 0,
        critical: e?.critical ?? false,
        milestones: [...(e?.milestones ?? [])].sort(
          (x, y) => x.date - y.date || x.taskId.localeCompare(y.taskId),
        ),
        dependsOn: [...(depends.get(p.id) ?? [])].sort(),
      };
    })
    .sort((x, y) => x.start - y.start || x.projectId.localeCompare(y.projectId));
}
