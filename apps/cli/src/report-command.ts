import { accessSync, constants, existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Services } from '@baton/server';
import type { Command } from 'commander';

type Io = { out: (s: string) => void };
/** Builds the CLI's own error (one line on stderr and the exit code, see cli.ts). */
type Fail = (message: string, exitCode: number) => Error;
/** Runs a function on the services of the configured database (embedded data directory or DATABASE_URL). */
type WithServices = <T>(fn: (s: Services) => Promise<T>) => Promise<T>;

const FORMATS = ['csv', 'xlsx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/** The directory of the file to write, checked before any work: it must exist and be writable. */
function targetOf(file: string, fail: Fail): string {
  const target = resolve(file);
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw fail(`--out: the folder ${dirname(file)} does not exist`, 1);
  if (existsSync(target) && statSync(target).isDirectory()) throw fail(`--out: ${file} is a folder`, 1);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw fail(`--out: cannot write to the folder ${dirname(file)}`, 1);
  }
  return target;
}

/** Writes beside the target and renames, so a reader never sees half a file and a failure leaves none. */
function writeWhole(target: string, bytes: Uint8Array, fail: Fail): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw fail(`--out: cannot write ${target}: ${(e as Error).message}`, 1);
  }
}

/** `baton report portfolio`: the portfolio pack from the configured database, as a CSV, XLSX or PDF file. */
export function registerReportCommand(
  program: Command,
  io: Io,
  fail: Fail,
  withServices: WithServices,
): void {
  const report = program.command('report').description('Reports from the configured database');
  report
    .command('portfolio')
    .description(
      'Write the portfolio pack: one row per project with its health, SPI, CPI, EAC, budget, actual and forecast',
    )
    .option('--format <format>', 'csv, xlsx or pdf')
    .option('--out <file>', 'file to write (replaced if it exists)')
    .option('--org-unit <code-or-id>', 'only the projects of this org unit and its sub-units')
    .option('--status-date <date>', 'measure at this date, YYYY-MM-DD (default today)')
    .action(async (opts: { format?: string; out?: string; orgUnit?: string; statusDate?: string }) => {
      if (!opts.format || !(FORMATS as readonly string[]).includes(opts.format))
        throw fail(
          `--format must be csv, xlsx or pdf${opts.format === undefined ? '' : ` (not "${opts.format}")`}`,
          2,
        );
      if (!opts.out) throw fail('--out <file> is required: the file to write the pack to', 2);
      const date = opts.statusDate;
      if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))))
        throw fail(`--status-date must be a date such as 2026-12-07 (not "${date}")`, 2);
      const target = targetOf(opts.out, fail);
      const format = opts.format as Format;
      const out = opts.out;
      await withServices(async (s) => {
        let orgUnitId: string | null = null;
        if (opts.orgUnit) {
          const unit = await s.reports.findOrgUnit(opts.orgUnit);
          if (!unit) throw fail(`--org-unit: no org unit has the code or id ${opts.orgUnit}`, 1);
          orgUnitId = unit.id;
        }
        const file = await s.reports.portfolioPackFile({
          format,
          orgUnitId,
          ...(date ? { statusDate: date } : {}),
        });
        writeWhole(target, file.bytes, fail);
        io.out(
          `Wrote the portfolio pack (${file.projects} project${file.projects === 1 ? '' : 's'}) as ${format.toUpperCase()} to ${out}.\n`,
        );
      });
    });
}
