import type { RiskLevel, RiskTrendPoint } from '../../api/raid.ts';

/** The trend chart's drawing box (SVG user units) and its margins. */
export const TREND_BOX = { width: 720, height: 240, left: 40, right: 12, top: 14, bottom: 44 } as const;
export type Box = { width: number; height: number; left: number; right: number; top: number; bottom: number };

/** Stacked bottom to top: the levels that matter most sit on the axis. */
export const STACK_ORDER: readonly RiskLevel[] = ['high', 'medium', 'low'];

export type TrendScale = { max: number; step: number; ticks: number[] };

/**
 * A y-scale for whole counts: a step of 1, 2 or 5 × 10ⁿ giving at most `maxTicks` intervals, and a
 * top that is a multiple of the step and at least the largest value (1 for an empty chart).
 */
export function trendScale(largest: number, maxTicks = 4): TrendScale {
  const top = Math.max(1, Math.ceil(Number.isFinite(largest) ? largest : 0));
  const rough = top / Math.max(1, maxTicks);
  let magnitude = 1;
  while (magnitude * 10 <= rough) magnitude *= 10;
  const step =
    rough <= 1 ? 1 : ([1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const max = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  return { max, step, ticks };
}

export type TrendSegment = { level: RiskLevel; value: number; y: number; height: number };
export type TrendBar = {
  week: string;
  x: number;
  width: number;
  total: number;
  segments: TrendSegment[];
};

export function totalOf(p: Pick<RiskTrendPoint, RiskLevel>): number {
  return p.low + p.medium + p.high;
}

/** Bars and their stacked segments for the weeks, in the box's plot area, on the scale. */
export function stackBars(
  trend: readonly RiskTrendPoint[],
  scale: TrendScale,
  box: Box = TREND_BOX,
): TrendBar[] {
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const bottom = box.height - box.bottom;
  const slot = trend.length > 0 ? plotWidth / trend.length : plotWidth;
  const width = slot * 0.62;
  return trend.map((p, k) => {
    let base = bottom;
    const segments: TrendSegment[] = [];
    for (const level of STACK_ORDER) {
      const value = p[level];
      const height = (value / scale.max) * plotHeight;
      base -= height;
      segments.push({ level, value, y: base, height });
    }
    return { week: p.week, x: box.left + k * slot + (slot - width) / 2, width, total: totalOf(p), segments };
  });
}

/** The y coordinate of a count on the scale. */
export function yOf(value: number, scale: TrendScale, box: Box = TREND_BOX): number {
  const plotHeight = box.height - box.top - box.bottom;
  return box.height - box.bottom - (value / scale.max) * plotHeight;
}

/** "12 open risks on 30 Nov: 3 high, 2 medium, 7 low" style summary of the newest week against the first. */
export function trendSentence(trend: readonly RiskTrendPoint[], formatWeek: (iso: string) => string): string {
  const first = trend[0];
  const last = trend[trend.length - 1];
  if (!first || !last) return 'No trend yet.';
  const now = totalOf(last);
  const then = totalOf(first);
  const change =
    now === then ? 'the same as' : now > then ? `${now - then} more than` : `${then - now} fewer than`;
  return `Week of ${formatWeek(last.week)}: ${now} open (${last.high} high, ${last.medium} medium, ${last.low} low), ${change} in the week of ${formatWeek(first.week)}.`;
}
