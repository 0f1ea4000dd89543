import type { CreateProposalBody, ProposalStatus } from '@baton/contracts';
import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import { addMonths } from '../modules/portfolio/scoring.ts';
import type { Services } from '../services.ts';

/** Months of benefits counted after a demo proposal is delivered. */
const BENEFIT_TAIL_MONTHS = 12;

type DemoProposal = {
  title: string;
  description: string;
  category: string;
  unit: string;
  portfolio: string | null;
  /** Months from next month: earliest and latest start. */
  window: [number, number];
  risk: number;
  urgency: number;
  mandatory?: boolean;
  /** Per month while it runs: capex, opex, benefit in thousands (benefits continue after). */
  months: number;
  capex: number;
  opex: number;
  benefit: number;
  benefitFrom: number;
  demand: [string, number][];
  /** Objective ratings 0–5, in the order of OBJECTIVES. */
  alignment: [number, number, number, number];
  status: ProposalStatus;
  reason?: string;
  answers: Record<string, string | number | boolean>;
};

const OBJECTIVES: [string, string][] = [
  ['Grow digital revenue', 'New revenue from digital channels and products.'],
  ['Lower cost to serve', 'Fewer manual steps, cheaper operations.'],
  ['Stay compliant', 'Meet regulatory deadlines without exception.'],
  ['Delight customers', 'Measurably better customer experience (NPS).'],
];
/** Pairwise judgements (Saaty scale) of the objectives above: revenue matters most, then compliance. */
const AHP = [
  [1, 3, 2, 4],
  [1 / 3, 1, 1 / 2, 2],
  [1 / 2, 2, 1, 3],
  [1 / 4, 1 / 2, 1 / 3, 1],
];

