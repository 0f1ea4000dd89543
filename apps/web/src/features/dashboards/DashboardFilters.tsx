import { useSearchParams } from 'react-router';
import { useOrgUnits, usePortfolios, usePrograms } from '../../api/queries.ts';
import { Field } from '../../design/Field.tsx';
import { Select } from '../../design/Select.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';

/** The URL's filters of a dashboard: shareable views. */
export function useDashboardParams() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  return {
    params,
    set,
    orgUnitId: params.get('unit'),
    portfolioId: params.get('portfolio'),
    programId: params.get('program'),
    large: params.get('view') === 'large',
  };
}

/** Org unit, portfolio and program pickers (any subset), kept in the URL. */
export function DashboardFilters({
  show = ['unit', 'portfolio', 'program'],
}: {
  show?: ('unit' | 'portfolio' | 'program')[];
}) {
  const p = useDashboardParams();
  const units = useOrgUnits();
  const portfolios = usePortfolios();
  const programs = usePrograms();
  return (
    <section className="filter-bar" aria-label="Which projects">
      {show.includes('unit') && (
        <Field label="Org unit" className="filter-bar__item">
          <Select
            value={p.orgUnitId ?? ''}
            placeholder="The whole organisation"
            options={orgUnitOptions(units.data ?? [])}
            onChange={(e) => p.set('unit', e.target.value)}
          />
        </Field>
      )}
      {show.includes('portfolio') && (
        <Field label="Portfolio" className="filter-bar__item">
          <Select
            value={p.portfolioId ?? ''}
            placeholder="Every portfolio"
            options={(portfolios.data ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.name}` }))}
            onChange={(e) => p.set('portfolio', e.target.value)}
          />
        </Field>
      )}
      {show.includes('program') && (
        <Field label="Program" className="filter-bar__item">
          <Select
            value={p.programId ?? ''}
            placeholder="Every program"
            options={(programs.data ?? [])
              .filter((x) => !p.portfolioId || x.portfolioId === p.portfolioId)
              .map((x) => ({ value: x.id, label: `${x.code} ${x.name}` }))}
            onChange={(e) => p.set('program', e.target.value)}
          />
        </Field>
      )}
      <Field label="Text size" className="filter-bar__item">
        <Select
          value={p.large ? 'large' : ''}
          options={[
            { value: '', label: 'Laptop' },
            { value: 'large', label: 'Projector (large)' },
          ]}
          onChange={(e) => p.set('view', e.target.value)}
        />
      </Field>
    </section>
  );
}
