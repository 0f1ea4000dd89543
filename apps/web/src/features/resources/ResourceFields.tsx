import { useOrgUnits } from '../../api/queries.ts';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import type { ResourceFormErrors, ResourceFormState } from './resource-form-model.ts';

/** The fields of a resource, shared by the New dialog and the detail page's editor. */
export function ResourceFields({
  state,
  onChange,
  errors,
}: {
  state: ResourceFormState;
  onChange: (next: ResourceFormState) => void;
  errors: ResourceFormErrors;
}) {
  const units = useOrgUnits();
  const set = (patch: Partial<ResourceFormState>) => onChange({ ...state, ...patch });
  return (
    <div className="grid-2">
      <Field label="Name" error={errors.name} required>
        <Input value={state.name} onChange={(e) => set({ name: e.target.value })} autoComplete="off" />
      </Field>
      <Field
        label="Capacity (hours a week)"
        error={errors.capacity}
        hint="40 is one full-time person."
        required
      >
        <Input
          inputMode="decimal"
          value={state.capacity}
          onChange={(e) => set({ capacity: e.target.value })}
        />
      </Field>
      <Field label="Kind" error={errors.kind}>
        <Select
          value={state.kind}
          options={[
            { value: 'person', label: 'Person' },
            { value: 'role', label: 'Generic role (placeholder)' },
          ]}
          onChange={(e) => set({ kind: e.target.value === 'role' ? 'role' : 'person' })}
        />
      </Field>
      <Field label="E-mail" error={errors.email}>
        <Input
          type="email"
          value={state.email}
          onChange={(e) => set({ email: e.target.value })}
          autoComplete="off"
        />
      </Field>
      <Field label="Job role" error={errors.role} hint="For example: Business analyst">
        <Input value={state.role} onChange={(e) => set({ role: e.target.value })} />
      </Field>
      <Field label="Org unit" error={errors.orgUnitId}>
        <Select
          value={state.orgUnitId}
          placeholder="None"
          options={orgUnitOptions(units.data ?? [])}
          onChange={(e) => set({ orgUnitId: e.target.value })}
        />
      </Field>
      <Field label="Employed from" error={errors.employmentStart}>
        <Input
          type="date"
          value={state.employmentStart}
          onChange={(e) => set({ employmentStart: e.target.value })}
        />
      </Field>
      <Field label="Employed until" error={errors.employmentEnd}>
        <Input
          type="date"
          value={state.employmentEnd}
          onChange={(e) => set({ employmentEnd: e.target.value })}
        />
      </Field>
    </div>
  );
}
