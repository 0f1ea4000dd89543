import { lastDuePeriod } from '@baton/core';
import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';

const GREEN = {
  overall: 'green',
  schedule: 'green',
  cost: 'green',
  scope: 'green',
  risk: 'green',
  resources: 'green',
} as const;
const MIXED = {
  overall: 'amber',
  schedule: 'amber',
  cost: 'green',
  scope: 'green',
  risk: 'amber',
  resources: 'green',
} as const;

/**
 * Demo status reports for the month last due: most scheduled projects reported and accepted, one
 * reported all green although its figures say otherwise, one returned by the PMO with a comment, and
 * the rest missing — so the overview has something to chase.
 */
export async function loadDemoStatusReports(
  s: Services,
  o: { projectIds: readonly string[]; managerId: string; directorId: string },
): Promise<void> {
  const pmo = { ...SYSTEM_ACTOR, userId: o.directorId };
  const period = lastDuePeriod(new Date().toISOString().slice(0, 10), 5);
  for (const [n, projectId] of o.projectIds.entries()) {
    const project = await s.projects.get(projectId);
    if (project.status !== 'active' && project.status !== 'on_hold') continue;
    if (n % 6 === 5) continue; // missing
    // Each project's own manager writes its report (the demo's PM where a project has none).
    const pm = { ...SYSTEM_ACTOR, userId: project.managerId ?? o.managerId };
    let r = await s.statusReports.create(pm, { projectId, period });
    r = await s.statusReports.update(pm, r.id, {
      version: r.version,
      summary:
        n % 3 === 0
          ? 'Build is under way; the data migration rehearsal slipped a week.'
          : 'Design signed off; the vendor contract is in legal review.',
      accomplishments: 'Requirements baselined; design authority review passed.',
      nextSteps: 'Start the build sprints; book the test environment.',
      decisionsNeeded: n % 2 === 0 ? 'Approve the extra test environment (12,000).' : null,
      reported: n % 3 === 1 ? GREEN : MIXED,
    });
    r = await s.statusReports.submit(pm, r.id, { version: r.version });
    if (n % 6 === 2) {
      await s.statusReports.review(pmo, r.id, {
        version: r.version,
        decision: 'return',
        comment:
          'Schedule is reported amber but two milestones slipped more than two weeks: please explain the recovery plan.',
      });
    } else if (n % 6 !== 4) {
      await s.statusReports.review(pmo, r.id, { version: r.version, decision: 'accept' });
    }
  }
}
