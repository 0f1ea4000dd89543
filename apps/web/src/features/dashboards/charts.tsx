import { useId } from 'react';

/** One series of an XY chart: bars side by side per label, or a line through the points. */
export type ChartSeries = {
  label: string;
  /** A modifier class giving the series its colour and pattern (dash-chart__s1…s4). */
  tone: 's1' | 's2' | 's3' | 's4';
  values: readonly (number | null)[];
  dashed?: boolean;
};

const BOX = { width: 720, height: 300, left: 78, right: 16, top: 16, bottom: 44 };

/** Round ticks from 0 up to at least the maximum. */
export function niceTicks(max: number, count = 4, integer = false): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = integer ? Math.max(1, max / count) : max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step / 2; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  if ((ticks.at(-1) ?? 0) < max) ticks.push((ticks.at(-1) ?? 0) + step);
  return ticks;
}

/**
 * A bar and line chart over labelled periods or groups, in SVG: grouped bars, lines (a gap where a
 * value is null), a marked position (the status date) and labelled axes. The figure's title names
 * it; the caller puts the figures in a table beside it.
 */
export function XYChart({
  title,
  labels,
  bars = [],
  lines = [],
  format,
  marker,
  markerLabel,
  minY,
  maxY,
  integer = false,
  maxLabels = 12,
}: {
  title: string;
  labels: readonly string[];
  bars?: readonly ChartSeries[];
  lines?: readonly ChartSeries[];
  format: (v: number) => string;
  marker?: number | undefined;
  markerLabel?: string;
  minY?: number;
  maxY?: number;
  /** Counts: whole-number ticks only. */
  integer?: boolean;
  /** At most this many x labels are written (every k-th, counting back from the last). */
  maxLabels?: number;
}) {
  const titleId = useId();
  const all = [...bars, ...lines].flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(Math.max(maxY ?? 0, ...all, 0), 4, integer);
  const top = ticks.at(-1) ?? 1;
  const bottom = minY ?? 0;
  const innerW = BOX.width - BOX.left - BOX.right;
  const innerH = BOX.height - BOX.top - BOX.bottom;
  const n = Math.max(1, labels.length);
  const slot = innerW / n;
  const x = (i: number) => BOX.left + slot * (i + 0.5);
  const y = (v: number) => BOX.top + innerH - ((v - bottom) / (top - bottom || 1)) * innerH;
  const barW = bars.length ? Math.min(44, (slot * 0.76) / bars.length) : 0;
  const every = Math.max(1, Math.ceil(n / maxLabels));
  return (
    <svg
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      className="dash-chart"
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{title}</title>
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={BOX.left}
            x2={BOX.width - BOX.right}
            y1={y(t)}
            y2={y(t)}
            className={t === 0 ? 'dash-chart__axis' : 'dash-chart__grid'}
          />
          <text x={BOX.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="dash-chart__tick">
            {format(t)}
          </text>
        </g>
      ))}
      {labels.map((l, i) =>
        (n - 1 - i) % every === 0 ? (
          <text
            key={l}
            x={x(i)}
            y={BOX.height - BOX.bottom + 20}
            textAnchor="middle"
            className="dash-chart__tick"
          >
            {l}
          </text>
        ) : null,
      )}
      {bars.map((s, k) =>
        s.values.map((v, i) =>
          v === null ? null : (
            <rect
              key={`${s.label}-${labels[i]}`}
              x={x(i) - (barW * bars.length) / 2 + k * barW}
              y={Math.min(y(v), y(0))}
              width={Math.max(1, barW - 3)}
              height={Math.max(v === 0 ? 0 : 1, Math.abs(y(0) - y(v)))}
              className={`dash-chart__bar dash-chart__${s.tone}`}
            >
              <title>{`${labels[i]} — ${s.label}: ${format(v)}`}</title>
            </rect>
          ),
        ),
      )}
      {lines.map((s) => {
        const segments: string[] = [];
        let d = '';
        s.values.forEach((v, i) => {
          if (v === null) {
            if (d) segments.push(d);
            d = '';
            return;
          }
          d += `${d ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
        });
        if (d) segments.push(d);
        return (
          <g key={s.label} className={`dash-chart__${s.tone}`}>
            {segments.map((p) => (
              <path key={p} d={p} className={s.dashed ? 'dash-chart__line is-dashed' : 'dash-chart__line'} />
            ))}
            {s.values.map((v, i) =>
              v === null ? null : (
                <circle
                  key={`${s.label}-${labels[i]}`}
                  cx={x(i)}
                  cy={y(v)}
                  r={n > 30 ? 2 : 4}
                  className="dash-chart__dot"
                >
                  <title>{`${labels[i]} — ${s.label}: ${format(v)}`}</title>
                </circle>
              ),
            )}
          </g>
        );
      })}
      {marker !== undefined && marker >= 0 && (
        <g className="dash-chart__marker">
          <line x1={x(marker)} x2={x(marker)} y1={BOX.top} y2={BOX.top + innerH} />
          <text
            x={marker > n / 2 ? x(marker) - 6 : x(marker) + 6}
            y={BOX.top + 12}
            textAnchor={marker > n / 2 ? 'end' : 'start'}
            className="dash-chart__marker-text"
          >
            {markerLabel ?? 'Status date'}
          </text>
        </g>
      )}
    </svg>
  );
}

/** The legend of a chart's series, in words with a swatch of each series' colour and pattern. */
export function Legend({
  series,
}: {
  series: readonly { label: string; tone: ChartSeries['tone']; line?: boolean }[];
}) {
  return (
    <ul className="dash-legend" aria-label="Legend">
      {series.map((s) => (
        <li key={s.label} className="dash-legend__item">
          <span
            className={`dash-legend__swatch dash-chart__${s.tone}${s.line ? ' is-line' : ''}`}
            aria-hidden="true"
          />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

export type RagRow = { label: string; green: number; amber: number; red: number; unknown: number };

/** Horizontal stacked bars of RAG counts, one per row, each segment labelled with its word and count. */
export function RagBars({ title, rows }: { title: string; rows: readonly RagRow[] }) {
  const titleId = useId();
  const width = 720;
  const left = 150;
  const rowH = 40;
  const height = rows.length * rowH + 8;
  const parts = ['green', 'amber', 'red', 'unknown'] as const;
  const words = { green: 'Green', amber: 'Amber', red: 'Red', unknown: 'Not computed' };
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="dash-chart" role="img" aria-labelledby={titleId}>
      <title id={titleId}>{title}</title>
      {rows.map((r, i) => {
        const total = parts.reduce((s, p) => s + r[p], 0) || 1;
        let x = left;
        return (
          <g key={r.label} transform={`translate(0 ${i * rowH + 4})`}>
            <text x={left - 10} y={rowH / 2 - 2} dy="0.32em" textAnchor="end" className="dash-chart__label">
              {r.label}
            </text>
            {parts.map((p) => {
              const w = ((width - left - 8) * r[p]) / total;
              const at = x;
              x += w;
              if (r[p] === 0) return null;
              return (
                <g key={p}>
                  <rect
                    x={at}
                    y={4}
                    width={Math.max(1, w - 2)}
                    height={rowH - 12}
                    className={`dash-rag dash-rag--${p}`}
                  >
                    <title>{`${r.label}: ${r[p]} ${words[p]}`}</title>
                  </rect>
                  {w > 56 && (
                    <text
                      x={at + 8}
                      y={rowH / 2 - 2}
                      dy="0.32em"
                      className={`dash-rag__text dash-rag__text--${p}`}
                    >
                      {`${r[p]} ${p === 'unknown' ? '—' : words[p]}`}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
