import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { isApiProblem } from '../../api/client.ts';
import {
  createReportSchedule,
  deliveryKeys,
  type ReportKindList,
  type ReportSchedule,
  updateReportSchedule,
} from '../../api/delivery.ts';
import { useOrgUnits } from '../../api/queries.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { useToast } from '../../design/Toast.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { bodyOf, draftOf, type ScheduleDraft, WEEKDAYS } from './schedule-form.ts';

const HOURS = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: `${String(h).padStart(2, '0')}:00 UTC`,
}));
const DAYS = Array.from({ length: 28 }, (_, d) => ({ value: String(d + 1), label: String(d + 1) }));

/** Create or edit a report schedule; the server's field errors show next to their fields. */
export function ScheduleDialog({
  open,
  schedule,
  kinds,
  onClose,
}: {
  open: boolean;
  schedule: ReportSchedule | null;
  kinds: ReportKindList;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const units = useOrgUnits();
  const first = kinds.items[0];
  const [d, setD] = useState<ScheduleDraft>(() =>
    draftOf(schedule, first?.kind ?? '', first?.formats[0] ?? ''),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setD(draftOf(schedule, first?.kind ?? '', first?.formats[0] ?? ''));
      setErrors({});
      setProblem(null);
    }
  }, [open, schedule, first]);

  const kind = kinds.items.find((k) => k.kind === d.kind);
  const set = <K extends keyof ScheduleDraft>(k: K, v: ScheduleDraft[K]) => setD((x) => ({ ...x, [k]: v }));

  const save = useMutation({
    mutationFn: () =>
      schedule
        ? updateReportSchedule(schedule.id, { version: schedule.version, ...bodyOf(d) })
        : createReportSchedule(bodyOf(d)),
    onSuccess: (s) => {
      showToast({ tone: 'success', title: schedule ? 'Schedule saved' : 'Schedule created', text: s.name });
      void queryClient.invalidateQueries({ queryKey: deliveryKeys.all });
      onClose();
    },
    onError: (e) => {
      if (isApiProblem(e) && e.errors.length) {
        const next: Record<string, string> = {};
        for (const f of e.errors) next[f.field.split('.')[0] ?? f.field] ??= f.message;
        setErrors(next);
        setProblem(null);
      } else {
        setErrors({});
        setProblem(isApiProblem(e) ? (e.detail ?? e.title) : String(e));
      }
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!d.name.trim()) {
      setErrors({ name: 'give the schedule a name' });
      return;
    }
    save.mutate();
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={schedule ? `Edit “${schedule.name}”` : 'New report schedule'}
      description="Baton produces the report on this cadence and saves it here or e-mails it."
      wide
      onSubmit={submit}
      footer={
        <>
          <Button variant="ghost" type="button" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" disabled={save.isPending}>
            {schedule ? 'Save' : 'Create schedule'}
          </Button>
        </>
      }
    >
      {problem && (
        <Alert tone="error" title="Not saved">
          {problem}
        </Alert>
      )}
      <div className="grid-2">
        <Field label="Name" required error={errors.name}>
          <Input value={d.name} onChange={(e) => set('name', e.target.value)} maxLength={200} />
        </Field>
        <Field label="Report" required error={errors.kind}>
          <Select
            value={d.kind}
            options={kinds.items.map((k) => ({ value: k.kind, label: k.title }))}
            onChange={(e) => {
              const k = kinds.items.find((x) => x.kind === e.target.value);
              setD((x) => ({
                ...x,
                kind: e.target.value,
                format: k?.formats.includes(x.format) ? x.format : (k?.formats[0] ?? ''),
              }));
            }}
          />
        </Field>
        <Field label="Format" required error={errors.format}>
          <Select
            value={d.format}
            options={(kind?.formats ?? []).map((f) => ({ value: f, label: f.toUpperCase() }))}
            onChange={(e) => set('format', e.target.value)}
          />
        </Field>
        <Field label="Org unit" hint="The unit the report covers" error={errors.orgUnitId}>
          <Select
            value={d.orgUnitId}
            options={[{ value: '', label: 'Whole organisation' }, ...orgUnitOptions(units.data ?? [])]}
            onChange={(e) => set('orgUnitId', e.target.value)}
          />
        </Field>
        <Field label="Cadence" required error={errors.cadence}>
          <Select
            value={d.cadence}
            options={[
              { value: 'weekly', label: 'Weekly' },
              { value: 'monthly', label: 'Monthly' },
            ]}
            onChange={(e) => set('cadence', e.target.value as ScheduleDraft['cadence'])}
          />
        </Field>
        {d.cadence === 'weekly' ? (
          <Field label="Weekday" required error={errors.dayOfWeek}>
            <Select
              value={d.dayOfWeek}
              options={WEEKDAYS.map((w, i) => ({ value: String(i + 1), label: w }))}
              onChange={(e) => set('dayOfWeek', e.target.value)}
            />
          </Field>
        ) : (
          <Field
            label="Day of the month"
            required
            hint="1–28, so every month has it"
            error={errors.dayOfMonth}
          >
            <Select value={d.dayOfMonth} options={DAYS} onChange={(e) => set('dayOfMonth', e.target.value)} />
          </Field>
        )}
        <Field label="Hour" required error={errors.hour}>
          <Select value={d.hour} options={HOURS} onChange={(e) => set('hour', e.target.value)} />
        </Field>
        <Field
          label="Delivery"
          required
          hint={kinds.emailEnabled ? undefined : 'E-mail is off: the operator has not configured SMTP.'}
          error={errors.delivery}
        >
          <Select
            value={d.delivery}
            options={[
              { value: 'save', label: 'Save in Baton' },
              { value: 'email', label: kinds.emailEnabled ? 'E-mail' : 'E-mail (not configured)' },
            ]}
            onChange={(e) => set('delivery', e.target.value as ScheduleDraft['delivery'])}
          />
        </Field>
        {d.delivery === 'email' && (
          <Field
            label="Recipients"
            required
            hint="E-mail addresses, separated by commas"
            error={errors.recipients}
            className="span-all"
          >
            <Input
              value={d.recipients}
              onChange={(e) => set('recipients', e.target.value)}
              placeholder="pmo@example.org, cfo@example.org"
            />
          </Field>
        )}
        <label className="row span-all">
          <input type="checkbox" checked={d.enabled} onChange={(e) => set('enabled', e.target.checked)} />{' '}
          Enabled (runs on its cadence)
        </label>
      </div>
    </Dialog>
  );
}
