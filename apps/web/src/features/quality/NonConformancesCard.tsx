import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  createNonConformance,
  type DeliverableDetail,
  listDeliverables,
  listNonConformances,
  type NonConformance,
  type NonConformanceSeverity,
  qualityKeys,
  transitionNonConformance,
} from '../../api/quality.ts';
import type { Project } from '../../api/types.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { fieldErrorsOf, problemText } from '../raid/raid-problems.ts';
import { useOwnerOptions } from '../raid/raid-queries.ts';
import {
  NC_NEXT,
  NC_SEVERITY_LABELS,
  NC_SEVERITY_LIST,
  NC_SEVERITY_TONES,
  NC_STATUS_LABELS,
  NC_STATUS_TONES,
  toOptions,
} from './quality-model.ts';

type Errors = Record<string, string>;

function NewNonConformanceDialog({
  project,
  deliverable,
  onClose,
}: {
  project: Project;
  deliverable: DeliverableDetail | undefined;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const deliverables = useQuery({
    queryKey: qualityKeys.deliverableList({ projectId: project.id }),
    queryFn: ({ signal }) => listDeliverables({ projectId: project.id }, signal),
    enabled: !deliverable,
  });
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<NonConformanceSeverity>('minor');
  const [deliverableId, setDeliverableId] = useState(deliverable?.id ?? '');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [description, setDescription] = useState('');
  const [correctiveAction, setCorrectiveAction] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const owners = useOwnerOptions([ownerId]);
  const save = useMutation({
    mutationFn: () =>
      createNonConformance({
        projectId: project.id,
        title: title.trim(),
        severity,
        deliverableId: deliverableId || null,
        ownerId: ownerId || null,
        dueDate: dueDate || null,
        description: description.trim() || null,
        correctiveAction: correctiveAction.trim() || null,
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: qualityKeys.nonConformances });
      showToast({ tone: 'success', title: `Non-conformance raised: ${saved.code}` });
      onClose();
    },
    onError: (error) => setErrors({ ...fieldErrorsOf(error), form: problemText(error) }),
  });
  const submit = () => {
    const found: Errors = title.trim() ? {} : { title: 'Say what does not conform.' };
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title="Raise a non-conformance"
      description={
        deliverable ? `${deliverable.code} ${deliverable.name}` : `${project.code} ${project.name}`
      }
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Raise non-conformance
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && (
          <Alert tone="error" title="Not saved">
            {errors.form}
          </Alert>
        )}
        <Field label="Title" required error={errors.title}>
          <Input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <div className="grid-2">
          <Field label="Severity" required>
            <Select
              value={severity}
              options={toOptions(NC_SEVERITY_LIST, NC_SEVERITY_LABELS)}
              onChange={(e) => setSeverity(e.target.value as NonConformanceSeverity)}
            />
          </Field>
          {!deliverable && (
            <Field label="Deliverable" error={errors.deliverableId}>
              <Select
                value={deliverableId}
                placeholder="None"
                options={(deliverables.data?.items ?? []).map((d) => ({
                  value: d.id,
                  label: `${d.code} ${d.name}`,
                }))}
                onChange={(e) => setDeliverableId(e.target.value)}
              />
            </Field>
          )}
          <Field label="Owner">
            <Select
              value={ownerId}
              placeholder="Unassigned"
              options={owners}
              onChange={(e) => setOwnerId(e.target.value)}
            />
          </Field>
          <Field label="Due" error={errors.dueDate}>
            <Input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </Field>
        </div>
        <Field label="Description">
          <Textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <Field label="Corrective action" hint="Needed before it can be closed.">
          <Textarea rows={2} value={correctiveAction} onChange={(e) => setCorrectiveAction(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}

/** Moves a non-conformance on; closing asks for (or confirms) its corrective action. */
function TransitionDialog({ nc, onClose }: { nc: NonConformance; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const next = NC_NEXT[nc.status];
  const [action, setAction] = useState(nc.correctiveAction ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const move = useMutation({
    mutationFn: () =>
      transitionNonConformance(nc.id, {
        version: nc.version,
        to: next?.to ?? 'closed',
        correctiveAction: action.trim() || null,
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: qualityKeys.nonConformances });
      showToast({ tone: 'success', title: `${saved.code}: ${NC_STATUS_LABELS[saved.status]}` });
      onClose();
    },
    onError: (error) => setErrors({ ...fieldErrorsOf(error), form: problemText(error) }),
  });
  const closing = next?.to === 'closed';
  const submit = () => {
    const found: Errors =
      closing && !action.trim() ? { correctiveAction: 'Record the corrective action first.' } : {};
    setErrors(found);
    if (Object.keys(found).length === 0) move.mutate();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={`${next?.label ?? 'Move'}: ${nc.code}`}
      description={nc.title}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={move.isPending}>
            {closing ? 'Close non-conformance' : 'Start work'}
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && (
          <Alert tone="error" title="Not saved">
            {errors.form}
          </Alert>
        )}
        <Field label="Corrective action" required={closing} error={errors.correctiveAction}>
          <Textarea rows={3} value={action} onChange={(e) => setAction(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}

/** A project's (or one deliverable's) non-conformances, with raising and moving them on. */
export function NonConformancesCard({
  project,
  mayEdit,
  deliverable,
}: {
  project: Project;
  mayEdit: boolean;
  deliverable?: DeliverableDetail;
}) {
  const params = deliverable ? { deliverableId: deliverable.id } : { projectId: project.id };
  const list = useQuery({
    queryKey: qualityKeys.nonConformanceList(params),
    queryFn: ({ signal }) => listNonConformances(params, signal),
  });
  const [raising, setRaising] = useState(false);
  const [moving, setMoving] = useState<NonConformance | null>(null);
  const items = list.data?.items ?? [];
  const open = items.filter((n) => n.status !== 'closed').length;
  return (
    <Card
      flush
      title="Non-conformances"
      description={
        list.data
          ? `${open} open of ${items.length}.`
          : 'What breaks a standard, until its corrective action closes it.'
      }
      actions={
        mayEdit ? (
          <Button size="sm" onClick={() => setRaising(true)}>
            <span aria-hidden="true">+</span> Raise non-conformance
          </Button>
        ) : null
      }
    >
      {list.isPending ? (
        <LoadingState label="Loading non-conformances…" />
      ) : list.isError ? (
        <ErrorState
          error={list.error}
          title="Could not load the non-conformances"
          onRetry={() => list.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title="No non-conformances" icon="✓" />
      ) : (
        <Table>
          <caption className="visually-hidden">
            Non-conformances of {deliverable ? deliverable.code : project.code}
          </caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Non-conformance</th>
              <th scope="col">Severity</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              {mayEdit && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((n) => {
              const next = NC_NEXT[n.status];
              return (
                <tr key={n.id}>
                  <td className="nowrap mono">{n.code}</td>
                  <td className="q-table__title">
                    <span>{n.title}</span>
                    {!deliverable && n.deliverableCode && (
                      <span className="cell-sub">
                        {n.deliverableCode} {n.deliverableName}
                      </span>
                    )}
                    {n.correctiveAction && (
                      <span className="cell-sub">Corrective action: {n.correctiveAction}</span>
                    )}
                  </td>
                  <td>
                    <Badge tone={NC_SEVERITY_TONES[n.severity]}>{NC_SEVERITY_LABELS[n.severity]}</Badge>
                  </td>
                  <td>{n.ownerName ?? <span className="subtle">Unassigned</span>}</td>
                  <td className="nowrap">
                    {formatDate(n.dueDate)} {n.overdue && <Badge tone="red">Overdue</Badge>}
                  </td>
                  <td>
                    <Badge tone={NC_STATUS_TONES[n.status]}>{NC_STATUS_LABELS[n.status]}</Badge>
                    {n.closedByName && <span className="cell-sub">by {n.closedByName}</span>}
                  </td>
                  {mayEdit && (
                    <td className="num">
                      {next && (
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`${next.label} ${n.code}`}
                          onClick={() => setMoving(n)}
                        >
                          {next.label}
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {raising && (
        <NewNonConformanceDialog
          project={project}
          deliverable={deliverable}
          onClose={() => setRaising(false)}
        />
      )}
      {moving && <TransitionDialog nc={moving} onClose={() => setMoving(null)} />}
    </Card>
  );
}
