import { describe, expect, it } from 'vitest';
import { bandOf, formatHours, formatPercent } from './utilisation.ts';

describe('utilisation bands', () => {
  it('puts each ratio in its band, boundaries included in the lower band', () => {
    expect(bandOf(0)).toBe('under');
    expect(bandOf(0.699)).toBe('under');
    expect(bandOf(0.7)).toBe('full');
    expect(bandOf(1)).toBe('full');
    expect(bandOf(1.0004)).toBe('full');
    expect(bandOf(1.01)).toBe('over');
    expect(bandOf(1.1)).toBe('over');
    expect(bandOf(1.11)).toBe('critical');
    expect(bandOf(3)).toBe('critical');
  });

  it('reads no capacity as empty, unless there is demand for it', () => {
    expect(bandOf(null)).toBe('none');
    expect(bandOf(null, 0)).toBe('none');
    expect(bandOf(null, 8)).toBe('critical');
    expect(bandOf(Number.POSITIVE_INFINITY, 8)).toBe('critical');
  });

  it('formats percentages and hours for cells', () => {
    expect(formatPercent(0.854)).toBe('85 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatHours(37.5)).toBe('37.5');
    expect(formatHours(8)).toBe('8');
    expect(formatHours(0.26)).toBe('0.3');
    expect(formatHours(39.99)).toBe('40');
  });
});
