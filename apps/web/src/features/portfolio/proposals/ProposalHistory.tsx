import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  fetchProposalHistory,
  listProposals,
  type Proposal,
  portfolioKeys,
  type StrategySettings,
} from '../../../api/portfolio.ts';
import { useOrgUnits, usePortfolios, useUserDirectory } from '../../../api/queries.ts';
import type { JournalEntry } from '../../../api/types.ts';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { formatDateTime, formatRelative } from '../../../design/format.ts';
import { LoadingState } from '../../../design/Spinner.tsx';
import {
  ACTION_LABELS,
  expandProposalChanges,
  formatProposalValue,
  labelOfProposalField,
  type ProposalLookup,
} from './proposal-history-format.ts';
import { useIntakeForm } from './use-intake-form.ts';

const byId = (items: readonly { id: string; name: string }[] | undefined) =>
  new Map((items ?? []).map((x) => [x.id, x.name] as const));

function useProposalLookup(strategy: StrategySettings | undefined): ProposalLookup {
  const users = useUserDirectory();
  const units = useOrgUnits();
  const portfolios = usePortfolios();
  const intake = useIntakeForm();
  const proposals = useQuery({
    queryKey: portfolioKeys.proposals({ sort: 'code' }),
    queryFn: ({ signal }) => listProposals({ sort: 'code' }, signal),
  });
  return useMemo(
    () => ({
      users: byId(users.data),
      orgUnits: byId(units.data),
      portfolios: byId(portfolios.data),
      proposals: new Map((proposals.data?.items ?? []).map((p) => [p.id, `${p.code} ${p.title}`] as const)),
      objectives: new Map((strategy?.objectives ?? []).map((o) => [o.id, o.name] as const)),
      fields: intake.data?.fields ?? [],
      currency: strategy?.currency ?? 'EUR',
    }),
    [users.data, units.data, portfolios.data, proposals.data, strategy, intake.data],
  );
}

function describe(entry: JournalEntry): string {
  if (entry.action === 'transition') {
    const status = entry.changes.find((c) => c.field === 'status');
    if (status) return 'changed the status';
  }
  return ACTION_LABELS[entry.action] ?? entry.action.replace(/[_.]/g, ' ');
}

function Changes({ entry, lookup }: { entry: JournalEntry; lookup: ProposalLookup }) {
  if (entry.action === 'comment') {
    const text = entry.changes.find((c) => c.field === 'comment')?.to;
    return typeof text === 'string' ? <blockquote className="proposal-quote">{text}</blockquote> : null;
  }
  const creating = entry.action === 'create';
  const changes = expandProposalChanges(entry.changes).filter(
    // A new proposal's empty values say nothing.
    (c) => !creating || (c.to !== null && c.to !== '' && !(Array.isArray(c.to) && c.to.length === 0)),
  );
  if (changes.length === 0) return <p className="subtle">No field changed.</p>;
  return (
    <dl className="changes">
      {changes.map((c) => (
        <div key={c.field} className="changes__row">
          <dt>{labelOfProposalField(c.field, lookup)}</dt>
          <dd>
            {!creating && (
              <>
                <span className="changes__from">{formatProposalValue(c.field, c.from, lookup)}</span>
                <span className="changes__arrow" aria-hidden="true">
                  →
                </span>
                <span className="visually-hidden">changed to</span>
              </>
            )}
            <span className="changes__to">{formatProposalValue(c.field, c.to, lookup)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The proposal's journal, newest first, in the same timeline as a project's history. */
export function ProposalHistory({
  proposal,
  strategy,
}: {
  proposal: Proposal;
  strategy: StrategySettings | undefined;
}) {
  const lookup = useProposalLookup(strategy);
  const query = useQuery({
    queryKey: portfolioKeys.history(proposal.id),
    queryFn: ({ signal }) => fetchProposalHistory(proposal.id, signal),
  });
  if (query.isPending) return <LoadingState label="Loading history…" />;
  if (query.isError)
    return (
      <ErrorState error={query.error} title="Could not load the history" onRetry={() => query.refetch()} />
    );
  if (query.data.items.length === 0)
    return <EmptyState title="No history yet">Changes to this proposal will appear here.</EmptyState>;
  return (
    <ol className="timeline" aria-label="Proposal history, newest first">
      {query.data.items.map((entry) => (
        <li key={entry.id} className="timeline__item">
          <span
            className={`timeline__dot timeline__dot--${entry.action === 'comment' ? 'update' : entry.action}`}
            aria-hidden="true"
          />
          <div className="timeline__card">
            <p className="timeline__head">
              <strong>{entry.actorName ?? 'System'}</strong> {describe(entry)}
              <time className="timeline__time" dateTime={entry.at} title={formatDateTime(entry.at)}>
                {formatRelative(entry.at)}
              </time>
            </p>
            <Changes entry={entry} lookup={lookup} />
          </div>
        </li>
      ))}
    </ol>
  );
}
