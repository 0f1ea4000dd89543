import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEFAULT_GAP,
  DEFAULT_TIME_LIMIT_SECONDS,
  optimizePortfolio,
  type PortfolioSolution,
  validatePortfolioProblem,
} from '@baton/core';
import { type Command, InvalidArgumentError } from 'commander';

type Io = { out: (s: string) => void };
/** Builds the CLI's own error (one line on stderr and the exit code, see cli.ts). */
type Fail = (message: string, exitCode: number) => Error;

function parseSeconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('must be a number of seconds greater than 0, e.g. 10 or 2.5');
  return n;
}

function parseGap(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n >= 1)
    throw new InvalidArgumentError('must be a relative gap from 0 to below 1, e.g. 0.001 for 0.1 %');
  return n;
}

/** `baton portfolio optimize <input.json>`: no database, the PortfolioProblem JSON in, a solution out. */
export function registerPortfolioCommand(program: Command, io: Io, fail: Fail): void {
  const portfolio = program.command('portfolio').description('Portfolio selection (no database needed)');
  portfolio
    .command('optimize')
    .alias('optimise')
    .description(
      'Choose projects and start periods that maximise value within budgets and capacity (HiGHS MIP). ' +
        'Exit code 0 whether the result is optimal, feasible or infeasible; 2 for invalid input.',
    )
    .argument('<input.json>', 'a PortfolioProblem (see docs/portfolio-engine.md)')
    .option('--json', 'print {status, objective, bound, gap, selected, binding, excluded, conflicts}')
    .option(
      '--time-limit <seconds>',
      `stop the search after this long (default ${DEFAULT_TIME_LIMIT_SECONDS})`,
      parseSeconds,
    )
    .option(
      '--gap <relative>',
      `stop when proven within this relative gap (default ${DEFAULT_GAP})`,
      parseGap,
    )
    .action(async (file: string, opts: { json?: boolean; timeLimit?: number; gap?: number }) => {
      const source = resolve(file);
      if (!existsSync(source)) throw fail(`${file} does not exist`, 2);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(source, 'utf8'));
      } catch (e) {
        throw fail(`${file} is not valid JSON: ${(e as Error).message}`, 2);
      }
      const v = validatePortfolioProblem(json);
      if (!v.ok)
        throw fail(
          `${file} is not a valid portfolio problem:\n${v.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
          2,
        );
      const solution = await optimizePortfolio(v.problem, {
        ...(opts.timeLimit !== undefined ? { timeLimitSeconds: opts.timeLimit } : {}),
        ...(opts.gap !== undefined ? { gap: opts.gap } : {}),
      });
      io.out(opts.json ? `${JSON.stringify(toJson(solution), null, 2)}\n` : formatSolution(solution));
    });
}

/** The CLI's JSON: the solution without the heuristic's answer and timings. */
export function toJson(s: PortfolioSolution) {
  return {
    status: s.status,
    objective: s.objective,
    bound: s.bound,
    gap: s.gap,
    selected: s.selected,
    binding: s.binding,
    excluded: s.excluded,
    conflicts: s.conflicts,
  };
}

const num = (x: number) =>
  Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-GB') : String(Math.round(x * 1000) / 1000);
const pct = (x: number) => (x === 0 ? '0 %' : `${(x * 100).toFixed(x < 0.001 ? 4 : 2)} %`);

/** A readable summary: status and figures, then what is selected, what binds, and why the rest is out. */
export function formatSolution(s: PortfolioSolution): string {
  const lines: string[] = [];
  if (s.status === 'infeasible') {
    lines.push('Status: infeasible — no selection satisfies every mandatory project and limit.');
    lines.push('Conflicts:');
    for (const c of s.conflicts) lines.push(`  - ${c}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `Status: ${s.status}${s.status === 'optimal' ? ' (proven within the gap asked for)' : ' (stopped at the time limit)'}`,
  );
  lines.push(`Objective: ${num(s.objective)}   Bound: ${num(s.bound)}   Gap: ${pct(s.gap)}`);
  const width = Math.max(4, ...s.selected.map((x) => x.id.length), ...s.excluded.map((x) => x.id.length));
  lines.push('', `Selected (${s.selected.length}):`);
  for (const x of s.selected) lines.push(`  ${x.id.padEnd(width)}  starts in period ${x.start}`);
  lines.push('', `Binding constraints (${s.binding.length}):`);
  for (const b of s.binding) {
    const what =
      b.kind === 'budget' ? 'budget' : b.kind === 'category' ? `${b.key} budget` : `"${b.key}" capacity`;
    const price = b.shadowPrice === null ? '' : `, shadow price ${num(b.shadowPrice)} per unit`;
    lines.push(`  ${what} in period ${b.period}: ${num(b.used)} of ${num(b.limit)}${price}`);
  }
  lines.push('', `Excluded (${s.excluded.length}):`);
  for (const e of s.excluded) lines.push(`  ${e.id.padEnd(width)}  [${e.kind}] ${e.reason}`);
  return `${lines.join('\n')}\n`;
}
