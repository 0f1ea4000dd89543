import { describe, expect, it } from 'vitest';
import type { ScoringRow, StrategicObjective } from '../../api/portfolio.ts';
import { scoringExportColumns, scoringExportRow } from './portfolio-export.ts';

const objectives = [
  { id: 'o1', name: 'Grow revenue' },
  { id: 'o2', name: 'Cut cost' },
] as StrategicObjective[];

const row = {
  proposalId: 'p1',
  rank: 2,
  code: 'PR-003',
  title: 'Self-service portal',
  status: 'submitted',
  alignment: { o1: 4 },
  scores: { value: 70, alignment: 55.5, risk: 40, urgency: 10, total: 52.25 },
  financials: { npvMinor: -1_250_050, totalCostMinor: 80_000_000 },
} as unknown as ScoringRow;

describe('scoring matrix export', () => {
  it('has one alignment column per objective and a value for every column', () => {
    const columns = scoringExportColumns(objectives);
    expect(columns.filter((c) => c.label.startsWith('Alignment: ')).map((c) => c.label)).toEqual([
      'Alignment: Grow revenue',
      'Alignment: Cut cost',
    ]);
    expect(Object.keys(scoringExportRow(row, objectives, 'EUR')).sort()).toEqual(
      columns.map((c) => c.key).sort(),
    );
  });

  it('counts an objective without a rating as 0 and gives money in major units', () => {
    expect(scoringExportRow(row, objectives, 'EUR')).toMatchObject({
      'objective-o1': 4,
      'objective-o2': 0,
      total: 52.25,
      npv: -12_500.5,
      cost: 800_000,
      currency: 'EUR',
      status: 'Submitted',
    });
  });
});
