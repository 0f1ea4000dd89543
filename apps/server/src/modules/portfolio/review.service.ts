import type { ReviewItem } from '@baton/contracts';
import { checkStatusTransition, type ProjectStatus } from '@baton/core';
import type { Database } from '@baton/db';
import { notFound, ProblemError } from '../../http/problem.ts';
import { type AccessService, type Actor, coversProject } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import { today } from '../resources/resources.service.ts';
import { recordChange } from '../shared/record-change.ts';
import type { PortfolioRepository } from './portfolio.repository.ts';

type Decision = 'continue' | 'rescope' | 'pause' | 'stop';
const round2 = (x: number) => Math.round(x * 100) / 100;
const DAY = 86_400_000;

/** The thresholds a running project is measured against. */
export const REVIEW_RULES = {
  /** Earned value per unit of actual cost below this flags the cost. */
  minCpi: 0.9,
  /** Finishing this many days after the first baseline flags the schedule. */
  maxSlipDays: 10,
};

/** The measurements of one running project, and what they say. */
export function assessProject(m: {
  budgetMinor: number | null;
  actualCostMinor: number;
  percentComplete: number | null;
  finishSlipDays: number | null;
  expectedBenefitMinor: number | null;
}): Pick<ReviewItem, 'costPerformanceIndex' | 'remainingNpvMinor' | 'flags' | 'health' | 'candidate'> {
  const flags: string[] = [];
  const budget = m.budgetMinor ?? 0;
  const earned = m.percentComplete === null ? null : (budget * m.percentComplete) / 100;
  const cpi = earned !== null && m.actualCostMinor > 0 && budget > 0 ? earned / m.actualCostMinor : null;
  if (cpi !== null && cpi < REVIEW_RULES.minCpi)
    flags.push(`Over cost: each unit spent earns ${cpi.toFixed(2)} of planned value (CPI ${cpi.toFixed(2)})`);
  if (budget > 0 && m.actualCostMinor > budget)
    flags.push(`Spent ${Math.round((100 * m.actualCostMinor) / budget)} % of its budget`);
  if (m.finishSlipDays !== null && m.finishSlipDays > REVIEW_RULES.maxSlipDays)
    flags.push(`Finishes ${Math.round(m.finishSlipDays)} days after its baseline`);
  // Estimate at completion by the cost performance so far; the remaining cost is what is still to spend.
  const eac =
    cpi !== null && cpi > 0
      ? m.actualCostMinor + (budget - (earned ?? 0)) / cpi
      : Math.max(budget, m.actualCostMinor);
  const remainingCost = Math.max(0, eac - m.actualCostMinor);
  const remaining =
    m.expectedBenefitMinor === null ? null : Math.round(m.expectedBenefitMinor - remainingCost);
  if (remaining !== null && remaining < 0)
    flags.push('Its expected benefits no longer cover the cost still to spend');
  const severe = (cpi !== null && cpi < 0.8) || (remaining !== null && remaining < 0);
  const health = severe || flags.length >= 2 ? 'red' : flags.length === 1 ? 'amber' : 'green';
  return {
    costPerformanceIndex: cpi === null ? null : round2(cpi),
    remainingNpvMinor: remaining,
    flags,
    health,
    candidate: health === 'red',
  };
}

