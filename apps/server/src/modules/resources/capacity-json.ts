// The capacity report as JSON bytes, written straight from its number columns. A year by week for
// 500 people is 26,000 period cells (~4 MB): building them as objects and running JSON.stringify
// over them, then encoding the string, cost more than computing the numbers. The bytes are exactly
// JSON.stringify of the report object (same keys, order and number text; tests hold them to it).
import type { CapacityReport, OverAllocation, ResourceKind } from '@baton/contracts';

/** The report as columns: row g, period p at g * periods.length + p. */
export type CapacityTable = {
  from: string;
  to: string;
  granularity: CapacityReport['granularity'];
  groupBy: CapacityReport['groupBy'];
  periods: { start: string; end: string }[];
  rows: {
    resourceId: string | null;
    groupId: string;
    label: string;
    kind: ResourceKind | null;
    capacityHours: number;
    demandHours: number;
  }[];
  capacity: Float64Array;
  demand: Float64Array;
  committed: Float64Array;
  tentative: Float64Array;
  /** NaN where the utilisation is null (no capacity). */
  utilisation: Float64Array;
  overAllocations: OverAllocation[];
};

/** The report as plain objects (what the schema describes), from its columns. */
export function tableToReport(t: CapacityTable): CapacityReport {
  const P = t.periods.length;
  return {
    from: t.from,
    to: t.to,
    granularity: t.granularity,
    groupBy: t.groupBy,
    periods: t.periods,
    rows: t.rows.map((row, g) => {
      const periods: CapacityReport['rows'][number]['periods'] = new Array(P);
      for (let p = 0; p < P; p++) {
        const i = g * P + p;
        const u = t.utilisation[i] as number;
        const period = t.periods[p] as { start: string; end: string };
        periods[p] = {
          start: period.start,
          end: period.end,
          capacityHours: t.capacity[i] as number,
          demandHours: t.demand[i] as number,
          committedHours: t.committed[i] as number,
          tentativeHours: t.tentative[i] as number,
          utilisation: Number.isNaN(u) ? null : u,
        };
      }
      return {
        resourceId: row.resourceId,
        groupId: row.groupId,
        label: row.label,
        kind: row.kind,
        periods,
        capacityHours: row.capacityHours,
        demandHours: row.demandHours,
      };
    }),
    overAllocations: t.overAllocations,
  };
}

