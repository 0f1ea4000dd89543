import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';

/**
 * A RAID log and change requests for the demo: risks on running projects (some mitigated, one
 * occurred), a risk shared across the Digital Transformation portfolio and one held by the
 * enterprise PMO, issues (one escalated), assumptions, decisions, dependencies, and changes waiting
 * for the project manager and for the change board.
 */
export async function loadDemoRaid(
  s: Services,
  ids: {
    projectIds: readonly string[];
    portfolioId: string;
    enterpriseUnitId: string;
    ownerIds: readonly string[];
  },
): Promise<void> {
  const a = SYSTEM_ACTOR;
  const projects = (
    await Promise.all(ids.projectIds.map((id) => s.projects.get(id).catch(() => null)))
  ).filter((p) => p !== null && (p.status === 'active' || p.status === 'approved'));
  if (projects.length < 4) return;
  const [p1, p2, p3, p4] = projects as [(typeof projects)[number] & object, ...(typeof projects)[number][]];
  const owner = (k: number) => ids.ownerIds[k % ids.ownerIds.length] ?? null;
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const risk = (body: Parameters<Services['risks']['create']>[1]) => s.risks.create(a, body);

  await risk({
    projectId: p1.id,
    title: 'Key integration partner delivers late',
    // Quantified for the Monte Carlo forecast: slip in working days, cost, chance.
    scheduleImpactDays: 15,
    costImpactMinor: 3_500_000,
    probabilityPercent: 35,
    probability: 4,
    impact: 4,
    status: 'open',
    category: 'Supplier',
    ownerId: owner(0),
    expectedBy: inDays(25),
    response: 'mitigate',
    mitigation: 'Weekly delivery check-ins; a stub API so testing can start without the partner.',
    actions: [
      { id: 'a1', title: 'Agree a stub API contract', done: true },
      {
        id: 'a2',
        title: 'Escalation path with the partner’s account manager',
        dueDate: inDays(10),
        done: false,
      },
    ],
    residualProbability: 2,
    residualImpact: 4,
    trigger: 'Partner misses the March milestone',
  });
  await risk({
    projectId: p1.id,
    title: 'Data migration uncovers poor-quality records',
    scheduleImpactDays: 6,
    costImpactMinor: 1_200_000,
    probability: 3,
    impact: 3,
    status: 'monitoring',
    category: 'Technical',
    ownerId: owner(1),
    response: 'mitigate',
    mitigation: 'Profile the source data in the first sprint.',
  });
  await risk({
    projectId: p2?.id,
    title: 'Users do not adopt the new process',
    scheduleImpactDays: 10,
    costImpactMinor: 2_000_000,
    probability: 3,
    impact: 4,
    status: 'open',
    category: 'Change',
    ownerId: owner(2),
    expectedBy: inDays(80),
    response: 'mitigate',
    mitigation: 'Champions network and training before go-live.',
  });
  await risk({
    projectId: p3?.id,
    title: 'Regulator changes the reporting format',
    scheduleImpactDays: 12,
    costImpactMinor: 1_800_000,
    probabilityPercent: 20,
    probability: 2,
    impact: 5,
    status: 'open',
    category: 'Regulatory',
    ownerId: owner(3),
    response: 'accept',
  });
  const occurred = await risk({
    projectId: p4?.id,
    title: 'Lead architect leaves mid-project',
    probability: 5,
    impact: 3,
    status: 'occurred',
    category: 'People',
    ownerId: owner(4),
  });
  await risk({
    projectId: p2?.id,
    title: 'Licence costs rise at renewal',
    costImpactMinor: 900_000,
    probabilityPercent: 60,
    probability: 2,
    impact: 2,
    status: 'open',
    category: 'Commercial',
    response: 'transfer',
  });
  await risk({
    portfolioId: ids.portfolioId,
    projectIds: [p1.id, p2?.id ?? p1.id, p3?.id ?? p1.id].filter((v, i, xs) => xs.indexOf(v) === i),
    title: 'Cloud provider raises prices by 20 %',
    probability: 3,
    impact: 4,
    status: 'open',
    category: 'Commercial',
    ownerId: owner(5),
    response: 'mitigate',
    mitigation: 'Negotiate a three-year commitment across the portfolio.',
  });
  await risk({
    orgUnitId: ids.enterpriseUnitId,
    title: 'Too few solution architects for the year’s portfolio',
    probability: 4,
    impact: 3,
    status: 'open',
    category: 'People',
    response: 'mitigate',
    mitigation: 'Hire two architects; prioritise architect time at the portfolio board.',
  });

  const issue = await s.issues.createIssue(a, {
    projectId: p4?.id ?? p1.id,
    title: 'No architect for the design authority review',
    priority: 'high',
    ownerId: owner(4),
    dueDate: inDays(7),
    riskId: occurred.id,
  });
  await s.issues.escalate(a, issue.id, {
    version: issue.version,
    reason:
      'The project cannot pass its design gate without an architect; needs a portfolio decision on staffing.',
  });
  await s.issues.createIssue(a, {
    projectId: p1.id,
    title: 'Test environment unstable',
    priority: 'medium',
    ownerId: owner(1),
    dueDate: inDays(-3),
  });
  await s.issues.createIssue(a, {
    projectId: p2?.id ?? p1.id,
    title: 'Training rooms not booked',
    priority: 'low',
  });

  await s.issues.createEntry(a, {
    projectId: p1.id,
    kind: 'assumption',
    title: 'The partner’s API is stable by the end of the quarter',
    dueDate: inDays(40),
  });
  await s.issues.createEntry(a, {
    projectId: p1.id,
    kind: 'decision',
    title: 'Buy the integration platform rather than build it',
    decidedOn: inDays(-30),
    decidedBy: 'Steering committee',
    rationale: 'Time to market; the vendor covers 80 % of the needs.',
    status: 'confirmed',
  });
  await s.issues.createEntry(a, {
    projectId: p1.id,
    kind: 'dependency',
    title: 'Needs the identity platform upgrade',
    dependsOnProjectId: p2?.id ?? null,
    dueDate: inDays(60),
  });
  await s.issues.createEntry(a, {
    projectId: p3?.id ?? p1.id,
    kind: 'dependency',
    title: 'Regulator publishes the final taxonomy',
    externalParty: 'Financial regulator',
    dueDate: inDays(45),
  });

  await s.changes.create(a, {
    projectId: p1.id,
    title: 'Add a French translation of the customer screens',
    description: 'The Belgian subsidiary joins the roll-out.',
    scopeImpact: 'All customer-facing screens and e-mails in French.',
    costImpact: 8_000,
    scheduleImpactDays: 5,
    benefitsImpact: 'Opens the Belgian market to the self-service channel.',
  });
  await s.changes.create(a, {
    projectId: p2?.id ?? p1.id,
    title: 'Extend the pilot to all warehouses',
    scopeImpact: 'Four more sites in the first release.',
    costImpact: 120_000,
    scheduleImpactDays: 30,
    benefitsImpact: 'Savings a year earlier.',
  });
}
