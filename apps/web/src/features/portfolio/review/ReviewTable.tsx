import type { ProjectStatus } from '@baton/core';
import { Link } from 'react-router';
import type { ReviewItem } from '../../../api/portfolio.ts';
import { Badge } from '../../../design/Badge.tsx';
import { Button } from '../../../design/Button.tsx';
import { formatDate, formatMoneyCompact } from '../../../design/format.ts';
import { STATUS_LABELS } from '../../../design/labels.ts';
import { StatusBadge } from '../../../design/StatusBadge.tsx';
import { Table } from '../../../design/Table.tsx';
import {
  DECISION_LABELS,
  DECISION_TONES,
  describeCpi,
  formatSlip,
  HEALTH_LABELS,
  HEALTH_TONES,
  LOW_CPI,
} from './review-model.ts';

function isProjectStatus(status: string): status is ProjectStatus {
  return Object.hasOwn(STATUS_LABELS, status);
}

function Money({ minor, currency }: { minor: number | null; currency: string }) {
  return (
    <span className={minor !== null && minor < 0 ? 'review-negative' : undefined}>
      {formatMoneyCompact(minor, currency)}
    </span>
  );
}

/** The running projects under review, one row each, with their measures and the last decision. */
export function ReviewTable({
  items,
  currency,
  caption,
  onDecide,
}: {
  items: readonly ReviewItem[];
  currency: string;
  caption: string;
  /** Opens the decision dialog; absent when the user may not decide. */
  onDecide?: ((item: ReviewItem) => void) | undefined;
}) {
  return (
    <Table className="review-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">Status</th>
          <th scope="col">Health</th>
          <th scope="col" className="num">
            Actual / budget
          </th>
          <th scope="col" className="num">
            Done
          </th>
          <th scope="col" className="num">
            <abbr title="Cost performance index: earned value per unit of actual cost">CPI</abbr>
          </th>
          <th scope="col" className="num">
            Slip
          </th>
          <th scope="col" className="num">
            Expected benefit
          </th>
          <th scope="col" className="num">
            Remaining NPV
          </th>
          <th scope="col">Flags</th>
          <th scope="col">Last decision</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => {
          const cpi = describeCpi(i.costPerformanceIndex);
          return (
            <tr key={i.projectId}>
              <td className="cell-name">
                <Link to={`/projects/${i.projectId}`} className="cell-name__link">
                  <span className="mono">{i.code}</span> {i.name}
                </Link>
                {i.candidate && <span className="cell-sub">Candidate to stop or re-scope</span>}
              </td>
              <td>{isProjectStatus(i.status) ? <StatusBadge status={i.status} /> : i.status}</td>
              <td>
                <Badge tone={HEALTH_TONES[i.health]} dot>
                  {HEALTH_LABELS[i.health]}
                </Badge>
              </td>
              <td className="num nowrap">
                {formatMoneyCompact(i.actualCostMinor, currency)}
                <span className="cell-sub">of {formatMoneyCompact(i.budgetMinor, currency)}</span>
              </td>
              <td className="num">
                {i.percentComplete === null ? '—' : `${Math.round(i.percentComplete)} %`}
              </td>
              <td className="num nowrap">
                {cpi.low ? (
                  <>
                    <strong className="review-low">{cpi.text}</strong>
                    <span className="cell-sub">below {LOW_CPI.toFixed(1)}</span>
                  </>
                ) : (
                  cpi.text
                )}
              </td>
              <td className="num nowrap">{formatSlip(i.finishSlipDays)}</td>
              <td className="num nowrap">
                <Money minor={i.expectedBenefitMinor} currency={currency} />
              </td>
              <td className="num nowrap">
                <Money minor={i.remainingNpvMinor} currency={currency} />
              </td>
              <td className="review-flags-cell">
                {i.flags.length === 0 ? (
                  <span className="subtle">None</span>
                ) : (
                  <ul className="review-flags cell-secondary">
                    {i.flags.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="review-decision-cell">
                {i.lastDecision ? (
                  <>
                    <Badge tone={DECISION_TONES[i.lastDecision.decision]}>
                      {DECISION_LABELS[i.lastDecision.decision]}
                    </Badge>
                    <span className="cell-sub">
                      {i.lastDecision.decidedByName ?? 'Someone'}, {formatDate(i.lastDecision.decidedAt)}
                    </span>
                    <span className="cell-secondary review-reason">{i.lastDecision.reason}</span>
                  </>
                ) : (
                  <span className="subtle">None yet</span>
                )}
                {onDecide && (
                  <Button
                    size="sm"
                    className="review-decide"
                    onClick={() => onDecide(i)}
                    aria-label={`Decide on ${i.code} ${i.name}`}
                  >
                    Decide…
                  </Button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
