import {
  type CSSProperties,
  type MouseEvent,
  memo,
  type PointerEvent,
  type RefObject,
  type UIEvent,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Task, TaskLink } from '../../api/schedule.ts';
import { joinClassNames } from '../../design/class-names.ts';
import {
  HEADER_HEIGHT,
  linkAnchors,
  linkPath,
  ROW_HEIGHT,
  type Row,
  type TimeScale,
  xOf,
} from './schedule-model.ts';
import { formatLocalDate, shiftLocalDays } from './schedule-time.ts';
import { headerTiers } from './timescale.ts';

export type BaselineBar = { start: string | null; finish: string | null };

export type GanttChartProps = {
  rows: readonly Row[];
  first: number;
  last: number;
  scale: TimeScale;
  scrollRef: RefObject<HTMLDivElement | null>;
  onScroll: (event: UIEvent<HTMLDivElement>) => void;
  scrollLeft: number;
  viewportWidth: number;
  links: readonly TaskLink[];
  rowIndexById: ReadonlyMap<string, number>;
  selected: ReadonlySet<string>;
  baseline: ReadonlyMap<string, BaselineBar> | null;
  statusDate: string | null;
  todayDay: number;
  canEdit: boolean;
  onSelect: (task: Task) => void;
  onOpen: (task: Task) => void;
  onMove: (task: Task, days: number) => void;
  onLink: (predecessorId: string, successorId: string) => void;
};

type Drag =
  | { kind: 'move'; task: Task; originX: number; dx: number; moved: boolean }
  | { kind: 'link'; from: Task; x1: number; y1: number; x2: number; y2: number; targetId: string | null };

const BAR_TOP = 8;
const BAR_HEIGHT = 16;
const MILESTONE_HALF = 7;

/** Bar geometry of a task in chart pixels; null when it has no dates. */
function barOf(task: Task, scale: TimeScale): { x: number; width: number } | null {
  if (!task.start || !task.finish) return null;
  const x = xOf(scale, task.start);
  const end = xOf(scale, task.finish);
  return { x, width: Math.max(end - x, 2) };
}

function isMilestone(task: Task): boolean {
  return task.milestone || (task.durationMinutes === 0 && !task.summary);
}

/**
 * The Gantt chart: a decorative picture of what the task grid says (aria-hidden; the grid carries
 * the information). Only rows in view are drawn; the time header stays at the top while scrolling.
 */
