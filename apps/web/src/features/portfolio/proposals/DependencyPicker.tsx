import type { Proposal } from '../../../api/portfolio.ts';
import { Field } from '../../../design/Field.tsx';
import { Select } from '../../../design/Select.tsx';
import { PROPOSAL_STATUS_LABELS } from '../portfolio-format.ts';

export type ProposalChoice = Pick<Proposal, 'id' | 'code' | 'title' | 'status'>;

const labelOf = (p: ProposalChoice) => `${p.code} · ${p.title}`;

/** Picks several proposals: the chosen ones as removable tags, the rest in a select to add from. */
export function DependencyPicker({
  label,
  hint,
  value,
  choices,
  unavailable,
  error,
  loading,
  onChange,
}: {
  label: string;
  hint: string;
  value: readonly string[];
  choices: readonly ProposalChoice[];
  /** Ids that cannot be picked here (this proposal, or those picked in the other list). */
  unavailable: readonly string[];
  error: string | undefined;
  loading: boolean;
  onChange: (ids: string[]) => void;
}) {
  const byId = new Map(choices.map((c) => [c.id, c]));
  const open = choices.filter((c) => !value.includes(c.id) && !unavailable.includes(c.id));
  return (
    <fieldset className="proposal-deps">
      <legend className="proposal-deps__legend">{label}</legend>
      {value.length > 0 ? (
        <ul className="proposal-deps__list">
          {value.map((id) => {
            const p = byId.get(id);
            const name = p ? labelOf(p) : loading ? 'Loading…' : 'Unknown proposal';
            return (
              <li key={id} className="b-tag proposal-deps__tag">
                <span>
                  {p && <span className="mono">{p.code}</span>} {p ? p.title : name}
                  {p && <span className="subtle"> · {PROPOSAL_STATUS_LABELS[p.status]}</span>}
                </span>
                <button
                  type="button"
                  aria-label={`Remove ${name} from “${label}”`}
                  onClick={() => onChange(value.filter((x) => x !== id))}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="subtle proposal-deps__none">None.</p>
      )}
      <Field label={`Add to “${label}”`} hint={hint} error={error}>
        <Select
          controlSize="sm"
          value=""
          disabled={loading || open.length === 0}
          onChange={(e) => {
            if (e.target.value) onChange([...value, e.target.value]);
          }}
          placeholder={
            loading ? 'Loading proposals…' : open.length === 0 ? 'No other proposals' : 'Choose a proposal…'
          }
          options={open.map((p) => ({
            value: p.id,
            label: `${labelOf(p)} (${PROPOSAL_STATUS_LABELS[p.status]})`,
          }))}
        />
      </Field>
    </fieldset>
  );
}
