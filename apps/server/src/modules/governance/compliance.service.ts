import { COMPLIANCE_RULES, checkCompliance, complianceScore, type PhaseState, unitScore } from '@baton/core';
import type { Database } from '@baton/db';
import { notFound } from '../../http/problem.ts';
import { type AccessService, type Actor, coversProject } from '../access/access.service.ts';
import type { GovernanceRepository } from './governance.repository.ts';
import type { PolicyService } from './policy.service.ts';

const DAY = 86_400_000;

/** Compliance with the PMO's standards, checked from what Baton knows, per project and per org unit. */
export class ComplianceService {
  constructor(
    private readonly db: Database,
    private readonly repo: GovernanceRepository,
    private readonly access: AccessService,
    private readonly policies: PolicyService,
  ) {}

  /** Audit findings per project (wired after construction: audits depend on governance). */
  private findings?: () => Promise<Map<string, { open: number; overdueHigh: number }>>;

  connectFindings(source: () => Promise<Map<string, { open: number; overdueHigh: number }>>): void {
    this.findings = source;
  }

  /** Manual checklist items attested per project (wired after construction, like the findings). */
  private checklist?: () => Promise<Map<string, { met: number; total: number }>>;

  connectChecklist(source: () => Promise<Map<string, { met: number; total: number }>>): void {
    this.checklist = source;
  }

  /** Per project, the status report last due and whether it was submitted (wired like the findings). */
  private statusReports?: () => Promise<Map<string, { period: string; submitted: boolean } | null>>;

  connectStatusReports(
    source: () => Promise<Map<string, { period: string; submitted: boolean } | null>>,
  ): void {
    this.statusReports = source;
  }

  async report(actor: Actor, q: { orgUnitId?: string | undefined }) {
    const v = await this.access.visibility(actor, 'project.read');
    const scope = q.orgUnitId ? new Set(await this.access.subtree(q.orgUnitId)) : null;
    const all = await this.repo.projectsForCompliance(this.db);
    const list = all.filter((p) => coversProject(v, p) && (!scope || scope.has(p.orgUnitId)));
    const { rows, units, now } = await this.evaluate(list);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const parent = new Map(units.map((u) => [u.id, u.parentId]));
    // A unit's score covers its projects and everything beneath it.
    const scoresUnder = new Map<string, (number | null)[]>();
    for (const r of rows) {
      let u: string | null | undefined = r.orgUnitId;
      while (u) {
        scoresUnder.set(u, [...(scoresUnder.get(u) ?? []), r.score]);
        u = parent.get(u);
      }
    }
    return {
      asOf: new Date(now).toISOString().slice(0, 10),
      rules: COMPLIANCE_RULES.map((r) => ({ key: r.key, title: r.title })),
      projects: rows
        .filter((r) => r.score !== null)
        .sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || a.code.localeCompare(b.code)),
      units: [...scoresUnder.entries()]
        .filter(([id]) => !scope || scope.has(id))
        .map(([id, scores]) => ({
          orgUnitId: id,
          name: unitName.get(id) ?? '',
          score: unitScore(scores),
          projectCount: scores.filter((s) => s !== null).length,
        }))
        .filter((u) => u.projectCount > 0)
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /** One project's row of the report (null when no rule applies to it yet). */
  async forProject(projectId: string) {
    const list = await this.repo.projectsForCompliance(this.db, projectId);
    if (list.length === 0) throw notFound('Project');
    const { rows, now } = await this.evaluate(list);
    const row = rows[0];
    return {
      asOf: new Date(now).toISOString().slice(0, 10),
      rules: COMPLIANCE_RULES.map((r) => ({ key: r.key, title: r.title })),
      project: row && row.score !== null ? row : null,
    };
  }

  /**
   * Each project's own risks and the shared ones linked to it. One project (a gate, its compliance
   * tab) reads just its own; a report reads them all at once.
   */
  private async risksByProject(ids: readonly string[]) {
    type Risk = Awaited<ReturnType<GovernanceRepository['allRisks']>>[number];
    const only = ids.length === 1 ? (ids[0] as string) : null;
    if (only) return new Map<string, Risk[]>([[only, await this.repo.risksOfProject(this.db, only)]]);
    const [ownRisks, links] = await Promise.all([
      this.repo.allRisks(this.db),
      this.repo.allRiskLinks(this.db),
    ]);
    const risksOf = new Map<string, Risk[]>();
    const byId = new Map(ownRisks.map((r) => [r.id, r]));
    const add = (pid: string, r: Risk) => risksOf.set(pid, [...(risksOf.get(pid) ?? []), r]);
    for (const r of ownRisks) if (r.projectId) add(r.projectId, r);
    for (const l of links) {
      const r = byId.get(l.riskId);
      if (r) add(l.projectId, r);
    }
    return risksOf;
  }

  private async evaluate(list: Awaited<ReturnType<GovernanceRepository['projectsForCompliance']>>) {
    const ids = list.map((p) => p.id);
    const [units, lifecycles, baselined, risksOf, policyOf, findings, checklist, reports] = await Promise.all(
      [
        this.repo.orgUnits(this.db),
        this.repo.lifecyclesOf(this.db, ids),
        this.repo.baselinedProjects(this.db, ids),
        this.risksByProject(ids),
        this.policies.forProjects(),
        this.findings?.() ?? Promise.resolve(new Map<string, { open: number; overdueHigh: number }>()),
        this.checklist?.() ?? Promise.resolve(new Map<string, { met: number; total: number }>()),
        this.statusReports?.() ??
          Promise.resolve(new Map<string, { period: string; submitted: boolean } | null>()),
      ],
    );
    const lifecycleOf = new Map(lifecycles.map((l) => [l.projectId, l]));
    const now = Date.now();
    const rows = list.map((p) => {
      const l = lifecycleOf.get(p.id);
      const first = (l?.state as unknown as PhaseState[] | undefined)?.[0];
      const open = (risksOf.get(p.id) ?? []).filter((r) => r.status === 'open' || r.status === 'monitoring');
      const reviewed = open
        .map((r) => r.reviewedAt?.getTime() ?? null)
        .filter((t): t is number => t !== null);
      const results = checkCompliance({
        status: p.status,
        hasManager: p.managerId !== null,
        hasLifecycle: l !== undefined,
        charterApproved: first
          ? first.gate.status === 'passed' || first.gate.criteria.charter?.met === true
          : null,
        lastRiskReviewDays: reviewed.length ? Math.floor((now - Math.max(...reviewed)) / DAY) : null,
        openRiskCount: open.length,
        hasBaseline: baselined.has(p.id),
        riskReviewDays: policyOf.get(p.id)?.riskReviewDays,
        openFindings: findings.get(p.id)?.open ?? 0,
        overdueHighFindings: findings.get(p.id)?.overdueHigh ?? 0,
        checklist: checklist.get(p.id),
        statusReport: reports.get(p.id),
      });
      const score = complianceScore(results);
      const target = policyOf.get(p.id)?.minimumComplianceScore ?? 80;
      return { p, results, score, target };
    });
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    return {
      now,
      units,
      rows: rows.map((r) => ({
        projectId: r.p.id,
        code: r.p.code,
        name: r.p.name,
        status: r.p.status,
        orgUnitId: r.p.orgUnitId,
        orgUnitName: unitName.get(r.p.orgUnitId) ?? '',
        score: r.score,
        target: r.target,
        belowTarget: r.score !== null && r.score < r.target,
        results: r.results.map(({ counts: _c, ...x }) => x),
      })),
    };
  }
}
