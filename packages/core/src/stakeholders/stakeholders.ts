/**
 * The stakeholder register's rules: the power/interest grid (influence × interest, each 1–5, split
 * into four quadrants), attitudes and engagement levels, and how many projects touch each person.
 */

export const STAKEHOLDER_ATTITUDES = ['champion', 'supporter', 'neutral', 'critic', 'blocker'] as const;
export type StakeholderAttitude = (typeof STAKEHOLDER_ATTITUDES)[number];

/** From least to most engaged: the order the gap between now and desired is measured on. */
export const ENGAGEMENT_LEVELS = ['unaware', 'resistant', 'neutral', 'supportive', 'leading'] as const;
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];

export const STAKEHOLDER_QUADRANTS = [
  'manage_closely',
  'keep_satisfied',
  'keep_informed',
  'monitor',
] as const;
export type StakeholderQuadrant = (typeof STAKEHOLDER_QUADRANTS)[number];

/** Influence and interest are rated 1 (lowest) to 5 (highest). */
export const STAKEHOLDER_RATING_MIN = 1;
export const STAKEHOLDER_RATING_MAX = 5;
/** A rating from this value up counts as high on the grid. */
export const STAKEHOLDER_HIGH_FROM = 4;

/** Whether a value is a whole rating from 1 to 5. */
export function isStakeholderRating(value: number): boolean {
  return Number.isInteger(value) && value >= STAKEHOLDER_RATING_MIN && value <= STAKEHOLDER_RATING_MAX;
}

/** Whether a rating counts as high (4 or 5). */
export function isHighRating(rating: number): boolean {
  return rating >= STAKEHOLDER_HIGH_FROM;
}

/**
 * The quadrant of the power/interest grid: high influence and high interest → manage closely; high
 * influence only → keep satisfied; high interest only → keep informed; neither → monitor.
 */
export function stakeholderQuadrant(influence: number, interest: number): StakeholderQuadrant {
  const power = isHighRating(influence);
  const stake = isHighRating(interest);
  if (power && stake) return 'manage_closely';
  if (power) return 'keep_satisfied';
  if (stake) return 'keep_informed';
  return 'monitor';
}

/** The ratings a quadrant covers, as inclusive ranges: what a filter on it means. */
export function quadrantRanges(q: StakeholderQuadrant): {
  influence: readonly [number, number];
  interest: readonly [number, number];
} {
  const high = [STAKEHOLDER_HIGH_FROM, STAKEHOLDER_RATING_MAX] as const;
  const low = [STAKEHOLDER_RATING_MIN, STAKEHOLDER_HIGH_FROM - 1] as const;
  switch (q) {
    case 'manage_closely':
      return { influence: high, interest: high };
    case 'keep_satisfied':
      return { influence: high, interest: low };
    case 'keep_informed':
      return { influence: low, interest: high };
    case 'monitor':
      return { influence: low, interest: low };
  }
}

/**
 * Steps from the engagement a stakeholder shows now to the one wanted: positive when they must be
 * brought further in, negative when they are more engaged than needed, 0 when on target.
 */
export function engagementGap(current: EngagementLevel, desired: EngagementLevel): number {
  return ENGAGEMENT_LEVELS.indexOf(desired) - ENGAGEMENT_LEVELS.indexOf(current);
}

/** How many stakeholders sit in each quadrant. */
export function countByQuadrant(
  stakeholders: readonly { influence: number; interest: number }[],
): Record<StakeholderQuadrant, number> {
  const counts: Record<StakeholderQuadrant, number> = {
    manage_closely: 0,
    keep_satisfied: 0,
    keep_informed: 0,
    monitor: 0,
  };
  for (const s of stakeholders) counts[stakeholderQuadrant(s.influence, s.interest)] += 1;
  return counts;
}

export type ProjectsTouched<T> = {
  /** Every stakeholder with its number of distinct projects, most projects first, then by name. */
  ranked: (T & { projectCount: number })[];
  /** For each number of projects that occurs, how many stakeholders it touches, fewest projects first. */
  histogram: { projectCount: number; stakeholders: number }[];
  /** Stakeholders touched by two projects or more (shared across the portfolio). */
  shared: number;
  /** Stakeholders on no project (registered with the PMO only). */
  unlinked: number;
  /** The most projects any one stakeholder is touched by (0 when none). */
  most: number;
};

/** Who is touched by how many projects: the portfolio-wide view of the register. */
export function summariseProjectsTouched<T extends { name: string; projectIds: readonly string[] }>(
  stakeholders: readonly T[],
): ProjectsTouched<T> {
  const ranked = stakeholders
    .map((s) => ({ ...s, projectCount: new Set(s.projectIds).size }))
    .sort((a, b) => b.projectCount - a.projectCount || a.name.localeCompare(b.name));
  const byCount = new Map<number, number>();
  for (const s of ranked) byCount.set(s.projectCount, (byCount.get(s.projectCount) ?? 0) + 1);
  const histogram = [...byCount.entries()]
    .map(([projectCount, n]) => ({ projectCount, stakeholders: n }))
    .sort((a, b) => a.projectCount - b.projectCount);
  return {
    ranked,
    histogram,
    shared: ranked.filter((s) => s.projectCount >= 2).length,
    unlinked: ranked.filter((s) => s.projectCount === 0).length,
    most: ranked[0]?.projectCount ?? 0,
  };
}

/** The project links to add and to remove when a stakeholder's projects are set wholesale. */
export function diffProjectLinks(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  const was = new Set(before);
  const now = new Set(after);
  return {
    added: [...now].filter((id) => !was.has(id)),
    removed: [...was].filter((id) => !now.has(id)),
  };
}
