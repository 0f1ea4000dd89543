import type {
  CreateProposalBody,
  IntakeField,
  Proposal,
  UpdateProposalBody,
} from '../../../api/portfolio.ts';
import { formatMajorInput, parseMajorToMinor } from '../../../design/format.ts';
import { addMonths, currentMonth } from '../portfolio-format.ts';

/** One month of the business case, as typed (major units). */
export type MoneyRow = { capex: string; opex: string; benefit: string };
export type MoneyKey = keyof MoneyRow;
export type DemandKind = 'role' | 'skill';
/** One line of resource demand: hours per month as typed. */
export type DemandRow = { key: string; kind: DemandKind; hours: string[] };

/** What the proposal form holds: text as typed, so nothing is lost while someone is mid-edit. */
export type ProposalFormState = {
  title: string;
  description: string;
  category: string;
  orgUnitId: string;
  portfolioId: string;
  sponsorId: string;
  earliestStart: string;
  latestStart: string;
  riskRating: number;
  urgency: number;
  mandatory: boolean;
  businessCase: MoneyRow[];
  /** Columns of the demand grid; every line has this many months. */
  demandMonths: number;
  demand: DemandRow[];
  /** Objective id → 0 … 5. */
  alignment: Record<string, number>;
  requires: string[];
  excludes: string[];
  /** Intake field key → text; booleans as 'true' / 'false' / '' (not answered). */
  answers: Record<string, string>;
};

export type FormErrors = Partial<Record<string, string>>;

export const MONEY_COLUMNS: readonly { key: MoneyKey; field: string; label: string }[] = [
  { key: 'capex', field: 'capexMinor', label: 'Capex' },
  { key: 'opex', field: 'opexMinor', label: 'Opex' },
  { key: 'benefit', field: 'benefitMinor', label: 'Benefit' },
];

export const MAX_MONTHS = 120;
export const MAX_DEMAND_LINES = 40;
export const MAX_DEPENDENCIES = 50;
const MAX_MONEY = 1e15;
const MAX_HOURS = 1e12;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ALIGNMENT_LABELS: Readonly<Record<number, string>> = {
  0: 'None',
  1: 'Weak',
  2: 'Moderate',
  3: 'Strong',
  4: 'Very strong',
  5: 'Extreme',
};

export const URGENCY_LABELS: Readonly<Record<number, string>> = {
  1: 'Can wait',
  2: 'Low',
  3: 'Medium',
  4: 'High',
  5: 'Now',
};

export const emptyMoneyRow = (): MoneyRow => ({ capex: '', opex: '', benefit: '' });

export function emptyFormState(now: string = currentMonth(), months = 12): ProposalFormState {
  const start = addMonths(now, 1);
  return {
    title: '',
    description: '',
    category: '',
    orgUnitId: '',
    portfolioId: '',
    sponsorId: '',
    earliestStart: start,
    latestStart: addMonths(start, 3),
    riskRating: 3,
    urgency: 3,
    mandatory: false,
    businessCase: Array.from({ length: months }, emptyMoneyRow),
    demandMonths: months,
    demand: [],
    alignment: {},
    requires: [],
    excludes: [],
    answers: {},
  };
}

function answerText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

const hoursText = (h: number | undefined) => (h === undefined || h === 0 ? '' : String(h));
const moneyText = (minor: number, currency: string) => (minor === 0 ? '' : formatMajorInput(minor, currency));

export function formStateOf(p: Proposal, currency: string): ProposalFormState {
  const demandMonths = Math.max(p.businessCase.length, ...p.demand.map((d) => d.hours.length), 1);
  const answers: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.answers)) answers[k] = answerText(v);
  return {
    title: p.title,
    description: p.description ?? '',
    category: p.category ?? '',
    orgUnitId: p.orgUnitId ?? '',
    portfolioId: p.portfolioId ?? '',
    sponsorId: p.sponsorId ?? '',
    earliestStart: p.earliestStart,
    latestStart: p.latestStart,
    riskRating: p.riskRating,
    urgency: p.urgency,
    mandatory: p.mandatory,
    businessCase: p.businessCase.map((m) => ({
      capex: moneyText(m.capexMinor, currency),
      opex: moneyText(m.opexMinor, currency),
      benefit: moneyText(m.benefitMinor, currency),
    })),
    demandMonths,
    demand: p.demand.map((d) => ({
      key: d.key,
      kind: d.kind,
      hours: Array.from({ length: demandMonths }, (_, i) => hoursText(d.hours[i])),
    })),
    alignment: { ...p.alignment },
    requires: [...p.requires],
    excludes: [...p.excludes],
    answers,
  };
}

