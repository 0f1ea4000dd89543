import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { dashboardKeys, fetchProjectEvm, fetchSCurve } from '../../api/dashboards.ts';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate } from '../../design/format.ts';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { money } from './dashboard-model.ts';
import { SCurveChart } from './SCurveChart.tsx';
import './dashboards.css';

/** A project's earned value today and its S-curve (the project page's "Earned value" tab). */
export function ProjectEvmTab({ project }: { project: { id: string; name: string; currency: string } }) {
  const [params, setParams] = useSearchParams();
  const granularity = params.get('granularity') === 'month' ? 'month' : 'week';
  const evm = useQuery({
    queryKey: dashboardKeys.project(project.id),
    queryFn: ({ signal }) => fetchProjectEvm(project.id, signal),
  });
  const curve = useQuery({
    queryKey: dashboardKeys.curve('project', project.id, granularity),
    queryFn: ({ signal }) => fetchSCurve('project', project.id, granularity, signal),
  });
  if (evm.isPending || curve.isPending) return <LoadingState label="Loading earned value…" />;
  if (evm.isError)
    return <ErrorState error={evm.error} title="Could not load earned value" onRetry={() => evm.refetch()} />;
  if (curve.isError)
    return (
      <ErrorState error={curve.error} title="Could not load the S-curve" onRetry={() => curve.refetch()} />
    );
  const e = evm.data;
  if (e.bac === 0)
    return (
      <EmptyState title="No baseline yet">
        Save Baseline 0 on the Schedule tab: earned value is measured against it.
      </EmptyState>
    );
  const c = project.currency;
  const items = [
    ['BAC', money(e.bac, c)],
    ['PV', money(e.pv, c)],
    ['EV', money(e.ev, c)],
    ['AC', money(e.ac, c)],
    ['SPI', e.spi?.toFixed(2) ?? '—'],
    ['CPI', e.cpi?.toFixed(2) ?? '—'],
    ['EAC', money(e.eac, c)],
    ['VAC', money(e.vac, c)],
  ];
  return (
    <div className="stack">
      <Card
        title="Earned value"
        description={`At ${formatDate(e.statusDate)}. EAC by ${e.eacMethod}; ETC ${money(e.etc, c)}; TCPI ${e.tcpi?.toFixed(2) ?? '—'}.`}
      >
        <ul className="kpis dash-kpis" aria-label="Earned value figures">
          {items.map(([label, value]) => (
            <li key={label} className="kpi">
              <span className="kpi__label">{label}</span>
              <span className="kpi__value">{value}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card
        title="S-curve"
        actions={
          <Field label="Periods">
            <Select
              value={granularity}
              options={[
                { value: 'week', label: 'Weeks' },
                { value: 'month', label: 'Months' },
              ]}
              onChange={(ev) => {
                const next = new URLSearchParams(params);
                next.set('granularity', ev.target.value);
                setParams(next, { replace: true });
              }}
            />
          </Field>
        }
      >
        <SCurveChart curve={curve.data} currency={c} name={project.name} />
      </Card>
    </div>
  );
}
