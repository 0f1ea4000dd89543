/** A resource that could take the work, with its free and total hours per period of the asked window. */
export type AvailabilityCandidate = {
  readonly resource: number;
  /** Level in the needed skill; null when the resource has no rating for it. */
  readonly skillLevel: number | null;
  readonly freeHours: Float64Array;
  readonly capacityHours: Float64Array;
};

/** What the work needs: hours per period (one figure for all periods, or one per period) and a minimum level. */
export type AvailabilityNeed = {
  readonly hoursPerPeriod: Float64Array | number;
  readonly minLevel: number;
};

/** One ranked candidate. */
export type AvailabilityRank = {
  readonly resource: number;
  /** Summary score: coverage × 1 / (1 + levels above the minimum); 1 = all hours free at exactly the level asked. */
  readonly fit: number;
  /** Share of the needed hours the resource has free (1 when nothing is needed). */
  readonly coverage: number;
  readonly fullyFree: boolean;
  /** Periods (window indexes) where free hours fall short of the need. */
  readonly shortPeriods: number[];
  readonly skillLevel: number | null;
  /** Levels above the minimum asked (0 for an unrated candidate). */
  readonly levelsAboveMinimum: number;
  /** Free hours left after taking the work, summed over the window (never negative per period). */
  readonly spareHours: number;
  /** Share of the window's capacity booked once the work is taken; 0 when there is no capacity. */
  readonly loadAfter: number;
};

const EPSILON = 1e-9;

/**
 * Ranks candidates for a need: highest coverage first, then the level closest above the minimum
 * (don't spend an expert on junior work), then most spare hours, then resource index. Candidates
 * below `minLevel` are left out; an unrated candidate passes only when `minLevel` ≤ 0.
 */
export function rankAvailability(
  candidates: readonly AvailabilityCandidate[],
  need: AvailabilityNeed,
): AvailabilityRank[] {
  const ranked: AvailabilityRank[] = [];
  for (const c of candidates) {
    const n = c.freeHours.length;
    if (c.capacityHours.length !== n)
      throw new RangeError(`resource ${c.resource}: capacity and free hours differ`);
    if (typeof need.hoursPerPeriod !== 'number' && need.hoursPerPeriod.length !== n)
      throw new RangeError(`resource ${c.resource}: the need and the window differ in length`);
    if (c.skillLevel === null ? need.minLevel > 0 : c.skillLevel < need.minLevel) continue;
    const gap = c.skillLevel === null ? 0 : c.skillLevel - need.minLevel;
    let needed = 0;
    let covered = 0;
    let spare = 0;
    let capacity = 0;
    let booked = 0;
    const shortPeriods: number[] = [];
    for (let p = 0; p < n; p++) {
      const want =
        typeof need.hoursPerPeriod === 'number' ? need.hoursPerPeriod : (need.hoursPerPeriod[p] as number);
      const free = Math.max(0, c.freeHours[p] as number);
      const cap = c.capacityHours[p] as number;
      const take = Math.min(free, want);
      needed += want;
      covered += take;
      spare += free - take;
      capacity += cap;
      booked += cap - (c.freeHours[p] as number) + take;
      if (free + EPSILON < want) shortPeriods.push(p);
    }
    const coverage = needed > 0 ? covered / needed : 1;
    ranked.push({
      resource: c.resource,
      fit: coverage / (1 + gap),
      coverage,
      fullyFree: shortPeriods.length === 0,
      shortPeriods,
      skillLevel: c.skillLevel,
      spareHours: spare,
      loadAfter: capacity > 0 ? booked / capacity : 0,
      levelsAboveMinimum: gap,
    });
  }
  return ranked.sort(compareRanks);
}

/** The documented ranking order; exported so callers and tests can re-check a list. */
export function compareRanks(a: AvailabilityRank, b: AvailabilityRank): number {
  if (a.coverage !== b.coverage) return b.coverage - a.coverage;
  if (a.levelsAboveMinimum !== b.levelsAboveMinimum) return a.levelsAboveMinimum - b.levelsAboveMinimum;
  if (a.spareHours !== b.spareHours) return b.spareHours - a.spareHours;
  return a.resource - b.resource;
}