// ---- parsing ----

/** Minor units of a typed amount: empty is 0, NaN when it is not an amount. */
export function moneyOf(text: string, currency: string): number {
  const minor = parseMajorToMinor(text, currency);
  return minor === null ? 0 : minor;
}

/** Hours typed in a demand cell: empty is 0, NaN when not a number ≥ 0. */
export function hoursOf(text: string): number {
  const t = text.trim().replace(',', '.');
  if (t === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}

/** The API value of an intake answer; null when unanswered, NaN for a number that is not one. */
export function answerValue(field: IntakeField, text: string | undefined): string | number | boolean | null {
  const t = (text ?? '').trim();
  if (t === '') return null;
  switch (field.type) {
    case 'number':
      return Number.isFinite(Number(t)) ? Number(t) : Number.NaN;
    case 'boolean':
      return t === 'true';
    case 'longtext':
      return (text ?? '').trim();
    default:
      return t;
  }
}

/** The editable values in the API's shape. */
export type ProposalValues = {
  title: string;
  description: string | null;
  category: string | null;
  orgUnitId: string | null;
  portfolioId: string | null;
  sponsorId: string | null;
  earliestStart: string;
  latestStart: string;
  riskRating: number;
  urgency: number;
  mandatory: boolean;
  businessCase: { capexMinor: number; opexMinor: number; benefitMinor: number }[];
  demand: { key: string; kind: DemandKind; hours: number[] }[];
  alignment: Record<string, number>;
  requires: string[];
  excludes: string[];
  answers: Record<string, string | number | boolean | null>;
};

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function valuesOf(
  s: ProposalFormState,
  fields: readonly IntakeField[],
  currency: string,
): ProposalValues {
  const answers: Record<string, string | number | boolean | null> = {};
  for (const f of fields) answers[f.key] = answerValue(f, s.answers[f.key]);
  return {
    title: s.title.trim(),
    description: orNull(s.description),
    category: orNull(s.category),
    orgUnitId: orNull(s.orgUnitId),
    portfolioId: orNull(s.portfolioId),
    sponsorId: orNull(s.sponsorId),
    earliestStart: s.earliestStart,
    latestStart: s.latestStart,
    riskRating: s.riskRating,
    urgency: s.urgency,
    mandatory: s.mandatory,
    businessCase: s.businessCase.map((m) => ({
      capexMinor: moneyOf(m.capex, currency),
      opexMinor: moneyOf(m.opex, currency),
      benefitMinor: moneyOf(m.benefit, currency),
    })),
    demand: s.demand.map((d) => ({
      key: d.key.trim(),
      kind: d.kind,
      hours: Array.from({ length: s.demandMonths }, (_, i) => hoursOf(d.hours[i] ?? '')),
    })),
    alignment: { ...s.alignment },
    requires: [...new Set(s.requires)],
    excludes: [...new Set(s.excludes)],
    answers,
  };
}

// ---- validation ----

/**
 * Client-side checks mirroring the server's; `complete` adds what submitting demands (required
 * answers, a business case). The server has the last word.
 */
export function validateForm(
  s: ProposalFormState,
  fields: readonly IntakeField[],
  currency: string,
  { complete }: { complete: boolean },
): FormErrors {
  const e: FormErrors = {};
  const title = s.title.trim();
  if (!title) e.title = 'Give the proposal a title.';
  else if (title.length > 200) e.title = 'Keep the title under 200 characters.';
  if (s.description.length > 10_000) e.description = 'Keep the description under 10,000 characters.';

  if (!MONTH.test(s.earliestStart)) e.earliestStart = 'Choose the earliest month the project could start.';
  if (!MONTH.test(s.latestStart)) e.latestStart = 'Choose the latest month the project may start.';
  else if (MONTH.test(s.earliestStart) && s.latestStart < s.earliestStart)
    e.latestStart = 'The latest start cannot be before the earliest start.';

  if (s.businessCase.length > MAX_MONTHS)
    e.businessCase = `A business case covers at most ${MAX_MONTHS} months.`;
  else if (complete && s.businessCase.length === 0)
    e.businessCase = 'Add the business case (costs and benefits per month) before submitting.';
  s.businessCase.forEach((row, i) => {
    for (const c of MONEY_COLUMNS) {
      const minor = moneyOf(row[c.key], currency);
      if (Number.isNaN(minor) || minor < 0)
        e[`businessCase.${i}.${c.field}`] = 'Enter an amount such as 25000 or 1250.50.';
      else if (minor > MAX_MONEY) e[`businessCase.${i}.${c.field}`] = 'This amount is too large.';
    }
  });

  if (s.demand.length > MAX_DEMAND_LINES) e.demand = `Use at most ${MAX_DEMAND_LINES} demand lines.`;
  else if (s.demandMonths > MAX_MONTHS) e.demand = `Demand covers at most ${MAX_MONTHS} months.`;
  s.demand.forEach((line, i) => {
    const key = line.key.trim();
    if (!key) e[`demand.${i}.key`] = 'Name the role or skill.';
    else if (key.length > 100) e[`demand.${i}.key`] = 'Keep the name under 100 characters.';
    for (let m = 0; m < s.demandMonths; m++) {
      const h = hoursOf(line.hours[m] ?? '');
      if (Number.isNaN(h)) e[`demand.${i}.hours.${m}`] = 'Enter hours as a number.';
      else if (h > MAX_HOURS) e[`demand.${i}.hours.${m}`] = 'Too many hours.';
    }
  });

  if (s.requires.length > MAX_DEPENDENCIES) e.requires = `At most ${MAX_DEPENDENCIES} proposals.`;
  if (s.excludes.length > MAX_DEPENDENCIES) e.excludes = `At most ${MAX_DEPENDENCIES} proposals.`;
  else if (s.excludes.some((id) => s.requires.includes(id)))
    e.excludes = 'A proposal cannot both require and exclude the same proposal.';

  for (const f of fields) {
    const key = `answers.${f.key}`;
    const text = (s.answers[f.key] ?? '').trim();
    if (text === '') {
      if (complete && f.required) e[key] = `“${f.label}” must be answered before the proposal is submitted.`;
      continue;
    }
    const v = answerValue(f, text);
    if (f.type === 'number' && Number.isNaN(v)) e[key] = 'Enter a number.';
    else if (f.type === 'date' && !DATE.test(text)) e[key] = 'Enter a date as YYYY-MM-DD.';
    else if (f.type === 'select' && !(f.options ?? []).includes(text))
      e[key] = `Choose one of: ${(f.options ?? []).join(', ')}.`;
    else if (text.length > 10_000) e[key] = 'Keep the answer under 10,000 characters.';
  }
  return e;
}

// ---- bodies ----

export function toCreateBody(
  s: ProposalFormState,
  fields: readonly IntakeField[],
  currency: string,
): CreateProposalBody {
  const v = valuesOf(s, fields, currency);
  const answers = Object.fromEntries(Object.entries(v.answers).filter(([, x]) => x !== null));
  return {
    title: v.title,
    ...(v.description !== null ? { description: v.description } : {}),
    ...(v.category !== null ? { category: v.category } : {}),
    ...(v.orgUnitId !== null ? { orgUnitId: v.orgUnitId } : {}),
    ...(v.portfolioId !== null ? { portfolioId: v.portfolioId } : {}),
    ...(v.sponsorId !== null ? { sponsorId: v.sponsorId } : {}),
    earliestStart: v.earliestStart,
    latestStart: v.latestStart,
    riskRating: v.riskRating,
    urgency: v.urgency,
    mandatory: v.mandatory,
    businessCase: v.businessCase,
    demand: v.demand,
    alignment: v.alignment,
    requires: v.requires,
    excludes: v.excludes,
    answers,
  };
}

export type ProposalChanges = Omit<UpdateProposalBody, 'version'>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what the person changed, so saving does not overwrite what they never touched. */
export function diffChanges(
  original: ProposalFormState,
  edited: ProposalFormState,
  fields: readonly IntakeField[],
  currency: string,
): ProposalChanges {
  const before = valuesOf(original, fields, currency);
  const after = valuesOf(edited, fields, currency);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof ProposalValues)[]) {
    if (!same(before[key], after[key])) changes[key] = after[key];
  }
  // Keeping both months together keeps the server's start-order check meaningful.
  if ('earliestStart' in changes || 'latestStart' in changes) {
    changes.earliestStart = after.earliestStart;
    changes.latestStart = after.latestStart;
  }
  return changes as ProposalChanges;
}

