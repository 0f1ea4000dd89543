import type { PortfolioProblem } from './types.ts';

export type ValidationProblem = { path: string; message: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const show = (x: unknown): string =>
  x === undefined ? 'missing' : typeof x === 'number' ? String(x) : (JSON.stringify(x) ?? String(x));

/** Most periods a problem may have (the model has one row per period and limit). */
export const MAX_PERIODS = 1000;

/**
 * Checks an untrusted portfolio problem (a CLI file, an API body) and names every fault by path,
 * project id and field, e.g. `projects[3] (id "P7").cost[5]`. A problem that passes can be given to
 * the optimiser as is. Contradictions between projects (a mandatory project forced out, mandatory
 * projects that exclude each other) are not faults here: the optimiser reports them as infeasible.
 */
export function validatePortfolioProblem(
  input: unknown,
): { ok: true; problem: PortfolioProblem } | { ok: false; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const fail = (path: string, message: string) => {
    problems.push({ path, message });
  };
  if (!isObject(input))
    return { ok: false, problems: [{ path: '(root)', message: 'must be a JSON object' }] };
  const N = input.periods;
  if (typeof N !== 'number' || !Number.isInteger(N) || N < 1 || N > MAX_PERIODS) {
    fail('periods', `must be a whole number from 1 to ${MAX_PERIODS}`);
    return { ok: false, problems };
  }
  /** A list of finite numbers ≥ 0, of the given length when one is given. */
  const series = (v: unknown, path: string, length: number | null, what: string): v is number[] => {
    if (!Array.isArray(v)) {
      fail(path, `must be an array of ${what}`);
      return false;
    }
    if (length !== null && v.length !== length) {
      fail(path, `must have ${length} numbers (one per period), not ${v.length}`);
      return false;
    }
    let good = true;
    v.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        fail(`${path}[${i}]`, `must be a finite number, not ${show(x)}`);
        good = false;
      } else if (x < 0) {
        fail(`${path}[${i}]`, `must not be negative (${x})`);
        good = false;
      }
    });
    return good;
  };
  const limits = (v: unknown, path: string, what: string): Set<string> => {
    const keys = new Set<string>();
    if (!isObject(v)) {
      fail(path, `must be an object of ${what} → one number per period`);
      return keys;
    }
    for (const [k, x] of Object.entries(v)) {
      series(x, `${path}.${k}`, N, 'numbers');
      keys.add(k);
    }
    return keys;
  };
  series(input.budget, 'budget', N, 'budgets');
  const categories =
    input.budgetByCategory === undefined
      ? new Set<string>()
      : limits(input.budgetByCategory, 'budgetByCategory', 'category');
  const skills = limits(input.capacity, 'capacity', 'skill');
  if (!Array.isArray(input.projects)) {
    fail('projects', 'must be an array of projects');
    return { ok: false, problems };
  }
  const list = input.projects as unknown[];
  const ids = new Set<string>();
  list.forEach((p, i) => {
    if (isObject(p) && typeof p.id === 'string' && p.id.length) {
      if (ids.has(p.id))
        fail(`projects[${i}] (id "${p.id}").id`, `duplicate id: "${p.id}" is used by another project`);
      ids.add(p.id);
    }
  });
  list.forEach((raw, i) => {
    if (!isObject(raw)) {
      fail(`projects[${i}]`, 'must be an object');
      return;
    }
    const id = typeof raw.id === 'string' && raw.id.length ? raw.id : null;
    const at = id ? `projects[${i}] (id "${id}")` : `projects[${i}]`;
    if (!id) fail(`${at}.id`, 'must be a non-empty string');
    if (typeof raw.value !== 'number' || !Number.isFinite(raw.value))
      fail(`${at}.value`, 'must be a finite number');
    else if (raw.value < 0) fail(`${at}.value`, `must not be negative (${raw.value})`);
    const whole = (v: unknown, f: string): v is number => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > N - 1) {
        fail(`${at}.${f}`, `must be a whole period from 0 to ${N - 1}, not ${show(v)}`);
        return false;
      }
      return true;
    };
    const es = raw.earliestStart;
    const ls = raw.latestStart;
    const esOk = whole(es, 'earliestStart');
    const lsOk = whole(ls, 'latestStart');
    const windowOk = esOk && lsOk && es <= ls;
    if (esOk && lsOk && es > ls)
      fail(`${at}.latestStart`, `must not be before earliestStart (${ls} < ${es})`);
    const profile = (v: unknown, f: string) => {
      if (!series(v, `${at}.${f}`, null, 'numbers')) return;
      if (windowOk && ls + v.length > N)
        fail(
          `${at}.${f}`,
          `runs ${v.length} periods: from latestStart ${ls} it would end in period ${ls + v.length - 1}, past the last period ${N - 1}`,
        );
    };
    profile(raw.cost, 'cost');
    if (raw.costByCategory !== undefined) {
      if (!isObject(raw.costByCategory))
        fail(`${at}.costByCategory`, 'must be an object of category → profile');
      else
        for (const [k, v] of Object.entries(raw.costByCategory)) {
          if (!categories.has(k))
            fail(`${at}.costByCategory.${k}`, `unknown category "${k}": it has no limit in budgetByCategory`);
          profile(v, `costByCategory.${k}`);
        }
    }
    if (raw.demand === undefined) fail(`${at}.demand`, 'is required (use {} for none)');
    else if (!isObject(raw.demand)) fail(`${at}.demand`, 'must be an object of skill → profile');
    else
      for (const [k, v] of Object.entries(raw.demand)) {
        if (!skills.has(k)) fail(`${at}.demand.${k}`, `unknown skill "${k}": it has no capacity in capacity`);
        profile(v, `demand.${k}`);
      }
    for (const f of ['mandatory', 'forcedOut'] as const)
      if (raw[f] !== undefined && typeof raw[f] !== 'boolean') fail(`${at}.${f}`, 'must be true or false');
    for (const f of ['requires', 'excludes'] as const) {
      const refs = raw[f];
      if (refs === undefined) continue;
      if (!Array.isArray(refs)) {
        fail(`${at}.${f}`, 'must be an array of project ids');
        continue;
      }
      refs.forEach((r, j) => {
        if (typeof r !== 'string' || !ids.has(r))
          fail(`${at}.${f}[${j}]`, `unknown project id ${JSON.stringify(r)}`);
        else if (r === id)
          fail(`${at}.${f}[${j}]`, `a project cannot ${f === 'requires' ? 'require' : 'exclude'} itself`);
      });
    }
    if (raw.risk !== undefined && (typeof raw.risk !== 'number' || !Number.isFinite(raw.risk)))
      fail(`${at}.risk`, 'must be a finite number');
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, problem: input as unknown as PortfolioProblem };
}

/** The problem itself when valid; otherwise a RangeError listing every fault. */
export function assertValidProblem(problem: PortfolioProblem): PortfolioProblem {
  const v = validatePortfolioProblem(problem);
  if (!v.ok)
    throw new RangeError(
      `invalid portfolio problem: ${v.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  return v.problem;
}
