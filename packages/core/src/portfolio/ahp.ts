/** Saaty's random consistency index by matrix size (n = 1 … 15). */
const RANDOM_INDEX = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

export type AhpWeights = {
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number | null;
  consistent: boolean;
};

/**
 * Weights from a pairwise comparison matrix (AHP): the principal eigenvector by power iteration,
 * normalised to sum 1; λmax, CI = (λmax − n)/(n − 1) and CR = CI / RI. Matrices of size ≤ 2 are
 * always consistent (CR null). Throws a RangeError naming the first cell that is not positive,
 * not 1 on the diagonal, or not the reciprocal of its mirror.
 */
export function ahpWeights(matrix: readonly (readonly number[])[]): AhpWeights {
  const n = matrix.length;
  if (n === 0 || n > 15) throw new RangeError('the matrix must have 1 to 15 rows');
  for (let i = 0; i < n; i++) {
    const row = matrix[i] as readonly number[];
    if (row.length !== n) throw new RangeError(`row ${i} has ${row.length} cells; the matrix is ${n} × ${n}`);
    for (let j = 0; j < n; j++) {
      const a = row[j] as number;
      if (!(a > 0) || !Number.isFinite(a))
        throw new RangeError(`cell [${i}][${j}] must be a positive number`);
      if (i === j && Math.abs(a - 1) > 1e-9) throw new RangeError(`cell [${i}][${i}] must be 1`);
      if (j > i && Math.abs(a * ((matrix[j] as readonly number[])[i] as number) - 1) > 1e-6)
        throw new RangeError(`cell [${j}][${i}] must be the reciprocal of cell [${i}][${j}]`);
    }
  }
  let w = new Array<number>(n).fill(1 / n);
  let lambda = n;
  for (let iter = 0; iter < 1000; iter++) {
    const next = matrix.map((row) => row.reduce((s, a, j) => s + a * (w[j] as number), 0));
    const sum = next.reduce((s, x) => s + x, 0);
    lambda = sum; // w sums to 1, so Σ(Aw) is the Rayleigh-style estimate of λmax
    const normalised = next.map((x) => x / sum);
    const delta = normalised.reduce((m, x, i) => Math.max(m, Math.abs(x - (w[i] as number))), 0);
    w = normalised;
    if (delta < 1e-13) break;
  }
  const ci = n > 1 ? Math.max(0, (lambda - n) / (n - 1)) : 0;
  const ri = RANDOM_INDEX[n] ?? 1.59;
  const cr = n <= 2 ? null : ci / ri;
  return { weights: w, lambdaMax: lambda, ci, cr, consistent: cr === null || cr <= 0.1 };
}

/** Σ score × weight over the weights' keys (missing scores count 0). */
export function weightedScore(scores: Record<string, number>, weights: Record<string, number>): number {
  let total = 0;
  for (const [k, w] of Object.entries(weights)) total += w * (scores[k] ?? 0);
  return total;
}
