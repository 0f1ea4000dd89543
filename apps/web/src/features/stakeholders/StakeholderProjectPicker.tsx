import { useId, useState } from 'react';
import { Input } from '../../design/Input.tsx';
import { useProjectChoices } from '../raid/raid-queries.ts';

/** Checkboxes for the projects a stakeholder is on, with a filter for long lists. */
export function StakeholderProjectPicker({
  value,
  onChange,
  disabled = false,
  error,
}: {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
  error?: string | undefined;
}) {
  const projects = useProjectChoices();
  const [filter, setFilter] = useState('');
  const id = useId();
  const words = filter.trim().toLowerCase();
  const all = projects.data ?? [];
  const shown = words
    ? all.filter((p) => `${p.code} ${p.name}`.toLowerCase().includes(words) || value.includes(p.id))
    : all;
  const toggle = (projectId: string, on: boolean) =>
    onChange(on ? [...value, projectId] : value.filter((v) => v !== projectId));
  return (
    <fieldset className="fieldset sh-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="b-field__label">
        Projects <span className="subtle">({value.length} chosen)</span>
      </legend>
      <label htmlFor={`${id}-filter`} className="visually-hidden">
        Filter projects
      </label>
      <Input
        id={`${id}-filter`}
        type="search"
        controlSize="sm"
        placeholder="Filter by code or name"
        value={filter}
        disabled={disabled}
        onChange={(e) => setFilter(e.target.value)}
      />
      {projects.isPending ? (
        <p className="subtle">Loading projects…</p>
      ) : projects.isError ? (
        <p className="b-field__error">Could not load the projects.</p>
      ) : shown.length === 0 ? (
        <p className="subtle">No project matches.</p>
      ) : (
        <ul className="sh-picker__list">
          {shown.map((p) => (
            <li key={p.id}>
              <label className="b-checkbox">
                <input
                  type="checkbox"
                  checked={value.includes(p.id)}
                  disabled={disabled}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
                <span>
                  <span className="mono">{p.code}</span> {p.name}
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
