import type { DeliverableDetail } from '@baton/contracts';
import { type Actor, SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';

const item = (key: string, text: string, required = true) => ({ key, text, required });
const as = (userId: string | undefined): Actor =>
  userId ? { userId, grants: [], requestId: null } : SYSTEM_ACTOR;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The PMO's quality standards (four deliverable types for everyone, a stricter design standard at the
 * Digital & Technology PMO), deliverables on stage-gate projects — one accepted, one in review with a
 * failed item, one planned as the current phase's gate deliverable — two non-conformances and a
 * register of lessons learned across projects.
 */
export async function loadDemoQuality(
  s: Services,
  ids: { projectIds: readonly string[]; digitalUnitId: string; userIds: Readonly<Record<string, string>> },
): Promise<void> {
  const a = SYSTEM_ACTOR;
  const pm = ids.userIds['pm@baton.local'];
  const sponsor = as(ids.userIds['sponsor@baton.local']);
  const reviewer = as(pm);

  await s.qualityStandards.create(a, {
    deliverableType: 'requirements-specification',
    name: 'Requirements specification standard',
    description: 'What every requirements specification holds before it is baselined.',
    checklist: [
      item('traceable', 'Each requirement has a unique id and a named source'),
      item('testable', 'Each requirement is testable, with its acceptance criteria'),
      item('prioritised', 'Requirements are prioritised (MoSCoW)'),
      item('signed', 'Signed off by the business process owner'),
      item('glossary', 'Glossary of business terms', false),
    ],
  });
  await s.qualityStandards.create(a, {
    deliverableType: 'design',
    name: 'Solution design standard',
    description: 'The enterprise architecture board’s minimum for a solution design.',
    checklist: [
      item('architecture', 'Architecture diagrams current and in the repository'),
      item('nfr', 'Non-functional requirements addressed (performance, availability, security)'),
      item('reuse', 'Reuse of group platforms considered'),
      item('adr', 'Key decisions recorded as architecture decision records', false),
    ],
  });
  await s.qualityStandards.create(a, {
    deliverableType: 'test-report',
    name: 'Test report standard',
    checklist: [
      item('coverage', 'Every requirement traced to at least one executed test'),
      item('defects', 'Open defects listed with severity and owner'),
      item('environment', 'Test environment and data described', false),
      item('signoff', 'Signed off by the test manager'),
    ],
  });
  await s.qualityStandards.create(a, {
    deliverableType: 'charter',
    name: 'Project charter standard',
    checklist: [
      item('objectives', 'Objectives are measurable'),
      item('scope', 'Scope and exclusions stated'),
      item('budget', 'Budget and funding source stated'),
      item('sponsor', 'Signed by the sponsor'),
    ],
  });
  // The Digital & Technology PMO tightens the design standard for its units: items added, none removed.
  await s.qualityStandards.create(a, {
    deliverableType: 'design',
    name: 'Digital & Technology design standard',
    description: 'Added by the Digital & Technology PMO for every design in its departments.',
    orgUnitId: ids.digitalUnitId,
    checklist: [
      item('threat-model', 'Threat model reviewed by security architecture'),
      item('accessibility', 'Accessibility (WCAG 2.2 AA) assessed for user-facing parts'),
      item('run-cost', 'Cloud run-cost estimate', false),
    ],
  });

  // The stage-gate projects, as the governance demo set them up: the first is planning (Gate 1
  // passed), the second waits for its Gate 1 decision, the third is still initiating.
  const running = [];
  for (const id of ids.projectIds) {
    const l = await s.governance.lifecycle(id).catch(() => null);
    if (l) running.push({ id, phase: l.currentPhaseKey });
  }
  const [planning, waiting, initiating] = running;
  const passAll = (d: DeliverableDetail, failed: Record<string, string> = {}) =>
    Object.fromEntries(
      d.checklist.map((i) => [
        i.key,
        i.itemKey in failed ? { passed: false, note: failed[i.itemKey] } : { passed: true },
      ]),
    );

  let design: DeliverableDetail | null = null;
  if (planning) {
    let charter = await s.deliverables.create(a, {
      projectId: planning.id,
      name: 'Project charter',
      deliverableType: 'charter',
      description: 'Objectives, scope, budget and governance of the landing zone.',
      dueDate: inDays(-40),
      ownerId: pm,
      acceptanceCriteria: [{ text: 'Approved by the steering committee', met: true }],
      phaseKey: 'initiate',
      deliverableKey: 'charter-doc',
    });
    charter = await s.deliverables.review(reviewer, charter.id, {
      version: charter.version,
      results: passAll(charter),
      outcome: 'pass',
      comments: 'Complete; objectives are measurable.',
    });
    await s.deliverables.decide(sponsor, charter.id, {
      version: charter.version,
      decision: 'accept',
      note: 'Accepted at the Gate 1 steering committee.',
    });
    design = await s.deliverables.create(a, {
      projectId: planning.id,
      name: 'Landing zone solution design',
      deliverableType: 'design',
      description: 'Account structure, network topology, guardrails and identity integration.',
      dueDate: inDays(10),
      ownerId: pm,
      acceptanceCriteria: [
        { text: 'Reviewed by the architecture board', met: true },
        { text: 'Security guardrails agreed with the CISO office', met: false },
      ],
    });
    design = await s.deliverables.review(reviewer, design.id, {
      version: design.version,
      results: passAll(design, { 'threat-model': 'No threat model for the shared network hub yet.' }),
      outcome: 'pass',
      comments: 'Good design; the threat model must be added before acceptance.',
    });
    await s.deliverables.create(a, {
      projectId: planning.id,
      name: 'Guardrail test report',
      deliverableType: 'test-report',
      dueDate: inDays(45),
      ownerId: pm,
    });
  }
  if (initiating) {
    await s.deliverables.create(a, {
      projectId: initiating.id,
      name: 'Project charter',
      deliverableType: 'charter',
      description: 'The charter the sponsor signs at Gate 1.',
      dueDate: inDays(14),
      ownerId: pm,
      acceptanceCriteria: [{ text: 'Approved by the steering committee', met: false }],
      phaseKey: 'initiate',
      deliverableKey: 'charter-doc',
    });
    await s.deliverables.create(a, {
      projectId: initiating.id,
      name: 'CRM requirements specification',
      deliverableType: 'requirements-specification',
      dueDate: inDays(30),
      ownerId: pm,
    });
  }
  let report: DeliverableDetail | null = null;
  if (waiting) {
    report = await s.deliverables.create(a, {
      projectId: waiting.id,
      name: 'Batch re-platforming pilot test report',
      deliverableType: 'test-report',
      dueDate: inDays(-5),
      ownerId: pm,
    });
    report = await s.deliverables.review(reviewer, report.id, {
      version: report.version,
      results: passAll(report, {
        coverage: 'Twelve of the nightly jobs have no executed test.',
        signoff: 'Not signed yet.',
      }),
      outcome: 'rework',
      comments: 'Coverage gaps: trace the remaining jobs to tests and re-run.',
    });
  }

  if (planning && design) {
    const nc = await s.nonConformances.create(a, {
      projectId: planning.id,
      deliverableId: design.id,
      title: 'Solution design lacks the threat model the D&T standard requires',
      description: 'Found in the peer review of the landing zone design.',
      severity: 'major',
      ownerId: pm,
      dueDate: inDays(7),
      correctiveAction: 'Security architecture runs a threat-modelling session; the design is re-reviewed.',
    });
    await s.nonConformances.transition(a, nc.id, { version: nc.version, to: 'in_progress' });
  }
  if (waiting && report)
    await s.nonConformances.create(a, {
      projectId: waiting.id,
      deliverableId: report.id,
      title: 'Pilot test report issued without test-manager sign-off',
      severity: 'minor',
      ownerId: pm,
      dueDate: inDays(3),
    });

  await loadDemoLessons(s, ids.projectIds, planning?.id);
}

