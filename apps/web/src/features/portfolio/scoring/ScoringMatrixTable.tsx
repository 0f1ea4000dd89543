import { Link } from 'react-router';
import type { CriteriaWeights, ScoringRow, StrategicObjective } from '../../../api/portfolio.ts';
import { formatMoney, formatMoneyCompact } from '../../../design/format.ts';
import { SortHeader, Table } from '../../../design/Table.tsx';
import { ProposalStatusBadge } from '../ProposalStatusBadge.tsx';
import { formatPercent, formatScore } from '../portfolio-format.ts';
import { ariaSort, describeSort, type Sort, type SortKey } from './scoring-model.ts';

const CRITERIA: { key: 'value' | 'alignment' | 'risk' | 'urgency'; label: string }[] = [
  { key: 'value', label: 'Value' },
  { key: 'alignment', label: 'Alignment' },
  { key: 'risk', label: 'Risk' },
  { key: 'urgency', label: 'Urgency' },
];

/** One row per open proposal: its ratings against each objective, its criteria scores and money. */
export function ScoringMatrixTable({
  rows,
  objectives,
  criteria,
  sort,
  onSort,
  currency,
}: {
  rows: readonly ScoringRow[];
  objectives: readonly StrategicObjective[];
  criteria: CriteriaWeights;
  sort: Sort;
  onSort: (key: SortKey) => void;
  currency: string;
}) {
  const criteriaTotal = criteria.value + criteria.alignment + criteria.risk + criteria.urgency;
  const share = (w: number) => (criteriaTotal > 0 ? w / criteriaTotal : 0);
  const header = (key: SortKey, label: string, sub?: string, className?: string) => (
    <SortHeader
      key={key}
      className={className}
      label={
        <span className="score-head">
          <span>{label}</span>
          {sub && <span className="score-head__sub">{sub}</span>}
        </span>
      }
      direction={ariaSort(sort, key)}
      onSort={() => onSort(key)}
    />
  );
  const objectiveName = (id: string) => objectives.find((o) => o.id === id)?.name;

  return (
    <Table className="scoring-table">
      <caption className="visually-hidden">
        Scoring matrix of the open proposals: alignment with each objective (0–5), criteria scores (0–100),
        weighted total, NPV and cost. Sorted by {describeSort(sort, objectiveName)}.
      </caption>
      <thead>
        <tr className="scoring-table__groups">
          <td colSpan={2} />
          {objectives.length > 0 && (
            <th scope="colgroup" colSpan={objectives.length}>
              Alignment with objectives (0–5)
            </th>
          )}
          <th scope="colgroup" colSpan={5}>
            Scores (0–100)
          </th>
          <th scope="colgroup" colSpan={2}>
            Financials
          </th>
        </tr>
        <tr>
          {header('rank', 'Rank', undefined, 'num')}
          {header('code', 'Proposal and status')}
          {objectives.map((o) =>
            header(`obj:${o.id}`, o.name, formatPercent(o.weight), 'num score-col--objective'),
          )}
          {CRITERIA.map((c) => header(c.key, c.label, formatPercent(share(criteria[c.key]), 0), 'num'))}
          {header('total', 'Total', 'weighted', 'num')}
          {header('npv', 'NPV', undefined, 'num')}
          {header('cost', 'Cost', undefined, 'num')}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.proposalId}>
            <td className="num num-strong">{r.rank}</td>
            <td className="scoring-table__proposal">
              <Link to={`/portfolio/proposals/${r.proposalId}`} className="cell-name__link">
                <span className="mono scoring-table__code">{r.code}</span> {r.title}
              </Link>{' '}
              <span className="scoring-table__status">
                <ProposalStatusBadge status={r.status} />
              </span>
            </td>
            {objectives.map((o) => {
              const a = r.alignment[o.id] ?? 0;
              return (
                <td key={o.id} className="num">
                  <span className="align-cell">
                    <span className="align-cell__pips" aria-hidden="true">
                      {[1, 2, 3, 4, 5].map((k) => (
                        <span key={k} className={k <= a ? 'is-on' : undefined} />
                      ))}
                    </span>
                    {a}
                  </span>
                </td>
              );
            })}
            {CRITERIA.map((c) => (
              <td key={c.key} className="num">
                {formatScore(r.scores[c.key])}
              </td>
            ))}
            <td className="num num-strong">{formatScore(r.scores.total)}</td>
            <td
              className={r.financials.npvMinor < 0 ? 'num nowrap npv-negative' : 'num nowrap'}
              title={formatMoney(r.financials.npvMinor, currency)}
            >
              {formatMoneyCompact(r.financials.npvMinor, currency)}
            </td>
            <td className="num nowrap" title={formatMoney(r.financials.totalCostMinor, currency)}>
              {formatMoneyCompact(r.financials.totalCostMinor, currency)}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
