// Child process: a Baton server on a fresh database holding 10,000 projects. Prints one JSON line
// {port, token, businessUnitIds} when it listens. Usage: bench-server.ts pglite|postgres <projects>
import { serveBenchApp } from './bench-app.ts';
import { seedLargeOrganisation } from './seed-projects.ts';

const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const projects = Number(process.argv[3] ?? 10_000);
await serveBenchApp(kind, (db) => seedLargeOrganisation(db, projects));
