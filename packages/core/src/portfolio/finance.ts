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

/**
 * Internal rate of return per period: the rate at which NPV is 0. Null when the flows never change
 * sign or no root lies in (−99.99 %, 10⁶ %). Brackets a sign change of NPV on a rate grid, then
 * bisects (robust; NPV need not be monotone for unconventional flows — the lowest root is returned).
 */
export function irr(flows: readonly number[]): number | null {
  const hasPos = flows.some((f) => f > 0);
  const hasNeg = flows.some((f) => f < 0);
  if (!hasPos || !hasNeg) return null;
  const grid: number[] = [];
  for (let r = -0.9999; r < 10_000; r = r < 0 ? r + 0.05 : r < 1 ? r + 0.01 : r * 1.25) grid.push(r);
  let lo = grid[0] as number;
  let flo = npv(lo, flows);
  for (let i = 1; i < grid.length; i++) {
    const hi = grid[i] as number;
    const fhi = npv(hi, flows);
    if (flo === 0) return lo;
    if (Math.sign(flo) !== Math.sign(fhi)) {
      let a = lo;
      let b = hi;
      let fa = flo;
      for (let k = 0; k < 200 && b - a > 1e-12 * Math.max(1, Math.abs(a)); k++) {
        const m = (a + b) / 2;
        const fm = npv(m, flows);
        if (fm === 0) return m;
        if (Math.sign(fm) === Math.sign(fa)) {
          a = m;
          fa = fm;
        } else b = m;
      }
      return (a + b) / 2;
    }
    lo = hi;
    flo = fhi;
  }
  return null;
}

/**
 * The period at which the cumulative flow, having been negative, comes back to 0 — interpolated
 * linearly within the period that crosses (−100, +60, +60 pays back at 1.67); 0 when it is never
 * negative; null when it never recovers. A later dip below 0 moves payback to the later recovery.
 */
export function paybackPeriod(flows: readonly number[]): number | null {
  let cum = 0;
  let payback: number | null = 0;
  for (let t = 0; t < flows.length; t++) {
    const f = flows[t] as number;
    const next = cum + f;
    if (next < 0) payback = null;
    else if (payback === null) payback = t - 1 + (cum < 0 && f > 0 ? -cum / f : 1);
    cum = next;
  }
  return payback;
}
