import { forwardRef, type InputHTMLAttributes } from 'react';
import { joinClassNames } from './class-names.ts';

export type InputProps = InputHTMLAttributes<HTMLInputElement> & { controlSize?: 'md' | 'sm' };

export const Input = forwardRef<HTMLInputElement, InputProps>(function Input(
  { className, controlSize = 'md', ...rest },
  ref,
) {
  return (
    <input
      ref={ref}
      className={joinClassNames('b-input', controlSize === 'sm' && 'b-input--sm', className)}
      {...rest}
    />
  );
});
