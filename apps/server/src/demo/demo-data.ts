import type { Role, ScopeType } from '@baton/core';
import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';
import { loadDemoAudits } from './demo-audits.ts';
import { loadDemoCommunications } from './demo-communications.ts';
import { loadDemoConfiguration } from './demo-configuration.ts';
import { loadDemoDocuments } from './demo-documents.ts';
import { loadDemoGovernance } from './demo-governance.ts';
import { loadDemoPortfolio } from './demo-portfolio.ts';
import { loadDemoQuality } from './demo-quality.ts';
import { loadDemoRaid } from './demo-raid.ts';
import { loadDemoResources } from './demo-resources.ts';
import { loadDemoSchedules } from './demo-schedules.ts';
import { loadDemoSnapshots } from './demo-snapshots.ts';
import { loadDemoStakeholders } from './demo-stakeholders.ts';
import { loadDemoStandards } from './demo-standards.ts';
import { loadDemoStatusReports } from './demo-status-reports.ts';

export const DEMO_PASSWORD = 'baton-demo-2026';

/** A small deterministic PRNG so the demo organisation is the same on every machine. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type DemoLogin = { email: string; name: string; role: Role; scope: string };

const PROJECT_NAMES: [string, string][] = [
  ['Data centre consolidation', 'Move two ageing data centres into one co-located facility.'],
  ['Identity and access overhaul', 'Single sign-on and role-based access for every internal system.'],
  ['ERP upgrade to S/4', 'Upgrade the finance and logistics ERP before mainstream support ends.'],
  ['Customer portal relaunch', 'Self-service portal with order tracking and returns.'],
  ['Mobile field-service app', 'Offline-capable app for 400 field engineers.'],
  ['Network refresh wave 2', 'Replace end-of-life switches in 38 branch offices.'],
  ['Cloud landing zone', 'Governed multi-account cloud foundation with guardrails.'],
  ['Mainframe batch migration', 'Re-platform nightly batch to the cloud scheduler.'],
  ['CRM consolidation', 'Merge three regional CRMs into one.'],
  ['Customer data platform', 'One profile per customer across channels.'],
  ['Contact-centre telephony', 'Cloud telephony with call recording and analytics.'],
  ['Warehouse management system', 'Replace paper picking in the northern DC.'],
  ['Automated storage pilot', 'Shuttle storage pilot in one aisle.'],
  ['Fleet telematics', 'Telematics in 220 delivery vehicles.'],
  ['Supplier portal', 'Suppliers confirm orders and upload invoices online.'],
  ['Demand forecasting model', 'Statistical forecast for the top 2,000 SKUs.'],
  ['Head-office refurbishment', 'Refurbish floors 3–6 for hybrid working.'],
  ['Energy efficiency retrofit', 'LED, heat pumps and metering across 12 sites.'],
  ['Workplace booking system', 'Desk and room booking with occupancy sensors.'],
  ['Security operations centre', '24×7 monitoring with an MSSP partner.'],
  ['ESG data collection', 'Collect scope 1–3 emissions data for CSRD reporting.'],
  ['CSRD reporting tool', 'Audit-ready sustainability statements.'],
  ['IFRS 17 reporting', 'Insurance contracts reporting for the group.'],
  ['Anti-money-laundering screening', 'Real-time screening of payments.'],
  ['GDPR records clean-up', 'Retention rules applied to 14 legacy stores.'],
  ['Treasury management system', 'Cash positioning and bank connectivity.'],
  ['Procure-to-pay automation', 'Invoice capture and three-way match.'],
  ['Group intranet', 'One intranet for 9,000 staff.'],
  ['Learning platform', 'Learning management with compliance training.'],
  ['HR core system', 'Single employee record across countries.'],
  ['Market entry: Nordics', 'Open sales operations in Sweden and Norway.'],
  ['Subscription pricing', 'Move three product lines to subscriptions.'],
  ['E-commerce marketplace', 'Sell through two marketplaces.'],
  ['Partner API programme', 'Public APIs for resellers.'],
  ['Product information management', 'One source of product data for all channels.'],
  ['AI document intake', 'Classify and route incoming mail and documents.'],
  ['Branch network redesign', 'Reshape 60 branches into hubs and spokes.'],
  ['Call deflection chatbot', 'Answer the top 40 customer questions automatically.'],
  ['Returns process redesign', 'Halve the cost of a customer return.'],
  ['Disaster recovery test programme', 'Quarterly DR tests for tier-1 systems.'],
];

const STATUS_PLAN = [
  ...Array(6).fill('proposed'),
  ...Array(5).fill('approved'),
  ...Array(17).fill('active'),
  ...Array(4).fill('on_hold'),
  ...Array(5).fill('completed'),
  ...Array(3).fill('cancelled'),
] as const;

/** True when the database has no organisation yet (a first start; a first administrator may exist). */
export async function isEmptyOrganisation(s: Services): Promise<boolean> {
  return (await s.org.listOrgUnits()).length === 0;
}

