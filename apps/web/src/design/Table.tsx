import type { ReactNode, TableHTMLAttributes, ThHTMLAttributes } from 'react';
import { joinClassNames } from './class-names.ts';

export function Table({
  className,
  children,
  scrollLabel,
  ...rest
}: TableHTMLAttributes<HTMLTableElement> & {
  /**
   * For a table wider than its card: the wrapper that scrolls becomes a labelled region that takes
   * keyboard focus, so people without a mouse can scroll it too.
   */
  scrollLabel?: string;
}) {
  const table = (
    <table className={joinClassNames('b-table', className)} {...rest}>
      {children}
    </table>
  );
  if (scrollLabel) {
    return (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      <section className="b-table-wrap" aria-label={scrollLabel} tabIndex={0}>
        {table}
      </section>
    );
  }
  return <div className="b-table-wrap">{table}</div>;
}

export type SortDirection = 'ascending' | 'descending' | 'none';

export type SortHeaderProps = ThHTMLAttributes<HTMLTableCellElement> & {
  label: ReactNode;
  direction: SortDirection;
  onSort: () => void;
};

/** A column header that sorts; announces its state with aria-sort. */
export function SortHeader({ label, direction, onSort, className, ...rest }: SortHeaderProps) {
  const icon = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
  return (
    <th scope="col" aria-sort={direction} className={className} {...rest}>
      <button type="button" className="b-sort" data-active={direction !== 'none'} onClick={onSort}>
        {label}
        <span className="b-sort__icon" aria-hidden="true">
          {icon}
        </span>
      </button>
    </th>
  );
}
