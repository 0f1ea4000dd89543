import { hostname } from 'node:os';
import type { Job } from '@baton/contracts';
import { ORGANISATION_PATH } from '@baton/core';
import type { Database } from '@baton/db';
import { forbidden, notFound } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JobRow, JobsRepository } from './jobs.repository.ts';

/** What a job handler is handed: the job, and a way to report progress (which also keeps its lock). */
export type JobContext = {
  job: JobRow;
  /** fraction 0–1; written at most every 250 ms unless it is the last word (1). */
  progress(fraction: number, message?: string): Promise<void>;
  /** True once someone cancelled the job: long handlers check it between steps and stop. */
  cancelled(): Promise<boolean>;
};
export type JobHandler = (ctx: JobContext) => Promise<Record<string, unknown> | undefined>;

export type EnqueueOptions = {
  runAt?: Date;
  /**
   * A job with the same key waiting makes this one a no-op (that job is returned); while one runs, a
   * new one is queued, so what changed during the run is picked up.
   */
  dedupeKey?: string;
  createdBy?: string | null;
  maxAttempts?: number;
};

/** A job may see no heartbeat for this long before another worker takes it over. */
const ABANDONED_MS = 10 * 60_000;
/** Failed attempts are retried after 10 s, 20 s, 40 s… */
const RETRY_BASE_MS = 10_000;

/**
 * The database-backed job queue. Handlers are registered by kind; a worker loop (one per server
 * process, started by the app unless BATON_JOB_WORKER=false) claims due jobs with SKIP LOCKED, runs
 * them one at a time and records the result, the error (retried with backoff up to maxAttempts) and
 * progress. It works the same on PGlite and PostgreSQL; several servers may share one queue.
 */
export class JobsService {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly worker = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private wake: (() => void) | null = null;

  constructor(
    private readonly db: Database,
    private readonly repo: JobsRepository,
    private readonly access: AccessService,
    private readonly pollMs = 1000,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(kind: string, payload: Record<string, unknown>, opts: EnqueueOptions = {}): Promise<JobRow> {
    const row = await this.repo.insert(this.db, {
      kind,
      payload,
      runAt: opts.runAt ?? new Date(),
      dedupeKey: opts.dedupeKey ?? null,
      createdBy: opts.createdBy ?? null,
      maxAttempts: opts.maxAttempts ?? 3,
    });
    const job = row ?? (opts.dedupeKey ? await this.repo.pending(this.db, opts.dedupeKey) : null);
    if (!job) throw new Error(`The ${kind} job could not be queued`);
    this.wake?.();
    return job;
  }

  /** A job as its creator (or an administrator of the organisation) may see it. */
  async get(actor: Actor, id: string): Promise<Job> {
    const row = await this.repo.get(this.db, id);
    if (!row) throw notFound('Job');
    if (row.createdBy !== actor.userId && !this.access.allows(actor, ['org.manage'], ORGANISATION_PATH))
      throw forbidden('This job was started by someone else.');
    return toJob(row);
  }

  async list(actor: Actor, q: { kind?: string | undefined; limit: number }): Promise<Job[]> {
    const all = this.access.allows(actor, ['org.manage'], ORGANISATION_PATH);
    const rows = await this.repo.list(this.db, {
      ...q,
      createdBy: all ? undefined : (actor.userId ?? undefined),
    });
    return rows.map(toJob);
  }

  async cancel(actor: Actor, id: string): Promise<Job> {
    await this.get(actor, id);
    await this.repo.cancel(this.db, id);
    return this.get(actor, id);
  }

  /** Starts the worker loop. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      while (!this.stopped) {
        const ran = await this.runOne().catch(() => false);
        if (ran) continue;
        await new Promise<void>((resolve) => {
          this.wake = () => {
            this.wake = null;
            if (this.timer) clearTimeout(this.timer);
            resolve();
          };
          this.timer = setTimeout(() => this.wake?.(), this.pollMs);
        });
      }
    };
    this.running = loop();
  }

  /** Stops the loop after the job in hand (if any) finishes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    this.running = null;
  }

  /** Runs due jobs until none is left (tests, the CLI). Returns how many ran. */
  async runUntilIdle(max = 1000): Promise<number> {
    let n = 0;
    while (n < max && (await this.runOne())) n += 1;
    return n;
  }

  /** Claims and runs one due job; false when there was none. */
  async runOne(): Promise<boolean> {
    await this.repo.requeueAbandoned(this.db, new Date(Date.now() - ABANDONED_MS));
    const job = await this.repo.claim(this.db, this.worker, [...this.handlers.keys()]);
    if (!job) return false;
    const handler = this.handlers.get(job.kind) as JobHandler;
    let last = 0;
    const ctx: JobContext = {
      job,
      progress: async (fraction, message) => {
        const now = Date.now();
        if (fraction < 1 && now - last < 250) return;
        last = now;
        await this.repo.progress(this.db, job.id, Math.min(1, Math.max(0, fraction)), message ?? null);
      },
      cancelled: () => this.repo.isCancelled(this.db, job.id),
    };
    try {
      const result = await handler(ctx);
      if (await this.repo.isCancelled(this.db, job.id)) return true;
      await this.repo.finish(this.db, job.id, { status: 'succeeded', result: result ?? {}, progress: 1 });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const retry = job.attempts < job.maxAttempts;
      await this.repo.finish(
        this.db,
        job.id,
        retry
          ? { status: 'queued', error, runAt: new Date(Date.now() + RETRY_BASE_MS * 2 ** (job.attempts - 1)) }
          : { status: 'failed', error },
      );
    }
    return true;
  }
}

function toJob(r: JobRow): Job {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status as Job['status'],
    progress: r.progress,
    progressMessage: r.progressMessage,
    result: r.result ?? null,
    error: r.error,
    attempts: r.attempts,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
