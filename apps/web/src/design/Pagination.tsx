import { useId } from 'react';
import { Button } from './Button.tsx';
import { Select } from './Select.tsx';

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export function Pagination({
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
  label = 'Pagination',
}: {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (size: number) => void;
  label?: string;
}) {
  const sizeId = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const fmt = new Intl.NumberFormat();
  return (
    <nav className="b-pagination" aria-label={label}>
      <span aria-live="polite">
        {total === 0 ? 'No results' : `${fmt.format(from)}–${fmt.format(to)} of ${fmt.format(total)}`}
      </span>
      <div className="b-pagination__controls">
        {onPageSizeChange && (
          <span className="b-pagination__size">
            <label htmlFor={sizeId}>Rows per page</label>
            <Select
              id={sizeId}
              controlSize="sm"
              value={String(pageSize)}
              onChange={(e) => onPageSizeChange(Number(e.target.value))}
              options={PAGE_SIZES.map((s) => ({ value: String(s), label: String(s) }))}
            />
          </span>
        )}
        <Button size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          <span aria-hidden="true">‹</span> Previous
        </Button>
        <span className="nowrap">
          Page {page} of {pages}
        </span>
        <Button size="sm" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
          Next <span aria-hidden="true">›</span>
        </Button>
      </div>
    </nav>
  );
}
