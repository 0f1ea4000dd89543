/**
 * Pure logic of the AHP pairwise-comparison editor: the matrix, Saaty's 1/9 … 9 scale, and how a
 * value reads. a[i][j] says how much more objective i matters than objective j; a[j][i] = 1 / a[i][j].
 */

export type AhpMatrix = number[][];

/** Saaty's scale from "row 9× more important" down to "column 9× more important". */
export const SAATY_VALUES: readonly number[] = [
  9,
  8,
  7,
  6,
  5,
  4,
  3,
  2,
  1,
  1 / 2,
  1 / 3,
  1 / 4,
  1 / 5,
  1 / 6,
  1 / 7,
  1 / 8,
  1 / 9,
];

export const SAATY_MIN = 1 / 9;
export const SAATY_MAX = 9;

/** What the odd steps of the scale mean. */
export const SAATY_MEANINGS: readonly { value: number; meaning: string }[] = [
  { value: 1, meaning: 'equally important' },
  { value: 3, meaning: 'moderately more important' },
  { value: 5, meaning: 'strongly more important' },
  { value: 7, meaning: 'very strongly more important' },
  { value: 9, meaning: 'extremely more important' },
];

/** The consistency ratio above which the comparisons should be revised. */
export const CR_LIMIT = 0.1;

const clamp = (v: number): number => Math.min(SAATY_MAX, Math.max(SAATY_MIN, v));

/** An n × n matrix of 1s (every pair equally important). */
export function identityMatrix(n: number): AhpMatrix {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
}

/**
 * The matrix to start editing from: the saved one when it covers exactly the active objectives
 * (in any order; rows and columns are re-ordered to `activeIds`), else all 1s.
 * Saved values are clamped to the scale and the lower triangle is rebuilt as reciprocals.
 */
export function matrixFromSaved(
  saved: { objectiveIds: readonly string[]; matrix: readonly (readonly number[])[] } | null | undefined,
  activeIds: readonly string[],
): { matrix: AhpMatrix; fromSaved: boolean } {
  const n = activeIds.length;
  if (
    !saved ||
    !sameIds(saved.objectiveIds, activeIds) ||
    saved.matrix.length !== saved.objectiveIds.length
  ) {
    return { matrix: identityMatrix(n), fromSaved: false };
  }
  const at = new Map(saved.objectiveIds.map((id, i) => [id, i]));
  const m = identityMatrix(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const si = at.get(activeIds[i] ?? '') ?? -1;
      const sj = at.get(activeIds[j] ?? '') ?? -1;
      const raw = saved.matrix[si]?.[sj];
      const v = typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? clamp(raw) : 1;
      setCell(m, i, j, v);
    }
  }
  return { matrix: m, fromSaved: true };
}

/** True when both lists hold the same ids (order does not matter). */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return set.size === a.length && b.every((id) => set.has(id));
}

function setCell(m: AhpMatrix, i: number, j: number, v: number): void {
  const ri = m[i];
  const rj = m[j];
  if (!ri || !rj) return;
  ri[j] = v;
  rj[i] = 1 / v;
}

/**
 * A copy of the matrix with a[i][j] = value and a[j][i] = 1 / value (value clamped to 1/9 … 9).
 * The diagonal stays 1: setting a[i][i] changes nothing.
 */
export function setPair(
  matrix: readonly (readonly number[])[],
  i: number,
  j: number,
  value: number,
): AhpMatrix {
  const m = matrix.map((row) => [...row]);
  if (i === j || i < 0 || j < 0 || i >= m.length || j >= m.length || !(value > 0)) return m;
  setCell(m, i, j, clamp(value));
  return m;
}

/** True when the diagonal is 1 and every a[j][i] is 1 / a[i][j] (within a tolerance). */
export function isReciprocal(matrix: readonly (readonly number[])[], tolerance = 1e-9): boolean {
  const n = matrix.length;
  for (let i = 0; i < n; i++) {
    if (matrix[i]?.length !== n) return false;
    if (Math.abs((matrix[i]?.[i] ?? 0) - 1) > tolerance) return false;
    for (let j = i + 1; j < n; j++) {
      const a = matrix[i]?.[j] ?? 0;
      const b = matrix[j]?.[i] ?? 0;
      if (!(a > 0) || Math.abs(a * b - 1) > tolerance) return false;
    }
  }
  return true;
}

