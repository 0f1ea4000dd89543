import type { DayLoad } from './day-load.ts';
import { addTaskLoad, createDayLoad, LOAD_EPSILON as EPSILON, ensureDays } from './day-load.ts';

/**
 * Tasks to level, in working-day units (day 0 = the first day of the capacity horizon), as
 * columns. Task t asks `demandHoursPerDay[k]` of `demandResource[k]` on each of its days, for k in
 * demandOffset[t] .. demandOffset[t+1]) — one entry per resource. Successors are finish-to-start
 * with zero lag: successors[successorOffset[t] .. successorOffset[t+1]).
 */
export type LevellingTasks = {
  readonly count: number;
  readonly start: Int32Array;
  readonly duration: Int32Array;
  readonly totalFloat: Int32Array;
  /** Higher = more important (usually the project's priority). */
  readonly priority: Float64Array;
  readonly project: Int32Array;
  readonly demandOffset: Int32Array;
  readonly demandResource: Int32Array;
  readonly demandHoursPerDay: Float64Array;
  readonly successorOffset?: Int32Array;
  readonly successors?: Int32Array;
};

/** Resources able to take task t over: resources[offset[t] .. offset[t+1]). */
export type ReassignCandidates = { readonly offset: Int32Array; readonly resources: Int32Array };

/**
 * What levelling works on. `capacity` is hours per resource and day (cell r * dayCount + d).
 * Days past the horizon are taken to have the capacity of its last day, so a task may be pushed out.
 */
export type LevellingInput = {
  readonly resourceCount: number;
  readonly dayCount: number;
  readonly capacity: Float64Array;
  readonly tasks: LevellingTasks;
  readonly reassignCandidates?: ReassignCandidates;
};

/** A run of days where a resource is booked above its capacity. */
export type DayOverAllocation = {
  readonly resource: number;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly excessHours: number;
  readonly peakExcessHours: number;
};

/** `within-float` never moves a task past its total float (project finishes hold); the other mode may. */
export type LevellingMode = 'within-float' | 'allow-beyond-float';

/** The outcome of levelling every task. */
export type LevellingResult = {
  readonly start: Int32Array;
  readonly delay: Int32Array;
  readonly unresolved: DayOverAllocation[];
  /** Projects whose last finish moved, by project index. */
  readonly projectFinishDelays: { readonly project: number; readonly delayDays: number }[];
};

/** One task as plain data, before packing into columns. */
export type LevellingTaskRow = {
  readonly start: number;
  readonly duration: number;
  readonly totalFloat: number;
  readonly priority: number;
  readonly project: number;
  readonly demands: readonly { readonly resource: number; readonly hoursPerDay: number }[];
  readonly successors?: readonly number[];
};

/** Packs plain task rows into the columns levelling works on. */
export function packLevellingTasks(rows: readonly LevellingTaskRow[]): LevellingTasks {
  const count = rows.length;
  const demandOffset = new Int32Array(count + 1);
  const successorOffset = new Int32Array(count + 1);
  const demandResource: number[] = [];
  const demandHoursPerDay: number[] = [];
  const successors: number[] = [];
  rows.forEach((row, i) => {
    for (const d of row.demands) {
      demandResource.push(d.resource);
      demandHoursPerDay.push(d.hoursPerDay);
    }
    for (const s of row.successors ?? []) successors.push(s);
    demandOffset[i + 1] = demandResource.length;
    successorOffset[i + 1] = successors.length;
  });
  return {
    count,
    start: Int32Array.from(rows, (r) => r.start),
    duration: Int32Array.from(rows, (r) => r.duration),
    totalFloat: Int32Array.from(rows, (r) => r.totalFloat),
    priority: Float64Array.from(rows, (r) => r.priority),
    project: Int32Array.from(rows, (r) => r.project),
    demandOffset,
    demandResource: Int32Array.from(demandResource),
    demandHoursPerDay: Float64Array.from(demandHoursPerDay),
    successorOffset,
    successors: Int32Array.from(successors),
  };
}

/** Validates a levelling input, throwing a RangeError that names the bad task or column. */
export function checkLevellingInput(input: LevellingInput): void {
  const { resourceCount, dayCount, capacity, tasks: t } = input;
  if (!(dayCount >= 1)) throw new RangeError('dayCount must be ≥ 1');
  if (capacity.length !== resourceCount * dayCount)
    throw new RangeError('capacity must hold resourceCount * dayCount hours');
  const n = t.count;
  if (
    t.start.length < n ||
    t.duration.length < n ||
    t.totalFloat.length < n ||
    t.priority.length < n ||
    t.project.length < n ||
    t.demandOffset.length < n + 1
  )
    throw new RangeError('task columns are shorter than count');
  for (let i = 0; i < n; i++) {
    if ((t.duration[i] as number) < 1) throw new RangeError(`task ${i} has a duration below one day`);
    if ((t.start[i] as number) < 0) throw new RangeError(`task ${i} starts before day 0`);
    const a = t.demandOffset[i] as number;
    const b = t.demandOffset[i + 1] as number;
    if (b < a || b > t.demandResource.length || b > t.demandHoursPerDay.length)
      throw new RangeError(`task ${i} has bad demand offsets`);
    for (let k = a; k < b; k++) {
      const r = t.demandResource[k] as number;
      if (r < 0 || r >= resourceCount)
        throw new RangeError(`task ${i} demands resource ${r} outside 0..${resourceCount - 1}`);
    }
  }
  if (t.successorOffset && t.successors) {
    if (t.successorOffset.length < n + 1) throw new RangeError('successorOffset needs count + 1 entries');
    for (let k = 0; k < (t.successorOffset[n] as number); k++) {
      const s = t.successors[k] as number;
      if (s < 0 || s >= n) throw new RangeError(`successor ${s} is not a task`);
    }
  }
}

