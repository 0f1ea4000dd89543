import { PROJECT_STATUSES, type ProjectStatus } from '@baton/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  type CiAuditStatus,
  configurationKeys,
  fetchPmoConfigurationAudit,
  type PmoAuditParams,
} from '../../api/configuration.ts';
import { exportFileName } from '../../api/exports.ts';
import { useOrgUnits } from '../../api/queries.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDateTime } from '../../design/format.ts';
import { STATUS_LABELS } from '../../design/labels.ts';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { StatusBadge } from '../../design/StatusBadge.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { AuditSummaryBadges, AuditTable } from './AuditTable.tsx';
import {
  AUDIT_STATUS_LABELS,
  AUDIT_STATUS_LIST,
  auditExportColumns,
  auditExportRow,
  parseAuditStatuses,
} from './configuration-model.ts';
import './configuration.css';

/**
 * The PMO's central configuration audit: every project it may read that keeps configuration items,
 * each against its newest baseline. Org unit, project status and audit statuses are in the URL.
 */
export function ConfigurationPage() {
  const [params, setParams] = useSearchParams();
  const units = useOrgUnits();
  const orgUnitId = params.get('orgUnitId') ?? '';
  const projectStatus = params.get('projectStatus') ?? '';
  const statuses = parseAuditStatuses(params.get('status'));
  const query: PmoAuditParams = {
    ...(orgUnitId ? { orgUnitId } : {}),
    ...(projectStatus ? { projectStatus } : {}),
    ...(statuses.length > 0 ? { status: statuses.join(',') } : {}),
  };
  const audit = useQuery({
    queryKey: configurationKeys.pmoAudit(query),
    queryFn: ({ signal }) => fetchPmoConfigurationAudit(query, signal),
    placeholderData: keepPreviousData,
  });
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const toggle = (s: CiAuditStatus) =>
    setParam('status', (statuses.includes(s) ? statuses.filter((x) => x !== s) : [...statuses, s]).join(','));
  const data = audit.data;
  return (
    <div className="page">
      <PageHeader
        title="Configuration"
        subtitle="The configuration audit across projects: each item’s approved version against the project’s newest baseline, and the approved changes that explain a difference."
        actions={
          <ExportButtons
            fileName={exportFileName('configuration-audit')}
            what="the configuration audit"
            columns={auditExportColumns(true)}
            rows={(data?.projects ?? []).flatMap((p) => p.items.map((l) => auditExportRow(l, p)))}
            disabled={!data || data.projects.length === 0}
          />
        }
      />
      <div className="stack">
        <section className="filter-bar" aria-label="Configuration audit filters">
          <Field label="Org unit" className="filter-bar__item">
            <Select
              value={orgUnitId}
              placeholder="The whole organisation"
              options={orgUnitOptions(units.data ?? [])}
              onChange={(e) => setParam('orgUnitId', e.target.value)}
            />
          </Field>
          <Field label="Project status" className="filter-bar__item">
            <Select
              value={projectStatus}
              placeholder="Any status"
              options={PROJECT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
              onChange={(e) => setParam('projectStatus', e.target.value)}
            />
          </Field>
          <fieldset className="ci-status-filter">
            <legend className="filter-bar__label">Audit status</legend>
            <div className="chip-group">
              {AUDIT_STATUS_LIST.map((s) => (
                <button
                  key={s}
                  type="button"
                  className="b-chip"
                  aria-pressed={statuses.includes(s)}
                  onClick={() => toggle(s)}
                >
                  {AUDIT_STATUS_LABELS[s]}
                </button>
              ))}
            </div>
          </fieldset>
        </section>
        {audit.isPending ? (
          <LoadingState label="Auditing the configuration…" />
        ) : audit.isError ? (
          <ErrorState
            error={audit.error}
            title="Could not audit the configuration"
            onRetry={() => audit.refetch()}
          />
        ) : !data || data.projects.length === 0 ? (
          <Card>
            <EmptyState
              title={statuses.length > 0 ? 'No item in these audit statuses' : 'No configuration items here'}
            >
              {statuses.length > 0
                ? 'Clear the audit status filter to see every item.'
                : 'Projects appear here once they put items under configuration control.'}
            </EmptyState>
          </Card>
        ) : (
          <>
            <Card title="Across the projects shown">
              <AuditSummaryBadges summary={data.summary} />
            </Card>
            {data.projects.map((p) => (
              <Card
                key={p.projectId}
                flush
                title={
                  <span className="ci-project-head">
                    <Link to={`/projects/${p.projectId}?tab=configuration`}>
                      <span className="mono subtle">{p.projectCode}</span> {p.projectName}
                    </Link>
                    <StatusBadge status={p.projectStatus as ProjectStatus} />
                  </span>
                }
                description={`${p.orgUnitName} · ${
                  p.baseline
                    ? `against “${p.baseline.name}” of ${formatDateTime(p.baseline.createdAt)}`
                    : 'no baseline yet'
                }`}
              >
                <div className="ci-audit-head">
                  <AuditSummaryBadges summary={p.summary} hideZero />
                </div>
                <AuditTable
                  lines={p.items}
                  caption={`Configuration audit of ${p.projectCode}`}
                  itemLink={(id) => `/projects/${p.projectId}?tab=configuration&ci=${id}`}
                  changesLink={`/projects/${p.projectId}?tab=changes`}
                />
              </Card>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
