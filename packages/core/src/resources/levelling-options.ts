import type { DayLoad } from './day-load.ts';
import { addTaskLoad, createDayLoad, LOAD_EPSILON as EPSILON, sumExcess } from './day-load.ts';
import type { LevellingInput, LevellingTasks } from './levelling.ts';
import { checkLevellingInput } from './levelling.ts';

/** What one option does: which task, and how much of the over-allocation it clears. */
type OptionBase = {
  readonly task: number;
  readonly project: number;
  /** Net fall in the resource's excess hours (over all days, so excess merely pushed later does not count). */
  readonly resolvedExcessHours: number;
  /** The window's excess left after the option (0 when resolved). */
  readonly remainingExcessHours: number;
  /** Excess added on the task's other resources by the move (0 for a reassignment, which must fit). */
  readonly sideEffectExcessHours: number;
};

/** One way to relieve an over-allocation, as a resource manager would be offered it. */
export type LevellingOption =
  | (OptionBase & {
      readonly kind: 'delay-within-float';
      readonly delayDays: number;
      readonly projectFinishDelayDays: 0;
    })
  | (OptionBase & {
      readonly kind: 'delay-beyond-float';
      readonly delayDays: number;
      readonly projectFinishDelayDays: number;
    })
  | (OptionBase & {
      readonly kind: 'reassign';
      readonly fromResource: number;
      readonly toResource: number;
      readonly delayDays: 0;
      readonly projectFinishDelayDays: 0;
    });

function hoursOn(t: LevellingTasks, task: number, resource: number): number {
  let h = 0;
  const end = t.demandOffset[task + 1] as number;
  for (let k = t.demandOffset[task] as number; k < end; k++)
    if (t.demandResource[k] === resource) h += t.demandHoursPerDay[k] as number;
  return h;
}

type DelayEffect = { resolved: number; sideEffect: number };

/** Measures moving `task` by `delay` days: the fall in the resource's excess and the rise on its other resources. */
function measureDelay(
  t: LevellingTasks,
  dl: DayLoad,
  task: number,
  resource: number,
  window: { firstDay: number; lastDay: number },
  delay: number,
): DelayEffect {
  const s = t.start[task] as number;
  const D = t.duration[task] as number;
  const from = Math.min(window.firstDay, s);
  const to = Math.max(window.lastDay, s + delay + D - 1);
  const end = t.demandOffset[task + 1] as number;
  const others: number[] = [];
  for (let k = t.demandOffset[task] as number; k < end; k++) {
    const r = t.demandResource[k] as number;
    if (r !== resource && !others.includes(r)) others.push(r);
  }
  const before = sumExcess(dl, resource, from, to);
  let othersBefore = 0;
  for (const r of others) othersBefore += sumExcess(dl, r, s, s + delay + D - 1);
  addTaskLoad(t, dl, task, s, -1);
  addTaskLoad(t, dl, task, s + delay, 1);
  const after = sumExcess(dl, resource, from, to);
  let othersAfter = 0;
  for (const r of others) othersAfter += sumExcess(dl, r, s, s + delay + D - 1);
  addTaskLoad(t, dl, task, s + delay, -1);
  addTaskLoad(t, dl, task, s, 1);
  return { resolved: before - after, sideEffect: Math.max(0, othersAfter - othersBefore) };
}

/** Picks the smallest delay in [lo, hi] that clears the window, else the smallest with the best reduction. */
function findBestDelay(
  t: LevellingTasks,
  dl: DayLoad,
  task: number,
  resource: number,
  window: { firstDay: number; lastDay: number },
  windowExcess: number,
  lo: number,
  hi: number,
): { delay: number; effect: DelayEffect } | undefined {
  let best: { delay: number; effect: DelayEffect } | undefined;
  for (let delay = lo; delay <= hi; delay++) {
    const effect = measureDelay(t, dl, task, resource, window, delay);
    if (effect.resolved > EPSILON && (!best || effect.resolved > best.effect.resolved + EPSILON))
      best = { delay, effect };
    if (best && best.effect.resolved >= windowExcess - 1e-6) break;
  }
  return best;
}

/**
 * Proposes ways to relieve one resource's over-allocation on days firstDay..lastDay: delays within
 * float, then delays beyond float (moving the project finish), then reassignments to a candidate
 * with room on all the task's days. Tasks are tried lowest priority first. Each option is measured
 * on the task alone; successors pushed by a delay beyond float show in `projectFinishDelayDays`.
 */
