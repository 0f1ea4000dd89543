import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';

const DAY = 86_400_000;
const dayFrom = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/**
 * Demo audits: one closed with its findings closed, one in progress with open findings (one high
 * and overdue), a peer review next month, and an audit of a unit's practice.
 */
export async function loadDemoAudits(
  s: Services,
  o: { projectIds: readonly string[]; directorId: string; managerId: string; digitalUnitId: string },
): Promise<void> {
  const a = { ...SYSTEM_ACTOR, userId: o.directorId };
  const [p0, p1, p2] = o.projectIds;
  if (!p0 || !p1 || !p2) return;

  let closed = await s.audits.create(a, {
    kind: 'audit',
    title: 'Stage-gate records audit',
    projectId: p0,
    scope: 'Gate 1 evidence, charter sign-off and the risk register.',
    leadId: o.directorId,
    scheduledFor: dayFrom(-60),
  });
  closed = await s.audits.transition(a, closed.id, { version: closed.version, to: 'in_progress' });
  closed = await s.audits.addFinding(a, closed.id, {
    title: 'Charter signed after the gate date',
    severity: 'medium',
    ownerId: o.managerId,
    dueDate: dayFrom(-40),
    correctiveAction: 'Gate checklist asks for the signed charter before submission.',
  });
  for (const f of closed.findings) {
    const planned = await s.audits.transitionFinding(a, f.id, { version: f.version, to: 'action_planned' });
    const resolved = await s.audits.transitionFinding(a, f.id, { version: planned.version, to: 'resolved' });
    await s.audits.transitionFinding(a, f.id, {
      version: resolved.version,
      to: 'closed',
      note: 'Seen at gate 2',
    });
  }
  closed = await s.audits.get(closed.id);
  closed = await s.audits.transition(a, closed.id, {
    version: closed.version,
    to: 'reported',
    summary: 'Gate records are complete; one late signature, since corrected.',
  });
  await s.audits.transition(a, closed.id, { version: closed.version, to: 'closed' });

  let running = await s.audits.create(a, {
    kind: 'audit',
    title: 'Risk and change control audit',
    projectId: p1,
    scope: 'Risk reviews, change requests and re-baselining.',
    leadId: o.directorId,
    scheduledFor: dayFrom(-20),
  });
  running = await s.audits.transition(a, running.id, { version: running.version, to: 'in_progress' });
  running = await s.audits.addFinding(a, running.id, {
    title: 'High risks not reviewed for seven weeks',
    severity: 'high',
    ownerId: o.managerId,
    dueDate: dayFrom(-5),
  });
  await s.audits.addFinding(a, running.id, {
    title: 'Two changes approved without an impact on benefits',
    severity: 'medium',
    ownerId: o.managerId,
    dueDate: dayFrom(20),
    correctiveAction: 'Add the benefits impact to both change requests.',
  });

  await s.audits.create(a, {
    kind: 'peer_review',
    title: 'Schedule peer review before baseline',
    projectId: p2,
    scope: 'Logic, float and resource loading of the plan.',
    leadId: o.managerId,
    scheduledFor: dayFrom(30),
  });
  await s.audits.create(a, {
    kind: 'audit',
    title: 'Digital PMO methodology practice',
    orgUnitId: o.digitalUnitId,
    scope: 'How the unit applies the enterprise lifecycle and its own policies.',
    leadId: o.directorId,
    scheduledFor: dayFrom(45),
  });
}
