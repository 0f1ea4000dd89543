import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/client.ts';
import { fetchTimesheetLock, setTimesheetLock, timesheetKeys } from '../../api/resources.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { useToast } from '../../design/Toast.tsx';

/** Closes timesheet periods: weeks ending on or before the date can no longer change. */
export function TimesheetLockCard() {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const lock = useQuery({
    queryKey: timesheetKeys.lock,
    queryFn: ({ signal }) => fetchTimesheetLock(signal),
  });
  const [date, setDate] = useState('');
  const save = useMutation({
    mutationFn: (lockedThrough: string | null) => setTimesheetLock(lockedThrough),
    onSuccess: (next) => {
      queryClient.setQueryData(timesheetKeys.lock, next);
      void queryClient.invalidateQueries({ queryKey: timesheetKeys.all });
      setDate('');
      showToast({
        tone: 'success',
        title: next.lockedThrough ? 'Period locked' : 'Timesheets unlocked',
        text: next.lockedThrough
          ? `Weeks ending on or before ${formatDate(next.lockedThrough)} can no longer change.`
          : 'Every week can be edited again.',
      });
    },
  });
  const current = lock.data?.lockedThrough ?? null;
  return (
    <Card
      title="Locked periods"
      description="Close a period once its hours are reported: nothing logged in it can change afterwards."
    >
      {lock.isPending ? (
        <LoadingState label="Loading the lock…" />
      ) : lock.isError ? (
        <ErrorState error={lock.error} title="Could not load the lock" onRetry={() => lock.refetch()} />
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (date) save.mutate(date);
          }}
        >
          <p>
            {current
              ? `Locked through ${formatDate(current)}${lock.data?.updatedBy ? ` by ${lock.data.updatedBy}` : ''}${lock.data?.updatedAt ? `, ${formatDateTime(lock.data.updatedAt)}` : ''}.`
              : 'No period is locked.'}
          </p>
          {save.isError && <Alert tone="error">{describeError(save.error)}</Alert>}
          <div className="inline-form">
            <Field label="Lock through" hint="The last day of the closed period">
              <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </Field>
            <Button
              type="submit"
              variant="primary"
              disabled={!date}
              loading={save.isPending && save.variables !== null}
            >
              Lock
            </Button>
            {current && (
              <Button onClick={() => save.mutate(null)} loading={save.isPending && save.variables === null}>
                Unlock all
              </Button>
            )}
          </div>
        </form>
      )}
    </Card>
  );
}
