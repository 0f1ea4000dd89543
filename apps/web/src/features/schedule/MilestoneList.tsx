import { useMemo } from 'react';
import type { BaselineVariance, Task } from '../../api/schedule.ts';
import { Badge } from '../../design/Badge.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { Table } from '../../design/Table.tsx';
import { formatDays, formatLocalDate, formatLocalDateTime } from './schedule-time.ts';

/** The plan's milestones with their dates, float, criticality and slip against the chosen baseline. */
export function MilestoneList({
  tasks,
  minutesPerDay,
  variance,
  baselineNumber,
  onOpen,
}: {
  tasks: readonly Task[];
  minutesPerDay: number;
  variance: BaselineVariance | null;
  baselineNumber: number | null;
  onOpen: (task: Task) => void;
}) {
  const milestones = useMemo(
    () => tasks.filter((t) => t.milestone || (t.durationMinutes === 0 && !t.summary)),
    [tasks],
  );
  const byTask = useMemo(() => new Map((variance?.tasks ?? []).map((v) => [v.taskId, v])), [variance]);
  if (milestones.length === 0) {
    return (
      <Card as="div">
        <EmptyState title="No milestones in this plan" icon="◆">
          Add one with the Milestone button, or give a task a duration of 0 days.
        </EmptyState>
      </Card>
    );
  }
  const withBaseline = baselineNumber !== null;
  return (
    <Card flush as="div">
      <Table aria-label="Milestones">
        <thead>
          <tr>
            <th scope="col">WBS</th>
            <th scope="col">Milestone</th>
            <th scope="col">Date</th>
            <th scope="col" className="num">
              Total float
            </th>
            <th scope="col">Critical</th>
            {withBaseline && <th scope="col">Baseline date</th>}
            {withBaseline && (
              <th scope="col" className="num">
                Variance
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {milestones.map((m) => {
            const v = byTask.get(m.id);
            const slip = v?.finishVarianceMinutes ?? null;
            const late = m.deadline && m.finish && m.finish > m.deadline;
            return (
              <tr key={m.id}>
                <td className="mono">{m.wbs}</td>
                <td className="milestone-name">
                  <button type="button" className="link-button" onClick={() => onOpen(m)}>
                    <span
                      aria-hidden="true"
                      className={m.critical ? 'milestone-diamond is-critical' : 'milestone-diamond'}
                    />
                    {m.name}
                  </button>
                  {late && (
                    <span className="cell-sub milestone-late">
                      Past its deadline {formatLocalDate(m.deadline)}
                    </span>
                  )}
                </td>
                <td title={formatLocalDateTime(m.finish)}>{formatLocalDate(m.finish)}</td>
                <td className="num">{formatDays(m.totalFloatMinutes, minutesPerDay)}</td>
                <td>
                  {m.critical ? <Badge tone="red">Critical</Badge> : <span className="subtle">No</span>}
                </td>
                {withBaseline && (
                  <td>{v ? formatLocalDate(v.baselineFinish) : <span className="subtle">—</span>}</td>
                )}
                {withBaseline && (
                  <td className="num">
                    {slip === null ? (
                      <span className="subtle">—</span>
                    ) : slip === 0 ? (
                      <Badge tone="green">On baseline</Badge>
                    ) : (
                      <Badge tone={slip > 0 ? 'red' : 'green'}>
                        {slip > 0 ? '+' : '−'}
                        {formatDays(Math.abs(slip), minutesPerDay)}
                      </Badge>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
