import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  AUDIT_STATUS_LABELS,
  type AuditDetail,
  type AuditFinding,
  type AuditStatus,
  addFinding,
  auditKeys,
  FINDING_STATUS_LABELS,
  type FindingSeverity,
  type FindingStatus,
  fetchAudit,
  SEVERITY_LABELS,
  transitionAudit,
  transitionFinding,
  updateFinding,
} from '../../api/audits.ts';
import { listUsers } from '../../api/users.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { problemText } from '../raid/raid-problems.ts';
import { auditTone, severityTone } from './AuditsPage.tsx';

const MOVE_LABELS: Record<AuditStatus, string> = {
  scheduled: 'Back to scheduled',
  in_progress: 'Start the audit',
  reported: 'Report',
  closed: 'Close the audit',
  cancelled: 'Cancel the audit',
};
const FINDING_MOVE_LABELS: Record<FindingStatus, string> = {
  open: 'Reopen planning',
  action_planned: 'Plan the action',
  resolved: 'Mark resolved',
  closed: 'Close (verified)',
};

function useUserOptions() {
  const q = useQuery({
    queryKey: ['users', 'list', { pageSize: 500 }],
    queryFn: ({ signal }) => listUsers({ pageSize: 500, active: 'true' }, signal),
  });
  return (q.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
}

function FindingDialog({ audit, onClose }: { audit: AuditDetail; onClose: () => void }) {
  const client = useQueryClient();
  const users = useUserOptions();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<FindingSeverity>('medium');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      addFinding(audit.id, {
        title: title.trim(),
        severity,
        description: description.trim() || null,
        ownerId: ownerId || null,
        dueDate: dueDate || null,
      }),
    onSuccess: (next) => {
      client.setQueryData(auditKeys.detail(audit.id), next);
      void client.invalidateQueries({ queryKey: auditKeys.all });
      onClose();
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError('Say what was found.');
    setError(null);
    save.mutate();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title="Record a finding"
      onSubmit={onSubmit}
      footer={
        <>
          <Button type="button" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Record finding
          </Button>
        </>
      }
    >
      <div className="stack">
        <Field label="Finding" error={error ?? undefined} required>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label="Severity">
          <Select
            value={severity}
            options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(e) => setSeverity(e.target.value as FindingSeverity)}
          />
        </Field>
        <Field label="Details">
          <Textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <Field label="Owner">
          <Select
            value={ownerId}
            placeholder="Nobody yet"
            options={users}
            onChange={(e) => setOwnerId(e.target.value)}
          />
        </Field>
        <Field label="Due date">
          <Input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </Field>
        {save.isError && (
          <Alert tone="error" title="Not recorded">
            {problemText(save.error)}
          </Alert>
        )}
      </div>
    </Dialog>
  );
}

/** The audited team's plan for a finding: action, owner, due date — then the move to planned. */
function PlanDialog({
  finding,
  auditId,
  onClose,
}: {
  finding: AuditFinding;
  auditId: string;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const users = useUserOptions();
  const [action, setAction] = useState(finding.correctiveAction ?? '');
  const [ownerId, setOwnerId] = useState(finding.ownerId ?? '');
  const [dueDate, setDueDate] = useState(finding.dueDate ?? '');
  const save = useMutation({
    mutationFn: async () => {
      const f = await updateFinding(finding.id, {
        version: finding.version,
        correctiveAction: action.trim() || null,
        ownerId: ownerId || null,
        dueDate: dueDate || null,
      });
      return transitionFinding(f.id, { version: f.version, to: 'action_planned' });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: auditKeys.detail(auditId) });
      void client.invalidateQueries({ queryKey: auditKeys.all });
      onClose();
    },
    onError: () => void client.invalidateQueries({ queryKey: auditKeys.detail(auditId) }),
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Plan the action for ${finding.code}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      footer={
        <>
          <Button type="button" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save plan
          </Button>
        </>
      }
    >
      <div className="stack">
        <p>{finding.title}</p>
        <Field label="Corrective action" required>
          <Textarea rows={3} value={action} onChange={(e) => setAction(e.target.value)} />
        </Field>
        <Field label="Action owner" required>
          <Select
            value={ownerId}
            placeholder="Choose the owner"
            options={users}
            onChange={(e) => setOwnerId(e.target.value)}
          />
        </Field>
        <Field label="Action due" required>
          <Input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </Field>
        {save.isError && (
          <Alert tone="error" title="Not planned">
            {problemText(save.error)}
          </Alert>
        )}
      </div>
    </Dialog>
  );
}

