// Loads are kept in a plain stride layout (cell r * stride + d) so levelling never allocates per day.
import type { LevellingInput, LevellingTasks } from './levelling.ts';

/** Hours within this of capacity count as fitting, so float noise never reads as an overload. */
export const LOAD_EPSILON = 1e-9;

/** Per-resource day loads and capacities with a horizon that grows when tasks are pushed out. */
export type DayLoad = { stride: number; load: Float64Array; cap: Float64Array };

/** Creates empty loads for `days` days (at least the horizon), with capacity extended past it. */
export function createDayLoad(input: LevellingInput, days: number): DayLoad {
  const stride = Math.max(days, input.dayCount);
  const out: DayLoad = {
    stride,
    load: new Float64Array(input.resourceCount * stride),
    cap: new Float64Array(0),
  };
  out.cap = extendCapacity(input, stride);
  return out;
}

/** Lays capacity out with `stride` days per resource; days past the horizon repeat its last day. */
export function extendCapacity(input: LevellingInput, stride: number): Float64Array {
  const { resourceCount, dayCount, capacity } = input;
  const cap = new Float64Array(resourceCount * stride);
  for (let r = 0; r < resourceCount; r++) {
    cap.set(capacity.subarray(r * dayCount, (r + 1) * dayCount), r * stride);
    cap.fill(capacity[r * dayCount + dayCount - 1] as number, r * stride + dayCount, (r + 1) * stride);
  }
  return cap;
}

/** Grows the day window (doubling) so that days 0..days-1 exist, keeping the loads. */
export function ensureDays(input: LevellingInput, dl: DayLoad, days: number): void {
  if (days <= dl.stride) return;
  const stride = Math.max(days + 64, dl.stride * 2);
  const load = new Float64Array(input.resourceCount * stride);
  for (let r = 0; r < input.resourceCount; r++)
    load.set(dl.load.subarray(r * dl.stride, (r + 1) * dl.stride), r * stride);
  dl.load = load;
  dl.cap = extendCapacity(input, stride);
  dl.stride = stride;
}

/** Adds (sign 1) or removes (sign -1) a task's hours on its resources for its days from `start`. */
export function addTaskLoad(t: LevellingTasks, dl: DayLoad, task: number, start: number, sign: number): void {
  const end = t.demandOffset[task + 1] as number;
  const D = t.duration[task] as number;
  const load = dl.load;
  for (let k = t.demandOffset[task] as number; k < end; k++) {
    const h = sign * (t.demandHoursPerDay[k] as number);
    const base = (t.demandResource[k] as number) * dl.stride + start;
    for (let d = 0; d < D; d++) load[base + d] = (load[base + d] as number) + h;
  }
}

/** Sums a resource's hours above capacity over days from..to. */
export function sumExcess(dl: DayLoad, resource: number, from: number, to: number): number {
  const base = resource * dl.stride;
  let sum = 0;
  for (let d = from; d <= to; d++) {
    const e = (dl.load[base + d] as number) - (dl.cap[base + d] as number);
    if (e > LOAD_EPSILON) sum += e;
  }
  return sum;
}
