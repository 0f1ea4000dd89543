import type { ReactNode } from 'react';
import { joinClassNames } from './class-names.ts';

export function Alert({
  tone = 'info',
  title,
  children,
}: {
  tone?: 'info' | 'error' | 'warning' | 'success';
  title?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div
      className={joinClassNames('b-alert', tone !== 'info' && `b-alert--${tone}`)}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      <div>
        {title && <p className="b-alert__title">{title}</p>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
