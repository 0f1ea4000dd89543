import type { RiskMatrixSettings } from '../../api/raid.ts';
import { heatRows, LEVEL_LABELS, LEVELS, plural, ratingLabel } from './raid-model.ts';
import type { RegisterState } from './register-params.ts';

type Cell = NonNullable<RegisterState['cell']>;

/** The score range of each level, for the legend: "below 5", "5 – 11", "12 and above". */
function rangeText(level: 'low' | 'medium' | 'high', m: RiskMatrixSettings): string {
  if (level === 'low') return `score below ${m.mediumFrom}`;
  if (level === 'medium') return `score ${m.mediumFrom}–${m.highFrom - 1}`;
  return `score ${m.highFrom} and above`;
}

/**
 * Open risks on the probability × impact matrix: probability rows from the highest down, impact
 * columns rising to the right, each cell coloured by its level and naming its count and level. A
 * cell is a toggle button that filters the register to the risks rated so.
 */
export function RiskHeatMap({
  matrix,
  counts,
  selected,
  onSelect,
}: {
  matrix: RiskMatrixSettings;
  counts: readonly (readonly number[])[];
  selected: Cell | null;
  onSelect: (cell: Cell | null) => void;
}) {
  const rows = heatRows(matrix, counts);
  const compact = matrix.size > 6;
  const ratings = Array.from({ length: matrix.size }, (_, k) => k + 1);
  return (
    <div className="raid-heat">
      <table className="raid-heat__table">
        <caption className="visually-hidden">
          Open risks by probability (rows, highest first) and impact (columns). Choose a cell to list its
          risks.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="raid-heat__corner">
              <span className="raid-heat__axis">Probability ↓</span>
              <span className="raid-heat__axis">Impact →</span>
            </th>
            {ratings.map((n) => (
              <th key={n} scope="col" className="raid-heat__col">
                <span className="raid-heat__rating">{n}</span>
                <span className="raid-heat__label">{matrix.impactLabels[n - 1]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const p = row[0]?.probability ?? 0;
            return (
              <tr key={p}>
                <th scope="row" className="raid-heat__row">
                  <span className="raid-heat__rating">{p}</span>
                  <span className="raid-heat__label">{matrix.probabilityLabels[p - 1]}</span>
                </th>
                {row.map((c) => {
                  const isSelected = selected?.probability === c.probability && selected.impact === c.impact;
                  const where = `${plural(c.count, 'open risk')} at probability ${ratingLabel(matrix.probabilityLabels, c.probability)}, impact ${ratingLabel(matrix.impactLabels, c.impact)}, score ${c.score}`;
                  return (
                    <td key={c.impact} className={`raid-heat__cell raid-level--${c.level}`}>
                      <button
                        type="button"
                        className="raid-heat__button"
                        aria-pressed={isSelected}
                        title={`${LEVEL_LABELS[c.level]}: ${where}`}
                        data-empty={c.count === 0 || undefined}
                        onClick={() =>
                          onSelect(isSelected ? null : { probability: c.probability, impact: c.impact })
                        }
                      >
                        <span className="raid-heat__count">{c.count}</span>{' '}
                        {compact ? (
                          <>
                            <span className="raid-heat__level" aria-hidden="true">
                              {LEVEL_LABELS[c.level].charAt(0)}
                            </span>
                            <span className="visually-hidden">{LEVEL_LABELS[c.level]}</span>
                          </>
                        ) : (
                          <span className="raid-heat__level">{LEVEL_LABELS[c.level]}</span>
                        )}
                        <span className="visually-hidden">: {where}</span>
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul className="raid-legend" aria-label="Levels">
        {LEVELS.map((level) => (
          <li key={level} className="raid-legend__item">
            <span className={`raid-swatch raid-level--${level}`} aria-hidden="true" />
            <span>
              <strong>{LEVEL_LABELS[level]}</strong> {rangeText(level, matrix)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
