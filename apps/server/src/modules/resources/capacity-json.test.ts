import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CapacityTable, tableToReport, writeCapacityReportJson } from './capacity-json.ts';

const hours = fc.oneof(
  fc.integer({ min: 0, max: 5000 }),
  fc.integer({ min: -50_000, max: 500_000 }).map((k) => Math.round(k) / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 2_147_483_647, 2_147_483_648, 1e21, 1e-7, 0.1 + 0.2, -1),
);

const table = fc
  .record({
    periods: fc.array(fc.record({ start: fc.string(), end: fc.string() }), { maxLength: 6 }),
    rows: fc.array(
      fc.record({
        resourceId: fc.option(fc.uuid(), { nil: null }),
        groupId: fc.string(),
        label: fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.constantFrom('"\\\n\u2028', '\ud800 lone', '\u007f del \u0000', 'Zoë 🧑‍💻'),
        ),
        kind: fc.constantFrom('person', 'role', 'material', 'cost', null),
        capacityHours: hours,
        demandHours: hours,
      }),
      { maxLength: 5 },
    ),
    cells: fc.array(fc.tuple(hours, hours, hours, hours, fc.option(hours, { nil: null })), {
      minLength: 30,
      maxLength: 30,
    }),
    // Few distinct cells, so that neighbours often repeat (the writer copies a repeated cell).
    picks: fc.array(fc.nat(3), { minLength: 30, maxLength: 30 }),
    // ...and now and then only some of a cell's numbers do.
    shifts: fc.array(fc.array(fc.constantFrom(0, 0, 0, 1), { minLength: 5, maxLength: 5 }), {
      minLength: 30,
      maxLength: 30,
    }),
    overAllocations: fc.array(
      fc.record({
        resourceId: fc.uuid(),
        resourceName: fc.string({ unit: 'grapheme' }),
        start: fc.string(),
        end: fc.string(),
        excessHours: hours,
        peakExcessHours: hours,
        projectIds: fc.array(fc.uuid(), { maxLength: 2 }),
        projects: fc.array(
          fc.record({ id: fc.uuid(), code: fc.string(), name: fc.string({ unit: 'grapheme' }), hours }),
          { maxLength: 2 },
        ),
      }),
      { maxLength: 3 },
    ),
    granularity: fc.constantFrom('day', 'week', 'month' as const),
    groupBy: fc.constantFrom('resource', 'role', 'skill', 'org_unit' as const),
  })
  .map((s): CapacityTable => {
    const n = s.rows.length * s.periods.length;
    const col = (k: number) =>
      Float64Array.from({ length: n }, (_, i) => {
        const v = s.cells[((s.picks[i % 30] ?? 0) + (s.shifts[i % 30]?.[k] ?? 0)) % 4]?.[k];
        return v === null || v === undefined ? Number.NaN : v;
      });
    return {
      from: '2027-01-04',
      to: '2028-01-02',
      granularity: s.granularity,
      groupBy: s.groupBy,
      periods: s.periods,
      rows: s.rows,
      capacity: col(0),
      demand: col(1),
      committed: col(2),
      tentative: col(3),
      utilisation: col(4),
      overAllocations: s.overAllocations,
    };
  });

describe('writeCapacityReportJson', () => {
  it('writes exactly JSON.stringify of the report objects, as UTF-8', () => {
    fc.assert(
      fc.property(table, (t) => {
        const bytes = writeCapacityReportJson(t);
        const expected = JSON.stringify(tableToReport(t));
        expect(bytes.toString('utf8')).toBe(expected);
        expect(bytes.equals(Buffer.from(expected, 'utf8'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('grows past its first guess and maps a missing utilisation to null', () => {
    const P = 3;
    const t: CapacityTable = {
      from: '2027-01-04',
      to: '2027-01-24',
      granularity: 'week',
      groupBy: 'resource',
      periods: Array.from({ length: P }, (_, p) => ({ start: `s${p}`, end: `e${p}` })),
      rows: [
        {
          resourceId: null,
          groupId: 'g',
          label: 'x'.repeat(5000),
          kind: null,
          capacityHours: 1,
          demandHours: 2,
        },
      ],
      capacity: Float64Array.of(40, 0, 12.5),
      demand: Float64Array.of(41.25, 0, 0),
      committed: Float64Array.of(40, 0, 0),
      tentative: Float64Array.of(1.25, 0, 0),
      utilisation: Float64Array.of(1.031, Number.NaN, 0),
      overAllocations: [],
    };
    const json = writeCapacityReportJson(t).toString('utf8');
    expect(json).toBe(JSON.stringify(tableToReport(t)));
    expect(JSON.parse(json).rows[0].periods[1].utilisation).toBeNull();
  });
});