const PROPOSALS: DemoProposal[] = [
  {
    title: 'Mobile self-service app',
    description: 'Customers manage contracts and payments in a native app.',
    category: 'Growth',
    unit: 'CPLAT',
    portfolio: 'DT',
    window: [0, 2],
    risk: 3,
    urgency: 4,
    months: 9,
    capex: 60,
    opex: 15,
    benefit: 150,
    benefitFrom: 6,
    demand: [
      ['Developer', 240],
      ['UX designer', 80],
      ['Tester', 60],
    ],
    alignment: [5, 2, 0, 5],
    status: 'under_review',
    answers: { strategic_theme: 'Digital channels', sponsor_confirmed: true },
  },
  {
    title: 'E-invoicing mandate',
    description: 'Structured e-invoices for every B2B customer, as the new regulation requires.',
    category: 'Regulatory',
    unit: 'CORP',
    portfolio: 'REG',
    window: [0, 3],
    risk: 2,
    urgency: 5,
    mandatory: true,
    months: 8,
    capex: 40,
    opex: 10,
    benefit: 15,
    benefitFrom: 6,
    demand: [
      ['SAP consultant', 60],
      ['Business analyst', 60],
    ],
    alignment: [0, 2, 5, 1],
    status: 'under_review',
    answers: { strategic_theme: 'Compliance', sponsor_confirmed: true },
  },
  {
    title: 'Customer data platform',
    description: 'One profile per customer across every channel.',
    category: 'Growth',
    unit: 'CPLAT',
    portfolio: 'DT',
    window: [0, 3],
    risk: 4,
    urgency: 3,
    months: 6,
    capex: 70,
    opex: 20,
    benefit: 120,
    benefitFrom: 5,
    demand: [
      ['Data engineer', 140],
      ['Developer', 120],
    ],
    alignment: [4, 1, 1, 4],
    status: 'submitted',
    answers: { strategic_theme: 'Digital channels', sponsor_confirmed: true },
  },
  {
    title: 'Personalised offers engine',
    description: 'Next-best-offer on web and app; needs the customer data platform.',
    category: 'Growth',
    unit: 'CPLAT',
    portfolio: 'DT',
    window: [2, 6],
    risk: 4,
    urgency: 2,
    months: 6,
    capex: 50,
    opex: 10,
    benefit: 160,
    benefitFrom: 4,
    demand: [
      ['Data engineer', 100],
      ['Developer', 100],
    ],
    alignment: [5, 0, 0, 3],
    status: 'submitted',
    answers: { strategic_theme: 'Digital channels', sponsor_confirmed: false },
  },
  {
    title: 'Warehouse robotics pilot',
    description: 'Autonomous picking in the central warehouse.',
    category: 'Efficiency',
    unit: 'SCM',
    portfolio: 'OPX',
    window: [0, 4],
    risk: 5,
    urgency: 2,
    months: 8,
    capex: 110,
    opex: 15,
    benefit: 90,
    benefitFrom: 6,
    demand: [
      ['Logistics analyst', 100],
      ['Developer', 60],
    ],
    alignment: [0, 5, 0, 1],
    status: 'under_review',
    answers: { strategic_theme: 'Operations', sponsor_confirmed: true },
  },
  {
    title: 'Route optimisation for deliveries',
    description: 'Plan delivery routes daily with traffic data; an alternative to the robotics pilot.',
    category: 'Efficiency',
    unit: 'SCM',
    portfolio: 'OPX',
    window: [0, 6],
    risk: 2,
    urgency: 3,
    months: 6,
    capex: 30,
    opex: 8,
    benefit: 70,
    benefitFrom: 3,
    demand: [
      ['Logistics analyst', 80],
      ['Data engineer', 40],
    ],
    alignment: [0, 4, 0, 2],
    status: 'submitted',
    answers: { strategic_theme: 'Operations', sponsor_confirmed: true },
  },
  {
    title: 'Zero-trust network access',
    description: 'Replace the VPN with identity-aware access.',
    category: 'Maintenance',
    unit: 'INFRA',
    portfolio: 'DT',
    window: [0, 4],
    risk: 3,
    urgency: 4,
    months: 9,
    capex: 45,
    opex: 12,
    benefit: 25,
    benefitFrom: 3,
    demand: [
      ['Security engineer', 120],
      ['Network engineer', 100],
    ],
    alignment: [0, 2, 4, 1],
    status: 'approved',
    answers: { strategic_theme: 'Compliance', sponsor_confirmed: true },
  },
  {
    title: 'Smart building sensors',
    description: 'Occupancy and energy sensors in the head office.',
    category: 'Efficiency',
    unit: 'FAC',
    portfolio: 'OPX',
    window: [2, 9],
    risk: 2,
    urgency: 1,
    months: 6,
    capex: 35,
    opex: 5,
    benefit: 20,
    benefitFrom: 3,
    demand: [['Facilities coordinator', 60]],
    alignment: [0, 3, 1, 0],
    status: 'deferred',
    reason: 'Revisit after the office move is decided.',
    answers: { strategic_theme: 'Operations', sponsor_confirmed: false },
  },
  {
    title: 'Metaverse showroom',
    description: 'A virtual showroom for the product range.',
    category: 'Growth',
    unit: 'CPLAT',
    portfolio: 'GRW',
    window: [0, 6],
    risk: 5,
    urgency: 1,
    months: 6,
    capex: 80,
    opex: 20,
    benefit: 10,
    benefitFrom: 4,
    demand: [
      ['Developer', 120],
      ['UX designer', 60],
    ],
    alignment: [2, 0, 0, 2],
    status: 'rejected',
    reason: 'No evidence of customer demand; value too low for its cost.',
    answers: { strategic_theme: 'Digital channels', sponsor_confirmed: false },
  },
  {
    title: 'Supplier portal',
    description: 'Suppliers upload invoices and confirm orders themselves.',
    category: 'Efficiency',
    unit: 'CORP',
    portfolio: 'OPX',
    window: [1, 6],
    risk: 3,
    urgency: 2,
    months: 7,
    capex: 40,
    opex: 8,
    benefit: 45,
    benefitFrom: 3,
    demand: [
      ['Developer', 100],
      ['Business analyst', 40],
    ],
    alignment: [0, 4, 1, 1],
    status: 'draft',
    answers: { strategic_theme: 'Operations' },
  },
];

const PATH: Partial<Record<ProposalStatus, ProposalStatus[]>> = {
  submitted: ['submitted'],
  under_review: ['submitted', 'under_review'],
  approved: ['submitted', 'under_review', 'approved'],
  deferred: ['submitted', 'under_review', 'deferred'],
  rejected: ['submitted', 'under_review', 'rejected'],
};

