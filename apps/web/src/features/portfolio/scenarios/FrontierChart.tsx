import { useState } from 'react';
import type { FrontierPoint } from '../../../api/portfolio.ts';
import { formatMajorCompact, formatPercent, formatScore } from '../portfolio-format.ts';
import { frontierSeries, niceScale, project } from './scenario-model.ts';

const W = 760;
const H = 320;
const PAD = { left: 64, right: 20, top: 16, bottom: 48 };

/**
 * Value against total budget: each point is the best selection for that budget. Where the curve
 * flattens, more money buys little; the scenario's own budget is marked.
 */
export function FrontierChart({
  frontier,
  scenarioBudget,
  currency,
  valueLabel,
}: {
  frontier: readonly FrontierPoint[];
  scenarioBudget: number;
  currency: string;
  valueLabel: string;
}) {
  const series = frontierSeries(frontier, scenarioBudget);
  const [focused, setFocused] = useState<number | null>(null);
  const xs = niceScale(
    Math.min(...series.map((p) => p.totalBudget), scenarioBudget),
    Math.max(...series.map((p) => p.totalBudget), scenarioBudget),
    6,
  );
  const ys = niceScale(0, Math.max(...series.map((p) => Math.max(p.value, p.bound))), 5);
  const px = (v: number) => project(v, xs, PAD.left, W - PAD.right);
  const py = (v: number) => project(v, ys, H - PAD.bottom, PAD.top);
  const path = series
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.totalBudget).toFixed(1)},${py(p.value).toFixed(1)}`)
    .join(' ');
  const active = focused === null ? null : series[focused];
  return (
    <figure className="frontier">
      <svg viewBox={`0 0 ${W} ${H}`} className="frontier__svg">
        <title>{`Efficient frontier: ${valueLabel.toLowerCase()} against total budget`}</title>
        {ys.ticks.map((t) => (
          <g key={`y${t}`}>
            <line className="frontier__grid" x1={PAD.left} x2={W - PAD.right} y1={py(t)} y2={py(t)} />
            <text className="frontier__tick" x={PAD.left - 8} y={py(t) + 4} textAnchor="end">
              {formatScore(t)}
            </text>
          </g>
        ))}
        {xs.ticks.map((t) => (
          <text
            key={`x${t}`}
            className="frontier__tick"
            x={px(t)}
            y={H - PAD.bottom + 18}
            textAnchor="middle"
          >
            {formatMajorCompact(t, currency)}
          </text>
        ))}
        <text className="frontier__axis" x={(PAD.left + W - PAD.right) / 2} y={H - 8} textAnchor="middle">
          Total budget over the horizon
        </text>
        <text
          className="frontier__axis"
          transform={`translate(14 ${(PAD.top + H - PAD.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {valueLabel}
        </text>
        <line
          className="frontier__current"
          x1={px(scenarioBudget)}
          x2={px(scenarioBudget)}
          y1={PAD.top}
          y2={H - PAD.bottom}
        />
        <text className="frontier__current-label" x={px(scenarioBudget) + 4} y={PAD.top + 10}>
          this scenario’s budget
        </text>
        <path className="frontier__line" d={path} />
        {series.map((p, i) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG point cannot be a <button>; it acts as one.
          <circle
            key={p.totalBudget}
            className={p.current ? 'frontier__point frontier__point--current' : 'frontier__point'}
            cx={px(p.totalBudget)}
            cy={py(p.value)}
            r={focused === i ? 7 : 5}
            tabIndex={0}
            role="button"
            aria-label={`Budget ${formatMajorCompact(p.totalBudget, currency)}: ${valueLabel.toLowerCase()} ${formatScore(p.value)}, ${p.selectedCount} projects, gap ${formatPercent(p.gap, 2)}`}
            onFocus={() => setFocused(i)}
            onBlur={() => setFocused(null)}
            onMouseEnter={() => setFocused(i)}
            onMouseLeave={() => setFocused(null)}
          />
        ))}
        {active && (
          <g
            className="frontier__tip"
            transform={`translate(${Math.min(px(active.totalBudget) + 10, W - 190)} ${Math.max(py(active.value) - 52, PAD.top)})`}
          >
            <rect width="180" height="46" rx="6" />
            <text x="10" y="19">
              {formatMajorCompact(active.totalBudget, currency)} → {formatScore(active.value)}
            </text>
            <text x="10" y="36">
              {active.selectedCount} projects · ×{active.budgetFactor.toFixed(2)} budget
            </text>
          </g>
        )}
      </svg>
      <figcaption className="visually-hidden">
        Efficient frontier: {valueLabel.toLowerCase()} against total budget, {series.length} points. The table
        of points lists the same figures.
      </figcaption>
    </figure>
  );
}
