import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { describeError, isApiProblem } from '../../api/client.ts';
import { resourceKeys } from '../../api/resources.ts';
import {
  fetchTaskAssignments,
  scheduleKeys,
  setTaskAssignments,
  type Task,
  type TaskAssignmentList,
} from '../../api/schedule.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Input } from '../../design/Input.tsx';
import { Spinner } from '../../design/Spinner.tsx';
import { KIND_LABELS } from '../resources/resource-queries.ts';
import {
  type AssignmentDraft,
  type AssignmentErrors,
  buildAssignmentsBody,
  draftOf,
  formatHours,
  shownHours,
} from './assignment-model.ts';
import { ResourcePicker } from './ResourcePicker.tsx';

type Notice = { tone: 'warning' | 'error'; title: string; text: string };

/**
 * Who does the task's work, with units and work: edited as a draft and saved in one PUT under the
 * task's version, which reschedules the plan and changes the pool's load.
 */
export function TaskAssignments({ task, canEdit }: { task: Task; canEdit: boolean }) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const key = scheduleKeys.assignments(task.id);
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => fetchTaskAssignments(task.id, signal) });
  const [draft, setDraft] = useState<AssignmentDraft[] | null>(null);
  const [errors, setErrors] = useState<AssignmentErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);
  const duration = task.durationMinutes;
  const rows = draft ?? query.data?.items.map((item) => draftOf(item, duration)) ?? [];
  const { refetch } = query;
  const loadedVersion = query.data?.taskVersion;

  // The plan says the task changed since the list was read (someone else assigned people): read it again,
  // unless there are edits here, which the save will then check against the server.
  useEffect(() => {
    if (draft === null && loadedVersion !== undefined && task.version > loadedVersion) void refetch();
  }, [draft, loadedVersion, task.version, refetch]);

  const change = (next: AssignmentDraft[]) => {
    setDraft(next);
    setNotice(null);
  };
  const update = (resourceId: string, patch: Partial<AssignmentDraft>) =>
    change(rows.map((r) => (r.resourceId === resourceId ? { ...r, ...patch } : r)));

  const refreshPlan = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: scheduleKeys.view(task.projectId) }),
      // Prefixes of resourceKeys.capacity and .availability: every heatmap and search of free people.
      queryClient.invalidateQueries({ queryKey: [...resourceKeys.all, 'capacity'] }),
      queryClient.invalidateQueries({ queryKey: [...resourceKeys.all, 'availability'] }),
    ]);

  const save = async () => {
    if (!query.data || draft === null) return;
    const built = buildAssignmentsBody(draft, query.data.taskVersion);
    setErrors(built.errors ?? {});
    if (!built.body) return;
    setSaving(true);
    try {
      const saved = await setTaskAssignments(task.id, built.body);
      queryClient.setQueryData<TaskAssignmentList>(key, saved);
      setDraft(null);
      setNotice(null);
      await refreshPlan();
    } catch (error) {
      if (isApiProblem(error, 409)) {
        setDraft(null);
        setErrors({});
        setNotice({
          tone: 'warning',
          title: 'Someone else changed this task',
          text: 'The assignments were reloaded with their changes and nothing of yours was saved. Make your change again.',
        });
        await Promise.all([refetch(), refreshPlan()]);
      } else {
        setNotice({ tone: 'error', title: 'Could not save the assignments', text: describeError(error) });
      }
    } finally {
      setSaving(false);
    }
  };

  // Enter saves the assignments instead of submitting (and closing) the task form around them.
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void save();
  };

  const totalMinutes = task.workMinutes;

  return (
    <section className="task-dialog__section" aria-labelledby={headingId}>
      <h3 id={headingId} className="task-dialog__heading">
        Assignments
      </h3>
      {notice && (
        <Alert tone={notice.tone} title={notice.title}>
          {notice.text}
        </Alert>
      )}
      {query.isPending ? (
        <Spinner label="Loading the assignments" />
      ) : query.isError ? (
        <ErrorState
          error={query.error}
          title="Could not load the assignments"
          onRetry={() => void refetch()}
        />
      ) : (
        <>
          {rows.length === 0 ? (
            <p className="subtle task-assignments__empty">Nobody is assigned yet.</p>
          ) : (
            <table className="b-table task-assignments">
              <caption className="visually-hidden">Assignments of {task.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Person or role</th>
                  <th scope="col" className="num">
                    Units (%)
                  </th>
                  <th scope="col" className="num">
                    Work (h)
                  </th>
                  {canEdit && (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const rowErrors = errors[r.resourceId];
                  const errorId = `${headingId}-${r.resourceId}-error`;
                  const message = [rowErrors?.percent, rowErrors?.hours].filter(Boolean).join(' ');
                  return (
                    <tr key={r.resourceId}>
                      <td>
                        {r.resourceName}
                        <span className="cell-sub">{KIND_LABELS[r.kind] ?? r.kind}</span>
                        {message && (
                          <span className="b-field__error" id={errorId}>
                            {message}
                          </span>
                        )}
                      </td>
                      <td className="num">
                        {canEdit ? (
                          <Input
                            controlSize="sm"
                            inputMode="decimal"
                            className="task-assignments__number"
                            aria-label={`Units of ${r.resourceName} (%)`}
                            aria-invalid={rowErrors?.percent ? true : undefined}
                            aria-describedby={rowErrors?.percent ? errorId : undefined}
                            value={r.percent}
                            onChange={(e) => update(r.resourceId, { percent: e.target.value })}
                            onKeyDown={onEnter}
                          />
                        ) : (
                          `${r.percent} %`
                        )}
                      </td>
                      <td className="num">
                        {canEdit ? (
                          <Input
                            controlSize="sm"
                            inputMode="decimal"
                            className="task-assignments__number"
                            aria-label={`Work of ${r.resourceName} (hours)`}
                            aria-invalid={rowErrors?.hours ? true : undefined}
                            aria-describedby={rowErrors?.hours ? errorId : undefined}
                            value={shownHours(r, duration)}
                            onChange={(e) => update(r.resourceId, { hours: e.target.value })}
                            onKeyDown={onEnter}
                          />
                        ) : (
                          `${shownHours(r, duration)} h`
                        )}
                      </td>
                      {canEdit && (
                        <td className="task-links__actions">
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Remove ${r.resourceName}`}
                            onClick={() => change(rows.filter((x) => x.resourceId !== r.resourceId))}
                          >
                            Remove
                          </Button>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <p className="subtle task-assignments__total">
            Work on the task: <strong>{formatHours(totalMinutes)} h</strong>
            {canEdit && ' · Work follows duration × units until you type the hours.'}
          </p>
          {canEdit && (
            <div className="task-assignments__add">
              <ResourcePicker
                label="Assign a person or role"
                exclude={new Set(rows.map((r) => r.resourceId))}
                onPick={(r) =>
                  change([
                    ...rows,
                    { resourceId: r.id, resourceName: r.name, kind: r.kind, percent: '100', hours: null },
                  ])
                }
              />
              {draft !== null && (
                <Button
                  onClick={() => {
                    setDraft(null);
                    setErrors({});
                  }}
                  disabled={saving}
                >
                  Discard changes
                </Button>
              )}
              <Button onClick={() => void save()} disabled={draft === null} loading={saving}>
                Save assignments
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