function FindingRow({
  finding,
  audit,
  auditor,
}: {
  finding: AuditFinding;
  audit: AuditDetail;
  auditor: boolean;
}) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const [planning, setPlanning] = useState(false);
  const move = useMutation({
    mutationFn: (to: FindingStatus) =>
      transitionFinding(finding.id, {
        version: finding.version,
        to,
        ...(to === 'closed' || finding.status === 'closed' ? { note: 'Verified by the auditor' } : {}),
      }),
    onSuccess: (f) => {
      void client.invalidateQueries({ queryKey: auditKeys.detail(audit.id) });
      void client.invalidateQueries({ queryKey: auditKeys.all });
      showToast({ tone: 'success', title: `${f.code}: ${FINDING_STATUS_LABELS[f.status]}` });
    },
    onError: (e) => showToast({ tone: 'error', title: `${finding.code} not changed`, text: problemText(e) }),
  });
  const finished = audit.status === 'closed' || audit.status === 'cancelled';
  const moves = finished
    ? []
    : finding.moves.filter((m) => auditor || (m !== 'closed' && finding.status !== 'closed'));
  const labelOf = (m: FindingStatus) =>
    finding.status === 'closed' && m === 'action_planned' ? 'Reopen' : FINDING_MOVE_LABELS[m];
  return (
    <tr>
      <td>
        <span className="mono">{finding.code}</span> {finding.title}
        {finding.description && <div className="subtle">{finding.description}</div>}
      </td>
      <td>
        <Badge tone={severityTone(finding.severity)}>{SEVERITY_LABELS[finding.severity]}</Badge>
      </td>
      <td>{finding.ownerName ?? '—'}</td>
      <td>
        {formatDate(finding.dueDate)}
        {finding.overdue && <Badge tone="red"> Overdue</Badge>}
      </td>
      <td>{finding.correctiveAction ?? '—'}</td>
      <td>{FINDING_STATUS_LABELS[finding.status]}</td>
      <td>
        <div className="row">
          {moves.map((m) =>
            m === 'action_planned' && finding.status === 'open' ? (
              <Button
                key={m}
                size="sm"
                onClick={() => setPlanning(true)}
                aria-label={`Plan the action for ${finding.code}`}
              >
                {FINDING_MOVE_LABELS[m]}
              </Button>
            ) : (
              <Button
                key={m}
                size="sm"
                loading={move.isPending && move.variables === m}
                onClick={() => move.mutate(m)}
                aria-label={`${labelOf(m)}: ${finding.code}`}
              >
                {labelOf(m)}
              </Button>
            ),
          )}
        </div>
        {planning && <PlanDialog finding={finding} auditId={audit.id} onClose={() => setPlanning(false)} />}
      </td>
    </tr>
  );
}