/** Portfolio review: running projects measured on cost, schedule and benefits; decisions recorded. */
export class ReviewService {
  constructor(
    private readonly db: Database,
    private readonly repo: PortfolioRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  async list(actor: Actor): Promise<{ items: ReviewItem[]; asOf: string }> {
    const visible = await this.access.visibility(actor, 'project.read');
    const projects = (await this.repo.runningProjects(this.db)).filter((p) => coversProject(visible, p));
    const ids = projects.map((p) => p.id);
    const [progress, baselines, proposals, decisions] = await Promise.all([
      this.repo.progressOf(this.db, ids),
      this.repo.baselineFinishOf(this.db, ids),
      this.repo.proposalsOfProjects(this.db, ids),
      this.repo.decisions(this.db),
    ]);
    const progressBy = new Map(progress.map((p) => [p.projectId, p]));
    const baselineBy = new Map(baselines.map((b) => [b.projectId, b.finish]));
    const benefitBy = new Map(
      proposals.map((p) => [p.projectId as string, p.businessCase.reduce((s, m) => s + m.benefitMinor, 0)]),
    );
    const lastBy = new Map<string, (typeof decisions)[number]>();
    for (const d of decisions) if (!lastBy.has(d.projectId)) lastBy.set(d.projectId, d);
    const items = projects.map((p): ReviewItem => {
      const pr = progressBy.get(p.id);
      const percentComplete = pr && pr.work > 0 ? round2((100 * pr.done) / pr.work) : null;
      const base = baselineBy.get(p.id) ?? null;
      const finishSlipDays =
        pr?.finish && base ? round2((Date.parse(`${pr.finish}Z`) - Date.parse(`${base}Z`)) / DAY) : null;
      const measured = {
        budgetMinor: p.budgetMinor,
        actualCostMinor: Math.round(pr?.actualCostMinor ?? 0),
        percentComplete,
        finishSlipDays,
        expectedBenefitMinor: benefitBy.get(p.id) ?? null,
      };
      const last = lastBy.get(p.id);
      return {
        projectId: p.id,
        code: p.code,
        name: p.name,
        status: p.status,
        ...measured,
        ...assessProject(measured),
        lastDecision: last
          ? {
              decision: last.decision as Decision,
              reason: last.reason,
              decidedAt: last.decidedAt.toISOString(),
              decidedByName: last.decidedByName,
            }
          : null,
      };
    });
    const order = { red: 0, amber: 1, green: 2 } as const;
    items.sort((a, b) => order[a.health] - order[b.health] || a.code.localeCompare(b.code));
    return { items, asOf: today() };
  }

  async decisions(projectId?: string) {
    const rows = await this.repo.decisions(this.db, projectId);
    return rows.map((d) => ({
      ...d,
      decision: d.decision as Decision,
      decidedAt: d.decidedAt.toISOString(),
    }));
  }

  /** Records a review decision; stopping cancels the project, pausing puts it on hold, in the same change. */
  async decide(actor: Actor, body: { projectId: string; decision: Decision; reason: string }) {
    const path = await this.access.projectPath(body.projectId);
    if (body.decision === 'stop' || body.decision === 'pause')
      this.access.require(
        actor,
        'project.update',
        path,
        'Stopping or pausing a project needs the right to change it.',
      );
    const { items } = await this.list(actor);
    const item = items.find((i) => i.projectId === body.projectId);
    if (!item) throw notFound('Running project');
    const id = await this.db.transaction(async (tx) => {
      const target: ProjectStatus | null =
        body.decision === 'stop'
          ? 'cancelled'
          : body.decision === 'pause' && item.status === 'active'
            ? 'on_hold'
            : null;
      if (target) {
        const before = await this.projectsRepo.getForUpdate(tx, body.projectId);
        if (!before) throw notFound('Project');
        const check = checkStatusTransition(before.status as ProjectStatus, target, body.reason);
        if (!check.ok) throw new ProblemError(422, 'illegal-transition', check.message);
        const after = await this.projectsRepo.update(
          tx,
          body.projectId,
          before.version,
          { status: target, statusReason: `Portfolio review: ${body.reason}` },
          actor.userId,
        );
        if (!after) throw new ProblemError(409, 'conflict', 'The project changed meanwhile; try again.');
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'project', id: body.projectId, action: 'transition' },
          { status: before.status, statusReason: before.statusReason },
          { status: after.status, statusReason: after.statusReason },
        );
      }
      const { lastDecision: _l, ...snapshot } = item;
      const row = await this.repo.insertDecision(tx, {
        projectId: body.projectId,
        decision: body.decision,
        reason: body.reason,
        snapshot,
        decidedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'project', id: body.projectId, action: 'review-decision' },
        null,
        { decision: body.decision, reason: body.reason, health: item.health, flags: item.flags },
      );
      return row.id;
    });
    const out = (await this.decisions(body.projectId)).find((d) => d.id === id);
    if (!out) throw notFound('Decision');
    return out;
  }
}
