import { runWithTemporaryEdit } from './incremental.ts';
import type { LocalMinutes } from './local-time.ts';
import type { CompiledNetwork } from './network.ts';
import { NODE_LEAF, NODE_SUMMARY_IN } from './network.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { findStartAtWork, getWorkPosition } from './work-calendar.ts';

/** How a task slips: its finish moves (duration grows) or its whole bar moves (start delayed). */
export type SlipMode = 'finish' | 'start';

/** One task moved by a slip. */
export type TaskImpact = {
  readonly taskId: string;
  readonly projectId: string;
  readonly milestone: boolean;
  readonly summary: boolean;
  readonly newStart: LocalMinutes;
  readonly newFinish: LocalMinutes;
  /** Working minutes (task calendar) the start and finish move; positive = later. */
  readonly startDeltaMinutes: number;
  readonly finishDeltaMinutes: number;
};

/** One project whose finish moved. */
export type ProjectImpact = {
  readonly projectId: string;
  readonly oldFinish: LocalMinutes;
  readonly newFinish: LocalMinutes;
  /** Working minutes of the project calendar. */
  readonly finishDeltaMinutes: number;
};

/** Answer to "if this task slips N, what moves and by how much". */
export type ImpactResult = {
  readonly tasks: readonly TaskImpact[];
  readonly milestones: readonly TaskImpact[];
  readonly projects: readonly ProjectImpact[];
};

/**
 * Answers "if task `task` slips by `minutes` working minutes, which tasks, milestones and projects
 * move and by how much", on a scheduled network which is left unchanged afterwards.
 */
export function queryImpact(
  net: CompiledNetwork,
  task: number,
  minutes: number,
  mode: SlipMode = 'finish',
): ImpactResult {
  const leaf = net.taskInNode[task] as number;
  if (net.nodeKind[leaf] !== NODE_LEAF) throw new Error('impact queries take a leaf task, not a summary');
  const cal = net.calendars[net.calendar[leaf] as number] as WorkCalendar;
  const oldFinish = net.projectFinish.slice();
  const edit =
    mode === 'finish'
      ? net.remaining[leaf] !== -1 && net.remaining[leaf] !== undefined
        ? {
            durationMinutes: (net.duration[leaf] as number) + minutes,
            remainingMinutes: (net.remaining[leaf] as number) + minutes,
          }
        : { durationMinutes: (net.duration[leaf] as number) + minutes }
      : // The whole bar moves: hold the start `minutes` of working time later, where work resumes.
        {
          constraint: {
            type: 'SNET' as const,
            date: findStartAtWork(cal, getWorkPosition(cal, net.es[leaf] as number) + minutes),
          },
        };
  return runWithTemporaryEdit(net, task, edit, (changed, before) => {
    const tasks: TaskImpact[] = [];
    const seenTasks = new Set<number>();
    for (const n of changed) {
      const kind = net.nodeKind[n];
      if (kind === NODE_SUMMARY_IN) continue;
      const t = net.nodeTask[n] as number;
      if (seenTasks.has(t)) continue;
      const old = before.get(n);
      if (!old) continue;
      const es = net.es[n] as number;
      const ef = net.ef[n] as number;
      if (es === old.es && ef === old.ef) continue;
      seenTasks.add(t);
      const c = net.calendars[net.calendar[n] as number] as WorkCalendar;
      tasks.push({
        taskId: net.taskIds[t] as string,
        projectId: net.projectIds[net.project[n] as number] as string,
        milestone: net.milestoneFlag[n] === 1,
        summary: kind !== NODE_LEAF,
        newStart: es,
        newFinish: ef,
        startDeltaMinutes: getWorkPosition(c, es) - getWorkPosition(c, old.es),
        finishDeltaMinutes: getWorkPosition(c, ef) - getWorkPosition(c, old.ef),
      });
    }
    tasks.sort((a, b) => a.taskId.localeCompare(b.taskId));
    const projects: ProjectImpact[] = [];
    for (let p = 0; p < net.projectIds.length; p++) {
      const before = oldFinish[p] as number;
      const after = net.projectFinish[p] as number;
      if (before === after) continue;
      const pc = net.calendars[net.projectCalendar[p] as number] as WorkCalendar;
      projects.push({
        projectId: net.projectIds[p] as string,
        oldFinish: before,
        newFinish: after,
        finishDeltaMinutes: getWorkPosition(pc, after) - getWorkPosition(pc, before),
      });
    }
    return { tasks, milestones: tasks.filter((t) => t.milestone), projects };
  });
}
