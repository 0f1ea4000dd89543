import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  type CommunicationOccurrence,
  communicationKeys,
  fetchAudienceCandidates,
  recordCommunication,
} from '../../api/communications.ts';
import { listStatusReports, statusReportKeys } from '../../api/status-reports.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { fieldErrorsOf, problemText } from '../raid/raid-problems.ts';
import { CONTENT_LABELS } from './communication-model.ts';

type Errors = Record<string, string>;

/** The local date and time of an instant, as a datetime-local input holds it. */
function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Records one due communication as sent: when, to whom, what it said and the report it carried. */
export function CommunicationRecordDialog({
  occurrence,
  onClose,
}: {
  occurrence: CommunicationOccurrence;
  onClose: () => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const candidates = useQuery({
    queryKey: communicationKeys.audience(occurrence.projectId),
    queryFn: ({ signal }) => fetchAudienceCandidates(occurrence.projectId, signal),
  });
  const reportParams = { projectId: occurrence.projectId ?? '' };
  const reports = useQuery({
    queryKey: statusReportKeys.list(reportParams),
    queryFn: ({ signal }) => listStatusReports(reportParams, signal),
    enabled: occurrence.projectId !== null,
  });
  const [sentAt, setSentAt] = useState(() => localInputValue(new Date()));
  const [recipients, setRecipients] = useState<string[]>(occurrence.audience.stakeholderIds);
  const [summary, setSummary] = useState('');
  const [statusReportId, setStatusReportId] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  // The planned audience first, then anyone else the plan may address.
  const planned = occurrence.audience.stakeholders;
  const others = (candidates.data?.items ?? []).filter((c) => !planned.some((p) => p.id === c.id));
  const people = [...planned.map((p) => ({ id: p.id, name: p.name, role: p.role })), ...others];
  const save = useMutation({
    mutationFn: () =>
      recordCommunication(occurrence.itemId, {
        dueDate: occurrence.dueDate,
        sentAt: new Date(sentAt).toISOString(),
        recipients,
        summary: summary.trim() || null,
        statusReportId: statusReportId || null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: communicationKeys.all });
      showToast({ tone: 'success', title: 'Recorded as sent', text: occurrence.title });
      onClose();
    },
    onError: (error) => setErrors({ ...fieldErrorsOf(error), form: problemText(error) }),
  });
  const submit = () => {
    const found: Errors = {};
    if (!sentAt || Number.isNaN(new Date(sentAt).getTime())) found.sentAt = 'When was it sent?';
    else if (new Date(sentAt).getTime() > Date.now() + 60_000)
      found.sentAt = 'It cannot be sent in the future.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={`Record as sent: ${occurrence.title}`}
      description={`Due ${formatDate(occurrence.dueDate)} · ${CONTENT_LABELS[occurrence.content]}${occurrence.projectCode ? ` · ${occurrence.projectCode}` : ''}`}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Record as sent
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && (
          <Alert tone="error" title="Not recorded">
            {errors.form}
          </Alert>
        )}
        <Field label="Sent at" required error={errors.sentAt}>
          <Input type="datetime-local" value={sentAt} onChange={(e) => setSentAt(e.target.value)} />
        </Field>
        <fieldset
          className="fieldset comm-picker"
          aria-describedby={errors.recipients ? `${id}-error` : undefined}
        >
          <legend>
            Sent to{' '}
            <span className="subtle">
              ({recipients.length} stakeholder{recipients.length === 1 ? '' : 's'})
            </span>
          </legend>
          {people.length === 0 ? (
            <p className="subtle">
              {candidates.isPending
                ? 'Loading stakeholders…'
                : 'No stakeholder to choose: it went to roles and groups.'}
            </p>
          ) : (
            <ul className="comm-picker__list">
              {people.map((p) => (
                <li key={p.id}>
                  <label className="b-checkbox">
                    <input
                      type="checkbox"
                      checked={recipients.includes(p.id)}
                      onChange={(e) =>
                        setRecipients((all) =>
                          e.target.checked ? [...all, p.id] : all.filter((x) => x !== p.id),
                        )
                      }
                    />
                    <span>
                      {p.name}
                      {p.role && <span className="subtle"> · {p.role}</span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {(occurrence.audience.roles.length > 0 || occurrence.audience.groups.length > 0) && (
            <p className="subtle">
              Also planned for: {[...occurrence.audience.roles, ...occurrence.audience.groups].join(', ')}
            </p>
          )}
          {errors.recipients && (
            <p className="b-field__error" id={`${id}-error`}>
              <span aria-hidden="true">⚠</span>
              {errors.recipients}
            </p>
          )}
        </fieldset>
        <Field label="Summary" error={errors.summary}>
          <Textarea rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </Field>
        {occurrence.projectId && (
          <Field
            label="Status report it carried"
            error={errors.statusReportId}
            hint={reports.isError ? 'Could not load the status reports.' : 'Optional.'}
          >
            <Select
              value={statusReportId}
              placeholder="None"
              disabled={!reports.data}
              options={(reports.data?.items ?? []).map((r) => ({
                value: r.id,
                label: `${r.period} · ${r.status.replace(/_/g, ' ')}`,
              }))}
              onChange={(e) => setStatusReportId(e.target.value)}
            />
          </Field>
        )}
      </div>
    </Dialog>
  );
}
