import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import { toMajor } from '../../api/exports.ts';
import type { Proposal, ScoringRow, StrategicObjective } from '../../api/portfolio.ts';
import { PROPOSAL_STATUS_LABELS, RISK_LABELS } from './portfolio-format.ts';

/** The proposal list's columns as exported; money in the organisation's currency, IRR as a fraction. */
export function proposalExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Id' },
    { key: 'code', label: 'Code' },
    { key: 'title', label: 'Title' },
    { key: 'proposer', label: 'Proposer' },
    { key: 'mandatory', label: 'Mandatory' },
    { key: 'status', label: 'Status' },
    { key: 'category', label: 'Category' },
    { key: 'earliestStart', label: 'Earliest start (month)' },
    { key: 'latestStart', label: 'Latest start (month)' },
    { key: 'cost', label: 'Cost', kind: 'money' },
    { key: 'npv', label: 'NPV', kind: 'money' },
    { key: 'currency', label: 'Currency' },
    { key: 'irr', label: 'IRR', kind: 'percent' },
    { key: 'paybackMonths', label: 'Payback (months)', kind: 'number' },
    { key: 'riskRating', label: 'Risk rating', kind: 'integer' },
    { key: 'risk', label: 'Risk' },
    { key: 'score', label: 'Score', kind: 'number' },
    { key: 'rank', label: 'Rank', kind: 'integer' },
  ];
}

/** One proposal as an export row, its money in `currency` (the strategy's). */
export function proposalExportRow(p: Proposal, currency: string): ExportRow {
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    proposer: p.proposerName,
    mandatory: p.mandatory ? 'Yes' : 'No',
    status: PROPOSAL_STATUS_LABELS[p.status],
    category: p.category,
    earliestStart: p.earliestStart,
    latestStart: p.latestStart,
    cost: toMajor(p.financials.totalCostMinor, currency),
    npv: toMajor(p.financials.npvMinor, currency),
    currency,
    irr: p.financials.irr,
    paybackMonths: p.financials.paybackMonths,
    riskRating: p.riskRating,
    risk: RISK_LABELS[p.riskRating] ?? null,
    score: p.scores.total,
    rank: p.rank,
  };
}

const CRITERIA = [
  { key: 'value', label: 'Value' },
  { key: 'alignment', label: 'Alignment' },
  { key: 'risk', label: 'Risk' },
  { key: 'urgency', label: 'Urgency' },
] as const;

/** The scoring matrix's columns as exported: one per active objective (0–5), the criteria and money. */
export function scoringExportColumns(objectives: readonly StrategicObjective[]): ExportColumn[] {
  return [
    { key: 'rank', label: 'Rank', kind: 'integer' },
    { key: 'code', label: 'Code' },
    { key: 'title', label: 'Proposal' },
    { key: 'status', label: 'Status' },
    ...objectives.map(
      (o): ExportColumn => ({ key: `objective-${o.id}`, label: `Alignment: ${o.name}`, kind: 'integer' }),
    ),
    ...CRITERIA.map((c): ExportColumn => ({ key: c.key, label: `${c.label} score`, kind: 'number' })),
    { key: 'total', label: 'Weighted total', kind: 'number' },
    { key: 'npv', label: 'NPV', kind: 'money' },
    { key: 'cost', label: 'Cost', kind: 'money' },
    { key: 'currency', label: 'Currency' },
  ];
}

/** One scoring matrix row as an export row; an objective without a rating counts 0, as on screen. */
export function scoringExportRow(
  r: ScoringRow,
  objectives: readonly StrategicObjective[],
  currency: string,
): ExportRow {
  return {
    rank: r.rank,
    code: r.code,
    title: r.title,
    status: PROPOSAL_STATUS_LABELS[r.status],
    ...Object.fromEntries(objectives.map((o) => [`objective-${o.id}`, r.alignment[o.id] ?? 0])),
    ...Object.fromEntries(CRITERIA.map((c) => [c.key, r.scores[c.key]])),
    total: r.scores.total,
    npv: toMajor(r.financials.npvMinor, currency),
    cost: toMajor(r.financials.totalCostMinor, currency),
    currency,
  };
}
