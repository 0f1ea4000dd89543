import { useEffect, useState } from 'react';
import { usePortfolios } from '../../api/queries.ts';
import { Button } from '../../design/Button.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LEVEL_LABELS, LEVELS, RISK_STATUS_LABELS, RISK_STATUSES, toOptions } from './raid-model.ts';
import { useProjectChoices } from './raid-queries.ts';
import { hasRegisterFilters, type RegisterChange, type RegisterState } from './register-params.ts';

/** The register's filters; every change goes to the URL. Search reaches it after a short pause. */
export function RiskFilterBar({
  state,
  onChange,
  onClear,
}: {
  state: RegisterState;
  onChange: (change: RegisterChange) => void;
  onClear: () => void;
}) {
  const portfolios = usePortfolios();
  const projects = useProjectChoices();
  const [q, setQ] = useState(state.q);
  useEffect(() => setQ(state.q), [state.q]);
  useEffect(() => {
    if (q === state.q) return;
    const t = window.setTimeout(() => onChange({ q: q.trim() }), 300);
    return () => window.clearTimeout(t);
  }, [q, state.q, onChange]);

  return (
    <section className="filter-bar" aria-label="Risk filters">
      <div className="filter-bar__item filter-bar__item--grow">
        <label htmlFor="risk-q" className="filter-bar__label">
          Search
        </label>
        <Input
          id="risk-q"
          type="search"
          controlSize="sm"
          placeholder="Code or title"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ q: q.trim() });
          }}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="risk-level" className="filter-bar__label">
          Level
        </label>
        <Select
          id="risk-level"
          controlSize="sm"
          value={state.level}
          placeholder="Any level"
          options={toOptions(LEVELS, LEVEL_LABELS)}
          onChange={(e) => onChange({ level: e.target.value as RegisterState['level'] })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="risk-status" className="filter-bar__label">
          Status
        </label>
        <Select
          id="risk-status"
          controlSize="sm"
          value={state.status}
          options={[
            { value: '', label: 'Open and monitoring' },
            ...toOptions(RISK_STATUSES, RISK_STATUS_LABELS),
            { value: 'all', label: 'Any status' },
          ]}
          onChange={(e) => onChange({ status: e.target.value as RegisterState['status'] })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="risk-held" className="filter-bar__label">
          Held at
        </label>
        <Select
          id="risk-held"
          controlSize="sm"
          value={state.held}
          options={[
            { value: '', label: 'Projects and shared' },
            { value: 'project', label: 'Project risks only' },
            { value: 'shared', label: 'Shared risks only' },
          ]}
          onChange={(e) => onChange({ held: e.target.value as RegisterState['held'] })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="risk-project" className="filter-bar__label">
          Project
        </label>
        <Select
          id="risk-project"
          controlSize="sm"
          value={state.projectId}
          placeholder="Any project"
          options={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          onChange={(e) => onChange({ projectId: e.target.value })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="risk-portfolio" className="filter-bar__label">
          Shared at portfolio
        </label>
        <Select
          id="risk-portfolio"
          controlSize="sm"
          value={state.portfolioId}
          placeholder="Any portfolio"
          options={(portfolios.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(e) => onChange({ portfolioId: e.target.value })}
        />
      </div>
      {hasRegisterFilters(state) && (
        <div className="filter-bar__item filter-bar__item--end">
          <Button size="sm" variant="ghost" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      )}
    </section>
  );
}
