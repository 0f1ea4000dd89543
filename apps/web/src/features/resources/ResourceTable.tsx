import { Link } from 'react-router';
import type { Resource } from '../../api/resources.ts';
import { Badge } from '../../design/Badge.tsx';
import { formatMoney } from '../../design/format.ts';
import { SkeletonRows } from '../../design/Skeleton.tsx';
import { Table } from '../../design/Table.tsx';
import { KIND_LABELS } from './resource-queries.ts';
import { SkillChips } from './SkillChips.tsx';
import { formatHours } from './utilisation.ts';

export function ResourceTable({
  resources,
  loading,
  caption,
}: {
  resources: readonly Resource[];
  loading: boolean;
  caption: string;
}) {
  return (
    <Table aria-busy={loading || undefined}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Role</th>
          <th scope="col">Org unit</th>
          <th scope="col" className="num">
            h/week
          </th>
          <th scope="col" className="num">
            FTE
          </th>
          <th scope="col">Skills</th>
          <th scope="col" className="num">
            Rate / h
          </th>
        </tr>
      </thead>
      <tbody>
        {loading && resources.length === 0 ? (
          <SkeletonRows columns={8} />
        ) : (
          resources.map((r) => (
            <tr key={r.id}>
              <td className="cell-name">
                <Link className="cell-name__link" to={`/resources/${r.id}`}>
                  {r.name}
                </Link>
                {r.email && <span className="cell-sub">{r.email}</span>}
                {!r.active && <Badge>Inactive</Badge>}
              </td>
              <td>
                <Badge tone={r.kind === 'person' ? 'blue' : 'violet'}>{KIND_LABELS[r.kind] ?? r.kind}</Badge>
              </td>
              <td className="cell-secondary">{r.role ?? '—'}</td>
              <td className="cell-secondary">{r.orgUnitName ?? '—'}</td>
              <td className="num">{formatHours(r.capacityHoursPerWeek)}</td>
              <td className="num">{r.fte.toFixed(2)}</td>
              <td>
                <SkillChips skills={r.skills} max={4} />
              </td>
              <td className="num nowrap">
                {r.currentRate ? formatMoney(r.currentRate.rateMinor, r.currentRate.currency) : '—'}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
