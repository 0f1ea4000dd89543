/** Net present value of flows at a rate per period; flow 0 is at t = 0, undiscounted. */
export function npv(rate: number, flows: readonly number[]): number {
  let sum = 0;
  let factor = 1;
  for (const f of flows) {
    sum += f / factor;
    factor *= 1 + rate;
  }
  return sum;
}

/** d NPV / d rate. */
function npvSlope(rate: number, flows: readonly number[]): number {
  let sum = 0;
  for (let t = 1; t < flows.length; t++) sum -= (t * (flows[t] as number)) / (1 + rate) ** (t + 1);
  return sum;
}

/** Rates scanned for a sign change of NPV: fine near 0, coarser further out, up to 10⁶ % per period. */
const GRID: readonly number[] = (() => {
  const g: number[] = [];
  for (let r = -0.99; r < 1; r += 0.01) g.push(Math.round(r * 100) / 100);
  for (let r = 1; r < 10_000; r *= 1.1) g.push(r);
  // The top of the range itself, so a root between the last geometric step and 10⁴ is bracketed.
  g.push(10_000);
  return g;
})();

/**
 * Internal rate of return per period: the rate at which NPV is 0. Null when the flows never change
 * sign or no root lies in (−99 %, 10⁶ %). Brackets the lowest sign change of NPV on a rate grid
 * (unconventional flows can have several roots; the lowest is returned), then Newton steps kept
 * inside the bracket, falling back to bisection whenever a step would leave it.
 */
export function irr(flows: readonly number[]): number | null {
  if (!flows.some((f) => f > 0) || !flows.some((f) => f < 0)) return null;
  let lo = GRID[0] as number;
  let flo = npv(lo, flows);
  if (flo === 0) return lo;
  for (let i = 1; i < GRID.length; i++) {
    const hi = GRID[i] as number;
    const fhi = npv(hi, flows);
    if (fhi === 0) return hi;
    if (Math.sign(flo) !== Math.sign(fhi)) return refine(flows, lo, hi, flo);
    lo = hi;
    flo = fhi;
  }
  return null;
}

function refine(flows: readonly number[], lo: number, hi: number, flo: number): number {
  let a = lo;
  let b = hi;
  let fa = flo;
  let x = (a + b) / 2;
  for (let k = 0; k < 200; k++) {
    const fx = npv(x, flows);
    if (fx === 0) return x;
    if (Math.sign(fx) === Math.sign(fa)) {
      a = x;
      fa = fx;
    } else b = x;
    if (b - a <= 1e-14 * Math.max(1, Math.abs(x))) break;
    const d = npvSlope(x, flows);
    const newton = d !== 0 ? x - fx / d : Number.NaN;
    x = newton > a && newton < b ? newton : (a + b) / 2;
  }
  return x;
}

/**
 * Periods until the investment is paid back: once the cumulative flow has gone below 0, the first
 * point at which it is back at ≥ 0, interpolated linearly within that period (−100, +60, +60 pays
 * back at 1.67). 0 when the cumulative flow is never negative; null when it never recovers.
 */
export function paybackPeriod(flows: readonly number[]): number | null {
  let cum = 0;
  let wentNegative = false;
  for (let t = 0; t < flows.length; t++) {
    const f = flows[t] as number;
    const next = cum + f;
    if (next < 0) wentNegative = true;
    else if (wentNegative) return t - 1 + (cum < 0 && f > 0 ? -cum / f : 1);
    cum = next;
  }
  return wentNegative ? null : 0;
}
