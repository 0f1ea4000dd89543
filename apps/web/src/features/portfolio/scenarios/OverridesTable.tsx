import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listProposals, portfolioKeys, type ScenarioOverride } from '../../../api/portfolio.ts';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { Input } from '../../../design/Input.tsx';
import { Select } from '../../../design/Select.tsx';
import { LoadingState } from '../../../design/Spinner.tsx';
import { Table } from '../../../design/Table.tsx';
import { ProposalStatusBadge } from '../ProposalStatusBadge.tsx';
import { formatMonth, formatScore } from '../portfolio-format.ts';
import { type CandidateStatus, setOverride } from './scenario-model.ts';

const TREATMENTS = [
  { value: 'free', label: 'Optimiser decides' },
  { value: 'mandatory', label: 'Must be in' },
  { value: 'forcedOut', label: 'Left out' },
];

/** Per-proposal what-ifs within this scenario: force in or out, another value, another start window. */
export function OverridesTable({
  statuses,
  overrides,
  onChange,
  disabled,
}: {
  statuses: readonly CandidateStatus[];
  overrides: readonly ScenarioOverride[];
  onChange: (next: ScenarioOverride[]) => void;
  disabled: boolean;
}) {
  const params = { status: statuses.join(','), sort: 'rank' as const };
  const query = useQuery({
    queryKey: portfolioKeys.proposals(params),
    queryFn: ({ signal }) => listProposals(params, signal),
    enabled: statuses.length > 0,
  });
  if (statuses.length === 0)
    return <EmptyState title="No candidates">Choose which statuses compete above.</EmptyState>;
  if (query.isPending) return <LoadingState label="Loading candidates…" />;
  if (query.isError) {
    return (
      <ErrorState error={query.error} title="Could not load the candidates" onRetry={() => query.refetch()} />
    );
  }
  if (query.data.items.length === 0) {
    return <EmptyState title="No candidates">No proposal has one of the chosen statuses.</EmptyState>;
  }
  return (
    <Table>
      <caption className="visually-hidden">Candidates and their overrides in this scenario</caption>
      <thead>
        <tr>
          <th scope="col">Proposal</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Score
          </th>
          <th scope="col">In this scenario</th>
          <th scope="col">Value instead</th>
          <th scope="col">Earliest start</th>
          <th scope="col">Latest start</th>
        </tr>
      </thead>
      <tbody>
        {query.data.items.map((p) => {
          const o = overrides.find((x) => x.proposalId === p.id);
          const treatment = o?.mandatory ? 'mandatory' : o?.forcedOut ? 'forcedOut' : 'free';
          const edit = (patch: Parameters<typeof setOverride>[2]) =>
            onChange(setOverride(overrides, p.id, patch));
          return (
            <tr key={p.id}>
              <td>
                <Link to={`/portfolio/proposals/${p.id}`}>
                  <span className="mono subtle">{p.code}</span> {p.title}
                </Link>
                {p.mandatory && <div className="cell-secondary">Mandatory by its proposal</div>}
              </td>
              <td>
                <ProposalStatusBadge status={p.status} />
              </td>
              <td className="num">{formatScore(p.scores.total)}</td>
              <td>
                <Select
                  controlSize="sm"
                  className="override-treatment"
                  aria-label={`${p.code} in this scenario`}
                  value={treatment}
                  disabled={disabled}
                  options={TREATMENTS}
                  onChange={(e) =>
                    edit({
                      mandatory: e.target.value === 'mandatory',
                      forcedOut: e.target.value === 'forcedOut',
                    })
                  }
                />
              </td>
              <td>
                <Input
                  controlSize="sm"
                  inputMode="decimal"
                  className="override-value"
                  aria-label={`${p.code} value instead of its own`}
                  placeholder={formatScore(p.scores.total)}
                  value={o?.value ?? ''}
                  disabled={disabled}
                  onChange={(e) => {
                    const v = e.target.value.trim();
                    const n = Number(v);
                    edit({ value: v === '' || !Number.isFinite(n) || n < 0 ? undefined : n });
                  }}
                />
              </td>
              <td>
                <Input
                  controlSize="sm"
                  type="month"
                  aria-label={`${p.code} earliest start (proposal: ${formatMonth(p.earliestStart)})`}
                  value={o?.earliestStart ?? ''}
                  disabled={disabled}
                  onChange={(e) => edit({ earliestStart: e.target.value || undefined })}
                />
                <div className="cell-secondary">proposal: {formatMonth(p.earliestStart)}</div>
              </td>
              <td>
                <Input
                  controlSize="sm"
                  type="month"
                  aria-label={`${p.code} latest start (proposal: ${formatMonth(p.latestStart)})`}
                  value={o?.latestStart ?? ''}
                  disabled={disabled}
                  onChange={(e) => edit({ latestStart: e.target.value || undefined })}
                />
                <div className="cell-secondary">proposal: {formatMonth(p.latestStart)}</div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
