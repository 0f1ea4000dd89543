import type { Task, TaskLink, UpdateTaskBody } from '../../api/schedule.ts';
import { chartDay, localDay, weekday } from './schedule-time.ts';

export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 48;
export const OVERSCAN = 8;

export type Row = { task: Task; index: number; hasChildren: boolean };

/** True when the next task in outline order sits below this one. */
function parentFlags(tasks: readonly Task[]): boolean[] {
  return tasks.map((t, i) => t.summary || (tasks[i + 1]?.outlineLevel ?? 0) > t.outlineLevel);
}

/** The rows to show, in plan order, skipping the descendants of collapsed summaries. */
export function visibleRows(tasks: readonly Task[], collapsed: ReadonlySet<string>): Row[] {
  const flags = parentFlags(tasks);
  const rows: Row[] = [];
  let hideBelow: number | null = null;
  tasks.forEach((task, i) => {
    if (hideBelow !== null) {
      if (task.outlineLevel > hideBelow) return;
      hideBelow = null;
    }
    const hasChildren = flags[i] ?? false;
    rows.push({ task, index: rows.length, hasChildren });
    if (hasChildren && collapsed.has(task.id)) hideBelow = task.outlineLevel;
  });
  return rows;
}

/** The slice of rows within the viewport, with some rows either side. */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  count: number,
  overscan = OVERSCAN,
): { first: number; last: number } {
  const top = Math.max(0, scrollTop - HEADER_HEIGHT);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - overscan);
  const last = Math.min(count - 1, Math.ceil((top + viewportHeight) / ROW_HEIGHT) + overscan);
  return { first, last };
}

/** The body that indents a task under the sibling above it; null when there is none. */
export function indentBody(tasks: readonly Task[], task: Task): UpdateTaskBody | null {
  const index = tasks.findIndex((t) => t.id === task.id);
  let newParent: Task | null = null;
  for (let i = index - 1; i >= 0; i--) {
    const t = tasks[i];
    if (!t) break;
    if (t.outlineLevel < task.outlineLevel) break;
    if (t.outlineLevel === task.outlineLevel) {
      newParent = t;
      break;
    }
  }
  if (!newParent) return null;
  const lastChild = [...tasks]
    .filter((t) => t.parentId === newParent.id && t.id !== task.id)
    .sort((a, b) => a.position - b.position)
    .pop();
  return { version: task.version, parentId: newParent.id, afterId: lastChild?.id ?? null };
}

/** The body that moves a task up one level, right after its former parent; null at the top. */
export function outdentBody(tasks: readonly Task[], task: Task): UpdateTaskBody | null {
  if (!task.parentId) return null;
  const parent = tasks.find((t) => t.id === task.parentId);
  if (!parent) return null;
  return { version: task.version, parentId: parent.parentId, afterId: parent.id };
}

export type Zoom = 'day' | 'week' | 'month';
export const PX_PER_DAY: Record<Zoom, number> = { day: 36, week: 14, month: 4 };

export type TimeScale = { origin: number; days: number; pxPerDay: number; zoom: Zoom; width: number };

/** The chart's span: from the Monday a week before the first start to three weeks after the last finish. */
export function timeScale(tasks: readonly Task[], zoom: Zoom, extra: readonly (string | null)[]): TimeScale {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const t of tasks) {
    if (t.start) min = Math.min(min, localDay(t.start));
    if (t.finish) max = Math.max(max, localDay(t.finish));
  }
  for (const e of extra) {
    if (!e) continue;
    min = Math.min(min, localDay(e));
    max = Math.max(max, localDay(e));
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    const today = Math.floor(Date.now() / 86_400_000);
    min = today;
    max = today + 30;
  }
  let origin = min - 7;
  origin -= weekday(origin);
  const padAfter = zoom === 'month' ? 60 : 21;
  const days = Math.max(max - origin + padAfter, zoom === 'month' ? 365 : 56);
  const pxPerDay = PX_PER_DAY[zoom];
  return { origin, days, pxPerDay, zoom, width: Math.ceil(days * pxPerDay) };
}

export function xOf(scale: TimeScale, localDateTime: string): number {
  return (chartDay(localDateTime) - scale.origin) * scale.pxPerDay;
}

/** Which side of each bar a link leaves from and arrives at. */
export function linkAnchors(type: TaskLink['type']): { from: 'start' | 'finish'; to: 'start' | 'finish' } {
  switch (type) {
    case 'SS':
      return { from: 'start', to: 'start' };
    case 'FF':
      return { from: 'finish', to: 'finish' };
    case 'SF':
      return { from: 'start', to: 'finish' };
    default:
      return { from: 'finish', to: 'start' };
  }
}

/**
 * An orthogonal path from one bar's end to another's: out of the source side, down (or up) to the
 * target row, and into the target side, detouring along the row boundary when it would double back.
 */
export function linkPath(
  x1: number,
  y1: number,
  fromSide: 'start' | 'finish',
  x2: number,
  y2: number,
  toSide: 'start' | 'finish',
): string {
  const gap = 8;
  const out = fromSide === 'finish' ? x1 + gap : x1 - gap;
  const entry = toSide === 'start' ? x2 - gap : x2 + gap;
  if (fromSide === 'finish' && toSide === 'start' && x2 >= x1 + 4 && y1 !== y2) {
    // Drop onto the successor's start from above or below, as Microsoft Project draws it.
    const edge = y2 + (y2 > y1 ? -7 : 7);
    return `M${x1},${y1} H${x2 + 4} V${edge}`;
  }
  const mid = y1 + (y2 >= y1 ? ROW_HEIGHT / 2 : -ROW_HEIGHT / 2);
  return `M${x1},${y1} H${out} V${mid} H${entry} V${y2} H${x2}`;
}

/** The tasks named in a path of ids, in plan order, as a Set for quick lookups. */
export function criticalSet(tasks: readonly Task[]): Set<string> {
  const set = new Set<string>();
  for (const t of tasks) if (t.critical) set.add(t.id);
  return set;
}
