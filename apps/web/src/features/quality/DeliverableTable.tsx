import { Link } from 'react-router';
import type { Deliverable, DeliverableStatus } from '../../api/quality.ts';
import { Badge } from '../../design/Badge.tsx';
import { formatDate } from '../../design/format.ts';
import { Table } from '../../design/Table.tsx';
import {
  DELIVERABLE_STATUS_LABELS,
  DELIVERABLE_STATUS_LIST,
  DELIVERABLE_STATUS_TONES,
  humanise,
} from './quality-model.ts';

/** Counts by status as toggle chips (one at a time, or all). */
export function DeliverableStatusChips({
  items,
  selected,
  onChange,
}: {
  items: readonly Deliverable[];
  selected: DeliverableStatus | null;
  onChange: (status: DeliverableStatus | null) => void;
}) {
  return (
    <fieldset className="chip-group">
      <legend className="visually-hidden">Filter deliverables by status</legend>
      <button
        type="button"
        className="b-chip"
        aria-pressed={selected === null}
        onClick={() => onChange(null)}
      >
        All
        <span className="b-chip__count">{items.length}</span>
      </button>
      {DELIVERABLE_STATUS_LIST.map((s) => (
        <button
          key={s}
          type="button"
          className="b-chip"
          aria-pressed={selected === s}
          onClick={() => onChange(selected === s ? null : s)}
        >
          {DELIVERABLE_STATUS_LABELS[s]}
          <span className="b-chip__count">{items.filter((d) => d.status === s).length}</span>
        </button>
      ))}
    </fieldset>
  );
}

/** The deliverables register: what, who, when, which gate it serves, and where it stands. */
export function DeliverableTable({
  items,
  caption,
  linkOf,
}: {
  items: readonly Deliverable[];
  caption: string;
  linkOf: (d: Deliverable) => string;
}) {
  return (
    <Table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Deliverable</th>
          <th scope="col">Type</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Gate deliverable</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id}>
            <td className="nowrap mono">{d.code}</td>
            <td className="q-table__title">
              <Link to={linkOf(d)} className="cell-name__link">
                {d.name}
              </Link>
              {d.standardName && <span className="cell-sub">{d.standardName}</span>}
            </td>
            <td>{humanise(d.deliverableType)}</td>
            <td>{d.ownerName ?? <span className="subtle">Unassigned</span>}</td>
            <td className="nowrap">
              {formatDate(d.dueDate)}
              {d.overdue && (
                <>
                  {' '}
                  <Badge tone="red">Overdue</Badge>
                </>
              )}
            </td>
            <td>
              {d.gate ? (
                <span>
                  {d.gate.deliverableName ?? d.gate.deliverableKey}
                  <span className="cell-sub">
                    {d.gate.phaseName ?? d.gate.phaseKey}
                    {d.gate.accepted ? ' · accepted on the gate' : ''}
                  </span>
                </span>
              ) : (
                <span className="subtle">—</span>
              )}
            </td>
            <td>
              <Badge tone={DELIVERABLE_STATUS_TONES[d.status]}>{DELIVERABLE_STATUS_LABELS[d.status]}</Badge>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
