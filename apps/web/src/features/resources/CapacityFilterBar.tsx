import { useOrgUnits } from '../../api/queries.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { type applyCapacityChange, type CapacityState, GRANULARITIES, GROUPINGS } from './capacity-params.ts';
import { useSkills } from './resource-queries.ts';
import { isIsoDate } from './week-dates.ts';

type Change = Parameters<typeof applyCapacityChange>[1];

const GRANULARITY_LABELS = { day: 'Day', week: 'Week', month: 'Month' } as const;
const GROUPING_LABELS = { resource: 'Resource', role: 'Role', skill: 'Skill', org_unit: 'Org unit' } as const;

export function CapacityFilterBar({
  state,
  onChange,
}: {
  state: CapacityState;
  onChange: (c: Change) => void;
}) {
  const units = useOrgUnits();
  const skills = useSkills();
  return (
    <section className="filter-bar" aria-label="Capacity filters">
      <div className="filter-bar__item">
        <label htmlFor="cap-from" className="filter-bar__label">
          From
        </label>
        <Input
          id="cap-from"
          type="date"
          controlSize="sm"
          value={state.from}
          onChange={(e) => isIsoDate(e.target.value) && onChange({ from: e.target.value })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="cap-to" className="filter-bar__label">
          To
        </label>
        <Input
          id="cap-to"
          type="date"
          controlSize="sm"
          value={state.to}
          min={state.from}
          onChange={(e) => isIsoDate(e.target.value) && onChange({ to: e.target.value })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="cap-granularity" className="filter-bar__label">
          Periods
        </label>
        <Select
          id="cap-granularity"
          controlSize="sm"
          value={state.granularity}
          options={GRANULARITIES.map((g) => ({ value: g, label: GRANULARITY_LABELS[g] }))}
          onChange={(e) => onChange({ granularity: e.target.value })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="cap-group" className="filter-bar__label">
          Rows
        </label>
        <Select
          id="cap-group"
          controlSize="sm"
          value={state.groupBy}
          options={GROUPINGS.map((g) => ({ value: g, label: GROUPING_LABELS[g] }))}
          onChange={(e) => onChange({ groupBy: e.target.value })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="cap-unit" className="filter-bar__label">
          Org unit
        </label>
        <Select
          id="cap-unit"
          controlSize="sm"
          value={state.orgUnitId}
          placeholder="Whole organisation"
          options={orgUnitOptions(units.data ?? [])}
          onChange={(e) => onChange({ orgUnitId: e.target.value || null })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="cap-skill" className="filter-bar__label">
          Skill
        </label>
        <Select
          id="cap-skill"
          controlSize="sm"
          value={state.skillId}
          placeholder="Any skill"
          options={(skills.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          onChange={(e) => onChange({ skillId: e.target.value || null })}
        />
      </div>
      <div className="filter-bar__item filter-bar__item--end">
        <label className="b-checkbox">
          <input
            type="checkbox"
            checked={state.includeTentative}
            onChange={(e) => onChange({ tentative: e.target.checked ? null : 'false' })}
          />
          Include tentative demand
        </label>
      </div>
    </section>
  );
}
