import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchSchedule, scheduleKeys } from '../../api/schedule.ts';
import { Button } from '../../design/Button.tsx';
import { Select } from '../../design/Select.tsx';
import { useProjectDirectory } from '../resources/resource-queries.ts';

/** Picks a project (and optionally one of its tasks) for a new line of the timesheet. */
export function AddTimesheetRow({
  onAdd,
}: {
  onAdd: (row: {
    projectId: string;
    projectLabel: string;
    taskId: string | null;
    taskName: string | null;
  }) => void;
}) {
  const projects = useProjectDirectory();
  const [projectId, setProjectId] = useState('');
  const [taskId, setTaskId] = useState('');
  const schedule = useQuery({
    queryKey: scheduleKeys.view(projectId),
    queryFn: ({ signal }) => fetchSchedule(projectId, signal),
    enabled: Boolean(projectId),
    retry: false,
  });
  const tasks = (schedule.data?.tasks ?? []).filter((t) => !t.summary);
  const project = projects.data?.find((p) => p.id === projectId);
  const add = () => {
    if (!project) return;
    const task = tasks.find((t) => t.id === taskId);
    onAdd({
      projectId: project.id,
      projectLabel: `${project.code} ${project.name}`,
      taskId: task?.id ?? null,
      taskName: task?.name ?? null,
    });
    setProjectId('');
    setTaskId('');
  };
  return (
    <div className="inline-form">
      <span className="b-field">
        <label className="b-field__label" htmlFor="ts-add-project">
          Project
        </label>
        <Select
          id="ts-add-project"
          controlSize="sm"
          value={projectId}
          placeholder="Choose a project"
          options={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          onChange={(e) => {
            setProjectId(e.target.value);
            setTaskId('');
          }}
        />
      </span>
      <span className="b-field">
        <label className="b-field__label" htmlFor="ts-add-task">
          Task (optional)
        </label>
        <Select
          id="ts-add-task"
          controlSize="sm"
          value={taskId}
          disabled={!projectId || tasks.length === 0}
          placeholder={projectId && tasks.length === 0 ? 'No tasks' : 'Whole project'}
          options={tasks.map((t) => ({ value: t.id, label: `${t.wbs} ${t.name}` }))}
          onChange={(e) => setTaskId(e.target.value)}
        />
      </span>
      <Button size="sm" disabled={!project} onClick={add}>
        Add row
      </Button>
    </div>
  );
}
