import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useOrgUnits, usePortfolios, usePrograms } from '../../api/queries.ts';
import {
  fetchPortfolioPack,
  type PackFilters,
  type PortfolioPack,
  type PortfolioPackRow,
  reportKeys,
} from '../../api/reports.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate, formatMoney, formatMoneyCompact } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { STATUS_LABELS } from '../../design/labels.ts';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { type SortDirection, SortHeader, Table } from '../../design/Table.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { RagBadge } from '../status-reports/RagBadge.tsx';
import { PortfolioPackDownloads } from './PortfolioPackDownloads.tsx';
import { isIsoDate, type PackSort, readDir, readSort, sortPackRows } from './pack-model.ts';
import './reports.css';

const STATUS_OPTIONS = [
  { value: 'active,on_hold', label: 'Executing (active or on hold)' },
  ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
];

const ratio = (x: number | null) => (x === null ? '—' : x.toFixed(2));

function Summary({ data }: { data: PortfolioPack }) {
  const items = [
    { label: 'Projects', value: String(data.rows.length), hint: data.scope },
    { label: 'Green', value: String(data.counts.green), hint: 'computed health' },
    { label: 'Amber', value: String(data.counts.amber), hint: 'computed health' },
    { label: 'Red', value: String(data.counts.red), hint: 'computed health' },
    ...data.totals.slice(0, 3).flatMap((t) => [
      { label: `Budget (${t.currency})`, value: formatMoneyCompact(t.budget, t.currency), hint: 'approved' },
      { label: `Actual (${t.currency})`, value: formatMoneyCompact(t.ac, t.currency), hint: 'spent to date' },
      {
        label: `EAC (${t.currency})`,
        value: formatMoneyCompact(t.eac, t.currency),
        hint: 'forecast at completion',
      },
    ]),
  ];
  return (
    <ul className="kpis rp-kpis" aria-label={`Portfolio pack at ${formatDate(data.statusDate)}`}>
      {items.map((i) => (
        <li key={i.label} className="kpi">
          <span className="kpi__label">{i.label}</span>
          <span className="kpi__value rp-kpi__value">{i.value}</span>
          <span className="rp-kpi__hint">{i.hint}</span>
        </li>
      ))}
    </ul>
  );
}

type Column = { key: string; label: string; sort?: PackSort; num?: boolean };
const COLUMNS: Column[] = [
  { key: 'project', label: 'Project', sort: 'code' },
  { key: 'status', label: 'Status' },
  { key: 'health', label: 'Health', sort: 'health' },
  { key: 'spi', label: 'SPI', sort: 'spi', num: true },
  { key: 'cpi', label: 'CPI', sort: 'cpi', num: true },
  { key: 'budget', label: 'Budget', sort: 'budget', num: true },
  { key: 'ac', label: 'Actual', sort: 'ac', num: true },
  { key: 'eac', label: 'EAC', sort: 'eac', num: true },
  { key: 'pct', label: '% done', sort: 'percentComplete', num: true },
  { key: 'finish', label: 'Forecast finish', sort: 'forecastFinish' },
  { key: 'slip', label: 'Slip', sort: 'finishVarianceDays', num: true },
  { key: 'reported', label: 'Reported' },
];

function PackRow({ r }: { r: PortfolioPackRow }) {
  return (
    <tr>
      <td className="cell-name">
        <Link className="cell-name__link" to={`/projects/${r.projectId}`}>
          <span className="mono subtle">{r.code}</span> {r.name}
        </Link>
        <span className="rp-where">
          {[r.orgUnitName, r.managerName].filter((x) => x !== null).join(' · ') || '—'}
        </span>
      </td>
      <td>{STATUS_LABELS[r.status as keyof typeof STATUS_LABELS] ?? r.status}</td>
      <td>
        <RagBadge rag={r.health} />
      </td>
      <td className="num">{ratio(r.spi)}</td>
      <td className="num">{ratio(r.cpi)}</td>
      <td className="num nowrap">{formatMoney(r.budget, r.currency)}</td>
      <td className="num nowrap">{formatMoney(r.ac, r.currency)}</td>
      <td className="num nowrap" title={r.eacMethod}>
        {formatMoney(r.eac, r.currency)}
      </td>
      <td className="num">{r.percentComplete === null ? '—' : `${Math.round(r.percentComplete)} %`}</td>
      <td className="nowrap">{formatDate(r.forecastFinish)}</td>
      <td className="num">
        {r.finishVarianceDays === null
          ? '—'
          : `${r.finishVarianceDays > 0 ? '+' : ''}${r.finishVarianceDays} d`}
      </td>
      <td>
        <RagBadge rag={r.reportedRag} none="No submitted report" />
      </td>
    </tr>
  );
}