/** A growing byte buffer with the few writes JSON needs. */
class ByteWriter {
  buf: Buffer;
  pos = 0;
  private readonly fractions = new Map<number, Buffer>();

  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(Math.max(1024, size));
  }

  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Text known to be ASCII (number text, JSON punctuation). */
  ascii(s: string): void {
    this.ensure(s.length);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  /** A string (or null) as JSON.stringify writes it: printable ASCII straight, anything else through it. */
  string(s: string | null): void {
    if (s === null) {
      this.ascii('null');
      return;
    }
    this.ensure(s.length + 2);
    const buf = this.buf;
    const start = this.pos;
    let pos = start;
    buf[pos++] = 34;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c > 126 || c === 34 || c === 92) {
        this.pos = start;
        this.text(JSON.stringify(s));
        return;
      }
      buf[pos++] = c;
    }
    buf[pos++] = 34;
    this.pos = pos;
  }

  /** Any JSON text (escaped by JSON.stringify), as UTF-8. */
  text(s: string): void {
    this.ensure(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /** A number as JSON.stringify writes it: whole numbers digit by digit, others as String() does. */
  number(v: number): void {
    if (Number.isInteger(v) && v >= 0 && v < 2_147_483_648) {
      this.ensure(10);
      const buf = this.buf;
      if (v === 0) {
        buf[this.pos++] = 48;
        return;
      }
      let len = 0;
      for (let t = v; t > 0; t = (t / 10) | 0) len++;
      let n = v;
      for (let i = this.pos + len - 1; i >= this.pos; i--) {
        const q = (n / 10) | 0;
        buf[i] = 48 + n - q * 10;
        n = q;
      }
      this.pos += len;
      return;
    }
    // Fractions repeat (a few hundred distinct ones in 130,000 numbers): format each once.
    let text = this.fractions.get(v);
    if (text === undefined) {
      text = Buffer.from(Number.isFinite(v) ? String(v) : 'null', 'latin1');
      this.fractions.set(v, text);
    }
    this.bytes(text);
  }

  /** Writes again the bytes at [start, end) already written. */
  again(start: number, end: number): void {
    this.ensure(end - start);
    this.buf.copyWithin(this.pos, start, end);
    this.pos += end - start;
  }

  done(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

const ascii = (s: string) => Buffer.from(s, 'latin1');
const DEMAND = ascii(',"demandHours":');
const COMMITTED = ascii(',"committedHours":');
const TENTATIVE = ascii(',"tentativeHours":');
const UTILISATION = ascii(',"utilisation":');
const ROW = ascii('{"resourceId":');
const GROUP = ascii(',"groupId":');
const LABEL = ascii(',"label":');
const KIND = ascii(',"kind":');
const PERIODS = ascii(',"periods":[');
const ROW_CAPACITY = ascii('],"capacityHours":');
const ROW_DEMAND = ascii(',"demandHours":');
const RUN = ascii('{"resourceId":');
const RUN_NAME = ascii(',"resourceName":');
const RUN_START = ascii(',"start":');
const RUN_END = ascii(',"end":');
const RUN_EXCESS = ascii(',"excessHours":');
const RUN_PEAK = ascii(',"peakExcessHours":');
const RUN_IDS = ascii(',"projectIds":[');
const RUN_PROJECTS = ascii('],"projects":[');
const PROJECT = ascii('{"id":');
const PROJECT_CODE = ascii(',"code":');
const PROJECT_NAME = ascii(',"name":');
const PROJECT_HOURS = ascii(',"hours":');

/** Whether column[i] is column[i - 1] (NaN counting as equal to NaN: both are written null). */
function same(column: Float64Array, i: number): boolean {
  const a = column[i] as number;
  const b = column[i - 1] as number;
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** JSON.stringify(tableToReport(t)), as UTF-8 bytes, without the objects. */
export function writeCapacityReportJson(t: CapacityTable): Buffer {
  const P = t.periods.length;
  // Room for everything at once (a period cell is under 200 bytes, a run with its projects
  // under 1 kB), so the buffer does not grow.
  let runs = 0;
  for (const o of t.overAllocations) runs += 256 + o.projects.length * 256;
  const w = new ByteWriter(t.rows.length * (P * 200 + 1024) + P * 64 + runs + 1024);
  // What every row repeats for a period, once (the comma before all but the first), as views
  // into one buffer.
  const texts = t.periods.map(
    (p, i) =>
      `${i ? ',' : ''}{"start":${JSON.stringify(p.start)},"end":${JSON.stringify(p.end)},"capacityHours":`,
  );
  const openings = Buffer.from(texts.join(''));
  let at = 0;
  const opening = texts.map((text) => {
    const view = openings.subarray(at, at + Buffer.byteLength(text));
    at += view.length;
    return view;
  });
  w.text(
    `{"from":${JSON.stringify(t.from)},"to":${JSON.stringify(t.to)},"granularity":${JSON.stringify(
      t.granularity,
    )},"groupBy":${JSON.stringify(t.groupBy)},"periods":${JSON.stringify(t.periods)},"rows":[`,
  );
  for (let g = 0; g < t.rows.length; g++) {
    const row = t.rows[g] as CapacityTable['rows'][number];
    if (g) w.ascii(',');
    w.bytes(ROW);
    w.string(row.resourceId);
    w.bytes(GROUP);
    w.string(row.groupId);
    w.bytes(LABEL);
    w.string(row.label);
    w.bytes(KIND);
    w.string(row.kind);
    w.bytes(PERIODS);
    // A cell's numbers are often those of the one before (a booking at the same hours week after
    // week): then its bytes after the dates are too, and are copied rather than written again.
    let from = -1;
    let to = -1;
    for (let p = 0; p < P; p++) {
      const i = g * P + p;
      w.bytes(opening[p] as Uint8Array);
      if (
        p > 0 &&
        same(t.capacity, i) &&
        same(t.demand, i) &&
        same(t.committed, i) &&
        same(t.tentative, i) &&
        same(t.utilisation, i)
      ) {
        w.again(from, to);
        continue;
      }
      from = w.pos;
      w.number(t.capacity[i] as number);
      w.bytes(DEMAND);
      w.number(t.demand[i] as number);
      w.bytes(COMMITTED);
      w.number(t.committed[i] as number);
      w.bytes(TENTATIVE);
      w.number(t.tentative[i] as number);
      w.bytes(UTILISATION);
      w.number(t.utilisation[i] as number);
      w.ascii('}');
      to = w.pos;
    }
    w.bytes(ROW_CAPACITY);
    w.number(row.capacityHours);
    w.bytes(ROW_DEMAND);
    w.number(row.demandHours);
    w.ascii('}');
  }
  // The over-allocations too (hundreds of runs, each naming its projects).
  w.ascii('],"overAllocations":[');
  for (let k = 0; k < t.overAllocations.length; k++) {
    const o = t.overAllocations[k] as OverAllocation;
    if (k) w.ascii(',');
    w.bytes(RUN);
    w.string(o.resourceId);
    w.bytes(RUN_NAME);
    w.string(o.resourceName);
    w.bytes(RUN_START);
    w.string(o.start);
    w.bytes(RUN_END);
    w.string(o.end);
    w.bytes(RUN_EXCESS);
    w.number(o.excessHours);
    w.bytes(RUN_PEAK);
    w.number(o.peakExcessHours);
    w.bytes(RUN_IDS);
    for (let m = 0; m < o.projectIds.length; m++) {
      if (m) w.ascii(',');
      w.string(o.projectIds[m] as string);
    }
    w.bytes(RUN_PROJECTS);
    for (let m = 0; m < o.projects.length; m++) {
      const p = o.projects[m] as OverAllocation['projects'][number];
      if (m) w.ascii(',');
      w.bytes(PROJECT);
      w.string(p.id);
      w.bytes(PROJECT_CODE);
      w.string(p.code);
      w.bytes(PROJECT_NAME);
      w.string(p.name);
      w.bytes(PROJECT_HOURS);
      w.number(p.hours);
      w.ascii('}');
    }
    w.ascii(']}');
  }
  w.ascii(']}');
  return w.done();
}
