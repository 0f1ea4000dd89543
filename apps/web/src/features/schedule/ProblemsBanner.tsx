import { useState } from 'react';
import type { ScheduleView, Task } from '../../api/schedule.ts';
import { Button } from '../../design/Button.tsx';
import { formatDays, formatLocalDate } from './schedule-time.ts';

const CONSTRAINT_WORDS: Record<string, string> = {
  deadline: 'misses its deadline',
  SNLT: 'starts after its “start no later than” date',
  FNLT: 'finishes after its “finish no later than” date',
  MSO: 'cannot start on its “must start on” date',
  MFO: 'cannot finish on its “must finish on” date',
};

type Item = { key: string; text: string; tone: 'error' | 'warning'; taskId: string | null };

/** Why the plan cannot be scheduled (cycles…) and which dates it cannot keep, above the chart. */
export function ProblemsBanner({
  view,
  taskById,
  onShow,
}: {
  view: ScheduleView;
  taskById: ReadonlyMap<string, Task>;
  onShow: (taskId: string) => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const name = (id: string) => {
    const t = taskById.get(id);
    return t ? `${t.wbs} ${t.name}` : 'a task';
  };
  const items: Item[] = [
    ...view.problems.map((p, i) => ({
      key: `p${i}`,
      tone: 'error' as const,
      taskId: p.taskIds[0] ?? null,
      text:
        p.taskIds.length > 0
          ? `${p.message} (${p.taskIds.slice(0, 6).map(name).join(' → ')}${p.taskIds.length > 6 ? ' …' : ''})`
          : p.message,
    })),
    ...view.conflicts.map((c, i) => ({
      key: `c${i}`,
      tone: 'warning' as const,
      taskId: c.taskId,
      text: `${name(c.taskId)} ${CONSTRAINT_WORDS[c.constraint] ?? `conflicts with its ${c.constraint} date`} (${formatLocalDate(c.date)}) by ${formatDays(c.minutes, view.settings.minutesPerDay)}`,
    })),
  ];
  if (items.length === 0) return null;
  const errors = view.problems.length;
  const shown = expanded ? items : items.slice(0, 3);
  return (
    <section
      className={errors > 0 ? 'schedule-problems schedule-problems--error' : 'schedule-problems'}
      aria-label="Schedule problems"
    >
      <p className="schedule-problems__title">
        <span aria-hidden="true">⚠</span>{' '}
        {errors > 0
          ? `The plan cannot be fully scheduled: ${errors} ${errors === 1 ? 'problem' : 'problems'}`
          : `${items.length} ${items.length === 1 ? 'date' : 'dates'} the plan cannot keep`}
      </p>
      <ul className="schedule-problems__list">
        {shown.map((item) => (
          <li key={item.key}>
            {item.text}
            {item.taskId && taskById.has(item.taskId) && (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => item.taskId && onShow(item.taskId)}
                >
                  Open task
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {items.length > 3 && (
        <Button size="sm" variant="ghost" onClick={() => setExpanded((e) => !e)} aria-expanded={expanded}>
          {expanded ? 'Show fewer' : `Show all ${items.length}`}
        </Button>
      )}
    </section>
  );
}
