import { useState } from 'react';
import { addLeave, deleteLeave, type Leave, type ResourceDetail } from '../../api/resources.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Table } from '../../design/Table.tsx';
import { useResourceChange } from './use-resource-change.ts';
import { isIsoDate } from './week-dates.ts';

const LEAVE_KINDS: Record<Leave['kind'], string> = {
  leave: 'Leave',
  holiday: 'Public holiday',
  training: 'Training',
  sick: 'Sick',
  other: 'Other',
};

type LeaveDraft = { start: string; end: string; kind: Leave['kind']; hoursPerDay: string; note: string };
const EMPTY: LeaveDraft = { start: '', end: '', kind: 'leave', hoursPerDay: '', note: '' };

export function LeaveCard({ resource, canEdit }: { resource: ResourceDetail; canEdit: boolean }) {
  const [draft, setDraft] = useState<LeaveDraft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const add = useResourceChange(
    resource.id,
    (d: LeaveDraft) =>
      addLeave(resource.id, {
        version: resource.version,
        start: d.start,
        end: d.end,
        kind: d.kind,
        hoursPerDay: d.hoursPerDay.trim() ? Number(d.hoursPerDay.replace(',', '.')) : null,
        note: d.note.trim() || null,
      }),
    'Leave added',
  );
  const remove = useResourceChange(
    resource.id,
    (leaveId: string) => deleteLeave(resource.id, leaveId, resource.version),
    'Leave removed',
  );
  const submit = () => {
    if (!isIsoDate(draft.start) || !isIsoDate(draft.end))
      return setError('Enter the first and the last day.');
    if (draft.end < draft.start) return setError('The last day must not be before the first.');
    const h = Number(draft.hoursPerDay.replace(',', '.'));
    if (draft.hoursPerDay.trim() && !(h > 0 && h <= 24))
      return setError('Hours a day must be more than 0, at most 24.');
    setError(null);
    add.mutate(draft, { onSuccess: () => setDraft(EMPTY) });
  };
  const set = (patch: Partial<LeaveDraft>) => setDraft({ ...draft, ...patch });
  const items = [...resource.leave].sort((a, b) => b.start.localeCompare(a.start));
  return (
    <Card title="Leave and absences" description="Time off lowers the capacity of those days." flush>
      {items.length === 0 ? (
        <p className="card-note">No leave planned.</p>
      ) : (
        <Table>
          <caption className="visually-hidden">Leave and absences</caption>
          <thead>
            <tr>
              <th scope="col">Dates</th>
              <th scope="col">Kind</th>
              <th scope="col">Hours off</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((l) => (
              <tr key={l.id}>
                <td className="nowrap">
                  {formatDate(l.start)} – {formatDate(l.end)}
                  {l.note && <span className="cell-sub">{l.note}</span>}
                </td>
                <td>{LEAVE_KINDS[l.kind]}</td>
                <td>{l.hoursPerDay === null ? 'Whole days' : `${l.hoursPerDay} h a day`}</td>
                <td className="num">
                  {canEdit && (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Delete the leave from ${formatDate(l.start)}`}
                      loading={remove.isPending && remove.variables === l.id}
                      onClick={() => remove.mutate(l.id)}
                    >
                      Delete
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canEdit && (
        <form
          className="inline-form card-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Field label="First day" error={error}>
            <Input
              controlSize="sm"
              type="date"
              value={draft.start}
              onChange={(e) => set({ start: e.target.value })}
            />
          </Field>
          <Field label="Last day">
            <Input
              controlSize="sm"
              type="date"
              value={draft.end}
              onChange={(e) => set({ end: e.target.value })}
            />
          </Field>
          <Field label="Kind">
            <Select
              controlSize="sm"
              value={draft.kind}
              options={Object.entries(LEAVE_KINDS).map(([value, label]) => ({ value, label }))}
              onChange={(e) => set({ kind: e.target.value as Leave['kind'] })}
            />
          </Field>
          <Field label="Hours a day" hint="Empty: whole days">
            <Input
              controlSize="sm"
              inputMode="decimal"
              value={draft.hoursPerDay}
              onChange={(e) => set({ hoursPerDay: e.target.value })}
            />
          </Field>
          <Button type="submit" size="sm" loading={add.isPending}>
            Add leave
          </Button>
        </form>
      )}
    </Card>
  );
}
