import { forwardRef, type SelectHTMLAttributes } from 'react';
import { joinClassNames } from './class-names.ts';

export type SelectOption = { value: string; label: string };
export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  options?: readonly SelectOption[];
  /** Adds a first empty option with this label. */
  placeholder?: string;
  controlSize?: 'md' | 'sm';
};

export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { className, options, placeholder, controlSize = 'md', children, ...rest },
  ref,
) {
  return (
    <select
      ref={ref}
      className={joinClassNames('b-select', controlSize === 'sm' && 'b-select--sm', className)}
      {...rest}
    >
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {children}
    </select>
  );
});
