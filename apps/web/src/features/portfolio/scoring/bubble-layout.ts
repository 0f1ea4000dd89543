/**
 * Pure maths of the value × risk × cost bubble chart: linear scales, nice ticks, bubble radii
 * (area ∝ cost), jitter so that bubbles at the same risk rating do not hide each other, quadrants.
 */

export type Box = {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
};

export const CHART_BOX: Box = {
  width: 960,
  height: 520,
  margin: { top: 28, right: 28, bottom: 64, left: 84 },
};
export const MIN_RADIUS = 5;
export const MAX_RADIUS = 28;
/** How far (in rating units) a bubble may be pushed sideways from its risk rating. */
export const MAX_JITTER = 0.45;
export const RISK_DOMAIN: [number, number] = [0.5, 5.5];
/** Space between the plot edge and the lowest / highest data value, so bubbles stay clear of the axes. */
export const Y_INSET = 22;

export type Linear = ((v: number) => number) & { invert: (px: number) => number };

/** A linear map from `domain` to `range` (either may be reversed). */
export function linear(domain: readonly [number, number], range: readonly [number, number]): Linear {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = ((v: number) => r0 + (v - d0) * k) as Linear;
  f.invert = (px: number) => (k === 0 ? d0 : d0 + (px - r0) / k);
  return f;
}

/** A step of 1, 2, 2.5 or 5 × 10^k near `span / count`. */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

/** A domain widened to whole steps around [min, max], and its ticks. */
export function niceTicks(
  min: number,
  max: number,
  count = 5,
): { domain: [number, number]; ticks: number[] } {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (lo === hi) {
    if (lo === 0) hi = 1;
    else {
      const pad = Math.abs(lo) * 0.5;
      lo -= pad;
      hi += pad;
    }
  }
  const step = niceStep(hi - lo, count);
  const start = Math.floor(lo / step + 1e-9) * step;
  const end = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step * 1e-6; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : round(v));
  return { domain: [round(start), round(end)], ticks };
}

const round = (v: number): number => Number(v.toPrecision(12));

/** Bubble radius with the area proportional to the cost; the largest cost gets `maxRadius`. */
export function radiusOf(
  cost: number,
  maxCost: number,
  minRadius = MIN_RADIUS,
  maxRadius = MAX_RADIUS,
): number {
  if (!(maxCost > 0) || !(cost > 0)) return minRadius;
  return Math.max(minRadius, maxRadius * Math.sqrt(Math.min(cost, maxCost) / maxCost));
}

export type YMode = 'value' | 'npv';

/** The y axis: value scores on 0–100 (trimmed to the data), NPV around zero. */
export function yAxisOf(
  mode: YMode,
  values: readonly number[],
): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  if (mode === 'value') {
    const t = niceTicks(0, Math.min(100, Math.max(hi, 10)), 5);
    const top = Math.min(100, t.domain[1]);
    return { domain: [0, top], ticks: t.ticks.filter((v) => v <= top) };
  }
  return niceTicks(lo, hi, 6);
}

/**
 * Where the quadrant lines cross: risk at the middle of the scale (3), value at the middle of the
 * axis; for NPV at 0 (value created or destroyed) when 0 is on the axis.
 */
export function quadrantSplit(mode: YMode, yDomain: readonly [number, number]): { risk: number; y: number } {
  const [lo, hi] = yDomain;
  if (mode === 'npv' && lo < 0 && hi > 0) return { risk: 3, y: 0 };
  return { risk: 3, y: (lo + hi) / 2 };
}

export type QuadrantId = 'quick-wins' | 'big-bets' | 'fill-ins' | 'reconsider';
export const QUADRANT_LABELS: Record<QuadrantId, string> = {
  'quick-wins': 'Quick wins',
  'big-bets': 'Big bets',
  'fill-ins': 'Fill-ins',
  reconsider: 'Reconsider',
};

