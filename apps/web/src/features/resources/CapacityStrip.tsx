import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchCapacity, resourceKeys } from '../../api/resources.ts';
import { Card } from '../../design/Card.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Skeleton } from '../../design/Skeleton.tsx';
import { BAND_LABELS, bandOf, formatHours, formatPercent } from './utilisation.ts';
import { defaultWindow, formatDayMonth, todayIso } from './week-dates.ts';

/** Twelve weeks of one resource's capacity against demand, from this Monday. */
export function CapacityStrip({ resourceId }: { resourceId: string }) {
  const { from, to } = defaultWindow(todayIso());
  const params = { from, to, granularity: 'week', groupBy: 'resource', resourceId } as const;
  const query = useQuery({
    queryKey: resourceKeys.capacity(params),
    queryFn: ({ signal }) => fetchCapacity(params, signal),
  });
  const periods = query.data?.rows[0]?.periods ?? [];
  return (
    <Card
      title="Next 12 weeks"
      actions={
        <Link to={`/capacity?resourceId=${resourceId}`} className="nowrap">
          Open the heatmap
        </Link>
      }
    >
      {query.isError ? (
        <ErrorState error={query.error} title="Could not load the capacity" onRetry={() => query.refetch()} />
      ) : query.isPending ? (
        <Skeleton height={48} />
      ) : periods.length === 0 ? (
        <p className="muted">No capacity in these weeks.</p>
      ) : (
        <ol className="capacity-strip" aria-label="Utilisation by week">
          {periods.map((p) => {
            const band = bandOf(p.utilisation, p.demandHours);
            const text = `Week of ${formatDayMonth(p.start)}: ${formatHours(p.demandHours)} of ${formatHours(p.capacityHours)} hours, ${formatPercent(p.utilisation)} (${BAND_LABELS[band]})`;
            return (
              <li key={p.start} className={`util--${band}`} title={text} aria-label={text}>
                <span className="capacity-strip__week" aria-hidden="true">
                  {formatDayMonth(p.start)}
                </span>
                <strong aria-hidden="true">{formatPercent(p.utilisation)}</strong>
                <span aria-hidden="true">
                  {formatHours(p.demandHours)}/{formatHours(p.capacityHours)}h
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
