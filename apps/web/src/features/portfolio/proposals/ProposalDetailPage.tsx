import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiProblem } from '../../../api/client.ts';
import { fetchProposal, portfolioKeys } from '../../../api/portfolio.ts';
import { PageHeader } from '../../../app/PageHeader.tsx';
import { useSession } from '../../../app/session-context.ts';
import { ButtonLink } from '../../../design/Button.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { LoadingState } from '../../../design/Spinner.tsx';
import { TabPanel, Tabs } from '../../../design/Tabs.tsx';
import { ProposalStatusBadge } from '../ProposalStatusBadge.tsx';
import { PROPOSAL_STATUS_LABELS } from '../portfolio-format.ts';
import { useStrategy } from '../use-strategy.ts';
import { ProposalComments } from './ProposalComments.tsx';
import { ProposalEditor } from './ProposalEditor.tsx';
import { ProposalHistory } from './ProposalHistory.tsx';
import { ProposalOverview } from './ProposalOverview.tsx';
import { ProposalWorkflow } from './ProposalWorkflow.tsx';
import { canDeleteProposal, canEditProposal } from './proposal-form-model.ts';
import './proposals.css';

type TabId = 'overview' | 'edit' | 'comments' | 'history';

export function ProposalDetailPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { can, session } = useSession();
  const strategy = useStrategy();
  const query = useQuery({
    queryKey: portfolioKeys.proposal(id),
    queryFn: ({ signal }) => fetchProposal(id, signal),
  });

  const setTab = (next: TabId) => {
    const p = new URLSearchParams(params);
    if (next === 'overview') p.delete('tab');
    else p.set('tab', next);
    setParams(p);
  };

  if (query.isPending) return <LoadingState label="Loading proposal…" />;
  if (query.isError) {
    if (isApiProblem(query.error, 404) || isApiProblem(query.error, 400)) {
      return (
        <div className="page">
          <EmptyState
            title="Proposal not found"
            actions={<ButtonLink to="/portfolio/proposals">Back to proposals</ButtonLink>}
          >
            It may have been deleted, or the link is wrong.
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page">
        <ErrorState error={query.error} title="Could not load the proposal" onRetry={() => query.refetch()} />
      </div>
    );
  }

  const proposal = query.data;
  const userId = session?.user.id ?? null;
  const board = can('portfolio.manage');
  const editable = canEditProposal(proposal, userId, board);
  const requested = params.get('tab');
  const tab: TabId =
    requested === 'edit' && editable
      ? 'edit'
      : requested === 'comments' || requested === 'history'
        ? requested
        : 'overview';
  const tabs: { id: TabId; label: string }[] = [
    { id: 'overview', label: 'Overview' },
    ...(editable ? [{ id: 'edit' as const, label: 'Edit' }] : []),
    {
      id: 'comments',
      label: proposal.commentCount > 0 ? `Comments (${proposal.commentCount})` : 'Comments',
    },
    { id: 'history', label: 'History' },
  ];
  const decided = proposal.status === 'rejected' || proposal.status === 'deferred';

  return (
    <div className="page">
      <PageHeader
        documentTitle={`${proposal.code} ${proposal.title}`}
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/portfolio/proposals">Proposals</Link>
            <span aria-hidden="true">/</span>
            <span className="mono">{proposal.code}</span>
          </nav>
        }
        title={
          <span className="title-with-badge">
            {proposal.title}
            <ProposalStatusBadge status={proposal.status} />
          </span>
        }
        subtitle={
          decided && proposal.statusReason
            ? `${PROPOSAL_STATUS_LABELS[proposal.status]}: ${proposal.statusReason}`
            : [
                proposal.category,
                proposal.portfolioName,
                proposal.proposerName ? `proposed by ${proposal.proposerName}` : null,
              ]
                .filter(Boolean)
                .join(' · ')
        }
        actions={<ProposalWorkflow proposal={proposal} />}
      />
      <Tabs idBase="proposal" label="Proposal sections" items={tabs} value={tab} onChange={setTab} />
      <TabPanel idBase="proposal" id={tab}>
        {tab === 'overview' && <ProposalOverview proposal={proposal} strategy={strategy.data} />}
        {tab === 'edit' &&
          (strategy.data ? (
            <ProposalEditor
              key={`${proposal.id}:${proposal.status}`}
              proposal={proposal}
              strategy={strategy.data}
              canDelete={canDeleteProposal(proposal, userId, board)}
              onDone={() => setTab('overview')}
            />
          ) : strategy.isError ? (
            <ErrorState
              error={strategy.error}
              title="Could not load the strategy"
              onRetry={() => strategy.refetch()}
            />
          ) : (
            <LoadingState label="Loading the strategy…" />
          ))}
        {tab === 'comments' && <ProposalComments proposal={proposal} />}
        {tab === 'history' && <ProposalHistory proposal={proposal} strategy={strategy.data} />}
      </TabPanel>
    </div>
  );
}
