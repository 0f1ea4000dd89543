import { memo, type UIEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { CapacityPeriod, CapacityReport, CapacityRow } from '../../api/resources.ts';
import { HEATMAP_ROW_HEIGHT, visibleRowRange } from './heatmap-layout.ts';
import { BAND_LABELS, bandOf, formatHours, formatPercent } from './utilisation.ts';
import { formatDayMonth, formatMonthYear, formatWeekday } from './week-dates.ts';

type Granularity = CapacityReport['granularity'];

function periodLabel(start: string, granularity: Granularity): string {
  if (granularity === 'month') return formatMonthYear(start);
  if (granularity === 'day') return `${formatWeekday(start)} ${formatDayMonth(start)}`;
  return formatDayMonth(start);
}

function periodName(p: { start: string; end: string }, granularity: Granularity): string {
  if (granularity === 'month') return formatMonthYear(p.start);
  if (granularity === 'day') return `${formatWeekday(p.start)} ${formatDayMonth(p.start)}`;
  return `week of ${formatDayMonth(p.start)}`;
}

function Cell({
  row,
  period,
  granularity,
}: {
  row: CapacityRow;
  period: CapacityPeriod;
  granularity: Granularity;
}) {
  const band = bandOf(period.utilisation, period.demandHours);
  const tentative =
    period.tentativeHours > 0 ? `, of which ${formatHours(period.tentativeHours)} tentative` : '';
  const text = `${row.label}, ${periodName(period, granularity)}: ${formatHours(period.demandHours)} of ${formatHours(period.capacityHours)} hours${tentative}, ${formatPercent(period.utilisation)} (${BAND_LABELS[band]})`;
  return (
    <td className={`heatmap__cell util--${band}`} title={text} data-band={band}>
      <span className="visually-hidden">{text}</span>
      <span className="heatmap__cell-inner" aria-hidden="true">
        <span className="heatmap__cell-pct">{formatPercent(period.utilisation)}</span>
        <span className="heatmap__cell-hours">
          {formatHours(period.demandHours)}/{formatHours(period.capacityHours)}
        </span>
      </span>
    </td>
  );
}

const Row = memo(function Row({
  row,
  granularity,
  rowIndex,
}: {
  row: CapacityRow;
  granularity: Granularity;
  rowIndex: number;
}) {
  return (
    <tr style={{ height: HEATMAP_ROW_HEIGHT }} aria-rowindex={rowIndex}>
      <th scope="row">
        <span className="heatmap__row-label">
          {row.resourceId ? (
            <Link to={`/resources/${row.resourceId}`}>{row.label}</Link>
          ) : (
            <span className="heatmap__name">{row.label}</span>
          )}
          {row.kind === 'role' && <span className="heatmap__row-sub">(role)</span>}
        </span>
      </th>
      {row.periods.map((p) => (
        <Cell key={p.start} row={row} period={p} granularity={granularity} />
      ))}
    </tr>
  );
});

/**
 * Rows × periods, each cell coloured by its utilisation band and naming its hours. The header row
 * and first column stay put while the grid scrolls; only the rows in view (and a margin) are drawn.
 */
export function CapacityGrid({ report, caption }: { report: CapacityReport; caption: string }) {
  const ref = useRef<HTMLElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  const frame = useRef(0);
  const onScroll = useCallback((e: UIEvent<HTMLElement>) => {
    const el = e.currentTarget;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setView({ top: el.scrollTop, height: el.clientHeight }));
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight });
    return () => cancelAnimationFrame(frame.current);
  }, []);
  const { rows, periods, granularity } = report;
  const { first, last } = visibleRowRange(view.top, view.height, rows.length);
  const colWidth = granularity === 'day' ? 64 : 76;
  const above = first * HEATMAP_ROW_HEIGHT;
  const below = Math.max(0, (rows.length - 1 - last) * HEATMAP_ROW_HEIGHT);

  return (
    <section
      ref={ref}
      className="heatmap"
      aria-label={`${caption} (scrolls both ways)`}
      onScroll={onScroll}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable from the keyboard
      tabIndex={0}
    >
      <table
        className="heatmap__table"
        aria-rowcount={rows.length + 1}
        style={{ width: 200 + periods.length * colWidth }}
      >
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col style={{ width: 200 }} />
          {periods.map((p) => (
            <col key={p.start} style={{ width: colWidth }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="heatmap__corner">
              {report.groupBy === 'resource'
                ? 'Resource'
                : report.groupBy === 'org_unit'
                  ? 'Org unit'
                  : report.groupBy === 'skill'
                    ? 'Skill'
                    : 'Role'}
            </th>
            {periods.map((p) => (
              <th key={p.start} scope="col" title={periodName(p, granularity)}>
                {periodLabel(p.start, granularity)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {above > 0 && (
            <tr className="heatmap__spacer">
              <td colSpan={periods.length + 1} style={{ height: above }} />
            </tr>
          )}
          {rows.slice(first, last + 1).map((row, i) => (
            <Row key={row.groupId} row={row} granularity={granularity} rowIndex={first + i + 2} />
          ))}
          {below > 0 && (
            <tr className="heatmap__spacer">
              <td colSpan={periods.length + 1} style={{ height: below }} />
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
