import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LevellingInput, LevellingMode, LevellingResult, LevellingTaskRow } from './levelling.ts';
import { levelAll, packLevellingTasks } from './levelling.ts';

type Case = { input: LevellingInput; rows: LevellingTaskRow[] };

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    resources: fc.integer({ min: 1, max: 4 }),
    days: fc.integer({ min: 3, max: 30 }),
    seed: fc.array(fc.integer({ min: 4, max: 12 }), { minLength: 120, maxLength: 120 }),
    tasks: fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 29 }),
        duration: fc.integer({ min: 1, max: 6 }),
        totalFloat: fc.integer({ min: -3, max: 10 }),
        priority: fc.integer({ min: 0, max: 5 }),
        project: fc.integer({ min: 0, max: 3 }),
        demands: fc.uniqueArray(
          fc.record({ resource: fc.nat(3), share: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
          {
            maxLength: 2,
            selector: (d) => d.resource,
          },
        ),
        successors: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 25 },
    ),
  })
  .map(({ resources, days, seed, tasks }) => {
    const capacity = Float64Array.from(
      { length: resources * days },
      (_, i) => seed[i % seed.length] as number,
    );
    const minCap = Array.from({ length: resources }, (_, r) =>
      Math.min(...capacity.subarray(r * days, (r + 1) * days)),
    );
    const n = tasks.length;
    const rows: LevellingTaskRow[] = tasks.map((t, i) => ({
      start: t.start,
      duration: t.duration,
      totalFloat: t.totalFloat,
      priority: t.priority,
      project: t.project,
      // Each demand fits the resource's smallest daily capacity on its own.
      demands: t.demands
        .filter((d) => d.resource < resources)
        .map((d) => ({
          resource: d.resource,
          hoursPerDay: Math.max(0.5, Math.floor(d.share * (minCap[d.resource] as number))),
        })),
      successors: t.successors.map((k) => i + k).filter((s) => s < n),
    }));
    // Make the input a valid schedule: successors start after their predecessors finish.
    for (let i = 0; i < n; i++) {
      const row = rows[i] as LevellingTaskRow;
      for (const s of row.successors ?? []) {
        const succ = rows[s] as LevellingTaskRow;
        if (succ.start < row.start + row.duration) rows[s] = { ...succ, start: row.start + row.duration };
      }
    }
    return {
      input: { resourceCount: resources, dayCount: days, capacity, tasks: packLevellingTasks(rows) },
      rows,
    };
  });

function loadsOf(c: Case, r: LevellingResult): Map<number, number> {
  const load = new Map<number, number>();
  c.rows.forEach((row, i) => {
    for (let d = 0; d < row.duration; d++)
      for (const dem of row.demands) {
        const key = dem.resource * 10_000 + (r.start[i] as number) + d;
        load.set(key, (load.get(key) ?? 0) + dem.hoursPerDay);
      }
  });
  return load;
}

function capAt(c: Case, resource: number, day: number): number {
  const { dayCount, capacity } = c.input;
  return capacity[resource * dayCount + Math.min(day, dayCount - 1)] as number;
}

function checkPrecedence(c: Case, r: LevellingResult, mode: LevellingMode): void {
  c.rows.forEach((row, i) => {
    expect(r.delay[i]).toBeGreaterThanOrEqual(0);
    let es = row.start;
    c.rows.forEach((p, j) => {
      if (p.successors?.includes(i)) es = Math.max(es, (r.start[j] as number) + p.duration);
    });
    expect(r.start[i]).toBeGreaterThanOrEqual(es);
    if (mode === 'within-float')
      expect(r.start[i]).toBeLessThanOrEqual(Math.max(es, row.start + Math.max(0, row.totalFloat)));
  });
}

describe('levelling properties', () => {
  it('allow-beyond-float leaves no day over capacity when every demand fits a resource alone', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = levelAll(c.input, { mode: 'allow-beyond-float' });
        expect(r.unresolved).toEqual([]);
        for (const [key, hours] of loadsOf(c, r)) {
          const resource = Math.floor(key / 10_000);
          expect(hours).toBeLessThanOrEqual(capAt(c, resource, key % 10_000) + 1e-9);
        }
        checkPrecedence(c, r, 'allow-beyond-float');
      }),
      { numRuns: 300 },
    );
  });

  it('within-float keeps precedence and float, and lists exactly the days left over capacity', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = levelAll(c.input, { mode: 'within-float' });
        checkPrecedence(c, r, 'within-float');
        const listed = new Set<number>();
        for (const u of r.unresolved)
          for (let d = u.firstDay; d <= u.lastDay; d++) listed.add(u.resource * 10_000 + d);
        for (const [key, hours] of loadsOf(c, r)) {
          const over = hours > capAt(c, Math.floor(key / 10_000), key % 10_000) + 1e-9;
          expect(listed.has(key)).toBe(over);
        }
      }),
      { numRuns: 300 },
    );
  });
});
