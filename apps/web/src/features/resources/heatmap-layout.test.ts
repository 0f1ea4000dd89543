import { describe, expect, it } from 'vitest';
import { visibleRowRange } from './heatmap-layout.ts';

describe('heatmap row window', () => {
  it('renders the visible rows plus the overscan, clamped to the list', () => {
    expect(visibleRowRange(0, 360, 500, 36, 40, 8)).toEqual({ first: 0, last: 18 });
    expect(visibleRowRange(40 + 36 * 100, 360, 500, 36, 40, 8)).toEqual({ first: 92, last: 118 });
    expect(visibleRowRange(1_000_000, 360, 500, 36, 40, 8)).toEqual({ first: 499, last: 499 });
  });

  it('renders nothing for no rows, and everything for a short list', () => {
    expect(visibleRowRange(0, 360, 0)).toEqual({ first: 0, last: -1 });
    expect(visibleRowRange(0, 2000, 5)).toEqual({ first: 0, last: 4 });
  });
});