/** Strategy (objectives weighted by AHP), an intake form, ten proposals and two scenarios. */
export async function loadDemoPortfolio(
  s: Services,
  ids: { unitIds: Record<string, string>; portfolioIds: Record<string, string>; proposerId: string | null },
): Promise<void> {
  const a = SYSTEM_ACTOR;
  const objectives = [];
  for (const [name, description] of OBJECTIVES)
    objectives.push(await s.strategy.createObjective(a, { name, description, directWeight: 25 }));
  let settings = await s.strategy.get();
  settings = await s.strategy.saveAhp(a, {
    version: settings.version,
    objectiveIds: objectives.map((o) => o.id),
    matrix: AHP,
  });
  const form = await s.strategy.intakeForm();
  await s.strategy.updateIntakeForm(a, {
    version: form.version,
    categories: form.categories,
    fields: [
      {
        key: 'strategic_theme',
        label: 'Strategic theme',
        type: 'select',
        required: true,
        options: ['Digital channels', 'Operations', 'Compliance'],
      },
      {
        key: 'sponsor_confirmed',
        label: 'The sponsor has confirmed the funding',
        type: 'boolean',
        required: false,
      },
      { key: 'alternatives', label: 'Alternatives considered', type: 'longtext', required: false },
    ],
  });
  const now = new Date();
  const next = addMonths(`${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`, 1);
  const actor = { ...a, userId: ids.proposerId };
  const created = new Map<string, string>();
  for (const p of PROPOSALS) {
    const body: CreateProposalBody = {
      title: p.title,
      description: p.description,
      category: p.category,
      orgUnitId: ids.unitIds[p.unit] ?? null,
      portfolioId: p.portfolio ? (ids.portfolioIds[p.portfolio] ?? null) : null,
      earliestStart: addMonths(next, p.window[0]),
      latestStart: addMonths(next, p.window[1]),
      riskRating: p.risk,
      urgency: p.urgency,
      mandatory: p.mandatory ?? false,
      // Built and run for its months, then the benefits go on for a year after delivery.
      businessCase: Array.from({ length: p.months + BENEFIT_TAIL_MONTHS }, (_, k) => ({
        capexMinor: k < Math.ceil(p.months / 2) ? p.capex * 100_000 : 0,
        opexMinor: k < p.months ? p.opex * 100_000 : 0,
        benefitMinor: k >= p.benefitFrom ? p.benefit * 100_000 : 0,
      })),
      demand: p.demand.map(([key, hours]) => ({
        key,
        kind: 'role' as const,
        hours: Array.from({ length: p.months }, () => hours),
      })),
      alignment: Object.fromEntries(objectives.map((o, i) => [o.id, p.alignment[i] ?? 0])),
      requires: [],
      excludes: [],
      answers: p.answers,
    };
    const proposal = await s.proposals.create(actor, body);
    created.set(p.title, proposal.id);
  }
  // The offers engine needs the data platform; robotics and route optimisation solve the same problem.
  const link = async (title: string, field: 'requires' | 'excludes', other: string) => {
    const id = created.get(title) as string;
    const p = await s.proposals.get(a, id);
    await s.proposals.update(a, id, { version: p.version, [field]: [created.get(other) as string] });
  };
  await link('Personalised offers engine', 'requires', 'Customer data platform');
  await link('Warehouse robotics pilot', 'excludes', 'Route optimisation for deliveries');
  for (const p of PROPOSALS) {
    const id = created.get(p.title) as string;
    for (const to of PATH[p.status] ?? []) {
      const cur = await s.proposals.get(a, id);
      await s.proposals.transition(to === 'submitted' ? actor : a, id, {
        version: cur.version,
        to,
        ...(to === 'rejected' || to === 'deferred'
          ? { reason: p.reason ?? 'Decided at the portfolio board.' }
          : {}),
      });
    }
  }
  const first = await s.proposals.get(a, created.get('Mobile self-service app') as string);
  await s.proposals.comment(
    a,
    first.id,
    'Can the app reuse the customer portal’s login? That would cut two months.',
  );
  await s.scenarios.create(a, {
    name: 'Next 12 months — planned budget',
    description: 'The budget the board set for the coming year, capacity from the pool.',
    startMonth: next,
    periods: 12,
    objective: 'score',
    budget: [250_000],
    budgetByCategory: null,
    capacityFrom: 'pool',
    capacity: {},
    capacityFactor: 1,
    statuses: ['submitted', 'under_review', 'approved'],
    overrides: [],
  });
  await s.scenarios.create(a, {
    name: 'Next 12 months — budget cut 30 %',
    description: 'What goes if the budget is cut by 30 %.',
    startMonth: next,
    periods: 12,
    objective: 'score',
    budget: [175_000],
    budgetByCategory: null,
    capacityFrom: 'pool',
    capacity: {},
    capacityFactor: 1,
    statuses: ['submitted', 'under_review', 'approved'],
    overrides: [],
  });
}
