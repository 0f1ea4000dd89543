import type { ReactNode, TableHTMLAttributes, ThHTMLAttributes } from 'react';
import { joinClassNames } from './class-names.ts';

export function Table({ className, children, ...rest }: TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div className="b-table-wrap">
      <table className={joinClassNames('b-table', className)} {...rest}>
        {children}
      </table>
    </div>
  );
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
