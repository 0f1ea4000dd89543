import type { ScenarioDiff } from '../../../api/portfolio.ts';
import { Card } from '../../../design/Card.tsx';
import { Table } from '../../../design/Table.tsx';
import { formatMonth } from '../portfolio-format.ts';
import { capacityCells, formatSigned, formatUsedHours } from './compare-model.ts';

/** Hours each scenario uses per skill or role and month, A / B, with the months that differ emphasised. */
export function CompareCapacity({ diff }: { diff: ScenarioDiff }) {
  const months = diff.capacity[0]?.months ?? [];
  const caption = `Capacity used by skill and month, in hours: ${diff.a.name} (A) / ${diff.b.name} (B)`;
  return (
    <Card
      flush
      title="Capacity by skill and month"
      description="Hours used in A / B. Where B differs, the cell is emphasised and shows B − A below."
    >
      {diff.capacity.length === 0 ? (
        <p className="compare-group__empty subtle">Neither scenario is limited by skill or role capacity.</p>
      ) : (
        // The wide grid scrolls inside the card; the region is focusable so the keyboard can scroll it.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="compare-scroll" aria-label={caption} tabIndex={0}>
          <Table className="compare-table compare-capacity">
            <caption className="compare-caption">{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className="compare-capacity__key">
                  Skill / role
                </th>
                {months.map((m) => (
                  <th key={m} scope="col" className="num nowrap">
                    {formatMonth(m)}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {diff.capacity.map((row) => {
                const cells = capacityCells(row);
                const totalA = cells.reduce((s, c) => s + c.a, 0);
                const totalB = cells.reduce((s, c) => s + c.b, 0);
                return (
                  <tr key={row.key}>
                    <th scope="row" className="compare-capacity__key">
                      {row.key}
                    </th>
                    {cells.map((c) => (
                      <td
                        key={c.month}
                        className="num nowrap compare-capacity__cell"
                        data-differs={c.differs || undefined}
                      >
                        <span className={c.a === 0 && c.b === 0 ? 'subtle' : undefined}>
                          {formatUsedHours(c.a)} / {formatUsedHours(c.b)}
                        </span>
                        {c.differs && (
                          <span className="cell-sub compare-capacity__delta">
                            {formatSigned(Math.round(c.delta), formatUsedHours)}
                          </span>
                        )}
                      </td>
                    ))}
                    <td className="num nowrap num-strong">
                      {formatUsedHours(totalA)} / {formatUsedHours(totalB)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </section>
      )}
    </Card>
  );
}
