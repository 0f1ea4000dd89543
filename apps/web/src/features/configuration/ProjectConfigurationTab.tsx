import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import {
  configurationKeys,
  fetchProjectConfigurationAudit,
  listConfigurationBaselines,
} from '../../api/configuration.ts';
import { exportFileName } from '../../api/exports.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { Field } from '../../design/Field.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { AuditSummaryBadges, AuditTable } from './AuditTable.tsx';
import { BaselinesCard } from './BaselinesCard.tsx';
import { auditExportColumns, auditExportRow } from './configuration-model.ts';
import { ItemPanel } from './ItemPanel.tsx';
import { ItemsCard } from './ItemsCard.tsx';
import './configuration.css';

/** The audit against a baseline chosen in the URL (`ciBaseline`), the newest by default. */
function AuditCard({ project }: { project: Project }) {
  const [params, setParams] = useSearchParams();
  const baselineId = params.get('ciBaseline');
  const baselines = useQuery({
    queryKey: configurationKeys.baselines(project.id),
    queryFn: ({ signal }) => listConfigurationBaselines(project.id, signal),
  });
  const audit = useQuery({
    queryKey: configurationKeys.audit(project.id, baselineId),
    queryFn: ({ signal }) => fetchProjectConfigurationAudit(project.id, baselineId, signal),
    placeholderData: keepPreviousData,
  });
  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    if (id) next.set('ciBaseline', id);
    else next.delete('ciBaseline');
    setParams(next, { replace: true });
  };
  const data = audit.data;
  return (
    <Card
      flush
      title="Configuration audit"
      description={
        data?.baseline
          ? `Each item’s approved version against “${data.baseline.name}”.`
          : 'Each item’s approved version against a baseline.'
      }
      actions={
        <ExportButtons
          fileName={exportFileName(`configuration-audit-${project.code}`)}
          what="the configuration audit"
          columns={auditExportColumns(false)}
          rows={(data?.items ?? []).map((l) => auditExportRow(l))}
          disabled={!data || data.items.length === 0}
        />
      }
    >
      <div className="ci-audit-head">
        <Field label="Baseline" className="filter-bar__item">
          <Select
            value={baselineId ?? ''}
            placeholder="The newest baseline"
            disabled={baselines.isPending}
            options={(baselines.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
            onChange={(e) => choose(e.target.value)}
          />
        </Field>
        {data && <AuditSummaryBadges summary={data.summary} />}
      </div>
      {audit.isPending ? (
        <LoadingState label="Auditing the configuration…" />
      ) : audit.isError ? (
        <ErrorState
          error={audit.error}
          title="Could not audit the configuration"
          onRetry={() => audit.refetch()}
        />
      ) : audit.data.items.length === 0 ? (
        <EmptyState title="Nothing to audit">The project has no configuration items yet.</EmptyState>
      ) : (
        <>
          {!audit.data.baseline && (
            <p className="ci-note">No baseline yet: every approved item counts as added.</p>
          )}
          <AuditTable
            lines={audit.data.items}
            caption={`Configuration audit of ${project.code}`}
            itemLink={(id) => `?tab=configuration&ci=${id}`}
            changesLink={`/projects/${project.id}?tab=changes`}
          />
        </>
      )}
    </Card>
  );
}

/**
 * A project's configuration management: its items with their current and approved versions (or one
 * item, `ci` in the URL, with its history and the moves open to the reader), the frozen baselines, and
 * the audit against a chosen baseline.
 */
export function ProjectConfigurationTab({ project }: { project: Project }) {
  const { can } = useSession();
  const [params] = useSearchParams();
  const mayEdit = can('project.update') && project.status !== 'cancelled';
  const itemId = params.get('ci');
  const linkOf = (id: string) => `?tab=configuration&ci=${id}`;
  if (itemId)
    return (
      <ItemPanel
        key={itemId}
        project={project}
        itemId={itemId}
        mayEdit={mayEdit}
        backTo="?tab=configuration"
      />
    );
  return (
    <div className="stack">
      <ItemsCard project={project} mayEdit={mayEdit} linkOf={linkOf} />
      <BaselinesCard project={project} mayEdit={mayEdit} />
      <AuditCard project={project} />
    </div>
  );
}
