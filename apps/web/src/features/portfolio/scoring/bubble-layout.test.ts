import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHART_BOX,
  labelWidth,
  layoutBubbles,
  linear,
  MAX_JITTER,
  MAX_RADIUS,
  MIN_RADIUS,
  niceStep,
  niceTicks,
  overlaps,
  placeLabels,
  plotArea,
  quadrantOf,
  quadrantSplit,
  radiusOf,
  tooltipAnchor,
  yAxisOf,
} from './bubble-layout.ts';

describe('scales', () => {
  it('maps linearly and back, also onto a reversed range', () => {
    const y = linear([0, 100], [400, 0]);
    expect(y(0)).toBe(400);
    expect(y(25)).toBe(300);
    expect(y.invert(300)).toBe(25);
    expect(linear([1, 1], [0, 10])(5)).toBe(0);
  });

  it('picks nice steps and ticks', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(7, 5)).toBe(2);
    expect(niceStep(12, 5)).toBe(2.5);
    expect(niceTicks(0, 49.8, 5)).toEqual({ domain: [0, 50], ticks: [0, 10, 20, 30, 40, 50] });
    const npv = niceTicks(-38_049_624, 10_280_596, 6);
    expect(npv.domain[0]).toBeLessThanOrEqual(-38_049_624);
    expect(npv.domain[1]).toBeGreaterThanOrEqual(10_280_596);
    expect(npv.ticks).toContain(0);
    expect(niceTicks(0, 0).domain).toEqual([0, 1]);
  });

  it('shows value scores on at most 0–100, and NPV around zero', () => {
    expect(yAxisOf('value', [0, 0]).domain).toEqual([0, 10]);
    expect(yAxisOf('value', [99]).domain).toEqual([0, 100]);
    const npv = yAxisOf('npv', [500, 2_000]);
    expect(npv.domain[0]).toBe(0);
  });

  it('sizes bubbles by area: four times the cost, twice the radius', () => {
    expect(radiusOf(100, 100)).toBe(MAX_RADIUS);
    expect(radiusOf(25, 100)).toBeCloseTo(MAX_RADIUS / 2);
    expect(radiusOf(0, 100)).toBe(MIN_RADIUS);
    expect(radiusOf(1, 1e9)).toBe(MIN_RADIUS);
    expect(radiusOf(10, 0)).toBe(MIN_RADIUS);
  });
});

describe('quadrants', () => {
  it('splits at the middle of the risk scale and the value axis; NPV at zero', () => {
    expect(quadrantSplit('value', [0, 60])).toEqual({ risk: 3, y: 30 });
    expect(quadrantSplit('npv', [-40, 20])).toEqual({ risk: 3, y: 0 });
    expect(quadrantSplit('npv', [10, 20])).toEqual({ risk: 3, y: 15 });
  });

  it('names the quadrant of a point', () => {
    const split = { risk: 3, y: 50 };
    expect(quadrantOf(1, 80, split)).toBe('quick-wins');
    expect(quadrantOf(5, 80, split)).toBe('big-bets');
    expect(quadrantOf(2, 10, split)).toBe('fill-ins');
    expect(quadrantOf(4, 10, split)).toBe('reconsider');
    expect(quadrantOf(3, 10, split)).toBeNull();
  });
});

describe('bubble layout', () => {
  const area = plotArea(CHART_BOX);

  it('puts a lone bubble exactly at its risk and value', () => {
    const { bubbles, x, y } = layoutBubbles([{ id: 'a', risk: 2, y: 40, cost: 10 }], 'value');
    const [b] = bubbles;
    expect(b?.cx).toBe(x(2));
    expect(b?.cy).toBe(y(40));
    expect(b?.jitter).toBe(0);
    expect(b?.r).toBe(MAX_RADIUS);
    expect(x(0.5)).toBe(area.left);
    expect(x(5.5)).toBe(area.right);
  });

  it('pushes bubbles at the same point apart, keeping the input order', () => {
    const points = [
      { id: 'a', risk: 3, y: 0, cost: 100 },
      { id: 'b', risk: 3, y: 0, cost: 60 },
    ];
    const { bubbles } = layoutBubbles(points, 'value');
    expect(bubbles.map((b) => b.id)).toEqual(['a', 'b']);
    const [a, b] = bubbles;
    if (!a || !b) throw new Error('two bubbles');
    expect(overlaps(a, b)).toBe(false);
    expect(a.jitter).toBe(0); // the larger stays on its rating
    expect(Math.abs(b.jitter)).toBeGreaterThan(0);
  });

  it('never moves a bubble out of its rating band, and avoids overlaps when there is room (property)', () => {
    const point = fc.record({
      risk: fc.integer({ min: 1, max: 5 }),
      y: fc.double({ min: 0, max: 100, noNaN: true }),
      cost: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), (raw) => {
        const points = raw.map((p, i) => ({ ...p, id: `p${i}` }));
        const { bubbles } = layoutBubbles(points, 'value');
        expect(bubbles).toHaveLength(points.length);
        for (const b of bubbles) expect(Math.abs(b.jitter)).toBeLessThanOrEqual(MAX_JITTER + 1e-9);
      }),
    );
    // Three small bubbles on one spot fit side by side within the band.
    const few = ['a', 'b', 'c'].map((id) => ({ id, risk: 1, y: 50, cost: 1 }));
    const placed = layoutBubbles([...few, { id: 'big', risk: 5, y: 50, cost: 1000 }], 'value').bubbles;
    for (const p of placed) for (const q of placed) if (p !== q) expect(overlaps(p, q)).toBe(false);
  });

  it('anchors the tooltip above a bubble, or below one near the top', () => {
    const low = { id: 'a', risk: 3, y: 0, cost: 1, cx: 480, cy: 400, r: 10, jitter: 0 };
    expect(tooltipAnchor(low)).toEqual({ left: 50, top: (384 / 520) * 100, below: false });
    expect(tooltipAnchor({ ...low, cy: 40 }).below).toBe(true);
  });
});

describe('bubble labels', () => {
  it('labels a big bubble inside, a small one beside it, and keeps labels apart', () => {
    const points = [
      { id: 'big', risk: 3, y: 50, cost: 100 },
      { id: 'small', risk: 1, y: 50, cost: 1 },
      { id: 's2', risk: 1, y: 50, cost: 1 },
      { id: 's3', risk: 1, y: 51, cost: 1 },
    ];
    const { bubbles } = layoutBubbles(points, 'value');
    const labels = placeLabels(bubbles, () => 'PR-001');
    expect(labels.map((l) => l.id)).toEqual(['big', 'small', 's2', 's3']);
    expect(labels[0]).toMatchObject({ inside: true, anchor: 'middle' });
    expect(labels[1]?.inside).toBe(false);
    const w = labelWidth('PR-001');
    const rect = (l: { x: number; y: number; anchor: string }) => {
      const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
      return { x0, x1: x0 + w, y0: l.y - 6.5, y1: l.y + 6.5 };
    };
    const rs = labels.map(rect);
    for (let i = 0; i < rs.length; i++)
      for (let j = i + 1; j < rs.length; j++) {
        const a = rs[i];
        const b = rs[j];
        if (!a || !b) continue;
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
      }
  });
});
