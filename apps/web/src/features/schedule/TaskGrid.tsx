import {
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
  type UIEvent,
  useEffect,
  useRef,
  useState,
} from 'react';
import type { Task } from '../../api/schedule.ts';
import { joinClassNames } from '../../design/class-names.ts';
import { HEADER_HEIGHT, ROW_HEIGHT, type Row } from './schedule-model.ts';
import { formatDays, formatGridDate, formatLocalDateTime, parseDuration } from './schedule-time.ts';

export type TaskGridProps = {
  rows: readonly Row[];
  first: number;
  last: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  onScroll: (event: UIEvent<HTMLDivElement>) => void;
  minutesPerDay: number;
  activeId: string | null;
  selected: ReadonlySet<string>;
  collapsed: ReadonlySet<string>;
  canEdit: boolean;
  onSelect: (task: Task, mode: 'only' | 'toggle' | 'range') => void;
  onActivate: (id: string) => void;
  onOpen: (task: Task) => void;
  onToggle: (task: Task, expand?: boolean) => void;
  onRename: (task: Task, name: string) => void;
  onDuration: (task: Task, minutes: number) => void;
  onPercent: (task: Task, percent: number) => void;
  /** Keyboard shortcuts as in Microsoft Project: Insert, Delete, Alt+Shift+→ / ←. */
  onShortcut: (what: 'insert' | 'delete' | 'indent' | 'outdent', task: Task) => void;
};

/**
 * The task sheet: a tree grid of which only the rows in view (plus some either side) exist in the
 * DOM. aria-rowcount and aria-rowindex tell assistive technology where each row sits in the plan.
 */
