import { generateLargeMspdi } from '../../packages/interop/src/mspdi/mspdi-fixtures.ts';
import { parseMspdi } from '../../packages/interop/src/mspdi/mspdi-parse.ts';
import { scheduleMspdiDocument } from '../../packages/interop/src/mspdi/mspdi-schedule.ts';
import { writeMspdi } from '../../packages/interop/src/mspdi/mspdi-write.ts';
import { report } from './workload.ts';

// MSPDI import of a 10,000-task file: parse + validate, then schedule with Baton.
const count = Number(process.env.MSPDI_TASKS ?? '10000');
const xml = generateLargeMspdi(count);
report('MSPDI', 'file size', xml.length / 1024 / 1024, 'MB');
const runs: number[] = [];
const coldStart = performance.now();
let doc = parseMspdi(xml);
report('MSPDI', 'import (first, cold)', performance.now() - coldStart, 'ms');
for (let i = 0; i < 3; i++) {
  const s = performance.now();
  doc = parseMspdi(xml);
  runs.push(performance.now() - s);
}
const cold = doc;
report('MSPDI', `import ${cold.tasks.length - 1} tasks (best of 3)`, Math.min(...runs), 'ms');
const s1 = performance.now();
const result = scheduleMspdiDocument(doc);
report('MSPDI', 'schedule imported file', performance.now() - s1, 'ms');
if (!result.ok) throw new Error('schedule failed');
const s2 = performance.now();
const out = writeMspdi(doc);
report('MSPDI', 'export', performance.now() - s2, 'ms');
report('MSPDI', 'export size', out.length / 1024 / 1024, 'MB');
