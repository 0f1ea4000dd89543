import { useId } from 'react';
import type { RiskTrendPoint } from '../../api/raid.ts';
import { formatDate } from '../../design/format.ts';
import { LEVEL_LABELS, STACK_LEVELS_TOP_DOWN } from './raid-model.ts';
import { STACK_ORDER, stackBars, TREND_BOX, totalOf, trendScale, trendSentence, yOf } from './trend-model.ts';

const shortWeek = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
function weekLabel(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : shortWeek.format(d);
}

/**
 * Open risks by level at the end of each of the last 12 weeks, as stacked bars (high at the base).
 * The caption says the trend in words and a table below the chart holds every figure.
 */
export function RiskTrendChart({ trend }: { trend: readonly RiskTrendPoint[] }) {
  const titleId = useId();
  const captionId = useId();
  const scale = trendScale(Math.max(0, ...trend.map(totalOf)));
  const bars = stackBars(trend, scale);
  const box = TREND_BOX;
  return (
    <figure className="raid-trend">
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        className="raid-trend__svg"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={captionId}
      >
        <title id={titleId}>Open risks by level, weekly, for the last {trend.length} weeks</title>
        {scale.ticks.map((t) => (
          <g key={t}>
            <line
              x1={box.left}
              x2={box.width - box.right}
              y1={yOf(t, scale)}
              y2={yOf(t, scale)}
              className={t === 0 ? 'raid-trend__axis' : 'raid-trend__grid'}
            />
            <text
              x={box.left - 8}
              y={yOf(t, scale)}
              dy="0.32em"
              textAnchor="end"
              className="raid-trend__tick"
            >
              {t}
            </text>
          </g>
        ))}
        {bars.map((bar, k) => (
          <g key={bar.week}>
            <title>
              {`Week of ${formatDate(bar.week)}: ${bar.total} open — ${STACK_ORDER.map((l) => `${bar.segments.find((s) => s.level === l)?.value ?? 0} ${l}`).join(', ')}`}
            </title>
            {bar.segments
              .filter((s) => s.height > 0)
              .map((s) => (
                <rect
                  key={s.level}
                  x={bar.x}
                  y={s.y}
                  width={bar.width}
                  height={s.height}
                  className={`raid-trend__bar raid-level--${s.level}`}
                />
              ))}
            {bar.total > 0 && (
              <text
                x={bar.x + bar.width / 2}
                y={yOf(bar.total, scale) - 4}
                textAnchor="middle"
                className="raid-trend__total"
              >
                {bar.total}
              </text>
            )}
            {(k % 2 === 1 || k === bars.length - 1) && (
              <text
                x={bar.x + bar.width / 2}
                y={box.height - box.bottom + 16}
                textAnchor="middle"
                className="raid-trend__tick"
              >
                {weekLabel(bar.week)}
              </text>
            )}
          </g>
        ))}
        <text x={box.left} y={box.height - 6} className="raid-trend__axis-title">
          Week starting (Monday)
        </text>
      </svg>
      <figcaption id={captionId} className="raid-trend__caption">
        <span>{trendSentence(trend, formatDate)}</span>
        <ul className="raid-legend" aria-label="Bar segments, from the top">
          {STACK_LEVELS_TOP_DOWN.map((level) => (
            <li key={level} className="raid-legend__item">
              <span className={`raid-swatch raid-level--${level}`} aria-hidden="true" />
              {LEVEL_LABELS[level]}
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="raid-trend__details">
        <summary>Show the figures as a table</summary>
        <table className="b-table raid-trend__table">
          <caption className="visually-hidden">Open risks by level per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col" className="num">
                High
              </th>
              <th scope="col" className="num">
                Medium
              </th>
              <th scope="col" className="num">
                Low
              </th>
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={p.week}>
                <th scope="row" className="nowrap">
                  {formatDate(p.week)}
                </th>
                <td className="num">{p.high}</td>
                <td className="num">{p.medium}</td>
                <td className="num">{p.low}</td>
                <td className="num">{totalOf(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
