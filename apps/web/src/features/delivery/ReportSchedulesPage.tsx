import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError, saveBlob } from '../../api/client.ts';
import {
  deleteReportSchedule,
  deliveryKeys,
  downloadReportFile,
  getJob,
  listReportFiles,
  listReportKinds,
  listReportSchedules,
  type ReportSchedule,
  runReportSchedule,
} from '../../api/delivery.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDateTime } from '../../design/format.ts';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { ScheduleDialog } from './ScheduleDialog.tsx';
import { describeCadence } from './schedule-form.ts';

const DONE = new Set(['succeeded', 'failed', 'cancelled']);
const sizeOf = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

function LastRun({ s }: { s: ReportSchedule }) {
  if (!s.lastRunAt) return <span className="subtle">Never</span>;
  const tone = s.lastStatus === 'succeeded' ? 'green' : s.lastStatus === 'failed' ? 'red' : 'blue';
  return (
    <div>
      <div>{formatDateTime(s.lastRunAt)}</div>
      <Badge tone={tone} dot>
        {s.lastStatus ?? '—'}
      </Badge>
      {s.lastError && <p className="cell-secondary">{s.lastError}</p>}
    </div>
  );
}

/** The PMO's scheduled reports: what runs when and where it goes, run now, and the files saved. */
export function ReportSchedulesPage() {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [params, setParams] = useSearchParams();
  const scheduleFilter = params.get('schedule');
  const schedules = useQuery({
    queryKey: deliveryKeys.schedules,
    queryFn: ({ signal }) => listReportSchedules(signal),
  });
  const kinds = useQuery({ queryKey: deliveryKeys.kinds, queryFn: ({ signal }) => listReportKinds(signal) });
  const files = useQuery({
    queryKey: deliveryKeys.files(scheduleFilter),
    queryFn: ({ signal }) => listReportFiles(scheduleFilter, signal),
  });
  const [editing, setEditing] = useState<ReportSchedule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ReportSchedule | null>(null);
  const [running, setRunning] = useState<Set<string>>(new Set());
  const refresh = () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all });

  const run = async (s: ReportSchedule) => {
    setRunning((r) => new Set(r).add(s.id));
    try {
      const { jobId } = await runReportSchedule(s.id);
      showToast({ tone: 'info', title: `Running “${s.name}”…` });
      let job = await getJob(jobId);
      for (let i = 0; i < 120 && !DONE.has(job.status); i++) {
        await new Promise((r) => setTimeout(r, 1000));
        job = await getJob(jobId);
      }
      if (job.status === 'succeeded')
        showToast({
          tone: 'success',
          title: `“${s.name}” delivered`,
          text: s.delivery === 'save' ? 'The file is below.' : 'E-mailed.',
        });
      else showToast({ tone: 'error', title: `“${s.name}” failed`, text: job.error ?? job.status });
    } catch (e) {
      showToast({ tone: 'error', title: `Could not run “${s.name}”`, text: describeError(e) });
    } finally {
      setRunning((r) => {
        const next = new Set(r);
        next.delete(s.id);
        return next;
      });
      void refresh();
    }
  };
  const remove = useMutation({
    mutationFn: (s: ReportSchedule) => deleteReportSchedule(s.id, s.version),
    onSuccess: () => {
      setDeleting(null);
      showToast({ tone: 'success', title: 'Schedule deleted', text: 'Its saved files stay.' });
      void refresh();
    },
    onError: (e) => showToast({ tone: 'error', title: 'Could not delete', text: describeError(e) }),
  });
  const download = async (id: string) => {
    try {
      const { blob, fileName } = await downloadReportFile(id);
      saveBlob(blob, fileName);
    } catch (e) {
      showToast({ tone: 'error', title: 'Download failed', text: describeError(e) });
    }
  };
  const kindTitle = (k: string) => kinds.data?.items.find((x) => x.kind === k)?.title ?? k;

  return (
    <div className="page">
      <PageHeader
        title="Scheduled reports"
        subtitle="Reports Baton produces on a cadence and e-mails or saves here. Times are UTC."
        actions={
          <Button variant="primary" onClick={() => setEditing('new')} disabled={!kinds.isSuccess}>
            New schedule
          </Button>
        }
      />
      <div className="stack">
        <Card title="Schedules" flush>
          {schedules.isPending ? (
            <LoadingState />
          ) : schedules.isError ? (
            <ErrorState error={schedules.error} onRetry={() => schedules.refetch()} />
          ) : schedules.data.items.length === 0 ? (
            <EmptyState title="No scheduled reports yet" icon="◷">
              Schedule the status report overview to land in your inbox every Monday, or be saved here
              monthly.
            </EmptyState>
          ) : (
            <Table scrollLabel="Report schedules">
              <caption className="visually-hidden">Report schedules</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Report</th>
                  <th scope="col">When</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Delivery</th>
                  <th scope="col">Next run</th>
                  <th scope="col">Last run</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {schedules.data.items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <strong>{s.name}</strong>
                    </td>
                    <td>
                      {kindTitle(s.kind)} <span className="cell-secondary">· {s.format.toUpperCase()}</span>
                    </td>
                    <td>{describeCadence(s)}</td>
                    <td>{s.orgUnitName ?? 'Whole organisation'}</td>
                    <td>{s.delivery === 'save' ? 'Saved' : `E-mail to ${s.recipients.join(', ')}`}</td>
                    <td>
                      {s.enabled && s.nextRunAt ? (
                        formatDateTime(s.nextRunAt)
                      ) : (
                        <Badge tone="gray">Paused</Badge>
                      )}
                    </td>
                    <td>
                      <LastRun s={s} />
                    </td>
                    <td className="num">
                      <div className="row">
                        <Button
                          size="sm"
                          onClick={() => run(s)}
                          disabled={running.has(s.id)}
                          aria-label={`Run now: ${s.name}`}
                        >
                          {running.has(s.id) ? 'Running…' : 'Run now'}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => setEditing(s)}
                          aria-label={`Edit ${s.name}`}
                        >
                          Edit
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => setDeleting(s)}
                          aria-label={`Delete ${s.name}`}
                        >
                          Delete
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card
          title="Saved files"
          flush
          actions={
            schedules.isSuccess &&
            schedules.data.items.length > 0 && (
              <Field label="Schedule">
                <Select
                  controlSize="sm"
                  value={scheduleFilter ?? ''}
                  options={[
                    { value: '', label: 'All schedules' },
                    ...schedules.data.items.map((s) => ({ value: s.id, label: s.name })),
                  ]}
                  onChange={(e) =>
                    setParams((p) => {
                      if (e.target.value) p.set('schedule', e.target.value);
                      else p.delete('schedule');
                      return p;
                    })
                  }
                />
              </Field>
            )
          }
        >
          {files.isPending ? (
            <LoadingState />
          ) : files.isError ? (
            <ErrorState error={files.error} onRetry={() => files.refetch()} />
          ) : files.data.items.length === 0 ? (
            <EmptyState title="No saved files" icon="▤">
              Files of schedules delivered as “Save in Baton” appear here.
            </EmptyState>
          ) : (
            <Table scrollLabel="Saved report files">
              <caption className="visually-hidden">Saved report files</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Schedule</th>
                  <th scope="col">Size</th>
                  <th scope="col">Produced</th>
                  <th scope="col">
                    <span className="visually-hidden">Download</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {files.data.items.map((f) => (
                  <tr key={f.id}>
                    <td className="mono">{f.fileName}</td>
                    <td>{f.scheduleName ?? '—'}</td>
                    <td className="num">{sizeOf(f.sizeBytes)}</td>
                    <td>{formatDateTime(f.createdAt)}</td>
                    <td className="num">
                      <Button size="sm" onClick={() => download(f.id)} aria-label={`Download ${f.fileName}`}>
                        Download
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
      {kinds.isSuccess && (
        <ScheduleDialog
          open={editing !== null}
          schedule={editing === 'new' ? null : editing}
          kinds={kinds.data}
          onClose={() => setEditing(null)}
        />
      )}
      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete “${deleting?.name ?? ''}”?`}
        description="It stops running. Files it saved stay downloadable."
        footer={
          <>
            <Button variant="ghost" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              onClick={() => deleting && remove.mutate(deleting)}
              disabled={remove.isPending}
            >
              Delete
            </Button>
          </>
        }
      />
    </div>
  );
}
