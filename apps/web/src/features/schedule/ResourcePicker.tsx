import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { describeError } from '../../api/client.ts';
import { listResources, type Resource, resourceKeys } from '../../api/resources.ts';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { KIND_LABELS } from '../resources/resource-queries.ts';

const PAGE = 8;

/**
 * A search box over the active pool (ARIA combobox): type to search, ↓/↑ to move, Enter to pick,
 * Esc to close the list. Resources in `exclude` are not offered.
 */
export function ResourcePicker({
  label,
  exclude,
  onPick,
}: {
  label: string;
  exclude: ReadonlySet<string>;
  onPick: (resource: Resource) => void;
}) {
  const listId = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const t = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(t);
  }, [text]);

  const params = { q, active: 'true', sort: 'name', pageSize: PAGE + exclude.size } as const;
  const result = useQuery({
    queryKey: resourceKeys.list(params),
    queryFn: ({ signal }) => listResources(params, signal),
    enabled: open,
    staleTime: 30_000,
  });
  const options = (result.data?.items ?? []).filter((r) => !exclude.has(r.id)).slice(0, PAGE);
  const current = options[Math.min(active, options.length - 1)];
  const expanded = open && options.length > 0;
  const optionId = (id: string) => `${listId}-${id}`;

  const pick = (resource: Resource) => {
    onPick(resource);
    setText('');
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      else if (options.length > 0) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (Math.min(i, options.length - 1) + step + options.length) % options.length);
      }
    } else if (event.key === 'Enter') {
      // Never submit the task form from here.
      event.preventDefault();
      if (expanded && current) pick(current);
    } else if (event.key === 'Escape' && open) {
      // Close the list, not the dialog.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  const message = !open
    ? null
    : result.isError
      ? `Could not search the pool: ${describeError(result.error)}`
      : result.isPending || (result.isFetching && options.length === 0)
        ? 'Searching…'
        : options.length === 0
          ? q
            ? `Nobody in the pool matches “${q}”.`
            : 'Everybody in the pool is already assigned.'
          : null;

  return (
    <div className="resource-picker">
      <Field label={label}>
        <Input
          role="combobox"
          autoComplete="off"
          placeholder="Search people and roles…"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && current ? optionId(current.id) : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </Field>
      <div id={listId} role="listbox" aria-label={label} className="resource-picker__list" hidden={!expanded}>
        {options.map((r) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works through the combobox (aria-activedescendant)
          <div
            key={r.id}
            tabIndex={-1}
            id={optionId(r.id)}
            role="option"
            aria-selected={r.id === current?.id}
            className="resource-picker__option"
            // Keep the focus in the box, so that the list does not close before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(r)}
          >
            <span>{r.name}</span>
            <span className="resource-picker__meta">
              {r.role ?? KIND_LABELS[r.kind] ?? r.kind}
              {r.kind !== 'person' && r.role ? ` · ${KIND_LABELS[r.kind] ?? r.kind}` : ''}
            </span>
          </div>
        ))}
      </div>
      {message && (
        <p className="resource-picker__message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
