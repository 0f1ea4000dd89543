import type { IntakeField, ProposalStatus } from '../../../api/portfolio.ts';
import { formatDate, formatMoney, formatNumber } from '../../../design/format.ts';
import { formatMonth, PROPOSAL_STATUS_LABELS, RISK_LABELS } from '../portfolio-format.ts';
import { ALIGNMENT_LABELS, URGENCY_LABELS } from './proposal-form-model.ts';

/** Names for the ids a proposal's journal carries. */
export type ProposalLookup = {
  users: ReadonlyMap<string, string>;
  orgUnits: ReadonlyMap<string, string>;
  portfolios: ReadonlyMap<string, string>;
  /** Proposal id → "PR-004 Personalised offers engine". */
  proposals: ReadonlyMap<string, string>;
  /** Objective id → name. */
  objectives: ReadonlyMap<string, string>;
  fields: readonly IntakeField[];
  currency: string;
};

export type Change = { field: string; from: unknown; to: unknown };

const LABELS: Readonly<Record<string, string>> = {
  title: 'Title',
  code: 'Code',
  description: 'Description',
  status: 'Status',
  statusReason: 'Reason',
  category: 'Category',
  orgUnitId: 'Org unit',
  portfolioId: 'Portfolio',
  sponsorId: 'Sponsor',
  earliestStart: 'Earliest start',
  latestStart: 'Latest start',
  riskRating: 'Risk',
  urgency: 'Urgency',
  mandatory: 'Mandatory',
  businessCase: 'Business case',
  demand: 'Resource demand',
  alignment: 'Alignment',
  requires: 'Requires',
  excludes: 'Excludes',
  answers: 'Answers',
  plannedStart: 'Planned start',
  projectId: 'Project',
  comment: 'Comment',
};

export const ACTION_LABELS: Readonly<Record<string, string>> = {
  create: 'created the proposal',
  update: 'edited the proposal',
  transition: 'changed the status',
  delete: 'deleted the proposal',
  comment: 'commented',
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const ORDER = Object.keys(LABELS);
const rank = (field: string) => {
  const i = ORDER.indexOf(field.split('.')[0] ?? field);
  return i === -1 ? ORDER.length : i;
};

/** Splits changes of the alignment and answers records into one change per key that differs. */
export function expandProposalChanges(changes: readonly Change[]): Change[] {
  const out: Change[] = [];
  for (const c of changes) {
    if (
      (c.field === 'alignment' || c.field === 'answers') &&
      (isRecord(c.from) || c.from === null) &&
      (isRecord(c.to) || c.to === null)
    ) {
      const from = isRecord(c.from) ? c.from : {};
      const to = isRecord(c.to) ? c.to : {};
      for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
        const a = from[key] ?? null;
        const b = to[key] ?? null;
        if (JSON.stringify(a) === JSON.stringify(b)) continue;
        // A new proposal's zero ratings say nothing: leave them out.
        if (c.field === 'alignment' && c.from === null && (b === 0 || b === null)) continue;
        out.push({ field: `${c.field}.${key}`, from: a, to: b });
      }
    } else out.push(c);
  }
  // In the order of the form, not the alphabet.
  return out.sort((a, b) => rank(a.field) - rank(b.field));
}

export function labelOfProposalField(field: string, lookup: ProposalLookup): string {
  if (field.startsWith('alignment.')) {
    const id = field.slice('alignment.'.length);
    return `Alignment: ${lookup.objectives.get(id) ?? 'an objective'}`;
  }
  if (field.startsWith('answers.')) {
    const key = field.slice('answers.'.length);
    return lookup.fields.find((f) => f.key === key)?.label ?? key.replace(/_/g, ' ');
  }
  return LABELS[field] ?? field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

const nameOr = (map: ReadonlyMap<string, string>, id: unknown, what: string) =>
  typeof id === 'string' ? (map.get(id) ?? `Unknown ${what}`) : String(id);

function amount(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function businessCaseText(value: unknown, currency: string): string {
  if (!Array.isArray(value) || value.length === 0) return 'none';
  let cost = 0;
  let benefit = 0;
  for (const m of value) {
    if (!isRecord(m)) continue;
    cost += amount(m.capexMinor) + amount(m.opexMinor);
    benefit += amount(m.benefitMinor);
  }
  const months = value.length === 1 ? '1 month' : `${value.length} months`;
  return `${months} · cost ${formatMoney(cost, currency)} · benefit ${formatMoney(benefit, currency)}`;
}

function demandText(value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return 'none';
  return value
    .filter(isRecord)
    .map((d) => {
      const hours = Array.isArray(d.hours)
        ? d.hours.reduce((a: number, h) => a + (typeof h === 'number' ? h : 0), 0)
        : 0;
      return `${String(d.key)} ${formatNumber(hours)} h`;
    })
    .join(', ');
}

/** A journal value in words. */
export function formatProposalValue(field: string, value: unknown, lookup: ProposalLookup): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field.startsWith('alignment.'))
    return typeof value === 'number' ? `${value} — ${ALIGNMENT_LABELS[value] ?? ''}` : String(value);
  if (field.startsWith('answers.')) {
    const def = lookup.fields.find((f) => `answers.${f.key}` === field);
    if (typeof value === 'boolean') return value ? 'Yes' : 'No';
    if (def?.type === 'date' && typeof value === 'string') return formatDate(value);
    return String(value);
  }
  switch (field) {
    case 'status':
      return PROPOSAL_STATUS_LABELS[value as ProposalStatus] ?? String(value);
    case 'earliestStart':
    case 'latestStart':
    case 'plannedStart':
      return typeof value === 'string' ? formatMonth(value) : String(value);
    case 'sponsorId':
      return nameOr(lookup.users, value, 'user');
    case 'orgUnitId':
      return nameOr(lookup.orgUnits, value, 'org unit');
    case 'portfolioId':
      return nameOr(lookup.portfolios, value, 'portfolio');
    case 'riskRating':
      return typeof value === 'number' ? `${value} — ${RISK_LABELS[value] ?? ''}` : String(value);
    case 'urgency':
      return typeof value === 'number' ? `${value} — ${URGENCY_LABELS[value] ?? ''}` : String(value);
    case 'mandatory':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    case 'businessCase':
      return businessCaseText(value, lookup.currency);
    case 'demand':
      return demandText(value);
    case 'requires':
    case 'excludes':
      return Array.isArray(value) && value.length > 0
        ? value.map((id) => nameOr(lookup.proposals, id, 'proposal')).join(', ')
        : 'none';
    case 'projectId':
      return 'a project was created';
    case 'description':
    case 'comment':
    case 'statusReason': {
      const text = String(value);
      return text.length > 240 ? `${text.slice(0, 240)}…` : text;
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
