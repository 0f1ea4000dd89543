import type { Compiled, CompiledProject } from '@baton/core/portfolio/model';

/**
 * The selection model as CPLEX LP text, only to measure building a model from text against
 * building it from arrays (the engine uses arrays). Same rows and columns as solveModel.
 */
export function toLpText(c: Compiled): string {
  const x = (j: number) => `x${j}`;
  const P = c.projects.length;
  const lines: string[] = ['Maximize', ' obj:'];
  const obj: string[] = [];
  for (let j = 0; j < c.colProject.length; j++)
    obj.push(`+ ${(c.projects[c.colProject[j] as number] as CompiledProject).value} ${x(j)}`);
  lines.push(`  ${obj.join(' ')}`, 'Subject To');
  const cols = (p: number) => {
    const out: number[] = [];
    for (let j = c.first[p] as number; j < (c.first[p + 1] as number); j++) out.push(j);
    return out;
  };
  for (let p = 0; p < P; p++) {
    const q = c.projects[p] as CompiledProject;
    const terms = cols(p).map((j) => `+ ${x(j)}`);
    if (!terms.length) continue;
    const sense = q.forcedOut ? '<= 0' : q.mandatory ? '= 1' : '<= 1';
    lines.push(` one${p}: ${terms.join(' ')} ${sense}`);
  }
  const rows: string[][] = Array.from({ length: c.rowCount }, () => []);
  for (let j = 0; j < c.colProject.length; j++) {
    const q = c.projects[c.colProject[j] as number] as CompiledProject;
    const s = c.colStart[j] as number;
    for (let k = 0; k < q.base.length; k++)
      rows[(q.base[k] as number) + s + (q.offset[k] as number)]?.push(`+ ${q.amount[k]} ${x(j)}`);
  }
  rows.forEach((terms, r) => {
    if (terms.length) lines.push(` lim${r}: ${terms.join(' ')} <= ${c.limit[r]}`);
  });
  c.requires.forEach(([p, q], i) => {
    lines.push(
      ` req${i}: ${[...cols(p).map((j) => `+ ${x(j)}`), ...cols(q).map((j) => `- ${x(j)}`)].join(' ')} <= 0`,
    );
  });
  c.excludes.forEach(([a, b], i) => {
    lines.push(` exc${i}: ${[...cols(a), ...cols(b)].map((j) => `+ ${x(j)}`).join(' ')} <= 1`);
  });
  lines.push('Binary');
  for (let j = 0; j < c.colProject.length; j++) lines.push(` ${x(j)}`);
  lines.push('End');
  return lines.join('\n');
}
