import { describe, expect, it } from 'vitest';
import { daysBetween, forecastDay, percent, readControls, slipLabel, ticks } from './forecast-model.ts';

describe('forecast controls in the URL', () => {
  const defaults = { iterations: 5000, seed: 1 };
  it('reads valid values and falls back on anything else', () => {
    expect(readControls(new URLSearchParams('iterations=10000&seed=-7'), defaults)).toEqual({
      iterations: 10_000,
      seed: -7,
    });
    expect(readControls(new URLSearchParams('iterations=5&seed=1.5'), defaults)).toEqual(defaults);
    expect(readControls(new URLSearchParams('seed=0'), defaults)).toEqual({ iterations: 5000, seed: 0 });
    expect(readControls(new URLSearchParams(''), defaults)).toEqual(defaults);
  });
});

describe('forecast formatting', () => {
  it('formats days and slips', () => {
    expect(forecastDay('2027-01-12T17:00:00')).toBe('Tue, 12 Jan 2027');
    expect(daysBetween('2027-01-12T17:00:00', '2027-01-20T08:00:00')).toBe(8);
    expect(slipLabel(8)).toBe('+8 days');
    expect(slipLabel(-1)).toBe('−1 day');
    expect(slipLabel(0)).toBe('on plan');
    expect(percent(0.456)).toBe('46 %');
    expect(percent(null)).toBe('—');
  });
  it('picks round ticks inside the range', () => {
    expect(ticks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(3, 3)).toEqual([3]);
    const t = ticks(1234, 5678);
    expect(t[0]).toBeGreaterThanOrEqual(1234);
    expect(t.at(-1)).toBeLessThanOrEqual(5678);
  });
});
