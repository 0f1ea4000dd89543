import { Button } from '../../design/Button.tsx';
import { Input } from '../../design/Input.tsx';
import type { PhaseDraft } from './allocation-model.ts';
import { addDays } from './week-dates.ts';

/** The phases of a time-phased allocation: each a date range with its own hours a week. */
export function PhaseRows({
  phases,
  onChange,
  error,
  fallback,
}: {
  phases: readonly PhaseDraft[];
  onChange: (next: PhaseDraft[]) => void;
  error?: string | undefined;
  fallback: { start: string; end: string };
}) {
  const set = (i: number, patch: Partial<PhaseDraft>) =>
    onChange(phases.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const add = () => {
    const last = phases[phases.length - 1];
    const start = last?.end ? addDays(last.end, 1) : fallback.start;
    onChange([...phases, { start, end: fallback.end, hours: '' }]);
  };
  return (
    <div className="stack-sm">
      <table className="b-table">
        <caption className="visually-hidden">Phases</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Hours a week</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {phases.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: phases have no identity but their place
            <tr key={i}>
              <td>
                <Input
                  controlSize="sm"
                  type="date"
                  aria-label={`Phase ${i + 1} from`}
                  value={p.start}
                  onChange={(e) => set(i, { start: e.target.value })}
                />
              </td>
              <td>
                <Input
                  controlSize="sm"
                  type="date"
                  aria-label={`Phase ${i + 1} to`}
                  value={p.end}
                  onChange={(e) => set(i, { end: e.target.value })}
                />
              </td>
              <td>
                <Input
                  controlSize="sm"
                  inputMode="decimal"
                  aria-label={`Phase ${i + 1} hours a week`}
                  value={p.hours}
                  onChange={(e) => set(i, { hours: e.target.value })}
                />
              </td>
              <td className="num">
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove phase ${i + 1}`}
                  disabled={phases.length === 1}
                  onClick={() => onChange(phases.filter((_, j) => j !== i))}
                >
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="b-field__error" role="alert">
          {error}
        </p>
      )}
      <div>
        <Button size="sm" onClick={add}>
          Add phase
        </Button>
      </div>
    </div>
  );
}
