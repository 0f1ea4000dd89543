import type { Step } from './lifecycle-model.ts';

const MARKS: Record<Step['state'], string> = { done: '✓', current: '●', stopped: '✕', pending: '' };

/**
 * The phases left to right: done, in progress (or stopped), not started — each with words, not
 * only a colour. Choosing a step shows its gate below.
 */
export function PhaseStepper({
  steps,
  selected,
  onSelect,
}: {
  steps: readonly Step[];
  selected: string | null;
  onSelect: (key: string) => void;
}) {
  return (
    <nav aria-label="Phases">
      <ol className="gov-stepper">
        {steps.map((s) => (
          <li key={s.key} className="gov-step" data-state={s.state}>
            <button
              type="button"
              className="gov-step__button"
              aria-current={s.state === 'current' || s.state === 'stopped' ? 'step' : undefined}
              aria-pressed={selected === s.key}
              onClick={() => onSelect(s.key)}
            >
              <span className="gov-step__mark" aria-hidden="true">
                {MARKS[s.state] || s.position}
              </span>
              <span className="gov-step__body">
                <span className="gov-step__name">
                  <span className="visually-hidden">Phase {s.position}: </span>
                  {s.name}
                </span>
                <span className="gov-step__state">{s.text}</span>
                <span className="gov-step__gate">{s.gateName}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
