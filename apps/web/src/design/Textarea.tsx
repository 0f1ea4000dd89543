import { forwardRef, type TextareaHTMLAttributes } from 'react';
import { joinClassNames } from './class-names.ts';

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(
  function Textarea({ className, ...rest }, ref) {
    return <textarea ref={ref} className={joinClassNames('b-textarea', className)} {...rest} />;
  },
);
