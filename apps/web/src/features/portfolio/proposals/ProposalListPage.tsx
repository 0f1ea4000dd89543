import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { exportFileName } from '../../../api/exports.ts';
import { listProposals, type Proposal, type ProposalStatus, portfolioKeys } from '../../../api/portfolio.ts';
import { PageHeader } from '../../../app/PageHeader.tsx';
import { useSession } from '../../../app/session-context.ts';
import { Button, ButtonLink } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { ExportButtons } from '../../../design/ExportButtons.tsx';
import { formatMoney, formatMoneyCompact, formatNumber } from '../../../design/format.ts';
import { Input } from '../../../design/Input.tsx';
import { Select } from '../../../design/Select.tsx';
import { SkeletonRows } from '../../../design/Skeleton.tsx';
import { SortHeader, Table } from '../../../design/Table.tsx';
import { ProposalStatusBadge } from '../ProposalStatusBadge.tsx';
import { proposalExportColumns, proposalExportRow } from '../portfolio-export.ts';
import {
  formatMonth,
  formatPercent,
  formatScore,
  PROPOSAL_STATUS_LABELS,
  RISK_LABELS,
} from '../portfolio-format.ts';
import { useCurrency } from '../use-strategy.ts';
import {
  applyProposalListChange,
  hasProposalFilters,
  isOpenSelection,
  OPEN_STATUSES,
  PROPOSAL_STATUSES,
  type ProposalListState,
  readProposalListState,
  SORTS,
  toProposalListParams,
} from './proposal-list-params.ts';
import './proposals.css';

type Change = Parameters<typeof applyProposalListChange>[1];

/** Text typed into the search box reaches the URL after a short pause, not on every key. */
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

function StatusFilter({
  counts,
  selected,
  onChange,
}: {
  counts: Map<ProposalStatus, number> | null;
  selected: readonly ProposalStatus[];
  onChange: (status: ProposalStatus[]) => void;
}) {
  const count = (n: number | undefined) => (counts ? formatNumber(n ?? 0) : '…');
  const total = counts ? [...counts.values()].reduce((a, b) => a + b, 0) : undefined;
  const open = counts ? OPEN_STATUSES.reduce((sum, s) => sum + (counts.get(s) ?? 0), 0) : undefined;
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
        <span className="b-chip__count">{count(total)}</span>
      </button>
      <button
        type="button"
        className="b-chip"
        aria-pressed={isOpenSelection(selected)}
        onClick={() => onChange([...OPEN_STATUSES])}
        title="Everything not rejected"
      >
        Open
        <span className="b-chip__count">{count(open)}</span>
      </button>
      <span className="proposal-chips__divider" aria-hidden="true" />
      {PROPOSAL_STATUSES.map((s) => {
        const on = selected.includes(s) && !isOpenSelection(selected);
        return (
          <button
            key={s}
            type="button"
            className="b-chip"
            aria-pressed={on}
            onClick={() => {
              const base = isOpenSelection(selected) ? [] : selected;
              onChange(on ? base.filter((x) => x !== s) : [...base, s]);
            }}
          >
            <span className={`proposal-dot proposal-dot--${s}`} aria-hidden="true" />
            {PROPOSAL_STATUS_LABELS[s]}
            <span className="b-chip__count">{count(counts?.get(s))}</span>
          </button>
        );
      })}
    </fieldset>
  );
}

function FilterBar({
  state,
  onChange,
  onClear,
}: {
  state: ProposalListState;
  onChange: (change: Change) => void;
  onClear: () => void;
}) {
  const [q, setQ] = useDebouncedCommit(state.q, (v) => onChange({ q: v.trim() || null }));
  return (
    <section className="filter-bar" aria-label="Proposal filters">
      <div className="filter-bar__item filter-bar__item--grow">
        <label htmlFor="proposal-filter-q" className="filter-bar__label">
          Search
        </label>
        <Input
          id="proposal-filter-q"
          type="search"
          controlSize="sm"
          placeholder="Code or title"
          value={q}
          maxLength={200}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ q: q.trim() || null });
          }}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="proposal-filter-sort" className="filter-bar__label">
          Sort by
        </label>
        <Select
          id="proposal-filter-sort"
          controlSize="sm"
          value={state.sort}
          onChange={(e) => onChange({ sort: e.target.value })}
          options={SORTS}
        />
      </div>
      {hasProposalFilters(state) && (
        <div className="filter-bar__item filter-bar__item--end">
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      )}
    </section>
  );
}

