/**
 * The probability × impact matrix risks are rated on. The default is 5 × 5 (scores 1–25): low up to
 * 4, medium from 5, high from 12 — a PMO may configure another size and other thresholds.
 */
export type RiskMatrix = {
  /** Levels of probability, 1 … size (rare … almost certain). */
  size: number;
  /** Scores from this value are medium. */
  mediumFrom: number;
  /** Scores from this value are high. */
  highFrom: number;
};

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const DEFAULT_RISK_MATRIX: RiskMatrix = { size: 5, mediumFrom: 5, highFrom: 12 };

/** What is wrong with a matrix, or null when it can be used. */
export function checkRiskMatrix(m: RiskMatrix): string | null {
  if (!Number.isInteger(m.size) || m.size < 3 || m.size > 10) return 'size: from 3 to 10 levels';
  const max = m.size * m.size;
  if (!Number.isInteger(m.mediumFrom) || m.mediumFrom < 2 || m.mediumFrom > max)
    return `mediumFrom: a whole score from 2 to ${max}`;
  if (!Number.isInteger(m.highFrom) || m.highFrom <= m.mediumFrom || m.highFrom > max)
    return `highFrom: a whole score above mediumFrom, at most ${max}`;
  return null;
}

/** Probability × impact, each 1 … size. */
export function riskScore(probability: number, impact: number): number {
  return probability * impact;
}

export function riskLevel(score: number, m: RiskMatrix = DEFAULT_RISK_MATRIX): RiskLevel {
  if (score >= m.highFrom) return 'high';
  if (score >= m.mediumFrom) return 'medium';
  return 'low';
}

/** Whether a rating fits the matrix. */
export function validRating(value: number, m: RiskMatrix = DEFAULT_RISK_MATRIX): boolean {
  return Number.isInteger(value) && value >= 1 && value <= m.size;
}

/** Counts of risks in each cell, [probability − 1][impact − 1], for the heat map. */
export function heatMap(
  risks: readonly { probability: number; impact: number }[],
  m: RiskMatrix = DEFAULT_RISK_MATRIX,
): number[][] {
  const cells = Array.from({ length: m.size }, () => new Array<number>(m.size).fill(0));
  for (const r of risks) {
    if (!validRating(r.probability, m) || !validRating(r.impact, m)) continue;
    (cells[r.probability - 1] as number[])[r.impact - 1] =
      ((cells[r.probability - 1] as number[])[r.impact - 1] as number) + 1;
  }
  return cells;
}

/**
 * A risk's proximity: how soon it could happen, from the date it is expected by. Past dates are
 * "now"; within 30 days "imminent"; within 90 "near"; later "far"; none "unknown".
 */
export function proximityOf(
  expectedBy: string | null,
  today: string,
): 'now' | 'imminent' | 'near' | 'far' | 'unknown' {
  if (!expectedBy) return 'unknown';
  const days = (Date.parse(`${expectedBy}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  if (days <= 0) return 'now';
  if (days <= 30) return 'imminent';
  if (days <= 90) return 'near';
  return 'far';
}
