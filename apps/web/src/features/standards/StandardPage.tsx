import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiProblem } from '../../api/client.ts';
import { complianceKeys } from '../../api/compliance.ts';
import {
  fetchStandard,
  publishStandard,
  retireStandard,
  reviseStandard,
  type StandardDetail,
  standardKeys,
} from '../../api/standards.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button, ButtonLink } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { useToast } from '../../design/Toast.tsx';
import { isConflict } from '../raid/raid-problems.ts';
import { ProblemAlert } from './ProblemAlert.tsx';
import { StandardFormDialog } from './StandardFormDialog.tsx';
import {
  ChecklistItemsCard,
  RetireDialog,
  standardPath,
  VersionNotice,
  VersionsCard,
} from './StandardPanels.tsx';
import { actionsFor, KIND_LABELS, STATUS_LABELS, statusTone, versionLabel } from './standards-model.ts';
import '../governance/governance.css';
import './standards.css';
import { DescriptionItem } from '../../design/DescriptionItem.tsx';

const listPath = (orgUnitId: string) => `/governance/standards?unit=${orgUnitId}`;

function StandardView({ s }: { s: StandardDetail }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { showToast } = useToast();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: standardKeys.all });
    void client.invalidateQueries({ queryKey: complianceKeys.all });
  };
  const act = useMutation({
    mutationFn: (action: 'publish' | 'revise' | 'retire') =>
      action === 'publish'
        ? publishStandard(s.id, s.version)
        : action === 'revise'
          ? reviseStandard(s.id, s.version)
          : retireStandard(s.id, s.version),
    onSuccess: (next, action) => {
      refresh();
      setRetiring(false);
      if (action === 'revise') {
        showToast({ tone: 'success', title: `Draft ${versionLabel(next)} started` });
        navigate(standardPath(next.id));
      } else {
        showToast({
          tone: 'success',
          title: `${versionLabel(next)} ${action === 'publish' ? 'published' : 'retired'}`,
        });
      }
    },
    onError: (error) => {
      setRetiring(false);
      if (isConflict(error)) refresh();
    },
  });
  const actions = actionsFor(s, can('governance.manage'));
  const busy = (a: 'publish' | 'revise' | 'retire') => act.isPending && act.variables === a;
  return (
    <div className="page">
      <PageHeader
        documentTitle={`${versionLabel(s)} ${s.title}`}
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to={listPath(s.orgUnitId)}>PMO standards</Link>
            <span aria-hidden="true">/</span>
            <span className="mono">{s.key}</span>
          </nav>
        }
        title={
          <span className="title-with-badge">
            {s.title}
            <Badge>v{s.standardVersion}</Badge>
            <Badge tone={statusTone(s.status)}>{STATUS_LABELS[s.status]}</Badge>
          </span>
        }
        subtitle={`${KIND_LABELS[s.kind]} ${s.key} of ${s.orgUnitName}`}
        actions={
          actions.length > 0 ? (
            <>
              {actions.includes('edit') && <Button onClick={() => setEditing(true)}>Edit</Button>}
              {actions.includes('publish') && (
                <Button
                  variant="primary"
                  loading={busy('publish')}
                  disabled={act.isPending}
                  onClick={() => act.mutate('publish')}
                >
                  Publish
                </Button>
              )}
              {actions.includes('revise') && (
                <Button
                  variant="primary"
                  loading={busy('revise')}
                  disabled={act.isPending}
                  onClick={() => act.mutate('revise')}
                >
                  Revise
                </Button>
              )}
              {actions.includes('retire') && (
                <Button variant="danger" disabled={act.isPending} onClick={() => setRetiring(true)}>
                  Retire
                </Button>
              )}
            </>
          ) : null
        }
      />
      <div className="stack">
        {act.isError && (
          <ProblemAlert
            error={act.error}
            title={
              act.variables === 'publish'
                ? 'Not published'
                : act.variables === 'revise'
                  ? 'Not revised'
                  : 'Not retired'
            }
          />
        )}
        <VersionNotice s={s} />
        <div className="overview">
          <div className="stack">
            <Card title="Text">
              {s.body.trim() ? (
                <div className="prose std-text">{s.body}</div>
              ) : (
                <p className="subtle">No text yet.</p>
              )}
            </Card>
            <ChecklistItemsCard s={s} />
          </div>
          <div className="stack">
            <Card title="Details">
              <dl className="b-dl b-dl--single">
                <DescriptionItem label="Status">
                  <Badge tone={statusTone(s.status)}>{STATUS_LABELS[s.status]}</Badge>
                </DescriptionItem>
                <DescriptionItem label="Kind">{KIND_LABELS[s.kind]}</DescriptionItem>
                <DescriptionItem label="Defined at">
                  <Link to={listPath(s.orgUnitId)}>{s.orgUnitName}</Link>
                </DescriptionItem>
                <DescriptionItem label="Overridable">
                  {s.overridable
                    ? 'Yes: units beneath may replace it or waive its items'
                    : 'No: it holds for every unit beneath'}
                </DescriptionItem>
                <DescriptionItem label="Replaces">
                  {s.replacesKey ? `${s.replacesKey} ${s.replacesTitle ?? ''}` : '—'}
                </DescriptionItem>
                <DescriptionItem label="Effective from">
                  {s.effectiveFrom ? formatDate(s.effectiveFrom) : 'On publication'}
                </DescriptionItem>
                <DescriptionItem label="Published">
                  {s.publishedAt
                    ? `${formatDateTime(s.publishedAt)}${s.publishedByName ? ` by ${s.publishedByName}` : ''}`
                    : 'Not yet'}
                </DescriptionItem>
                <DescriptionItem label="Last changed">{formatDateTime(s.updatedAt)}</DescriptionItem>
              </dl>
            </Card>
            <VersionsCard s={s} />
          </div>
        </div>
      </div>
      {editing && (
        <StandardFormDialog
          unit={{ id: s.orgUnitId, name: s.orgUnitName }}
          standard={s}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            act.reset();
            showToast({ tone: 'success', title: `${versionLabel(saved)} saved` });
          }}
        />
      )}
      {retiring && (
        <RetireDialog
          s={s}
          pending={busy('retire')}
          onConfirm={() => act.mutate('retire')}
          onClose={() => setRetiring(false)}
        />
      )}
    </div>
  );
}

/** One version of a PMO standard: its text, where it applies, its versions and its checklist items. */
export function StandardPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: standardKeys.detail(id),
    queryFn: ({ signal }) => fetchStandard(id, signal),
  });
  if (query.isPending) return <LoadingState label="Loading the standard…" />;
  if (query.isError) {
    if (isApiProblem(query.error, 404) || isApiProblem(query.error, 400))
      return (
        <div className="page">
          <EmptyState
            title="Standard not found"
            actions={<ButtonLink to="/governance/standards">Back to the standards</ButtonLink>}
          >
            It may have been removed, or the link is wrong.
          </EmptyState>
        </div>
      );
    return (
      <div className="page">
        <ErrorState error={query.error} title="Could not load the standard" onRetry={() => query.refetch()} />
      </div>
    );
  }
  // Keyed by id: another version of the key is another page, without this one's dialogs or errors.
  return <StandardView key={query.data.id} s={query.data} />;
}
