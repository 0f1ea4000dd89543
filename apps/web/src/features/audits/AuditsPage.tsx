import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  AUDIT_STATUS_LABELS,
  type Audit,
  type AuditFinding,
  auditKeys,
  createAudit,
  FINDING_STATUS_LABELS,
  listAudits,
  listFindings,
  SEVERITY_LABELS,
} from '../../api/audits.ts';
import { exportFileName } from '../../api/exports.ts';
import { listProjects } from '../../api/projects.ts';
import { useOrgUnits } from '../../api/queries.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge, type BadgeTone } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { TabPanel, Tabs } from '../../design/Tabs.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { problemText } from '../raid/raid-problems.ts';
import {
  auditExportColumns,
  auditExportRow,
  findingExportColumns,
  findingExportRow,
} from './audit-export.ts';

type View = 'upcoming' | 'running' | 'done' | 'findings';
const VIEW_STATUSES: Record<Exclude<View, 'findings'>, string> = {
  upcoming: 'scheduled',
  running: 'in_progress,reported',
  done: 'closed,cancelled',
};

export function severityTone(s: AuditFinding['severity']): BadgeTone {
  return s === 'critical' || s === 'high' ? 'red' : s === 'medium' ? 'amber' : 'gray';
}
export function auditTone(s: Audit['status']): BadgeTone {
  return s === 'in_progress' ? 'blue' : s === 'reported' ? 'violet' : s === 'closed' ? 'green' : 'gray';
}

function ScheduleDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const units = useOrgUnits();
  const projects = useQuery({
    queryKey: ['projects', 'list', { pageSize: 500 }],
    queryFn: ({ signal }) => listProjects({ pageSize: 500 }, signal),
    enabled: open,
  });
  const [of, setOf] = useState<'project' | 'unit'>('project');
  const [kind, setKind] = useState<'audit' | 'peer_review'>('audit');
  const [target, setTarget] = useState('');
  const [title, setTitle] = useState('');
  const [scope, setScope] = useState('');
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      createAudit({
        kind,
        title: title.trim(),
        scheduledFor: date,
        scope: scope.trim() || null,
        ...(of === 'project' ? { projectId: target } : { orgUnitId: target }),
      }),
    onSuccess: (a) => {
      void client.invalidateQueries({ queryKey: auditKeys.all });
      navigate(`/audits/${a.id}`);
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!target) next.target = of === 'project' ? 'Choose the project.' : 'Choose the org unit.';
    if (!title.trim()) next.title = 'Give the audit a title.';
    if (!date) next.date = 'Choose the date.';
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Schedule an audit or peer review"
      onSubmit={onSubmit}
      footer={
        <>
          <Button type="button" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Schedule
          </Button>
        </>
      }
    >
      <div className="stack">
        <Field label="Kind">
          <Select
            value={kind}
            options={[
              { value: 'audit', label: 'Audit' },
              { value: 'peer_review', label: 'Peer review' },
            ]}
            onChange={(e) => setKind(e.target.value as 'audit' | 'peer_review')}
          />
        </Field>
        <Field label="Of">
          <Select
            value={of}
            options={[
              { value: 'project', label: 'A project' },
              { value: 'unit', label: 'An org unit’s practice' },
            ]}
            onChange={(e) => {
              setOf(e.target.value as 'project' | 'unit');
              setTarget('');
            }}
          />
        </Field>
        <Field label={of === 'project' ? 'Project' : 'Org unit'} error={errors.target} required>
          <Select
            value={target}
            placeholder={of === 'project' ? 'Choose a project' : 'Choose an org unit'}
            options={
              of === 'project'
                ? (projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))
                : orgUnitOptions(units.data ?? [])
            }
            onChange={(e) => setTarget(e.target.value)}
          />
        </Field>
        <Field label="Title" error={errors.title} required>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label="Scope">
          <Textarea rows={3} value={scope} onChange={(e) => setScope(e.target.value)} />
        </Field>
        <Field label="Date" error={errors.date} required>
          <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        {save.isError && (
          <Alert tone="error" title="Not scheduled">
            {problemText(save.error)}
          </Alert>
        )}
      </div>
    </Dialog>
  );
}

