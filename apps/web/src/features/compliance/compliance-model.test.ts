import { describe, expect, it } from 'vitest';
import { scoreTone } from './CompliancePage.tsx';

describe('scoreTone', () => {
  it('bands scores, inclusive at the bottom of each band', () => {
    expect(scoreTone(null)).toBe('gray');
    expect(scoreTone(100)).toBe('green');
    expect(scoreTone(90)).toBe('green');
    expect(scoreTone(89)).toBe('amber');
    expect(scoreTone(60)).toBe('amber');
    expect(scoreTone(59)).toBe('red');
    expect(scoreTone(0)).toBe('red');
  });
});
