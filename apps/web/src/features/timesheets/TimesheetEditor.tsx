import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiProblem } from '../../api/client.ts';
import { saveTimesheet, submitTimesheet, type Timesheet, timesheetKeys } from '../../api/resources.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { useToast } from '../../design/Toast.tsx';
import { formatWeekday, weekDays } from '../resources/week-dates.ts';
import { AddTimesheetRow } from './AddTimesheetRow.tsx';
import { TimesheetGrid } from './TimesheetGrid.tsx';
import {
  invalidCells,
  overfullDays,
  rowKey,
  rowsFromEntries,
  type TimesheetRow,
  toSaveBody,
} from './timesheet-model.ts';

/** One week's grid: edit, save with the version it started from, and submit for approval. */
export function TimesheetEditor({ sheet, resourceId }: { sheet: Timesheet; resourceId?: string }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const monday = sheet.weekStart;
  const [rows, setRows] = useState<TimesheetRow[]>(() => rowsFromEntries(sheet.entries, monday));
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const readOnly = sheet.locked || sheet.status === 'submitted' || sheet.status === 'approved';
  const invalid = invalidCells(rows);
  const overfull = overfullDays(rows);
  const days = weekDays(monday);

  const adopt = (t: Timesheet) => {
    queryClient.setQueryData(timesheetKeys.week(monday, resourceId), t);
    void queryClient.invalidateQueries({ queryKey: timesheetKeys.approvals });
  };
  const onError = (e: unknown) => {
    if (isApiProblem(e, 409) && e.currentVersion !== undefined) {
      void queryClient.invalidateQueries({ queryKey: timesheetKeys.week(monday, resourceId) });
      setError(
        'This timesheet was changed elsewhere (another tab or an approver). It has been reloaded; enter your change again.',
      );
    } else setError(describeError(e));
  };
  const save = useMutation({
    mutationFn: () => saveTimesheet(toSaveBody(rows, monday, sheet.version, resourceId)),
    onSuccess: (t) => {
      setDirty(false);
      setError(null);
      adopt(t);
      showToast({ tone: 'success', title: 'Timesheet saved', text: `${t.totalHours} hours this week.` });
    },
    onError,
  });
  const submit = useMutation({
    mutationFn: async () => {
      let current = sheet;
      if (dirty || !sheet.id)
        current = await saveTimesheet(toSaveBody(rows, monday, sheet.version, resourceId));
      if (!current.id) throw new Error('Enter some hours before submitting.');
      return submitTimesheet(current.id, current.version);
    },
    onSuccess: (t) => {
      setDirty(false);
      setError(null);
      adopt(t);
      showToast({
        tone: 'success',
        title: 'Timesheet submitted',
        text: 'The project managers will review it.',
      });
    },
    onError,
  });

  const blocked = invalid.size > 0 || overfull.length > 0;
  const change = (key: string, day: number, text: string) => {
    setRows(
      rows.map((r) => (r.key === key ? { ...r, hours: r.hours.map((h, i) => (i === day ? text : h)) } : r)),
    );
    setDirty(true);
  };
  const addRow = (r: Omit<TimesheetRow, 'key' | 'hours'>) => {
    const key = rowKey(r.projectId, r.taskId);
    if (rows.some((x) => x.key === key)) return;
    setRows([...rows, { ...r, key, hours: ['', '', '', '', '', '', ''] }]);
    setDirty(true);
  };

  return (
    <Card
      flush
      title="Hours"
      actions={
        !readOnly && (
          <>
            <Button loading={save.isPending} disabled={blocked || !dirty} onClick={() => save.mutate()}>
              Save
            </Button>
            <Button
              variant="primary"
              loading={submit.isPending}
              disabled={blocked || rows.length === 0}
              onClick={() => submit.mutate()}
            >
              Submit for approval
            </Button>
          </>
        )
      }
    >
      {error && <Alert tone="error">{error}</Alert>}
      {invalid.size > 0 && (
        <Alert tone="warning">Some cells are not a number of hours between 0 and 24.</Alert>
      )}
      {overfull.length > 0 && (
        <Alert tone="warning">
          More than 24 hours on {overfull.map((d) => formatWeekday(days[d] ?? monday)).join(', ')}.
        </Alert>
      )}
      {rows.length === 0 && readOnly ? (
        <EmptyState title="No hours logged">Nothing was logged this week.</EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No hours yet">Add a row for each project (or task) you worked on.</EmptyState>
      ) : (
        <TimesheetGrid
          rows={rows}
          monday={monday}
          readOnly={readOnly}
          invalid={invalid}
          onChange={change}
          onRemove={(key) => {
            setRows(rows.filter((r) => r.key !== key));
            setDirty(true);
          }}
        />
      )}
      {!readOnly && (
        <div className="card-form">
          <AddTimesheetRow onAdd={addRow} />
        </div>
      )}
    </Card>
  );
}
