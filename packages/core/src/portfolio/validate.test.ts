import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallProblem } from './test-fixtures.ts';
import { validatePortfolioProblem } from './validate.ts';

const base = () => ({
  periods: 4,
  budget: [10, 10, 10, 10],
  budgetByCategory: { capex: [5, 5, 5, 5] },
  capacity: { data: [8, 8, 8, 8] },
  projects: [
    { id: 'P1', value: 5, cost: [1, 2], demand: { data: [1, 1] }, earliestStart: 0, latestStart: 2 },
    {
      id: 'P7',
      value: 3,
      cost: [1],
      costByCategory: { capex: [1] },
      demand: {},
      earliestStart: 1,
      latestStart: 3,
    },
  ] as Record<string, unknown>[],
});

/** The problems reported for a copy of the base problem changed by `edit`. */
function problemsAfter(edit: (p: ReturnType<typeof base>) => void) {
  const p = base();
  edit(p);
  const v = validatePortfolioProblem(p);
  if (v.ok) throw new Error('expected the problem to be rejected');
  return v.problems;
}
const P7 = 'projects[1] (id "P7")';

describe('validatePortfolioProblem', () => {
  it('accepts a valid problem and returns it', () => {
    const v = validatePortfolioProblem(base());
    expect(v.ok).toBe(true);
  });

  it.each([
    [
      'a negative cost',
      (p) => Object.assign(p.projects[1] as object, { cost: [-1] }),
      `${P7}.cost[0]`,
      /negative/,
    ],
    [
      'a non-finite demand',
      (p) => Object.assign(p.projects[0] as object, { demand: { data: [1, null] } }),
      'projects[0] (id "P1").demand.data[1]',
      /finite/,
    ],
    [
      'a negative value',
      (p) => Object.assign(p.projects[1] as object, { value: -2 }),
      `${P7}.value`,
      /negative/,
    ],
    [
      'a string value',
      (p) => Object.assign(p.projects[1] as object, { value: '3' }),
      `${P7}.value`,
      /finite number/,
    ],
    [
      'an unknown id in requires',
      (p) => Object.assign(p.projects[1] as object, { requires: ['P9'] }),
      `${P7}.requires[0]`,
      /unknown project id "P9"/,
    ],
    [
      'an unknown id in excludes',
      (p) => Object.assign(p.projects[1] as object, { excludes: ['nope'] }),
      `${P7}.excludes[0]`,
      /unknown project id "nope"/,
    ],
    [
      'requiring itself',
      (p) => Object.assign(p.projects[1] as object, { requires: ['P7'] }),
      `${P7}.requires[0]`,
      /cannot require itself/,
    ],
    [
      'earliestStart after latestStart',
      (p) => Object.assign(p.projects[1] as object, { earliestStart: 3, latestStart: 2 }),
      `${P7}.latestStart`,
      /before earliestStart/,
    ],
    [
      'a start outside the horizon',
      (p) => Object.assign(p.projects[1] as object, { latestStart: 4 }),
      `${P7}.latestStart`,
      /0 to 3/,
    ],
    [
      'a missing start',
      (p) => delete (p.projects[1] as Record<string, unknown>).earliestStart,
      `${P7}.earliestStart`,
      /missing/,
    ],
    [
      'a profile past the last period',
      (p) => Object.assign(p.projects[1] as object, { cost: [1, 1] }),
      `${P7}.cost`,
      /latestStart 3 .* period 4, past the last period 3/,
    ],
    [
      'a demand profile past the last period',
      (p) => Object.assign(p.projects[1] as object, { demand: { data: [1, 1] } }),
      `${P7}.demand.data`,
      /past the last period/,
    ],
    [
      'an unknown skill',
      (p) => Object.assign(p.projects[1] as object, { demand: { design: [1] } }),
      `${P7}.demand.design`,
      /unknown skill "design"/,
    ],
    [
      'an unknown category',
      (p) => Object.assign(p.projects[1] as object, { costByCategory: { opex: [1] } }),
      `${P7}.costByCategory.opex`,
      /unknown category "opex"/,
    ],
    [
      'a duplicate id',
      (p) => Object.assign(p.projects[1] as object, { id: 'P1' }),
      'projects[1] (id "P1").id',
      /duplicate id/,
    ],
    [
      'a mandatory flag that is not a boolean',
      (p) => Object.assign(p.projects[1] as object, { mandatory: 'yes' }),
      `${P7}.mandatory`,
      /true or false/,
    ],
  ] as [string, (p: ReturnType<typeof base>) => void, string, RegExp][])(
    'rejects %s, naming the project and field',
    (_, edit, path, message) => {
      const problems = problemsAfter(edit);
      const hit = problems.find((x) => x.path === path);
      expect(hit, JSON.stringify(problems)).toBeDefined();
      expect(hit?.message).toMatch(message);
    },
  );

  it.each([
    ['a negative budget', (p) => Object.assign(p, { budget: [10, -5, 10, 10] }), 'budget[1]', /negative/],
    [
      'a budget of the wrong length',
      (p) => Object.assign(p, { budget: [10, 10] }),
      'budget',
      /4 numbers .* not 2/,
    ],
    [
      'a capacity of the wrong length',
      (p) => Object.assign(p, { capacity: { data: [1, 1, 1] } }),
      'capacity.data',
      /4 numbers/,
    ],
    [
      'a negative capacity',
      (p) => Object.assign(p, { capacity: { data: [1, 1, 1, -1] } }),
      'capacity.data[3]',
      /negative/,
    ],
    [
      'a category budget of the wrong length',
      (p) => Object.assign(p, { budgetByCategory: { capex: [1] } }),
      'budgetByCategory.capex',
      /4 numbers/,
    ],
    ['a fractional number of periods', (p) => Object.assign(p, { periods: 2.5 }), 'periods', /whole number/],
    ['projects that are not a list', (p) => Object.assign(p, { projects: {} }), 'projects', /array/],
  ] as [string, (p: ReturnType<typeof base>) => void, string, RegExp][])(
    'rejects %s',
    (_, edit, path, message) => {
      const problems = problemsAfter(edit);
      const hit = problems.find((x) => x.path === path);
      expect(hit, JSON.stringify(problems)).toBeDefined();
      expect(hit?.message).toMatch(message);
    },
  );

  it('rejects what is not an object', () => {
    for (const x of [null, 3, 'x', []]) expect(validatePortfolioProblem(x).ok).toBe(false);
  });

  it('lets contradictions between projects through (they are infeasible, not malformed)', () => {
    const p = base();
    Object.assign(p.projects[0] as object, { mandatory: true, forcedOut: true });
    expect(validatePortfolioProblem(p).ok).toBe(true);
  });

  it('never throws on arbitrary JSON, and accepts every generated problem (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(() => validatePortfolioProblem(v)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        expect(validatePortfolioProblem(smallProblem(seed)).ok).toBe(true);
      }),
    );
  });

  it('rejects any problem with one number made negative (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.nat(), (seed, pick) => {
        const p = smallProblem(seed);
        const q = p.projects[pick % p.projects.length];
        if (!q) return;
        q.cost[pick % q.cost.length] = -1;
        const v = validatePortfolioProblem(p);
        expect(v.ok).toBe(false);
        if (!v.ok) expect(v.problems.some((x) => x.path.includes(`(id "${q.id}").cost[`))).toBe(true);
      }),
    );
  });
});
