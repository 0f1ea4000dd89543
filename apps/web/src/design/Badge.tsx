import type { ReactNode } from 'react';
import { joinClassNames } from './class-names.ts';

export type BadgeTone = 'gray' | 'blue' | 'green' | 'amber' | 'red' | 'violet';

export function Badge({
  tone = 'gray',
  dot = false,
  square = false,
  children,
}: {
  tone?: BadgeTone;
  dot?: boolean;
  square?: boolean;
  children: ReactNode;
}) {
  return (
    <span
      className={joinClassNames(
        'b-badge',
        tone !== 'gray' && `b-badge--${tone}`,
        square && 'b-badge--square',
      )}
    >
      {dot && <span className="b-badge__dot" aria-hidden="true" />}
      {children}
    </span>
  );
}
