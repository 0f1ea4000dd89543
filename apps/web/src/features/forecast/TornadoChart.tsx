import { useId } from 'react';
import type { ForecastDriver } from '../../api/forecast.ts';

const KIND = { duration: 'duration', cost: 'cost', risk: 'risk' } as const;

/** Drivers of an outcome as horizontal bars of their rank correlation (−1 … 1), strongest first. */
export function TornadoChart({
  title,
  drivers,
  measure,
}: {
  title: string;
  drivers: readonly ForecastDriver[];
  measure: 'finishCorrelation' | 'costCorrelation';
}) {
  const id = useId();
  const rowH = 28;
  const labelW = 300;
  const W = 760;
  const barW = (W - labelW - 60) / 2;
  const mid = labelW + barW;
  const H = drivers.length * rowH + 36;
  return (
    <svg className="fc-chart fc-tornado" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`}>
      <title id={`${id}-t`}>
        {`${title}: ${drivers.map((d) => `${d.name} (${KIND[d.kind]}) ${d[measure].toFixed(2)}`).join('; ')}`}
      </title>
      <line className="fc-chart__axisline" x1={mid} x2={mid} y1={4} y2={H - 24} />
      {drivers.map((d, i) => {
        const v = d[measure];
        const y = 8 + i * rowH;
        const len = Math.abs(v) * barW;
        const name = d.name.length > 40 ? `${d.name.slice(0, 39)}…` : d.name;
        return (
          <g key={`${d.kind}-${d.id}`}>
            <text className="fc-tornado__label" x={labelW - 8} y={y + rowH / 2} textAnchor="end">
              {name}
              <tspan className="fc-tornado__kind"> · {KIND[d.kind]}</tspan>
            </text>
            <rect
              className={`fc-tornado__bar fc-tornado__bar--${d.kind}`}
              x={v >= 0 ? mid : mid - len}
              y={y + 4}
              width={Math.max(1, len)}
              height={rowH - 10}
            />
            <text
              className="fc-chart__axis"
              x={v >= 0 ? mid + len + 4 : mid - len - 4}
              y={y + rowH / 2 + 2}
              textAnchor={v >= 0 ? 'start' : 'end'}
            >
              {v.toFixed(2)}
            </text>
          </g>
        );
      })}
      <text className="fc-chart__axis" x={labelW} y={H - 8}>
        −1
      </text>
      <text className="fc-chart__axis" x={mid} y={H - 8} textAnchor="middle">
        0
      </text>
      <text className="fc-chart__axis" x={W - 60} y={H - 8} textAnchor="end">
        +1 (rank correlation)
      </text>
    </svg>
  );
}
