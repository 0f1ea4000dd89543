import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHANGE_LEVELS,
  changeLevel,
  checkRiskMatrix,
  DEFAULT_RISK_MATRIX,
  heatMap,
  mayDecide,
  proximityOf,
  riskLevel,
  riskScore,
  routingReason,
} from './index.ts';

describe('risk matrix', () => {
  it('scores probability × impact and levels it on the default 5 × 5 matrix', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(5, 5)).toBe(25);
    expect(riskLevel(4)).toBe('low');
    expect(riskLevel(5)).toBe('medium');
    expect(riskLevel(10)).toBe('medium');
    expect(riskLevel(12)).toBe('high');
    expect(riskLevel(riskScore(4, 3))).toBe('high');
    expect(riskLevel(riskScore(2, 2))).toBe('low');
  });

  it('levels never go down as probability or impact rise (property)', () => {
    const rating = fc.integer({ min: 1, max: 5 });
    const order = { low: 0, medium: 1, high: 2 } as const;
    fc.assert(
      fc.property(rating, rating, rating, (p, i, dp) => {
        const p2 = Math.min(5, p + dp);
        expect(order[riskLevel(riskScore(p2, i))]).toBeGreaterThanOrEqual(order[riskLevel(riskScore(p, i))]);
      }),
    );
  });

  it('checks a configured matrix', () => {
    expect(checkRiskMatrix(DEFAULT_RISK_MATRIX)).toBeNull();
    expect(checkRiskMatrix({ size: 2, mediumFrom: 2, highFrom: 3 })).toMatch(/^size/);
    expect(checkRiskMatrix({ size: 4, mediumFrom: 6, highFrom: 6 })).toMatch(/^highFrom/);
    expect(checkRiskMatrix({ size: 4, mediumFrom: 1, highFrom: 9 })).toMatch(/^mediumFrom/);
    expect(checkRiskMatrix({ size: 4, mediumFrom: 4, highFrom: 17 })).toMatch(/^highFrom/);
    expect(riskLevel(9, { size: 4, mediumFrom: 4, highFrom: 9 })).toBe('high');
  });

  it('counts risks per cell of the heat map, ignoring ratings off the matrix', () => {
    const map = heatMap([
      { probability: 1, impact: 5 },
      { probability: 1, impact: 5 },
      { probability: 5, impact: 1 },
      { probability: 6, impact: 1 },
    ]);
    expect(map[0]?.[4]).toBe(2);
    expect(map[4]?.[0]).toBe(1);
    expect(map.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('says how near a risk is', () => {
    expect(proximityOf(null, '2027-01-01')).toBe('unknown');
    expect(proximityOf('2026-12-01', '2027-01-01')).toBe('now');
    expect(proximityOf('2027-01-20', '2027-01-01')).toBe('imminent');
    expect(proximityOf('2027-03-01', '2027-01-01')).toBe('near');
    expect(proximityOf('2027-06-01', '2027-01-01')).toBe('far');
  });
});

describe('change routing', () => {
  const t = { projectManagerCostLimit: 10_000, projectManagerDaysLimit: 10 };

  it('keeps a change within both limits with the project manager, inclusive', () => {
    expect(changeLevel({ costImpact: 10_000, scheduleImpactDays: 10 }, t)).toBe('project_manager');
    expect(changeLevel({ costImpact: -10_000, scheduleImpactDays: -3 }, t)).toBe('project_manager');
    expect(changeLevel({ costImpact: 10_001, scheduleImpactDays: 0 }, t)).toBe('change_board');
    expect(changeLevel({ costImpact: 0, scheduleImpactDays: 11 }, t)).toBe('change_board');
    expect(routingReason({ costImpact: 20_000, scheduleImpactDays: 30 }, t)).toMatch(
      /cost impact.*and.*30 days/,
    );
    expect(routingReason({ costImpact: 1, scheduleImpactDays: 1 }, t)).toMatch(/Within/);
  });

  it('lets the board decide anything and the project manager only their level', () => {
    expect(mayDecide('change_board', 'project_manager')).toBe(true);
    expect(mayDecide('change_board', 'change_board')).toBe(true);
    expect(mayDecide('project_manager', 'project_manager')).toBe(true);
    expect(mayDecide('project_manager', 'change_board')).toBe(false);
    expect(mayDecide(null, 'project_manager')).toBe(false);
  });

  it('never routes a bigger change to a lower authority (property)', () => {
    const amount = fc.integer({ min: -1e6, max: 1e6 });
    const days = fc.integer({ min: -400, max: 400 });
    fc.assert(
      fc.property(amount, days, fc.nat(1e6), fc.nat(400), (c, d, dc, dd) => {
        const bigger = {
          costImpact: Math.sign(c || 1) * (Math.abs(c) + dc),
          scheduleImpactDays: Math.sign(d || 1) * (Math.abs(d) + dd),
        };
        expect(CHANGE_LEVELS.indexOf(changeLevel(bigger, t))).toBeGreaterThanOrEqual(
          CHANGE_LEVELS.indexOf(changeLevel({ costImpact: c, scheduleImpactDays: d }, t)),
        );
      }),
    );
  });
});