function AuditTable({ items }: { items: Audit[] }) {
  return (
    <Table scrollLabel="Audits">
      <thead>
        <tr>
          <th scope="col">Audit</th>
          <th scope="col">Of</th>
          <th scope="col">Date</th>
          <th scope="col">Lead</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Open findings
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id}>
            <td>
              <Link to={`/audits/${a.id}`}>
                <span className="mono">{a.code}</span> {a.title}
              </Link>
              <div className="subtle">{a.kind === 'peer_review' ? 'Peer review' : 'Audit'}</div>
            </td>
            <td>{a.projectId ? `${a.projectCode} ${a.projectName}` : a.orgUnitName}</td>
            <td>{formatDate(a.scheduledFor)}</td>
            <td>{a.leadName ?? '—'}</td>
            <td>
              <Badge tone={auditTone(a.status)}>{AUDIT_STATUS_LABELS[a.status]}</Badge>
            </td>
            <td className="num">
              {a.findingCounts.open}
              {a.findingCounts.overdue > 0 && <Badge tone="red"> {a.findingCounts.overdue} overdue</Badge>}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function FindingTable({ items, caption }: { items: AuditFinding[]; caption: string }) {
  return (
    <Table scrollLabel={caption}>
      <thead>
        <tr>
          <th scope="col">Finding</th>
          <th scope="col">Audit</th>
          <th scope="col">Severity</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Corrective action</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((f) => (
          <tr key={f.id}>
            <td>
              <span className="mono">{f.code}</span> {f.title}
            </td>
            <td>
              <Link to={`/audits/${f.auditId}`}>{f.auditCode}</Link>
              {f.projectCode && <div className="subtle">{f.projectCode}</div>}
            </td>
            <td>
              <Badge tone={severityTone(f.severity)}>{SEVERITY_LABELS[f.severity]}</Badge>
            </td>
            <td>{f.ownerName ?? '—'}</td>
            <td>
              {formatDate(f.dueDate)}
              {f.overdue && <Badge tone="red"> Overdue</Badge>}
            </td>
            <td>{f.correctiveAction ?? '—'}</td>
            <td>{FINDING_STATUS_LABELS[f.status]}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Audits and peer reviews: upcoming, running and done, and the corrective-action tracker. */
export function AuditsPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const view = (
    ['upcoming', 'running', 'done', 'findings'].includes(params.get('view') ?? '')
      ? params.get('view')
      : 'running'
  ) as View;
  const overdueOnly = params.get('overdue') === 'true';
  const [scheduling, setScheduling] = useState(false);
  const auditsQuery = useQuery({
    queryKey: auditKeys.list({ status: view === 'findings' ? '' : VIEW_STATUSES[view] }),
    queryFn: ({ signal }) =>
      listAudits({ status: view === 'findings' ? undefined : VIEW_STATUSES[view] }, signal),
    enabled: view !== 'findings',
  });
  const findingsQuery = useQuery({
    queryKey: auditKeys.findings(overdueOnly ? { overdue: 'true' } : {}),
    queryFn: ({ signal }) => listFindings(overdueOnly ? { overdue: 'true' } : {}, signal),
    enabled: view === 'findings',
  });
  const setView = (v: View) => setParams(v === 'running' ? {} : { view: v });
  const q = view === 'findings' ? findingsQuery : auditsQuery;
  const findings = findingsQuery.data?.items ?? [];
  const audits = auditsQuery.data?.items ?? [];
  const exported =
    view === 'findings'
      ? {
          fileName: overdueOnly ? 'corrective-actions-overdue' : 'corrective-actions',
          what: 'corrective actions',
          columns: findingExportColumns(),
          rows: findings.map(findingExportRow),
        }
      : {
          fileName: `audits-${view}`,
          what: 'audits',
          columns: auditExportColumns(),
          rows: audits.map(auditExportRow),
        };
  return (
    <div className="page">
      <PageHeader
        title="Audits and reviews"
        subtitle="Audits and peer reviews of projects and of units’ practice, their findings and the corrective actions that close them."
        actions={
          <>
            <ExportButtons
              fileName={exportFileName(exported.fileName)}
              what={exported.what}
              columns={exported.columns}
              rows={exported.rows}
              disabled={exported.rows.length === 0}
            />
            {can('governance.manage') ? (
              <Button variant="primary" onClick={() => setScheduling(true)}>
                Schedule an audit
              </Button>
            ) : null}
          </>
        }
      />
      <Tabs
        idBase="audits"
        label="Audit views"
        value={view}
        onChange={setView}
        items={[
          { id: 'upcoming', label: 'Upcoming' },
          { id: 'running', label: 'In progress' },
          { id: 'done', label: 'Closed' },
          { id: 'findings', label: 'Corrective actions' },
        ]}
      />
      <TabPanel idBase="audits" id={view}>
        <div className="stack">
          {view === 'findings' && (
            <label className="b-checkbox">
              <input
                type="checkbox"
                checked={overdueOnly}
                onChange={(e) => setParams(e.target.checked ? { view, overdue: 'true' } : { view })}
              />
              Only overdue
            </label>
          )}
          {q.isPending ? (
            <LoadingState label="Loading audits…" />
          ) : q.isError ? (
            <ErrorState error={q.error} title="Could not load audits" onRetry={() => q.refetch()} />
          ) : view === 'findings' ? (
            (findingsQuery.data?.items.length ?? 0) === 0 ? (
              <Card>
                <EmptyState title="No findings here">
                  Findings recorded in audits show here until closed.
                </EmptyState>
              </Card>
            ) : (
              <Card flush>
                <FindingTable items={findingsQuery.data?.items ?? []} caption="Corrective actions" />
              </Card>
            )
          ) : (auditsQuery.data?.items.length ?? 0) === 0 ? (
            <Card>
              <EmptyState title="No audits here">
                {can('governance.manage')
                  ? 'Schedule one with “Schedule an audit”.'
                  : 'The PMO schedules audits.'}
              </EmptyState>
            </Card>
          ) : (
            <Card flush>
              <AuditTable items={auditsQuery.data?.items ?? []} />
            </Card>
          )}
        </div>
      </TabPanel>
      {scheduling && <ScheduleDialog open onClose={() => setScheduling(false)} />}
    </div>
  );
}
