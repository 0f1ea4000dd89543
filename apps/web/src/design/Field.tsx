import { cloneElement, isValidElement, type ReactElement, type ReactNode, useId } from 'react';
import { joinClassNames } from './class-names.ts';

type ControlProps = {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
};

export type FieldProps = {
  label: ReactNode;
  /** One form control; it receives id, aria-invalid and aria-describedby. */
  children: ReactElement<ControlProps>;
  hint?: ReactNode;
  error?: string | null | undefined;
  required?: boolean;
  className?: string;
  id?: string;
};

/** A labelled form control with an optional hint and an inline error, wired up for screen readers. */
export function Field({ label, children, hint, error, required = false, className, id }: FieldProps) {
  const generated = useId();
  const controlId = id ?? children.props.id ?? `f${generated}`;
  const hintId = hint && !error ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy =
    [children.props['aria-describedby'], hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, {
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
      } as ControlProps)
    : children;
  return (
    <div className={joinClassNames('b-field', className)}>
      <span className="b-field__label-row">
        <label className="b-field__label" htmlFor={controlId}>
          {label}
        </label>
        {required && (
          <span className="b-field__required" aria-hidden="true">
            *
          </span>
        )}
      </span>
      {control}
      {hint && !error && (
        <p className="b-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="b-field__error" id={errorId}>
          <span aria-hidden="true">⚠</span>
          {error}
        </p>
      )}
    </div>
  );
}
