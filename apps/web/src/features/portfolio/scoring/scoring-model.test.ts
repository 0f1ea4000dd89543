import { describe, expect, it } from 'vitest';
import type { ScoringRow } from '../../../api/portfolio.ts';
import { ariaSort, describeSort, nextSort, parseSort, sortParam, sortRows } from './scoring-model.ts';

const row = (rank: number, code: string, total: number, npv: number, align: number): ScoringRow => ({
  proposalId: `id-${code}`,
  code,
  title: code,
  status: rank === 2 ? 'approved' : 'submitted',
  alignment: { o1: align },
  scores: { value: total, alignment: align * 20, risk: 50, urgency: 50, total },
  financials: {
    totalCostMinor: 1000 * rank,
    totalBenefitMinor: 0,
    npvMinor: npv,
    irr: null,
    paybackMonths: null,
  },
  riskRating: 3,
  rank,
});
const rows = [row(1, 'PR-10', 50, -5, 2), row(2, 'PR-2', 40, 100, 5), row(3, 'PR-3', 40, 7, 0)];

describe('scoring sort', () => {
  it('reads and writes the URL form', () => {
    expect(parseSort(null)).toEqual({ key: 'rank', dir: 'asc' });
    expect(parseSort('-npv')).toEqual({ key: 'npv', dir: 'desc' });
    expect(parseSort('obj:23cfd218-cd60')).toEqual({ key: 'obj:23cfd218-cd60', dir: 'asc' });
    expect(parseSort('nonsense')).toEqual({ key: 'rank', dir: 'asc' });
    expect(sortParam({ key: 'rank', dir: 'asc' })).toBeNull();
    expect(sortParam({ key: 'total', dir: 'desc' })).toBe('-total');
    expect(sortParam({ key: 'code', dir: 'asc' })).toBe('code');
  });

  it('flips the same column, starts scores high and names low', () => {
    expect(nextSort({ key: 'rank', dir: 'asc' }, 'rank')).toEqual({ key: 'rank', dir: 'desc' });
    expect(nextSort({ key: 'rank', dir: 'asc' }, 'npv')).toEqual({ key: 'npv', dir: 'desc' });
    expect(nextSort({ key: 'npv', dir: 'desc' }, 'code')).toEqual({ key: 'code', dir: 'asc' });
  });

  it('sorts numbers, codes naturally, objectives, ties by rank', () => {
    expect(sortRows(rows, { key: 'npv', dir: 'desc' }).map((r) => r.code)).toEqual(['PR-2', 'PR-3', 'PR-10']);
    expect(sortRows(rows, { key: 'code', dir: 'asc' }).map((r) => r.code)).toEqual(['PR-2', 'PR-3', 'PR-10']);
    expect(sortRows(rows, { key: 'obj:o1', dir: 'desc' }).map((r) => r.code)).toEqual([
      'PR-2',
      'PR-10',
      'PR-3',
    ]);
    expect(sortRows(rows, { key: 'total', dir: 'desc' }).map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(sortRows(rows, { key: 'status', dir: 'asc' }).map((r) => r.rank)).toEqual([1, 3, 2]);
  });

  it('describes the sort for headers and captions', () => {
    expect(ariaSort({ key: 'npv', dir: 'desc' }, 'npv')).toBe('descending');
    expect(ariaSort({ key: 'npv', dir: 'desc' }, 'cost')).toBe('none');
    expect(describeSort({ key: 'obj:o1', dir: 'desc' }, () => 'Revenue')).toBe(
      'alignment with “Revenue”, descending',
    );
  });
});
