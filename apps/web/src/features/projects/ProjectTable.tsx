import { Link } from 'react-router';
import type { Project } from '../../api/types.ts';
import { formatDate, formatMoney, formatMoneyCompact } from '../../design/format.ts';
import { PriorityIndicator } from '../../design/PriorityIndicator.tsx';
import { SkeletonRows } from '../../design/Skeleton.tsx';
import { StatusBadge } from '../../design/StatusBadge.tsx';
import { type SortDirection, SortHeader, Table } from '../../design/Table.tsx';

type Column = { key: string; label: string; sort?: string; className?: string };

const COLUMNS: readonly Column[] = [
  { key: 'code', label: 'Code', sort: 'code' },
  { key: 'name', label: 'Name', sort: 'name' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'priority', label: 'Priority', sort: 'priority' },
  { key: 'orgUnit', label: 'Org unit' },
  { key: 'portfolio', label: 'Portfolio / program' },
  { key: 'manager', label: 'Manager' },
  { key: 'start', label: 'Start', sort: 'plannedStart' },
  { key: 'finish', label: 'Finish', sort: 'plannedFinish' },
  { key: 'budget', label: 'Budget', sort: 'budgetMinor', className: 'num' },
];

function directionOf(sort: string, field: string): SortDirection {
  if (sort === field) return 'ascending';
  if (sort === `-${field}`) return 'descending';
  return 'none';
}

export function ProjectTable({
  projects,
  loading,
  sort,
  onSort,
  caption,
}: {
  projects: readonly Project[];
  loading: boolean;
  sort: string;
  onSort: (sort: string) => void;
  caption: string;
}) {
  return (
    <Table aria-busy={loading || undefined}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) =>
            c.sort ? (
              <SortHeader
                key={c.key}
                label={c.label}
                className={c.className}
                direction={directionOf(sort, c.sort)}
                onSort={() => onSort(sort === c.sort ? `-${c.sort}` : (c.sort ?? 'code'))}
              />
            ) : (
              <th key={c.key} scope="col" className={c.className}>
                {c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {loading ? (
          <SkeletonRows columns={COLUMNS.length} />
        ) : (
          projects.map((p) => (
            <tr key={p.id}>
              <td className="nowrap">
                <span className="mono muted">{p.code}</span>
              </td>
              <td className="cell-name">
                <Link to={`/projects/${p.id}`} className="cell-name__link">
                  {p.name}
                </Link>
              </td>
              <td>
                <StatusBadge status={p.status} />
              </td>
              <td>
                <PriorityIndicator priority={p.priority} />
              </td>
              <td className="cell-secondary">{p.orgUnitName}</td>
              <td className="cell-secondary">
                {p.portfolioName ?? <span className="subtle">—</span>}
                {p.programName && <span className="cell-sub">{p.programName}</span>}
              </td>
              <td className="cell-secondary nowrap">
                {p.managerName ?? <span className="subtle">Unassigned</span>}
              </td>
              <td className="nowrap cell-secondary">{formatDate(p.plannedStart)}</td>
              <td className="nowrap cell-secondary">{formatDate(p.plannedFinish)}</td>
              <td className="num nowrap" title={formatMoney(p.budgetMinor, p.currency)}>
                {formatMoneyCompact(p.budgetMinor, p.currency)}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
