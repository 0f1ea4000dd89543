import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import type { ScenarioDiff, SelectedProposal } from '../../../api/portfolio.ts';
import { Badge } from '../../../design/Badge.tsx';
import { Card } from '../../../design/Card.tsx';
import { formatMoneyCompact } from '../../../design/format.ts';
import { Table } from '../../../design/Table.tsx';
import { formatMonth, formatScore } from '../portfolio-format.ts';
import { formatShift } from './compare-model.ts';

function ProposalLink({ id, code, title }: { id: string; code: string; title: string }) {
  return (
    <Link to={`/portfolio/proposals/${id}`} className="cell-name__link">
      <span className="mono">{code}</span> {title}
    </Link>
  );
}

function Group({
  title,
  count,
  empty,
  children,
}: {
  title: string;
  count: number;
  empty: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="compare-group" aria-labelledby={id}>
      <h3 className="compare-group__title" id={id}>
        {title} <span className="subtle">({count})</span>
      </h3>
      {count === 0 ? <p className="compare-group__empty subtle">{empty}</p> : children}
    </section>
  );
}

function SelectedTable({
  items,
  marker,
  caption,
  currency,
}: {
  items: readonly SelectedProposal[];
  marker: 'removed' | 'added';
  caption: string;
  currency: string;
}) {
  return (
    <Table className="compare-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Change</th>
          <th scope="col">Proposal</th>
          <th scope="col">Start</th>
          <th scope="col" className="num">
            Value
          </th>
          <th scope="col" className="num">
            Cost
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr key={p.proposalId}>
            <td className="compare-marker-cell">
              {marker === 'removed' ? (
                <Badge tone="red">− removed</Badge>
              ) : (
                <Badge tone="green">+ added</Badge>
              )}
            </td>
            <td className="cell-name">
              <ProposalLink id={p.proposalId} code={p.code} title={p.title} />
            </td>
            <td className="nowrap">{formatMonth(p.start)}</td>
            <td className="num">{formatScore(p.value)}</td>
            <td className="num nowrap">{formatMoneyCompact(p.costMinor, currency)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Which proposals each scenario selects: only in A, only in B, and in both with any shift of start. */
export function CompareProjects({ diff, currency }: { diff: ScenarioDiff; currency: string }) {
  const moved = diff.inBoth.filter((p) => p.shiftMonths !== 0).length;
  return (
    <Card
      flush
      title="Projects"
      description={`${diff.onlyInA.length} only in A, ${diff.onlyInB.length} only in B, ${diff.inBoth.length} in both (${moved} starting at a different month).`}
    >
      <Group
        title="Only in A: removed in B"
        count={diff.onlyInA.length}
        empty={`${diff.b.name} selects every proposal that ${diff.a.name} does.`}
      >
        <SelectedTable
          items={diff.onlyInA}
          marker="removed"
          caption={`Selected in ${diff.a.name} only`}
          currency={currency}
        />
      </Group>
      <Group
        title="Only in B: added in B"
        count={diff.onlyInB.length}
        empty={`${diff.b.name} adds no proposal that ${diff.a.name} leaves out.`}
      >
        <SelectedTable
          items={diff.onlyInB}
          marker="added"
          caption={`Selected in ${diff.b.name} only`}
          currency={currency}
        />
      </Group>
      <Group title="In both" count={diff.inBoth.length} empty="The scenarios have no proposal in common.">
        <Table className="compare-table">
          <caption className="visually-hidden">Selected in both, with the start in A and in B</caption>
          <thead>
            <tr>
              <th scope="col">Change</th>
              <th scope="col">Proposal</th>
              <th scope="col">Start A → start B</th>
              <th scope="col" className="num">
                Shift
              </th>
            </tr>
          </thead>
          <tbody>
            {diff.inBoth.map((p) => (
              <tr key={p.proposalId}>
                <td className="compare-marker-cell">
                  {p.shiftMonths === 0 ? <Badge>= kept</Badge> : <Badge tone="blue">↔ moved</Badge>}
                </td>
                <td className="cell-name">
                  <ProposalLink id={p.proposalId} code={p.code} title={p.title} />
                </td>
                <td className="nowrap">
                  {formatMonth(p.startA)} <span aria-hidden="true">→</span>
                  <span className="visually-hidden">to</span> {formatMonth(p.startB)}
                </td>
                <td className={p.shiftMonths === 0 ? 'num subtle' : 'num num-strong'}>
                  {formatShift(p.shiftMonths)}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Group>
    </Card>
  );
}
