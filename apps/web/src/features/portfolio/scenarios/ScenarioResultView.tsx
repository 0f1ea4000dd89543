import { Link } from 'react-router';
import type { Scenario, ScenarioResult } from '../../../api/portfolio.ts';
import { Alert } from '../../../design/Alert.tsx';
import { Badge } from '../../../design/Badge.tsx';
import { Card } from '../../../design/Card.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { formatMoneyCompact, formatNumber } from '../../../design/format.ts';
import { Table } from '../../../design/Table.tsx';
import {
  addMonths,
  formatMajorCompact,
  formatMonth,
  formatPercent,
  formatScore,
  RISK_LABELS,
} from '../portfolio-format.ts';
import { describeStatus, upliftOverRanking } from './scenario-model.ts';

const KIND_LABELS: Record<ScenarioResult['excluded'][number]['kind'], string> = {
  'forced-out': 'Forced out',
  requires: 'Needs another project',
  excludes: 'Conflicts with a selected one',
  budget: 'Budget',
  category: 'Category budget',
  capacity: 'Capacity',
  value: 'Worth less than what is in',
};

function constraintName(c: { kind: 'budget' | 'category' | 'capacity'; key: string | null }): string {
  if (c.kind === 'budget') return 'Budget';
  if (c.kind === 'category') return `${c.key ?? ''} budget`;
  return `${c.key ?? ''} hours`;
}

function amount(kind: 'budget' | 'category' | 'capacity', value: number, currency: string): string {
  return kind === 'capacity' ? `${formatNumber(Math.round(value))} h` : formatMajorCompact(value, currency);
}

