import { describe, expect, it } from 'vitest';
import { niceTicks } from './charts.tsx';
import { percent, riskLevel, trendText } from './dashboard-model.ts';

describe('dashboard figures in words', () => {
  it('says how a KPI moved and whether that is better', () => {
    expect(trendText({ delta: 0.125, direction: 'up', better: true }, 'share')).toEqual({
      arrow: '↑',
      words: 'up 13 pts, better',
      tone: 'green',
    });
    expect(trendText({ delta: 6, direction: 'up', better: false }, 'days')).toEqual({
      arrow: '↑',
      words: 'up 6 days, worse',
      tone: 'red',
    });
    expect(trendText({ delta: 0, direction: 'flat', better: null }, 'count').words).toBe('unchanged');
    expect(trendText({ delta: null, direction: 'unknown', better: null }, 'count').words).toBe(
      'no comparison',
    );
  });

  it('bands risk cells and writes shares', () => {
    expect([riskLevel(5, 5), riskLevel(3, 5), riskLevel(2, 3), riskLevel(1, 5)]).toEqual([
      'high',
      'high',
      'medium',
      'low',
    ]);
    expect(percent(0.6667)).toBe('67 %');
    expect(percent(null)).toBe('—');
  });

  it('cuts axes at round values, whole numbers for counts', () => {
    expect(niceTicks(9.2)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(1, 4, true)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