function PackTable({
  data,
  sort,
  dir,
  onSort,
}: {
  data: PortfolioPack;
  sort: PackSort;
  dir: 'asc' | 'desc';
  onSort: (sort: PackSort) => void;
}) {
  const rows = sortPackRows(data.rows, sort, dir);
  const direction = (s: PackSort): SortDirection =>
    s === sort ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Table className="rp-table" scrollLabel="Projects of the portfolio pack">
      <caption className="visually-hidden">
        Every project in scope with its computed health, earned value, budget, actual cost and forecast
      </caption>
      <thead>
        <tr>
          {COLUMNS.map((c) =>
            c.sort ? (
              <SortHeader
                key={c.key}
                label={c.label}
                className={c.num ? 'num' : undefined}
                direction={direction(c.sort)}
                onSort={() => onSort(c.sort as PackSort)}
              />
            ) : (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <PackRow key={r.projectId} r={r} />
        ))}
      </tbody>
    </Table>
  );
}

/**
 * The portfolio pack: every project the user may see with its computed health, SPI, CPI, budget,
 * actual, EAC and forecast finish at a status date, to read here or download as CSV, XLSX or PDF.
 * Filters and sort are in the URL.
 */
export function PortfolioPackPage() {
  const [params, setParams] = useSearchParams();
  const filters: PackFilters = {
    orgUnitId: params.get('unit'),
    portfolioId: params.get('portfolio'),
    programId: params.get('program'),
    status: params.get('status'),
    statusDate: isIsoDate(params.get('date')) ? params.get('date') : null,
  };
  const sort = readSort(params.get('sort'));
  const dir = readDir(params.get('dir'));
  const units = useOrgUnits();
  const portfolios = usePortfolios();
  const programs = usePrograms();
  const query = useQuery({
    queryKey: reportKeys.pack(filters),
    queryFn: ({ signal }) => fetchPortfolioPack(filters, signal),
  });
  const setParam = (key: string, value: string | null, replace = false) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace });
  };
  const onSort = (s: PackSort) => {
    const next = new URLSearchParams(params);
    const nextDir = s === sort && dir === 'asc' ? 'desc' : 'asc';
    if (s === 'code') next.delete('sort');
    else next.set('sort', s);
    if (nextDir === 'asc') next.delete('dir');
    else next.set('dir', nextDir);
    setParams(next, { replace: true });
  };
  const visiblePrograms = (programs.data ?? []).filter(
    (p) => !filters.portfolioId || p.portfolioId === filters.portfolioId,
  );
  return (
    <div className="page">
      <PageHeader
        title="Portfolio pack"
        subtitle="Every project with its computed health, SPI, CPI, budget, actual cost and forecast at a status date — to read here or take to the board as PDF, CSV or XLSX."
        actions={<PortfolioPackDownloads filters={filters} disabled={query.isPending || query.isError} />}
      />
      <div className="stack">
        <section className="filter-bar" aria-label="Which projects">
          <Field label="Org unit" className="filter-bar__item">
            <Select
              value={filters.orgUnitId ?? ''}
              placeholder="The whole organisation"
              options={orgUnitOptions(units.data ?? [])}
              onChange={(e) => setParam('unit', e.target.value)}
            />
          </Field>
          <Field label="Portfolio" className="filter-bar__item">
            <Select
              value={filters.portfolioId ?? ''}
              placeholder="Any portfolio"
              options={(portfolios.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              onChange={(e) => setParam('portfolio', e.target.value)}
            />
          </Field>
          <Field label="Program" className="filter-bar__item">
            <Select
              value={filters.programId ?? ''}
              placeholder="Any program"
              options={visiblePrograms.map((p) => ({ value: p.id, label: p.name }))}
              onChange={(e) => setParam('program', e.target.value)}
            />
          </Field>
          <Field label="Project status" className="filter-bar__item">
            <Select
              value={filters.status ?? ''}
              placeholder="Any status"
              options={STATUS_OPTIONS}
              onChange={(e) => setParam('status', e.target.value)}
            />
          </Field>
          <Field
            label="Status date"
            className="filter-bar__item"
            hint="Figures as of this day (today unless chosen)"
          >
            <Input
              type="date"
              value={filters.statusDate ?? query.data?.statusDate ?? ''}
              onChange={(e) => {
                if (e.target.value === '' || isIsoDate(e.target.value))
                  setParam('date', e.target.value, true);
              }}
            />
          </Field>
        </section>
        {query.isPending ? (
          <Card>
            <LoadingState label="Computing the portfolio pack…" />
          </Card>
        ) : query.isError ? (
          <Card>
            <ErrorState
              error={query.error}
              title="Could not compute the portfolio pack"
              onRetry={() => query.refetch()}
            />
          </Card>
        ) : (
          <>
            <Summary data={query.data} />
            <Card
              flush
              title={`Projects at ${formatDate(query.data.statusDate)}`}
              description="Health, SPI, CPI and EAC are computed from each project’s baseline, progress, actual costs and RAID log. Reported is the overall RAG of the latest submitted status report."
            >
              {query.data.rows.length === 0 ? (
                <EmptyState title="No projects here">
                  No project you may see matches these filters. Clear a filter to see more.
                </EmptyState>
              ) : (
                <PackTable data={query.data} sort={sort} dir={dir} onSort={onSort} />
              )}
            </Card>
          </>
        )}
      </div>
    </div>
  );
}
