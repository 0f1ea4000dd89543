import type { ReactNode } from 'react';
import { joinClassNames } from './class-names.ts';

export type CardProps = {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  footer?: ReactNode;
  flush?: boolean;
  children?: ReactNode;
  className?: string;
  /** Heading level of the title, to keep the document outline right. */
  headingLevel?: 2 | 3;
  as?: 'section' | 'div';
};

export function Card({
  title,
  description,
  actions,
  footer,
  flush = false,
  children,
  className,
  headingLevel = 2,
  as = 'section',
}: CardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Root = as;
  return (
    <Root className={joinClassNames('b-card', className)}>
      {(title || actions) && (
        <header className="b-card__header">
          <div>
            {title && <Heading className="b-card__title">{title}</Heading>}
            {description && <p className="b-card__description">{description}</p>}
          </div>
          {actions && <div className="row">{actions}</div>}
        </header>
      )}
      <div className={joinClassNames('b-card__body', flush && 'b-card__body--flush')}>{children}</div>
      {footer && <footer className="b-card__footer">{footer}</footer>}
    </Root>
  );
}
