import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type CommunicationOccurrence,
  communicationKeys,
  deleteCommunicationRecord,
} from '../../api/communications.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { problemText } from '../raid/raid-problems.ts';
import { CommunicationRecordDialog } from './CommunicationRecordDialog.tsx';
import {
  audienceText,
  CHANNEL_LABELS,
  CONTENT_LABELS,
  FREQUENCY_LABELS,
  groupByWeek,
  STATUS_LABELS,
  STATUS_TONES,
} from './communication-model.ts';

/** Asks before a sent record is deleted (the occurrence becomes due or overdue again). */
function UndoDialog({ occurrence, onClose }: { occurrence: CommunicationOccurrence; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const undo = useMutation({
    mutationFn: () => deleteCommunicationRecord(occurrence.record?.id ?? ''),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: communicationKeys.all });
      showToast({ tone: 'success', title: 'Record deleted', text: occurrence.title });
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title="Delete this sent record?"
      description={`${occurrence.title}, due ${formatDate(occurrence.dueDate)}. It will count as not sent again.`}
      footer={
        <>
          <Button onClick={onClose}>Keep it</Button>
          <Button variant="danger" loading={undo.isPending} onClick={() => undo.mutate()}>
            Delete record
          </Button>
        </>
      }
    >
      {undo.isError && (
        <Alert tone="error" title="Not deleted">
          {problemText(undo.error)}
        </Alert>
      )}
    </Dialog>
  );
}

/**
 * Due communications by ISO week: what, where from, to whom and where each stands; overdue ones and
 * those crowding a stakeholder's week are flagged. Record and undo where the user may.
 */
export function CommunicationCalendarTable({
  items,
  caption,
  showProject,
  crowded,
  mayRecord,
}: {
  items: readonly CommunicationOccurrence[];
  caption: string;
  showProject: boolean;
  /** "itemId|dueDate" → the stakeholders whose week it crowds. */
  crowded?: ReadonlyMap<string, readonly string[]>;
  mayRecord: (o: CommunicationOccurrence) => boolean;
}) {
  const [recording, setRecording] = useState<CommunicationOccurrence | null>(null);
  const [undoing, setUndoing] = useState<CommunicationOccurrence | null>(null);
  const columns = showProject ? 7 : 6;
  return (
    <>
      <Table scrollLabel={caption}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Due</th>
            <th scope="col">Communication</th>
            {showProject && <th scope="col">From</th>}
            <th scope="col">Audience</th>
            <th scope="col">Owner</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        {groupByWeek(items).map((g) => (
          <tbody key={g.week}>
            <tr className="comm-week">
              <th scope="colgroup" colSpan={columns}>
                Week {g.week.slice(6)} <span className="subtle">{g.week.slice(0, 4)}</span>
              </th>
            </tr>
            {g.items.map((o) => {
              const crowds = crowded?.get(`${o.itemId}|${o.dueDate}`);
              return (
                <tr
                  key={`${o.itemId}|${o.dueDate}`}
                  className={o.status === 'overdue' ? 'comm-row--overdue' : undefined}
                >
                  <td className="nowrap">{formatDate(o.dueDate)}</td>
                  <td>
                    <span className="q-table__title">{o.title}</span>
                    <span className="cell-sub">
                      {CONTENT_LABELS[o.content]} · {CHANNEL_LABELS[o.channel]} ·{' '}
                      {FREQUENCY_LABELS[o.frequency]}
                    </span>
                  </td>
                  {showProject && (
                    <td>
                      {o.projectId ? (
                        <Link to={`/projects/${o.projectId}?tab=communications`}>
                          <span className="mono">{o.projectCode}</span> {o.projectName}
                        </Link>
                      ) : (
                        <span>
                          PMO <span className="subtle">{o.orgUnitName}</span>
                        </span>
                      )}
                    </td>
                  )}
                  <td>
                    {audienceText(o.audience)}
                    {crowds && (
                      <span className="cell-sub comm-crowded">
                        <span aria-hidden="true">⚠ </span>
                        Crowded week for {crowds.join(', ')}
                      </span>
                    )}
                  </td>
                  <td>{o.ownerName ?? <span className="subtle">Nobody</span>}</td>
                  <td>
                    <Badge tone={STATUS_TONES[o.status]} dot>
                      {STATUS_LABELS[o.status]}
                    </Badge>
                    {o.record && (
                      <span className="cell-sub">
                        {formatDateTime(o.record.sentAt)}
                        {o.record.recipients.length > 0 &&
                          ` to ${o.record.recipients.map((r) => r.name).join(', ')}`}
                        {o.record.statusReportPeriod && ` · status report ${o.record.statusReportPeriod}`}
                        {o.record.reportFileName && ` · ${o.record.reportFileName}`}
                      </span>
                    )}
                  </td>
                  <td className="num nowrap">
                    {mayRecord(o) &&
                      (o.record ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Undo the sent record of ${o.title}, due ${formatDate(o.dueDate)}`}
                          onClick={() => setUndoing(o)}
                        >
                          Undo
                        </Button>
                      ) : (
                        <Button
                          size="sm"
                          aria-label={`Record as sent: ${o.title}, due ${formatDate(o.dueDate)}`}
                          onClick={() => setRecording(o)}
                        >
                          Record as sent
                        </Button>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </Table>
      {recording && <CommunicationRecordDialog occurrence={recording} onClose={() => setRecording(null)} />}
      {undoing && <UndoDialog occurrence={undoing} onClose={() => setUndoing(null)} />}
    </>
  );
}
