import type { CompiledInput } from './compile-input.ts';
import { CONSTRAINT_NAMES, compileScheduleInput } from './compile-input.ts';
import { findCriticalPaths, isCriticalNode } from './critical-path.ts';
import { formatLocalDateTime, NO_TIME_MAX } from './local-time.ts';
import type { CompiledNetwork } from './network.ts';
import { NODE_LEAF } from './network.ts';
import { scheduleCompiledNetwork } from './passes.ts';
import type {
  ConstraintConflict,
  ProjectSchedule,
  ScheduleInput,
  ScheduleResult,
  TaskSchedule,
} from './schedule-model.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { getWorkPosition, snapToFinish } from './work-calendar.ts';

/** Reads one task's computed dates out of a scheduled network. */
export function readTaskSchedule(net: CompiledNetwork, task: number): TaskSchedule {
  const outN = net.taskOutNode[task] as number;
  const inN = net.taskInNode[task] as number;
  const summary = net.nodeKind[outN] !== NODE_LEAF;
  const es = net.es[outN] as number;
  const ef = net.ef[outN] as number;
  return {
    id: net.taskIds[task] as string,
    projectId: net.projectIds[net.project[outN] as number] as string,
    summary,
    milestone: net.milestoneFlag[outN] === 1,
    start: es,
    finish: ef,
    earlyStart: es,
    earlyFinish: ef,
    lateStart: net.ls[inN] as number,
    lateFinish: net.lf[inN] as number,
    totalFloatMinutes: net.tf[inN] as number,
    freeFloatMinutes: net.ff[inN] as number,
    critical: isCriticalNode(net, inN),
  };
}

/** Lists the constraints and deadlines a scheduled network could not honour. */
export function collectConflicts(net: CompiledNetwork): ConstraintConflict[] {
  const out: ConstraintConflict[] = [];
  for (let n = 0; n < net.nodeCount; n++) {
    if (net.nodeKind[n] !== NODE_LEAF) continue;
    const id = net.taskIds[net.nodeTask[n] as number] as string;
    const minutes = net.conflict[n] as number;
    if (minutes > 0) {
      const constraint = CONSTRAINT_NAMES[net.constraintType[n] as number] ?? 'ASAP';
      const date = net.constraintDate[n] as number;
      out.push({
        taskId: id,
        constraint,
        date,
        minutes,
        message: `${constraint} ${formatLocalDateTime(date)} on task ${id} holds it ${minutes} working minutes before its links allow`,
      });
    }
    const deadline = net.deadline[n] as number;
    if (deadline < NO_TIME_MAX && (net.ef[n] as number) > deadline) {
      const cal = net.calendars[net.calendar[n] as number] as WorkCalendar;
      const late =
        getWorkPosition(cal, net.ef[n] as number) - getWorkPosition(cal, snapToFinish(cal, deadline));
      if (late > 0) {
        out.push({
          taskId: id,
          constraint: 'deadline',
          date: deadline,
          minutes: late,
          message: `task ${id} finishes ${late} working minutes after its deadline ${formatLocalDateTime(deadline)}`,
        });
      }
    }
  }
  return out;
}

/** Maps a scheduled compiled network back to per-task and per-project results. */
export function readScheduleResult(compiled: CompiledInput, maxCriticalPaths = 20): ScheduleResult {
  const net = compiled.network;
  const tasks = new Map<string, TaskSchedule>();
  for (let t = 0; t < net.taskIds.length; t++) tasks.set(net.taskIds[t] as string, readTaskSchedule(net, t));
  const projects = new Map<string, ProjectSchedule>();
  for (let p = 0; p < net.projectIds.length; p++) {
    const id = net.projectIds[p] as string;
    projects.set(id, { id, start: net.projectStart[p] as number, finish: net.projectFinish[p] as number });
  }
  const criticalPaths = findCriticalPaths(net, maxCriticalPaths).map((path) =>
    path.map((t) => net.taskIds[t] as string),
  );
  return { status: 'scheduled', tasks, projects, criticalPaths, conflicts: collectConflicts(net) };
}

/** Schedules projects, tasks and links (one project or a portfolio with cross-project links). */
export function scheduleNetwork(input: ScheduleInput): ScheduleResult {
  const compiled = compileScheduleInput(input);
  if (!compiled.ok) return { status: 'invalid', issues: compiled.issues };
  scheduleCompiledNetwork(compiled.compiled.network);
  return readScheduleResult(compiled.compiled, input.options?.maxCriticalPaths ?? 20);
}
