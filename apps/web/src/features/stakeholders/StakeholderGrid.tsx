import type { Stakeholder, StakeholderQuadrant } from '../../api/stakeholders.ts';
import {
  gridLabel,
  gridRows,
  initialsOf,
  QUADRANT_HINTS,
  QUADRANT_LABELS,
  QUADRANT_LIST,
  quadrantCornerOf,
  RATING_LABELS,
  RATINGS,
} from './stakeholder-model.ts';

/** The most dots a cell shows; the rest are counted (filters narrow the grid down). */
const MAX_DOTS = 12;

/**
 * The power/interest grid: influence rows from the highest down, interest columns rising to the
 * right, split between 3 and 4 into the four quadrants. It is a table, so each cell is announced by
 * its ratings, and each stakeholder is a button named in words (name, ratings, quadrant, attitude) that
 * opens it. The legend under it filters by quadrant.
 */
export function StakeholderGrid({
  stakeholders,
  onOpen,
  quadrant,
  onQuadrant,
  caption = 'Stakeholders by influence (rows, highest first) and interest (columns)',
}: {
  stakeholders: readonly Stakeholder[];
  onOpen: (s: Stakeholder) => void;
  /** The quadrant filtered on, to show the legend's toggle pressed. */
  quadrant?: StakeholderQuadrant | '';
  onQuadrant?: (q: StakeholderQuadrant | '') => void;
  caption?: string;
}) {
  const rows = gridRows(stakeholders);
  const counts = new Map<StakeholderQuadrant, number>();
  for (const s of stakeholders) counts.set(s.quadrant, (counts.get(s.quadrant) ?? 0) + 1);
  return (
    <div className="sh-grid">
      <table className="sh-grid__table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="sh-grid__corner">
              <span className="sh-grid__axis">Influence ↓</span>
              <span className="sh-grid__axis">Interest →</span>
            </th>
            {RATINGS.map((n) => (
              <th key={n} scope="col" className="sh-grid__col">
                <span className="sh-grid__rating">
                  <span className="visually-hidden">Interest </span>
                  {n}
                </span>
                <span className="sh-grid__label">{RATING_LABELS[n]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const influence = row[0]?.influence ?? 0;
            return (
              <tr key={influence}>
                <th scope="row" className="sh-grid__row">
                  <span className="sh-grid__rating">
                    <span className="visually-hidden">Influence </span>
                    {influence}
                  </span>
                  <span className="sh-grid__label">{RATING_LABELS[influence]}</span>
                </th>
                {row.map((cell) => {
                  const corner = quadrantCornerOf(cell.influence, cell.interest);
                  const shown = cell.stakeholders.slice(0, MAX_DOTS);
                  const more = cell.stakeholders.length - shown.length;
                  return (
                    <td
                      key={cell.interest}
                      className={`sh-grid__cell sh-quad--${cell.quadrant}`}
                      data-split-x={cell.interest === 4 || undefined}
                      data-split-y={cell.influence === 3 || undefined}
                    >
                      {corner && (
                        <span className="sh-grid__quadrant" aria-hidden="true">
                          {QUADRANT_LABELS[corner]}
                        </span>
                      )}
                      {shown.length > 0 ? (
                        <ul className="sh-dots">
                          {shown.map((s) => (
                            <li key={s.id}>
                              <button
                                type="button"
                                className={`sh-dot sh-attitude--${s.attitude}`}
                                title={gridLabel(s)}
                                onClick={() => onOpen(s)}
                              >
                                <span aria-hidden="true">{initialsOf(s.name)}</span>
                                <span className="visually-hidden">{gridLabel(s)}</span>
                              </button>
                            </li>
                          ))}
                          {more > 0 && <li className="sh-dots__more">+{more} more</li>}
                        </ul>
                      ) : (
                        <span className="visually-hidden">none</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul className="sh-legend" aria-label="Quadrants">
        {QUADRANT_LIST.map((q) => {
          const text = (
            <>
              <span className={`sh-swatch sh-quad--${q}`} aria-hidden="true" />
              <span>
                <strong>{QUADRANT_LABELS[q]}</strong> ({counts.get(q) ?? 0}){' '}
                <span className="subtle">{QUADRANT_HINTS[q]}</span>
              </span>
            </>
          );
          return (
            <li key={q}>
              {onQuadrant ? (
                <button
                  type="button"
                  className="sh-legend__item sh-legend__button"
                  aria-pressed={quadrant === q}
                  onClick={() => onQuadrant(quadrant === q ? '' : q)}
                >
                  {text}
                </button>
              ) : (
                <span className="sh-legend__item">{text}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
