import type { IntakeField } from '../../../api/portfolio.ts';
import { Input } from '../../../design/Input.tsx';
import { Select } from '../../../design/Select.tsx';
import { Textarea } from '../../../design/Textarea.tsx';

type ControlProps = { id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };

/** The control a configured intake question calls for; the value is text as typed. */
export function IntakeAnswerInput({
  field,
  value,
  onChange,
  ...aria
}: ControlProps & { field: IntakeField; value: string; onChange: (value: string) => void }) {
  switch (field.type) {
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
    case 'select': {
      const options = field.options ?? [];
      return (
        <Select
          {...aria}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="— Not answered —"
          options={[...(value && !options.includes(value) ? [value] : []), ...options].map((o) => ({
            value: o,
            label: o,
          }))}
        />
      );
    }
    case 'boolean':
      return (
        <Select
          {...aria}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="— Not answered —"
          options={[
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]}
        />
      );
    case 'longtext':
      return (
        <Textarea
          {...aria}
          rows={3}
          value={value}
          maxLength={10_000}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    default:
      return <Input {...aria} value={value} maxLength={10_000} onChange={(e) => onChange(e.target.value)} />;
  }
}
