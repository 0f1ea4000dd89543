import { describe, expect, it } from 'vitest';
import { formatMajorInput, formatMoney, getMinorDigits, parseMajorToMinor } from './format.ts';

describe('parseMajorToMinor', () => {
  it('turns major units into integer minor units without float drift', () => {
    expect(parseMajorToMinor('125000.50', 'EUR')).toBe(12_500_050);
    expect(parseMajorToMinor('0.29', 'EUR')).toBe(29);
    expect(parseMajorToMinor('1,250', 'EUR')).toBe(125_000);
    expect(parseMajorToMinor(' 2 000 ', 'EUR')).toBe(200_000);
  });

  it('respects currencies without minor units', () => {
    expect(getMinorDigits('JPY')).toBe(0);
    expect(parseMajorToMinor('500', 'JPY')).toBe(500);
    expect(Number.isNaN(parseMajorToMinor('500.5', 'JPY'))).toBe(true);
  });

  it('gives null for empty and NaN for text that is not an amount', () => {
    expect(parseMajorToMinor('', 'EUR')).toBeNull();
    expect(Number.isNaN(parseMajorToMinor('12.345', 'EUR'))).toBe(true);
    expect(Number.isNaN(parseMajorToMinor('-5', 'EUR'))).toBe(true);
    expect(Number.isNaN(parseMajorToMinor('€5', 'EUR'))).toBe(true);
  });
});

describe('formatMoney / formatMajorInput', () => {
  it('shows whole amounts without decimals and others with every minor digit', () => {
    // Digits only, so the test holds in any locale.
    const digits = (s: string) => s.replace(/\D/g, '');
    expect(digits(formatMoney(15_000_000, 'EUR'))).toBe('150000');
    expect(digits(formatMoney(12_500_050, 'EUR'))).toBe('12500050');
    expect(digits(formatMoney(500, 'JPY'))).toBe('500');
    expect(formatMoney(null, 'EUR')).toBe('—');
  });

  it('round-trips through the money input', () => {
    for (const minor of [0, 1, 99, 12_500_050, 15_000_000]) {
      expect(parseMajorToMinor(formatMajorInput(minor, 'EUR'), 'EUR')).toBe(minor);
    }
  });
});
