// Child process: a Baton server whose database holds 2,000 projects and a pool of resources with
// bookings and task work over 2027. Prints {port, token, departmentIds} when it listens.
// Usage: bench-capacity-server.ts pglite|postgres <resources>
import { serveBenchApp } from './bench-app.ts';
import { seedLargeOrganisation } from './seed-projects.ts';
import { seedResourcePool } from './seed-resources.ts';

const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const resources = Number(process.argv[3] ?? 500);
await serveBenchApp(kind, async (db) => {
  await seedLargeOrganisation(db, 2_000);
  return seedResourcePool(db, resources);
});
