import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { joinClassNames } from './class-names.ts';
import { Spinner } from './Spinner.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'md' | 'sm';

type Common = { variant?: ButtonVariant; size?: ButtonSize; iconOnly?: boolean };

function classesOf({ variant = 'secondary', size = 'md', iconOnly = false }: Common, extra?: string): string {
  return joinClassNames(
    'b-button',
    `b-button--${variant}`,
    size === 'sm' && 'b-button--sm',
    iconOnly && 'b-button--icon',
    extra,
  );
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> &
  Common & { loading?: boolean; children?: ReactNode };

export function Button({
  variant,
  size,
  iconOnly,
  loading = false,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={classesOf(
        { variant: variant ?? 'secondary', size: size ?? 'md', iconOnly: iconOnly ?? false },
        className,
      )}
      disabled={disabled === true || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading && <Spinner size="sm" label={null} />}
      {children}
    </button>
  );
}

export type ButtonLinkProps = LinkProps & Common;

/** A link styled as a button, for navigation actions. */
export function ButtonLink({ variant, size, iconOnly, className, ...rest }: ButtonLinkProps) {
  return (
    <Link
      className={classesOf(
        { variant: variant ?? 'secondary', size: size ?? 'md', iconOnly: iconOnly ?? false },
        className,
      )}
      {...rest}
    />
  );
}
