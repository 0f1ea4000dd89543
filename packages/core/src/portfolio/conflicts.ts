import { rowMeaning } from './highs-model.ts';
import { type Compiled, type CompiledProject, limitName, mustSelect, slack } from './model.ts';
import type { ConstraintRef } from './types.ts';

/** Numbers in sentences: whole numbers with thousands separators above 100, else 2 decimals. */
export const fmt = (x: number): string =>
  Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-GB') : String(Math.round(x * 100) / 100);

export type PeriodName = (t: number) => string;

/**
 * Why no selection can satisfy the mandatory projects, in words. First the contradictions that
 * need no solver (mandatory and forced out, a requirement chain to a forced-out project, mandatory
 * projects excluding each other, a mandatory project that does not fit even alone, and rows where
 * what the mandatory projects need at the least — over every start they could take — exceeds the
 * limit, per period and over the whole horizon); then, when none explains it, the rows of HiGHS's
 * irreducible infeasible subsystem.
 */
export function conflictsOf(c: Compiled, periodName: PeriodName, iisRows: number[] | null): string[] {
  const out: string[] = [];
  const id = (p: number) => (c.projects[p] as CompiledProject).id;
  const must = [...mustSelect(c)].sort((a, b) => a - b);
  const isMust = new Set(must);
  const declared = c.projects.flatMap((q, p) => (q.mandatory ? [p] : []));
  // Which mandatory project drags each must-select project in (for the wording).
  const because = new Map<number, number>();
  for (const m of declared) {
    const stack = [m];
    while (stack.length) {
      const p = stack.pop() as number;
      if (because.has(p)) continue;
      because.set(p, m);
      for (const r of (c.projects[p] as CompiledProject).requires) stack.push(r);
    }
  }
  const who = (p: number) => {
    const m = because.get(p) ?? p;
    return m === p ? `mandatory ${id(p)}` : `${id(p)} (required by mandatory ${id(m)})`;
  };
  for (const p of must) {
    const q = c.projects[p] as CompiledProject;
    if (q.forcedOut)
      out.push(q.mandatory ? `${id(p)} is both mandatory and forced out.` : `${who(p)} is forced out.`);
  }
  for (const [a, b] of c.excludes)
    if (isMust.has(a) && isMust.has(b)) out.push(`${who(a)} and ${who(b)} exclude each other.`);
  // Per row, the least each must-select project could use there (the minimum over its starts).
  const need = new Float64Array(c.rowCount);
  const contributors = Array.from({ length: c.rowCount }, () => [] as number[]);
  for (const p of must) {
    const q = c.projects[p] as CompiledProject;
    if (q.forcedOut) continue;
    let fitsAlone = false;
    let worst: { row: number; amount: number } | null = null;
    const least = new Map<number, number>();
    for (let s = q.earliest; s <= q.latest; s++) {
      const use = new Map<number, number>();
      for (let k = 0; k < q.base.length; k++) {
        const r = (q.base[k] as number) + s + (q.offset[k] as number);
        use.set(r, (use.get(r) ?? 0) + (q.amount[k] as number));
      }
      let ok = true;
      for (const [r, a] of use) {
        const lim = c.limit[r] as number;
        if (a > lim + slack(lim)) {
          ok = false;
          if (!worst || a - lim > worst.amount - (c.limit[worst.row] as number))
            worst = { row: r, amount: a };
        }
      }
      if (!ok) continue;
      // Over the starts where it fits alone, the smallest use of each row.
      for (let r = 0; r < c.rowCount; r++) {
        const a = use.get(r) ?? 0;
        least.set(r, fitsAlone ? Math.min(least.get(r) ?? 0, a) : a);
      }
      fitsAlone = true;
    }
    if (!fitsAlone && worst) {
      const ref = c.rowRef[worst.row] as ConstraintRef;
      out.push(
        `${who(p)} does not fit even on its own: at every start it needs more than a limit allows (e.g. ${fmt(worst.amount)} of ${limitName(ref)} in ${periodName(ref.period)}; the limit is ${fmt(c.limit[worst.row] as number)}).`,
      );
    }
    for (const [r, a] of least)
      if (a > 0) {
        need[r] = (need[r] as number) + a;
        contributors[r]?.push(p);
      }
  }
  for (let r = 0; r < c.rowCount; r++) {
    const lim = c.limit[r] as number;
    const list = contributors[r] ?? [];
    if (list.length >= 2 && (need[r] as number) > lim + slack(lim)) {
      const ref = c.rowRef[r] as ConstraintRef;
      out.push(
        `The mandatory projects (${list.map(id).join(', ')}) need at least ${fmt(need[r] as number)} of ${limitName(ref)} in ${periodName(ref.period)}, whatever their starts; the limit is ${fmt(lim)}.`,
      );
    }
  }
  if (out.length) return out;
  // Over the whole horizon, per limit.
  const totals = new Map<string, { need: number; supply: number; ref: ConstraintRef }>();
  for (let r = 0; r < c.rowCount; r++) {
    const ref = c.rowRef[r] as ConstraintRef;
    const key = `${ref.kind}:${ref.key ?? ''}`;
    const t = totals.get(key) ?? { need: 0, supply: 0, ref };
    t.supply += c.limit[r] as number;
    totals.set(key, t);
  }
  for (const p of must) {
    const q = c.projects[p] as CompiledProject;
    for (let k = 0; k < q.base.length; k++) {
      const ref = c.rowRef[q.base[k] as number] as ConstraintRef;
      const t = totals.get(`${ref.kind}:${ref.key ?? ''}`);
      if (t) t.need += q.amount[k] as number;
    }
  }
  for (const t of totals.values())
    if (t.need > t.supply + slack(t.supply))
      out.push(
        `The mandatory projects need ${fmt(t.need)} of ${limitName(t.ref)} over the horizon; there is ${fmt(t.supply)}.`,
      );
  if (out.length) return out;
  const iis = iisRows?.length ? describeIis(c, iisRows, periodName) : null;
  if (iis) out.push(iis);
  if (!out.length)
    out.push(
      `The ${declared.length} mandatory projects (${declared.map(id).join(', ')}) cannot be scheduled together: no combination of their start periods fits every period's budget and capacity.`,
    );
  return out;
}

/** HiGHS's irreducible infeasible subsystem (model rows) as one sentence; null when it names nothing. */
export function describeIis(c: Compiled, iisRows: readonly number[], periodName: PeriodName): string | null {
  const id = (p: number) => (c.projects[p] as CompiledProject).id;
  const parts: string[] = [];
  for (const r of iisRows) {
    const m = rowMeaning(c, r);
    if (m.kind === 'project') {
      const q = c.projects[m.project] as CompiledProject;
      if (q.mandatory) parts.push(`${q.id} is mandatory`);
    } else if (m.kind === 'limit') {
      const ref = c.rowRef[m.row] as ConstraintRef;
      parts.push(`${limitName(ref)} in ${periodName(ref.period)} is ${fmt(c.limit[m.row] as number)}`);
    } else if (m.kind === 'requires') parts.push(`${id(m.project)} requires ${id(m.required)}`);
    else parts.push(`${id(m.a)} and ${id(m.b)} exclude each other`);
  }
  return parts.length ? `These constraints cannot all hold together: ${parts.join('; ')}.` : null;
}
