import type { ReactNode } from 'react';

export function EmptyState({
  title,
  children,
  actions,
  icon = '◇',
}: {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <div className="b-state">
      <div className="b-state__icon" aria-hidden="true">
        {icon}
      </div>
      <p className="b-state__title">{title}</p>
      {children && <div className="b-state__text">{children}</div>}
      {actions && <div className="b-state__actions">{actions}</div>}
    </div>
  );
}
