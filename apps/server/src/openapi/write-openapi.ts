// Writes the OpenAPI document generated from the routes' zod schemas to docs/api/openapi.json;
// with --check, fails when the committed document differs from the code (CI runs this).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '@baton/db';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';

const target = resolve(import.meta.dirname, '../../../../docs/api/openapi.json');
const database = await openDatabase({ kind: 'pglite', dataDir: null });
const { app } = await buildApp({
  database,
  config: { ...loadConfig({}), webDist: null, jobWorker: false },
  logger: false,
});
const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await database.close();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (committed !== doc) {
    process.stderr.write(
      'docs/api/openapi.json is out of date with the routes: run `npm run openapi` and commit it.\n',
    );
    process.exit(1);
  }
  process.stdout.write('OpenAPI document is up to date.\n');
} else {
  writeFileSync(target, doc);
  process.stdout.write(`Wrote ${target}\n`);
}
