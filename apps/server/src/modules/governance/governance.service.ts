import type { GateReview, LifecycleTemplate, ProjectLifecycle } from '@baton/contracts';
import {
  checkPhases,
  checkStatusTransition,
  currentPhase,
  decideGate,
  type Enforcement,
  enforceGate,
  finding,
  type GateDecision,
  type GateFinding,
  gateReadiness,
  initialState,
  migrateState,
  type PhaseDefinition,
  type PhaseState,
  type ProjectStatus,
  pmoOwnsDecisions,
  riskLevel,
  riskScore,
  type ScopePath,
} from '@baton/core';
import type { Database } from '@baton/db';
import { invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import { type AccessService, type Actor, coversProject } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { RaidRepository } from '../raid/raid.repository.ts';
import { matrixOf } from '../raid/risks.service.ts';
import { recordChange } from '../shared/record-change.ts';
import type { GovernanceRepository, ReviewRow, TemplateRow } from './governance.repository.ts';
import type { OperatingModelRepository, WaiverRow } from './operating-model.repository.ts';
import type { OperatingModelService } from './operating-model.service.ts';

type WaiverView = Awaited<ReturnType<OperatingModelRepository['waivers']>>[number];
const waiverDto = (w: WaiverView) => ({
  id: w.id,
  projectId: w.projectId,
  phaseKey: w.phaseKey,
  item: w.itemKey,
  reason: w.reason,
  waivedByName: w.waivedByName,
  createdAt: w.createdAt.toISOString(),
});

/**
 * The methodology library and stage gates: versioned lifecycle templates defined at an org unit
 * (and so for everything beneath it), each project's lifecycle, gate submissions with their
 * evidence, and go / hold / recycle / kill decisions.
 */
export class GovernanceService {
  constructor(
    private readonly db: Database,
    private readonly repo: GovernanceRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly raidRepo: RaidRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
    private readonly models: OperatingModelService,
    private readonly waiverRepo: OperatingModelRepository,
  ) {}

  /**
   * Sources wired after construction (they depend on this service): policies, gate documents and the
   * project's compliance with the PMO's rules.
   */
  private sources: {
    policy?: (
      projectId: string,
    ) => Promise<{ blockGoWithOpenHighRisks: boolean; requireGateDocuments: boolean }>;
    documents?: (
      projectId: string,
    ) => Promise<Array<{ phaseKey: string; deliverableKey: string; documentCount: number }>>;
    compliance?: (
      projectId: string,
    ) => Promise<
      Array<{ rule: string; title: string; applicable: boolean; passed: boolean; detail: string }>
    >;
  } = {};

  connect(sources: GovernanceService['sources']): void {
    this.sources = { ...this.sources, ...sources };
  }

  // ---- templates ----

  private async templateDtos(rows: readonly TemplateRow[]): Promise<LifecycleTemplate[]> {
    if (rows.length === 0) return [];
    const keys = [...new Set(rows.map((r) => r.key))];
    const [newest, units, count] = await Promise.all([
      this.repo.latestVersions(this.db, keys),
      this.raidRepo.orgUnitNames(
        this.db,
        rows.map((r) => r.orgUnitId),
      ),
      this.repo.followers(
        this.db,
        rows.map((r) => r.id),
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      key: r.key,
      templateVersion: r.templateVersion,
      latest: newest.get(r.key) === r.templateVersion,
      name: r.name,
      approach: r.approach as LifecycleTemplate['approach'],
      description: r.description,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitId ? (units.get(r.orgUnitId) ?? null) : null,
      phases: r.phases as unknown as PhaseDefinition[],
      projectCount: count.get(r.id) ?? 0,
    }));
  }

  private async template(id: string): Promise<TemplateRow> {
    const row = await this.repo.template(this.db, id);
    if (!row) throw notFound('Template');
    return row;
  }

  /** Where a template is defined, for the permission table. */
  async templatePath(id: string): Promise<ScopePath> {
    return this.access.orgUnitOrRootPath((await this.template(id)).orgUnitId);
  }

  async newTemplatePath(orgUnitId: string | null | undefined): Promise<ScopePath> {
    return this.access.orgUnitOrRootPath(orgUnitId ?? null).catch(() => {
      throw invalid('orgUnitId', 'exists', 'no such org unit');
    });
  }

  async listTemplates(q: { projectId?: string | undefined; all?: 'true' | 'false' | undefined }) {
    let rows = await this.repo.templates(this.db);
    if (q.all !== 'true') {
      // Newest version first within each key: keep the first row of each.
      const seen = new Set<string>();
      rows = rows.filter((r) => {
        if (seen.has(r.key)) return false;
        seen.add(r.key);
        return true;
      });
    }
    if (q.projectId) {
      const path = await this.access.projectPath(q.projectId);
      rows = rows.filter((r) => r.orgUnitId === null || path.orgUnitIds.includes(r.orgUnitId));
    }
    return { items: await this.templateDtos(rows) };
  }

  async getTemplate(id: string): Promise<LifecycleTemplate> {
    return (await this.templateDtos([await this.template(id)]))[0] as LifecycleTemplate;
  }

  private checkTemplatePhases(phases: PhaseDefinition[]): void {
    const problem = checkPhases(phases);
    if (problem) {
      const [field = 'phases', ...rest] = problem.split(': ');
      throw invalid(field, 'unique', rest.join(': '));
    }
  }

  async createTemplate(
    actor: Actor,
    body: {
      key: string;
      name: string;
      approach: LifecycleTemplate['approach'];
      description?: string | null | undefined;
      orgUnitId?: string | null | undefined;
      phases: PhaseDefinition[];
    },
  ): Promise<LifecycleTemplate> {
    this.checkTemplatePhases(body.phases);
    if (await this.repo.keyTaken(this.db, body.key))
      throw new ProblemError(
        409,
        'duplicate',
        `A template with key “${body.key}” exists: add a version to it.`,
      );
    const row = await this.db.transaction(async (tx) => {
      const r = await this.repo.insertTemplate(tx, {
        key: body.key,
        name: body.name,
        approach: body.approach,
        description: body.description ?? null,
        orgUnitId: body.orgUnitId ?? null,
        phases: body.phases as unknown as Record<string, unknown>[],
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'lifecycle_template', id: r.id, action: 'create' },
        null,
        {
          key: r.key,
          templateVersion: 1,
          name: r.name,
          phases: body.phases.map((p) => p.key),
        },
      );
      return r;
    });
    return this.getTemplate(row.id);
  }

  /** A new version of a template; projects keep the version they follow until migrated. */
  async newVersion(
    actor: Actor,
    id: string,
    body: { name?: string | undefined; description?: string | null | undefined; phases: PhaseDefinition[] },
  ): Promise<LifecycleTemplate> {
    const base = await this.template(id);
    this.checkTemplatePhases(body.phases);
    const row = await this.db.transaction(async (tx) => {
      const max = (await this.repo.latestVersions(tx, [base.key])).get(base.key) ?? base.templateVersion;
      const r = await this.repo.insertTemplate(tx, {
        key: base.key,
        templateVersion: max + 1,
        name: body.name ?? base.name,
        approach: base.approach,
        description: body.description === undefined ? base.description : body.description,
        orgUnitId: base.orgUnitId,
        phases: body.phases as unknown as Record<string, unknown>[],
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'lifecycle_template', id: r.id, action: 'version' },
        null,
        {
          key: r.key,
          templateVersion: r.templateVersion,
          phases: body.phases.map((p) => p.key),
        },
      );
      return r;
    });
    return this.getTemplate(row.id);
  }

  // ---- a project's lifecycle ----

  private lifecycleRow(projectId: string) {
    return this.repo.lifecycle(this.db, projectId);
  }

  private async reviewDtos(rows: readonly ReviewRow[]): Promise<GateReview[]> {
    const names = await this.raidRepo.userNames(
      this.db,
      rows.flatMap((r) => [r.submittedBy, r.decidedBy]),
    );
    return rows.map((r) => ({
      id: r.id,
      projectId: r.projectId,
      phaseKey: r.phaseKey,
      phaseName: r.phaseName,
      submittedAt: r.submittedAt.toISOString(),
      submittedByName: r.submittedBy ? (names.get(r.submittedBy) ?? null) : null,
      evidence: r.evidence as GateReview['evidence'],
      decision: r.decision as GateReview['decision'],
      rationale: r.rationale,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? null) : null,
    }));
  }

  async lifecycle(projectId: string): Promise<ProjectLifecycle> {
    const row = await this.lifecycleRow(projectId);
    if (!row) throw notFound('Lifecycle');
    const t = await this.template(row.templateId);
    const [template] = await this.templateDtos([t]);
    const defs = t.phases as unknown as PhaseDefinition[];
    const states = row.state as unknown as PhaseState[];
    const reviews = await this.repo.reviews(this.db, projectId);
    const max = (await this.repo.latestVersions(this.db, [t.key])).get(t.key) ?? 0;
    const i = currentPhase(states);
    const [operatingModel, waivers] = await Promise.all([
      this.models.forProject(projectId),
      this.waiverRepo.waivers(this.db, projectId),
    ]);
    const activeDef = i === null ? undefined : defs[i];
    const activeState = i === null ? undefined : states[i];
    let enforcement: Enforcement | null = null;
    if (activeDef && activeState) {
      const { findings } = await this.gateFindings(projectId, activeDef, activeState);
      enforcement = enforceGate(
        operatingModel.model,
        findings,
        new Set(waivers.filter((w) => w.phaseKey === activeDef.key).map((w) => w.itemKey)),
      );
    }
    return {
      projectId,
      version: row.version,
      template: template as LifecycleTemplate,
      phases: defs.map((d, k) => {
        const s = states[k] as PhaseState;
        return { ...d, status: s.status, gateState: s.gate, readiness: gateReadiness(d, s) };
      }),
      currentPhaseKey: i === null ? null : (states[i]?.key ?? null),
      operatingModel,
      enforcement,
      waivers: waivers.map(waiverDto),
      newerVersion: max > t.templateVersion ? max : null,
      reviews: await this.reviewDtos(reviews),
    };
  }

  private async applicable(t: TemplateRow, projectId: string): Promise<void> {
    if (t.orgUnitId === null) return;
    const path = await this.access.projectPath(projectId);
    if (!path.orgUnitIds.includes(t.orgUnitId))
      throw invalid('templateId', 'scope', 'this template is defined for another part of the organisation');
  }

  /** Gives a project its phases, gates and checklists from a template version. */
  async apply(actor: Actor, projectId: string, templateId: string): Promise<ProjectLifecycle> {
    if ((await this.projectsRepo.currentVersion(this.db, projectId)) === null) throw notFound('Project');
    const t = await this.template(templateId).catch(() => {
      throw invalid('templateId', 'exists', 'no such template');
    });
    await this.applicable(t, projectId);
    if (await this.lifecycleRow(projectId))
      throw new ProblemError(
        409,
        'has-lifecycle',
        'The project follows a lifecycle already: migrate it instead.',
      );
    const state = initialState(t.phases as unknown as PhaseDefinition[]);
    await this.db.transaction(async (tx) => {
      await this.repo.insertLifecycle(tx, {
        projectId,
        templateId,
        state: state as unknown as Record<string, unknown>[],
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'project', id: projectId, action: 'lifecycle' },
        null,
        {
          template: `${t.name} v${t.templateVersion}`,
        },
      );
    });
    return this.lifecycle(projectId);
  }

  async migrate(actor: Actor, projectId: string, body: { version: number; templateId: string }) {
    const row = await this.lifecycleRow(projectId);
    if (!row) throw notFound('Lifecycle');
    if (row.version !== body.version) throw staleVersion(row.version, body.version);
    const from = await this.template(row.templateId);
    const to = await this.template(body.templateId).catch(() => {
      throw invalid('templateId', 'exists', 'no such template');
    });
    await this.applicable(to, projectId);
    const current = row.state as unknown as PhaseState[];
    const pending = current.find((x) => x.gate.status === 'submitted');
    if (pending)
      throw new ProblemError(
        422,
        'gate-under-review',
        `The ${pending.key} gate is under review: have it decided before migrating.`,
      );
    const state = migrateState(current, to.phases as unknown as PhaseDefinition[]);
    await this.save(actor, projectId, row.version, state, body.templateId, {
      action: 'migrate',
      before: { template: `${from.name} v${from.templateVersion}` },
      after: { template: `${to.name} v${to.templateVersion}` },
    });
    return this.lifecycle(projectId);
  }

  private async save(
    actor: Actor,
    projectId: string,
    version: number,
    state: PhaseState[],
    templateId: string | null,
    journalEntry: { action: string; before: Record<string, unknown>; after: Record<string, unknown> },
    tx?: Database,
  ): Promise<void> {
    const run = async (t: Database) => {
      const after = await this.repo.updateLifecycle(
        t,
        projectId,
        version,
        { state: state as unknown as Record<string, unknown>[], ...(templateId ? { templateId } : {}) },
        actor.userId,
      );
      if (!after) throw staleVersion(version + 1, version);
      await recordChange(
        this.journal,
        t,
        actor,
        { type: 'project', id: projectId, action: journalEntry.action },
        journalEntry.before,
        journalEntry.after,
      );
    };
    if (tx) await run(tx);
    else await this.db.transaction(run);
  }

  private async stateFor(projectId: string, version: number, phaseKey: string) {
    const row = await this.lifecycleRow(projectId);
    if (!row) throw notFound('Lifecycle');
    if (row.version !== version) throw staleVersion(row.version, version);
    const t = await this.template(row.templateId);
    const defs = t.phases as unknown as PhaseDefinition[];
    const states = row.state as unknown as PhaseState[];
    const k = states.findIndex((s) => s.key === phaseKey);
    if (k < 0) throw notFound('Phase');
    return { row, defs, states, k, def: defs[k] as PhaseDefinition, state: states[k] as PhaseState };
  }

  async checklist(
    actor: Actor,
    projectId: string,
    phaseKey: string,
    body: {
      version: number;
      criteria?: Record<string, { met: boolean; note?: string | undefined }> | undefined;
      deliverables?: Record<string, { accepted: boolean }> | undefined;
    },
  ): Promise<ProjectLifecycle> {
    const { states, k, def, state } = await this.stateFor(projectId, body.version, phaseKey);
    if (state.status !== 'active')
      throw new ProblemError(422, 'not-active', `${def.name} is not the phase in progress.`);
    if (state.gate.status === 'submitted')
      throw new ProblemError(
        422,
        'submitted',
        `The ${def.gate.name} is under review: its checklist is frozen.`,
      );
    for (const key of Object.keys(body.criteria ?? {}))
      if (!def.gate.criteria.some((c) => c.key === key))
        throw invalid(`criteria.${key}`, 'exists', 'no such criterion');
    for (const key of Object.keys(body.deliverables ?? {}))
      if (!def.gate.deliverables.some((d) => d.key === key))
        throw invalid(`deliverables.${key}`, 'exists', 'no such deliverable');
    const name = actor.userId
      ? ((await this.raidRepo.userNames(this.db, [actor.userId])).get(actor.userId) ?? null)
      : null;
    const now = new Date().toISOString();
    const next = states.map((s, j) =>
      j !== k
        ? s
        : {
            ...s,
            gate: {
              ...s.gate,
              criteria: { ...s.gate.criteria, ...(body.criteria ?? {}) },
              deliverables: {
                ...s.gate.deliverables,
                ...Object.fromEntries(
                  Object.entries(body.deliverables ?? {}).map(([key, d]) => [
                    key,
                    d.accepted ? { accepted: true, acceptedBy: name, acceptedAt: now } : { accepted: false },
                  ]),
                ),
              },
            },
          },
    );
    await this.save(actor, projectId, body.version, next, null, {
      action: 'gate-checklist',
      before: { phase: phaseKey, ...checklistSummary(state) },
      after: { phase: phaseKey, ...checklistSummary(next[k] as PhaseState) },
    });
    return this.lifecycle(projectId);
  }

  /** The evidence a gate's reviewers see: checklist, project status, open high risks and open issues. */
  private async evidence(projectId: string, def: PhaseDefinition, state: PhaseState) {
    const readiness = gateReadiness(def, state);
    const status = await this.repo.projectStatus(this.db, projectId);
    const settings = await this.raidRepo.settings(this.db);
    const m = matrixOf(settings);
    const projectRisks = await this.repo.risksOfProject(this.db, projectId);
    const openHighRisks = projectRisks
      .filter(
        (r) =>
          (r.status === 'open' || r.status === 'monitoring') &&
          riskLevel(riskScore(r.probability, r.impact), m) === 'high',
      )
      .map((r) => ({ id: r.id, code: r.code, title: r.title, score: riskScore(r.probability, r.impact) }));
    const openIssues = await this.repo.openIssueCount(this.db, projectId);
    const docs = (await this.sources.documents?.(projectId)) ?? [];
    const documents = def.gate.deliverables.map((d) => ({
      deliverableKey: d.key,
      name: d.name,
      required: d.required,
      documentCount: docs
        .filter((x) => x.phaseKey === def.key && x.deliverableKey === d.key)
        .reduce((n, x) => n + x.documentCount, 0),
    }));
    return {
      criteriaMet: def.gate.criteria.filter((c) => state.gate.criteria[c.key]?.met).length,
      criteriaTotal: def.gate.criteria.length,
      missingCriteria: readiness.missingCriteria,
      deliverablesAccepted: def.gate.deliverables.filter((d) => state.gate.deliverables[d.key]?.accepted)
        .length,
      deliverablesTotal: def.gate.deliverables.length,
      missingDeliverables: readiness.missingDeliverables,
      projectStatus: status ?? 'unknown',
      openHighRisks,
      openIssues,
      documents,
    };
  }

  /**
   * What the gate in progress does not meet: required criteria and deliverables, the PMO policy's
   * documents, and the compliance rules the project fails.
   */
  private async gateFindings(projectId: string, def: PhaseDefinition, state: PhaseState) {
    const [evidence, policy, rules] = await Promise.all([
      this.evidence(projectId, def, state),
      this.sources.policy?.(projectId),
      this.sources.compliance?.(projectId) ?? Promise.resolve([]),
    ]);
    const findings: GateFinding[] = [];
    for (const c of def.gate.criteria)
      if (c.required && !state.gate.criteria[c.key]?.met)
        findings.push(finding('criterion', c.key, c.text, 'Not met on the gate checklist'));
    for (const d of def.gate.deliverables)
      if (d.required && !state.gate.deliverables[d.key]?.accepted)
        findings.push(finding('deliverable', d.key, d.name, 'Not accepted'));
    if (policy?.requireGateDocuments)
      for (const d of evidence.documents)
        if (d.required && d.documentCount === 0)
          findings.push(
            finding(
              'policy',
              `document-${d.deliverableKey}`,
              `A document for ${d.name}`,
              'The PMO policy asks for a document on every required deliverable',
            ),
          );
    // The charter rule reads the gate's own charter criterion: named once, as the criterion.
    const named = new Set(findings.map((f) => f.item));
    for (const r of rules)
      if (r.applicable && !r.passed && !(r.rule === 'charter' && named.has('criterion:charter')))
        findings.push(finding('compliance', r.rule, r.title, r.detail));
    return { findings, evidence, policy };
  }

  /** The operating model applied to a gate's findings, with the PMO's waivers at that gate. */
  private async enforce(projectId: string, phaseKey: string, findings: GateFinding[]): Promise<Enforcement> {
    const [model, waivers] = await Promise.all([
      this.models.forProject(projectId),
      this.waiverRepo.waivers(this.db, projectId, phaseKey),
    ]);
    return enforceGate(model.model, findings, new Set(waivers.map((w) => w.itemKey)));
  }

  /** The PMO's waivers on a project's gates. */
  async waivers(projectId: string, phaseKey?: string) {
    await this.lifecycleOrThrow(projectId);
    return { items: (await this.waiverRepo.waivers(this.db, projectId, phaseKey)).map(waiverDto) };
  }

  private async lifecycleOrThrow(projectId: string) {
    const row = await this.lifecycleRow(projectId);
    if (!row) throw notFound('Lifecycle');
    return row;
  }

  /**
   * The PMO waives an unmet item of the gate in progress, with its reason (journalled). Only an item
   * the gate does not meet now can be waived; the waiver stays with that gate.
   */
  async waive(actor: Actor, projectId: string, phaseKey: string, body: { item: string; reason: string }) {
    const row = await this.lifecycleOrThrow(projectId);
    const { def, state } = await this.stateFor(projectId, row.version, phaseKey);
    if (state.status !== 'active')
      throw new ProblemError(422, 'not-active', `${def.name} is not the phase in progress.`);
    const { findings, policy } = await this.gateFindings(projectId, def, state);
    const unmet = new Set([
      ...findings.map((f) => f.item),
      ...(policy?.blockGoWithOpenHighRisks ? ['policy:open-high-risks'] : []),
    ]);
    if (!unmet.has(body.item))
      throw invalid(
        'item',
        'unmet',
        `${body.item} is not an unmet item of the ${def.gate.name}${findings.length ? ` (unmet: ${findings.map((f) => f.item).join(', ')})` : ''}`,
      );
    const created = await this.db.transaction(async (tx) => {
      const w = await this.waiverRepo.insertWaiver(tx, {
        projectId,
        phaseKey,
        itemKey: body.item,
        reason: body.reason,
        waivedBy: actor.userId,
      });
      if (!w)
        throw new ProblemError(409, 'duplicate', `${body.item} is already waived at the ${def.gate.name}.`);
      await recordChange(this.journal, tx, actor, { type: 'gate_waiver', id: w.id, action: 'create' }, null, {
        projectId,
        phaseKey,
        item: body.item,
        reason: body.reason,
      });
      return w;
    });
    const [view] = (await this.waiverRepo.waivers(this.db, projectId, phaseKey)).filter(
      (w) => w.id === created.id,
    );
    return waiverDto(view as WaiverView);
  }

  async withdrawWaiver(actor: Actor, projectId: string, phaseKey: string, waiverId: string): Promise<void> {
    const w: WaiverRow | null = await this.waiverRepo.waiver(this.db, waiverId);
    if (!w || w.projectId !== projectId || w.phaseKey !== phaseKey) throw notFound('Waiver');
    await this.db.transaction(async (tx) => {
      await this.waiverRepo.deleteWaiver(tx, waiverId);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'gate_waiver', id: waiverId, action: 'delete' },
        { projectId, phaseKey, item: w.itemKey, reason: w.reason },
        null,
      );
    });
  }

  /** Puts the active phase's gate up for review; refused while a required item is missing. */
  async submit(
    actor: Actor,
    projectId: string,
    phaseKey: string,
    version: number,
  ): Promise<ProjectLifecycle> {
    const { states, k, def, state } = await this.stateFor(projectId, version, phaseKey);
    if (state.status !== 'active')
      throw new ProblemError(422, 'not-active', `${def.name} is not the phase in progress.`);
    if (state.gate.status === 'submitted')
      throw new ProblemError(422, 'submitted', `The ${def.gate.name} is already under review.`);
    if (state.gate.status === 'killed')
      throw new ProblemError(422, 'killed', 'The project was stopped at this gate.');
    const { findings, evidence } = await this.gateFindings(projectId, def, state);
    const enforcement = await this.enforce(projectId, phaseKey, findings);
    if (enforcement.outcome === 'block') throw blockedAt(def.gate.name, enforcement);
    const next = states.map((s, j) =>
      j === k ? { ...s, gate: { ...s.gate, status: 'submitted' as const } } : s,
    );
    await this.db.transaction(async (tx) => {
      await this.repo.insertReview(tx, {
        projectId,
        phaseKey,
        phaseName: def.name,
        submittedBy: actor.userId,
        evidence: { ...evidence, enforcement } as unknown as Record<string, unknown>,
      });
      await this.save(
        actor,
        projectId,
        version,
        next,
        null,
        {
          action: 'gate-submit',
          before: { phase: phaseKey, gate: state.gate.status },
          after: {
            phase: phaseKey,
            gate: 'submitted',
            model: enforcement.model,
            ...(enforcement.warnings.length ? { warnings: enforcement.warnings.map((w) => w.item) } : {}),
            ...(enforcement.waived.length ? { waived: enforcement.waived.map((w) => w.item) } : {}),
          },
        },
        tx,
      );
    });
    return this.lifecycle(projectId);
  }

  /**
   * The reviewers' decision. go opens the next phase; hold waits; recycle reopens the gate; kill
   * cancels the project with the rationale as its reason — each with the review, in one change.
   */
  async decide(
    actor: Actor,
    projectId: string,
    phaseKey: string,
    body: { version: number; decision: GateDecision; rationale: string },
  ): Promise<ProjectLifecycle> {
    const { states, state, def } = await this.stateFor(projectId, body.version, phaseKey);
    if (state.gate.status !== 'submitted')
      throw new ProblemError(422, 'not-submitted', `The ${def.gate.name} has not been submitted for review.`);
    const model = await this.models.forProject(projectId);
    if (pmoOwnsDecisions(model.model))
      this.access.require(
        actor,
        'governance.manage',
        await this.access.projectPath(projectId),
        `Under the directive model of ${model.definedAtName ?? 'the organisation'} the PMO decides gates; the project proposes by submitting.`,
      );
    let decisionWarnings: GateFinding[] = [];
    if (body.decision === 'go') {
      const policy = await this.sources.policy?.(projectId);
      if (policy?.blockGoWithOpenHighRisks) {
        const { openHighRisks } = await this.evidence(projectId, def, state);
        const findings = openHighRisks.length
          ? [
              finding(
                'policy',
                'open-high-risks',
                'No go while high risks are open',
                `Open high risks: ${openHighRisks.map((r) => `${r.code} ${r.title}`).join('; ')}`,
              ),
            ]
          : [];
        const e = await this.enforce(projectId, phaseKey, findings);
        if (e.outcome === 'block')
          throw new ProblemError(
            422,
            'open-high-risks',
            `The PMO policy allows no go while high risks are open: ${openHighRisks.map((r) => `${r.code} ${r.title}`).join('; ')}. Hold, recycle, or bring the risks down first.`,
          );
        decisionWarnings = e.warnings;
      }
    }
    const next = decideGate(states, phaseKey, body.decision);
    const pending = await this.repo.pendingReview(this.db, projectId, phaseKey);
    await this.db.transaction(async (tx) => {
      if (body.decision === 'kill') {
        const before = await this.projectsRepo.getForUpdate(tx, projectId);
        if (!before) throw notFound('Project');
        const check = checkStatusTransition(before.status as ProjectStatus, 'cancelled', body.rationale);
        if (!check.ok) throw new ProblemError(422, 'illegal-transition', check.message);
        const after = await this.projectsRepo.update(
          tx,
          projectId,
          before.version,
          { status: 'cancelled', statusReason: `Stopped at the ${def.gate.name}: ${body.rationale}` },
          actor.userId,
        );
        if (!after) throw new ProblemError(409, 'conflict', 'The project changed meanwhile; try again.');
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'project', id: projectId, action: 'transition' },
          { status: before.status, statusReason: before.statusReason },
          { status: after.status, statusReason: after.statusReason },
        );
      }
      if (pending)
        await this.repo.decideReview(tx, pending.id, {
          decision: body.decision,
          rationale: body.rationale,
          decidedBy: actor.userId,
        });
      await this.save(
        actor,
        projectId,
        body.version,
        next,
        null,
        {
          action: 'gate-decision',
          before: { phase: phaseKey, gate: 'submitted' },
          after: {
            phase: phaseKey,
            decision: body.decision,
            rationale: body.rationale,
            ...(decisionWarnings.length ? { warnings: decisionWarnings.map((w) => w.item) } : {}),
          },
        },
        tx,
      );
    });
    return this.lifecycle(projectId);
  }

  /** Gates waiting for a decision, on the projects the actor may see. */
  async queue(actor: Actor) {
    const rows = await this.repo.pendingReviews(this.db);
    const ps = await this.repo.projectNames(this.db, [...new Set(rows.map((r) => r.projectId))]);
    const byId = new Map(ps.map((p) => [p.id, p]));
    const v = await this.access.visibility(actor, 'project.read');
    const kept = rows.filter((r) => {
      const p = byId.get(r.projectId);
      return p !== undefined && coversProject(v, p);
    });
    const dtos = await this.reviewDtos(kept);
    return {
      items: dtos.map((d) => ({
        ...d,
        projectCode: byId.get(d.projectId)?.code ?? '',
        projectName: byId.get(d.projectId)?.name ?? '',
      })),
    };
  }

  /**
   * Records on the project's lifecycle that one of its gate deliverables was accepted (as quality
   * acceptance decides), inside the caller's transaction and journalled like a checklist tick. It
   * changes nothing when the project follows no lifecycle, the phase has no such deliverable, it is
   * accepted already, or its gate is under review (the checklist is frozen then): the answer says which.
   */
  async markDeliverableAccepted(
    actor: Actor,
    tx: Database,
    link: { projectId: string; phaseKey: string; deliverableKey: string },
    by: { name: string | null; at: Date },
  ): Promise<'accepted' | 'already-accepted' | 'no-lifecycle' | 'no-such-deliverable' | 'gate-under-review'> {
    const row = await this.repo.lifecycle(tx, link.projectId);
    if (!row) return 'no-lifecycle';
    const states = row.state as unknown as PhaseState[];
    const k = states.findIndex((s) => s.key === link.phaseKey);
    const state = states[k];
    if (!state || !(link.deliverableKey in state.gate.deliverables)) return 'no-such-deliverable';
    if (state.gate.deliverables[link.deliverableKey]?.accepted) return 'already-accepted';
    if (state.gate.status === 'submitted') return 'gate-under-review';
    const accepted = { accepted: true, acceptedBy: by.name, acceptedAt: by.at.toISOString() };
    const next = states.map((s, j) =>
      j !== k
        ? s
        : {
            ...s,
            gate: { ...s.gate, deliverables: { ...s.gate.deliverables, [link.deliverableKey]: accepted } },
          },
    );
    await this.save(
      actor,
      link.projectId,
      row.version,
      next,
      null,
      {
        action: 'gate-checklist',
        before: { phase: link.phaseKey, ...checklistSummary(state) },
        after: { phase: link.phaseKey, ...checklistSummary(next[k] as PhaseState) },
      },
      tx,
    );
    return 'accepted';
  }
}