/** The latest day in [s, s+D) where adding the task would overload one of its resources, or -1. */
function findLatestConflict(t: LevellingTasks, dl: DayLoad, task: number, s: number): number {
  const end = t.demandOffset[task + 1] as number;
  const last = s + (t.duration[task] as number) - 1;
  const { load, cap, stride } = dl;
  let latest = -1;
  for (let k = t.demandOffset[task] as number; k < end; k++) {
    const h = t.demandHoursPerDay[k] as number;
    if (h <= 0) continue;
    const base = (t.demandResource[k] as number) * stride;
    const floor = Math.max(s, latest + 1);
    for (let d = last; d >= floor; d--) {
      if ((load[base + d] as number) + h > (cap[base + d] as number) + EPSILON) {
        latest = d;
        break;
      }
    }
  }
  return latest;
}

/** Kahn's order over the successor lists; throws on a cycle (a scheduled network has none). */
function sortTopologically(t: LevellingTasks): { order: Int32Array; predecessors: Int32Array } {
  const n = t.count;
  const predecessors = new Int32Array(n);
  const so = t.successorOffset;
  const ss = t.successors;
  if (so && ss)
    for (let k = 0; k < (so[n] as number); k++) {
      const v = ss[k] as number;
      predecessors[v] = (predecessors[v] as number) + 1;
    }
  const waiting = predecessors.slice();
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (waiting[i] === 0) order[tail++] = i;
  while (head < tail) {
    const v = order[head++] as number;
    if (!so || !ss) continue;
    const end = so[v + 1] as number;
    for (let k = so[v] as number; k < end; k++) {
      const s = ss[k] as number;
      waiting[s] = (waiting[s] as number) - 1;
      if (waiting[s] === 0) order[tail++] = s;
    }
  }
  if (tail < n) throw new RangeError('the successor links contain a cycle');
  return { order, predecessors };
}

/** Min-heap of task indexes ordered by `before`. */
function createHeap(capacity: number, before: (a: number, b: number) => boolean) {
  const items = new Int32Array(capacity);
  let size = 0;
  return {
    size: () => size,
    push(v: number): void {
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const p = items[parent] as number;
        if (!before(v, p)) break;
        items[i] = p;
        i = parent;
      }
      items[i] = v;
    },
    pop(): number {
      const top = items[0] as number;
      const last = items[--size] as number;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && before(items[r] as number, items[l] as number) ? r : l;
        if (!before(items[c] as number, last)) break;
        items[i] = items[c] as number;
        i = c;
      }
      items[i] = last;
      return top;
    },
  };
}

function scanDayOverAllocations(input: LevellingInput, dl: DayLoad, days: number): DayOverAllocation[] {
  const out: DayOverAllocation[] = [];
  for (let r = 0; r < input.resourceCount; r++) {
    const base = r * dl.stride;
    let first = -1;
    let sum = 0;
    let peak = 0;
    for (let d = 0; d <= days; d++) {
      const excess = d < days ? (dl.load[base + d] as number) - (dl.cap[base + d] as number) : 0;
      if (excess > EPSILON) {
        if (first < 0) {
          first = d;
          sum = 0;
          peak = 0;
        }
        sum += excess;
        if (excess > peak) peak = excess;
      } else if (first >= 0) {
        out.push({ resource: r, firstDay: first, lastDay: d - 1, excessHours: sum, peakExcessHours: peak });
        first = -1;
      }
    }
  }
  return out;
}

/**
 * Levels every task with a serial priority heuristic: tasks are placed one by one, most important
 * first (a predecessor inherits the priority of the tasks waiting on it), each at the earliest day
 * from its current start where all its resources have room; delays flow to FS successors.
 * `within-float` stops at the task's total float and leaves what it cannot fit as unresolved.
 */
