import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';

const crit = (key: string, text: string, required = true) => ({ key, text, required });
const del = (key: string, name: string, required = true) => ({ key, name, required });

/** The enterprise PMO's lifecycles, and projects at different points of them (one gate waiting). */
export async function loadDemoGovernance(s: Services, projectIds: readonly string[]): Promise<void> {
  const a = SYSTEM_ACTOR;
  const stageGate = await s.governance.createTemplate(a, {
    key: 'stage-gate',
    name: 'Predictive (stage-gate)',
    approach: 'predictive',
    description: 'The enterprise PMO’s standard for projects with a fixed scope: four phases, four gates.',
    orgUnitId: null,
    phases: [
      {
        key: 'initiate',
        name: 'Initiate',
        gate: {
          name: 'Gate 1 — charter',
          criteria: [
            crit('charter', 'Charter approved by the sponsor'),
            crit('sponsor', 'Sponsor and project manager named'),
            crit('stakeholders', 'Stakeholders identified', false),
          ],
          deliverables: [del('charter-doc', 'Project charter'), del('business-case', 'Business case')],
        },
      },
      {
        key: 'plan',
        name: 'Plan',
        gate: {
          name: 'Gate 2 — baseline',
          criteria: [
            crit('baseline', 'Schedule and budget baselined'),
            crit('risks', 'Risk register reviewed within 30 days'),
            crit('resources', 'Key people confirmed by their resource managers'),
          ],
          deliverables: [del('pm-plan', 'Project management plan'), del('schedule', 'Baselined schedule')],
        },
      },
      {
        key: 'execute',
        name: 'Execute',
        gate: {
          name: 'Gate 3 — acceptance',
          criteria: [
            crit('acceptance', 'Acceptance criteria met'),
            crit('open-issues', 'No open critical issues'),
          ],
          deliverables: [del('acceptance-report', 'Signed acceptance report')],
        },
      },
      {
        key: 'close',
        name: 'Close',
        gate: {
          name: 'Gate 4 — closure',
          criteria: [
            crit('lessons', 'Lessons learned recorded'),
            crit('handover', 'Handover to operations complete'),
          ],
          deliverables: [del('closure-report', 'Closure report')],
        },
      },
    ],
  });
  await s.governance.createTemplate(a, {
    key: 'agile-release',
    name: 'Agile (release-based)',
    approach: 'agile',
    description: 'For product teams delivering in releases: a light gate before delivery and at transition.',
    orgUnitId: null,
    phases: [
      {
        key: 'discover',
        name: 'Discover',
        gate: {
          name: 'Go for delivery',
          criteria: [
            crit('vision', 'Product vision and first release goal agreed'),
            crit('team', 'Team staffed'),
          ],
          deliverables: [del('backlog', 'Prioritised backlog')],
        },
      },
      {
        key: 'deliver',
        name: 'Deliver',
        gate: {
          name: 'Release readiness',
          criteria: [crit('dod', 'Definition of done met for the release scope')],
          deliverables: [del('release-notes', 'Release notes')],
        },
      },
      {
        key: 'transition',
        name: 'Transition',
        gate: { name: 'Handover', criteria: [crit('support', 'Support team trained')], deliverables: [] },
      },
    ],
  });

  const running = (await Promise.all(projectIds.map((id) => s.projects.get(id).catch(() => null)))).filter(
    (p): p is NonNullable<typeof p> => p !== null && (p.status === 'active' || p.status === 'approved'),
  );
  const [first, second, third] = running;
  for (const p of running.slice(0, 6)) await s.governance.apply(a, p.id, stageGate.id);
  // The first project passed Gate 1 and is planning; the second waits for its Gate 1 decision.
  const pass = async (projectId: string, phase: string, criteria: string[], deliverables: string[]) => {
    let l = await s.governance.lifecycle(projectId);
    l = await s.governance.checklist(a, projectId, phase, {
      version: l.version,
      criteria: Object.fromEntries(criteria.map((k) => [k, { met: true }])),
      deliverables: Object.fromEntries(deliverables.map((k) => [k, { accepted: true }])),
    });
    return s.governance.submit(a, projectId, phase, l.version);
  };
  if (first) {
    const l = await pass(
      first.id,
      'initiate',
      ['charter', 'sponsor', 'stakeholders'],
      ['charter-doc', 'business-case'],
    );
    await s.governance.decide(a, first.id, 'initiate', {
      version: l.version,
      decision: 'go',
      rationale: 'Charter signed; the business case holds at the current estimate.',
    });
  }
  if (second) await pass(second.id, 'initiate', ['charter', 'sponsor'], ['charter-doc', 'business-case']);
  if (third) {
    const l = await s.governance.lifecycle(third.id);
    await s.governance.checklist(a, third.id, 'initiate', {
      version: l.version,
      criteria: { charter: { met: true } },
    });
  }
}
