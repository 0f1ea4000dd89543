import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, makeUser, signIn, startHarness } from '../../test-support/harness.ts';

let h: Harness;
let pm: Client;
let other: Client;
let admin: Client;

beforeAll(async () => {
  h = await startHarness();
  const pmId = await makeUser(h.services, 'pm@jobs.io', {
    role: 'project_manager',
    scopeType: 'organisation',
    scopeId: null,
  });
  await makeUser(h.services, 'other@jobs.io', { role: 'viewer', scopeType: 'organisation', scopeId: null });
  await makeUser(h.services, 'admin@jobs.io', { role: 'admin', scopeType: 'organisation', scopeId: null });
  pm = await signIn(h.app, 'pm@jobs.io');
  other = await signIn(h.app, 'other@jobs.io');
  admin = await signIn(h.app, 'admin@jobs.io');
  expect(pm.userId).toBe(pmId);
  h.services.jobs.register('test.sum', async (ctx) => {
    const xs = ctx.job.payload.xs as number[];
    let total = 0;
    for (const [i, x] of xs.entries()) {
      total += x;
      await ctx.progress((i + 1) / xs.length, `added ${i + 1} of ${xs.length}`);
    }
    return { total };
  });
  let calls = 0;
  h.services.jobs.register('test.flaky', async () => {
    calls += 1;
    throw new Error(`attempt ${calls} failed`);
  });
}, 120_000);
afterAll(() => h.close());

type JobDto = {
  id: string;
  status: string;
  progress: number;
  result: unknown;
  error: string | null;
  attempts: number;
};

describe('the job queue', () => {
  it('runs a queued job, records its progress and result, and shows it to its creator only', async () => {
    const job = await h.services.jobs.enqueue('test.sum', { xs: [1, 2, 3, 4] }, { createdBy: pm.userId });
    let seen = (await pm.request('GET', `/api/v1/jobs/${job.id}`)).json() as JobDto;
    expect(seen).toMatchObject({ status: 'queued', progress: 0, result: null });
    expect(await h.services.jobs.runUntilIdle()).toBe(1);
    seen = (await pm.request('GET', `/api/v1/jobs/${job.id}`)).json() as JobDto;
    expect(seen).toMatchObject({ status: 'succeeded', progress: 1, result: { total: 10 }, attempts: 1 });
    expect((await other.request('GET', `/api/v1/jobs/${job.id}`)).statusCode).toBe(403);
    expect((await admin.request('GET', `/api/v1/jobs/${job.id}`)).statusCode).toBe(200);
    const mine = (await pm.request('GET', '/api/v1/jobs?kind=test.sum')).json() as { items: JobDto[] };
    expect(mine.items.map((j) => j.id)).toContain(job.id);
    const theirs = (await other.request('GET', '/api/v1/jobs')).json() as { items: JobDto[] };
    expect(theirs.items).toEqual([]);
    expect((await pm.request('GET', '/api/v1/jobs/not-a-uuid')).statusCode).toBe(400);
  });

  it('retries a failing job with backoff, then records it failed with the error', async () => {
    const job = await h.services.jobs.enqueue('test.flaky', {}, { createdBy: pm.userId, maxAttempts: 2 });
    await h.services.jobs.runUntilIdle();
    let seen = (await pm.request('GET', `/api/v1/jobs/${job.id}`)).json() as JobDto;
    // Back in the queue, due later: not run again at once.
    expect(seen).toMatchObject({ status: 'queued', attempts: 1, error: 'attempt 1 failed' });
    await h.database.db.execute(`update jobs set run_at = now() where id = '${job.id}'`);
    await h.services.jobs.runUntilIdle();
    seen = (await pm.request('GET', `/api/v1/jobs/${job.id}`)).json() as JobDto;
    expect(seen).toMatchObject({ status: 'failed', attempts: 2, error: 'attempt 2 failed' });
  });

  it('queues one job per dedupe key while it waits, and cancels a queued job', async () => {
    const a = await h.services.jobs.enqueue(
      'test.sum',
      { xs: [1] },
      { dedupeKey: 'k1', createdBy: pm.userId },
    );
    const b = await h.services.jobs.enqueue(
      'test.sum',
      { xs: [2] },
      { dedupeKey: 'k1', createdBy: pm.userId },
    );
    expect(b.id).toBe(a.id);
    const cancelled = (await pm.request('POST', `/api/v1/jobs/${a.id}/cancel`)).json() as JobDto;
    expect(cancelled.status).toBe('cancelled');
    expect(await h.services.jobs.runUntilIdle()).toBe(0);
    // Once it is no longer waiting, the key is free again.
    const c = await h.services.jobs.enqueue(
      'test.sum',
      { xs: [3] },
      { dedupeKey: 'k1', createdBy: pm.userId },
    );
    expect(c.id).not.toBe(a.id);
    await h.services.jobs.runUntilIdle();
  });

  it('queues a job again while one of its key runs, so a change made during the run is not lost', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let started: () => void = () => {};
    const running = new Promise<void>((r) => {
      started = r;
    });
    h.services.jobs.register('test.slow', async () => {
      started();
      await gate;
      return {};
    });
    const first = await h.services.jobs.enqueue('test.slow', {}, { dedupeKey: 'slow', createdBy: pm.userId });
    const run = h.services.jobs.runOne();
    await running;
    const second = await h.services.jobs.enqueue(
      'test.slow',
      {},
      { dedupeKey: 'slow', createdBy: pm.userId },
    );
    expect(second.id).not.toBe(first.id);
    const third = await h.services.jobs.enqueue('test.slow', {}, { dedupeKey: 'slow', createdBy: pm.userId });
    expect(third.id).toBe(second.id);
    release();
    await run;
    expect(await h.services.jobs.runUntilIdle()).toBe(1);
  });

  it('runs jobs in the background once the worker is started', async () => {
    h.services.jobs.start();
    try {
      const job = await h.services.jobs.enqueue('test.sum', { xs: [5, 6] }, { createdBy: pm.userId });
      let seen: JobDto | null = null;
      for (let i = 0; i < 100; i++) {
        seen = (await pm.request('GET', `/api/v1/jobs/${job.id}`)).json() as JobDto;
        if (seen.status === 'succeeded') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(seen).toMatchObject({ status: 'succeeded', result: { total: 11 } });
    } finally {
      await h.services.jobs.stop();
    }
  });
});