export function levelAll(input: LevellingInput, options: { mode: LevellingMode }): LevellingResult {
  checkLevellingInput(input);
  const t = input.tasks;
  const n = t.count;
  const beyond = options.mode === 'allow-beyond-float';
  const { order, predecessors } = sortTopologically(t);
  const so = t.successorOffset;
  const ss = t.successors;
  // A predecessor is as urgent as anything waiting on it, or it would hold that task up.
  const urgency = Float64Array.from(t.priority.subarray(0, n));
  if (so && ss)
    for (let q = n - 1; q >= 0; q--) {
      const v = order[q] as number;
      const end = so[v + 1] as number;
      for (let k = so[v] as number; k < end; k++) {
        const u = urgency[ss[k] as number] as number;
        if (u > (urgency[v] as number)) urgency[v] = u;
      }
    }
  const earliest = Int32Array.from(t.start.subarray(0, n));
  let maxEnd = input.dayCount;
  for (let i = 0; i < n; i++) maxEnd = Math.max(maxEnd, (t.start[i] as number) + (t.duration[i] as number));
  const dl = createDayLoad(input, maxEnd + 64);
  const heap = createHeap(n, (a, b) => {
    const ua = urgency[a] as number;
    const ub = urgency[b] as number;
    if (ua !== ub) return ua > ub;
    const ea = earliest[a] as number;
    const eb = earliest[b] as number;
    if (ea !== eb) return ea < eb;
    const fa = t.totalFloat[a] as number;
    const fb = t.totalFloat[b] as number;
    if (fa !== fb) return fa < fb;
    return a < b;
  });
  const waiting = predecessors;
  for (let i = 0; i < n; i++) if (waiting[i] === 0) heap.push(i);
  const start = new Int32Array(n);
  let placedEnd = 0;
  while (heap.size() > 0) {
    const task = heap.pop();
    const es = earliest[task] as number;
    const D = t.duration[task] as number;
    const limit = beyond
      ? Math.max(es, placedEnd, input.dayCount)
      : Math.max(es, (t.start[task] as number) + Math.max(0, t.totalFloat[task] as number));
    let s = es;
    let at = -1;
    while (s <= limit) {
      ensureDays(input, dl, s + D);
      const c = findLatestConflict(t, dl, task, s);
      if (c < 0) {
        at = s;
        break;
      }
      s = c + 1;
    }
    // Nowhere fits (the task alone exceeds a capacity, or its float is spent): keep it early and report.
    if (at < 0) at = es;
    ensureDays(input, dl, at + D);
    addTaskLoad(t, dl, task, at, 1);
    start[task] = at;
    if (at + D > placedEnd) placedEnd = at + D;
    if (so && ss) {
      const end = so[task + 1] as number;
      for (let k = so[task] as number; k < end; k++) {
        const v = ss[k] as number;
        if (at + D > (earliest[v] as number)) earliest[v] = at + D;
        waiting[v] = (waiting[v] as number) - 1;
        if (waiting[v] === 0) heap.push(v);
      }
    }
  }
  const delay = new Int32Array(n);
  const before = new Map<number, number>();
  const after = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    delay[i] = (start[i] as number) - (t.start[i] as number);
    const p = t.project[i] as number;
    const f0 = (t.start[i] as number) + (t.duration[i] as number);
    const f1 = (start[i] as number) + (t.duration[i] as number);
    before.set(p, Math.max(before.get(p) ?? f0, f0));
    after.set(p, Math.max(after.get(p) ?? f1, f1));
  }
  const projectFinishDelays: { project: number; delayDays: number }[] = [];
  for (const [project, f0] of before) {
    const d = (after.get(project) ?? f0) - f0;
    if (d > 0) projectFinishDelays.push({ project, delayDays: d });
  }
  projectFinishDelays.sort((a, b) => a.project - b.project);
  return { start, delay, unresolved: scanDayOverAllocations(input, dl, placedEnd), projectFinishDelays };
}

/**
 * Builds reassignment candidates from skills: task t may go to any resource holding
 * `taskSkill[t]` (resource r holds skills[offset[r] .. offset[r+1])); a task with skill -1 gets
 * none, since nobody can tell who could do it.
 */
export function buildSkillCandidates(
  taskSkill: Int32Array,
  resourceSkills: { readonly offset: Int32Array; readonly skills: Int32Array },
  resourceCount: number,
): ReassignCandidates {
  const holders = new Map<number, number[]>();
  for (let r = 0; r < resourceCount; r++) {
    const end = resourceSkills.offset[r + 1] as number;
    for (let k = resourceSkills.offset[r] as number; k < end; k++) {
      const skill = resourceSkills.skills[k] as number;
      const list = holders.get(skill);
      if (list) list.push(r);
      else holders.set(skill, [r]);
    }
  }
  const offset = new Int32Array(taskSkill.length + 1);
  const resources: number[] = [];
  for (let i = 0; i < taskSkill.length; i++) {
    const skill = taskSkill[i] as number;
    if (skill >= 0) for (const r of holders.get(skill) ?? []) resources.push(r);
    offset[i + 1] = resources.length;
  }
  return { offset, resources: Int32Array.from(resources) };
}
