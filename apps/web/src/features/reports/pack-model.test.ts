import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PortfolioPackRow } from '../../api/reports.ts';
import { isIsoDate, PACK_SORTS, readDir, readSort, sortPackRows } from './pack-model.ts';

const row = (code: string, over: Partial<PortfolioPackRow> = {}): PortfolioPackRow => ({
  projectId: `00000000-0000-4000-8000-${code.padStart(12, '0')}`,
  code,
  name: code,
  status: 'active',
  orgUnitName: null,
  portfolioName: null,
  programName: null,
  managerName: null,
  currency: 'EUR',
  health: 'green',
  dimensions: {},
  spi: null,
  cpi: null,
  bac: 0,
  ev: 0,
  ac: 0,
  eac: 0,
  eacMethod: 'BAC / CPI',
  budget: null,
  percentComplete: null,
  forecastFinish: null,
  baselineFinish: null,
  finishVarianceDays: null,
  reportedRag: null,
  reportedPeriod: null,
  ...over,
});

describe('sortPackRows', () => {
  it('sorts by health worst first, then by code', () => {
    const rows = [
      row('C', { health: 'green' }),
      row('B', { health: 'red' }),
      row('A', { health: 'amber' }),
      row('D', { health: 'red' }),
    ];
    expect(sortPackRows(rows, 'health', 'asc').map((r) => r.code)).toEqual(['B', 'D', 'A', 'C']);
    expect(sortPackRows(rows, 'health', 'desc').map((r) => r.code)).toEqual(['C', 'A', 'B', 'D']);
  });

  it('puts projects without the figure last in either direction', () => {
    const rows = [row('A', { spi: null }), row('B', { spi: 0.8 }), row('C', { spi: 1.1 })];
    expect(sortPackRows(rows, 'spi', 'asc').map((r) => r.code)).toEqual(['B', 'C', 'A']);
    expect(sortPackRows(rows, 'spi', 'desc').map((r) => r.code)).toEqual(['C', 'B', 'A']);
  });

  it('keeps every row and orders by the column', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ spi: fc.option(fc.double({ min: 0, max: 3, noNaN: true })), eac: fc.integer() }),
          {
            maxLength: 30,
          },
        ),
        fc.constantFrom(...PACK_SORTS),
        fc.constantFrom('asc' as const, 'desc' as const),
        (specs, by, dir) => {
          const rows = specs.map((s, i) => row(String(i).padStart(3, '0'), { spi: s.spi, eac: s.eac }));
          const sorted = sortPackRows(rows, by, dir);
          expect(sorted.map((r) => r.code).sort()).toEqual(rows.map((r) => r.code).sort());
          if (by === 'eac')
            for (let i = 1; i < sorted.length; i++) {
              const [a, b] = [sorted[i - 1]?.eac ?? 0, sorted[i]?.eac ?? 0];
              expect(dir === 'asc' ? a <= b : a >= b).toBe(true);
            }
        },
      ),
    );
  });
});

describe('URL values', () => {
  it('reads the sort, direction and date, ignoring what is not one', () => {
    expect(readSort('eac')).toBe('eac');
    expect(readSort('nope')).toBe('code');
    expect(readSort(null)).toBe('code');
    expect(readDir('desc')).toBe('desc');
    expect(readDir('x')).toBe('asc');
    expect(isIsoDate('2026-12-07')).toBe(true);
    expect(isIsoDate('2026-13-07')).toBe(false);
    expect(isIsoDate('yesterday')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});
