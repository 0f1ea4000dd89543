import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/client.ts';
import { createStaffingRequest } from '../../api/resources.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { type SkillDraft, SkillLevelsEditor } from './SkillLevelsEditor.tsx';
import { addDays, isIsoDate, mondayOf, todayIso } from './week-dates.ts';

type Errors = Partial<Record<'role' | 'start' | 'end' | 'hours' | 'form', string>>;

/** Ask the resource managers for someone: a role, the skills it needs, a period and hours a week. */
export function StaffingRequestDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const monday = mondayOf(todayIso());
  const [role, setRole] = useState('');
  const [skills, setSkills] = useState<SkillDraft[]>([]);
  const [start, setStart] = useState(monday);
  const [end, setEnd] = useState(addDays(monday, 12 * 7 - 1));
  const [hours, setHours] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const create = useMutation({
    mutationFn: () =>
      createStaffingRequest({
        projectId,
        role: role.trim(),
        skills: skills.map((s) => ({ skillId: s.skillId, minLevel: s.level })),
        start,
        end,
        hoursPerWeek: Number(hours.replace(',', '.')),
        notes: notes.trim() || null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['resources', 'staffing'] });
      showToast({
        tone: 'success',
        title: 'Staffing request sent',
        text: 'Resource managers see it on their Staffing page.',
      });
      onClose();
    },
    onError: (e) => setErrors({ form: describeError(e) }),
  });
  const submit = () => {
    const found: Errors = {};
    if (!role.trim()) found.role = 'Name the role you need.';
    if (!isIsoDate(start)) found.start = 'Enter the first day.';
    if (!isIsoDate(end)) found.end = 'Enter the last day.';
    else if (end < start) found.end = 'The last day must not be before the first.';
    const h = Number(hours.replace(',', '.'));
    if (!(h > 0 && h <= 168)) found.hours = 'Enter more than 0 and at most 168 hours a week.';
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate();
  };
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title="New staffing request"
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            Send request
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <div className="grid-2">
          <Field label="Role" error={errors.role} required hint="For example: Senior developer">
            <Input value={role} onChange={(e) => setRole(e.target.value)} />
          </Field>
          <Field label="Hours a week" error={errors.hours} required>
            <Input inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} />
          </Field>
          <Field label="From" error={errors.start} required>
            <Input type="date" value={start} onChange={(e) => setStart(e.target.value)} />
          </Field>
          <Field label="To" error={errors.end} required>
            <Input type="date" value={end} onChange={(e) => setEnd(e.target.value)} />
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend>Skills needed (minimum level)</legend>
          <SkillLevelsEditor idBase="staffing-skill" value={skills} onChange={setSkills} />
        </fieldset>
        <Field label="Notes">
          <Textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
