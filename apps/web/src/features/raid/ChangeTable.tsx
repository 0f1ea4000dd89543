import { Link } from 'react-router';
import type { ChangeRequest } from '../../api/raid.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { formatDate, formatDateTime, formatMoney } from '../../design/format.ts';
import { Table } from '../../design/Table.tsx';
import { LevelOfChange } from './ChangeDialogs.tsx';
import { formatCostImpact, formatScheduleImpact } from './change-model.ts';
import { CHANGE_STATUS_LABELS, CHANGE_STATUS_TONES } from './raid-model.ts';

function impactClass(n: number): string | undefined {
  return n > 0 ? 'raid-impact--up' : n < 0 ? 'raid-impact--down' : undefined;
}

function DecisionCell({ c }: { c: ChangeRequest }) {
  return (
    <>
      <Badge tone={CHANGE_STATUS_TONES[c.status]} dot>
        {CHANGE_STATUS_LABELS[c.status]}
      </Badge>
      {c.decidedAt && (
        <span className="cell-sub">
          {c.decidedByName ?? 'Someone'}, {formatDateTime(c.decidedAt)}
        </span>
      )}
      {c.decisionReason && <span className="cell-secondary raid-reason">{c.decisionReason}</span>}
      {c.rebaseline && (
        <span className="raid-rebaseline-inline">
          Budget {formatMoney(c.rebaseline.budgetBeforeMinor, c.currency)} →{' '}
          {formatMoney(c.rebaseline.budgetAfterMinor, c.currency)}; finish{' '}
          {formatDate(c.rebaseline.finishBefore)} → {formatDate(c.rebaseline.finishAfter)}
          {c.rebaseline.baselineNumber !== null && `; baseline ${c.rebaseline.baselineNumber}`}
        </span>
      )}
    </>
  );
}

/** Change requests with their impact, who decides them and the decision; "Decide…" where allowed. */
export function ChangeTable({
  items,
  caption,
  showProject = true,
  onDecide,
}: {
  items: readonly ChangeRequest[];
  caption: string;
  showProject?: boolean;
  onDecide?: ((c: ChangeRequest) => void) | undefined;
}) {
  const waiting = items.some((c) => c.status === 'submitted');
  return (
    <Table scrollLabel={caption}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Change</th>
          <th scope="col" className="num">
            Cost impact
          </th>
          <th scope="col" className="num">
            Schedule impact
          </th>
          <th scope="col">Routed to</th>
          <th scope="col">Status</th>
          {waiting && onDecide && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id}>
            <td className="nowrap mono">{c.code}</td>
            <td className="raid-table__title">
              <span className="cell-name__link">{c.title}</span>
              {showProject && (
                <span className="cell-sub">
                  <Link to={`/projects/${c.projectId}?tab=changes`}>
                    <span className="mono">{c.projectCode}</span> {c.projectName}
                  </Link>
                </span>
              )}
              <span className="cell-sub">
                Requested by {c.requestedByName ?? 'someone'}, {formatDate(c.createdAt.slice(0, 10))}
              </span>
            </td>
            <td className={`num nowrap ${impactClass(c.costImpact) ?? ''}`}>
              {formatCostImpact(c.costImpact, c.currency)}
            </td>
            <td className={`num nowrap ${impactClass(c.scheduleImpactDays) ?? ''}`}>
              {formatScheduleImpact(c.scheduleImpactDays)}
            </td>
            <td>
              <LevelOfChange level={c.level} />
              <span className="raid-routing">{c.routing}</span>
            </td>
            <td className="raid-decision-cell">
              <DecisionCell c={c} />
            </td>
            {waiting && onDecide && (
              <td className="nowrap">
                {c.status === 'submitted' &&
                  (c.mayDecide ? (
                    <Button
                      size="sm"
                      aria-label={`Decide on ${c.code} ${c.title}`}
                      onClick={() => onDecide(c)}
                    >
                      Decide…
                    </Button>
                  ) : (
                    <span className="subtle">
                      {c.level === 'change_board' ? 'For the change board' : 'Not yours to decide'}
                    </span>
                  ))}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
