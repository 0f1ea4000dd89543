import type {
  CreateProposalBody,
  IntakeField,
  Proposal,
  ProposalComment,
  ProposalStatus,
  ScoringMatrix,
  UpdateProposalBody,
} from '@baton/contracts';
import type { Database } from '@baton/db';
import { forbidden, invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import { auditStamp, recordChange } from '../shared/record-change.ts';
import type { PortfolioRepository, ProposalListRow, ProposalRow } from './portfolio.repository.ts';
import { financialsOf, scoresOf } from './scoring.ts';
import type { ScoringBasis, StrategyService } from './strategy.service.ts';

/** Who may move a proposal where: the proposer drafts and submits, the portfolio board decides. */
const FLOW: Readonly<Record<ProposalStatus, readonly { to: ProposalStatus; by: 'proposer' | 'board' }[]>> = {
  draft: [{ to: 'submitted', by: 'proposer' }],
  submitted: [
    { to: 'under_review', by: 'board' },
    { to: 'draft', by: 'proposer' },
    { to: 'rejected', by: 'board' },
  ],
  under_review: [
    { to: 'approved', by: 'board' },
    { to: 'rejected', by: 'board' },
    { to: 'deferred', by: 'board' },
  ],
  deferred: [
    { to: 'under_review', by: 'board' },
    { to: 'submitted', by: 'proposer' },
    { to: 'rejected', by: 'board' },
  ],
  approved: [{ to: 'deferred', by: 'board' }],
  rejected: [],
};
/** Statuses in which the proposer may still edit; the board may edit until a decision. */
const PROPOSER_EDITS = new Set<ProposalStatus>(['draft', 'submitted', 'deferred']);
const BOARD_EDITS = new Set<ProposalStatus>(['draft', 'submitted', 'under_review', 'deferred']);
const OPEN = new Set<ProposalStatus>(['draft', 'submitted', 'under_review', 'deferred', 'approved']);

const snap = (p: ProposalRow) => ({
  code: p.code,
  title: p.title,
  description: p.description,
  status: p.status,
  statusReason: p.statusReason,
  category: p.category,
  orgUnitId: p.orgUnitId,
  portfolioId: p.portfolioId,
  sponsorId: p.sponsorId,
  earliestStart: p.earliestStart,
  latestStart: p.latestStart,
  riskRating: p.riskRating,
  urgency: p.urgency,
  mandatory: p.mandatory,
  businessCase: p.businessCase,
  demand: p.demand,
  alignment: p.alignment,
  requires: p.requires,
  excludes: p.excludes,
  answers: p.answers,
  plannedStart: p.plannedStart,
  projectId: p.projectId,
});
export const proposalSnapshot = snap;

/** Intake: proposals with their business case, scored against the strategy, through their workflow. */
export class ProposalsService {
  constructor(
    private readonly db: Database,
    private readonly repo: PortfolioRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly strategy: StrategyService,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  private isBoard(actor: Actor): boolean {
    return this.access.holdsAnywhere(actor, ['portfolio.manage']);
  }

  /** Scores and ranks: every proposal's DTO given the current strategy. */
  dtos(rows: readonly ProposalListRow[], basis: ScoringBasis, actor: Actor | null): Proposal[] {
    const scored = rows.map((r) => {
      const financials = financialsOf(r.businessCase, basis.discountRate);
      const scores = scoresOf(r, financials, basis.weights, basis.criteria, basis.discountRate);
      return { r, financials, scores };
    });
    const ranked = scored
      .filter((x) => OPEN.has(x.r.status as ProposalStatus) && !x.r.projectId)
      .sort((a, b) => b.scores.total - a.scores.total || a.r.code.localeCompare(b.r.code));
    const rank = new Map(ranked.map((x, i) => [x.r.id, i + 1]));
    return scored.map(({ r, financials, scores }) => ({
      ...auditStamp(r),
      code: r.code,
      title: r.title,
      status: r.status as ProposalStatus,
      statusReason: r.statusReason,
      description: r.description,
      category: r.category,
      orgUnitId: r.orgUnitId,
      portfolioId: r.portfolioId,
      sponsorId: r.sponsorId,
      earliestStart: r.earliestStart,
      latestStart: r.latestStart,
      riskRating: r.riskRating,
      urgency: r.urgency,
      mandatory: r.mandatory,
      businessCase: r.businessCase,
      demand: r.demand,
      alignment: r.alignment,
      requires: r.requires,
      excludes: r.excludes,
      answers: r.answers,
      orgUnitName: r.orgUnitName,
      portfolioName: r.portfolioName,
      sponsorName: r.sponsorName,
      proposerId: r.proposerId,
      proposerName: r.proposerName,
      financials,
      scores,
      rank: rank.get(r.id) ?? null,
      plannedStart: r.plannedStart,
      projectId: r.projectId,
      commentCount: r.commentCount,
      nextStatuses: actor ? this.nextStatuses(actor, r) : [],
    }));
  }

  private nextStatuses(actor: Actor, p: ProposalRow): ProposalStatus[] {
    if (p.projectId) return [];
    const board = this.isBoard(actor);
    const proposer = p.proposerId !== null && p.proposerId === actor.userId;
    return (FLOW[p.status as ProposalStatus] ?? [])
      .filter((s) => board || (s.by === 'proposer' && proposer))
      .map((s) => s.to);
  }

  async list(
    actor: Actor,
    q: { status?: string | undefined; q?: string | undefined; sort: 'rank' | 'code' | 'updated' },
  ): Promise<{ items: Proposal[]; total: number }> {
    const statuses = q.status?.split(',');
    const [rows, basis] = await Promise.all([this.repo.listProposals(this.db), this.strategy.basis()]);
    let items = this.dtos(rows, basis, actor);
    if (statuses) items = items.filter((p) => statuses.includes(p.status));
    if (q.q) {
      const needle = q.q.toLowerCase();
      items = items.filter(
        (p) => p.title.toLowerCase().includes(needle) || p.code.toLowerCase().includes(needle),
      );
    }
    if (q.sort === 'rank')
      items.sort(
        (a, b) =>
          (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
          a.code.localeCompare(b.code),
      );
    else if (q.sort === 'updated') items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return { items, total: items.length };
  }

  async get(actor: Actor | null, id: string): Promise<Proposal> {
    const [rows, basis] = await Promise.all([this.repo.listProposals(this.db), this.strategy.basis()]);
    const found = this.dtos(rows, basis, actor).find((p) => p.id === id);
    if (!found) throw notFound('Proposal');
    return found;
  }

  async scoring(): Promise<ScoringMatrix> {
    const [rows, basis, objectives] = await Promise.all([
      this.repo.listProposals(this.db),
      this.strategy.basis(),
      this.strategy.objectivesOut(),
    ]);
    const items = this.dtos(rows, basis, null).filter((p) => p.rank !== null);
    items.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    return {
      objectives: objectives.filter((o) => o.active),
      criteria: basis.criteria,
      rows: items.map((p) => ({
        proposalId: p.id,
        code: p.code,
        title: p.title,
        status: p.status,
        alignment: p.alignment,
        scores: p.scores,
        financials: p.financials,
        riskRating: p.riskRating,
        rank: p.rank ?? 0,
      })),
    };
  }

  /** Checks references, answers and dependencies; names the field of the first thing wrong. */
  private async check(
    tx: Database,
    id: string | null,
    v: {
      sponsorId?: string | null | undefined;
      orgUnitId?: string | null | undefined;
      portfolioId?: string | null | undefined;
      requires?: string[] | undefined;
      excludes?: string[] | undefined;
      alignment?: Record<string, number> | undefined;
      answers?: Record<string, unknown> | undefined;
      category?: string | null | undefined;
      earliestStart?: string | undefined;
      latestStart?: string | undefined;
    },
    status: ProposalStatus,
  ): Promise<void> {
    if (v.earliestStart && v.latestStart && v.latestStart < v.earliestStart)
      throw invalid('latestStart', 'after_earliest', 'latestStart must not be before earliestStart');
    if (v.sponsorId && !(await this.projectsRepo.userExists(tx, v.sponsorId)))
      throw invalid('sponsorId', 'exists', 'no such user');
    if (v.orgUnitId)
      await this.access.orgUnitPath(v.orgUnitId).catch(() => {
        throw invalid('orgUnitId', 'exists', 'no such org unit');
      });
    if (v.portfolioId)
      await this.access.portfolioPath(v.portfolioId).catch(() => {
        throw invalid('portfolioId', 'exists', 'no such portfolio');
      });
    const others = await this.repo.listProposals(tx);
    const known = new Set(others.map((o) => o.id));
    for (const field of ['requires', 'excludes'] as const)
      (v[field] ?? []).forEach((ref, i) => {
        if (ref === id) throw invalid(`${field}[${i}]`, 'not_self', 'a proposal cannot depend on itself');
        if (!known.has(ref)) throw invalid(`${field}[${i}]`, 'exists', `no proposal ${ref}`);
      });
    const both = (v.requires ?? []).filter((r) => (v.excludes ?? []).includes(r));
    if (both.length)
      throw invalid('excludes', 'consistent', 'a proposal cannot both require and exclude another');
    if (v.alignment) {
      const objectives = new Set((await this.repo.objectives(tx)).map((o) => o.id));
      for (const key of Object.keys(v.alignment))
        if (!objectives.has(key)) throw invalid(`alignment.${key}`, 'exists', 'no such strategic objective');
    }
    const form = await this.strategy.intakeForm();
    if (v.category && !form.categories.includes(v.category))
      throw invalid('category', 'one_of', `category must be one of: ${form.categories.join(', ')}`);
    if (v.answers) checkAnswers(form.fields, v.answers, status !== 'draft');
  }

  async create(actor: Actor, body: CreateProposalBody): Promise<Proposal> {
    await this.check(this.db, null, body, 'draft');
    const id = await this.db.transaction(async (tx) => {
      const code = `PR-${String(await this.projectsRepo.nextSequence(tx, 'proposal')).padStart(3, '0')}`;
      const row = await this.repo.insertProposal(tx, {
        code,
        title: body.title,
        description: body.description ?? null,
        category: body.category ?? null,
        orgUnitId: body.orgUnitId ?? null,
        portfolioId: body.portfolioId ?? null,
        sponsorId: body.sponsorId ?? null,
        proposerId: actor.userId,
        earliestStart: body.earliestStart,
        latestStart: body.latestStart,
        riskRating: body.riskRating,
        urgency: body.urgency,
        mandatory: body.mandatory,
        businessCase: body.businessCase,
        demand: body.demand,
        alignment: body.alignment,
        requires: [...new Set(body.requires)],
        excludes: [...new Set(body.excludes)],
        answers: body.answers,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'proposal', id: row.id, action: 'create' },
        null,
        snap(row),
      );
      return row.id;
    });
    return this.get(actor, id);
  }

  private mayEdit(actor: Actor, p: ProposalRow): void {
    const status = p.status as ProposalStatus;
    if (p.projectId) throw unprocessable('This proposal is committed: change its project instead.');
    if (this.isBoard(actor) && BOARD_EDITS.has(status)) return;
    if (p.proposerId === actor.userId && PROPOSER_EDITS.has(status)) return;
    if (!BOARD_EDITS.has(status))
      throw unprocessable(`A ${status.replace('_', ' ')} proposal cannot be edited.`);
    throw forbidden('Only its proposer or the portfolio board can edit this proposal now.');
  }

  async update(actor: Actor, id: string, body: UpdateProposalBody): Promise<Proposal> {
    const before = await this.repo.proposal(this.db, id);
    if (!before) throw notFound('Proposal');
    this.mayEdit(actor, before);
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const { version, ...patch } = body;
    const values = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    ) as Partial<ProposalRow>;
    const merged = { ...before, ...values };
    await this.check(
      this.db,
      id,
      { ...values, earliestStart: merged.earliestStart, latestStart: merged.latestStart },
      before.status as ProposalStatus,
    );
    await this.db.transaction(async (tx) => {
      const after = await this.repo.updateProposal(tx, id, version, values, actor.userId);
      if (!after) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'proposal', id, action: 'update' },
        snap(before),
        snap(after),
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const before = await this.repo.proposal(this.db, id);
    if (!before) throw notFound('Proposal');
    if (before.status !== 'draft')
      throw unprocessable('Only a draft can be deleted; reject or defer it instead.');
    if (before.proposerId !== actor.userId && !this.isBoard(actor))
      throw forbidden('Only its proposer or the portfolio board can delete this draft.');
    await this.db.transaction(async (tx) => {
      await this.repo.updateProposal(tx, id, before.version, { deletedAt: new Date() }, actor.userId);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'proposal', id, action: 'delete' },
        snap(before),
        null,
      );
    });
  }

  async transition(
    actor: Actor,
    id: string,
    body: { version: number; to: ProposalStatus; reason?: string | undefined },
  ): Promise<Proposal> {
    const before = await this.repo.proposal(this.db, id);
    if (!before) throw notFound('Proposal');
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const from = before.status as ProposalStatus;
    const step = (FLOW[from] ?? []).find((s) => s.to === body.to);
    if (!step || before.projectId)
      throw new ProblemError(
        422,
        'illegal-transition',
        `A ${from.replace('_', ' ')} proposal cannot move to ${body.to.replace('_', ' ')}.`,
        [
          {
            field: 'to',
            rule: 'illegal_transition',
            message: `allowed: ${(FLOW[from] ?? []).map((s) => s.to).join(', ') || 'none'}`,
          },
        ],
      );
    const board = this.isBoard(actor);
    if (!board && !(step.by === 'proposer' && before.proposerId === actor.userId))
      throw forbidden(
        step.by === 'board' ? 'Only the portfolio board decides this.' : 'Only its proposer can do this.',
      );
    const reason = body.reason?.trim() || null;
    if ((body.to === 'rejected' || body.to === 'deferred') && !reason)
      throw invalid('reason', 'required', `say why the proposal is ${body.to}`);
    if (body.to === 'submitted') {
      const form = await this.strategy.intakeForm();
      checkAnswers(form.fields, before.answers, true);
      if (!before.businessCase.length)
        throw invalid(
          'businessCase',
          'required',
          'a proposal is submitted with its business case (costs and benefits per month)',
        );
    }
    await this.db.transaction(async (tx) => {
      const after = await this.repo.updateProposal(
        tx,
        id,
        body.version,
        { status: body.to, statusReason: reason },
        actor.userId,
      );
      if (!after) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'proposal', id, action: 'transition' },
        snap(before),
        snap(after),
      );
    });
    return this.get(actor, id);
  }

  async comments(id: string): Promise<ProposalComment[]> {
    if (!(await this.repo.proposal(this.db, id))) throw notFound('Proposal');
    const rows = await this.repo.comments(this.db, id);
    return rows.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
  }

  async comment(actor: Actor, id: string, body: string): Promise<ProposalComment> {
    const p = await this.repo.proposal(this.db, id);
    if (!p) throw notFound('Proposal');
    const row = await this.db.transaction(async (tx) => {
      const c = await this.repo.insertComment(tx, { proposalId: id, authorId: actor.userId, body });
      await recordChange(this.journal, tx, actor, { type: 'proposal', id, action: 'comment' }, null, {
        comment: body,
      });
      return c;
    });
    const all = await this.comments(id);
    const out = all.find((c) => c.id === row.id);
    if (!out) throw notFound('Comment');
    return out;
  }

  async history(id: string, page: { page: number; pageSize: number }) {
    if (!(await this.repo.proposal(this.db, id))) throw notFound('Proposal');
    const { rows, total } = await this.journal.list(
      this.db,
      { entityType: 'proposal', entityId: id },
      { limit: page.pageSize, offset: (page.page - 1) * page.pageSize },
    );
    return {
      items: rows.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }
}

