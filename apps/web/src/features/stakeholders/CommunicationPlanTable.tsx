import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type CommunicationItem,
  communicationKeys,
  deleteCommunicationItem,
} from '../../api/communications.ts';
import type { Project } from '../../api/types.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { formatDate } from '../../design/format.ts';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { isConflict, problemText } from '../raid/raid-problems.ts';
import { CommunicationItemDialog } from './CommunicationItemDialog.tsx';
import { audienceText, CHANNEL_LABELS, CONTENT_LABELS, FREQUENCY_LABELS } from './communication-model.ts';

function DeleteDialog({ item, onClose }: { item: CommunicationItem; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const remove = useMutation({
    mutationFn: () => deleteCommunicationItem(item.id, item.version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: communicationKeys.all });
      showToast({ tone: 'success', title: 'Communication deleted', text: item.title });
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Delete “${item.title}”?`}
      description={
        item.recordCount > 0
          ? `Its ${item.recordCount} sent record${item.recordCount === 1 ? '' : 's'} go with it (the journal keeps them).`
          : 'It leaves the calendar; the journal keeps it.'
      }
      footer={
        <>
          <Button onClick={onClose}>Keep it</Button>
          <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
            Delete communication
          </Button>
        </>
      }
    >
      {remove.isError && (
        <Alert tone="error" title="Not deleted">
          {isConflict(remove.error)
            ? 'Someone changed it in the meantime: close this and try again.'
            : problemText(remove.error)}
        </Alert>
      )}
    </Dialog>
  );
}

/** The lines of a communication plan: what, how, how often, to whom; changed where the user may. */
export function CommunicationPlanTable({
  items,
  caption,
  project,
  mayEdit,
}: {
  items: readonly CommunicationItem[];
  caption: string;
  project: Project | null;
  mayEdit: boolean;
}) {
  const [editing, setEditing] = useState<CommunicationItem | null>(null);
  const [deleting, setDeleting] = useState<CommunicationItem | null>(null);
  return (
    <>
      <Table scrollLabel={caption}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Communication</th>
            <th scope="col">How often</th>
            <th scope="col">Audience</th>
            <th scope="col">Owner</th>
            <th scope="col" className="num">
              Sent
            </th>
            {mayEdit && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td>
                <span className="q-table__title">{i.title}</span>
                <span className="cell-sub">
                  {CONTENT_LABELS[i.content]} · {CHANNEL_LABELS[i.channel]}
                  {!i.projectId && i.orgUnitName && ` · PMO of ${i.orgUnitName}`}
                </span>
                {i.description && <span className="cell-sub">{i.description}</span>}
              </td>
              <td className="nowrap">
                {FREQUENCY_LABELS[i.frequency]}
                <span className="cell-sub">
                  {i.frequency === 'once' ? 'on' : 'from'} {formatDate(i.startDate)}
                  {i.endDate && i.frequency !== 'once' && ` to ${formatDate(i.endDate)}`}
                </span>
              </td>
              <td>{audienceText(i.audience)}</td>
              <td>{i.ownerName ?? <span className="subtle">Nobody</span>}</td>
              <td className="num">{i.recordCount}</td>
              {mayEdit && (
                <td className="num nowrap">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Edit ${i.title}`}
                    onClick={() => setEditing(i)}
                  >
                    Edit
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Delete ${i.title}`}
                    onClick={() => setDeleting(i)}
                  >
                    Delete
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
      {editing && (
        <CommunicationItemDialog project={project} item={editing} onClose={() => setEditing(null)} />
      )}
      {deleting && <DeleteDialog item={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
