import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heatRows, levelGrid, levelOf, ratingLabel, ratingOptions, whereHeld } from './raid-model.ts';
import {
  applyRegister,
  filterByCell,
  hasRegisterFilters,
  readRegister,
  toListParams,
  toSummaryParams,
} from './register-params.ts';

const DEFAULT = { size: 5, mediumFrom: 5, highFrom: 12 };

describe('the matrix', () => {
  it('colours each cell by the level of its score', () => {
    expect(levelOf(1, 4, DEFAULT)).toBe('low');
    expect(levelOf(1, 5, DEFAULT)).toBe('medium');
    expect(levelOf(3, 4, DEFAULT)).toBe('high');
    expect(levelOf(5, 5, DEFAULT)).toBe('high');
  });

  it('draws the heat map with the highest probability on top and impact rising to the right', () => {
    const counts = [
      [1, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 2, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 3],
    ];
    const rows = heatRows(DEFAULT, counts);
    expect(rows).toHaveLength(5);
    expect(rows[0]?.[4]).toMatchObject({ probability: 5, impact: 5, score: 25, level: 'high', count: 3 });
    expect(rows[4]?.[0]).toMatchObject({ probability: 1, impact: 1, score: 1, level: 'low', count: 1 });
    expect(rows[2]?.[3]).toMatchObject({ probability: 3, impact: 4, count: 2 });
  });

  it('counts 0 where the summary has no cell (a matrix resized since)', () => {
    const rows = heatRows({ size: 6, mediumFrom: 5, highFrom: 12 }, [[1]]);
    expect(rows.flat().reduce((s, c) => s + c.count, 0)).toBe(1);
    expect(rows[0]?.[5]?.count).toBe(0);
  });

  it('levels rise with either rating on any valid matrix (property)', () => {
    const order = { low: 0, medium: 1, high: 2 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 10 }).chain((size) =>
          fc.integer({ min: 2, max: size * size - 1 }).chain((mediumFrom) =>
            fc.record({
              size: fc.constant(size),
              mediumFrom: fc.constant(mediumFrom),
              highFrom: fc.integer({ min: mediumFrom + 1, max: size * size }),
            }),
          ),
        ),
        (m) => {
          const grid = levelGrid(m);
          for (let p = 0; p < m.size; p += 1)
            for (let i = 0; i < m.size; i += 1) {
              const here = order[grid[p]?.[i] ?? 'low'];
              if (p + 1 < m.size) expect(order[grid[p + 1]?.[i] ?? 'low']).toBeGreaterThanOrEqual(here);
              if (i + 1 < m.size) expect(order[grid[p]?.[i + 1] ?? 'low']).toBeGreaterThanOrEqual(here);
            }
          // The heat map holds every cell once.
          expect(heatRows(m, []).flat()).toHaveLength(m.size * m.size);
        },
      ),
    );
  });

  it('labels ratings with the matrix labels', () => {
    const labels = ['Rare', 'Unlikely', 'Possible'];
    expect(ratingLabel(labels, 2)).toBe('2 · Unlikely');
    expect(ratingLabel(labels, 4)).toBe('4');
    expect(ratingOptions(labels, 3).map((o) => o.value)).toEqual(['1', '2', '3']);
  });
});

describe('where a risk is held', () => {
  const base = { projectCode: null, portfolioName: null, orgUnitName: null, linkedProjects: [] };
  it('names the project of a project risk', () => {
    expect(whereHeld({ ...base, scope: 'project', projectCode: 'P-007' })).toEqual({
      scope: 'project',
      label: 'P-007',
      linked: [],
    });
  });
  it('names the portfolio and the linked codes of a shared risk, sorted', () => {
    const held = whereHeld({
      ...base,
      scope: 'portfolio',
      portfolioName: 'Digital Transformation',
      linkedProjects: [
        { id: '2', code: 'P-010', name: 'B' },
        { id: '1', code: 'P-007', name: 'A' },
      ],
    });
    expect(held).toEqual({ scope: 'portfolio', label: 'Digital Transformation', linked: ['P-007', 'P-010'] });
  });
});

describe('the register’s URL', () => {
  it('reads defaults from an empty query', () => {
    const s = readRegister(new URLSearchParams(), 5);
    expect(s).toEqual({ q: '', level: '', status: '', held: '', projectId: '', portfolioId: '', cell: null });
    expect(hasRegisterFilters(s)).toBe(false);
    expect(toListParams(s)).toEqual({ status: 'open,monitoring' });
  });

  it('ignores values it does not know and cells outside the matrix', () => {
    const s = readRegister(new URLSearchParams('level=huge&status=gone&held=x&p=6&i=2'), 5);
    expect(s.level).toBe('');
    expect(s.status).toBe('');
    expect(s.held).toBe('');
    expect(s.cell).toBeNull();
  });

  it('keeps a heat-map cell and the filters, and the summary leaves the status out', () => {
    const params = applyRegister(new URLSearchParams('tab=x'), {
      level: 'high',
      status: 'all',
      held: 'shared',
      q: 'cloud',
      cell: { probability: 3, impact: 4 },
    });
    expect(params.get('tab')).toBe('x');
    const s = readRegister(params, 5);
    expect(s.cell).toEqual({ probability: 3, impact: 4 });
    expect(toListParams(s)).toEqual({ q: 'cloud', level: 'high', shared: 'true' });
    expect(toSummaryParams(readRegister(new URLSearchParams('status=closed&projectId=p1'), 5))).toEqual({
      projectId: 'p1',
    });
    const cleared = applyRegister(params, { cell: null, level: '' });
    expect(cleared.has('p')).toBe(false);
    expect(cleared.has('level')).toBe(false);
  });

  it('round-trips any state through the query string (property)', () => {
    const state = fc.record({
      q: fc.string({ maxLength: 12 }),
      level: fc.constantFrom('', 'low', 'medium', 'high'),
      status: fc.constantFrom('', 'all', 'open', 'monitoring', 'occurred', 'closed'),
      held: fc.constantFrom('', 'project', 'shared'),
      projectId: fc.constantFrom('', 'a', 'b'),
      portfolioId: fc.constantFrom('', 'c'),
      cell: fc.option(
        fc.record({ probability: fc.integer({ min: 1, max: 5 }), impact: fc.integer({ min: 1, max: 5 }) }),
        {
          nil: null,
        },
      ),
    });
    fc.assert(
      fc.property(state, (s) => {
        const typed = s as Parameters<typeof applyRegister>[1];
        expect(readRegister(applyRegister(new URLSearchParams(), typed), 5)).toEqual(s);
      }),
    );
  });

  it('filters the list to the chosen cell', () => {
    const items = [
      { probability: 3, impact: 4 },
      { probability: 4, impact: 3 },
      { probability: 3, impact: 4 },
    ];
    expect(filterByCell(items, { probability: 3, impact: 4 })).toHaveLength(2);
    expect(filterByCell(items, null)).toHaveLength(3);
  });
});
