import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import {
  type IntakeField,
  listProposals,
  type Proposal,
  portfolioKeys,
  type StrategySettings,
} from '../../../api/portfolio.ts';
import { Card } from '../../../design/Card.tsx';
import { DescriptionItem } from '../../../design/DescriptionItem.tsx';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  getMinorDigits,
} from '../../../design/format.ts';
import { Table } from '../../../design/Table.tsx';
import { ProposalStatusBadge } from '../ProposalStatusBadge.tsx';
import {
  formatMonth,
  formatPercent,
  formatScore,
  PROPOSAL_STATUS_LABELS,
  RISK_LABELS,
} from '../portfolio-format.ts';
import { monthLabel } from './grid-parts.tsx';
import { ALIGNMENT_LABELS, URGENCY_LABELS } from './proposal-form-model.ts';
import { useIntakeForm } from './use-intake-form.ts';

const none = <span className="subtle">—</span>;
const negative = (n: number) => (n < 0 ? ' proposal-negative' : '');

function Financials({ p, currency }: { p: Proposal; currency: string }) {
  const f = p.financials;
  const digits = getMinorDigits(currency);
  // Whole units in the figures; the exact amount is in the tooltip.
  const whole = (minor: number) => formatMoney(Math.round(minor / 10 ** digits) * 10 ** digits, currency);
  const items: { label: string; value: string; exact?: string; note?: string; className?: string }[] = [
    {
      label: 'Total cost',
      value: whole(f.totalCostMinor),
      exact: formatMoney(f.totalCostMinor, currency),
      note: 'capex + opex',
    },
    {
      label: 'Total benefit',
      value: whole(f.totalBenefitMinor),
      exact: formatMoney(f.totalBenefitMinor, currency),
    },
    {
      label: 'NPV',
      value: whole(f.npvMinor),
      exact: formatMoney(f.npvMinor, currency),
      note: 'at the strategy’s discount rate',
      className: negative(f.npvMinor),
    },
    { label: 'IRR', value: formatPercent(f.irr), note: f.irr === null ? 'none: never positive' : 'annual' },
    {
      label: 'Payback',
      value: f.paybackMonths === null ? '—' : `${f.paybackMonths.toFixed(1)} mo`,
      note: f.paybackMonths === null ? 'not within the business case' : 'months from the start',
    },
  ];
  return (
    <ul className="proposal-kpis" aria-label="Financials">
      {items.map((i) => (
        <li key={i.label} className="proposal-kpi">
          <span className="proposal-kpi__label">{i.label}</span>
          <span className={`proposal-kpi__value${i.className ?? ''}`} title={i.exact}>
            {i.value}
          </span>
          {i.note && <span className="proposal-kpi__note">{i.note}</span>}
        </li>
      ))}
    </ul>
  );
}

function Scores({ p, strategy }: { p: Proposal; strategy: StrategySettings | undefined }) {
  const c = strategy?.criteria;
  const sum = c ? c.value + c.alignment + c.risk + c.urgency : 0;
  const weight = (w: number | undefined) => (w !== undefined && sum > 0 ? formatPercent(w / sum, 0) : null);
  const rows: { label: string; score: number; weight: string | null; note: string }[] = [
    { label: 'Value', score: p.scores.value, weight: weight(c?.value), note: 'NPV against cost' },
    {
      label: 'Alignment',
      score: p.scores.alignment,
      weight: weight(c?.alignment),
      note: 'with the objectives',
    },
    { label: 'Risk', score: p.scores.risk, weight: weight(c?.risk), note: 'higher is safer' },
    { label: 'Urgency', score: p.scores.urgency, weight: weight(c?.urgency), note: 'higher is sooner' },
  ];
  return (
    <Card
      title="Scores"
      actions={<span className="proposal-rank">{p.rank === null ? 'Not ranked' : `Rank #${p.rank}`}</span>}
    >
      <div className="proposal-total">
        <span className="proposal-total__value">{formatScore(p.scores.total)}</span>
        <span className="subtle">weighted total of 100</span>
      </div>
      <ul className="bars proposal-bars">
        {rows.map((r) => (
          <li key={r.label}>
            <div className="bar__head">
              <span>
                {r.label} <span className="subtle">· {r.note}</span>
              </span>
              <span className="num-strong">
                {formatScore(r.score)}
                {r.weight && <span className="subtle"> × {r.weight}</span>}
              </span>
            </div>
            <div className="bar__track" aria-hidden="true">
              <div className="bar__fill" style={{ width: `${Math.max(0, Math.min(100, r.score))}%` }} />
            </div>
          </li>
        ))}
      </ul>
      {p.rank === null && (
        <p className="subtle proposal-note">Only open proposals that have no project yet are ranked.</p>
      )}
    </Card>
  );
}

