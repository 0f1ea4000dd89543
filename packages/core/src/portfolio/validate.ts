import type { PortfolioCandidate, PortfolioProblem } from './types.ts';

export type ValidationProblem = { path: string; message: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks an untrusted portfolio problem (a CLI file, an API body) and names every fault by project
 * id and field. A problem that passes can be given to the optimiser as is.
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
  if (typeof N !== 'number' || !Number.isInteger(N) || N < 1 || N > 1000) {
    fail('periods', 'must be a whole number from 1 to 1000');
    return { ok: false, problems };
  }
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
        fail(`${path}[${i}]`, 'must be a finite number');
        good = false;
      } else if (x < 0) {
        fail(`${path}[${i}]`, `must not be negative (${x})`);
        good = false;
      }
    });
    return good;
  };
  series(input.budget, 'budget', N, 'budgets');
  if (input.budgetByCategory !== undefined) {
    if (!isObject(input.budgetByCategory))
      fail('budgetByCategory', 'must be an object of category → budgets');
    else
      for (const [c, v] of Object.entries(input.budgetByCategory))
        series(v, `budgetByCategory.${c}`, N, 'budgets');
  }
  const skills = new Set<string>();
  if (!isObject(input.capacity)) fail('capacity', 'must be an object of skill → capacity per period');
  else
    for (const [k, v] of Object.entries(input.capacity)) {
      series(v, `capacity.${k}`, N, 'capacities');
      skills.add(k);
    }
  const categories = new Set(isObject(input.budgetByCategory) ? Object.keys(input.budgetByCategory) : []);
  if (!Array.isArray(input.projects)) {
    fail('projects', 'must be an array');
    return { ok: false, problems };
  }
  const ids = new Set<string>();
  const list = input.projects as unknown[];
  list.forEach((p, i) => {
    if (isObject(p) && typeof p.id === 'string') {
      if (ids.has(p.id)) fail(`projects[${i}] (id "${p.id}").id`, 'is used by another project');
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
    if (typeof raw.value !== 'number' || !Number.isFinite(raw.value) || raw.value < 0)
      fail(`${at}.value`, 'must be a finite number ≥ 0');
    const es = raw.earliestStart ?? 0;
    const ls = raw.latestStart ?? es;
    const whole = (v: unknown, f: string) => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > N - 1) {
        fail(`${at}.${f}`, `must be a whole period from 0 to ${N - 1}`);
        return false;
      }
      return true;
    };
    const windowOk = whole(es, 'earliestStart') && whole(ls, 'latestStart');
    if (windowOk && (es as number) > (ls as number))
      fail(`${at}.latestStart`, 'must not be before earliestStart');
    const profile = (v: unknown, f: string) => {
      if (!series(v, `${at}.${f}`, null, 'numbers')) return;
      const len = (v as number[]).length;
      if (windowOk && (ls as number) + len > N)
        fail(
          `${at}.${f}`,
          `runs ${len} periods: from latestStart ${ls as number} it would end in period ${(ls as number) + len - 1}, past the last period ${N - 1}`,
        );
    };
    profile(raw.cost, 'cost');
    if (raw.costByCategory !== undefined) {
      if (!isObject(raw.costByCategory))
        fail(`${at}.costByCategory`, 'must be an object of category → profile');
      else
        for (const [c, v] of Object.entries(raw.costByCategory)) {
          if (!categories.has(c))
            fail(`${at}.costByCategory.${c}`, `category "${c}" has no budget in budgetByCategory`);
          profile(v, `costByCategory.${c}`);
        }
    }
    if (raw.demand === undefined) fail(`${at}.demand`, 'is required (use {} for none)');
    else if (!isObject(raw.demand)) fail(`${at}.demand`, 'must be an object of skill → profile');
    else
      for (const [k, v] of Object.entries(raw.demand)) {
        if (!skills.has(k)) fail(`${at}.demand.${k}`, `skill "${k}" has no capacity in capacity`);
        profile(v, `demand.${k}`);
      }
    for (const f of ['mandatory', 'forcedOut'] as const)
      if (raw[f] !== undefined && typeof raw[f] !== 'boolean') fail(`${at}.${f}`, 'must be true or false');
    if (raw.mandatory === true && raw.forcedOut === true)
      fail(`${at}.forcedOut`, 'a mandatory project cannot be forced out');
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
        else if (r === id) fail(`${at}.${f}[${j}]`, 'a project cannot refer to itself');
      });
    }
    if (raw.risk !== undefined && (typeof raw.risk !== 'number' || !Number.isFinite(raw.risk)))
      fail(`${at}.risk`, 'must be a finite number');
  });
  if (problems.length) return { ok: false, problems };
  const projects = (input.projects as Record<string, unknown>[]).map(
    (p): PortfolioCandidate => ({
      ...(p as unknown as PortfolioCandidate),
      earliestStart: (p.earliestStart as number | undefined) ?? 0,
      latestStart: (p.latestStart as number | undefined) ?? (p.earliestStart as number | undefined) ?? 0,
    }),
  );
  return { ok: true, problem: { ...(input as unknown as PortfolioProblem), projects } };
}
