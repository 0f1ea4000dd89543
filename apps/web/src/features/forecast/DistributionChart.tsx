import { useId } from 'react';
import { ticks } from './forecast-model.ts';

export type DistributionBin = { from: number; to: number; count: number; cumulative: number };
export type DistributionMarker = {
  value: number;
  label: string;
  tone: 'plan' | 'target' | 'p50' | 'p80' | 'p90';
};

const W = 760;
const H = 300;
const PAD = { left: 56, right: 56, top: 24, bottom: 48 };

/**
 * A histogram of simulated outcomes (bars: share of iterations per bin, left axis) with the
 * cumulative probability curve (line, right axis) and markers for the plan, target and percentiles.
 */
export function DistributionChart({
  title,
  description,
  bins,
  markers,
  format,
}: {
  title: string;
  description: string;
  bins: readonly DistributionBin[];
  markers: readonly DistributionMarker[];
  format: (v: number) => string;
}) {
  const id = useId();
  const total = bins.reduce((s, b) => s + b.count, 0) || 1;
  const first = bins[0];
  const last = bins.at(-1);
  if (!first || !last) return null;
  // Markers far outside the simulated range (a budget twice the cost) would squash the bars: the axis
  // stretches to markers within half the range's width; farther ones are pinned to the edge with an arrow.
  const span = Math.max(last.to - first.from, 1e-9);
  const near = markers.filter((m) => m.value >= first.from - span / 2 && m.value <= last.to + span / 2);
  const values = [first.from, last.to, ...near.map((m) => m.value)];
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (max === min) {
    min -= 1;
    max += 1;
  }
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (v: number) => PAD.left + ((v - min) / (max - min)) * plotW;
  const maxShare = Math.max(...bins.map((b) => b.count / total));
  const yShare = (s: number) => PAD.top + plotH - (s / (maxShare || 1)) * plotH;
  const yCum = (p: number) => PAD.top + plotH - p * plotH;
  const curve = [
    `M ${x(first.from)} ${yCum(0)}`,
    ...bins.map((b) => `L ${x(b.to)} ${yCum(b.cumulative)}`),
  ].join(' ');
  const xTicks = ticks(min, max, 5);
  return (
    <svg
      className="fc-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {[0, 0.25, 0.5, 0.75, 1].map((p) => (
        <g key={p}>
          <line className="fc-chart__grid" x1={PAD.left} x2={W - PAD.right} y1={yCum(p)} y2={yCum(p)} />
          <text className="fc-chart__axis" x={W - PAD.right + 6} y={yCum(p) + 4}>
            {Math.round(p * 100)} %
          </text>
        </g>
      ))}
      {bins.map((b) => {
        const x0 = x(b.from);
        const x1 = Math.max(x0 + 1, x(b.to) - 1);
        const y = yShare(b.count / total);
        return (
          <rect
            key={`${b.from}-${b.to}`}
            className="fc-chart__bar"
            x={x0}
            y={y}
            width={x1 - x0}
            height={PAD.top + plotH - y}
          />
        );
      })}
      <path className="fc-chart__curve" d={curve} fill="none" />
      {markers.map((m, i) => {
        const beyond = m.value > max ? 1 : m.value < min ? -1 : 0;
        const at = x(Math.min(max, Math.max(min, m.value)));
        const label =
          beyond > 0
            ? `${m.label} ${format(m.value)} →`
            : beyond < 0
              ? `← ${m.label} ${format(m.value)}`
              : m.label;
        // Labels sit on staggered rows, and flip to the left of their line near the right edge.
        const left = at > W - PAD.right - 90;
        return (
          <g key={m.label} className={`fc-chart__marker fc-chart__marker--${m.tone}`}>
            <line x1={at} x2={at} y1={PAD.top - 4} y2={PAD.top + plotH} />
            <text
              x={left ? at - 4 : at + 4}
              y={PAD.top + 10 + (i % 5) * 15}
              textAnchor={left ? 'end' : 'start'}
            >
              {label}
            </text>
          </g>
        );
      })}
      <line
        className="fc-chart__axisline"
        x1={PAD.left}
        x2={W - PAD.right}
        y1={PAD.top + plotH}
        y2={PAD.top + plotH}
      />
      {xTicks.map((t) => (
        <text key={t} className="fc-chart__axis" x={x(t)} y={H - PAD.bottom + 18} textAnchor="middle">
          {format(t)}
        </text>
      ))}
      <text className="fc-chart__axis" x={PAD.left - 8} y={PAD.top + 4} textAnchor="end">
        {Math.round(maxShare * 100)} %
      </text>
      <text className="fc-chart__axis" x={PAD.left - 8} y={PAD.top + plotH} textAnchor="end">
        0
      </text>
      <text className="fc-chart__legend" x={PAD.left} y={H - 8}>
        Bars: share of iterations (left) · Line: probability of finishing by / costing at most (right)
      </text>
    </svg>
  );
}