/** How much of each limited resource the selection uses, month by month. */
function UsageTable({
  result,
  startMonth,
  currency,
}: {
  result: ScenarioResult;
  startMonth: string;
  currency: string;
}) {
  const periods = Math.max(0, ...result.usage.map((u) => u.limit.length));
  const months = Array.from({ length: periods }, (_, t) => addMonths(startMonth, t));
  return (
    <Table className="usage-table" scrollLabel="Use of budget and capacity by month">
      <caption className="visually-hidden">
        Use of each limit by month: used of available; full months are marked “full”.
      </caption>
      <thead>
        <tr>
          <th scope="col">Limit</th>
          {months.map((m) => (
            <th scope="col" key={m} className="num nowrap">
              {formatMonth(m)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {result.usage.map((u) => (
          <tr key={`${u.kind}:${u.key ?? ''}`}>
            <th scope="row" className="nowrap">
              {constraintName(u)}
            </th>
            {months.map((m, t) => {
              const used = u.used[t] ?? 0;
              const limit = u.limit[t] ?? 0;
              const share = limit > 0 ? used / limit : used > 0 ? 1 : 0;
              const full = limit > 0 && used >= limit * 0.995;
              const level = share >= 0.995 ? 'full' : share >= 0.85 ? 'high' : share > 0 ? 'some' : 'none';
              return (
                <td key={m} className={`num usage-cell usage-cell--${level}`}>
                  <span className="usage-cell__used">{amount(u.kind, used, currency)}</span>
                  <span className="usage-cell__limit">
                    of {amount(u.kind, limit, currency)}
                    {full && <span className="usage-cell__full"> · full</span>}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The answer of an optimisation: what is in and when, what is out and why, what binds. */
export function ScenarioResultView({
  scenario,
  result,
  currency,
}: {
  scenario: Scenario;
  result: ScenarioResult;
  currency: string;
}) {
  const uplift = upliftOverRanking(result);
  const valueLabel = scenario.objective === 'npv' ? 'Total NPV (major units)' : 'Total score';
  return (
    <div className="stack">
      {scenario.resultStale && (
        <Alert tone="warning" title="The inputs changed since this answer">
          Proposals or the scenario’s inputs were edited after it was computed. Optimise again before
          committing.
        </Alert>
      )}
      {result.status === 'infeasible' && (
        <Alert tone="error" title="No selection meets every constraint">
          {result.conflicts.length > 0 ? (
            <ul className="result-conflicts">
              {result.conflicts.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ) : (
            'The mandatory proposals cannot all fit. Raise the budget or capacity, or drop a mandatory flag.'
          )}
        </Alert>
      )}
      <div className="kpis result-kpis">
        <div className="kpi">
          <span className="kpi__label">{valueLabel}</span>
          <span className="kpi__value">{formatScore(result.objective)}</span>
        </div>
        <div className="kpi">
          <span className="kpi__label">Proof</span>
          <span className="kpi__value kpi__value--text">{describeStatus(result)}</span>
          <span className="subtle">
            bound {formatScore(result.bound)} · gap {formatPercent(result.gap, 2)}
          </span>
        </div>
        <div className="kpi">
          <span className="kpi__label">Over a value/cost ranking</span>
          <span className="kpi__value">{uplift === null ? '—' : `+${formatPercent(uplift)}`}</span>
          <span className="subtle">ranking reaches {formatScore(result.ranking.objective)}</span>
        </div>
        <div className="kpi">
          <span className="kpi__label">Selected</span>
          <span className="kpi__value">
            {result.totals.count}
            <span className="subtle kpi__of"> of {result.candidates}</span>
          </span>
        </div>
        <div className="kpi">
          <span className="kpi__label">Total cost</span>
          <span className="kpi__value">{formatMoneyCompact(result.totals.costMinor, currency)}</span>
        </div>
        <div className="kpi">
          <span className="kpi__label">Total NPV</span>
          <span className="kpi__value">{formatMoneyCompact(result.totals.npvMinor, currency)}</span>
        </div>
        <div className="kpi">
          <span className="kpi__label">Mean risk</span>
          <span className="kpi__value">
            {result.totals.meanRisk === null ? '—' : result.totals.meanRisk.toFixed(1)}
          </span>
          <span className="subtle">1 low … 5 very high</span>
        </div>
      </div>
      <p className="subtle">
        Heuristic answer {formatScore(result.heuristic.objective)} in {Math.round(result.heuristic.elapsedMs)}{' '}
        ms; solved in {(result.elapsedMs / 1000).toFixed(1)} s on{' '}
        {new Date(result.solvedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}.
      </p>

      <Card flush title="Selected" description="The proposals to start, and the month each starts in.">
        {result.selected.length === 0 ? (
          <EmptyState title="Nothing selected">No proposal fits within these limits.</EmptyState>
        ) : (
          <Table>
            <caption className="visually-hidden">Selected proposals</caption>
            <thead>
              <tr>
                <th scope="col">Proposal</th>
                <th scope="col">Starts</th>
                <th scope="col" className="num">
                  {scenario.objective === 'npv' ? 'NPV' : 'Score'}
                </th>
                <th scope="col" className="num">
                  Cost
                </th>
                <th scope="col">Risk</th>
              </tr>
            </thead>
            <tbody>
              {result.selected.map((p) => (
                <tr key={p.proposalId}>
                  <td>
                    <Link to={`/portfolio/proposals/${p.proposalId}`}>
                      <span className="mono subtle">{p.code}</span> {p.title}
                    </Link>
                  </td>
                  <td className="nowrap">{formatMonth(p.start)}</td>
                  <td className="num">{formatScore(p.value)}</td>
                  <td className="num">{formatMoneyCompact(p.costMinor, currency)}</td>
                  <td>
                    {p.riskRating} · {RISK_LABELS[p.riskRating] ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card flush title="Left out, and why" description="For each proposal not selected: what keeps it out.">
        {result.excluded.length === 0 ? (
          <EmptyState title="Every candidate is in">All candidates fit within the limits.</EmptyState>
        ) : (
          <Table>
            <caption className="visually-hidden">Proposals left out, with the reason</caption>
            <thead>
              <tr>
                <th scope="col">Proposal</th>
                <th scope="col">Kept out by</th>
                <th scope="col">Why</th>
                <th scope="col" className="num">
                  Value needed to enter
                </th>
              </tr>
            </thead>
            <tbody>
              {result.excluded.map((p) => (
                <tr key={p.proposalId}>
                  <td>
                    <Link to={`/portfolio/proposals/${p.proposalId}`}>
                      <span className="mono subtle">{p.code}</span> {p.title}
                    </Link>
                  </td>
                  <td className="nowrap">
                    <Badge tone={p.kind === 'forced-out' ? 'gray' : 'amber'}>{KIND_LABELS[p.kind]}</Badge>
                  </td>
                  <td className="result-reason">{p.reason}</td>
                  <td className="num">{p.valueToEnter === null ? '—' : `+${formatScore(p.valueToEnter)}`}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card
        flush
        title="Binding limits"
        description="Limits the selection uses to the full: raising one is what would let more in. The shadow price is the value one more unit would add (from the LP relaxation)."
      >
        {result.binding.length === 0 ? (
          <EmptyState title="No limit binds">There is room left in every month.</EmptyState>
        ) : (
          <Table>
            <caption className="visually-hidden">Binding limits</caption>
            <thead>
              <tr>
                <th scope="col">Limit</th>
                <th scope="col">Month</th>
                <th scope="col" className="num">
                  Used
                </th>
                <th scope="col" className="num">
                  Available
                </th>
                <th scope="col" className="num">
                  Shadow price
                </th>
              </tr>
            </thead>
            <tbody>
              {result.binding.map((b) => (
                <tr key={`${b.kind}:${b.key ?? ''}:${b.period}`}>
                  <td>{constraintName(b)}</td>
                  <td className="nowrap">{formatMonth(b.month)}</td>
                  <td className="num">{amount(b.kind, b.used, currency)}</td>
                  <td className="num">{amount(b.kind, b.limit, currency)}</td>
                  <td className="num">
                    {b.shadowPrice === null ? '—' : b.shadowPrice === 0 ? '0' : b.shadowPrice.toPrecision(3)}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      {result.usage.length > 0 && (
        <Card flush title="Use of budget and capacity by month">
          <UsageTable result={result} startMonth={scenario.startMonth} currency={currency} />
        </Card>
      )}
    </div>
  );
}
