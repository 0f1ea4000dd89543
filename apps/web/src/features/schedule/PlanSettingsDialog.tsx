import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { describeError, isApiProblem } from '../../api/client.ts';
import {
  type ScheduleSettings,
  type ScheduleView,
  scheduleKeys,
  type UpdateScheduleSettingsBody,
  updateScheduleSettings,
} from '../../api/schedule.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { useToast } from '../../design/Toast.tsx';
import { fromDateTimeInput, toDateTimeInput } from './schedule-time.ts';
import type { ScheduleEdit } from './use-schedule-edit.ts';

type ScheduleFrom = ScheduleSettings['scheduleFrom'];
type Form = {
  scheduleFrom: ScheduleFrom;
  start: string;
  finish: string;
  statusDate: string;
  calendarId: string;
};
type FieldName = keyof Form;
type Errors = Partial<Record<FieldName | 'form', string>>;

const LABELS: Record<FieldName, string> = {
  scheduleFrom: 'Schedule from',
  start: 'Start',
  finish: 'Finish',
  statusDate: 'Status date',
  calendarId: 'Project calendar',
};
const FIELDS = Object.keys(LABELS) as FieldName[];
const FROM_OPTIONS: { value: ScheduleFrom; label: string }[] = [
  { value: 'start', label: 'Project start' },
  { value: 'finish', label: 'Project finish' },
];

function formOf(s: ScheduleSettings): Form {
  return {
    scheduleFrom: s.scheduleFrom,
    start: toDateTimeInput(s.start),
    finish: toDateTimeInput(s.finish),
    statusDate: toDateTimeInput(s.statusDate),
    calendarId: s.calendarId ?? '',
  };
}

/** The plan's scheduling settings: schedule from its start or finish, the dates, the project calendar. */
export function PlanSettingsDialog({
  projectId,
  view,
  apply,
  onClose,
}: {
  projectId: string;
  view: ScheduleView;
  apply: ScheduleEdit['apply'];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const fromName = useId();
  // The settings the form was filled from: what "changed" means, and the version to send.
  const [base, setBase] = useState<ScheduleSettings>(view.settings);
  const [form, setForm] = useState<Form>(() => formOf(view.settings));
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends FieldName>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => {
      const next = { ...e };
      delete next[key];
      if (key === 'scheduleFrom') delete next.finish;
      return next;
    });
  };
  const fromFinish = form.scheduleFrom === 'finish';
  const calendarGroups = [
    { label: 'This project', items: view.calendars.filter((c) => c.projectId !== null) },
    { label: 'Organisation', items: view.calendars.filter((c) => c.projectId === null) },
  ];

  /** After a conflict: the fresh settings, keeping what the person changed in the form. */
  const rebase = (fresh: ScheduleSettings) => {
    const was = formOf(base);
    const now = formOf(fresh);
    setForm((f) => {
      const next = { ...f };
      for (const key of FIELDS) if (f[key] === was[key]) Object.assign(next, { [key]: now[key] });
      return next;
    });
    setBase(fresh);
  };

  const save = async () => {
    if (fromFinish && !form.finish) {
      setErrors({ finish: 'A plan scheduled from its finish needs a finish date.' });
      return;
    }
    const was = formOf(base);
    const body: UpdateScheduleSettingsBody = { version: base.version };
    if (form.scheduleFrom !== was.scheduleFrom) body.scheduleFrom = form.scheduleFrom;
    if (form.start !== was.start) body.start = fromDateTimeInput(form.start);
    if (form.finish !== was.finish) body.finish = fromDateTimeInput(form.finish);
    if (form.statusDate !== was.statusDate) body.statusDate = fromDateTimeInput(form.statusDate);
    if (form.calendarId !== was.calendarId) body.calendarId = form.calendarId || null;
    setErrors({});
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    setSaving(true);
    try {
      const change = await updateScheduleSettings(projectId, body);
      await apply(change);
      showToast({ tone: 'success', title: 'Plan settings saved', text: 'The plan was rescheduled.' });
      onClose();
    } catch (error) {
      if (isApiProblem(error, 409)) {
        showToast({
          tone: 'error',
          title: 'Someone else changed the plan settings',
          text: 'The plan was reloaded with their changes. Check the settings and save again.',
        });
        const key = scheduleKeys.view(projectId);
        await queryClient.invalidateQueries({ queryKey: key });
        const fresh = queryClient.getQueryData<ScheduleView>(key)?.settings;
        if (fresh) rebase(fresh);
        setErrors({
          form: 'Someone else changed the plan settings meanwhile. The form now shows their values, with your changes kept; save again.',
        });
      } else if (isApiProblem(error) && error.errors.length > 0) {
        const found: Errors = {};
        for (const key of FIELDS) {
          const message = error.messageFor(key);
          if (message) found[key] = `${LABELS[key]}: ${message}`;
        }
        if (Object.keys(found).length === 0) found.form = error.detail ?? error.title;
        setErrors(found);
      } else {
        setErrors({ form: describeError(error) });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Plan settings"
      description="How the plan is scheduled. Saving reschedules every task."
      initialFocusSelector={`input[name="${fromName}"]:checked`}
      onSubmit={() => void save()}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={saving}>
            Save settings
          </Button>
        </>
      }
    >
      <div className="stack plan-settings">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <fieldset
          className="plan-settings__from"
          aria-describedby={errors.scheduleFrom ? `${fromName}-error` : undefined}
        >
          <legend className="b-field__label">Schedule from</legend>
          <div className="plan-settings__choices">
            {FROM_OPTIONS.map((o) => (
              <label key={o.value} className="b-checkbox">
                <input
                  type="radio"
                  name={fromName}
                  value={o.value}
                  checked={form.scheduleFrom === o.value}
                  onChange={() => set('scheduleFrom', o.value)}
                />
                {o.label}
              </label>
            ))}
          </div>
          {errors.scheduleFrom && (
            <p className="b-field__error" id={`${fromName}-error`}>
              <span aria-hidden="true">⚠</span>
              {errors.scheduleFrom}
            </p>
          )}
        </fieldset>
        <div className="grid-2">
          <Field
            label="Start"
            error={errors.start}
            hint={fromFinish ? undefined : 'Tasks are scheduled forward from here.'}
          >
            <Input type="datetime-local" value={form.start} onChange={(e) => set('start', e.target.value)} />
          </Field>
          <Field
            label="Finish"
            required={fromFinish}
            error={errors.finish}
            hint={fromFinish ? 'Tasks are scheduled back from here.' : undefined}
          >
            <Input
              type="datetime-local"
              value={form.finish}
              onChange={(e) => set('finish', e.target.value)}
            />
          </Field>
          <Field label="Status date" error={errors.statusDate} hint="Progress is reported as of this date.">
            <Input
              type="datetime-local"
              value={form.statusDate}
              onChange={(e) => set('statusDate', e.target.value)}
            />
          </Field>
          <Field
            label="Project calendar"
            error={errors.calendarId}
            hint="Working time for tasks without their own."
          >
            <Select value={form.calendarId} onChange={(e) => set('calendarId', e.target.value)}>
              <option value="">Organisation standard (default)</option>
              {calendarGroups.map(
                (g) =>
                  g.items.length > 0 && (
                    <optgroup key={g.label} label={g.label}>
                      {g.items.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </optgroup>
                  ),
              )}
            </Select>
          </Field>
        </div>
      </div>
    </Dialog>
  );
}
