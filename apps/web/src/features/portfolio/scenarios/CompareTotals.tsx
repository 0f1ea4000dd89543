import type { ScenarioDiff } from '../../../api/portfolio.ts';
import { Card } from '../../../design/Card.tsx';
import { Table } from '../../../design/Table.tsx';
import { totalsRows } from './compare-model.ts';

/** Totals of the two scenarios side by side, and what changes from A to B. */
export function CompareTotals({ diff, currency }: { diff: ScenarioDiff; currency: string }) {
  const rows = totalsRows(diff, currency);
  return (
    <Card flush title="Totals" description="Δ is B minus A: a plus sign means B has more.">
      <Table className="compare-table">
        <caption className="visually-hidden">
          Totals of {diff.a.name} (A) and {diff.b.name} (B), and the difference B − A
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" className="num">
              A · {diff.a.name}
            </th>
            <th scope="col" className="num">
              B · {diff.b.name}
            </th>
            <th scope="col" className="num">
              Δ (B − A)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.a}</td>
              <td className="num">{r.b}</td>
              <td className="num compare-delta" data-direction={r.direction ?? undefined}>
                {r.delta}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
