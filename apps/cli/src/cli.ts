import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackupError, migrateDatabase, openDatabase, restoreBackup, writeBackup } from '@baton/db';
import { formatScheduleTable, MspdiParseError, scheduleMspdiXml } from '@baton/interop';
import {
  buildApp,
  type Config,
  DEMO_PASSWORD,
  isEmptyOrganisation,
  loadConfig,
  loadDemoData,
  SYSTEM_ACTOR,
  startServer,
} from '@baton/server';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { registerPortfolioCommand } from './portfolio-command.ts';
import { registerReportCommand } from './report-command.ts';

export type CliIo = { out: (s: string) => void; err: (s: string) => void; env: NodeJS.ProcessEnv };

/** A failure the user can act on: printed as one line, exit code 1 (2 for usage errors). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return n;
}

async function withServices<T>(
  config: Config,
  fn: (s: Awaited<ReturnType<typeof buildApp>>['services']) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    const { app, services } = await buildApp({ database, config, logger: false });
    try {
      return await fn(services);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

/** Builds the `baton` command tree; every action reports through `io`. */
export function buildProgram(io: CliIo): Command {
  const config = () => {
    try {
      return loadConfig(io.env);
    } catch (e) {
      throw new CliError((e as Error).message, 2);
    }
  };
  const program = new Command('baton')
    .description('Baton — the platform a Project Management Office runs on')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  program
    .command('serve')
    .description('Start the server and web UI (embedded database unless DATABASE_URL is set)')
    .addOption(new Option('-p, --port <port>', 'port to listen on').argParser(parsePort))
    .option('--host <host>', 'address to bind')
    .option('--no-demo', 'do not load the demo organisation on a first start')
    .action(async (opts: { port?: number; host?: string; demo: boolean }) => {
      const base = config();
      const server = await startServer({
        config: {
          ...base,
          ...(opts.port !== undefined ? { port: opts.port } : {}),
          ...(opts.host ? { host: opts.host } : {}),
        },
        demo: opts.demo && io.env.BATON_DEMO !== 'false',
        env: io.env,
        print: (l) => io.out(`${l}\n`),
      });
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => {});
    });

  program
    .command('migrate')
    .description('Apply database migrations that have not been applied yet')
    .action(async () => {
      const database = await openDatabase(config().database);
      try {
        await migrateDatabase(database);
        io.out(`Migrations applied (${database.kind}, ${database.location}).\n`);
      } finally {
        await database.close();
      }
    });

  const admin = program.command('admin').description('Administration');
  admin
    .command('create')
    .description('Create an administrator (password from --password or BATON_ADMIN_PASSWORD)')
    .requiredOption('--email <email>', 'e-mail to sign in with')
    .option('--name <name>', 'display name', 'Administrator')
    .option('--password <password>', 'at least 10 characters')
    .action(async (opts: { email: string; name: string; password?: string }) => {
      const password = opts.password ?? io.env.BATON_ADMIN_PASSWORD;
      if (!password) throw new CliError('give --password or set BATON_ADMIN_PASSWORD', 2);
      if (password.length < 10) throw new CliError('--password must be at least 10 characters', 2);
      if (!/^[^@\s]+@[^@\s]+$/.test(opts.email))
        throw new CliError(`--email "${opts.email}" is not an e-mail address`, 2);
      await withServices(config(), async (s) => {
        const user = await s.users.create(SYSTEM_ACTOR, {
          email: opts.email.trim().toLowerCase(),
          name: opts.name,
          password,
          grants: [{ role: 'admin', scopeType: 'organisation', scopeId: null }],
        });
        io.out(`Created administrator ${user.email}.\n`);
      });
    });

  program
    .command('demo')
    .description('Load the demo organisation into an empty database')
    .action(async () => {
      await withServices(config(), async (s) => {
        if (!(await isEmptyOrganisation(s)))
          throw new CliError(
            'the database already holds an organisation: demo data goes only into an empty one',
          );
        const logins = await loadDemoData(s);
        io.out(`Demo organisation loaded. Logins (password ${DEMO_PASSWORD}):\n`);
        for (const l of logins) io.out(`  ${l.email.padEnd(28)} ${l.role}\n`);
      });
    });

  program
    .command('backup')
    .description('Write every row and the journal to FILE (gzip JSON lines); FILE must not exist')
    .argument('<file>', 'backup file to create')
    .action(async (file: string) => {
      const target = resolve(file);
      if (existsSync(target)) throw new CliError(`${file} already exists: choose a new file name`);
      const database = await openDatabase(config().database);
      try {
        await migrateDatabase(database);
        const summary = await writeBackup(database.db, target);
        const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
        io.out(`Backed up ${rows} rows from ${Object.keys(summary.tables).length} tables to ${file}.\n`);
      } finally {
        await database.close();
      }
    });

  program
    .command('restore')
    .description('Restore FILE into an empty database (all or nothing)')
    .argument('<file>', 'backup file made by `baton backup`')
    .action(async (file: string) => {
      const source = resolve(file);
      if (!existsSync(source)) throw new CliError(`${file} does not exist`);
      const database = await openDatabase(config().database);
      try {
        await migrateDatabase(database);
        const summary = await restoreBackup(database.db, source);
        const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
        io.out(`Restored ${rows} rows into ${database.kind} (${database.location}).\n`);
      } catch (e) {
        if (e instanceof BackupError) throw new CliError(`${file}: ${e.message}`);
        throw e;
      } finally {
        await database.close();
      }
    });

  program
    .command('schedule')
    .description(
      "Schedule a Microsoft Project file (MSPDI XML) with Baton's engine, ignoring the file's own dates",
    )
    .argument('<file.xml>', 'MSPDI file saved by Microsoft Project')
    .option('--json', 'print [{uid, name, start, finish, totalFloatMinutes, critical}]')
    .action(async (file: string, opts: { json?: boolean }) => {
      const xml = readInput(file);
      const result = scheduleMspdiXml(xml);
      if (!result.ok) {
        throw new CliError(`${file} cannot be scheduled: ${result.issues.map((i) => i.message).join('; ')}`);
      }
      io.out(opts.json ? `${JSON.stringify(result.rows, null, 2)}\n` : formatScheduleTable(result.rows));
    });

  const importCmd = program.command('import').description('Import plans into the configured database');
  importCmd
    .command('mspdi')
    .description('Replace a project’s plan with a Microsoft Project file (MSPDI XML)')
    .argument('<file>', 'MSPDI file')
    .requiredOption('--project <code>', 'code of the project whose plan it replaces')
    .action(async (file: string, opts: { project: string }) => {
      const xml = readInput(file);
      await withServices(config(), async (s) => {
        const id = await s.projects.idByCode(opts.project);
        if (!id) throw new CliError(`--project: no project has the code ${opts.project}`);
        const counts = await s.scheduleIo.importMspdi(SYSTEM_ACTOR, id, xml);
        io.out(
          `Imported ${counts.tasks} tasks, ${counts.links} links, ${counts.calendars} calendars, ${counts.resources} resources, ${counts.assignments} assignments and ${counts.baselines} baselines into ${opts.project}.\n`,
        );
      });
    });
  importCmd
    .command('resources')
    .description('Import the resource pool from a CSV or XLSX file (all or nothing)')
    .argument('<file>', 'a .csv or .xlsx file with a header row (see the operator guide for the columns)')
    .option('--dry-run', 'check the file and say what would change, writing nothing')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      const format = /\.xlsx$/i.test(file) ? 'xlsx' : /\.csv$/i.test(file) ? 'csv' : null;
      if (!format) throw new CliError(`${file}: name a .csv or .xlsx file`, 2);
      const content = format === 'csv' ? readInput(file) : readBinary(file).toString('base64');
      await withServices(config(), async (s) => {
        const r = await s.resources.importPool(SYSTEM_ACTOR, {
          format,
          content,
          dryRun: opts.dryRun === true,
        });
        io.out(
          `${r.dryRun ? 'Would import' : 'Imported'} ${r.rows} rows: ${r.created} new resources, ${r.updated} updated, ${r.skillsCreated} new skills.\n`,
        );
      });
    });
  const exportCmd = program.command('export').description('Export plans from the configured database');
  exportCmd
    .command('resources')
    .description('Write the resource pool as CSV, in the columns the import reads')
    .argument('<file>', 'file to write (must not exist)')
    .action(async (file: string) => {
      const target = resolve(file);
      if (existsSync(target)) throw new CliError(`${file} already exists: choose a new file name`);
      await withServices(config(), async (s) => {
        writeFileSync(target, await s.resources.exportPoolCsv(), { flag: 'wx' });
        io.out(`Wrote the resource pool to ${file}.\n`);
      });
    });

  program
    .command('capacity')
    .description('Capacity against demand and the over-allocations in a window')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD', parseDate)
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD', parseDate)
    .addOption(new Option('--granularity <g>', 'periods').choices(['day', 'week', 'month']).default('week'))
    .option('--committed-only', 'leave out tentative demand (proposed projects)')
    .option('--json', 'print the whole report as JSON')
    .action(
      async (opts: {
        from: string;
        to: string;
        granularity: 'day' | 'week' | 'month';
        committedOnly?: boolean;
        json?: boolean;
      }) => {
        if (opts.to < opts.from) throw new CliError('--to must not be before --from', 2);
        await withServices(config(), async (s) => {
          const r = await s.capacity.report({
            from: opts.from,
            to: opts.to,
            granularity: opts.granularity,
            groupBy: 'resource',
            includeTentative: opts.committedOnly ? 'false' : 'true',
          });
          if (opts.json) return io.out(`${JSON.stringify(r, null, 2)}\n`);
          const lines = r.overAllocations.map(
            (o) =>
              `${o.resourceName.padEnd(28)} ${o.start} – ${o.end}  +${o.excessHours} h  ${o.projects.map((p) => p.code).join(', ')}`,
          );
          io.out(
            `${r.rows.length} resources, ${r.periods.length} periods; ${r.overAllocations.length} over-allocation${r.overAllocations.length === 1 ? '' : 's'}${lines.length ? `:\n${lines.join('\n')}` : '.'}\n`,
          );
        });
      },
    );
  exportCmd
    .command('mspdi')
    .description('Write a project’s plan as a Microsoft Project file (MSPDI XML)')
    .requiredOption('--project <code>', 'code of the project')
    .argument('<file>', 'file to write (must not exist)')
    .action(async (file: string, opts: { project: string }) => {
      const target = resolve(file);
      if (existsSync(target)) throw new CliError(`${file} already exists: choose a new file name`);
      await withServices(config(), async (s) => {
        const id = await s.projects.idByCode(opts.project);
        if (!id) throw new CliError(`--project: no project has the code ${opts.project}`);
        writeFileSync(target, await s.scheduleIo.exportMspdi(id), { flag: 'wx' });
        io.out(`Wrote ${opts.project}'s plan to ${file}.\n`);
      });
    });

  registerPortfolioCommand(program, io, (message, exitCode) => new CliError(message, exitCode));
  registerReportCommand(
    program,
    io,
    (message, exitCode) => new CliError(message, exitCode),
    (fn) => withServices(config(), fn),
  );

  return program;
}

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('must be a date such as 2027-03-01');
  return value;
}

function readBinary(file: string): Buffer {
  const source = resolve(file);
  if (!existsSync(source)) throw new CliError(`${file} does not exist`);
  return readFileSync(source);
}

/** Reads a file given on the command line, with a one-line reason when it cannot. */
function readInput(file: string): string {
  const source = resolve(file);
  if (!existsSync(source)) throw new CliError(`${file} does not exist`);
  try {
    return readFileSync(source, 'utf8');
  } catch (e) {
    throw new CliError(`${file} cannot be read: ${(e as Error).message}`);
  }
}

/** Runs the CLI; returns the exit code instead of exiting (so tests can call it). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof MspdiParseError) {
      io.err(`baton: the file was refused at ${e.element}: ${e.reason}\n`);
      return 1;
    }
    if (e instanceof CliError) {
      io.err(`baton: ${e.message}\n`);
      return e.exitCode;
    }
    io.err(`baton: ${(e as Error).message}\n`);
    return 1;
  }
}