// ---- server errors ----

const SCALAR_FIELDS = new Set([
  'title',
  'description',
  'category',
  'orgUnitId',
  'portfolioId',
  'sponsorId',
  'earliestStart',
  'latestStart',
  'riskRating',
  'urgency',
  'mandatory',
  'businessCase',
  'demand',
  'alignment',
  'requires',
  'excludes',
]);

/** The form's error key for a server field path ("requires[2]" → "requires"); null when the form has none. */
export function formKeyOf(field: string): string | null {
  const path = field.replace(/\[(\d+)\]/g, '.$1');
  if (SCALAR_FIELDS.has(path)) return path;
  if (/^businessCase\.\d+\.(capexMinor|opexMinor|benefitMinor)$/.test(path)) return path;
  if (path.startsWith('businessCase.')) return 'businessCase';
  if (/^demand\.\d+\.(key|kind)$/.test(path) || /^demand\.\d+\.hours\.\d+$/.test(path)) return path;
  if (path.startsWith('demand.')) return 'demand';
  if (/^(requires|excludes)\.\d+$/.test(path)) return path.split('.')[0] ?? null;
  if (/^(alignment|answers)\.[^.]+$/.test(path)) return path;
  return null;
}

/** Server field problems onto form error keys; those the form cannot show go to '(root)'. */
export function errorsFromProblem(errors: readonly { field: string; message: string }[]): FormErrors {
  const out: FormErrors = {};
  for (const { field, message } of errors) {
    const key = formKeyOf(field) ?? '(root)';
    const text = message.charAt(0).toUpperCase() + message.slice(1);
    out[key] = out[key] ? `${out[key]} ${text}` : text;
  }
  return out;
}

