import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type UIEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../../api/client.ts';
import {
  createBaseline,
  createLink,
  createTask,
  deleteTask,
  fetchSchedule,
  fetchVariance,
  importMspdi,
  listBaselines,
  type ScheduleView,
  scheduleKeys,
  type Task,
  updateTask,
} from '../../api/schedule.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { useToast } from '../../design/Toast.tsx';
import { type BaselineBar, GanttChart } from './GanttChart.tsx';
import { MilestoneList } from './MilestoneList.tsx';
import { PlanSettingsDialog } from './PlanSettingsDialog.tsx';
import { ProblemsBanner } from './ProblemsBanner.tsx';
import { ScheduleToolbar } from './ScheduleToolbar.tsx';
import {
  HEADER_HEIGHT,
  indentBody,
  outdentBody,
  ROW_HEIGHT,
  rowWindow,
  timeScale,
  visibleRows,
  xOf,
  type Zoom,
} from './schedule-model.ts';
import { formatLocalDate, localDay, nowChartDay, shiftLocalDays } from './schedule-time.ts';
import { TaskDialog } from './TaskDialog.tsx';
import { TaskGrid } from './TaskGrid.tsx';
import { useScheduleEdit } from './use-schedule-edit.ts';

type Viewport = { top: number; height: number; left: number; width: number };

/** The zoom in the URL, or one that fits the plan: days for a few weeks, months for years. */
function readZoom(value: string | null, tasks: readonly Task[] | undefined): Zoom {
  if (value === 'day' || value === 'week' || value === 'month') return value;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const t of tasks ?? []) {
    if (t.start) min = Math.min(min, localDay(t.start));
    if (t.finish) max = Math.max(max, localDay(t.finish));
  }
  const span = max - min;
  return !Number.isFinite(span) || span > 240 ? 'month' : span > 14 ? 'week' : 'day';
}

