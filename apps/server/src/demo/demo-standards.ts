import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';

/**
 * Demo PMO standards and checklist: the enterprise PMO publishes its project management standard
 * (at version 2), a risk management policy it fixes and an overridable status-reporting procedure that
 * the Digital PMO replaces with its own; four checklist items, one of them waived by the Digital PMO;
 * the first project has attested some of its items.
 */
export async function loadDemoStandards(
  s: Services,
  o: {
    enterpriseUnitId: string;
    digitalUnitId: string;
    directorId: string;
    managerId: string;
    projectIds: readonly string[];
  },
): Promise<void> {
  const a = { ...SYSTEM_ACTOR, userId: o.directorId };
  const publish = async (body: Parameters<Services['standards']['create']>[1]) => {
    const d = await s.standards.create(a, body);
    return s.standards.publish(a, d.id, { version: d.version });
  };
  const pm1 = await publish({
    orgUnitId: o.enterpriseUnitId,
    kind: 'standard',
    title: 'Project management standard',
    body: [
      'Every project follows a lifecycle from the methodology library and passes its stage gates in order.',
      '',
      '1. A charter signed by the sponsor before gate 1.',
      '2. A schedule baseline before execution starts.',
      '3. A risk register reviewed at least every 30 days.',
    ].join('\n'),
  });
  const v2 = await s.standards.revise(a, pm1.id, { version: pm1.version });
  const v2edited = await s.standards.update(a, v2.id, {
    version: v2.version,
    body: [
      'Every project follows a lifecycle from the methodology library and passes its stage gates in order.',
      '',
      '1. A charter signed by the sponsor before gate 1.',
      '2. A schedule baseline before execution starts, re-baselined only through an approved change.',
      '3. A risk register reviewed at least every 30 days.',
      '4. Lessons learned recorded at every gate and at closure.',
    ].join('\n'),
  });
  await s.standards.publish(a, v2edited.id, { version: v2edited.version });
  const risk = await publish({
    orgUnitId: o.enterpriseUnitId,
    kind: 'policy',
    title: 'Risk management policy',
    body: 'Risks are scored on the PMO matrix; high risks have an owner, a response and a review date.',
  });
  const reporting = await publish({
    orgUnitId: o.enterpriseUnitId,
    kind: 'procedure',
    title: 'Monthly status reporting',
    body: 'Project managers submit a status report by the fifth working day of each month.',
    overridable: true,
  });
  await publish({
    orgUnitId: o.digitalUnitId,
    kind: 'procedure',
    title: 'Fortnightly status reporting (Digital)',
    body: 'Digital projects run in two-week sprints and report at the end of each sprint.',
    replacesKey: reporting.key,
  });
  await s.standards.create(a, {
    orgUnitId: o.enterpriseUnitId,
    kind: 'guideline',
    title: 'Benefits realisation guideline',
    body: 'Draft: how benefit owners track benefits after handover.',
  });
  const charter = await s.standards.createItem(a, {
    orgUnitId: o.enterpriseUnitId,
    text: 'The sponsor signed the charter',
    standardKey: pm1.key,
  });
  const register = await s.standards.createItem(a, {
    orgUnitId: o.enterpriseUnitId,
    text: 'Every high risk has an owner and a response',
    standardKey: risk.key,
  });
  const lessons = await s.standards.createItem(a, {
    orgUnitId: o.enterpriseUnitId,
    text: 'A lessons-learned session was held at the last gate',
    standardKey: pm1.key,
    overridable: true,
  });
  await s.standards.createItem(a, {
    orgUnitId: o.digitalUnitId,
    text: 'The product owner accepted the last sprint review',
  });
  await s.standards.waive(a, o.digitalUnitId, {
    itemId: lessons.id,
    reason: 'Digital teams hold a retrospective every sprint instead.',
  });
  const [p0] = o.projectIds;
  if (p0) {
    const m = { ...SYSTEM_ACTOR, userId: o.managerId };
    const applying = await s.standards.projectChecks(p0);
    if (applying.items.some((i) => i.itemId === charter.id))
      await s.standards.putCheck(m, p0, charter.id, { met: true, note: 'Signed at the kick-off.' });
    if (applying.items.some((i) => i.itemId === register.id))
      await s.standards.putCheck(m, p0, register.id, {
        met: false,
        note: 'Two high risks still need a response.',
      });
  }
}
