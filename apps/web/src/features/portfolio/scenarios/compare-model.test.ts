import { describe, expect, it } from 'vitest';
import type { ScenarioDiff } from '../../../api/portfolio.ts';
import { formatMoneyCompact } from '../../../design/format.ts';
import { formatMonth } from '../portfolio-format.ts';
import {
  capacityCells,
  formatInputValue,
  formatShift,
  formatSigned,
  inputLabel,
  readPair,
  totalsRows,
  withPair,
} from './compare-model.ts';

describe('readPair / withPair', () => {
  it('reads a and b, null when missing or empty', () => {
    expect(readPair(new URLSearchParams('a=1&b=2'))).toEqual({ a: '1', b: '2' });
    expect(readPair(new URLSearchParams('a=&x=1'))).toEqual({ a: null, b: null });
  });
  it('sets, swaps and clears sides while keeping other params', () => {
    const p = new URLSearchParams('a=1&b=2&tab=x');
    const swapped = withPair(p, { a: '2', b: '1' });
    expect(swapped.toString()).toBe('a=2&b=1&tab=x');
    expect(withPair(p, { a: '3', b: null }).toString()).toBe('a=3&tab=x');
    expect(p.toString()).toBe('a=1&b=2&tab=x');
  });
});

describe('formatSigned', () => {
  it('puts a text sign in front', () => {
    expect(formatSigned(1.25, (n) => n.toFixed(1))).toBe('+1.3');
    expect(formatSigned(-2, (n) => String(n))).toBe('−2');
    expect(formatSigned(0, String)).toBe('No change');
    expect(formatSigned(null, String)).toBe('—');
  });
});

describe('totalsRows', () => {
  const diff: Pick<ScenarioDiff, 'a' | 'b' | 'deltas'> = {
    a: {
      id: 'a',
      name: 'A',
      totals: { value: 210.44, costMinor: 150_000_000, npvMinor: 90_000_000, meanRisk: 2.5, count: 5 },
    },
    b: {
      id: 'b',
      name: 'B',
      totals: { value: 230.5, costMinor: 130_000_000, npvMinor: 90_000_000, meanRisk: null, count: 6 },
    },
    deltas: { value: 20.06, costMinor: -20_000_000, npvMinor: 0, meanRisk: null, count: 1 },
  };
  it('formats every metric for A, B and the signed delta', () => {
    const rows = totalsRows(diff, 'EUR');
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by.value).toMatchObject({ a: '210.4', b: '230.5', delta: '+20.1', direction: 'up' });
    expect(by.costMinor).toMatchObject({
      a: formatMoneyCompact(150_000_000, 'EUR'),
      delta: `−${formatMoneyCompact(20_000_000, 'EUR')}`,
      direction: 'down',
    });
    expect(by.npvMinor).toMatchObject({ delta: 'No change', direction: 'same' });
    expect(by.meanRisk).toMatchObject({ a: '2.50', b: '—', delta: '—', direction: null });
    expect(by.count).toMatchObject({ a: '5', b: '6', delta: '+1' });
  });
  it('shows dashes for a scenario without a result', () => {
    const rows = totalsRows({ ...diff, a: { id: 'a', name: 'A', totals: null } }, 'EUR');
    expect(rows.every((r) => r.a === '—')).toBe(true);
  });
});

describe('formatShift', () => {
  it('says how many months later or earlier', () => {
    expect(formatShift(0)).toBe('same start');
    expect(formatShift(2)).toBe('+2 months');
    expect(formatShift(-1)).toBe('−1 month');
  });
});

describe('capacityCells', () => {
  it('pairs A and B per month and marks differences', () => {
    const cells = capacityCells({
      key: 'dev',
      months: ['2027-01', '2027-02', '2027-03'],
      usedA: [100, 80.2],
      usedB: [100, 80, 40],
    });
    expect(cells.map((c) => [c.month, c.a, c.b, c.differs])).toEqual([
      ['2027-01', 100, 100, false],
      ['2027-02', 80.2, 80, false],
      ['2027-03', 0, 40, true],
    ]);
    expect(cells[2]?.delta).toBe(40);
  });
});

describe('formatInputValue', () => {
  it('reads the inputs as a person would', () => {
    expect(inputLabel('periods')).toBe('Months in the horizon');
    expect(inputLabel('somethingNew')).toBe('somethingNew');
    expect(formatInputValue('startMonth', '"2027-03"', 'EUR')).toBe(formatMonth('2027-03'));
    expect(formatInputValue('objective', '"npv"', 'EUR')).toBe('NPV');
    expect(formatInputValue('periods', '12', 'EUR')).toBe('12');
    expect(formatInputValue('capacityFactor', '0.8', 'EUR')).toBe('× 0.8');
    expect(formatInputValue('budget', '[250000]', 'EUR')).toBe(
      `${formatMoneyCompact(25_000_000, 'EUR')} every month`,
    );
    expect(formatInputValue('capacity', '{"dev":[160,120]}', 'EUR')).toBe('dev: 160 h; 120 h');
    expect(formatInputValue('statuses', '["submitted","approved"]', 'EUR')).toBe('Submitted, Approved');
    expect(formatInputValue('overrides', '[{"proposalId":"x"}]', 'EUR')).toBe('1 override');
    expect(formatInputValue('budgetByCategory', 'null', 'EUR')).toBe('None');
    expect(formatInputValue('weird', '{"x":1}', 'EUR')).toBe('{"x":1}');
    expect(formatInputValue('startMonth', 'not json', 'EUR')).toBe('not json');
  });
});
