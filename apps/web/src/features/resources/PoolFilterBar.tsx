import { useOrgUnits } from '../../api/queries.ts';
import { Button } from '../../design/Button.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { hasPoolFilters, POOL_KINDS, type PoolChange, type PoolState } from './pool-params.ts';
import { KIND_LABELS, LEVEL_OPTIONS, useSkills } from './resource-queries.ts';
import { useDebouncedText } from './use-debounced-text.ts';

export function PoolFilterBar({
  state,
  onChange,
  onClear,
}: {
  state: PoolState;
  onChange: (change: PoolChange) => void;
  onClear: () => void;
}) {
  const units = useOrgUnits();
  const skills = useSkills();
  const [q, setQ] = useDebouncedText(state.q, (v) => onChange({ q: v.trim() || null }));
  return (
    <section className="filter-bar" aria-label="Resource filters">
      <div className="filter-bar__item filter-bar__item--grow">
        <label htmlFor="pool-q" className="filter-bar__label">
          Search
        </label>
        <Input
          id="pool-q"
          type="search"
          controlSize="sm"
          placeholder="Name, e-mail or role"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ q: q.trim() || null });
          }}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="pool-kind" className="filter-bar__label">
          Kind
        </label>
        <Select
          id="pool-kind"
          controlSize="sm"
          value={state.kind}
          placeholder="Any kind"
          options={POOL_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] ?? k }))}
          onChange={(e) => onChange({ kind: e.target.value || null })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="pool-unit" className="filter-bar__label">
          Org unit
        </label>
        <Select
          id="pool-unit"
          controlSize="sm"
          value={state.orgUnitId}
          placeholder="Whole organisation"
          options={orgUnitOptions(units.data ?? [])}
          onChange={(e) => onChange({ orgUnitId: e.target.value || null })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="pool-skill" className="filter-bar__label">
          Skill
        </label>
        <Select
          id="pool-skill"
          controlSize="sm"
          value={state.skillId}
          placeholder="Any skill"
          options={(skills.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          onChange={(e) => onChange({ skillId: e.target.value || null })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="pool-level" className="filter-bar__label">
          At least level
        </label>
        <Select
          id="pool-level"
          controlSize="sm"
          value={state.minLevel ? String(state.minLevel) : ''}
          placeholder="Any level"
          disabled={!state.skillId}
          options={LEVEL_OPTIONS}
          onChange={(e) => onChange({ minLevel: e.target.value || null })}
        />
      </div>
      {hasPoolFilters(state) && (
        <div className="filter-bar__item filter-bar__item--end">
          <Button size="sm" variant="ghost" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      )}
    </section>
  );
}