const COLUMN_COUNT = 12;
const shortMonth = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });

/** "Mar – Jul 2027" within a year, "Nov 2026 – Feb 2027" across years. */
function formatWindow(earliest: string, latest: string): string {
  if (earliest === latest) return formatMonth(earliest);
  if (earliest.slice(0, 4) === latest.slice(0, 4)) {
    const d = new Date(`${earliest}-01T00:00:00Z`);
    if (!Number.isNaN(d.getTime())) return `${shortMonth.format(d)} – ${formatMonth(latest)}`;
  }
  return `${formatMonth(earliest)} – ${formatMonth(latest)}`;
}

function ProposalTable({
  proposals,
  loading,
  sort,
  onSort,
  caption,
}: {
  proposals: readonly Proposal[];
  loading: boolean;
  sort: ProposalListState['sort'];
  onSort: (sort: ProposalListState['sort']) => void;
  caption: string;
}) {
  const currency = useCurrency();
  return (
    <Table aria-busy={loading || undefined} className="proposal-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <SortHeader
            label="Code"
            direction={sort === 'code' ? 'ascending' : 'none'}
            onSort={() => onSort('code')}
          />
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Category</th>
          <th scope="col">Start window</th>
          <th scope="col" className="num">
            Cost
          </th>
          <th scope="col" className="num">
            NPV
          </th>
          <th scope="col" className="num">
            IRR
          </th>
          <th scope="col" className="num">
            Payback
          </th>
          <th scope="col">Risk</th>
          <th scope="col" className="num">
            Score
          </th>
          <SortHeader
            label="Rank"
            className="num"
            direction={sort === 'rank' ? 'ascending' : 'none'}
            onSort={() => onSort('rank')}
          />
        </tr>
      </thead>
      <tbody>
        {loading ? (
          <SkeletonRows columns={COLUMN_COUNT} />
        ) : (
          proposals.map((p) => (
            <tr key={p.id}>
              <td className="nowrap">
                <span className="mono muted">{p.code}</span>
              </td>
              <td className="cell-name">
                <Link to={`/portfolio/proposals/${p.id}`} className="cell-name__link">
                  {p.title}
                </Link>
                {(p.mandatory || p.proposerName) && (
                  <span className="cell-sub">
                    {p.mandatory && <span className="proposal-flag">Mandatory</span>}
                    {p.mandatory && p.proposerName && ' · '}
                    {p.proposerName}
                  </span>
                )}
              </td>
              <td>
                <ProposalStatusBadge status={p.status} />
              </td>
              <td className="cell-secondary">{p.category ?? <span className="subtle">—</span>}</td>
              <td className="cell-secondary nowrap">{formatWindow(p.earliestStart, p.latestStart)}</td>
              <td className="num nowrap" title={formatMoney(p.financials.totalCostMinor, currency)}>
                {formatMoneyCompact(p.financials.totalCostMinor, currency)}
              </td>
              <td
                className={`num nowrap${p.financials.npvMinor < 0 ? ' proposal-negative' : ''}`}
                title={formatMoney(p.financials.npvMinor, currency)}
              >
                {formatMoneyCompact(p.financials.npvMinor, currency)}
              </td>
              <td className="num nowrap">{formatPercent(p.financials.irr)}</td>
              <td className="num nowrap">
                {p.financials.paybackMonths === null ? (
                  <span className="subtle" title="Does not pay back within the business case">
                    —
                  </span>
                ) : (
                  `${p.financials.paybackMonths.toFixed(1)} mo`
                )}
              </td>
              <td className="cell-secondary nowrap">
                {p.riskRating}
                <span className="cell-sub">{RISK_LABELS[p.riskRating] ?? ''}</span>
              </td>
              <td className="num nowrap num-strong">{formatScore(p.scores.total)}</td>
              <td className="num nowrap">
                {p.rank === null ? (
                  <span className="subtle" title="Only open proposals without a project are ranked">
                    —
                  </span>
                ) : (
                  `#${p.rank}`
                )}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

export function ProposalListPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readProposalListState(params), [params]);
  const { can } = useSession();
  const currency = useCurrency();
  const listParams = toProposalListParams(state);
  const countParams = toProposalListParams({ ...state, status: [] });

  const list = useQuery({
    queryKey: portfolioKeys.proposals(listParams),
    queryFn: ({ signal }) => listProposals(listParams, signal),
    placeholderData: keepPreviousData,
  });
  // The same search across every status, for the counts on the chips.
  const all = useQuery({
    queryKey: portfolioKeys.proposals(countParams),
    queryFn: ({ signal }) => listProposals(countParams, signal),
    placeholderData: keepPreviousData,
  });
  const counts = useMemo(() => {
    if (!all.data) return null;
    const m = new Map<ProposalStatus, number>();
    for (const p of all.data.items) m.set(p.status, (m.get(p.status) ?? 0) + 1);
    return m;
  }, [all.data]);

  const change = (c: Change) => setParams(applyProposalListChange(params, c));
  const clearAll = () => {
    const next = new URLSearchParams();
    if (params.get('sort')) next.set('sort', params.get('sort') ?? '');
    setParams(next);
  };
  const canCreate = can('proposal.create');
  const total = list.data?.total ?? 0;
  const filtered = hasProposalFilters(state);

  return (
    <div className="page">
      <PageHeader
        title="Proposals"
        subtitle={
          list.data
            ? `${formatNumber(total)} ${total === 1 ? 'proposal' : 'proposals'}${filtered ? (total === 1 ? ' matches these filters' : ' match these filters') : ''} · ranked by weighted score against the strategy`
            : 'Ideas and requests for new projects, with their business case, scored against the strategy.'
        }
        actions={
          <>
            <ExportButtons
              fileName={exportFileName('proposals')}
              what="proposals"
              columns={proposalExportColumns()}
              rows={(list.data?.items ?? []).map((p) => proposalExportRow(p, currency))}
              disabled={total === 0}
            />
            {canCreate ? (
              <ButtonLink to="/portfolio/proposals/new" variant="primary">
                <span aria-hidden="true">+</span> New proposal
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <div className="stack">
        <StatusFilter
          counts={counts}
          selected={state.status}
          onChange={(status) => change({ status: status.join(',') || null })}
        />
        <FilterBar state={state} onChange={change} onClear={clearAll} />
        <Card flush as="div">
          {list.isError ? (
            <ErrorState error={list.error} title="Could not load proposals" onRetry={() => list.refetch()} />
          ) : list.data && list.data.items.length === 0 ? (
            filtered ? (
              <EmptyState
                title="No proposals match"
                icon="⌕"
                actions={<Button onClick={clearAll}>Clear filters</Button>}
              >
                Try a broader search or another status.
              </EmptyState>
            ) : (
              <EmptyState
                title="No proposals yet"
                actions={
                  canCreate ? (
                    <ButtonLink to="/portfolio/proposals/new" variant="primary">
                      New proposal
                    </ButtonLink>
                  ) : null
                }
              >
                {canCreate
                  ? 'Propose a project: describe it, give its business case and what it needs, and submit it to the portfolio board.'
                  : 'Proposals for new projects will be listed here.'}
              </EmptyState>
            )
          ) : (
            <ProposalTable
              proposals={list.data?.items ?? []}
              loading={list.isPending}
              sort={state.sort}
              onSort={(sort) => change({ sort })}
              caption={`Proposals, sorted by ${SORTS.find((s) => s.value === state.sort)?.label.toLowerCase() ?? 'rank'}`}
            />
          )}
        </Card>
        {list.data && total > 0 && (
          <p className="subtle proposal-footnote">
            Amounts in {currency}. NPV at the strategy’s discount rate; IRR is annual; payback counts months
            from the start until the cumulative net flow turns positive. Rank compares open proposals only.
          </p>
        )}
      </div>
    </div>
  );
}