// ---- grid helpers ----

export type BusinessCaseTotals = {
  capexMinor: number;
  opexMinor: number;
  benefitMinor: number;
  netMinor: number;
  /** Net flow per month and running total; cells that do not parse count as 0. */
  rows: { netMinor: number; cumulativeMinor: number }[];
};

export function businessCaseTotals(rows: readonly MoneyRow[], currency: string): BusinessCaseTotals {
  const safe = (t: string) => {
    const m = moneyOf(t, currency);
    return Number.isFinite(m) ? m : 0;
  };
  let cumulative = 0;
  const totals = { capexMinor: 0, opexMinor: 0, benefitMinor: 0 };
  const out = rows.map((r) => {
    const capex = safe(r.capex);
    const opex = safe(r.opex);
    const benefit = safe(r.benefit);
    totals.capexMinor += capex;
    totals.opexMinor += opex;
    totals.benefitMinor += benefit;
    const net = benefit - capex - opex;
    cumulative += net;
    return { netMinor: net, cumulativeMinor: cumulative };
  });
  return {
    ...totals,
    netMinor: totals.benefitMinor - totals.capexMinor - totals.opexMinor,
    rows: out,
  };
}

/** Sets `count` months from month index `from` (0-based); empty amounts leave that column as it is. */
export function fillBusinessCase(
  rows: readonly MoneyRow[],
  fill: { from: number; count: number; capex: string; opex: string; benefit: string },
): MoneyRow[] {
  const end = Math.min(MAX_MONTHS, fill.from + fill.count);
  const next = rows.map((r) => ({ ...r }));
  while (next.length < end) next.push(emptyMoneyRow());
  for (let i = Math.max(0, fill.from); i < end; i++) {
    const row = next[i];
    if (!row) continue;
    if (fill.capex.trim()) row.capex = fill.capex.trim();
    if (fill.opex.trim()) row.opex = fill.opex.trim();
    if (fill.benefit.trim()) row.benefit = fill.benefit.trim();
  }
  return next;
}

