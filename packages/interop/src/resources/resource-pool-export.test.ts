import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ResourcePoolExportRow, writeResourcePoolCsv } from './resource-pool-export.ts';
import { RESOURCE_POOL_COLUMNS } from './resource-pool-format.ts';
import { parseResourcePoolCsv } from './resource-pool-import.ts';

const POOL: ResourcePoolExportRow[] = [
  {
    name: 'Lee, Ann',
    kind: 'person',
    email: 'ann@example.com',
    role: 'Analyst "senior"',
    orgUnit: 'PMO',
    capacityHoursPerWeek: 37.5,
    employmentStart: '2024-03-01',
    employmentEnd: '2026-12-31',
    rate: { rateMinor: 8550, currency: 'EUR', effectiveFrom: '2025-01-01' },
    skills: [
      { name: 'TypeScript', level: 4 },
      { name: 'Project management', level: 3 },
    ],
  },
  {
    name: '=1+1',
    kind: 'role',
    email: null,
    role: null,
    orgUnit: null,
    capacityHoursPerWeek: 0,
    employmentStart: null,
    employmentEnd: null,
    rate: { rateMinor: 12000, currency: 'JPY', effectiveFrom: null },
    skills: [],
  },
];

describe('writeResourcePoolCsv', () => {
  it('writes the import columns, decimal rates, quoted fields and escaped formulas', () => {
    expect(writeResourcePoolCsv(POOL).split('\r\n')).toEqual([
      RESOURCE_POOL_COLUMNS.join(','),
      '"Lee, Ann",person,ann@example.com,"Analyst ""senior""",PMO,37.5,2024-03-01,2026-12-31,85.50,EUR,2025-01-01,TypeScript:4; Project management:3',
      "'=1+1,role,,,,0,,,12000,JPY,,",
      '',
    ]);
  });

  it('round-trips through parseResourcePoolCsv', () => {
    expect(parseResourcePoolCsv(writeResourcePoolCsv(POOL))).toEqual(
      POOL.map((r, i) => ({ row: i + 2, ...r })),
    );
  });

  it('round-trips any valid pool', () => {
    const isControl = (s: string): boolean =>
      [...s].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f');
    const tricky = fc.constantFrom(
      ',',
      '"',
      ';',
      ':',
      "'",
      '=',
      '+',
      '-',
      '@',
      ' ',
      '\u00a0',
      'é',
      'ß',
      'İ',
      '😀',
    );
    const text = (max: number, extra: (s: string) => boolean = () => true) =>
      fc
        .string({
          unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
          minLength: 1,
          maxLength: 30,
        })
        .filter((s) => s.trim() === s && s !== '' && s.length <= max && !isControl(s) && extra(s));
    const day = fc
      .date({
        min: new Date(Date.UTC(1900, 0, 1)),
        max: new Date(Date.UTC(2100, 11, 31)),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const email = fc.stringMatching(/^[A-Za-z0-9_'+-]{0,8}[A-Za-z0-9_+-]@[a-z0-9]{1,8}\.[a-z]{2,4}$/);
    const row = fc
      .record({
        name: text(200),
        kind: fc.constantFrom('person' as const, 'role' as const),
        email: fc.option(email),
        role: fc.option(text(100)),
        orgUnit: fc.option(text(200)),
        capacityHoursPerWeek: fc.double({ min: 0, max: 168, noNaN: true }).map((h) => h + 0),
        employment: fc.option(fc.tuple(day, fc.option(day))),
        rate: fc.option(
          fc.record({
            rateMinor: fc.integer({ min: 0, max: 100_000_000 }),
            currency: fc.constantFrom('EUR', 'USD', 'JPY', 'KWD', 'GBP', 'CHF'),
            effectiveFrom: fc.option(day),
          }),
        ),
        skills: fc.uniqueArray(
          fc.record({ name: text(200, (s) => !s.includes(';')), level: fc.integer({ min: 1, max: 5 }) }),
          { maxLength: 5, selector: (s) => s.name.toLowerCase() },
        ),
      })
      .map(({ employment, rate, ...r }): ResourcePoolExportRow => {
        const [a, b] = employment ?? [null, null];
        const [start, end] = a !== null && b !== null && b < a ? [b, a] : [a, b];
        return {
          ...r,
          employmentStart: start,
          employmentEnd: end,
          // The import takes an empty Rate Effective From as the employment start.
          rate: rate ? { ...rate, effectiveFrom: rate.effectiveFrom ?? start } : null,
        };
      });
    const pool = fc.uniqueArray(row, { minLength: 1, maxLength: 8, selector: (r) => r.name.toLowerCase() });
    fc.assert(
      fc.property(pool, (rows) => {
        expect(parseResourcePoolCsv(writeResourcePoolCsv(rows))).toEqual(
          rows.map((r, i) => ({ row: i + 2, ...r })),
        );
      }),
      { numRuns: 300 },
    );
  });
});
