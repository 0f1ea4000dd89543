import { describe, expect, it } from 'vitest';
import type { IntakeField, Proposal } from '../../../api/portfolio.ts';
import {
  businessCaseTotals,
  canDeleteProposal,
  canEditProposal,
  diffChanges,
  emptyFormState,
  errorsFromProblem,
  fillBusinessCase,
  fillDemand,
  formKeyOf,
  formStateOf,
  resizeDemand,
  toCreateBody,
  validateForm,
  withoutErrors,
} from './proposal-form-model.ts';

const FIELDS: IntakeField[] = [
  {
    key: 'strategic_theme',
    label: 'Strategic theme',
    type: 'select',
    required: true,
    options: ['Digital channels', 'Operations'],
  },
  { key: 'sponsor_confirmed', label: 'Sponsor confirmed', type: 'boolean', required: false },
  { key: 'head_count', label: 'Head count', type: 'number', required: false },
];

const OBJ = '00000000-0000-4000-8000-0000000000o1';
const OTHER = '00000000-0000-4000-8000-0000000000p2';

const PROPOSAL: Proposal = {
  id: '00000000-0000-4000-8000-0000000000p1',
  version: 4,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-02T00:00:00Z',
  code: 'PR-011',
  title: 'Self-service portal',
  status: 'draft',
  statusReason: null,
  description: null,
  category: 'Growth',
  orgUnitId: null,
  portfolioId: null,
  sponsorId: null,
  earliestStart: '2027-01',
  latestStart: '2027-04',
  riskRating: 2,
  urgency: 4,
  mandatory: false,
  businessCase: [
    { capexMinor: 10_000_00, opexMinor: 2_000_00, benefitMinor: 0 },
    { capexMinor: 0, opexMinor: 2_000_00, benefitMinor: 15_000_50 },
  ],
  demand: [{ key: 'Developer', kind: 'role', hours: [80, 40] }],
  alignment: { [OBJ]: 3 },
  requires: [],
  excludes: [],
  answers: { strategic_theme: 'Operations', sponsor_confirmed: true, removed_question: 'x' },
  orgUnitName: null,
  portfolioName: null,
  sponsorName: null,
  proposerId: null,
  proposerName: null,
  financials: { totalCostMinor: 0, totalBenefitMinor: 0, npvMinor: 0, irr: null, paybackMonths: null },
  scores: { value: 0, alignment: 0, risk: 0, urgency: 0, total: 0 },
  rank: null,
  plannedStart: null,
  projectId: null,
  commentCount: 0,
  nextStatuses: ['submitted'],
};

describe('formStateOf / diffChanges', () => {
  it('round-trips a proposal without finding changes', () => {
    const s = formStateOf(PROPOSAL, 'EUR');
    expect(s.businessCase[1]).toEqual({ capex: '', opex: '2000', benefit: '15000.50' });
    expect(s.answers.sponsor_confirmed).toBe('true');
    expect(diffChanges(s, { ...s }, FIELDS, 'EUR')).toEqual({});
  });

  it('sends only what changed, whole arrays and both start months together', () => {
    const s = formStateOf(PROPOSAL, 'EUR');
    const edited = {
      ...s,
      latestStart: '2027-06',
      businessCase: [...s.businessCase, { capex: '', opex: '1,000', benefit: '20000' }],
      answers: { ...s.answers, head_count: '3' },
    };
    const changes = diffChanges(s, edited, FIELDS, 'EUR');
    expect(Object.keys(changes).sort()).toEqual(['answers', 'businessCase', 'earliestStart', 'latestStart']);
    expect(changes.businessCase?.[2]).toEqual({
      capexMinor: 0,
      opexMinor: 1_000_00,
      benefitMinor: 20_000_00,
    });
    // Only configured questions are sent: an answer to a removed question would be refused.
    expect(changes.answers).toEqual({
      strategic_theme: 'Operations',
      sponsor_confirmed: true,
      head_count: 3,
    });
  });
});

describe('validateForm', () => {
  it('checks the basics and the grids cell by cell', () => {
    const s = {
      ...emptyFormState('2026-12', 2),
      title: ' ',
      latestStart: '2026-11',
      businessCase: [
        { capex: '12.345', opex: '', benefit: '' },
        { capex: '', opex: 'abc', benefit: '' },
      ],
      demand: [{ key: '', kind: 'role' as const, hours: ['10', 'x'] }],
      requires: [OTHER],
      excludes: [OTHER],
      answers: { head_count: 'many' },
    };
    expect(Object.keys(validateForm(s, FIELDS, 'EUR', { complete: false })).sort()).toEqual([
      'answers.head_count',
      'businessCase.0.capexMinor',
      'businessCase.1.opexMinor',
      'demand.0.hours.1',
      'demand.0.key',
      'excludes',
      'latestStart',
      'title',
    ]);
  });

  it('asks for required answers and a business case only when submitting', () => {
    const s = { ...emptyFormState('2026-12', 0), title: 'Portal' };
    expect(validateForm(s, FIELDS, 'EUR', { complete: false })).toEqual({});
    expect(Object.keys(validateForm(s, FIELDS, 'EUR', { complete: true })).sort()).toEqual([
      'answers.strategic_theme',
      'businessCase',
    ]);
  });
});

