// `npm test`: the whole suite, in order — types, lint, OpenAPI drift, unit, integration (PGlite, and
// PostgreSQL too when TEST_DATABASE_URL is set), e2e in Chromium. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'baton-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(name, cmd, args, env = {}) {
  process.stdout.write(`\n▶ ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

function vitest(name, project, env = {}) {
  const file = join(out, `${name.replace(/\W+/g, '-')}.json`);
  const ok = run(
    name,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    env,
  );
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    if (!ok && report.numFailedTests === 0) failed += 1; // a suite that crashed before its tests ran
  } catch {
    if (!ok) failed += 1;
  }
}

run('typecheck', 'npm', ['run', 'typecheck', '--silent']);
run('lint', 'npx', ['biome', 'check', '--error-on-warnings', '.']);
run('OpenAPI document matches the code', 'npm', ['run', 'openapi:check', '--silent']);
vitest('unit', 'unit');
vitest('integration (PGlite)', 'integration', { TEST_DATABASE_URL: '' });
if (process.env.TEST_DATABASE_URL) vitest('integration (PostgreSQL)', 'integration');
vitest('e2e (Chromium)', 'e2e');

process.stdout.write(`\n${failures.length ? `Failed steps: ${failures.join(', ')}` : 'All steps passed.'}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failures.length ? 1 : 0);
