import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import {
  type ConstraintType,
  createLink,
  deleteLink,
  fetchImpact,
  type LinkType,
  type ScheduleView,
  scheduleKeys,
  type Task,
  type TaskLink,
  type UpdateTaskBody,
  updateLink,
  updateTask,
} from '../../api/schedule.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Spinner } from '../../design/Spinner.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import {
  formatDays,
  formatLag,
  formatLocalDate,
  formatLocalDateTime,
  formatShortDateTime,
  fromDateTimeInput,
  parseDuration,
  parseLag,
  toDateTimeInput,
} from './schedule-time.ts';
import { TaskAssignments } from './TaskAssignments.tsx';
import type { ScheduleEdit } from './use-schedule-edit.ts';

const CONSTRAINTS: { value: ConstraintType; label: string }[] = [
  { value: 'ASAP', label: 'As soon as possible' },
  { value: 'ALAP', label: 'As late as possible' },
  { value: 'SNET', label: 'Start no earlier than' },
  { value: 'SNLT', label: 'Start no later than' },
  { value: 'FNET', label: 'Finish no earlier than' },
  { value: 'FNLT', label: 'Finish no later than' },
  { value: 'MSO', label: 'Must start on' },
  { value: 'MFO', label: 'Must finish on' },
];
const LINK_TYPES: { value: LinkType; label: string }[] = [
  { value: 'FS', label: 'Finish-to-start (FS)' },
  { value: 'SS', label: 'Start-to-start (SS)' },
  { value: 'FF', label: 'Finish-to-finish (FF)' },
  { value: 'SF', label: 'Start-to-finish (SF)' },
];

type Form = {
  name: string;
  duration: string;
  optimistic: string;
  pessimistic: string;
  milestone: boolean;
  percent: string;
  constraintType: ConstraintType;
  constraintDate: string;
  deadline: string;
  actualStart: string;
  actualFinish: string;
  notes: string;
};

function formOf(task: Task, mpd: number): Form {
  return {
    name: task.name,
    duration: formatDays(task.durationMinutes, mpd),
    optimistic: task.optimisticMinutes === null ? '' : formatDays(task.optimisticMinutes, mpd),
    pessimistic: task.pessimisticMinutes === null ? '' : formatDays(task.pessimisticMinutes, mpd),
    milestone: task.milestone,
    percent: String(task.percentComplete),
    constraintType: task.constraintType,
    constraintDate: toDateTimeInput(task.constraintDate),
    deadline: toDateTimeInput(task.deadline),
    actualStart: toDateTimeInput(task.actualStart),
    actualFinish: toDateTimeInput(task.actualFinish),
    notes: task.notes ?? '',
  };
}

