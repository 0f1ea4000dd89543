import { useEffect, useRef, useState } from 'react';
import type { MitigationAction } from '../../api/raid.ts';
import { Button } from '../../design/Button.tsx';
import { Input } from '../../design/Input.tsx';
import { Select, type SelectOption } from '../../design/Select.tsx';
import { actionProgress } from './raid-model.ts';
import { nextActionId } from './risk-form-model.ts';

/** The mitigation actions as a checklist: tick what is done, name an owner and a due date. */
export function ActionsEditor({
  actions,
  owners,
  errors,
  disabled = false,
  onChange,
}: {
  actions: readonly MitigationAction[];
  owners: readonly SelectOption[];
  errors: Partial<Record<string, string>>;
  disabled?: boolean;
  onChange: (actions: MitigationAction[]) => void;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const [focusLast, setFocusLast] = useState(false);
  useEffect(() => {
    if (!focusLast) return;
    setFocusLast(false);
    const inputs = listRef.current?.querySelectorAll<HTMLInputElement>('input[data-action-title]');
    inputs?.[inputs.length - 1]?.focus();
  }, [focusLast]);

  const update = (k: number, patch: Partial<MitigationAction>) =>
    onChange(actions.map((a, j) => (j === k ? { ...a, ...patch } : a)));
  const remove = (k: number) => onChange(actions.filter((_, j) => j !== k));
  const add = () => {
    onChange([
      ...actions,
      { id: nextActionId(actions), title: '', ownerId: null, dueDate: null, done: false },
    ]);
    setFocusLast(true);
  };

  return (
    <fieldset className="raid-actions" disabled={disabled}>
      <legend className="b-field__label">
        Mitigation actions <span className="subtle">({actionProgress(actions)})</span>
      </legend>
      {actions.length === 0 ? (
        <p className="subtle raid-actions__empty">No actions yet.</p>
      ) : (
        <ol className="raid-actions__list" ref={listRef}>
          {actions.map((a, k) => {
            const n = k + 1;
            const error = errors[`actions.${k}`];
            const errorId = `risk-action-${a.id}-error`;
            return (
              <li key={a.id} className="raid-actions__item" data-done={a.done || undefined}>
                <label className="b-checkbox raid-actions__done">
                  <input
                    type="checkbox"
                    checked={a.done}
                    onChange={(e) => update(k, { done: e.target.checked })}
                  />
                  <span className="visually-hidden">Action {n} done</span>
                  <span aria-hidden="true">{a.done ? 'Done' : 'To do'}</span>
                </label>
                <Input
                  controlSize="sm"
                  data-action-title
                  aria-label={`Action ${n}`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  value={a.title}
                  maxLength={500}
                  placeholder="What will be done"
                  onChange={(e) => update(k, { title: e.target.value })}
                />
                <Select
                  controlSize="sm"
                  aria-label={`Owner of action ${n}`}
                  value={a.ownerId ?? ''}
                  placeholder="No owner"
                  options={owners}
                  onChange={(e) => update(k, { ownerId: e.target.value || null })}
                />
                <Input
                  controlSize="sm"
                  type="date"
                  aria-label={`Due date of action ${n}`}
                  value={a.dueDate ?? ''}
                  onChange={(e) => update(k, { dueDate: e.target.value || null })}
                />
                <Button size="sm" variant="ghost" aria-label={`Remove action ${n}`} onClick={() => remove(k)}>
                  Remove
                </Button>
                {error && (
                  <p className="b-field__error raid-actions__error" id={errorId}>
                    <span aria-hidden="true">⚠</span>
                    {error}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div>
        <Button size="sm" onClick={add} disabled={actions.length >= 50}>
          <span aria-hidden="true">+</span> Add an action
        </Button>
      </div>
    </fieldset>
  );
}