/** The quadrant of a point: high value and low risk are “quick wins”, and so on; null on the risk line. */
export function quadrantOf(risk: number, y: number, split: { risk: number; y: number }): QuadrantId | null {
  if (risk === split.risk) return null;
  const high = y >= split.y;
  const lowRisk = risk < split.risk;
  if (high) return lowRisk ? 'quick-wins' : 'big-bets';
  return lowRisk ? 'fill-ins' : 'reconsider';
}

export type BubbleInput = { id: string; risk: number; y: number; cost: number };
export type PlacedBubble = BubbleInput & {
  /** Centre in chart pixels. */
  cx: number;
  cy: number;
  r: number;
  /** Sideways shift applied, in rating units. */
  jitter: number;
};

export type Layout = {
  box: Box;
  x: Linear;
  y: Linear;
  yDomain: [number, number];
  yTicks: number[];
  bubbles: PlacedBubble[];
  maxCost: number;
};

/** The plot area inside the margins. */
export function plotArea(box: Box): { left: number; right: number; top: number; bottom: number } {
  return {
    left: box.margin.left,
    right: box.width - box.margin.right,
    top: box.margin.top,
    bottom: box.height - box.margin.bottom,
  };
}

/**
 * Places every bubble: x at its risk rating, y at its value, radius from its cost. Bubbles that
 * would overlap are pushed sideways (larger ones first, then the smaller ones around them), never
 * further than MAX_JITTER from their rating, so each stays readable in its rating's band.
 */
export function layoutBubbles(points: readonly BubbleInput[], mode: YMode, box: Box = CHART_BOX): Layout {
  const area = plotArea(box);
  const x = linear(RISK_DOMAIN, [area.left, area.right]);
  const axis = yAxisOf(
    mode,
    points.map((p) => p.y),
  );
  const y = linear(axis.domain, [area.bottom - Y_INSET, area.top + Y_INSET]);
  const maxCost = Math.max(0, ...points.map((p) => p.cost));
  const pxPerRating = Math.abs(x(1) - x(0));
  const maxShift = MAX_JITTER * pxPerRating;

  const order = [...points].sort((a, b) => b.cost - a.cost || a.id.localeCompare(b.id));
  const placed: PlacedBubble[] = [];
  for (const p of order) {
    const r = radiusOf(p.cost, maxCost);
    const baseX = x(p.risk);
    const cy = y(p.y);
    let best = { shift: 0, overlap: Number.POSITIVE_INFINITY };
    for (const shift of candidateShifts(maxShift, 2)) {
      const cx = baseX + shift;
      const overlap = totalOverlap(cx, cy, r, placed);
      if (overlap < best.overlap - 1e-9) best = { shift, overlap };
      if (overlap === 0) break;
    }
    placed.push({ ...p, cx: baseX + best.shift, cy, r, jitter: best.shift / pxPerRating });
  }
  const byId = new Map(placed.map((b) => [b.id, b]));
  return {
    box,
    x,
    y,
    yDomain: axis.domain,
    yTicks: axis.ticks,
    maxCost,
    bubbles: points.map((p) => byId.get(p.id)).filter((b): b is PlacedBubble => b !== undefined),
  };
}

/** 0, +s, −s, +2s, −2s, … up to ±max. */
function* candidateShifts(max: number, step: number): Generator<number> {
  yield 0;
  for (let d = step; d <= max + 1e-9; d += step) {
    yield d;
    yield -d;
  }
}

const GAP = 2;

function totalOverlap(cx: number, cy: number, r: number, others: readonly PlacedBubble[]): number {
  let sum = 0;
  for (const o of others) {
    const d = Math.hypot(cx - o.cx, cy - o.cy);
    const need = r + o.r + GAP;
    if (d < need) sum += need - d;
  }
  return sum;
}

/** True when two placed bubbles overlap (closer than the sum of their radii). */
export function overlaps(a: PlacedBubble, b: PlacedBubble): boolean {
  return Math.hypot(a.cx - b.cx, a.cy - b.cy) < a.r + b.r - 1e-6;
}