/** Everything about one task, editable from the keyboard: fields, predecessors, and what a slip would do. */
export function TaskDialog({
  task,
  view,
  taskById,
  canEdit,
  edit,
  onClose,
}: {
  task: Task;
  view: ScheduleView;
  taskById: ReadonlyMap<string, Task>;
  canEdit: boolean;
  edit: ScheduleEdit['edit'];
  onClose: () => void;
}) {
  const mpd = view.settings.minutesPerDay;
  const [form, setForm] = useState<Form>(() => formOf(task, mpd));
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const rolledUp = task.summary;
  const needsDate = !['ASAP', 'ALAP'].includes(form.constraintType);

  const save = async () => {
    const found: Partial<Record<keyof Form, string>> = {};
    const body: UpdateTaskBody = { version: task.version };
    const name = form.name.trim();
    if (!name) found.name = 'Give the task a name.';
    else if (name !== task.name) body.name = name;
    if (!rolledUp) {
      const minutes = parseDuration(form.duration, mpd);
      if (minutes === null) found.duration = 'Write a duration such as 5, 2.5 d or 4 h.';
      else if (minutes !== task.durationMinutes) body.durationMinutes = minutes;
      // Three-point estimate for forecasts: empty means "no spread on that side".
      const three = (text: string) => (text.trim() === '' ? null : parseDuration(text, mpd));
      const optimistic = three(form.optimistic);
      const pessimistic = three(form.pessimistic);
      if (form.optimistic.trim() !== '' && optimistic === null)
        found.optimistic = 'Write a duration, or leave it empty.';
      else if (optimistic !== null && minutes !== null && optimistic > minutes)
        found.optimistic = 'Must not be longer than the duration.';
      else if (optimistic !== task.optimisticMinutes) body.optimisticMinutes = optimistic;
      if (form.pessimistic.trim() !== '' && pessimistic === null)
        found.pessimistic = 'Write a duration, or leave it empty.';
      else if (pessimistic !== null && minutes !== null && pessimistic < minutes)
        found.pessimistic = 'Must not be shorter than the duration.';
      else if (pessimistic !== task.pessimisticMinutes) body.pessimisticMinutes = pessimistic;
      const pct = Number(form.percent);
      if (!Number.isInteger(pct) || pct < 0 || pct > 100) found.percent = 'A whole number from 0 to 100.';
      else if (pct !== task.percentComplete) body.percentComplete = pct;
    }
    if (form.milestone !== task.milestone) body.milestone = form.milestone;
    if (form.constraintType !== task.constraintType) body.constraintType = form.constraintType;
    const constraintDate = needsDate ? fromDateTimeInput(form.constraintDate) : null;
    if (needsDate && !constraintDate) found.constraintDate = 'This constraint needs a date.';
    else if (constraintDate !== task.constraintDate) body.constraintDate = constraintDate;
    for (const key of ['deadline', 'actualStart', 'actualFinish'] as const) {
      const value = fromDateTimeInput(form[key]);
      if (value !== task[key]) body[key] = value;
    }
    const notes = form.notes.trim() === '' ? null : form.notes;
    if (notes !== task.notes) body.notes = notes;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    setSaving(true);
    const ok = await edit(() => updateTask(task.id, body), 'Could not save the task');
    setSaving(false);
    if (ok) onClose();
  };

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={
        <span className="task-dialog__title">
          <span className="mono subtle">{task.wbs}</span> {task.name}
          {task.critical && <Badge tone="red">Critical</Badge>}
        </span>
      }
      description={`${formatLocalDateTime(task.start)} → ${formatLocalDateTime(task.finish)}`}
      onSubmit={() => void save()}
      footer={
        <>
          <Button onClick={onClose}>{canEdit ? 'Cancel' : 'Close'}</Button>
          {canEdit && (
            <Button type="submit" variant="primary" loading={saving}>
              Save task
            </Button>
          )}
        </>
      }
    >
      <div className="task-dialog">
        <aside className="task-dialog__facts" aria-label="Computed dates">
          <dl className="task-dialog__facts-list">
            <Fact label="Start">{formatShortDateTime(task.start)}</Fact>
            <Fact label="Finish">{formatShortDateTime(task.finish)}</Fact>
            <Fact label="Late start">{formatShortDateTime(task.lateStart)}</Fact>
            <Fact label="Late finish">{formatShortDateTime(task.lateFinish)}</Fact>
            <Fact label="Total float">{formatDays(task.totalFloatMinutes, mpd)}</Fact>
            <Fact label="Free float">{formatDays(task.freeFloatMinutes, mpd)}</Fact>
          </dl>
        </aside>
        <fieldset className="task-dialog__fields" disabled={!canEdit}>
          <legend className="visually-hidden">Task fields</legend>
          <Field label="Name" required error={errors.name} className="span-all">
            <Input value={form.name} onChange={(e) => set('name', e.target.value)} />
          </Field>
          <Field
            label="Duration"
            error={errors.duration}
            hint={rolledUp ? 'Rolled up from the subtasks.' : 'Working days: 5, 2.5 d, 4 h, 1 w.'}
          >
            <Input
              value={form.duration}
              disabled={rolledUp}
              onChange={(e) => set('duration', e.target.value)}
            />
          </Field>
          <Field
            label="Optimistic duration"
            error={errors.optimistic}
            hint={
              rolledUp ? 'Rolled up from the subtasks.' : 'Best case, for forecasts; empty: as the duration.'
            }
          >
            <Input
              value={form.optimistic}
              disabled={rolledUp}
              onChange={(e) => set('optimistic', e.target.value)}
            />
          </Field>
          <Field
            label="Pessimistic duration"
            error={errors.pessimistic}
            hint={
              rolledUp ? 'Rolled up from the subtasks.' : 'Worst case, for forecasts; empty: as the duration.'
            }
          >
            <Input
              value={form.pessimistic}
              disabled={rolledUp}
              onChange={(e) => set('pessimistic', e.target.value)}
            />
          </Field>
          <Field label="% complete" error={errors.percent}>
            <Input
              inputMode="numeric"
              value={form.percent}
              disabled={rolledUp}
              onChange={(e) => set('percent', e.target.value)}
            />
          </Field>
          <div className="b-field task-dialog__check">
            <label>
              <input
                type="checkbox"
                checked={form.milestone}
                onChange={(e) => set('milestone', e.target.checked)}
              />{' '}
              Milestone
            </label>
          </div>
          <Field label="Constraint">
            <Select
              value={form.constraintType}
              options={CONSTRAINTS}
              onChange={(e) => set('constraintType', e.target.value as ConstraintType)}
            />
          </Field>
          <Field label="Constraint date" error={errors.constraintDate}>
            <Input
              type="datetime-local"
              value={needsDate ? form.constraintDate : ''}
              disabled={!needsDate}
              onChange={(e) => set('constraintDate', e.target.value)}
            />
          </Field>
          <Field label="Deadline">
            <Input
              type="datetime-local"
              value={form.deadline}
              onChange={(e) => set('deadline', e.target.value)}
            />
          </Field>
          <Field label="Actual start">
            <Input
              type="datetime-local"
              value={form.actualStart}
              onChange={(e) => set('actualStart', e.target.value)}
            />
          </Field>
          <Field label="Actual finish">
            <Input
              type="datetime-local"
              value={form.actualFinish}
              onChange={(e) => set('actualFinish', e.target.value)}
            />
          </Field>
          <Field label="Notes" className="span-all">
            <Textarea rows={2} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
          </Field>
        </fieldset>
      </div>
      {rolledUp ? (
        <p className="task-dialog__section subtle">
          People are assigned to the tasks beneath this summary; its work rolls up from them.
        </p>
      ) : (
        <TaskAssignments task={task} canEdit={canEdit} />
      )}
      <Predecessors task={task} view={view} taskById={taskById} canEdit={canEdit} edit={edit} />
      <Impact task={task} minutesPerDay={mpd} />
    </Dialog>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Predecessors({
  task,
  view,
  taskById,
  canEdit,
  edit,
}: {
  task: Task;
  view: ScheduleView;
  taskById: ReadonlyMap<string, Task>;
  canEdit: boolean;
  edit: ScheduleEdit['edit'];
}) {
  const mpd = view.settings.minutesPerDay;
  const headingId = useId();
  const [predecessorId, setPredecessorId] = useState('');
  const [type, setType] = useState<LinkType>('FS');
  const [lag, setLag] = useState('0 d');
  const [lagError, setLagError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const incoming = view.links.filter((l) => l.successorId === task.id);
  const outgoing = view.links.filter((l) => l.predecessorId === task.id);
  const linked = new Set(incoming.map((l) => l.predecessorId));
  const candidates = view.tasks.filter((t) => t.id !== task.id && !linked.has(t.id));
  const label = (id: string) => {
    const t = taskById.get(id);
    return t ? `${t.wbs} ${t.name}` : 'A task in another project';
  };

  const add = async () => {
    const parsed = parseLag(lag, mpd);
    if (!parsed) {
      setLagError('Write a lag such as 2 d, -1 d, 3 ed or 50%.');
      return;
    }
    setLagError(null);
    if (!predecessorId) return;
    setAdding(true);
    const ok = await edit(
      () => createLink({ predecessorId, successorId: task.id, type, ...parsed }),
      'Could not add the predecessor',
    );
    setAdding(false);
    if (ok) {
      setPredecessorId('');
      setLag('0 d');
    }
  };

  return (
    <section className="task-dialog__section" aria-labelledby={headingId}>
      <h3 id={headingId} className="task-dialog__heading">
        Predecessors
      </h3>
      {incoming.length === 0 ? (
        <p className="subtle">No predecessors: the task starts with the project or its constraint.</p>
      ) : (
        <table className="b-table task-links">
          <caption className="visually-hidden">Predecessors of {task.name}</caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Type</th>
              <th scope="col">Lag</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {incoming.map((l) => (
              <LinkRow
                key={l.id}
                link={l}
                name={label(l.predecessorId)}
                mpd={mpd}
                canEdit={canEdit}
                edit={edit}
              />
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <div className="task-links__add">
          <Field label="Add a predecessor">
            <Select
              value={predecessorId}
              onChange={(e) => setPredecessorId(e.target.value)}
              placeholder="Choose a task…"
            >
              {candidates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.wbs} {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Link type">
            <Select value={type} options={LINK_TYPES} onChange={(e) => setType(e.target.value as LinkType)} />
          </Field>
          <Field label="Lag" error={lagError}>
            <Input value={lag} onChange={(e) => setLag(e.target.value)} className="task-links__lag" />
          </Field>
          <Button onClick={() => void add()} disabled={!predecessorId} loading={adding}>
            Add predecessor
          </Button>
        </div>
      )}
      {outgoing.length > 0 && (
        <p className="task-links__successors">
          <span className="subtle">Successors: </span>
          {outgoing.map((l, i) => (
            <span key={l.id}>
              {i > 0 && ', '}
              {label(l.successorId)}{' '}
              <span className="subtle">
                ({l.type}
                {l.lag !== 0 ? ` ${formatLag(l, mpd)}` : ''})
              </span>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

function LinkRow({
  link,
  name,
  mpd,
  canEdit,
  edit,
}: {
  link: TaskLink;
  name: string;
  mpd: number;
  canEdit: boolean;
  edit: ScheduleEdit['edit'];
}) {
  const [lag, setLag] = useState(formatLag(link, mpd));
  const [invalid, setInvalid] = useState(false);
  const saveLag = () => {
    if (lag === formatLag(link, mpd)) return;
    const parsed = parseLag(lag, mpd);
    setInvalid(!parsed);
    if (!parsed) return;
    void edit(() => updateLink(link.id, parsed), 'Could not change the lag');
  };
  return (
    <tr>
      <td>
        {name}
        {link.crossProject && <span className="cell-sub">Another project</span>}
      </td>
      <td>
        {canEdit ? (
          <Select
            controlSize="sm"
            aria-label={`Link type from ${name}`}
            value={link.type}
            options={LINK_TYPES}
            onChange={(e) => void edit(() => updateLink(link.id, { type: e.target.value as LinkType }))}
          />
        ) : (
          link.type
        )}
      </td>
      <td>
        {canEdit ? (
          <Input
            controlSize="sm"
            className="task-links__lag"
            aria-label={`Lag after ${name}`}
            aria-invalid={invalid || undefined}
            value={lag}
            onChange={(e) => setLag(e.target.value)}
            onBlur={saveLag}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                saveLag();
              }
            }}
          />
        ) : (
          formatLag(link, mpd)
        )}
      </td>
      {canEdit && (
        <td className="task-links__actions">
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove the link from ${name}`}
            onClick={() => void edit(() => deleteLink(link.id), 'Could not remove the link')}
          >
            Remove
          </Button>
        </td>
      )}
    </tr>
  );
}

function Impact({ task, minutesPerDay }: { task: Task; minutesPerDay: number }) {
  const headingId = useId();
  const [days, setDays] = useState('5');
  const [mode, setMode] = useState<'finish' | 'start'>('finish');
  const [asked, setAsked] = useState<{ days: number; mode: 'finish' | 'start' } | null>(null);
  const result = useQuery({
    queryKey: scheduleKeys.impact(task.id, asked?.days ?? 0, asked?.mode ?? 'finish'),
    queryFn: ({ signal }) => fetchImpact(task.id, asked?.days ?? 0, asked?.mode ?? 'finish', signal),
    enabled: asked !== null,
  });
  const n = Number(days);
  const valid = days.trim() !== '' && Number.isFinite(n) && Math.abs(n) <= 3650;
  const delta = (minutes: number) =>
    minutes === 0 ? '±0 d' : `${minutes > 0 ? '+' : '−'}${formatDays(Math.abs(minutes), minutesPerDay)}`;
  const moved = result.data?.tasks.filter((t) => t.taskId !== task.id) ?? [];
  const milestones = moved.filter((t) => t.milestone);

  return (
    <section className="task-dialog__section" aria-labelledby={headingId}>
      <h3 id={headingId} className="task-dialog__heading">
        What if it slips?
      </h3>
      <div className="impact__ask">
        <Field label="Slip (working days)">
          <Input
            inputMode="decimal"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            className="impact__days"
          />
        </Field>
        <Field label="How">
          <Select
            value={mode}
            onChange={(e) => setMode(e.target.value === 'start' ? 'start' : 'finish')}
            options={[
              { value: 'finish', label: 'It takes longer (finish slips)' },
              { value: 'start', label: 'It starts later (whole task slips)' },
            ]}
          />
        </Field>
        <Button onClick={() => setAsked({ days: n, mode })} disabled={!valid}>
          Show the impact
        </Button>
      </div>
      {asked && result.isFetching && <Spinner label="Working out the impact" />}
      {asked && result.isError && <ErrorState error={result.error} title="Could not work out the impact" />}
      {asked && result.data && !result.isFetching && (
        <div className="impact__result" aria-live="polite">
          {moved.length === 0 && result.data.projects.length === 0 ? (
            <p>
              <Badge tone="green">No knock-on effect</Badge> A {asked.days}-day slip is absorbed by this
              task’s float.
            </p>
          ) : (
            <>
              <p>
                A {asked.days}-day slip moves <strong>{moved.length}</strong> other{' '}
                {moved.length === 1 ? 'task' : 'tasks'}, <strong>{milestones.length}</strong>{' '}
                {milestones.length === 1 ? 'milestone' : 'milestones'} and finishes{' '}
                <strong>{result.data.projects.length}</strong>{' '}
                {result.data.projects.length === 1 ? 'project' : 'projects'} later.
              </p>
              {result.data.projects.length > 0 && (
                <ul className="impact__list">
                  {result.data.projects.map((p) => (
                    <li key={p.projectId}>
                      <span className="mono">{p.code}</span> {p.name}: finish {formatLocalDate(p.oldFinish)} →{' '}
                      {formatLocalDate(p.newFinish)} <Badge tone="red">{delta(p.finishDeltaMinutes)}</Badge>
                    </li>
                  ))}
                </ul>
              )}
              {moved.length > 0 && (
                <table className="b-table impact__table">
                  <caption className="visually-hidden">Tasks the slip moves</caption>
                  <thead>
                    <tr>
                      <th scope="col">Task</th>
                      <th scope="col">New start</th>
                      <th scope="col">New finish</th>
                      <th scope="col" className="num">
                        Finish moves
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {moved.slice(0, 50).map((t) => (
                      <tr key={t.taskId}>
                        <td>
                          {t.milestone && <span aria-hidden="true">◆ </span>}
                          {t.name}
                          {t.milestone && <span className="visually-hidden"> (milestone)</span>}
                        </td>
                        <td>{formatLocalDate(t.newStart)}</td>
                        <td>{formatLocalDate(t.newFinish)}</td>
                        <td className="num">{delta(t.finishDeltaMinutes)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {moved.length > 50 && <p className="subtle">…and {moved.length - 50} more tasks.</p>}
            </>
          )}
        </div>
      )}
    </section>
  );
}