export function TaskGrid(props: TaskGridProps) {
  const { rows, first, last, scrollRef, activeId } = props;
  const pendingFocus = useRef<string | null>(null);

  // After a keyboard move the row may only exist after the next render: focus it then.
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  /** Moves the focus to a row; the selection follows (extended with Shift). */
  const moveTo = (index: number, extend = false) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    const scroller = scrollRef.current;
    if (!row || !scroller) return;
    const top = row.index * ROW_HEIGHT;
    const viewport = scroller.clientHeight - HEADER_HEIGHT - ROW_HEIGHT;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top > scroller.scrollTop + viewport) scroller.scrollTop = top - viewport;
    pendingFocus.current = row.task.id;
    props.onActivate(row.task.id);
    props.onSelect(row.task, extend ? 'range' : 'only');
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, row: Row) => {
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 2);
    const expanded = row.hasChildren && !props.collapsed.has(row.task.id);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(row.index + 1, event.shiftKey);
        break;
      case 'ArrowUp':
        moveTo(row.index - 1, event.shiftKey);
        break;
      case 'PageDown':
        moveTo(row.index + page);
        break;
      case 'PageUp':
        moveTo(row.index - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Insert':
        props.onShortcut('insert', row.task);
        break;
      case 'Delete':
        props.onShortcut('delete', row.task);
        break;
      case 'ArrowRight':
        if (event.altKey && event.shiftKey) props.onShortcut('indent', row.task);
        else if (row.hasChildren && !expanded) props.onToggle(row.task, true);
        else if (expanded) moveTo(row.index + 1);
        break;
      case 'ArrowLeft':
        if (event.altKey && event.shiftKey) props.onShortcut('outdent', row.task);
        else if (expanded) props.onToggle(row.task, false);
        else if (row.task.parentId) {
          const parent = rows.find((r) => r.task.id === row.task.parentId);
          if (parent) moveTo(parent.index);
        }
        break;
      case 'Enter':
        props.onOpen(row.task);
        break;
      case ' ':
        props.onSelect(row.task, event.ctrlKey || event.metaKey ? 'toggle' : 'only');
        break;
      case 'F2':
        event.currentTarget.querySelector<HTMLInputElement>('input')?.focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onRowClick = (event: MouseEvent<HTMLDivElement>, row: Row) => {
    props.onActivate(row.task.id);
    props.onSelect(row.task, event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'only');
  };

  const visible = rows.slice(first, last + 1);
  // The active row is the one Tab lands on; when it scrolled away, the first visible row takes its place.
  const tabbableId =
    activeId && visible.some((r) => r.task.id === activeId) ? activeId : (visible[0]?.task.id ?? null);

  return (
    <div className="tgrid-scroll" ref={scrollRef} onScroll={props.onScroll}>
      <table
        className="tgrid"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a tree grid on table markup
        role="treegrid"
        aria-label="Tasks"
        aria-rowcount={rows.length + 1}
        aria-colcount={7}
        aria-multiselectable="true"
      >
        <thead className="tgrid__head">
          <tr className="tgrid__row tgrid__row--head" aria-rowindex={1}>
            <th scope="col" className="tgrid__cell tgrid__cell--wbs">
              WBS
            </th>
            <th scope="col" className="tgrid__cell tgrid__cell--name">
              Task name
            </th>
            <th scope="col" className="tgrid__cell tgrid__cell--num">
              Dur.
            </th>
            <th scope="col" className="tgrid__cell tgrid__cell--date">
              Start
            </th>
            <th scope="col" className="tgrid__cell tgrid__cell--date">
              Finish
            </th>
            <th scope="col" className="tgrid__cell tgrid__cell--num">
              Float
            </th>
            <th scope="col" className="tgrid__cell tgrid__cell--pct">
              Done
            </th>
          </tr>
        </thead>
        <tbody className="tgrid__body" style={{ height: rows.length * ROW_HEIGHT }}>
          {visible.map((row) => (
            <GridRow
              key={row.task.id}
              row={row}
              props={props}
              tabbable={row.task.id === tabbableId}
              onKeyDown={onRowKeyDown}
              onClick={onRowClick}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GridRow({
  row,
  props,
  tabbable,
  onKeyDown,
  onClick,
}: {
  row: Row;
  props: TaskGridProps;
  tabbable: boolean;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, row: Row) => void;
  onClick: (event: MouseEvent<HTMLDivElement>, row: Row) => void;
}) {
  const { task, hasChildren } = row;
  const mpd = props.minutesPerDay;
  const expanded = hasChildren ? !props.collapsed.has(task.id) : undefined;
  const selected = props.selected.has(task.id);
  const rolledUp = hasChildren || task.summary;
  const float = task.totalFloatMinutes;
  return (
    <tr
      data-row-id={task.id}
      aria-rowindex={row.index + 2}
      aria-level={task.outlineLevel}
      aria-expanded={expanded}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={joinClassNames(
        'tgrid__row',
        selected && 'is-selected',
        props.activeId === task.id && 'is-active',
        rolledUp && 'is-summary',
        task.critical && 'is-critical',
      )}
      style={{ transform: `translateY(${row.index * ROW_HEIGHT}px)` }}
      onKeyDown={(event) => onKeyDown(event, row)}
      onClick={(event) => onClick(event, row)}
      onDoubleClick={(event) => {
        if ((event.target as HTMLElement).closest('input')) return;
        props.onOpen(task);
      }}
    >
      <td className="tgrid__cell tgrid__cell--wbs mono">{task.wbs}</td>
      <td className="tgrid__cell tgrid__cell--name">
        <span className="tgrid__indent" style={{ width: (task.outlineLevel - 1) * 16 }} />
        {hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            className="tgrid__toggle"
            aria-label={expanded ? `Collapse ${task.name}` : `Expand ${task.name}`}
            onClick={(event) => {
              event.stopPropagation();
              props.onToggle(task);
            }}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="tgrid__toggle-space" aria-hidden="true">
            {task.milestone ? '◆' : ''}
          </span>
        )}
        {props.canEdit ? (
          <EditableCell
            label={`Name of task ${task.wbs}`}
            value={task.name}
            tabbable={tabbable}
            className="tgrid__input--name"
            onCommit={(text) => {
              const name = text.trim();
              if (!name) return false;
              if (name !== task.name) props.onRename(task, name);
              return true;
            }}
          />
        ) : (
          <span className="tgrid__text">{task.name}</span>
        )}
      </td>
      <td className="tgrid__cell tgrid__cell--num">
        {props.canEdit && !rolledUp ? (
          <EditableCell
            label={`Duration of task ${task.wbs}`}
            value={formatDays(task.durationMinutes, mpd)}
            tabbable={tabbable}
            className="tgrid__input--num"
            onCommit={(text) => {
              const minutes = parseDuration(text, mpd);
              if (minutes === null) return false;
              if (minutes !== task.durationMinutes) props.onDuration(task, minutes);
              return true;
            }}
          />
        ) : (
          formatDays(task.durationMinutes, mpd)
        )}
      </td>
      <td className="tgrid__cell tgrid__cell--date" title={formatLocalDateTime(task.start)}>
        {formatGridDate(task.start)}
      </td>
      <td className="tgrid__cell tgrid__cell--date" title={formatLocalDateTime(task.finish)}>
        {formatGridDate(task.finish)}
      </td>
      <td
        className={joinClassNames(
          'tgrid__cell tgrid__cell--num',
          float !== null && float < 0 && 'is-negative',
        )}
      >
        {formatDays(float, mpd)}
      </td>
      <td className="tgrid__cell tgrid__cell--pct">
        {props.canEdit && !rolledUp ? (
          <EditableCell
            label={`Percent complete of task ${task.wbs}`}
            value={`${task.percentComplete}%`}
            tabbable={tabbable}
            className="tgrid__input--num"
            onCommit={(text) => {
              const n = Number(text.replace('%', '').trim());
              if (!Number.isInteger(n) || n < 0 || n > 100) return false;
              if (n !== task.percentComplete) props.onPercent(task, n);
              return true;
            }}
          />
        ) : (
          `${task.percentComplete}%`
        )}
      </td>
    </tr>
  );
}

/** Text that edits in place: Enter or leaving the cell saves, Esc puts the old value back. */
function EditableCell({
  label,
  value,
  tabbable,
  className,
  onCommit,
}: {
  label: string;
  value: string;
  tabbable: boolean;
  className: string;
  /** False when the text is not acceptable: the cell shows the saved value again. */
  onCommit: (text: string) => boolean;
}) {
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);
  const [lastValue, setLastValue] = useState(value);
  // What was last sent, so that Enter followed by the blur it causes saves once.
  const sent = useRef<string | null>(null);
  if (value !== lastValue) {
    setLastValue(value);
    setDraft(value);
    sent.current = null;
  }
  const commit = () => {
    if (draft === value || draft === sent.current) return;
    sent.current = draft;
    const ok = onCommit(draft);
    setInvalid(!ok);
    if (!ok) {
      setDraft(value);
      sent.current = null;
    }
  };
  const backToRow = (input: HTMLInputElement) => {
    input.closest<HTMLElement>('[role="row"]')?.focus();
  };
  return (
    <input
      className={joinClassNames('tgrid__input', className, invalid && 'is-invalid')}
      aria-label={label}
      value={draft}
      tabIndex={tabbable ? 0 : -1}
      onChange={(event) => setDraft(event.target.value)}
      onFocus={(event) => event.target.select()}
      onBlur={commit}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
          backToRow(event.currentTarget);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          setDraft(value);
          setInvalid(false);
          backToRow(event.currentTarget);
        }
      }}
    />
  );
}
