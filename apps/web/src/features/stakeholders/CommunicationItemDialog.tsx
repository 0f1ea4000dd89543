import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  type CommunicationChannel,
  type CommunicationContent,
  type CommunicationFrequency,
  type CommunicationItem,
  communicationKeys,
  createCommunicationItem,
  fetchAudienceCandidates,
  updateCommunicationItem,
} from '../../api/communications.ts';
import { useOrgUnits } from '../../api/queries.ts';
import type { Project } from '../../api/types.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { fieldErrorsOf, isConflict, problemText } from '../raid/raid-problems.ts';
import { useOwnerOptions } from '../raid/raid-queries.ts';
import {
  CHANNEL_LABELS,
  CONTENT_LABELS,
  FREQUENCY_LABELS,
  optionsOf,
  parseLabels,
  todayIso,
} from './communication-model.ts';

type Errors = Record<string, string>;

/** Checkboxes over the stakeholders the plan may address, with a filter when there are many. */
function AudiencePicker({
  projectId,
  value,
  onChange,
  error,
}: {
  projectId: string | null;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const candidates = useQuery({
    queryKey: communicationKeys.audience(projectId),
    queryFn: ({ signal }) => fetchAudienceCandidates(projectId, signal),
  });
  const all = candidates.data?.items ?? [];
  const words = filter.trim().toLowerCase();
  const shown = words
    ? all.filter((s) => `${s.name} ${s.role ?? ''} ${s.organisation ?? ''}`.toLowerCase().includes(words))
    : all;
  const toggle = (sid: string, on: boolean) =>
    onChange(on ? [...value, sid] : value.filter((x) => x !== sid));
  return (
    <fieldset className="fieldset comm-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        Stakeholders <span className="subtle">({value.length} chosen)</span>
      </legend>
      {all.length > 8 && (
        <>
          <label htmlFor={`${id}-filter`} className="visually-hidden">
            Filter stakeholders
          </label>
          <Input
            id={`${id}-filter`}
            type="search"
            controlSize="sm"
            placeholder="Filter by name, role or organisation"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </>
      )}
      {candidates.isPending ? (
        <p className="subtle">Loading stakeholders…</p>
      ) : candidates.isError ? (
        <p className="b-field__error">Could not load the stakeholders.</p>
      ) : all.length === 0 ? (
        <p className="subtle">
          {projectId
            ? 'No stakeholder is linked to this project yet: link them in the Stakeholders tab, or name roles and groups below.'
            : 'No stakeholder in the register yet: name roles and groups below.'}
        </p>
      ) : shown.length === 0 ? (
        <p className="subtle">No stakeholder matches.</p>
      ) : (
        <ul className="comm-picker__list">
          {shown.map((s) => (
            <li key={s.id}>
              <label className="b-checkbox">
                <input
                  type="checkbox"
                  checked={value.includes(s.id)}
                  onChange={(e) => toggle(s.id, e.target.checked)}
                />
                <span>
                  {s.name}
                  {s.role && <span className="subtle"> · {s.role}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="b-field__error" id={`${id}-error`}>
          <span aria-hidden="true">⚠</span>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Plans a communication (a project's, or with project null the PMO's own), or changes one. */
export function CommunicationItemDialog({
  project,
  item,
  onClose,
}: {
  project: Project | null;
  item?: CommunicationItem;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const units = useOrgUnits();
  const owners = useOwnerOptions([item?.ownerId]);
  const pmo = project === null && !item?.projectId;
  const [title, setTitle] = useState(item?.title ?? '');
  const [content, setContent] = useState<CommunicationContent>(
    item?.content ?? (pmo ? 'portfolio_pack' : 'status_report'),
  );
  const [channel, setChannel] = useState<CommunicationChannel>(item?.channel ?? 'email');
  const [frequency, setFrequency] = useState<CommunicationFrequency>(item?.frequency ?? 'monthly');
  const [startDate, setStartDate] = useState(item?.startDate ?? todayIso());
  const [endDate, setEndDate] = useState(item?.endDate ?? '');
  const [ownerId, setOwnerId] = useState(item?.ownerId ?? '');
  const [orgUnitId, setOrgUnitId] = useState(item?.orgUnitId ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [stakeholderIds, setStakeholderIds] = useState<string[]>(item?.audience.stakeholderIds ?? []);
  const [roles, setRoles] = useState(item?.audience.roles.join(', ') ?? '');
  const [groups, setGroups] = useState(item?.audience.groups.join(', ') ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const audience = { stakeholderIds, roles: parseLabels(roles), groups: parseLabels(groups) };
  const common = {
    title: title.trim(),
    content,
    channel,
    frequency,
    startDate,
    endDate: endDate || null,
    description: description.trim() || null,
    audience,
  };
  const save = useMutation({
    mutationFn: () =>
      item
        ? updateCommunicationItem(item.id, { version: item.version, ...common, ownerId: ownerId || null })
        : createCommunicationItem({
            ...common,
            ...(ownerId ? { ownerId } : {}),
            ...(project ? { projectId: project.id } : orgUnitId ? { orgUnitId } : {}),
          }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: communicationKeys.all });
      showToast({
        tone: 'success',
        title: item ? 'Communication changed' : 'Communication planned',
        text: saved.title,
      });
      onClose();
    },
    onError: (error) =>
      setErrors({
        ...fieldErrorsOf(error, (f) => (f.startsWith('audience') ? 'audience' : f)),
        form: isConflict(error)
          ? 'Someone changed this item in the meantime: close and open it again.'
          : problemText(error),
      }),
  });
  const submit = () => {
    const found: Errors = {};
    if (!title.trim()) found.title = 'Give the communication a title.';
    if (!startDate) found.startDate = 'Choose the first due date.';
    if (endDate && startDate && endDate < startDate) found.endDate = 'Must be on or after the start.';
    if (audience.stakeholderIds.length + audience.roles.length + audience.groups.length === 0)
      found.audience = 'Name at least one stakeholder, role or group.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const where = project ? project.code : (item?.orgUnitName ?? 'the PMO');
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={
        item
          ? `Change “${item.title}”`
          : pmo
            ? 'Plan a PMO communication'
            : `Plan a communication for ${where}`
      }
      description="What goes to whom, how, and how often. Baton turns it into a calendar of due dates."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {item ? 'Save changes' : 'Plan communication'}
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
        <div className="grid-3">
          <Field label="Content" required error={errors.content}>
            <Select
              value={content}
              options={optionsOf(CONTENT_LABELS)}
              onChange={(e) => setContent(e.target.value as CommunicationContent)}
            />
          </Field>
          <Field label="Channel" required error={errors.channel}>
            <Select
              value={channel}
              options={optionsOf(CHANNEL_LABELS)}
              onChange={(e) => setChannel(e.target.value as CommunicationChannel)}
            />
          </Field>
          <Field label="Frequency" required error={errors.frequency}>
            <Select
              value={frequency}
              options={optionsOf(FREQUENCY_LABELS)}
              onChange={(e) => setFrequency(e.target.value as CommunicationFrequency)}
            />
          </Field>
          <Field
            label={frequency === 'once' ? 'Date' : 'Start'}
            required
            error={errors.startDate}
            hint={
              frequency === 'monthly' || frequency === 'quarterly'
                ? 'Its day of the month repeats.'
                : undefined
            }
          >
            <Input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
          </Field>
          {frequency !== 'once' && (
            <Field label="End" error={errors.endDate} hint="Open-ended when empty.">
              <Input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
            </Field>
          )}
          <Field label="Owner" error={errors.ownerId} hint={item ? undefined : 'You, when empty.'}>
            <Select
              value={ownerId}
              placeholder={item ? 'Nobody' : 'Me'}
              options={owners}
              onChange={(e) => setOwnerId(e.target.value)}
            />
          </Field>
          {pmo && !item && (
            <Field label="Sent by the PMO of" error={errors.orgUnitId} hint="The enterprise PMO when empty.">
              <Select
                value={orgUnitId}
                placeholder="Enterprise PMO"
                options={orgUnitOptions(units.data ?? [])}
                onChange={(e) => setOrgUnitId(e.target.value)}
              />
            </Field>
          )}
        </div>
        <AudiencePicker
          projectId={project?.id ?? item?.projectId ?? null}
          value={stakeholderIds}
          onChange={setStakeholderIds}
          error={errors.audience}
        />
        <div className="grid-2">
          <Field label="Roles" hint="Separated by commas, e.g. Sponsor, Finance controller.">
            <Input value={roles} onChange={(e) => setRoles(e.target.value)} />
          </Field>
          <Field label="Groups" hint="Separated by commas, e.g. Steering committee.">
            <Input value={groups} onChange={(e) => setGroups(e.target.value)} />
          </Field>
        </div>
        <Field label="Description" error={errors.description}>
          <Textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