/** The project's plan: a task grid and a Gantt chart side by side, both virtualised. */
export function ScheduleTab({ project }: { project: Project }) {
  const projectId = project.id;
  const { can } = useSession();
  const canEdit = can('project.update');
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [params, setParams] = useSearchParams();
  const mode = params.get('view') === 'milestones' ? 'milestones' : 'gantt';
  const baselineParam = params.get('baseline');
  const baselineNumber = baselineParam !== null && /^\d+$/.test(baselineParam) ? Number(baselineParam) : null;
  const setParam = (key: string, value: string | null) => {
    const p = new URLSearchParams(params);
    if (value === null) p.delete(key);
    else p.set(key, value);
    setParams(p, { replace: true });
  };

  const query = useQuery({
    queryKey: scheduleKeys.view(projectId),
    queryFn: ({ signal }) => fetchSchedule(projectId, signal),
    staleTime: 60_000,
  });
  const baselines = useQuery({
    queryKey: scheduleKeys.baselines(projectId),
    queryFn: ({ signal }) => listBaselines(projectId, signal).then((r) => r.items),
  });
  const variance = useQuery({
    queryKey: scheduleKeys.variance(projectId, baselineNumber ?? -1),
    queryFn: ({ signal }) => fetchVariance(projectId, baselineNumber ?? 0, signal),
    enabled: baselineNumber !== null,
  });
  const { edit, apply } = useScheduleEdit(projectId);

  const view = query.data;
  const tasks = view?.tasks;
  const zoom = useMemo(() => readZoom(params.get('zoom'), tasks), [params, tasks]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [anchorId, setAnchorId] = useState<string | null>(null);
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [confirm, setConfirm] = useState<'delete' | { file: File } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [reveal, setReveal] = useState<{ id: string; edit: boolean } | null>(null);

  const rows = useMemo(() => visibleRows(tasks ?? [], collapsed), [tasks, collapsed]);
  const rowIndexById = useMemo(() => new Map(rows.map((r) => [r.task.id, r.index])), [rows]);
  const taskById = useMemo(() => new Map((tasks ?? []).map((t) => [t.id, t])), [tasks]);
  const scale = useMemo(
    () => timeScale(tasks ?? [], zoom, [view?.settings.statusDate ?? null, view?.settings.start ?? null]),
    [tasks, zoom, view?.settings.statusDate, view?.settings.start],
  );
  const baselineBars = useMemo(() => {
    if (baselineNumber === null || !variance.data) return null;
    const map = new Map<string, BaselineBar>();
    for (const v of variance.data.tasks)
      map.set(v.taskId, { start: v.baselineStart, finish: v.baselineFinish });
    return map;
  }, [baselineNumber, variance.data]);

  // Scrolling: the chart and the grid share one vertical position; only rows in view are rendered.
  const gridRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  const [viewport, setViewport] = useState<Viewport>({ top: 0, height: 600, left: 0, width: 800 });
  const measure = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const chart = chartRef.current;
      if (!chart) return;
      const next = {
        top: chart.scrollTop,
        height: chart.clientHeight,
        left: chart.scrollLeft,
        width: chart.clientWidth,
      };
      setViewport((v) =>
        v.top === next.top && v.height === next.height && v.left === next.left && v.width === next.width
          ? v
          : next,
      );
    });
  }, []);
  const onGridScroll = (event: UIEvent<HTMLDivElement>) => {
    const top = event.currentTarget.scrollTop;
    if (chartRef.current && Math.abs(chartRef.current.scrollTop - top) >= 1) chartRef.current.scrollTop = top;
    measure();
  };
  const onChartScroll = (event: UIEvent<HTMLDivElement>) => {
    const top = event.currentTarget.scrollTop;
    if (gridRef.current && Math.abs(gridRef.current.scrollTop - top) >= 1) gridRef.current.scrollTop = top;
    measure();
  };
  const hasTasks = (tasks?.length ?? 0) > 0;
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || mode !== 'gantt' || !hasTasks) return;
    const observer = new ResizeObserver(measure);
    observer.observe(chart);
    measure();
    return () => observer.disconnect();
  }, [measure, mode, hasTasks]);

  // Start the chart at the plan's first week.
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    const chart = chartRef.current;
    const firstStart = tasks?.find((t) => t.start)?.start;
    if (!chart || !firstStart || scrolledFor.current === `${projectId}:${zoom}`) return;
    scrolledFor.current = `${projectId}:${zoom}`;
    chart.scrollLeft = Math.max(0, (localDay(firstStart) - scale.origin - 3) * scale.pxPerDay);
  }, [tasks, projectId, zoom, scale]);

  // Bring a row into view (after it was created, or chosen elsewhere) and optionally edit its name.
  useEffect(() => {
    if (!reveal) return;
    const index = rowIndexById.get(reveal.id);
    const grid = gridRef.current;
    if (index === undefined || !grid) return;
    const top = index * ROW_HEIGHT;
    const inner = grid.clientHeight - HEADER_HEIGHT - ROW_HEIGHT;
    if (top < grid.scrollTop || top > grid.scrollTop + inner) grid.scrollTop = Math.max(0, top - inner / 2);
    const id = reveal.id;
    const wantsEdit = reveal.edit;
    setReveal(null);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const row = grid.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`);
        const target = wantsEdit ? (row?.querySelector<HTMLInputElement>('input') ?? row) : row;
        target?.focus();
      }),
    );
  }, [reveal, rowIndexById]);

  const criticalCount = useMemo(() => (tasks ?? []).filter((t) => t.critical && !t.summary).length, [tasks]);
  const { first, last } = rowWindow(viewport.top, viewport.height, rows.length);

  const onSelect = (task: Task, how: 'only' | 'toggle' | 'range') => {
    if (how === 'toggle') {
      setSelected((s) => {
        const next = new Set(s);
        if (next.has(task.id)) next.delete(task.id);
        else next.add(task.id);
        return next;
      });
      setAnchorId(task.id);
    } else if (how === 'range' && anchorId && rowIndexById.has(anchorId)) {
      const a = rowIndexById.get(anchorId) ?? 0;
      const b = rowIndexById.get(task.id) ?? 0;
      setSelected(new Set(rows.slice(Math.min(a, b), Math.max(a, b) + 1).map((r) => r.task.id)));
    } else {
      setSelected(new Set([task.id]));
      setAnchorId(task.id);
    }
    setActiveId(task.id);
  };

  /** Makes a row the current one and brings its bar into view in the chart. */
  const activate = (id: string) => {
    setActiveId(id);
    const task = taskById.get(id);
    const chart = chartRef.current;
    if (!task?.start || !task.finish || !chart) return;
    const x1 = xOf(scale, task.start);
    const x2 = xOf(scale, task.finish);
    if (x2 < chart.scrollLeft + 16 || x1 > chart.scrollLeft + chart.clientWidth - 160) {
      chart.scrollLeft = Math.max(0, x1 - 48);
    }
  };

  const toggle = (task: Task, expand?: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      const open = expand ?? next.has(task.id);
      if (open) next.delete(task.id);
      else next.add(task.id);
      return next;
    });

  /** The selected tasks in plan order, read from the freshest cache. */
  const currentTasks = () =>
    queryClient.getQueryData<ScheduleView>(scheduleKeys.view(projectId))?.tasks ?? [];
  const selectedInOrder = () => currentTasks().filter((t) => selected.has(t.id));

  const addTask = async (milestone: boolean) => {
    const after = activeId ? taskById.get(activeId) : undefined;
    const before = new Set(currentTasks().map((t) => t.id));
    const change = await edit(
      () =>
        createTask(projectId, {
          name: milestone ? 'New milestone' : 'New task',
          ...(after ? { parentId: after.parentId, afterId: after.id } : {}),
          ...(milestone ? { milestone: true, durationMinutes: 0 } : {}),
        }),
      'Could not add the task',
    );
    const created = change?.tasks.find((t) => !before.has(t.id));
    if (created) {
      setSelected(new Set([created.id]));
      setActiveId(created.id);
      setAnchorId(created.id);
      setReveal({ id: created.id, edit: true });
    }
  };

  const reparent = async (how: 'indent' | 'outdent', ids?: readonly string[]) => {
    const chosen = ids ? currentTasks().filter((t) => ids.includes(t.id)) : selectedInOrder();
    for (const t of chosen) {
      const all = currentTasks();
      const fresh = all.find((x) => x.id === t.id);
      if (!fresh) continue;
      const body = how === 'indent' ? indentBody(all, fresh) : outdentBody(all, fresh);
      if (!body) continue;
      const ok = await edit(
        () => updateTask(fresh.id, body),
        how === 'indent' ? 'Could not indent' : 'Could not outdent',
      );
      if (!ok) break;
    }
  };

  const removeSelected = async () => {
    setConfirm(null);
    setBusy('delete');
    const chosen = selectedInOrder();
    for (const t of chosen.length > 0 ? chosen : currentTasks().filter((x) => x.id === activeId)) {
      if (!currentTasks().some((x) => x.id === t.id)) continue; // removed with its parent
      const ok = await edit(() => deleteTask(t.id), 'Could not delete the task');
      if (!ok) break;
    }
    setBusy(null);
    setSelected(new Set());
  };

  const linkSelected = async () => {
    const chain = selectedInOrder();
    for (let i = 1; i < chain.length; i++) {
      const a = chain[i - 1];
      const b = chain[i];
      if (!a || !b) continue;
      const ok = await edit(
        () => createLink({ predecessorId: a.id, successorId: b.id, type: 'FS' }),
        'Could not link the tasks',
      );
      if (!ok) break;
    }
  };

  const linkByDrag = (predecessorId: string, successorId: string) => {
    void edit(() => createLink({ predecessorId, successorId, type: 'FS' }), 'Could not link the tasks');
  };

  const moveByDrag = (task: Task, days: number) => {
    if (!task.start) return;
    const date = shiftLocalDays(task.start, days);
    void edit(
      () => updateTask(task.id, { version: task.version, constraintType: 'SNET', constraintDate: date }),
      'Could not move the task',
    );
  };

  const setBaseline = async () => {
    setBusy('baseline');
    try {
      const created = await createBaseline(projectId, {});
      showToast({
        tone: 'success',
        title: `${created.name} saved`,
        text: `${created.taskCount} tasks recorded as baseline ${created.number}.`,
      });
      queryClient.setQueryData<ScheduleView>(scheduleKeys.view(projectId), (v) =>
        v
          ? {
              ...v,
              baselines: [
                ...v.baselines.filter((b) => b.number !== created.number),
                { number: created.number, name: created.name, createdAt: created.createdAt },
              ].sort((a, b) => a.number - b.number),
            }
          : v,
      );
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.baselines(projectId) });
      await queryClient.invalidateQueries({ queryKey: ['schedule', 'variance', projectId] });
      setParam('baseline', String(created.number));
    } catch (error) {
      showToast({ tone: 'error', title: 'Could not set the baseline', text: describeError(error) });
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (file: File) => {
    setConfirm(null);
    setBusy('import');
    try {
      const xml = await file.text();
      const result = await importMspdi(projectId, xml);
      showToast({
        tone: 'success',
        title: `Imported ${file.name}`,
        text: `${result.tasks} tasks, ${result.links} links, ${result.calendars} calendars, ${result.baselines} baselines.`,
      });
      setCollapsed(new Set());
      setSelected(new Set());
      setActiveId(null);
      scrolledFor.current = null;
      await queryClient.invalidateQueries({ queryKey: ['schedule'] });
    } catch (error) {
      showToast({ tone: 'error', title: 'Could not import the file', text: describeError(error) });
    } finally {
      setBusy(null);
    }
  };

  const chooseFile = (file: File) => {
    if (hasTasks) setConfirm({ file });
    else void importFile(file);
  };

  if (query.isPending) return <LoadingState label="Loading the plan…" />;
  if (query.isError) {
    return <ErrorState error={query.error} title="Could not load the plan" onRetry={() => query.refetch()} />;
  }
  const settings = query.data.settings;
  const mpd = settings.minutesPerDay;
  const openTask = openTaskId ? taskById.get(openTaskId) : undefined;
  const selectedCount = [...selected].filter((id) => taskById.has(id)).length;

  return (
    <div className="schedule">
      <ScheduleToolbar
        projectId={projectId}
        canEdit={canEdit}
        selectedCount={selectedCount}
        hasTasks={hasTasks}
        busy={busy}
        zoom={zoom}
        mode={mode}
        baselineNumber={baselineNumber}
        baselines={baselines.data ?? query.data.baselines}
        onAddTask={() => void addTask(false)}
        onAddMilestone={() => void addTask(true)}
        onIndent={() => void reparent('indent')}
        onOutdent={() => void reparent('outdent')}
        onDelete={() => setConfirm('delete')}
        onLink={() => void linkSelected()}
        onSetBaseline={() => void setBaseline()}
        onBaseline={(n) => setParam('baseline', n === null ? null : String(n))}
        onZoom={(z) => setParam('zoom', z)}
        onImport={chooseFile}
        onPlanSettings={() => setSettingsOpen(true)}
      />
      <ProblemsBanner view={query.data} taskById={taskById} onShow={(id) => setOpenTaskId(id)} />
      {hasTasks && (
        <div className="schedule__summary-row">
          <p className="schedule__summary">
            <span>
              <strong>{query.data.tasks.length.toLocaleString()}</strong> tasks
            </span>
            <span>
              <strong>{query.data.links.length.toLocaleString()}</strong> links
            </span>
            <span>
              <strong className="schedule__critical-count">{criticalCount.toLocaleString()}</strong> critical
            </span>
            <span>
              {settings.scheduleFrom === 'start' ? 'Scheduled from start' : 'Start'}{' '}
              <strong>
                {formatLocalDate(
                  settings.scheduleFrom === 'start'
                    ? (settings.start ?? settings.computedStart)
                    : settings.computedStart,
                )}
              </strong>
            </span>
            <span>
              {settings.scheduleFrom === 'finish' ? 'Scheduled from finish' : 'Finish'}{' '}
              <strong>
                {formatLocalDate(
                  settings.scheduleFrom === 'finish'
                    ? (settings.finish ?? settings.computedFinish)
                    : settings.computedFinish,
                )}
              </strong>
            </span>
            {settings.statusDate && (
              <span>
                Status date <strong>{formatLocalDate(settings.statusDate)}</strong>
              </span>
            )}
            <span className="subtle">1 d = {mpd / 60} h of work</span>
          </p>
          <fieldset className="schedule-toolbar__segmented">
            <legend className="visually-hidden">Show</legend>
            <Button
              size="sm"
              variant="ghost"
              aria-pressed={mode === 'gantt'}
              onClick={() => setParam('view', null)}
            >
              Gantt
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-pressed={mode === 'milestones'}
              onClick={() => setParam('view', 'milestones')}
            >
              Milestones
            </Button>
          </fieldset>
        </div>
      )}
      {!hasTasks ? (
        <div className="schedule__empty">
          <EmptyState
            title="No tasks yet — add one or import a Microsoft Project file"
            icon="▤"
            actions={
              canEdit ? (
                <Button variant="primary" onClick={() => void addTask(false)}>
                  <span aria-hidden="true">+</span> Add a task
                </Button>
              ) : null
            }
          >
            Plans are scheduled like Microsoft Project: durations in working days, links, constraints and a
            critical path. You can also import an MSPDI (.xml) file with the Import button.
          </EmptyState>
        </div>
      ) : mode === 'milestones' ? (
        <MilestoneList
          tasks={query.data.tasks}
          minutesPerDay={mpd}
          variance={variance.data ?? null}
          baselineNumber={baselineNumber}
          onOpen={(t) => setOpenTaskId(t.id)}
        />
      ) : (
        <div className="schedule__split">
          <div className="schedule__grid-pane">
            <TaskGrid
              rows={rows}
              first={first}
              last={last}
              scrollRef={gridRef}
              onScroll={onGridScroll}
              minutesPerDay={mpd}
              activeId={activeId}
              selected={selected}
              collapsed={collapsed}
              canEdit={canEdit}
              onSelect={onSelect}
              onActivate={activate}
              onOpen={(t) => setOpenTaskId(t.id)}
              onToggle={toggle}
              onRename={(t, name) => void edit(() => updateTask(t.id, { version: t.version, name }))}
              onDuration={(t, minutes) =>
                void edit(() => updateTask(t.id, { version: t.version, durationMinutes: minutes }))
              }
              onShortcut={(what, task) => {
                if (!canEdit) return;
                // The keys act on the selection when the focused row is part of it, else on that row.
                if (!selected.has(task.id)) onSelect(task, 'only');
                const targets = selected.has(task.id) ? undefined : [task.id];
                if (what === 'insert') void addTask(false);
                else if (what === 'delete') setConfirm('delete');
                else void reparent(what, targets);
              }}
              onPercent={(t, percentComplete) =>
                void edit(() => updateTask(t.id, { version: t.version, percentComplete }))
              }
            />
          </div>
          <GanttChart
            rows={rows}
            first={first}
            last={last}
            scale={scale}
            scrollRef={chartRef}
            onScroll={onChartScroll}
            scrollLeft={viewport.left}
            viewportWidth={viewport.width}
            links={query.data.links}
            rowIndexById={rowIndexById}
            selected={selected}
            baseline={baselineBars}
            statusDate={settings.statusDate}
            todayDay={nowChartDay()}
            canEdit={canEdit}
            onSelect={(t) => onSelect(t, 'only')}
            onOpen={(t) => setOpenTaskId(t.id)}
            onMove={moveByDrag}
            onLink={linkByDrag}
          />
        </div>
      )}
      {openTask && (
        <TaskDialog
          key={openTask.id}
          task={openTask}
          view={query.data}
          taskById={taskById}
          canEdit={canEdit}
          edit={edit}
          onClose={() => setOpenTaskId(null)}
        />
      )}
      {settingsOpen && (
        <PlanSettingsDialog
          projectId={projectId}
          view={query.data}
          apply={apply}
          onClose={() => setSettingsOpen(false)}
        />
      )}
      <Dialog
        open={confirm === 'delete'}
        onClose={() => setConfirm(null)}
        title={selectedCount === 1 ? 'Delete this task?' : `Delete ${selectedCount} tasks?`}
        description="Subtasks are deleted with their summary, and links to them are removed. This cannot be undone."
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>Cancel</Button>
            <Button variant="danger" onClick={() => void removeSelected()} loading={busy === 'delete'}>
              Delete
            </Button>
          </>
        }
      />
      <Dialog
        open={confirm !== null && confirm !== 'delete'}
        onClose={() => setConfirm(null)}
        title="Replace the plan?"
        description={`Importing ${confirm !== null && confirm !== 'delete' ? confirm.file.name : 'the file'} replaces all ${query.data.tasks.length.toLocaleString()} tasks and their links with the file’s plan.`}
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>Cancel</Button>
            <Button
              variant="primary"
              onClick={() => {
                if (confirm !== null && confirm !== 'delete') void importFile(confirm.file);
              }}
            >
              Replace the plan
            </Button>
          </>
        }
      />
    </div>
  );
}