export function proposeLevellingOptions(
  input: LevellingInput,
  overAllocation: { readonly resource: number; readonly firstDay: number; readonly lastDay: number },
  options: { readonly maxOptions: number; readonly maxDelayDays?: number },
): LevellingOption[] {
  checkLevellingInput(input);
  const t = input.tasks;
  const { resource, firstDay, lastDay } = overAllocation;
  if (resource < 0 || resource >= input.resourceCount) throw new RangeError(`no resource ${resource}`);
  const maxDelay = options.maxDelayDays ?? 260;
  let maxEnd = Math.max(input.dayCount, lastDay + 1);
  for (let i = 0; i < t.count; i++)
    maxEnd = Math.max(maxEnd, (t.start[i] as number) + (t.duration[i] as number));
  const dl = createDayLoad(input, maxEnd + maxDelay + 1);
  for (let i = 0; i < t.count; i++) addTaskLoad(t, dl, i, t.start[i] as number, 1);
  const window = { firstDay: Math.max(0, firstDay), lastDay: Math.min(lastDay, dl.stride - 1) };
  const windowExcess = sumExcess(dl, resource, window.firstDay, window.lastDay);
  if (windowExcess <= EPSILON) return [];
  const involved: number[] = [];
  for (let i = 0; i < t.count; i++) {
    const s = t.start[i] as number;
    const f = s + (t.duration[i] as number) - 1;
    if (f >= window.firstDay && s <= window.lastDay && hoursOn(t, i, resource) > 0) involved.push(i);
  }
  involved.sort(
    (a, b) =>
      (t.priority[a] as number) - (t.priority[b] as number) ||
      (t.totalFloat[b] as number) - (t.totalFloat[a] as number) ||
      a - b,
  );
  const within: LevellingOption[] = [];
  const beyond: LevellingOption[] = [];
  const reassign: LevellingOption[] = [];
  for (const task of involved) {
    const project = t.project[task] as number;
    const float = Math.max(0, t.totalFloat[task] as number);
    const inFloat = findBestDelay(t, dl, task, resource, window, windowExcess, 1, Math.min(float, maxDelay));
    if (inFloat)
      within.push({
        kind: 'delay-within-float',
        task,
        project,
        delayDays: inFloat.delay,
        projectFinishDelayDays: 0,
        resolvedExcessHours: inFloat.effect.resolved,
        remainingExcessHours: Math.max(0, windowExcess - inFloat.effect.resolved),
        sideEffectExcessHours: inFloat.effect.sideEffect,
      });
    const cleared = inFloat !== undefined && inFloat.effect.resolved >= windowExcess - 1e-6;
    if (!cleared) {
      const out = findBestDelay(t, dl, task, resource, window, windowExcess, float + 1, maxDelay);
      if (out && (!inFloat || out.effect.resolved > inFloat.effect.resolved + EPSILON))
        beyond.push({
          kind: 'delay-beyond-float',
          task,
          project,
          delayDays: out.delay,
          projectFinishDelayDays: out.delay - float,
          resolvedExcessHours: out.effect.resolved,
          remainingExcessHours: Math.max(0, windowExcess - out.effect.resolved),
          sideEffectExcessHours: out.effect.sideEffect,
        });
    }
    const candidates = input.reassignCandidates;
    if (!candidates) continue;
    const h = hoursOn(t, task, resource);
    const s = t.start[task] as number;
    const D = t.duration[task] as number;
    const fits: { to: number; spare: number }[] = [];
    const end = candidates.offset[task + 1] as number;
    for (let k = candidates.offset[task] as number; k < end; k++) {
      const to = candidates.resources[k] as number;
      if (to === resource || to < 0 || to >= input.resourceCount) continue;
      let spare = 0;
      let ok = true;
      for (let d = s; d < s + D && ok; d++) {
        const free = (dl.cap[to * dl.stride + d] as number) - (dl.load[to * dl.stride + d] as number) - h;
        if (free < -EPSILON) ok = false;
        spare += free;
      }
      if (ok) fits.push({ to, spare });
    }
    if (fits.length === 0) continue;
    const before = sumExcess(dl, resource, s, s + D - 1);
    const base = resource * dl.stride;
    for (let d = s; d < s + D; d++) dl.load[base + d] = (dl.load[base + d] as number) - h;
    const resolved = before - sumExcess(dl, resource, s, s + D - 1);
    for (let d = s; d < s + D; d++) dl.load[base + d] = (dl.load[base + d] as number) + h;
    if (resolved <= EPSILON) continue;
    fits.sort((a, b) => b.spare - a.spare || a.to - b.to);
    for (const fit of fits)
      reassign.push({
        kind: 'reassign',
        task,
        project,
        fromResource: resource,
        toResource: fit.to,
        delayDays: 0,
        projectFinishDelayDays: 0,
        resolvedExcessHours: resolved,
        remainingExcessHours: Math.max(0, windowExcess - resolved),
        sideEffectExcessHours: 0,
      });
  }
  return [...within, ...beyond, ...reassign].slice(0, Math.max(0, options.maxOptions));
}
