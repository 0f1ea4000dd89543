import { Button } from '../../design/Button.tsx';
import { Input } from '../../design/Input.tsx';
import { formatHours } from '../resources/utilisation.ts';
import { formatDayMonth, formatWeekday, weekDays } from '../resources/week-dates.ts';
import { dayTotals, rowTotal, type TimesheetRow } from './timesheet-model.ts';

/** Rows (project, optional task) × Monday–Sunday, with totals per row and per day. */
export function TimesheetGrid({
  rows,
  monday,
  readOnly,
  invalid,
  onChange,
  onRemove,
}: {
  rows: readonly TimesheetRow[];
  monday: string;
  readOnly: boolean;
  invalid: ReadonlySet<string>;
  onChange: (key: string, day: number, text: string) => void;
  onRemove: (key: string) => void;
}) {
  const days = weekDays(monday);
  const totals = dayTotals(rows);
  const grand = totals.reduce((a, b) => a + b, 0);
  return (
    <div className="timesheet b-table-wrap">
      <table className="b-table">
        <caption className="visually-hidden">Hours for the week of {formatDayMonth(monday)}</caption>
        <thead>
          <tr>
            <th scope="col">Project / task</th>
            {days.map((d, i) => (
              <th key={d} scope="col" className={i >= 5 ? 'num is-weekend' : 'num'}>
                {formatWeekday(d)} {formatDayMonth(d)}
              </th>
            ))}
            <th scope="col" className="num">
              Total
            </th>
            {!readOnly && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const label = r.taskName ? `${r.projectLabel}, ${r.taskName}` : r.projectLabel;
            return (
              <tr key={r.key}>
                <th scope="row" className="timesheet__label">
                  {r.projectLabel}
                  {r.taskName && <span className="cell-sub">{r.taskName}</span>}
                </th>
                {days.map((d, i) => (
                  <td key={d} className={i >= 5 ? 'num is-weekend' : 'num'}>
                    {readOnly ? (
                      <span>{r.hours[i] || '—'}</span>
                    ) : (
                      <Input
                        controlSize="sm"
                        inputMode="decimal"
                        className="timesheet__hours"
                        aria-label={`Hours on ${formatWeekday(d)} ${formatDayMonth(d)} for ${label}`}
                        aria-invalid={invalid.has(`${r.key}/${i}`) || undefined}
                        value={r.hours[i] ?? ''}
                        onChange={(e) => onChange(r.key, i, e.target.value)}
                      />
                    )}
                  </td>
                ))}
                <td className="num num-strong">{formatHours(rowTotal(r))}</td>
                {!readOnly && (
                  <td className="num">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove the row ${label}`}
                      onClick={() => onRemove(r.key)}
                    >
                      Remove
                    </Button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {totals.map((t, i) => (
              <td key={days[i]} className={`num${t > 24 ? ' is-over' : ''}${i >= 5 ? ' is-weekend' : ''}`}>
                {formatHours(t)}
              </td>
            ))}
            <td className="num">{formatHours(grand)}</td>
            {!readOnly && <td />}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