/**
 * Loads the demo organisation through the services (so every row has its journal): org units, portfolios,
 * programs, a user per role, custom fields and forty projects across every lifecycle state.
 */
export async function loadDemoData(s: Services): Promise<DemoLogin[]> {
  const a = SYSTEM_ACTOR;
  const rand = seeded(20261123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  const epmo = await s.org.createOrgUnit(a, {
    code: 'EPMO',
    name: 'Enterprise PMO',
    kind: 'enterprise_pmo',
    parentId: null,
    description: 'Governs every project in the group.',
  });
  const digi = await s.org.createOrgUnit(a, {
    code: 'DIGI',
    name: 'Digital & Technology PMO',
    kind: 'business_unit_pmo',
    parentId: epmo.id,
    description: null,
  });
  const ops = await s.org.createOrgUnit(a, {
    code: 'OPS',
    name: 'Operations PMO',
    kind: 'business_unit_pmo',
    parentId: epmo.id,
    description: null,
  });
  const corp = await s.org.createOrgUnit(a, {
    code: 'CORP',
    name: 'Finance & Corporate PMO',
    kind: 'business_unit_pmo',
    parentId: epmo.id,
    description: null,
  });
  const infra = await s.org.createOrgUnit(a, {
    code: 'INFRA',
    name: 'Infrastructure',
    kind: 'department',
    parentId: digi.id,
    description: null,
  });
  const cplat = await s.org.createOrgUnit(a, {
    code: 'CPLAT',
    name: 'Customer Platforms',
    kind: 'department',
    parentId: digi.id,
    description: null,
  });
  const scm = await s.org.createOrgUnit(a, {
    code: 'SCM',
    name: 'Supply Chain',
    kind: 'department',
    parentId: ops.id,
    description: null,
  });
  const fac = await s.org.createOrgUnit(a, {
    code: 'FAC',
    name: 'Facilities',
    kind: 'department',
    parentId: ops.id,
    description: null,
  });

  const people: Record<string, string> = {};
  const logins: DemoLogin[] = [];
  const person = async (
    email: string,
    name: string,
    grant?: { role: Role; scopeType: ScopeType; scopeId: string | null; scope: string },
  ) => {
    const u = await s.users.create(a, {
      email,
      name,
      password: DEMO_PASSWORD,
      grants: grant ? [{ role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId }] : [],
    });
    people[email] = u.id;
    if (grant) logins.push({ email, name, role: grant.role, scope: grant.scope });
    return u.id;
  };
  const org = { scopeType: 'organisation' as const, scopeId: null, scope: 'whole organisation' };
  await person('admin@baton.local', 'Ada Admin', { role: 'admin', ...org });
  const director = await person('director@baton.local', 'Dana Director', { role: 'pmo_director', ...org });
  await person('analyst@baton.local', 'Arun Analyst', { role: 'pmo_analyst', ...org });
  await person('resources@baton.local', 'Rosa Resources', { role: 'resource_manager', ...org });
  await person('viewer@baton.local', 'Victor Viewer', { role: 'viewer', ...org });

  const dt = await s.org.createPortfolio(a, {
    code: 'DT',
    name: 'Digital Transformation',
    description: 'Modernise platforms and customer channels.',
    orgUnitId: digi.id,
    ownerId: director,
  });
  const opx = await s.org.createPortfolio(a, {
    code: 'OPX',
    name: 'Operational Excellence',
    description: 'Lower cost to serve.',
    orgUnitId: ops.id,
    ownerId: director,
  });
  const reg = await s.org.createPortfolio(a, {
    code: 'REG',
    name: 'Regulatory & Compliance',
    description: 'Mandatory change.',
    orgUnitId: corp.id,
    ownerId: director,
  });
  const grw = await s.org.createPortfolio(a, {
    code: 'GRW',
    name: 'Growth Initiatives',
    description: 'New markets and revenue models.',
    orgUnitId: epmo.id,
    ownerId: director,
  });

  const portfolioManager = await person('portfolio@baton.local', 'Paula Portfolio', {
    role: 'portfolio_manager',
    scopeType: 'portfolio',
    scopeId: dt.id,
    scope: 'Digital Transformation',
  });
  const sponsor = await person('sponsor@baton.local', 'Sam Sponsor', {
    role: 'sponsor',
    scopeType: 'portfolio',
    scopeId: dt.id,
    scope: 'Digital Transformation',
  });
  const pm = await person('pm@baton.local', 'Priya Manager', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: digi.id,
    scope: 'Digital & Technology PMO',
  });
  const managers = [
    pm,
    await person('tom.okafor@baton.local', 'Tom Okafor', {
      role: 'project_manager',
      scopeType: 'org_unit',
      scopeId: ops.id,
      scope: 'Operations PMO',
    }),
    await person('lena.fischer@baton.local', 'Lena Fischer', {
      role: 'project_manager',
      scopeType: 'org_unit',
      scopeId: corp.id,
      scope: 'Finance & Corporate PMO',
    }),
    await person('marco.rossi@baton.local', 'Marco Rossi'),
  ];
  const sponsors = [
    sponsor,
    director,
    await person('helen.cho@baton.local', 'Helen Cho'),
    await person('omar.haddad@baton.local', 'Omar Haddad'),
  ];

  const cloud = await s.org.createProgram(a, {
    code: 'CLOUD',
    name: 'Cloud Migration',
    description: 'Exit the data centres by 2028.',
    portfolioId: dt.id,
    managerId: portfolioManager,
  });
  const c360 = await s.org.createProgram(a, {
    code: 'C360',
    name: 'Customer 360',
    description: null,
    portfolioId: dt.id,
    managerId: portfolioManager,
  });
  const lean = await s.org.createProgram(a, {
    code: 'LEAN',
    name: 'Lean Warehouses',
    description: null,
    portfolioId: opx.id,
    managerId: managers[1] ?? null,
  });
  const esg = await s.org.createProgram(a, {
    code: 'ESG',
    name: 'ESG Reporting',
    description: null,
    portfolioId: reg.id,
    managerId: managers[2] ?? null,
  });

  await s.customFields.create(a, {
    key: 'strategic_theme',
    label: 'Strategic theme',
    type: 'choice',
    required: false,
    options: ['Grow revenue', 'Reduce cost', 'Stay compliant', 'Delight customers'],
    description: 'The strategy pillar the project serves.',
  });
  await s.customFields.create(a, {
    key: 'regulatory_deadline',
    label: 'Regulatory deadline',
    type: 'date',
    required: false,
    options: [],
    description: null,
  });
  await s.customFields.create(a, {
    key: 'benefit_owner',
    label: 'Benefit owner',
    type: 'user',
    required: false,
    options: [],
    description: 'Who answers for the benefits after closure.',
  });

  // Where each project is filed: [org unit, portfolio, program, theme]
  const homes = [
    [infra.id, dt.id, cloud.id, 'Reduce cost'],
    [infra.id, dt.id, null, 'Stay compliant'],
    [corp.id, reg.id, null, 'Stay compliant'],
    [cplat.id, dt.id, c360.id, 'Delight customers'],
    [cplat.id, dt.id, null, 'Delight customers'],
    [infra.id, dt.id, null, 'Reduce cost'],
    [infra.id, dt.id, cloud.id, 'Reduce cost'],
    [infra.id, dt.id, cloud.id, 'Reduce cost'],
    [cplat.id, dt.id, c360.id, 'Grow revenue'],
    [cplat.id, dt.id, c360.id, 'Grow revenue'],
    [cplat.id, dt.id, null, 'Delight customers'],
    [scm.id, opx.id, lean.id, 'Reduce cost'],
    [scm.id, opx.id, lean.id, 'Reduce cost'],
    [scm.id, opx.id, null, 'Reduce cost'],
    [scm.id, opx.id, null, 'Reduce cost'],
    [scm.id, opx.id, lean.id, 'Grow revenue'],
    [fac.id, opx.id, null, 'Reduce cost'],
    [fac.id, opx.id, null, 'Stay compliant'],
    [fac.id, opx.id, null, 'Delight customers'],
    [infra.id, dt.id, null, 'Stay compliant'],
    [corp.id, reg.id, esg.id, 'Stay compliant'],
    [corp.id, reg.id, esg.id, 'Stay compliant'],
    [corp.id, reg.id, null, 'Stay compliant'],
    [corp.id, reg.id, null, 'Stay compliant'],
    [corp.id, reg.id, null, 'Stay compliant'],
    [corp.id, null, null, 'Reduce cost'],
    [corp.id, reg.id, null, 'Reduce cost'],
    [epmo.id, null, null, 'Delight customers'],
    [epmo.id, null, null, 'Grow revenue'],
    [corp.id, null, null, 'Reduce cost'],
    [epmo.id, grw.id, null, 'Grow revenue'],
    [epmo.id, grw.id, null, 'Grow revenue'],
    [cplat.id, grw.id, null, 'Grow revenue'],
    [cplat.id, grw.id, null, 'Grow revenue'],
    [cplat.id, dt.id, c360.id, 'Grow revenue'],
    [cplat.id, dt.id, null, 'Reduce cost'],
    [ops.id, opx.id, null, 'Reduce cost'],
    [cplat.id, dt.id, c360.id, 'Delight customers'],
    [scm.id, opx.id, null, 'Delight customers'],
    [infra.id, dt.id, null, 'Stay compliant'],
  ] as const;

  const createdIds: string[] = [];
  const priorities = ['critical', 'high', 'medium', 'medium', 'low'] as const;
  const tagPool = [
    'cloud',
    'security',
    'customer',
    'regulatory',
    'cost-saving',
    'data',
    'ai',
    'infrastructure',
  ];
  for (const [i, [name, description]] of PROJECT_NAMES.entries()) {
    const status = STATUS_PLAN[i] ?? 'active';
    const [orgUnitId, portfolioId, programId, theme] = homes[i] ?? homes[0];
    const startMonth =
      status === 'completed' || status === 'cancelled'
        ? -18 + Math.floor(rand() * 10)
        : status === 'proposed'
          ? 2 + Math.floor(rand() * 8)
          : -10 + Math.floor(rand() * 12);
    const start = new Date(Date.UTC(2026, 10 + startMonth, 1 + Math.floor(rand() * 20)));
    const finish = new Date(start.getTime() + (120 + Math.floor(rand() * 500)) * 86_400_000);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const created = await s.projects.create(a, {
      code: `P-${String(i + 1).padStart(3, '0')}`,
      name,
      description,
      objectives: `Deliver ${name.toLowerCase()} on time and within budget, with the benefits in the business case.`,
      status: status === 'proposed' ? 'proposed' : status === 'approved' ? 'approved' : 'active',
      orgUnitId,
      portfolioId,
      programId,
      managerId: pick(managers),
      sponsorId: pick(sponsors),
      plannedStart: iso(start),
      plannedFinish: iso(finish),
      budgetMinor: Math.round((50 + rand() * 2950) * 1000) * 100,
      currency: 'EUR',
      priority: pick(priorities),
      tags: [...new Set([pick(tagPool), pick(tagPool)])],
      customFields: {
        strategic_theme: theme,
        ...(theme === 'Stay compliant'
          ? { regulatory_deadline: iso(new Date(finish.getTime() + 30 * 86_400_000)) }
          : {}),
      },
    });
    createdIds.push(created.id);
    let version = created.version;
    const move = async (to: 'on_hold' | 'completed' | 'cancelled', reason: string | null) => {
      version = (await s.projects.transition(a, created.id, to, reason, { version, source: 'body' })).version;
    };
    if (status === 'on_hold') await move('on_hold', 'Waiting for a key supplier decision.');
    if (status === 'completed') await move('completed', null);
    if (status === 'cancelled') await move('cancelled', 'The business case no longer pays back.');
  }
  // the first few running projects get plans; active ones are at indexes 11–27 of the status plan
  await loadDemoSchedules(s, createdIds.slice(11, 17));
  const teamProject = createdIds[3] ?? createdIds[0] ?? null;
  await person('member@baton.local', 'Mia Member', {
    role: 'team_member',
    scopeType: 'project',
    scopeId: teamProject,
    scope: PROJECT_NAMES[3]?.[0] ?? 'one project',
  });
  await loadDemoResources(s, {
    unitIds: {
      EPMO: epmo.id,
      DIGI: digi.id,
      OPS: ops.id,
      CORP: corp.id,
      INFRA: infra.id,
      CPLAT: cplat.id,
      SCM: scm.id,
      FAC: fac.id,
    },
    projectIds: createdIds,
    plannedProjectIds: createdIds.slice(11, 17),
    userIds: people,
    today: new Date().toISOString().slice(0, 10),
  });
  await loadDemoPortfolio(s, {
    unitIds: {
      EPMO: epmo.id,
      DIGI: digi.id,
      OPS: ops.id,
      CORP: corp.id,
      INFRA: infra.id,
      CPLAT: cplat.id,
      SCM: scm.id,
      FAC: fac.id,
    },
    portfolioIds: { DT: dt.id, OPX: opx.id, REG: reg.id, GRW: grw.id },
    proposerId: pm,
  });
  await loadDemoRaid(s, {
    projectIds: createdIds,
    portfolioId: dt.id,
    enterpriseUnitId: epmo.id,
    ownerIds: [pm, ...managers.filter((m): m is string => typeof m === 'string')],
  });
  await loadDemoGovernance(s, createdIds);
  // The enterprise PMO fixes the risk-review period and sets an overridable compliance target; the
  // Digital PMO reviews risks more often and accepts a slightly lower score.
  await s.policies.update(a, epmo.id, {
    version: 0,
    settings: {
      riskReviewDays: { value: 30, overridable: false },
      minimumComplianceScore: { value: 80, overridable: true },
    },
  });
  await s.policies.update(a, digi.id, {
    version: 0,
    settings: {
      riskReviewDays: { value: 21, overridable: true },
      minimumComplianceScore: { value: 75, overridable: true },
    },
  });
  // Operating models: the enterprise PMO controls (gates blocked until met or waived); the
  // Operations PMO supports its units with guidance only (unmet gate items warn and are recorded).
  await s.org.updateOrgUnit(a, epmo.id, { pmoModel: 'controlling' });
  await s.org.updateOrgUnit(a, ops.id, { pmoModel: 'supportive' });
  await loadDemoDocuments(s, { projectIds: createdIds, managerId: pm, directorId: director });
  await loadDemoQuality(s, { projectIds: createdIds, digitalUnitId: digi.id, userIds: people });
  await loadDemoAudits(s, {
    projectIds: createdIds,
    directorId: director,
    managerId: pm,
    digitalUnitId: digi.id,
  });
  await loadDemoStandards(s, {
    enterpriseUnitId: epmo.id,
    digitalUnitId: digi.id,
    directorId: director,
    managerId: pm,
    projectIds: createdIds,
  });
  await loadDemoStatusReports(s, {
    projectIds: createdIds,
    managerId: pm,
    directorId: director,
  });
  const demoRefs = {
    projectIds: createdIds,
    directorId: director,
    managerId: pm,
    enterpriseUnitId: epmo.id,
    digitalUnitId: digi.id,
  };
  // Stakeholders before communications: the plans address them.
  await loadDemoStakeholders(s, demoRefs);
  await loadDemoCommunications(s, demoRefs);
  await loadDemoConfiguration(s, demoRefs);
  await loadDemoSnapshots(s);
  return logins;
}