async function loadDemoLessons(
  s: Services,
  projectIds: readonly string[],
  planningId: string | undefined,
): Promise<void> {
  const p = (i: number) => projectIds[i] ?? null;
  const lessons = [
    {
      projectId: p(32),
      title: 'Marketplace onboarding delayed by catalogue data quality',
      category: 'schedule',
      kind: 'improve',
      whatHappened:
        'Both marketplaces rejected a third of our listings because mandatory attributes were missing; go-live slipped five weeks while the catalogue was cleaned.',
      recommendation:
        'Profile product data against each marketplace’s schema during planning, not at onboarding.',
      tags: ['data-quality', 'marketplace', 'go-live'],
    },
    {
      projectId: p(33),
      title: 'A sandbox for friendly partners before the design gate',
      category: 'stakeholders',
      kind: 'keep',
      whatHappened:
        'Publishing a draft API and a sandbox to five resellers in the first month surfaced breaking design issues before any interface was frozen.',
      recommendation: 'Give two or three partners a sandbox before the design is baselined.',
      tags: ['api', 'partners', 'feedback'],
    },
    {
      projectId: p(34),
      title: 'Integration vendor delays without contractual milestones',
      category: 'procurement',
      kind: 'improve',
      whatHappened:
        'The integration vendor delivered the ERP connector eight weeks late; the contract had no dated milestones, so the delays carried no remedy.',
      recommendation:
        'Put dated milestones with remedies in integration contracts and review the vendor’s plan weekly.',
      tags: ['vendor', 'contract', 'integration'],
    },
    {
      projectId: p(35),
      title: 'Labelled training data took longer than the model',
      category: 'technical',
      kind: 'improve',
      whatHappened:
        'Building and labelling 20,000 sample documents took four months; the classification model itself was ready in three weeks.',
      recommendation: 'Plan labelling as a workstream of its own, with owners and capacity, from the start.',
      tags: ['ai', 'data-quality'],
    },
    {
      projectId: p(36),
      title: 'Early consultation with the works council',
      category: 'stakeholders',
      kind: 'keep',
      whatHappened:
        'Engaging the works council before the business case was written avoided a formal dispute and kept the branch roll-out on schedule.',
      recommendation: 'Consult employee representatives before Gate 1 whenever roles change.',
      tags: ['change-management', 'consultation'],
    },
    {
      projectId: p(37),
      title: 'The benefits case rested on an untested assumption',
      category: 'governance',
      kind: 'improve',
      whatHappened:
        'The case assumed 40% of calls would be deflected; the pilot reached 9%, and the project was stopped at its second gate after six months of spend.',
      recommendation: 'Test the key benefit assumption with a cheap pilot before Gate 2.',
      tags: ['benefits', 'business-case', 'pilot'],
    },
    {
      projectId: p(39),
      title: 'Failover test windows not agreed with operations',
      category: 'schedule',
      kind: 'improve',
      whatHappened:
        'Three planned failover tests were postponed because the change-freeze calendar had not been checked; each postponement delayed the programme by a month.',
      recommendation: 'Agree test windows with operations at planning and enter them in the change calendar.',
      tags: ['testing', 'operations'],
    },
    {
      projectId: p(38),
      title: 'Walking the process with store staff',
      category: 'requirements',
      kind: 'keep',
      whatHappened:
        'Walking the returns process with staff in three stores found requirements nobody had written down, before the specification was signed.',
      recommendation: null,
      tags: ['requirements', 'process'],
    },
    {
      projectId: null,
      title: 'Book shared test environments early',
      category: 'resourcing',
      kind: 'improve',
      whatHappened:
        'Shared test environments were booked out for most of the third quarter; four projects waited for them and their test phases were delayed.',
      recommendation: 'Reserve environments at planning through the environment calendar.',
      tags: ['testing', 'environments'],
    },
    {
      projectId: null,
      title: 'Gate reviews with a pre-read',
      category: 'governance',
      kind: 'keep',
      whatHappened:
        'Sending the evidence pack two days before a gate review halved the meeting and decisions were rarely deferred.',
      recommendation: 'Circulate the gate evidence at least two working days ahead.',
      tags: ['stage-gate', 'meetings'],
    },
    {
      projectId: planningId ?? null,
      title: 'Security guardrails agreed in the charter',
      category: 'quality',
      kind: 'keep',
      whatHappened:
        'Agreeing the guardrail baseline with the security office while chartering meant most design review items passed first time.',
      recommendation: 'Name the standards a design will be reviewed against in the charter.',
      tags: ['security', 'cloud'],
      phaseKey: 'initiate',
    },
    {
      projectId: p(11),
      title: 'Requirements signed off by proxy',
      category: 'requirements',
      kind: 'improve',
      whatHappened:
        'Sign-off by a delegate who did not know the picking process let ambiguous requirements through; the rework found in testing cost six weeks.',
      recommendation: 'Have the process owner sign, after a walk-through of each requirement.',
      tags: ['requirements', 'sign-off'],
    },
    {
      projectId: p(33),
      title: 'Weekly cloud cost review',
      category: 'cost',
      kind: 'keep',
      whatHappened:
        'A 15-minute weekly look at the cloud bill caught an idle test cluster costing €4,000 a month within its first week.',
      recommendation: 'Put cloud spend on the weekly project meeting’s agenda from the first deployment.',
      tags: ['cloud', 'cost-saving'],
    },
  ] as const;
  for (const l of lessons) await s.lessons.create(SYSTEM_ACTOR, { ...l, tags: [...l.tags] });
}
