import { Link } from 'react-router';
import type { AvailabilityMatch } from '../../api/resources.ts';
import { Badge } from '../../design/Badge.tsx';
import { Table } from '../../design/Table.tsx';
import { formatHours } from './utilisation.ts';
import { formatDayMonth } from './week-dates.ts';

const pct = (n: number) => `${Math.round(n * 100)} %`;

/** Ranked matches of an availability search or a staffing request's candidates. */
export function AvailabilityResults({
  items,
  caption,
  action,
}: {
  items: readonly AvailabilityMatch[];
  caption: string;
  action?: (m: AvailabilityMatch) => React.ReactNode;
}) {
  return (
    <Table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            #
          </th>
          <th scope="col">Resource</th>
          <th scope="col">Skill level</th>
          <th scope="col" className="num">
            Fit
          </th>
          <th scope="col" className="num">
            Coverage
          </th>
          <th scope="col" className="num">
            Free h/week
          </th>
          <th scope="col">Short weeks</th>
          {action && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {items.map((m, i) => (
          <tr key={m.resourceId}>
            <td className="num subtle">{i + 1}</td>
            <td className="cell-name">
              <Link className="cell-name__link" to={`/resources/${m.resourceId}`}>
                {m.name}
              </Link>
              <span className="cell-sub">
                {[m.role, m.orgUnitName, m.kind === 'role' ? 'generic role' : null]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </span>
            </td>
            <td>{m.skillLevel === null ? '—' : `${m.skillLevel} of 5`}</td>
            <td className="num num-strong">{pct(m.fit)}</td>
            <td className="num">
              {pct(m.coverage)} {m.fullyFree && <Badge tone="green">Fully free</Badge>}
            </td>
            <td className="num">{formatHours(m.freeHoursPerWeek)}</td>
            <td className="cell-secondary">
              {m.shortWeeks.length === 0
                ? 'None'
                : `${m.shortWeeks.length}: ${m.shortWeeks.slice(0, 4).map(formatDayMonth).join(', ')}${m.shortWeeks.length > 4 ? '…' : ''}`}
            </td>
            {action && <td className="num">{action(m)}</td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
