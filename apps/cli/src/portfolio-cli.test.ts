// `baton portfolio optimize`: needs no database, so this runs in the unit project.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSelection, type PortfolioProblem } from '@baton/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'baton-portfolio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: unknown): string {
  const path = join(dir, `p${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s), env: {} });
  return { code, out, err };
}

const problem = (): PortfolioProblem => ({
  periods: 3,
  budget: [10, 10, 10],
  capacity: { data: [5, 5, 5] },
  projects: [
    { id: 'A', value: 10, cost: [0, 10, 0], demand: {}, earliestStart: 0, latestStart: 0 },
    { id: 'B', value: 5, cost: [0, 4, 0], demand: {}, earliestStart: 0, latestStart: 0 },
    { id: 'C', value: 3, cost: [0], demand: { data: [2] }, earliestStart: 1, latestStart: 2 },
    { id: 'D', value: 9, cost: [1], demand: { data: [4] }, earliestStart: 2, latestStart: 2 },
  ],
});

describe('baton portfolio optimize', () => {
  it('prints the solution as JSON with exactly the documented keys', async () => {
    const p = problem();
    const r = await cli(['portfolio', 'optimize', file(p), '--json']);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual([
      'status',
      'objective',
      'bound',
      'gap',
      'selected',
      'binding',
      'excluded',
      'conflicts',
    ]);
    expect(json.status).toBe('optimal');
    // A (10) in period 1; C shifted to period 1 so it does not clash with D on "data": 10 + 3 + 9.
    expect(json.objective).toBe(22);
    expect(json.gap).toBe(0);
    expect(checkSelection(p, json.selected)).toEqual([]);
    expect(json.selected.find((x: { id: string }) => x.id === 'C')).toEqual({ id: 'C', start: 1 });
    expect(json.excluded).toEqual([
      expect.objectContaining({
        id: 'B',
        kind: 'budget',
        reason: expect.stringContaining('4 more budget in period 1'),
      }),
    ]);
    expect(json.binding).toContainEqual(
      expect.objectContaining({ kind: 'budget', key: null, period: 1, used: 10, limit: 10 }),
    );
    expect(json.conflicts).toEqual([]);
  });

  it('prints a readable summary without --json', async () => {
    const r = await cli(['portfolio', 'optimize', file(problem()), '--time-limit', '5', '--gap', '0.001']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Status: optimal/);
    expect(r.out).toContain('Objective: 22');
    expect(r.out).toMatch(/Selected \(3\):\n {2}A +starts in period 0/);
    expect(r.out).toContain('budget in period 1: 10 of 10');
    expect(r.out).toMatch(
      /Excluded \(1\):\n {2}B +\[budget\] Starting in period 0 it needs 4 more budget in period 1/,
    );
  });

  it('reports an infeasible mandatory set with the conflicting constraints (exit 0)', async () => {
    const p = problem();
    Object.assign(p.projects[0] as object, { mandatory: true });
    Object.assign(p.projects[1] as object, { mandatory: true });
    const json = await cli(['portfolio', 'optimize', file(p), '--json']);
    expect(json.code, json.err).toBe(0);
    const body = JSON.parse(json.out);
    expect(body).toMatchObject({ status: 'infeasible', objective: 0, bound: 0, gap: 0, selected: [] });
    expect(body.conflicts.join(' ')).toContain('need at least 14 of budget in period 1');
    const text = await cli(['portfolio', 'optimize', file(p)]);
    expect(text.out).toMatch(/^Status: infeasible/);
    expect(text.out).toContain('the limit is 10');
  });

  it.each([
    ['malformed JSON', () => file('{"periods": 3,'), /is not valid JSON/],
    [
      'a negative budget',
      () => file({ ...problem(), budget: [10, -1, 10] }),
      /budget\[1\]: must not be negative/,
    ],
    [
      'an unknown id',
      () => {
        const p = problem();
        Object.assign(p.projects[2] as object, { requires: ['Z'] });
        return file(p);
      },
      /projects\[2\] \(id "C"\)\.requires\[0\]: unknown project id "Z"/,
    ],
    [
      'a profile longer than the horizon',
      () => {
        const p = problem();
        Object.assign(p.projects[3] as object, { cost: [1, 1] });
        return file(p);
      },
      /projects\[3\] \(id "D"\)\.cost: runs 2 periods: from latestStart 2 .* past the last period 2/,
    ],
    ['a missing file', () => join(dir, 'nope.json'), /does not exist/],
  ] as [string, () => string, RegExp][])(
    'refuses %s with exit code 2 and the reason on stderr',
    async (_, make, message) => {
      const r = await cli(['portfolio', 'optimize', make(), '--json']);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    },
  );

  it.each([
    [['--time-limit', 'abc'], /--time-limit.*must be a number of seconds/],
    [['--time-limit', '0'], /--time-limit.*greater than 0/],
    [['--gap', '-1'], /--gap.*from 0 to below 1/],
    [['--gap', 'x'], /--gap.*relative gap/],
  ])('refuses bad flags %j with exit code 2', async (flags, message) => {
    const r = await cli(['portfolio', 'optimize', file(problem()), ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