function AuditActions({ audit }: { audit: AuditDetail }) {
  const client = useQueryClient();
  const [summary, setSummary] = useState(audit.summary ?? '');
  const move = useMutation({
    mutationFn: (to: AuditStatus) =>
      transitionAudit(audit.id, { version: audit.version, to, ...(to === 'reported' ? { summary } : {}) }),
    onSuccess: (next) => {
      client.setQueryData(auditKeys.detail(audit.id), next);
      void client.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
  const openFindings = audit.findings.filter((f) => f.status !== 'closed').length;
  return (
    <Card title="Progress">
      <div className="stack">
        {audit.status === 'in_progress' && (
          <Field label="Summary" hint="Needed to report the audit.">
            <Textarea rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
          </Field>
        )}
        {audit.summary && audit.status !== 'in_progress' && <p>{audit.summary}</p>}
        <div className="row">
          {audit.moves.map((m) => {
            const blocked =
              m === 'closed' && openFindings > 0
                ? `${openFindings} finding${openFindings === 1 ? ' is' : 's are'} not closed yet`
                : m === 'reported' && !summary.trim()
                  ? 'Write the summary first'
                  : null;
            return (
              <Button
                key={m}
                variant={m === 'cancelled' ? 'secondary' : 'primary'}
                disabled={blocked !== null}
                title={blocked ?? undefined}
                loading={move.isPending && move.variables === m}
                onClick={() => move.mutate(m)}
              >
                {MOVE_LABELS[m]}
              </Button>
            );
          })}
        </div>
        {audit.moves.includes('closed') && openFindings > 0 && (
          <p className="subtle">
            Closing waits for {openFindings} finding{openFindings === 1 ? '' : 's'} to be closed.
          </p>
        )}
        {move.isError && (
          <Alert tone="error" title="Not changed">
            {problemText(move.error)}
          </Alert>
        )}
      </div>
    </Card>
  );
}

export function AuditDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const [recording, setRecording] = useState(false);
  const q = useQuery({ queryKey: auditKeys.detail(id), queryFn: ({ signal }) => fetchAudit(id, signal) });
  if (q.isPending) return <LoadingState label="Loading the audit…" />;
  if (q.isError)
    return <ErrorState error={q.error} title="Could not load the audit" onRetry={() => q.refetch()} />;
  const a = q.data;
  const auditor = can('governance.manage');
  const running = a.status === 'in_progress' || a.status === 'reported';
  return (
    <div className="page">
      <PageHeader
        eyebrow={<Link to="/audits">Audits and reviews</Link>}
        title={`${a.code} ${a.title}`}
        documentTitle={`${a.code} ${a.title}`}
        subtitle={`${a.kind === 'peer_review' ? 'Peer review' : 'Audit'} of ${
          a.projectId ? `${a.projectCode} ${a.projectName}` : a.orgUnitName
        } · ${formatDate(a.scheduledFor)} · lead ${a.leadName ?? 'not named'}`}
        actions={<Badge tone={auditTone(a.status)}>{AUDIT_STATUS_LABELS[a.status]}</Badge>}
      />
      <div className="stack">
        {a.scope && (
          <Card title="Scope">
            <p>{a.scope}</p>
          </Card>
        )}
        {auditor && a.moves.length > 0 ? (
          <AuditActions key={a.version} audit={a} />
        ) : (
          a.summary && (
            <Card title="Summary">
              <p>{a.summary}</p>
            </Card>
          )
        )}
        <Card
          flush
          title="Findings"
          actions={
            auditor && running ? (
              <Button variant="primary" onClick={() => setRecording(true)}>
                Record a finding
              </Button>
            ) : undefined
          }
        >
          {a.findings.length === 0 ? (
            <EmptyState title="No findings">
              {running
                ? 'Findings recorded during the audit show here.'
                : 'Findings are recorded once the audit starts.'}
            </EmptyState>
          ) : (
            <table className="b-table" aria-label="Findings">
              <thead>
                <tr>
                  <th scope="col">Finding</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                  <th scope="col">Corrective action</th>
                  <th scope="col">Status</th>
                  <th scope="col">Next</th>
                </tr>
              </thead>
              <tbody>
                {a.findings.map((f) => (
                  <FindingRow key={`${f.id}-${f.version}`} finding={f} audit={a} auditor={auditor} />
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
      {recording && <FindingDialog audit={a} onClose={() => setRecording(false)} />}
    </div>
  );
}
