import type { CustomField, User } from '../../api/types.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';

type ControlProps = { id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };

/** The control a custom field's definition calls for. */
export function CustomFieldInput({
  def,
  value,
  onChange,
  users,
  ...aria
}: ControlProps & {
  def: CustomField;
  value: string;
  onChange: (value: string) => void;
  users: readonly User[];
}) {
  switch (def.type) {
    case 'number':
      return (
        <Input
          {...aria}
          type="number"
          inputMode="decimal"
          step="any"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'date':
      return <Input {...aria} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'choice':
      return (
        <Select
          {...aria}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="— None —"
          options={def.options.map((o) => ({ value: o, label: o }))}
        />
      );
    case 'user':
      return (
        <Select
          {...aria}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="— Nobody —"
          options={users
            .filter((u) => u.active || u.id === value)
            .map((u) => ({ value: u.id, label: u.name }))}
        />
      );
    default:
      return <Input {...aria} value={value} maxLength={2000} onChange={(e) => onChange(e.target.value)} />;
  }
}
