import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { irr, npv, paybackPeriod } from './finance.ts';

/** An investment followed by returns: one or more outflows, then inflows (one sign change). */
const conventional = fc
  .tuple(
    fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3 }),
    fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
  )
  .filter(([, ins]) => ins.some((x) => x > 1))
  .map(([outs, ins]) => [...outs.map((x) => -x), ...ins]);
/** The textbook case: one outflow at t = 0, then inflows only (NPV strictly decreasing in the rate). */
const investment = fc
  .tuple(
    fc.double({ min: 1, max: 1e6, noNaN: true }),
    fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
  )
  .filter(([, ins]) => ins.some((x) => x > 1))
  .map(([out, ins]) => [-out, ...ins]);

describe('npv', () => {
  it('discounts flow t by (1 + rate)^t, flow 0 undiscounted', () => {
    expect(npv(0.1, [-100, 110])).toBeCloseTo(0, 12);
    expect(npv(0.05, [10])).toBe(10);
    expect(npv(0, [1, 2, 3])).toBe(6);
    expect(npv(0.1, [0, 0, 121])).toBeCloseTo(100, 10);
  });

  it('decreases as the rate rises for an outlay followed by returns (property)', () => {
    fc.assert(
      fc.property(
        investment,
        fc.double({ min: -0.5, max: 2, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (flows, r, dr) => {
          expect(npv(r + dr, flows)).toBeLessThanOrEqual(
            npv(r, flows) + 1e-9 * Math.max(1, Math.abs(npv(r, flows))),
          );
        },
      ),
    );
  });
});

describe('irr', () => {
  it('finds known rates', () => {
    expect(irr([-100, 110])).toBeCloseTo(0.1, 10);
    expect(irr([-100, 60, 60])).toBeCloseTo(0.130662, 5);
    expect(irr([-1000, 0, 0, 1331])).toBeCloseTo(0.1, 10);
    expect(irr([-100, 50])).toBeCloseTo(-0.5, 10);
    // Between the last geometric grid step (≈ 9 412) and the top of the range (10 000).
    expect(irr([-1, 9413.343651268615])).toBeCloseTo(9412.343651268615, 6);
  });

  it('is null without a sign change or without a root', () => {
    expect(irr([100, 50])).toBeNull();
    expect(irr([-100, -50])).toBeNull();
    expect(irr([0, 0])).toBeNull();
    expect(irr([])).toBeNull();
    // +100, −300, +300: NPV = 100 − 300x + 300x² > 0 for every x = 1/(1+r): no real root.
    expect(irr([100, -300, 300])).toBeNull();
  });

  it('returns the lowest root of unconventional flows', () => {
    // (1 − 1.1x)(1 − 1.2x)·(−100) expanded: roots at 10 % and 20 %.
    const flows = [-100, 230, -132];
    const r = irr(flows) as number;
    expect(r).toBeCloseTo(0.1, 8);
    expect(npv(r, flows)).toBeCloseTo(0, 8);
  });

  it('makes the NPV zero at the rate it returns (property)', () => {
    fc.assert(
      fc.property(conventional, (flows) => {
        const r = irr(flows);
        if (r === null) {
          // Only when the root would lie outside the range searched: NPV keeps one sign on it.
          expect(Math.sign(npv(-0.99, flows))).toBe(Math.sign(npv(10_000, flows)));
          return;
        }
        const scale = flows.reduce((s, f) => s + Math.abs(f), 0);
        expect(Math.abs(npv(r, flows))).toBeLessThanOrEqual(1e-7 * scale);
      }),
    );
  });
});

describe('paybackPeriod', () => {
  it('interpolates within the period the cumulative flow turns non-negative', () => {
    expect(paybackPeriod([-100, 60, 60])).toBeCloseTo(1 + 40 / 60, 12);
    expect(paybackPeriod([-100, 50, 50])).toBe(2);
    expect(paybackPeriod([-100, 100])).toBe(1);
    expect(paybackPeriod([10, 20])).toBe(0);
    expect(paybackPeriod([-100, 10])).toBeNull();
    expect(paybackPeriod([0, -100, 150])).toBeCloseTo(1 + 100 / 150, 12);
  });

  it('is consistent with the cumulative sums (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 15 }), (flows) => {
        const cum: number[] = [];
        flows.reduce((s, f, t) => (cum[t] = s + f), 0);
        const firstNegative = cum.findIndex((c) => c < 0);
        const pb = paybackPeriod(flows);
        if (firstNegative < 0) return void expect(pb).toBe(0);
        const recovery = cum.findIndex((c, t) => t > firstNegative && c >= 0);
        if (recovery < 0) return void expect(pb).toBeNull();
        // Between the period before recovery and the recovery itself, where the line crosses 0.
        expect(pb).not.toBeNull();
        expect(pb as number).toBeGreaterThan(recovery - 1);
        expect(pb as number).toBeLessThanOrEqual(recovery);
        const before = cum[recovery - 1] as number;
        const after = cum[recovery] as number;
        const interpolated = before + (after - before) * ((pb as number) - (recovery - 1));
        expect(interpolated).toBeCloseTo(0, 9);
      }),
    );
  });
});