export function GanttChart(props: GanttChartProps) {
  const { rows, first, last, scale } = props;
  const bodyRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const visible = rows.slice(first, last + 1);

  const fromDay = scale.origin + Math.floor((props.scrollLeft - 300) / scale.pxPerDay);
  const toDay = scale.origin + Math.ceil((props.scrollLeft + props.viewportWidth + 300) / scale.pxPerDay);
  const tiers = useMemo(
    () => headerTiers(scale, Math.max(scale.origin, fromDay), Math.min(scale.origin + scale.days, toDay)),
    [scale, fromDay, toDay],
  );

  const arrows = useMemo(() => {
    const out: { id: string; d: string; critical: boolean }[] = [];
    for (const link of props.links) {
      const i1 = props.rowIndexById.get(link.predecessorId);
      const i2 = props.rowIndexById.get(link.successorId);
      if (i1 === undefined || i2 === undefined) continue;
      if (Math.max(i1, i2) < first || Math.min(i1, i2) > last) continue;
      const pred = rows[i1]?.task;
      const succ = rows[i2]?.task;
      if (!pred?.start || !pred.finish || !succ?.start || !succ.finish) continue;
      const { from, to } = linkAnchors(link.type);
      const side = (task: Task, which: 'start' | 'finish', sign: number) => {
        const x = xOf(scale, which === 'start' ? (task.start ?? '') : (task.finish ?? ''));
        return isMilestone(task) ? x + sign * MILESTONE_HALF : x;
      };
      const x1 = side(pred, from, from === 'start' ? -1 : 1);
      const x2 = side(succ, to, to === 'start' ? -1 : 1);
      const y1 = i1 * ROW_HEIGHT + ROW_HEIGHT / 2;
      const y2 = i2 * ROW_HEIGHT + ROW_HEIGHT / 2;
      out.push({
        id: link.id,
        d: linkPath(x1, y1, from, x2, y2, to),
        critical: pred.critical && succ.critical,
      });
    }
    return out;
  }, [props.links, props.rowIndexById, rows, first, last, scale]);

  const pointIn = (event: PointerEvent) => {
    const rect = bodyRef.current?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  };

  /** The task whose bar, diamond or summary bracket the event happened on. */
  const taskAt = (target: EventTarget | null): { task: Task; index: number; handle: boolean } | null => {
    if (!(target instanceof Element)) return null;
    const el = target.closest<HTMLElement>('[data-task-id]');
    const index = el?.dataset.taskId ? props.rowIndexById.get(el.dataset.taskId) : undefined;
    const task = index === undefined ? undefined : rows[index]?.task;
    if (!task || index === undefined) return null;
    return { task, index, handle: target.closest('[data-link-handle]') !== null };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const hit = taskAt(event.target);
    if (!hit) return;
    const { task, index } = hit;
    if (hit.handle && task.finish) {
      event.currentTarget.setPointerCapture(event.pointerId);
      const p = pointIn(event);
      const x1 = xOf(scale, task.finish);
      const y1 = index * ROW_HEIGHT + ROW_HEIGHT / 2;
      setDrag({ kind: 'link', from: task, x1, y1, x2: p.x, y2: p.y, targetId: null });
      return;
    }
    props.onSelect(task);
    if (!props.canEdit || task.summary || rows[index]?.hasChildren) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ kind: 'move', task, originX: event.clientX, dx: 0, moved: false });
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const hit = taskAt(event.target);
    if (hit) props.onOpen(hit.task);
  };

  const onPointerMove = (event: PointerEvent) => {
    if (!drag) return;
    if (drag.kind === 'move') {
      const dx = event.clientX - drag.originX;
      setDrag({ ...drag, dx, moved: drag.moved || Math.abs(dx) > 3 });
    } else {
      const p = pointIn(event);
      const under = document.elementFromPoint(event.clientX, event.clientY);
      const targetId = under?.closest<HTMLElement>('[data-task-id]')?.dataset.taskId ?? null;
      setDrag({ ...drag, x2: p.x, y2: p.y, targetId: targetId === drag.from.id ? null : targetId });
    }
  };

  const onPointerUp = () => {
    if (!drag) return;
    setDrag(null);
    if (drag.kind === 'move') {
      const days = Math.round(drag.dx / scale.pxPerDay);
      if (drag.moved && days !== 0) props.onMove(drag.task, days);
    } else if (drag.targetId) {
      props.onLink(drag.from.id, drag.targetId);
    }
  };

  const status = props.statusDate ? xOf(scale, props.statusDate) : null;
  const today = (props.todayDay - scale.origin) * scale.pxPerDay;
  const bodyHeight = rows.length * ROW_HEIGHT;
  const bodyStyle: CSSProperties = {
    height: bodyHeight,
    width: scale.width,
    ['--day-px' as string]: `${scale.pxPerDay}px`,
  };

  const moveDays = drag?.kind === 'move' ? Math.round(drag.dx / scale.pxPerDay) : 0;

  return (
    <section
      className="gantt-scroll"
      ref={props.scrollRef}
      onScroll={props.onScroll}
      aria-label="Gantt chart (scroll to move through time)"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable from the keyboard
      tabIndex={0}
    >
      <div className="gantt" aria-hidden="true" style={{ width: scale.width }}>
        <div className="gantt__header" style={{ width: scale.width, height: HEADER_HEIGHT }}>
          <div className="gantt__tier gantt__tier--top">
            {tiers.top.map((t) => (
              <div key={t.key} className="gantt__tick" style={{ left: t.x, width: t.width }}>
                <span>{t.label}</span>
              </div>
            ))}
          </div>
          <div className="gantt__tier gantt__tier--bottom">
            {tiers.bottom.map((t) => (
              <div
                key={t.key}
                className={joinClassNames('gantt__tick', t.weekend && 'is-weekend')}
                style={{ left: t.x, width: t.width }}
              >
                <span>{t.label}</span>
              </div>
            ))}
          </div>
          {today >= 0 && today <= scale.width && (
            <span className="gantt__flag gantt__flag--today" style={{ left: today }}>
              Today
            </span>
          )}
          {status !== null && (
            <span className="gantt__flag gantt__flag--status" style={{ left: status }}>
              Status
            </span>
          )}
        </div>
        {/* Mouse-only shortcuts: the task grid and the task dialog do all of this from the keyboard. */}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: the chart is a decorative mirror of the grid */}
        <div
          ref={bodyRef}
          className={joinClassNames('gantt__body', `gantt__body--${scale.zoom}`, drag && 'is-dragging')}
          style={bodyStyle}
          onPointerDown={onPointerDown}
          onDoubleClick={onDoubleClick}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
        >
          {visible.map((row) =>
            props.selected.has(row.task.id) ? (
              <div
                key={`sel-${row.task.id}`}
                className="gantt__selection"
                style={{ top: row.index * ROW_HEIGHT }}
              />
            ) : null,
          )}
          {today >= 0 && today <= scale.width && (
            <div className="gantt__line gantt__line--today" style={{ left: today }} />
          )}
          {status !== null && <div className="gantt__line gantt__line--status" style={{ left: status }} />}
          <svg
            className="gantt__links"
            width={scale.width}
            height={(last - first + 1) * ROW_HEIGHT}
            style={{ top: first * ROW_HEIGHT }}
            role="presentation"
          >
            <defs>
              <marker
                id="gantt-arrow"
                viewBox="0 0 8 8"
                refX="7"
                refY="4"
                markerWidth="7"
                markerHeight="7"
                orient="auto"
              >
                <path d="M0,0 L8,4 L0,8 z" className="gantt__arrowhead" />
              </marker>
              <marker
                id="gantt-arrow-critical"
                viewBox="0 0 8 8"
                refX="7"
                refY="4"
                markerWidth="7"
                markerHeight="7"
                orient="auto"
              >
                <path d="M0,0 L8,4 L0,8 z" className="gantt__arrowhead gantt__arrowhead--critical" />
              </marker>
            </defs>
            <g transform={`translate(0 ${-first * ROW_HEIGHT})`}>
              {arrows.map((a) => (
                <path
                  key={a.id}
                  d={a.d}
                  className={joinClassNames('gantt__link', a.critical && 'is-critical')}
                  markerEnd={a.critical ? 'url(#gantt-arrow-critical)' : 'url(#gantt-arrow)'}
                />
              ))}
              {drag?.kind === 'link' && (
                <path
                  className="gantt__rubber"
                  d={`M${drag.x1},${drag.y1} L${drag.x2},${drag.y2}`}
                  markerEnd="url(#gantt-arrow)"
                />
              )}
            </g>
          </svg>
          {visible.map((row) => (
            <GanttRow
              key={row.task.id}
              row={row}
              scale={scale}
              baseline={props.baseline?.get(row.task.id) ?? null}
              canEdit={props.canEdit}
              linkTarget={drag?.kind === 'link' && drag.targetId === row.task.id}
            />
          ))}
          {drag?.kind === 'move' && drag.moved && (
            <MoveGhost
              task={drag.task}
              scale={scale}
              dx={drag.dx}
              days={moveDays}
              index={props.rowIndexById.get(drag.task.id) ?? 0}
            />
          )}
        </div>
      </div>
    </section>
  );
}

