import { useEffect, useState } from 'react';
import type { StakeholderAttitude, StakeholderQuadrant } from '../../api/stakeholders.ts';
import { Button } from '../../design/Button.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { useProjectChoices } from '../raid/raid-queries.ts';
import {
  ATTITUDE_LABELS,
  ATTITUDE_LIST,
  hasStakeholderFilters,
  QUADRANT_LABELS,
  QUADRANT_LIST,
  type StakeholderSearch,
  toOptions,
} from './stakeholder-model.ts';

/** Search and filters of the register; every change goes to the URL, the words after a short pause. */
export function StakeholderFilters({
  search,
  onChange,
}: {
  search: StakeholderSearch;
  onChange: (c: Partial<StakeholderSearch>) => void;
}) {
  const projects = useProjectChoices();
  const [q, setQ] = useState(search.q);
  useEffect(() => setQ(search.q), [search.q]);
  useEffect(() => {
    if (q.trim() === search.q.trim()) return;
    const t = window.setTimeout(() => onChange({ q: q.trim() }), 400);
    return () => window.clearTimeout(t);
  }, [q, search.q, onChange]);
  return (
    <section className="filter-bar" aria-label="Filter stakeholders">
      <div className="filter-bar__item filter-bar__item--grow">
        <label htmlFor="stakeholders-q" className="filter-bar__label">
          Search
        </label>
        <Input
          id="stakeholders-q"
          type="search"
          controlSize="sm"
          placeholder="Name or organisation"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ q: q.trim() });
          }}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="stakeholders-quadrant" className="filter-bar__label">
          Quadrant
        </label>
        <Select
          id="stakeholders-quadrant"
          controlSize="sm"
          value={search.quadrant}
          placeholder="Any quadrant"
          options={toOptions(QUADRANT_LIST, QUADRANT_LABELS)}
          onChange={(e) => onChange({ quadrant: e.target.value as StakeholderQuadrant | '' })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="stakeholders-attitude" className="filter-bar__label">
          Attitude
        </label>
        <Select
          id="stakeholders-attitude"
          controlSize="sm"
          value={search.attitude}
          placeholder="Any attitude"
          options={toOptions(ATTITUDE_LIST, ATTITUDE_LABELS)}
          onChange={(e) => onChange({ attitude: e.target.value as StakeholderAttitude | '' })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="stakeholders-project" className="filter-bar__label">
          Project
        </label>
        <Select
          id="stakeholders-project"
          controlSize="sm"
          value={search.projectId}
          placeholder="Any project"
          options={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          onChange={(e) => onChange({ projectId: e.target.value })}
        />
      </div>
      {hasStakeholderFilters(search) && (
        <div className="filter-bar__item filter-bar__item--end">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onChange({ q: '', quadrant: '', attitude: '', projectId: '' })}
          >
            Clear
          </Button>
        </div>
      )}
    </section>
  );
}
