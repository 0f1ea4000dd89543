import { randomUUID } from 'node:crypto';
import type {
  CreateScenarioBody,
  FrontierPoint,
  Proposal,
  Run,
  Scenario,
  ScenarioDiff,
  ScenarioOverride,
  ScenarioResult,
  UpdateScenarioBody,
} from '@baton/contracts';
import {
  type FrontierPoint as CoreFrontierPoint,
  heuristicPortfolio,
  type PortfolioSolution,
  rankingPortfolio,
} from '@baton/core';
import type { Database } from '@baton/db';
import { forbidden, invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { CapacityService } from '../resources/capacity.service.ts';
import { auditStamp, recordChange } from '../shared/record-change.ts';
import { runInWorker } from './optimiser-runner.ts';
import type { PortfolioRepository, ScenarioRow } from './portfolio.repository.ts';
import { type ProposalsService, proposalSnapshot } from './proposals.service.ts';
import {
  type BuiltProblem,
  buildScenarioProblem,
  durationOf,
  type ScenarioInputs,
} from './scenario-problem.ts';
import { addMonths, monthBounds, monthsBetween } from './scoring.ts';

type RunState = Run & { expiresAt: number };
const RUN_TTL_MS = 60 * 60 * 1000;
const round2 = (x: number) => Math.round(x * 100) / 100;

const snap = (s: ScenarioRow) => ({
  name: s.name,
  description: s.description,
  startMonth: s.startMonth,
  periods: s.periods,
  objective: s.objective,
  budget: s.budget,
  budgetByCategory: s.budgetByCategory,
  capacityFrom: s.capacityFrom,
  capacity: s.capacity,
  capacityFactor: s.capacityFactor,
  statuses: s.statuses,
  overrides: s.overrides,
  status: s.status,
});

/** Named what-if scenarios: built into an optimisation problem, solved, compared, committed. */
export class ScenariosService {
  private readonly runs = new Map<string, RunState>();

  constructor(
    private readonly db: Database,
    private readonly repo: PortfolioRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly proposals: ProposalsService,
    private readonly capacity: CapacityService,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  // ---- inputs ----

  private inputsOf(s: ScenarioRow): ScenarioInputs {
    return {
      startMonth: s.startMonth,
      periods: s.periods,
      objective: s.objective === 'npv' ? 'npv' : 'score',
      budget: s.budget,
      budgetByCategory: s.budgetByCategory,
      capacityFrom: s.capacityFrom === 'manual' ? 'manual' : 'pool',
      capacity: s.capacity,
      capacityFactor: s.capacityFactor,
      statuses: s.statuses,
      overrides: s.overrides as ScenarioOverride[],
    };
  }

  /** What the stored result was computed from: the scenario, every proposal and the strategy. */
  private async stamp(scenarioVersion: number): Promise<string> {
    const [rows, settings] = await Promise.all([
      this.repo.listProposals(this.db),
      this.repo.settings(this.db),
    ]);
    const newest = rows.reduce((m, r) => Math.max(m, r.updatedAt.getTime()), 0);
    const objectives = await this.repo.objectives(this.db);
    const objNewest = objectives.reduce((m, o) => Math.max(m, o.updatedAt.getTime()), 0);
    return `${scenarioVersion}|${rows.length}:${newest}|${settings.version}|${objectives.length}:${objNewest}`;
  }

  /** Free hours per month of the pool by job role and by skill, after committed work. */
  private async poolCapacity(startMonth: string, periods: number): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    // The capacity report takes at most three years at a time.
    for (let offset = 0; offset < periods; offset += 36) {
      const n = Math.min(36, periods - offset);
      const from = monthBounds(addMonths(startMonth, offset)).first;
      const to = monthBounds(addMonths(startMonth, offset + n - 1)).last;
      for (const groupBy of ['role', 'skill'] as const) {
        const report = await this.capacity.report({
          from,
          to,
          granularity: 'month',
          groupBy,
          includeTentative: 'false',
        });
        for (const row of report.rows) {
          if (groupBy === 'role' && row.groupId === 'none') continue;
          const key = row.label;
          const series = out.get(key) ?? new Array<number>(periods).fill(0);
          row.periods.forEach((p, k) => {
            if (offset + k < periods)
              series[offset + k] = round2(Math.max(0, p.capacityHours - p.committedHours));
          });
          out.set(key, series);
        }
      }
    }
    return out;
  }

  private async build(s: ScenarioRow): Promise<{ built: BuiltProblem; all: Proposal[] }> {
    const all = (await this.proposals.list({ userId: null, grants: [], requestId: null }, { sort: 'code' }))
      .items;
    const pool = s.capacityFrom === 'pool' ? await this.poolCapacity(s.startMonth, s.periods) : null;
    try {
      return { built: buildScenarioProblem(this.inputsOf(s), all, pool), all };
    } catch (e) {
      if (e instanceof RangeError) throw invalid('budget', 'months', e.message);
      throw e;
    }
  }

  /** The optimiser's input for a scenario, as `baton portfolio optimize` reads it. */
  async problem(id: string) {
    const s = await this.row(id);
    return (await this.build(s)).built.problem;
  }

  // ---- CRUD ----

  private async row(id: string): Promise<ScenarioRow> {
    const s = await this.repo.scenario(this.db, id);
    if (!s) throw notFound('Scenario');
    return s;
  }

  private async dto(s: ScenarioRow, stamp?: string): Promise<Scenario> {
    const current = stamp ?? (await this.stamp(s.version));
    return {
      ...auditStamp(s),
      name: s.name,
      description: s.description,
      startMonth: s.startMonth,
      periods: s.periods,
      objective: s.objective === 'npv' ? 'npv' : 'score',
      budget: s.budget,
      budgetByCategory: s.budgetByCategory,
      capacityFrom: s.capacityFrom === 'manual' ? 'manual' : 'pool',
      capacity: s.capacity,
      capacityFactor: s.capacityFactor,
      statuses: s.statuses as Scenario['statuses'],
      overrides: s.overrides as ScenarioOverride[],
      status: s.status === 'committed' ? 'committed' : 'draft',
      result: (s.result as ScenarioResult | null) ?? null,
      resultStale: s.result !== null && s.status !== 'committed' && s.resultInputs !== current,
      frontier: (s.frontier as FrontierPoint[] | null) ?? null,
      committedAt: s.committedAt?.toISOString() ?? null,
      committedByName: s.committedByName,
    };
  }

  async list(): Promise<Scenario[]> {
    const rows = await this.repo.scenarios(this.db);
    return Promise.all(rows.map((r) => this.dto(r)));
  }

  async get(id: string): Promise<Scenario> {
    return this.dto(await this.row(id));
  }

  private checkShape(v: {
    periods: number;
    budget: number[];
    budgetByCategory: ScenarioRow['budgetByCategory'];
    capacity: Record<string, number[]>;
    overrides: ScenarioOverride[];
  }): void {
    const months = (arr: number[] | undefined, field: string) => {
      if (arr && arr.length !== 1 && arr.length !== v.periods)
        throw invalid(field, 'months', `${field} has ${arr.length} months: give one number, or ${v.periods}`);
    };
    months(v.budget, 'budget');
    months(v.budgetByCategory?.capex, 'budgetByCategory.capex');
    months(v.budgetByCategory?.opex, 'budgetByCategory.opex');
    for (const [key, arr] of Object.entries(v.capacity)) months(arr, `capacity.${key}`);
    const seen = new Set<string>();
    v.overrides.forEach((o, i) => {
      if (seen.has(o.proposalId))
        throw invalid(`overrides[${i}].proposalId`, 'unique', 'a proposal has two overrides');
      seen.add(o.proposalId);
      if (o.mandatory && o.forcedOut)
        throw invalid(`overrides[${i}]`, 'consistent', 'a proposal cannot be both mandatory and forced out');
      if (o.earliestStart && o.latestStart && o.latestStart < o.earliestStart)
        throw invalid(
          `overrides[${i}].latestStart`,
          'after_earliest',
          'latestStart must not be before earliestStart',
        );
    });
  }

  private async checkOverrides(overrides: ScenarioOverride[]): Promise<void> {
    if (!overrides.length) return;
    const known = new Set((await this.repo.listProposals(this.db)).map((p) => p.id));
    overrides.forEach((o, i) => {
      if (!known.has(o.proposalId))
        throw invalid(`overrides[${i}].proposalId`, 'exists', `no proposal ${o.proposalId}`);
    });
  }

  async create(actor: Actor, body: CreateScenarioBody): Promise<Scenario> {
    this.checkShape(body);
    await this.checkOverrides(body.overrides);
    const row = await this.db.transaction(async (tx) => {
      const r = await this.repo.insertScenario(tx, {
        name: body.name,
        description: body.description ?? null,
        startMonth: body.startMonth,
        periods: body.periods,
        objective: body.objective,
        budget: body.budget,
        budgetByCategory: body.budgetByCategory,
        capacityFrom: body.capacityFrom,
        capacity: body.capacity,
        capacityFactor: body.capacityFactor,
        statuses: body.statuses,
        overrides: body.overrides,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'scenario', id: r.id, action: 'create' },
        null,
        snap({ ...r, committedByName: null }),
      );
      return r;
    });
    return this.get(row.id);
  }

  async update(actor: Actor, id: string, body: UpdateScenarioBody): Promise<Scenario> {
    const before = await this.row(id);
    if (before.status === 'committed')
      throw unprocessable('A committed scenario is a record of a decision: copy it to change it.');
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const { version, ...patch } = body;
    const values = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    ) as Partial<ScenarioRow>;
    const merged = { ...before, ...values };
    this.checkShape({ ...merged, overrides: merged.overrides as ScenarioOverride[] });
    if (values.overrides) await this.checkOverrides(values.overrides as ScenarioOverride[]);
    await this.db.transaction(async (tx) => {
      const after = await this.repo.updateScenario(tx, id, version, values, actor.userId);
      if (!after) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'scenario', id, action: 'update' },
        snap(before),
        snap({ ...after, committedByName: null }),
      );
    });
    return this.get(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const before = await this.row(id);
    if (before.status === 'committed')
      throw unprocessable('A committed scenario is kept as the record of its decision.');
    await this.db.transaction(async (tx) => {
      await this.repo.deleteScenario(tx, id);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'scenario', id, action: 'delete' },
        snap(before),
        null,
      );
    });
  }

  // ---- runs ----

  private prune(): void {
    const now = Date.now();
    for (const [id, r] of this.runs) if (r.expiresAt < now && r.state !== 'running') this.runs.delete(id);
  }

  getRun(id: string): Run {
    this.prune();
    const r = this.runs.get(id);
    if (!r) throw notFound('Run');
    const { expiresAt: _e, ...run } = r;
    return structuredClone(run);
  }

  /** Waits for a run to end (tests and the CLI-like callers). */
  async settle(id: string): Promise<Run> {
    for (;;) {
      const r = this.getRun(id);
      if (r.state !== 'running') return r;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async startRun(
    actor: Actor,
    id: string,
    body: { kind: 'optimise' | 'frontier'; timeLimitSeconds: number; gap: number; points: number },
  ): Promise<Run> {
    const s = await this.row(id);
    if (s.status === 'committed') throw unprocessable('This scenario is committed; its result is final.');
    const { built } = await this.build(s);
    const stamp = await this.stamp(s.version + 1);
    const runId = randomUUID();
    const started = new Date();
    const run: RunState = {
      id: runId,
      scenarioId: id,
      kind: body.kind,
      state: 'running',
      progress: [],
      heuristic: null,
      result: null,
      frontier: null,
      error: null,
      startedAt: started.toISOString(),
      finishedAt: null,
      expiresAt: Date.now() + RUN_TTL_MS,
    };
    this.runs.set(runId, run);
    if (body.kind === 'optimise') {
      // The fast answer first, in this thread: it is what the screen shows while HiGHS works.
      const h = heuristicPortfolio(built.problem);
      if (h.feasible)
        run.heuristic = {
          objective: h.objective,
          bound: h.bound,
          gap: gapOf(h.objective, h.bound),
          elapsedMs: round2(h.elapsedMs),
        };
      run.progress.push({
        phase: 'heuristic',
        objective: h.feasible ? h.objective : null,
        bound: h.bound,
        gap: h.feasible ? gapOf(h.objective, h.bound) : null,
        elapsedMs: round2(h.elapsedMs),
        pointsDone: null,
      });
    }
    const job =
      body.kind === 'optimise'
        ? {
            kind: 'optimise' as const,
            problem: built.problem,
            timeLimitSeconds: body.timeLimitSeconds,
            gap: body.gap,
            periodLabels: built.months,
          }
        : {
            kind: 'frontier' as const,
            problem: built.problem,
            timeLimitSeconds: Math.max(1, body.timeLimitSeconds / body.points),
            gap: Math.max(body.gap, 1e-3),
            points: body.points,
          };
    const t0 = performance.now();
    const finish = (patch: Partial<Run>) => {
      Object.assign(run, patch, { finishedAt: new Date().toISOString() });
    };
    runInWorker(job, {
      progress: (p) => {
        if (p.phase === 'mip')
          run.progress.push({ ...p, phase: 'mip', elapsedMs: round2(p.elapsedMs), pointsDone: null });
      },
      point: (_p, index) => {
        run.progress.push({
          phase: 'frontier',
          objective: _p.value,
          bound: _p.bound,
          gap: _p.gap,
          elapsedMs: round2(performance.now() - t0),
          pointsDone: index + 1,
        });
      },
    })
      .then(async (out) => {
        if (body.kind === 'optimise') {
          const result = this.resultOf(built, out as PortfolioSolution, run.heuristic);
          await this.saveResult(actor, id, { result, resultInputs: stamp });
          finish({ state: 'done', result });
        } else {
          const frontier = (out as CoreFrontierPoint[]).map((p) => ({
            budgetFactor: p.budgetFactor,
            totalBudget: round2(p.budget.reduce((a, b) => a + b, 0)),
            value: round2(p.value),
            bound: round2(p.bound),
            gap: p.gap,
            selectedCount: p.selected.length,
            selectedIds: p.selected.map((x) => x.id),
          }));
          await this.saveResult(actor, id, { frontier });
          finish({ state: 'done', frontier });
        }
      })
      .catch((e: unknown) => {
        finish({ state: 'failed', error: e instanceof Error ? e.message : String(e) });
      });
    return this.getRun(runId);
  }

  private async saveResult(
    actor: Actor,
    id: string,
    values: { result?: ScenarioResult; resultInputs?: string; frontier?: FrontierPoint[] },
  ): Promise<void> {
    // Saving bumps the scenario's version, which is part of the stamp: a frontier alone must not
    // make a current answer stale, so its stamp moves forward with the version.
    if (!values.result) {
      const before = await this.repo.scenario(this.db, id);
      if (before?.result && before.resultInputs === (await this.stamp(before.version))) {
        values = { ...values, resultInputs: await this.stamp(before.version + 1) };
      }
    }
    await this.db.transaction(async (tx) => {
      const after = await this.repo.updateScenario(
        tx,
        id,
        null,
        {
          ...(values.result ? { result: values.result as unknown as Record<string, unknown> } : {}),
          ...(values.resultInputs ? { resultInputs: values.resultInputs } : {}),
          ...(values.frontier ? { frontier: values.frontier as unknown as Record<string, unknown>[] } : {}),
        },
        actor.userId,
      );
      if (!after) throw notFound('Scenario');
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'scenario', id, action: values.result ? 'optimise' : 'frontier' },
        null,
        values.result
          ? {
              status: values.result.status,
              objective: values.result.objective,
              selected: values.result.selected.map((x) => x.code),
            }
          : { frontierPoints: values.frontier?.length ?? 0 },
      );
    });
  }

  /** The solver's answer in the API's terms: proposals by code and title, months, usage, totals. */
  resultOf(built: BuiltProblem, raw: PortfolioSolution, heuristic: Run['heuristic']): ScenarioResult {
    const { problem, candidates, preExcluded, months } = built;
    // The engine names projects by id; people know proposals by code and title.
    const named = (text: string) => {
      let out = text;
      for (const [id, p] of candidates) out = out.split(id).join(`${p.code} “${p.title}”`);
      return out;
    };
    const sol: PortfolioSolution = {
      ...raw,
      excluded: raw.excluded.map((e) => ({ ...e, reason: named(e.reason) })),
      conflicts: raw.conflicts.map(named),
    };
    const projectById = new Map(problem.projects.map((p) => [p.id, p]));
    const selected = sol.selected.map((x) => {
      const p = candidates.get(x.id) as Proposal;
      return {
        proposalId: p.id,
        code: p.code,
        title: p.title,
        start: months[x.start] ?? months[0] ?? '',
        startIndex: x.start,
        value: round2(projectById.get(x.id)?.value ?? 0),
        costMinor: p.financials.totalCostMinor,
        riskRating: p.riskRating,
      };
    });
    const monthOf = (k: number) => months[k] ?? months[0] ?? '';
    const usage: ScenarioResult['usage'] = [];
    const N = problem.periods;
    const use = (profile: (c: (typeof problem.projects)[number]) => number[] | undefined) => {
      const used = new Array<number>(N).fill(0);
      for (const x of sol.selected) {
        const c = projectById.get(x.id);
        const prof = c ? profile(c) : undefined;
        prof?.forEach((v, k) => {
          if (x.start + k < N) used[x.start + k] = (used[x.start + k] ?? 0) + v;
        });
      }
      return used.map(round2);
    };
    usage.push({ kind: 'budget', key: null, used: use((c) => c.cost), limit: problem.budget.map(round2) });
    for (const [cat, limit] of Object.entries(problem.budgetByCategory ?? {}))
      usage.push({
        kind: 'category',
        key: cat,
        used: use((c) => c.costByCategory?.[cat]),
        limit: limit.map(round2),
      });
    for (const [key, limit] of Object.entries(problem.capacity))
      usage.push({ kind: 'capacity', key, used: use((c) => c.demand[key]), limit: limit.map(round2) });
    const chosen = selected.map((x) => candidates.get(x.proposalId) as Proposal);
    const excluded: ScenarioResult['excluded'] = [
      ...sol.excluded.map((e) => {
        const p = candidates.get(e.id) as Proposal;
        return {
          proposalId: p.id,
          code: p.code,
          title: p.title,
          reason: e.reason,
          kind: e.kind,
          blocking: e.blocking.map((b) => ({
            ...b,
            month: monthOf(b.period),
            shortfall: round2(b.shortfall),
          })),
          valueToEnter: e.valueToEnter === null ? null : round2(e.valueToEnter),
        };
      }),
      ...preExcluded.map((x) => ({
        proposalId: x.proposal.id,
        code: x.proposal.code,
        title: x.proposal.title,
        reason: x.reason,
        kind: 'forced-out' as const,
        blocking: [],
        valueToEnter: null,
      })),
    ];
    const conflicts = [
      ...sol.conflicts,
      ...preExcluded
        .filter((x) => x.mandatory)
        .map((x) => `Mandatory ${x.proposal.code} cannot be selected: ${x.reason}`),
    ];
    // A mandatory proposal kept out before the model makes the scenario infeasible as a whole.
    if (preExcluded.some((x) => x.mandatory) && sol.status !== 'infeasible')
      return this.resultOf(
        built,
        { ...sol, status: 'infeasible', selected: [], binding: [], excluded: [], objective: 0, gap: 0 },
        heuristic,
      );
    return {
      status: sol.status,
      objective: round2(sol.objective),
      bound: round2(sol.bound),
      gap: sol.gap,
      selected,
      binding: sol.binding.map((b) => ({
        ...b,
        month: monthOf(b.period),
        used: round2(b.used),
        limit: round2(b.limit),
        shadowPrice: b.shadowPrice === null ? null : round2(b.shadowPrice),
      })),
      excluded,
      conflicts,
      heuristic: heuristic ?? {
        objective: round2(sol.heuristic.objective),
        bound: round2(sol.heuristic.bound),
        gap: sol.heuristic.gap,
        elapsedMs: round2(sol.heuristic.elapsedMs),
      },
      ranking: { objective: round2(rankingPortfolio(problem).objective) },
      totals: totalsOf(chosen, selected),
      usage,
      candidates: candidates.size + preExcluded.length,
      elapsedMs: round2(sol.elapsedMs),
      solvedAt: new Date().toISOString(),
    };
  }

  // ---- compare ----

  async compare(a: string, b: string): Promise<ScenarioDiff> {
    const [sa, sb] = await Promise.all([this.row(a), this.row(b)]);
    const ra = sa.result as ScenarioResult | null;
    const rb = sb.result as ScenarioResult | null;
    for (const [s, r, field] of [
      [sa, ra, 'a'],
      [sb, rb, 'b'],
    ] as const)
      if (!r) throw invalid(field, 'optimised', `scenario “${s.name}” has no result yet: optimise it first`);
    const A = ra as ScenarioResult;
    const B = rb as ScenarioResult;
    const inB = new Map(B.selected.map((x) => [x.proposalId, x]));
    const inA = new Map(A.selected.map((x) => [x.proposalId, x]));
    const keys = [
      ...new Set([...A.usage, ...B.usage].filter((u) => u.kind === 'capacity').map((u) => u.key as string)),
    ].sort();
    const monthsA = Array.from({ length: sa.periods }, (_, k) => addMonths(sa.startMonth, k));
    const monthsB = Array.from({ length: sb.periods }, (_, k) => addMonths(sb.startMonth, k));
    const months = [...new Set([...monthsA, ...monthsB])].sort();
    const series = (s: ScenarioRow, r: ScenarioResult, key: string) => {
      const u = r.usage.find((x) => x.kind === 'capacity' && x.key === key);
      return months.map((m) => {
        const k = monthsBetween(s.startMonth, m);
        return u && k >= 0 && k < u.used.length ? (u.used[k] ?? 0) : 0;
      });
    };
    const constraints: ScenarioDiff['constraints'] = [];
    const fa = snap(sa);
    const fb = snap(sb);
    for (const field of Object.keys(fa) as (keyof typeof fa)[]) {
      if (field === 'name' || field === 'description' || field === 'status') continue;
      const va = JSON.stringify(fa[field]);
      const vb = JSON.stringify(fb[field]);
      if (va !== vb) constraints.push({ field, a: va, b: vb });
    }
    const totalsA = A.totals;
    const totalsB = B.totals;
    return {
      a: { id: sa.id, name: sa.name, totals: totalsA },
      b: { id: sb.id, name: sb.name, totals: totalsB },
      onlyInA: A.selected.filter((x) => !inB.has(x.proposalId)),
      onlyInB: B.selected.filter((x) => !inA.has(x.proposalId)),
      inBoth: A.selected
        .filter((x) => inB.has(x.proposalId))
        .map((x) => {
          const y = inB.get(x.proposalId) as (typeof B.selected)[number];
          return {
            proposalId: x.proposalId,
            code: x.code,
            title: x.title,
            startA: x.start,
            startB: y.start,
            shiftMonths: monthsBetween(x.start, y.start),
          };
        }),
      deltas: {
        value: round2(totalsB.value - totalsA.value),
        costMinor: totalsB.costMinor - totalsA.costMinor,
        npvMinor: totalsB.npvMinor - totalsA.npvMinor,
        meanRisk:
          totalsA.meanRisk === null || totalsB.meanRisk === null
            ? null
            : round2(totalsB.meanRisk - totalsA.meanRisk),
        count: totalsB.count - totalsA.count,
      },
      capacity: keys.map((key) => ({ key, months, usedA: series(sa, A, key), usedB: series(sb, B, key) })),
      constraints,
    };
  }

  // ---- commit ----

  /** Approves the selected proposals, sets their planned starts and opens their projects: one change. */
  async commit(actor: Actor, id: string, version: number): Promise<Scenario> {
    const s = await this.row(id);
    if (s.version !== version) throw staleVersion(s.version, version);
    if (s.status === 'committed') throw unprocessable('This scenario is already committed.');
    if (!this.access.holdsAnywhere(actor, ['project.approve']))
      throw forbidden('Committing a scenario approves projects: it needs the right to approve.');
    const result = s.result as ScenarioResult | null;
    if (!result) throw unprocessable('Optimise the scenario before committing it.');
    if (result.status === 'infeasible')
      throw unprocessable('An infeasible scenario selects nothing to commit.');
    if (s.resultInputs !== (await this.stamp(s.version)))
      throw new ProblemError(
        409,
        'stale-result',
        'Proposals, the strategy or the scenario changed since it was optimised: optimise again before committing.',
      );
    const rootOrgUnit = await this.access.rootOrgUnitId();
    const settings = await this.repo.settings(this.db);
    const proposals = new Map((await this.repo.listProposals(this.db)).map((p) => [p.id, p]));
    await this.db.transaction(async (tx) => {
      for (const x of result.selected) {
        const before = proposals.get(x.proposalId);
        if (!before || before.projectId || !s.statuses.includes(before.status))
          throw new ProblemError(409, 'stale-result', `${x.code} is no longer a candidate: optimise again.`);
        const len = durationOf(before);
        let code: string;
        do code = `PRJ-${String(await this.projectsRepo.nextSequence(tx, 'project')).padStart(4, '0')}`;
        while (await this.projectsRepo.codeTaken(tx, code));
        const project = await this.projectsRepo.insert(tx, {
          code,
          name: before.title,
          description: before.description,
          objectives: null,
          status: 'approved',
          statusReason: `Approved in portfolio scenario “${s.name}”`,
          sponsorId: before.sponsorId,
          orgUnitId: before.orgUnitId ?? rootOrgUnit,
          portfolioId: before.portfolioId,
          plannedStart: monthBounds(x.start).first,
          plannedFinish: monthBounds(addMonths(x.start, len - 1)).last,
          budgetMinor: before.businessCase.reduce((sum, m) => sum + m.capexMinor + m.opexMinor, 0),
          currency: settings.currency,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'project', id: project.id, action: 'create' },
          null,
          {
            code: project.code,
            name: project.name,
            status: project.status,
            plannedStart: project.plannedStart,
            plannedFinish: project.plannedFinish,
            budgetMinor: project.budgetMinor,
            fromProposal: before.code,
          },
        );
        const after = await this.repo.updateProposal(
          tx,
          before.id,
          before.version,
          {
            status: 'approved',
            statusReason: `Selected in scenario “${s.name}”`,
            plannedStart: x.start,
            projectId: project.id,
          },
          actor.userId,
        );
        if (!after)
          throw new ProblemError(409, 'stale-result', `${x.code} changed meanwhile: optimise again.`);
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'proposal', id: before.id, action: 'commit' },
          proposalSnapshot(before),
          proposalSnapshot(after),
        );
      }
      const after = await this.repo.updateScenario(
        tx,
        id,
        version,
        { status: 'committed', committedAt: new Date(), committedBy: actor.userId },
        actor.userId,
      );
      if (!after) throw staleVersion(s.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'scenario', id, action: 'commit' },
        { status: 'draft' },
        {
          status: 'committed',
          selected: result.selected.map((x) => `${x.code}@${x.start}`),
        },
      );
    });
    return this.get(id);
  }
}

function gapOf(objective: number, bound: number): number {
  return bound > objective ? (bound - objective) / Math.max(Math.abs(objective), 1e-9) : 0;
}

function totalsOf(chosen: Proposal[], selected: ScenarioResult['selected']): ScenarioResult['totals'] {
  return {
    value: round2(selected.reduce((s, x) => s + x.value, 0)),
    costMinor: chosen.reduce((s, p) => s + p.financials.totalCostMinor, 0),
    npvMinor: chosen.reduce((s, p) => s + p.financials.npvMinor, 0),
    meanRisk: chosen.length ? round2(chosen.reduce((s, p) => s + p.riskRating, 0) / chosen.length) : null,
    count: chosen.length,
  };
}

const unprocessable = (detail: string) => new ProblemError(422, 'not-allowed-now', detail);
