import { useEffect, useState } from 'react';
import { usePortfolios, useUserDirectory } from '../../api/queries.ts';
import { Button } from '../../design/Button.tsx';
import { Input } from '../../design/Input.tsx';
import { PRIORITY_LABELS, PRIORITY_ORDER } from '../../design/labels.ts';
import { Select } from '../../design/Select.tsx';
import { type applyListChange, hasFilters, type ListState } from './list-params.ts';
import { ScopeChip } from './ScopeChip.tsx';

type Change = Parameters<typeof applyListChange>[1];

/** Text typed into a box reaches the URL after a short pause, not on every key. */
function useDebouncedCommit(value: string, commit: (v: string) => void, delay = 300) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const t = window.setTimeout(() => commit(text), delay);
    return () => window.clearTimeout(t);
  }, [text, value, commit, delay]);
  return [text, setText] as const;
}

export function ProjectFilterBar({
  state,
  onChange,
  onClear,
}: {
  state: ListState;
  onChange: (change: Change) => void;
  onClear: () => void;
}) {
  const portfolios = usePortfolios();
  const users = useUserDirectory();
  const [q, setQ] = useDebouncedCommit(state.q, (v) => onChange({ q: v.trim() || null }));
  const [tag, setTag] = useDebouncedCommit(state.tag, (v) => onChange({ tag: v.trim() || null }));

  return (
    <section className="filter-bar" aria-label="Project filters">
      <div className="filter-bar__item filter-bar__item--grow">
        <label htmlFor="filter-q" className="filter-bar__label">
          Search
        </label>
        <Input
          id="filter-q"
          type="search"
          controlSize="sm"
          placeholder="Code, name or description"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ q: q.trim() || null });
          }}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="filter-priority" className="filter-bar__label">
          Priority
        </label>
        <Select
          id="filter-priority"
          controlSize="sm"
          value={state.priority}
          onChange={(e) => onChange({ priority: e.target.value || null })}
          placeholder="Any priority"
          options={PRIORITY_ORDER.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="filter-portfolio" className="filter-bar__label">
          Portfolio
        </label>
        <Select
          id="filter-portfolio"
          controlSize="sm"
          value={state.portfolioId}
          onChange={(e) => onChange({ portfolioId: e.target.value || null, programId: null })}
          placeholder="Any portfolio"
          options={(portfolios.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="filter-manager" className="filter-bar__label">
          Manager
        </label>
        <Select
          id="filter-manager"
          controlSize="sm"
          value={state.managerId}
          onChange={(e) => onChange({ managerId: e.target.value || null })}
          placeholder="Any manager"
          options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="filter-tag" className="filter-bar__label">
          Tag
        </label>
        <Input
          id="filter-tag"
          controlSize="sm"
          placeholder="e.g. cloud"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
        />
      </div>
      {(state.orgUnitId || state.programId) && (
        <div className="filter-bar__item filter-bar__item--end">
          <ScopeChip state={state} onClear={() => onChange({ orgUnitId: null, programId: null })} />
        </div>
      )}
      {hasFilters(state) && (
        <div className="filter-bar__item filter-bar__item--end">
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      )}
    </section>
  );
}
