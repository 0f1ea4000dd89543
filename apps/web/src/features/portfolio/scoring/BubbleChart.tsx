import { useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ProposalStatus, ScoringRow } from '../../../api/portfolio.ts';
import { formatMoney, formatMoneyCompact } from '../../../design/format.ts';
import {
  formatScore,
  PROPOSAL_STATUS_LABELS,
  PROPOSAL_STATUS_TONES,
  RISK_LABELS,
} from '../portfolio-format.ts';
import {
  CHART_BOX,
  layoutBubbles,
  MAX_RADIUS,
  placeLabels,
  plotArea,
  QUADRANT_LABELS,
  type QuadrantId,
  quadrantOf,
  quadrantSplit,
  radiusOf,
  tooltipAnchor,
  type YMode,
} from './bubble-layout.ts';

const STATUS_ORDER: readonly ProposalStatus[] = [
  'draft',
  'submitted',
  'under_review',
  'approved',
  'deferred',
  'rejected',
];

/**
 * Value (or NPV) against risk, bubble area ∝ total cost, colour and legend by status. Every bubble
 * is a link to its proposal with the figures in its name; the matrix table above holds the same data.
 */
export function BubbleChart({
  rows,
  mode,
  currency,
}: {
  rows: readonly ScoringRow[];
  mode: YMode;
  currency: string;
}) {
  const navigate = useNavigate();
  const captionId = useId();
  const [active, setActive] = useState<string | null>(null);
  const byId = useMemo(() => new Map(rows.map((r) => [r.proposalId, r])), [rows]);
  const layout = useMemo(
    () =>
      layoutBubbles(
        rows.map((r) => ({
          id: r.proposalId,
          risk: r.riskRating,
          y: mode === 'value' ? r.scores.value : r.financials.npvMinor,
          cost: r.financials.totalCostMinor,
        })),
        mode,
      ),
    [rows, mode],
  );
  const labels = useMemo(
    () => placeLabels(layout.bubbles, (id) => byId.get(id)?.code ?? ''),
    [layout.bubbles, byId],
  );
  const area = plotArea(CHART_BOX);
  const split = quadrantSplit(mode, layout.yDomain);
  const splitX = layout.x(split.risk);
  const splitY = layout.y(split.y);
  const yLabel = (v: number) => (mode === 'value' ? String(v) : formatMoneyCompact(v, currency));
  // Larger bubbles first, so smaller ones are drawn on top and stay reachable with the mouse.
  const drawOrder = [...layout.bubbles].sort((a, b) => b.r - a.r);
  const statuses = STATUS_ORDER.filter((s) => rows.some((r) => r.status === s));

  const describe = (r: ScoringRow): string => {
    const quadrant = quadrantOf(
      r.riskRating,
      mode === 'value' ? r.scores.value : r.financials.npvMinor,
      split,
    );
    return [
      `${r.code} ${r.title}: value ${formatScore(r.scores.value)}`,
      `risk ${r.riskRating} (${RISK_LABELS[r.riskRating] ?? ''})`,
      `cost ${formatMoney(r.financials.totalCostMinor, currency)}`,
      `NPV ${formatMoney(r.financials.npvMinor, currency)}`,
      `${PROPOSAL_STATUS_LABELS[r.status]}`,
      ...(quadrant ? [QUADRANT_LABELS[quadrant].toLowerCase()] : []),
    ].join(', ');
  };

  const activeBubble = active ? layout.bubbles.find((b) => b.id === active) : undefined;
  const activeRow = active ? byId.get(active) : undefined;
  const anchor = activeBubble ? tooltipAnchor(activeBubble) : null;

  const quadrantLabel = (id: QuadrantId, x: number, y: number, anchorEnd: boolean) => (
    <text
      x={x}
      y={y}
      textAnchor={anchorEnd ? 'end' : 'start'}
      className={`bubble-quadrant bubble-quadrant--${id}`}
    >
      {QUADRANT_LABELS[id]}
    </text>
  );

  return (
    <figure className="bubble-figure">
      <div className="bubble-chart">
        <svg
          viewBox={`0 0 ${CHART_BOX.width} ${CHART_BOX.height}`}
          className="bubble-chart__svg"
          aria-describedby={captionId}
        >
          <title>
            Bubble chart: {mode === 'value' ? 'value score' : 'NPV'} against risk rating, bubble area by total
            cost
          </title>
          {/* Decoration (grid, axes, quadrants): the caption and the bubbles' names carry the information. */}
          <svg aria-hidden="true" overflow="visible">
            <rect
              x={area.left}
              y={area.top}
              width={area.right - area.left}
              height={area.bottom - area.top}
              className="bubble-plot"
            />
            {layout.yTicks.map((t) => (
              <g key={`y${t}`}>
                <line
                  x1={area.left}
                  x2={area.right}
                  y1={layout.y(t)}
                  y2={layout.y(t)}
                  className={t === 0 && mode === 'npv' ? 'bubble-grid bubble-grid--zero' : 'bubble-grid'}
                />
                <text x={area.left - 10} y={layout.y(t)} dy="0.32em" textAnchor="end" className="bubble-tick">
                  {yLabel(t)}
                </text>
              </g>
            ))}
            {[1, 2, 3, 4, 5].map((t) => (
              <g key={`x${t}`}>
                <line
                  x1={layout.x(t)}
                  x2={layout.x(t)}
                  y1={area.bottom}
                  y2={area.bottom + 6}
                  className="bubble-axis"
                />
                <text x={layout.x(t)} y={area.bottom + 22} textAnchor="middle" className="bubble-tick">
                  {t} · {RISK_LABELS[t]}
                </text>
              </g>
            ))}
            <line x1={area.left} x2={area.right} y1={area.bottom} y2={area.bottom} className="bubble-axis" />
            <line x1={area.left} x2={area.left} y1={area.top} y2={area.bottom} className="bubble-axis" />
            <text
              x={(area.left + area.right) / 2}
              y={CHART_BOX.height - 12}
              textAnchor="middle"
              className="bubble-axis-title"
            >
              Risk rating (1 = low … 5 = very high) →
            </text>
            <text
              transform={`translate(18 ${(area.top + area.bottom) / 2}) rotate(-90)`}
              textAnchor="middle"
              className="bubble-axis-title"
            >
              {mode === 'value' ? 'Value score (0–100) →' : `NPV (${currency}) →`}
            </text>
            {/* quadrant guides */}
            <line x1={splitX} x2={splitX} y1={area.top} y2={area.bottom} className="bubble-guide" />
            <line x1={area.left} x2={area.right} y1={splitY} y2={splitY} className="bubble-guide" />
            {quadrantLabel('quick-wins', area.left + 10, area.top + 18, false)}
            {quadrantLabel('big-bets', area.right - 10, area.top + 18, true)}
            {quadrantLabel('fill-ins', area.left + 10, Math.min(splitY + 18, area.bottom - 8), false)}
            {quadrantLabel('reconsider', area.right - 10, Math.min(splitY + 18, area.bottom - 8), true)}
          </svg>
          <g>
            {drawOrder.map((b) => {
              const r = byId.get(b.id);
              if (!r) return null;
              const label = describe(r);
              const href = `/portfolio/proposals/${r.proposalId}`;
              return (
                <a
                  key={b.id}
                  href={href}
                  tabIndex={0}
                  aria-label={label}
                  className={`bubble bubble--${PROPOSAL_STATUS_TONES[r.status]}`}
                  data-active={active === b.id || undefined}
                  onClick={(e) => {
                    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    navigate(href);
                  }}
                  onMouseEnter={() => setActive(b.id)}
                  onMouseLeave={() => setActive((a) => (a === b.id ? null : a))}
                  onFocus={() => setActive(b.id)}
                  onBlur={() => setActive((a) => (a === b.id ? null : a))}
                >
                  <title>{label}</title>
                  <circle cx={b.cx} cy={b.cy} r={b.r} />
                </a>
              );
            })}
          </g>
          <svg aria-hidden="true" overflow="visible">
            {labels.map((l) => (
              <text
                key={l.id}
                x={l.x}
                y={l.y}
                dy="0.32em"
                textAnchor={l.anchor}
                className={l.inside ? 'bubble-label bubble-label--inside' : 'bubble-label'}
              >
                {byId.get(l.id)?.code}
              </text>
            ))}
          </svg>
        </svg>
        {activeBubble && activeRow && anchor && (
          <div
            className={anchor.below ? 'bubble-tooltip bubble-tooltip--below' : 'bubble-tooltip'}
            style={{ left: `${anchor.left}%`, top: `${anchor.top}%` }}
            aria-hidden="true"
          >
            <p className="bubble-tooltip__title">
              <span className="mono">{activeRow.code}</span> {activeRow.title}
            </p>
            <p className="bubble-tooltip__status">{PROPOSAL_STATUS_LABELS[activeRow.status]}</p>
            <dl className="bubble-tooltip__figures">
              <dt>Value score</dt>
              <dd>{formatScore(activeRow.scores.value)}</dd>
              <dt>Risk</dt>
              <dd>
                {activeRow.riskRating} · {RISK_LABELS[activeRow.riskRating]}
              </dd>
              <dt>Cost</dt>
              <dd>{formatMoneyCompact(activeRow.financials.totalCostMinor, currency)}</dd>
              <dt>NPV</dt>
              <dd>{formatMoneyCompact(activeRow.financials.npvMinor, currency)}</dd>
              <dt>Total score</dt>
              <dd>{formatScore(activeRow.scores.total)}</dd>
            </dl>
          </div>
        )}
      </div>
      <figcaption id={captionId} className="bubble-caption">
        <span>
          {mode === 'value' ? 'Value score' : 'NPV'} against risk rating for {rows.length} open proposal
          {rows.length === 1 ? '' : 's'}; bubble area shows total cost. Bubbles with the same rating are
          spread sideways so none hides another. Select a bubble to open the proposal; the scoring matrix
          above lists the same figures.
        </span>
        <span className="bubble-legend">
          <span className="bubble-legend__group">
            <span className="bubble-legend__title">Status:</span>
            {statuses.map((s) => (
              <span key={s} className="bubble-legend__item">
                <span className={`bubble-swatch bubble--${PROPOSAL_STATUS_TONES[s]}`} aria-hidden="true" />
                {PROPOSAL_STATUS_LABELS[s]} ({rows.filter((r) => r.status === s).length})
              </span>
            ))}
          </span>
          {layout.maxCost > 0 && (
            <span className="bubble-legend__group">
              <span className="bubble-legend__title">Total cost (bubble area):</span>
              <CostKey maxCost={layout.maxCost} currency={currency} />
            </span>
          )}
        </span>
      </figcaption>
    </figure>
  );
}

/** Two reference circles, drawn at the chart's radii: the largest cost and a quarter of it (half the radius). */
function CostKey({ maxCost, currency }: { maxCost: number; currency: string }) {
  const quarter = maxCost / 4;
  const size = 2 * MAX_RADIUS + 4;
  const circle = (r: number) => (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" className="bubble-key">
      <circle cx={size / 2} cy={size / 2} r={r} />
    </svg>
  );
  return (
    <>
      <span className="bubble-legend__item">
        {circle(radiusOf(quarter, maxCost))}
        {formatMoneyCompact(quarter, currency)}
      </span>
      <span className="bubble-legend__item">
        {circle(radiusOf(maxCost, maxCost))}
        {formatMoneyCompact(maxCost, currency)}
      </span>
    </>
  );
}
