import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';

type ItemKind = 'deliverable' | 'document' | 'specification' | 'component';

/**
 * Demo configuration management: items on three running projects. The first has a design baseline,
 * then an approved change that recorded new versions of two items (changed, explained), a release
 * approved outside change control (unexplained), an item added since and one still in review; the
 * second's pilot baseline still matches; the third has only a draft.
 */
export async function loadDemoConfiguration(
  s: Services,
  o: {
    projectIds: readonly string[];
    directorId: string;
    managerId: string;
    enterpriseUnitId: string;
    digitalUnitId: string;
  },
): Promise<void> {
  const pm = { ...SYSTEM_ACTOR, userId: o.managerId };
  const director = { ...SYSTEM_ACTOR, userId: o.directorId };
  const projects = (await Promise.all(o.projectIds.map((id) => s.projects.get(id).catch(() => null)))).filter(
    (p) => p !== null && (p.status === 'active' || p.status === 'approved'),
  );
  const [p1, p2, p3] = projects;
  if (!p1 || !p2 || !p3) return;

  const item = (projectId: string, name: string, kind: ItemKind, description: string) =>
    s.configuration.create(pm, projectId, { name, kind, description, ownerId: o.managerId });
  /** Takes the item's version through review to approval. */
  const approve = async (id: string, number = 1) => {
    await s.configuration.transition(pm, id, number, 'in_review');
    await s.configuration.transition(director, id, number, 'approved');
  };

  // The first project: a design baseline, then change.
  const architecture = await item(
    p1.id,
    'Solution architecture document',
    'document',
    'The target architecture: components, integrations and the hosting model.',
  );
  const apiSpec = await item(
    p1.id,
    'Partner API interface specification',
    'specification',
    'The contract with the integration partner: endpoints, payloads and error codes.',
  );
  const portal = await item(
    p1.id,
    'Customer portal release',
    'component',
    'The deployable build of the self-service portal.',
  );
  const migration = await item(
    p1.id,
    'Data migration plan',
    'document',
    'How records move from the legacy system, with the cut-over rehearsals.',
  );
  const security = await item(
    p1.id,
    'Security concept',
    'document',
    'Threats, controls and the penetration test scope; unchanged since the design phase.',
  );
  for (const i of [architecture, apiSpec, portal, security]) await approve(i.id);
  await s.configuration.transition(pm, migration.id, 1, 'in_review');
  await s.configurationBaselines.create(pm, p1.id, {
    name: 'Design baseline',
    description: 'Frozen at the end of the design phase, before build started.',
    skipUnapproved: true,
  });
  const change = await s.changes.create(pm, {
    projectId: p1.id,
    title: 'Adopt version 2 of the partner API',
    description: 'The partner retires v1 next quarter; v2 changes the order endpoints.',
    scopeImpact: 'Interface specification and architecture updated for the v2 endpoints.',
    costImpact: 0,
    scheduleImpactDays: 0,
  });
  await s.configuration.putChangeItems(pm, change.id, {
    items: [
      { itemId: apiSpec.id, note: 'Order endpoints moved to v2' },
      { itemId: architecture.id, note: 'Integration view updated for v2' },
    ],
  });
  await s.changes.decide(director, change.id, {
    decision: 'approve',
    reason: 'Required by the partner; no cost or schedule impact.',
  });
  // A hotfix release approved outside change control: the audit shows it as unexplained.
  await s.configuration.addVersion(pm, portal.id, { notes: 'Hotfix for the login time-out' });
  await approve(portal.id, 2);
  const runbook = await item(
    p1.id,
    'Operations runbook',
    'deliverable',
    'What the service desk does when the portal misbehaves.',
  );
  await approve(runbook.id);

  // The second project: a pilot baseline that still matches.
  const process = await item(
    p2.id,
    'Warehouse process model',
    'document',
    'The to-be picking and packing process.',
  );
  const scanner = await item(p2.id, 'Scanner app', 'component', 'The handheld app used on the floor.');
  for (const i of [process, scanner]) await approve(i.id);
  await s.configurationBaselines.create(pm, p2.id, {
    name: 'Pilot baseline',
    description: 'What the pilot warehouse runs.',
  });

  // The third project: only a first draft so far.
  await item(
    p3.id,
    'Requirements specification',
    'specification',
    'The business requirements, still being written.',
  );
}
