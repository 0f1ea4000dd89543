import { PROJECT_STATUSES, type ProjectStatus } from '@baton/core';
import type { ProjectSummary } from '../../api/types.ts';
import { formatNumber } from '../../design/format.ts';
import { STATUS_LABELS } from '../../design/labels.ts';

/** Counts by status as toggle chips; several may be on at once. */
export function StatusChips({
  summary,
  loading,
  selected,
  onChange,
}: {
  summary: ProjectSummary | undefined;
  loading: boolean;
  selected: readonly ProjectStatus[];
  onChange: (status: ProjectStatus[]) => void;
}) {
  const count = (s: ProjectStatus) =>
    summary ? formatNumber(summary.byStatus[s] ?? 0) : loading ? '…' : '–';
  return (
    <fieldset className="chip-group">
      <legend className="visually-hidden">Filter by status</legend>
      <button
        type="button"
        className="b-chip"
        aria-pressed={selected.length === 0}
        onClick={() => onChange([])}
      >
        All
        <span className="b-chip__count">{summary ? formatNumber(summary.total) : '…'}</span>
      </button>
      {PROJECT_STATUSES.map((s) => {
        const on = selected.includes(s);
        return (
          <button
            key={s}
            type="button"
            className="b-chip"
            aria-pressed={on}
            onClick={() => onChange(on ? selected.filter((x) => x !== s) : [...selected, s])}
          >
            <span className={`status-dot status-dot--${s}`} aria-hidden="true" />
            {STATUS_LABELS[s]}
            <span className="b-chip__count">{count(s)}</span>
          </button>
        );
      })}
    </fieldset>
  );
}
