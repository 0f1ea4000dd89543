import type { KeyboardEvent, ReactNode } from 'react';
import { Input } from '../../../design/Input.tsx';
import { addMonths, formatMonth } from '../portfolio-format.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "M3 · Mar 2027" for month index 2 after the start; just "M3" while the start is not a month. */
export function monthLabel(start: string, index: number): { short: string; long: string } {
  const short = `M${index + 1}`;
  if (!MONTH.test(start)) return { short, long: `month ${index + 1}` };
  const month = formatMonth(addMonths(start, index));
  return { short: `${short} · ${month}`, long: `month ${index + 1} (${month})` };
}

/** Enter in a helper box applies the helper instead of submitting the whole form. */
export function applyOnEnter(apply: () => void) {
  return (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      apply();
    }
  };
}

/** A number cell of a grid: labelled for screen readers, its error right under it. */
export function GridInput({
  id,
  label,
  value,
  error,
  onChange,
  inputMode = 'decimal',
  className,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  inputMode?: 'decimal' | 'numeric';
  className?: string;
}) {
  const errorId = `${id}-error`;
  return (
    <>
      <Input
        id={id}
        controlSize="sm"
        inputMode={inputMode}
        className={className ? `num ${className}` : 'num'}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={value}
        placeholder="0"
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <span className="proposal-grid__error" id={errorId}>
          {error}
        </span>
      )}
    </>
  );
}

/** A small strip of inputs that fills several grid cells at once. */
export function FillHelper({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="proposal-fill">
      <legend className="proposal-fill__legend">{title}</legend>
      <div className="proposal-fill__row">{children}</div>
    </fieldset>
  );
}