const unprocessable = (detail: string) => new ProblemError(422, 'not-editable', detail);

/** Checks intake answers against the form; `complete` also demands the required ones. */
export function checkAnswers(
  fields: readonly IntakeField[],
  answers: Record<string, unknown>,
  complete: boolean,
): void {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const [key, value] of Object.entries(answers)) {
    const f = byKey.get(key);
    if (!f) throw invalid(`answers.${key}`, 'exists', 'the intake form has no such question');
    if (value === null || value === '') continue;
    const bad = (why: string) => invalid(`answers.${key}`, 'type', `“${f.label}” ${why}`);
    if (f.type === 'number' && typeof value !== 'number') throw bad('takes a number');
    if (f.type === 'boolean' && typeof value !== 'boolean') throw bad('takes yes or no');
    if ((f.type === 'text' || f.type === 'longtext') && typeof value !== 'string') throw bad('takes text');
    if (f.type === 'date' && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)))
      throw bad('takes a date YYYY-MM-DD');
    if (f.type === 'select' && (typeof value !== 'string' || !(f.options ?? []).includes(value)))
      throw bad(`takes one of: ${(f.options ?? []).join(', ')}`);
  }
  if (complete)
    for (const f of fields) {
      const v = answers[f.key];
      if (f.required && (v === undefined || v === null || v === ''))
        throw invalid(
          `answers.${f.key}`,
          'required',
          `“${f.label}” must be answered before the proposal is submitted`,
        );
    }
}