/** Where the tooltip of a bubble goes, as percentages of the chart box (it scales with the SVG). */
export function tooltipAnchor(
  b: PlacedBubble,
  box: Box = CHART_BOX,
): { left: number; top: number; below: boolean } {
  const below = b.cy - b.r < box.height * 0.3;
  const top = below ? b.cy + b.r + 6 : b.cy - b.r - 6;
  return { left: (b.cx / box.width) * 100, top: (top / box.height) * 100, below };
}

export type LabelBox = {
  id: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  inside: boolean;
};

/** Rough width of a label in chart pixels (11 px semibold sans-serif). */
export function labelWidth(text: string, pxPerChar = 6.8): number {
  return text.length * pxPerChar + 4;
}

const LABEL_HEIGHT = 13;

type Rect = { x0: number; y0: number; x1: number; y1: number };

function rectOf(x: number, y: number, width: number, anchor: LabelBox['anchor']): Rect {
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { x0, y0: y - LABEL_HEIGHT / 2, x1: x0 + width, y1: y + LABEL_HEIGHT / 2 };
}

function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function rectHitsCircle(r: Rect, b: { cx: number; cy: number; r: number }): boolean {
  const nx = Math.max(r.x0, Math.min(b.cx, r.x1));
  const ny = Math.max(r.y0, Math.min(b.cy, r.y1));
  return Math.hypot(nx - b.cx, ny - b.cy) < b.r;
}

/**
 * Where each bubble's label goes: inside a bubble it fits in, else beside or above it, at the first
 * place that overlaps no other label and no other bubble (larger bubbles are labelled first). When
 * no place is free, the place with the fewest collisions is used.
 */
export function placeLabels(
  bubbles: readonly PlacedBubble[],
  textOf: (id: string) => string,
  box: Box = CHART_BOX,
): LabelBox[] {
  const area = plotArea(box);
  const placed: { id: string; rect: Rect; label: LabelBox }[] = [];
  const order = [...bubbles].sort((a, b) => b.r - a.r || a.id.localeCompare(b.id));
  for (const b of order) {
    const w = labelWidth(textOf(b.id));
    const candidates: LabelBox[] = [
      ...(2 * b.r >= w + 2 ? [{ id: b.id, x: b.cx, y: b.cy, anchor: 'middle' as const, inside: true }] : []),
      { id: b.id, x: b.cx + b.r + 4, y: b.cy, anchor: 'start', inside: false },
      { id: b.id, x: b.cx, y: b.cy - b.r - LABEL_HEIGHT / 2 - 2, anchor: 'middle', inside: false },
      { id: b.id, x: b.cx - b.r - 4, y: b.cy, anchor: 'end', inside: false },
      { id: b.id, x: b.cx, y: b.cy + b.r + LABEL_HEIGHT / 2 + 2, anchor: 'middle', inside: false },
    ];
    let best: { label: LabelBox; rect: Rect; hits: number } | null = null;
    for (const c of candidates) {
      const rect = rectOf(c.x, c.y, w, c.anchor);
      let hits = 0;
      if (rect.x0 < area.left || rect.x1 > box.width || rect.y0 < 0 || rect.y1 > area.bottom) hits += 1;
      for (const p of placed) if (rectsOverlap(rect, p.rect)) hits += 2;
      for (const o of bubbles) if (o.id !== b.id && rectHitsCircle(rect, o)) hits += 1;
      if (!best || hits < best.hits) best = { label: c, rect, hits };
      if (hits === 0) break;
    }
    if (best) placed.push({ id: b.id, rect: best.rect, label: best.label });
  }
  const byId = new Map(placed.map((p) => [p.id, p.label]));
  return bubbles.map((b) => byId.get(b.id)).filter((l): l is LabelBox => l !== undefined);
}
