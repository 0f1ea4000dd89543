import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stackBars, TREND_BOX, totalOf, trendScale, trendSentence, yOf } from './trend-model.ts';

const week = (k: number) =>
  `2026-${String(9 + Math.floor(k / 4)).padStart(2, '0')}-${String(1 + (k % 4) * 7).padStart(2, '0')}`;

describe('the trend scale', () => {
  it('is 0–1 for an empty chart', () => {
    expect(trendScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
  });
  it('counts in ones for small numbers and in nice steps for large ones', () => {
    expect(trendScale(3)).toEqual({ max: 3, step: 1, ticks: [0, 1, 2, 3] });
    expect(trendScale(7)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(trendScale(38).step).toBe(10);
    expect(trendScale(38).max).toBe(40);
    expect(trendScale(120).step).toBe(50);
  });
  it('covers the largest value with at most four whole intervals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (largest) => {
        const s = trendScale(largest);
        expect(s.max).toBeGreaterThanOrEqual(largest);
        expect(Number.isInteger(s.step)).toBe(true);
        expect(s.ticks.length - 1).toBeLessThanOrEqual(4);
        expect(s.ticks[0]).toBe(0);
        expect(s.ticks[s.ticks.length - 1]).toBe(s.max);
        expect(/^[125]0*$/.test(String(s.step))).toBe(true);
      }),
    );
  });
});

describe('stacked bars', () => {
  it('stacks the levels from the axis up, high first, within the plot (property)', () => {
    const point = fc.record({
      low: fc.integer({ min: 0, max: 40 }),
      medium: fc.integer({ min: 0, max: 40 }),
      high: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 12 }), (points) => {
        const trend = points.map((p, k) => ({ week: week(k), ...p }));
        const scale = trendScale(Math.max(...trend.map(totalOf)));
        const bars = stackBars(trend, scale);
        const bottom = TREND_BOX.height - TREND_BOX.bottom;
        for (const [k, bar] of bars.entries()) {
          expect(bar.total).toBe(totalOf(trend[k] ?? { low: 0, medium: 0, high: 0 }));
          expect(bar.segments.map((s) => s.level)).toEqual(['high', 'medium', 'low']);
          const top = bar.segments[bar.segments.length - 1];
          // The stack ends where the total sits on the scale.
          expect(top?.y ?? bottom).toBeCloseTo(yOf(bar.total, scale), 6);
          expect(top?.y ?? bottom).toBeGreaterThanOrEqual(TREND_BOX.top - 1e-9);
          expect(bar.x).toBeGreaterThanOrEqual(TREND_BOX.left);
          expect(bar.x + bar.width).toBeLessThanOrEqual(TREND_BOX.width - TREND_BOX.right + 1e-9);
          if (k > 0) expect(bar.x).toBeGreaterThan(bars[k - 1]?.x ?? 0);
        }
      }),
    );
  });
});

describe('the trend in words', () => {
  it('compares the newest week with the first', () => {
    const trend = [
      { week: '2026-09-07', low: 1, medium: 1, high: 0 },
      { week: '2026-11-30', low: 1, medium: 2, high: 3 },
    ];
    expect(trendSentence(trend, (w) => w)).toBe(
      'Week of 2026-11-30: 6 open (3 high, 2 medium, 1 low), 4 more than in the week of 2026-09-07.',
    );
    expect(trendSentence([], (w) => w)).toBe('No trend yet.');
  });
});