function BusinessCaseTable({ p, currency }: { p: Proposal; currency: string }) {
  if (p.businessCase.length === 0) return <p className="subtle">No business case yet.</p>;
  let cumulative = 0;
  const totals = { capex: 0, opex: 0, benefit: 0 };
  const rows = p.businessCase.map((m) => {
    const net = m.benefitMinor - m.capexMinor - m.opexMinor;
    cumulative += net;
    totals.capex += m.capexMinor;
    totals.opex += m.opexMinor;
    totals.benefit += m.benefitMinor;
    return { ...m, net, cumulative };
  });
  const net = totals.benefit - totals.capex - totals.opex;
  const money = (n: number) => formatMoney(n, currency);
  return (
    <Table className="proposal-readonly">
      <caption className="visually-hidden">Business case by month, in {currency}</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col" className="num">
            Capex
          </th>
          <th scope="col" className="num">
            Opex
          </th>
          <th scope="col" className="num">
            Benefit
          </th>
          <th scope="col" className="num">
            Net
          </th>
          <th scope="col" className="num">
            Cumulative
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is its month
          <tr key={i}>
            <th scope="row">{monthLabel(p.earliestStart, i).short}</th>
            <td className="num">{money(r.capexMinor)}</td>
            <td className="num">{money(r.opexMinor)}</td>
            <td className="num">{money(r.benefitMinor)}</td>
            <td className={`num${negative(r.net)}`}>{money(r.net)}</td>
            <td className={`num${negative(r.cumulative)}`}>{money(r.cumulative)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="num num-strong">{money(totals.capex)}</td>
          <td className="num num-strong">{money(totals.opex)}</td>
          <td className="num num-strong">{money(totals.benefit)}</td>
          <td className={`num num-strong${negative(net)}`}>{money(net)}</td>
          <td />
        </tr>
      </tfoot>
    </Table>
  );
}

function DemandTable({ p }: { p: Proposal }) {
  if (p.demand.length === 0) return <p className="subtle">No resource demand given.</p>;
  const months = Math.max(...p.demand.map((d) => d.hours.length));
  const labels = Array.from({ length: months }, (_, i) => monthLabel(p.earliestStart, i));
  return (
    <Table className="proposal-readonly proposal-readonly--demand">
      <caption className="visually-hidden">Resource demand, hours per month from the start</caption>
      <thead>
        <tr>
          <th scope="col">Role or skill</th>
          {labels.map((m) => (
            <th key={m.short} scope="col" className="num" title={m.long}>
              {m.short.split(' · ')[0]}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {p.demand.map((d) => (
          <tr key={`${d.kind}:${d.key}`}>
            <th scope="row">
              {d.key} <span className="subtle">· {d.kind === 'role' ? 'role' : 'skill'}</span>
            </th>
            {labels.map((m, i) => (
              <td key={m.short} className="num">
                {d.hours[i] ? formatNumber(d.hours[i]) : <span className="subtle">·</span>}
              </td>
            ))}
            <td className="num num-strong nowrap">{formatNumber(d.hours.reduce((a, b) => a + b, 0))} h</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Alignment({ p, strategy }: { p: Proposal; strategy: StrategySettings | undefined }) {
  const objectives = (strategy?.objectives ?? [])
    .filter((o) => o.active || (p.alignment[o.id] ?? 0) > 0)
    .sort((a, b) => a.sortOrder - b.sortOrder);
  if (!strategy) return <p className="subtle">Loading the strategy…</p>;
  if (objectives.length === 0) return <p className="subtle">The strategy has no objectives yet.</p>;
  return (
    <Table className="proposal-readonly">
      <caption className="visually-hidden">Contribution to each strategic objective</caption>
      <thead>
        <tr>
          <th scope="col">Objective</th>
          <th scope="col" className="num">
            Weight
          </th>
          <th scope="col">Contribution</th>
        </tr>
      </thead>
      <tbody>
        {objectives.map((o) => {
          const rating = p.alignment[o.id] ?? 0;
          return (
            <tr key={o.id}>
              <th scope="row">
                {o.name}
                {!o.active && <span className="subtle"> · inactive</span>}
              </th>
              <td className="num">{formatPercent(o.weight)}</td>
              <td>
                <span className="proposal-rating" aria-hidden="true">
                  {[1, 2, 3, 4, 5].map((n) => (
                    <span key={n} className={n <= rating ? 'is-on' : undefined} />
                  ))}
                </span>
                {rating} — {ALIGNMENT_LABELS[rating]}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

function answerText(field: IntakeField, value: string | number | boolean | null | undefined): ReactNode {
  if (value === null || value === undefined || value === '')
    return <span className="subtle">Not answered</span>;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field.type === 'date' && typeof value === 'string') return formatDate(value);
  if (typeof value === 'number') return formatNumber(value);
  return field.type === 'longtext' ? <span className="prose">{value}</span> : value;
}

function Dependencies({ p }: { p: Proposal }) {
  const all = useQuery({
    queryKey: portfolioKeys.proposals({ sort: 'code' }),
    queryFn: ({ signal }) => listProposals({ sort: 'code' }, signal),
    enabled: p.requires.length + p.excludes.length > 0,
  });
  const byId = new Map((all.data?.items ?? []).map((x) => [x.id, x]));
  const list = (ids: readonly string[]) =>
    ids.length === 0 ? (
      none
    ) : (
      <ul className="proposal-links">
        {ids.map((id) => {
          const other = byId.get(id);
          return (
            <li key={id}>
              <Link to={`/portfolio/proposals/${id}`}>
                {other ? (
                  <>
                    <span className="mono">{other.code}</span> {other.title}
                  </>
                ) : all.isPending ? (
                  'Loading…'
                ) : (
                  'A proposal you cannot see'
                )}
              </Link>
              {other && <span className="subtle"> · {PROPOSAL_STATUS_LABELS[other.status]}</span>}
            </li>
          );
        })}
      </ul>
    );
  return (
    <Card title="Dependencies">
      <dl className="b-dl b-dl--single">
        <DescriptionItem label="Requires">{list(p.requires)}</DescriptionItem>
        <DescriptionItem label="Excludes">{list(p.excludes)}</DescriptionItem>
      </dl>
    </Card>
  );
}

export function ProposalOverview({
  proposal: p,
  strategy,
}: {
  proposal: Proposal;
  strategy: StrategySettings | undefined;
}) {
  const currency = strategy?.currency ?? 'EUR';
  const intake = useIntakeForm();
  const fields = intake.data?.fields ?? [];
  const extraKeys = Object.keys(p.answers).filter((k) => !fields.some((f) => f.key === k));
  return (
    <div className="overview">
      <div className="stack">
        <Financials p={p} currency={currency} />
        <Card title="Description">
          {p.description ? (
            <p className="prose">{p.description}</p>
          ) : (
            <p className="subtle">No description.</p>
          )}
        </Card>
        <Card
          title="Business case"
          description={`Per month from the earliest start (${formatMonth(p.earliestStart)}), in ${currency}.`}
          flush
        >
          <BusinessCaseTable p={p} currency={currency} />
        </Card>
        <Card
          title="Resource demand"
          description="Hours per month, month 1 being the month the project starts."
          flush
        >
          <DemandTable p={p} />
        </Card>
        <Card title="Strategic alignment" flush>
          <Alignment p={p} strategy={strategy} />
        </Card>
        <Card title="Additional questions">
          {intake.isPending ? (
            <p className="subtle">Loading…</p>
          ) : fields.length === 0 && extraKeys.length === 0 ? (
            <p className="subtle">Your PMO asks no additional questions.</p>
          ) : (
            <dl className="b-dl">
              {fields.map((f) => (
                <DescriptionItem key={f.key} label={f.label}>
                  {answerText(f, p.answers[f.key])}
                </DescriptionItem>
              ))}
              {extraKeys.map((k) => (
                <DescriptionItem key={k} label={`${k} (no longer asked)`}>
                  {String(p.answers[k] ?? '—')}
                </DescriptionItem>
              ))}
            </dl>
          )}
        </Card>
      </div>
      <div className="stack">
        <Card title="Key facts">
          <dl className="b-dl b-dl--single">
            <DescriptionItem label="Status">
              <ProposalStatusBadge status={p.status} />
              {p.statusReason && <span className="proposal-reason">{p.statusReason}</span>}
            </DescriptionItem>
            <DescriptionItem label="Code">
              <span className="mono">{p.code}</span>
            </DescriptionItem>
            <DescriptionItem label="Proposer">{p.proposerName ?? none}</DescriptionItem>
            <DescriptionItem label="Sponsor">{p.sponsorName ?? none}</DescriptionItem>
            <DescriptionItem label="Org unit">{p.orgUnitName ?? none}</DescriptionItem>
            <DescriptionItem label="Portfolio">{p.portfolioName ?? none}</DescriptionItem>
            <DescriptionItem label="Category">{p.category ?? none}</DescriptionItem>
            <DescriptionItem label="Start window">
              {formatMonth(p.earliestStart)} – {formatMonth(p.latestStart)}
            </DescriptionItem>
            <DescriptionItem label="Planned start">
              {p.plannedStart ? formatMonth(p.plannedStart) : <span className="subtle">Not planned yet</span>}
            </DescriptionItem>
            <DescriptionItem label="Project">
              {p.projectId ? <Link to={`/projects/${p.projectId}`}>Open the project</Link> : none}
            </DescriptionItem>
            <DescriptionItem label="Risk">
              {p.riskRating} — {RISK_LABELS[p.riskRating]}
            </DescriptionItem>
            <DescriptionItem label="Urgency">
              {p.urgency} — {URGENCY_LABELS[p.urgency]}
            </DescriptionItem>
            <DescriptionItem label="Mandatory">
              {p.mandatory ? 'Yes — always selected' : 'No'}
            </DescriptionItem>
            <DescriptionItem label="Last updated">
              {formatDateTime(p.updatedAt)} <span className="subtle">· version {p.version}</span>
            </DescriptionItem>
          </dl>
        </Card>
        <Scores p={p} strategy={strategy} />
        <Dependencies p={p} />
      </div>
    </div>
  );
}