function MoveGhost({
  task,
  scale,
  dx,
  days,
  index,
}: {
  task: Task;
  scale: TimeScale;
  dx: number;
  days: number;
  index: number;
}) {
  const bar = barOf(task, scale);
  if (!bar || !task.start) return null;
  const snapped = days * scale.pxPerDay;
  return (
    <>
      <div
        className="gantt__ghost"
        style={{ left: bar.x + snapped, width: bar.width, top: index * ROW_HEIGHT + BAR_TOP - 2 }}
      />
      <div className="gantt__drag-tip" style={{ left: bar.x + dx, top: index * ROW_HEIGHT - 22 }}>
        Start no earlier than {formatLocalDate(shiftLocalDays(task.start, days))}
      </div>
    </>
  );
}

const GanttRow = memo(function GanttRow({
  row,
  scale,
  baseline,
  canEdit,
  linkTarget,
}: {
  row: Row;
  scale: TimeScale;
  baseline: BaselineBar | null;
  canEdit: boolean;
  linkTarget: boolean;
}) {
  const { task, index, hasChildren } = row;
  const top = index * ROW_HEIGHT;
  const bar = barOf(task, scale);
  const base =
    baseline?.start && baseline.finish
      ? { x: xOf(scale, baseline.start), end: xOf(scale, baseline.finish) }
      : null;
  const label = (x: number) => (
    <span className="gantt__label" style={{ left: x + 8, top: top + 8 }}>
      {task.name}
    </span>
  );
  if (!bar) return null;
  const summary = hasChildren || task.summary;
  return (
    <>
      {base && (
        <div
          className={joinClassNames('gantt__baseline', base.end - base.x < 1 && 'is-milestone')}
          style={{ left: base.x, width: base.end - base.x < 1 ? 8 : base.end - base.x, top: top + 25 }}
        />
      )}
      {isMilestone(task) ? (
        <div
          className={joinClassNames(
            'gantt__milestone',
            task.critical && 'is-critical',
            linkTarget && 'is-target',
          )}
          data-task-id={task.id}
          style={{ left: bar.x - MILESTONE_HALF, top: top + ROW_HEIGHT / 2 - MILESTONE_HALF }}
        />
      ) : summary ? (
        <div
          className={joinClassNames(
            'gantt__summary',
            task.critical && 'is-critical',
            linkTarget && 'is-target',
          )}
          data-task-id={task.id}
          style={{ left: bar.x, width: bar.width, top: top + 10 }}
        />
      ) : (
        <div
          className={joinClassNames(
            'gantt__bar',
            task.critical && 'is-critical',
            canEdit && 'is-editable',
            linkTarget && 'is-target',
          )}
          data-task-id={task.id}
          data-critical={task.critical || undefined}
          style={{ left: bar.x, width: bar.width, top: top + BAR_TOP, height: BAR_HEIGHT }}
        >
          {task.percentComplete > 0 && (
            <span className="gantt__progress" style={{ width: `${task.percentComplete}%` }} />
          )}
          {canEdit && (
            <span className="gantt__handle" title="Drag to another bar to link" data-link-handle="true" />
          )}
        </div>
      )}
      {label(isMilestone(task) ? bar.x + MILESTONE_HALF : bar.x + bar.width)}
    </>
  );
});