function checklistSummary(s: PhaseState) {
  return {
    met: Object.entries(s.gate.criteria)
      .filter(([, c]) => c.met)
      .map(([k]) => k)
      .sort(),
    accepted: Object.entries(s.gate.deliverables)
      .filter(([, d]) => d.accepted)
      .map(([k]) => k)
      .sort(),
  };
}

/** The problem for a gate the operating model blocks, naming every unmet item. */
function blockedAt(gateName: string, e: Enforcement): ProblemError {
  const own = e.blocking.filter((f) => f.kind === 'criterion' || f.kind === 'deliverable');
  const docs = e.blocking.filter((f) => f.kind === 'policy');
  const rules = e.blocking.filter((f) => f.kind === 'compliance');
  const rulesText = rules.length
    ? ` Compliance rules not met: ${rules.map((f) => `${f.title} (${f.detail})`).join('; ')}.`
    : '';
  const tail = ` Under the ${e.model} model these block the gate until met or waived by the PMO.`;
  if (own.length)
    return new ProblemError(
      422,
      'gate-not-ready',
      `Not ready for the ${gateName}: ${own.map((f) => (f.kind === 'deliverable' ? `${f.title} (deliverable)` : f.title)).join('; ')}.${docs.length ? ` Documents missing: ${docs.map((f) => f.title).join('; ')}.` : ''}${rulesText}${tail}`,
    );
  if (docs.length)
    return new ProblemError(
      422,
      'gate-documents-missing',
      `The PMO policy asks for a document on every required deliverable before the ${gateName}: none yet for ${docs.map((f) => f.title.replace(/^A document for /, '')).join(', ')}.${rulesText}${tail}`,
    );
  return new ProblemError(422, 'gate-blocked', `The ${gateName} is blocked.${rulesText}${tail}`);
}