describe('toCreateBody', () => {
  it('converts major units to minor, hours to numbers, and leaves out what is empty', () => {
    const s = {
      ...emptyFormState('2026-12', 2),
      title: ' Portal ',
      businessCase: [
        { capex: '1 500', opex: '250.5', benefit: '' },
        { capex: '', opex: '', benefit: '3000' },
      ],
      demand: [{ key: ' Developer ', kind: 'skill' as const, hours: ['40'] }],
      answers: { strategic_theme: 'Operations', sponsor_confirmed: 'false', head_count: '' },
    };
    const body = toCreateBody(s, FIELDS, 'EUR');
    expect(body.title).toBe('Portal');
    expect(body).not.toHaveProperty('description');
    expect(body).not.toHaveProperty('category');
    expect(body.earliestStart).toBe('2027-01');
    expect(body.latestStart).toBe('2027-04');
    expect(body.businessCase).toEqual([
      { capexMinor: 1_500_00, opexMinor: 250_50, benefitMinor: 0 },
      { capexMinor: 0, opexMinor: 0, benefitMinor: 3_000_00 },
    ]);
    expect(body.demand).toEqual([{ key: 'Developer', kind: 'skill', hours: [40, 0] }]);
    expect(body.answers).toEqual({ strategic_theme: 'Operations', sponsor_confirmed: false });
  });
});

describe('grid helpers', () => {
  it('totals the business case with a running net', () => {
    const t = businessCaseTotals(
      [
        { capex: '100', opex: '10', benefit: '' },
        { capex: 'oops', opex: '10', benefit: '200' },
      ],
      'EUR',
    );
    expect(t).toMatchObject({ capexMinor: 100_00, opexMinor: 20_00, benefitMinor: 200_00, netMinor: 80_00 });
    expect(t.rows.map((r) => r.cumulativeMinor)).toEqual([-110_00, 80_00]);
  });

  it('fills months, growing the grid and keeping columns left empty', () => {
    const rows = fillBusinessCase([{ capex: '5', opex: '1', benefit: '' }], {
      from: 0,
      count: 3,
      capex: '',
      opex: '2',
      benefit: '',
    });
    expect(rows).toEqual([
      { capex: '5', opex: '2', benefit: '' },
      { capex: '', opex: '2', benefit: '' },
      { capex: '', opex: '2', benefit: '' },
    ]);
  });

  it('resizes and fills the demand grid', () => {
    const s = {
      ...emptyFormState('2026-12', 2),
      demand: [{ key: 'Dev', kind: 'role' as const, hours: ['1', '2'] }],
    };
    expect(resizeDemand(s, 1).demand[0]?.hours).toEqual(['1']);
    const filled = fillDemand(s, 0, { from: 1, count: 3, hours: '80' });
    expect(filled.demandMonths).toBe(4);
    expect(filled.demand[0]?.hours).toEqual(['1', '80', '80', '80']);
  });
});

describe('server errors', () => {
  it('maps field paths onto the form and the rest onto the root', () => {
    expect(formKeyOf('businessCase.2.capexMinor')).toBe('businessCase.2.capexMinor');
    expect(formKeyOf('requires[1]')).toBe('requires');
    expect(formKeyOf('demand.0.hours.3')).toBe('demand.0.hours.3');
    expect(formKeyOf('demand.0')).toBe('demand');
    expect(formKeyOf('reason')).toBeNull();
    expect(
      errorsFromProblem([
        { field: 'answers.strategic_theme', message: 'must be answered' },
        { field: 'to', message: 'allowed: none' },
      ]),
    ).toEqual({ 'answers.strategic_theme': 'Must be answered', '(root)': 'Allowed: none' });
  });

  it('clears an edited field, everything below a prefix, and the root error', () => {
    const errors = { demand: 'd', 'demand.0.key': 'x', 'demand.1.key': 'y', title: 'z', '(root)': 'r' };
    expect(withoutErrors(errors, ['demand'], ['demand.0'])).toEqual({ 'demand.1.key': 'y', title: 'z' });
    expect(withoutErrors(errors, ['title'])).toEqual({
      demand: 'd',
      'demand.0.key': 'x',
      'demand.1.key': 'y',
    });
  });
});

describe('canEditProposal / canDeleteProposal', () => {
  const me = '00000000-0000-4000-8000-0000000000u1';
  it('lets the proposer edit until review and the board until a decision', () => {
    const mine = { ...PROPOSAL, proposerId: me };
    expect(canEditProposal({ ...mine, status: 'submitted' }, me, false)).toBe(true);
    expect(canEditProposal({ ...mine, status: 'under_review' }, me, false)).toBe(false);
    expect(canEditProposal({ ...mine, status: 'under_review' }, 'someone-else', true)).toBe(true);
    expect(canEditProposal({ ...mine, status: 'approved' }, me, true)).toBe(false);
    expect(canEditProposal({ ...mine, projectId: OTHER }, me, true)).toBe(false);
  });

  it('deletes drafts only', () => {
    const mine = { ...PROPOSAL, proposerId: me };
    expect(canDeleteProposal(mine, me, false)).toBe(true);
    expect(canDeleteProposal(mine, 'someone-else', false)).toBe(false);
    expect(canDeleteProposal({ ...mine, status: 'submitted' }, me, true)).toBe(false);
  });
});
