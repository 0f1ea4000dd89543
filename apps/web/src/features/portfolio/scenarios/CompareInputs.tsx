import type { ScenarioDiff } from '../../../api/portfolio.ts';
import { Card } from '../../../design/Card.tsx';
import { Table } from '../../../design/Table.tsx';
import { formatInputValue, inputLabel } from './compare-model.ts';

/** The inputs (horizon, budget, capacity, overrides…) on which the two scenarios differ. */
export function CompareInputs({ diff, currency }: { diff: ScenarioDiff; currency: string }) {
  return (
    <Card flush title="Inputs that differ" description="What was set differently in the two scenarios.">
      {diff.constraints.length === 0 ? (
        <p className="compare-group__empty subtle">Both scenarios use the same inputs.</p>
      ) : (
        <Table className="compare-table">
          <caption className="visually-hidden">Inputs that differ between A and B</caption>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">A · {diff.a.name}</th>
              <th scope="col">B · {diff.b.name}</th>
            </tr>
          </thead>
          <tbody>
            {diff.constraints.map((c) => (
              <tr key={c.field}>
                <th scope="row">{inputLabel(c.field)}</th>
                <td className="compare-input">{formatInputValue(c.field, c.a, currency)}</td>
                <td className="compare-input">{formatInputValue(c.field, c.b, currency)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