/** The demand grid with `months` columns: lines are cut or padded with empty months. */
export type DemandState = Pick<ProposalFormState, 'demand' | 'demandMonths'>;

export function resizeDemand<T extends DemandState>(s: T, months: number): T {
  const n = Math.max(1, Math.min(MAX_MONTHS, months));
  return {
    ...s,
    demandMonths: n,
    demand: s.demand.map((d) => ({
      ...d,
      hours: Array.from({ length: n }, (_, i) => d.hours[i] ?? ''),
    })),
  };
}

/** Sets `hours` for `count` months from `from` on one line, widening the grid when needed. */
export function fillDemand<T extends DemandState>(
  s: T,
  line: number,
  fill: { from: number; count: number; hours: string },
): T {
  const end = Math.min(MAX_MONTHS, fill.from + fill.count);
  const sized = end > s.demandMonths ? resizeDemand(s, end) : s;
  return {
    ...sized,
    demand: sized.demand.map((d, i) =>
      i === line
        ? { ...d, hours: d.hours.map((h, m) => (m >= fill.from && m < end ? fill.hours.trim() : h)) }
        : d,
    ),
  };
}

/** Total hours of one demand line; cells that do not parse count as 0. */
export function demandLineTotal(line: DemandRow): number {
  return line.hours.reduce((sum, h) => {
    const n = hoursOf(h);
    return Number.isFinite(n) ? sum + n : sum;
  }, 0);
}

/** True when some error key is `prefix` or below it. */
export function hasErrorUnder(errors: FormErrors, prefix: string): boolean {
  return Object.keys(errors).some((k) => k === prefix || k.startsWith(`${prefix}.`));
}

/** Drops the `exact` error keys, everything below the `below` prefixes, and the root error. */
export function withoutErrors(
  errors: FormErrors,
  exact: readonly string[],
  below: readonly string[] = [],
): FormErrors {
  const next: FormErrors = {};
  for (const [k, v] of Object.entries(errors)) {
    if (k === '(root)' || exact.includes(k) || below.some((p) => k.startsWith(`${p}.`))) continue;
    next[k] = v;
  }
  return next;
}

// ---- who may edit ----

/** Statuses in which the proposer may still edit; the board may edit until a decision (as the server). */
const PROPOSER_EDITS: ReadonlySet<string> = new Set(['draft', 'submitted', 'deferred']);
const BOARD_EDITS: ReadonlySet<string> = new Set(['draft', 'submitted', 'under_review', 'deferred']);

/** Whether the Edit tab is offered: the server decides, this only avoids offering what it would refuse. */
export function canEditProposal(
  p: Pick<Proposal, 'status' | 'proposerId' | 'projectId'>,
  userId: string | null,
  board: boolean,
): boolean {
  if (p.projectId) return false;
  if (board && BOARD_EDITS.has(p.status)) return true;
  return p.proposerId !== null && p.proposerId === userId && PROPOSER_EDITS.has(p.status);
}

/** Only a draft is deleted, by its proposer or the board. */
export function canDeleteProposal(
  p: Pick<Proposal, 'status' | 'proposerId'>,
  userId: string | null,
  board: boolean,
): boolean {
  return p.status === 'draft' && (board || (p.proposerId !== null && p.proposerId === userId));
}