/** The scale step nearest to a value (in log space, so 1/3 and 3 are as far from 1). */
export function nearestSaaty(value: number): number {
  if (!(value > 0)) return 1;
  const lv = Math.log(value);
  let best = 1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const s of SAATY_VALUES) {
    const d = Math.abs(Math.log(s) - lv);
    if (d < bestDistance - 1e-12) {
      best = s;
      bestDistance = d;
    }
  }
  return best;
}

/** A value as it reads on the scale: 3 → "3", 1/3 → "1/3", 2.5 → "2.5", 0.4 → "1/2.5". */
export function formatSaaty(value: number): string {
  if (!(value > 0) || !Number.isFinite(value)) return '—';
  if (value >= 1) return trimNumber(value);
  return `1/${trimNumber(1 / value)}`;
}

function trimNumber(v: number): string {
  const rounded = Math.round(v);
  if (Math.abs(v - rounded) < 1e-6) return String(rounded);
  return String(Number(v.toFixed(2)));
}

/** Reads what formatSaaty writes ("1/3", "3", "2.5"); null when it is not a value on the scale range. */
export function parseSaaty(text: string): number | null {
  const t = text.trim();
  const m = /^(?:1\/)?(\d+(?:\.\d+)?)$/.exec(t);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  if (!(n > 0)) return null;
  const v = t.startsWith('1/') ? 1 / n : n;
  return v >= SAATY_MIN - 1e-9 && v <= SAATY_MAX + 1e-9 ? v : null;
}

export type SaatyOption = { value: string; label: string };

/**
 * The choices of one pair's select, from "A is 9× more important" through "Equal" to
 * "B is 9× more important" (A = the row objective, B = the column objective).
 */
export function saatyOptions(rowName: string, columnName: string, current?: number): SaatyOption[] {
  const values = [...SAATY_VALUES];
  // A saved value between two steps (e.g. 2.5) stays selectable, so the select shows what is stored.
  if (current !== undefined && current > 0 && !isSaatyStep(current)) {
    values.push(current);
    values.sort((a, b) => b - a);
  }
  return values.map((v) => ({ value: formatSaaty(v), label: describeJudgement(v, rowName, columnName) }));
}

/** True when the value is one of the 17 steps of the scale. */
export function isSaatyStep(value: number): boolean {
  return SAATY_VALUES.some((s) => Math.abs(s - value) < 1e-9);
}

/** A judgement as a sentence: "A is 3× more important", "Equal", "B is 2× more important". */
export function describeJudgement(value: number, rowName: string, columnName: string): string {
  if (Math.abs(value - 1) < 1e-9) return 'Equal';
  return value > 1
    ? `${rowName} is ${formatSaaty(value)}× more important`
    : `${columnName} is ${formatSaaty(1 / value)}× more important`;
}

/** "A", "B", … "O": short names of the objectives in the matrix (at most 15). */
export function objectiveLetter(index: number): string {
  return String.fromCharCode(65 + (index % 26));
}

/**
 * The pair whose judgement disagrees most with the weights (a[i][j] against w[i] / w[j]), to tell
 * the user where to look when the comparisons are inconsistent. Null for fewer than 3 objectives.
 */
export function mostInconsistentPair(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
): { i: number; j: number; judged: number; implied: number } | null {
  const n = matrix.length;
  if (n < 3 || weights.length !== n) return null;
  let worst: { i: number; j: number; judged: number; implied: number } | null = null;
  let worstDistance = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const judged = matrix[i]?.[j] ?? 1;
      const wi = weights[i] ?? 0;
      const wj = weights[j] ?? 0;
      if (!(wi > 0) || !(wj > 0) || !(judged > 0)) continue;
      const implied = wi / wj;
      const d = Math.abs(Math.log(judged / implied));
      if (d > worstDistance + 1e-12) {
        worstDistance = d;
        worst = { i, j, judged, implied };
      }
    }
  }
  return worst;
}

/** True when the two matrices hold the same values (within a tolerance). */
export function sameMatrix(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): boolean {
  if (a.length !== b.length) return false;
  return a.every(
    (row, i) =>
      row.length === b[i]?.length && row.every((v, j) => Math.abs(v - (b[i]?.[j] ?? Number.NaN)) < 1e-9),
  );
}
