import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectPages, exportFileName, isoDate, toMajor } from './exports.ts';

/** A paginated list of `total` numbered rows, recording which pages were asked for. */
function list(total: number) {
  const calls: Array<[number, number]> = [];
  const fetchPage = async (page: number, pageSize: number) => {
    calls.push([page, pageSize]);
    const start = (page - 1) * pageSize;
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => start + i);
    return { items, total };
  };
  return { calls, fetchPage };
}

describe('collectPages', () => {
  it('fetches every row of the list in order, one request per page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 1, max: 500 }),
        async (total, size) => {
          const { calls, fetchPage } = list(total);
          const rows = await collectPages(fetchPage, size);
          expect(rows).toEqual(Array.from({ length: total }, (_, i) => i));
          expect(calls).toEqual(
            Array.from({ length: Math.max(1, Math.ceil(total / size)) }, (_, i) => [i + 1, size]),
          );
        },
      ),
    );
  });

  it('stops at max rows', async () => {
    const { calls, fetchPage } = list(1_000);
    const rows = await collectPages(fetchPage, 300, 700);
    expect(rows).toHaveLength(700);
    expect(rows.at(-1)).toBe(699);
    expect(calls.map(([p]) => p)).toEqual([1, 2, 3]);
  });

  it('stops on a short page even when the total claims more (the list shrank meanwhile)', async () => {
    const fetchPage = async (page: number) => ({ items: page === 1 ? [1, 2, 3] : [], total: 10 });
    await expect(collectPages(fetchPage, 5)).resolves.toEqual([1, 2, 3]);
  });

  it('rejects a page size that is not a positive integer', async () => {
    await expect(collectPages(list(3).fetchPage, 0)).rejects.toThrow(/pageSize/);
  });

  it('passes on a failing page request', async () => {
    const fetchPage = async () => Promise.reject(new Error('offline'));
    await expect(collectPages(fetchPage)).rejects.toThrow('offline');
  });
});

describe('export values', () => {
  it('turns minor units into major units in the currency', () => {
    expect(toMajor(12_345, 'EUR')).toBe(123.45);
    expect(toMajor(150_000_00, 'USD')).toBe(150_000);
    expect(toMajor(5_000, 'JPY')).toBe(5_000);
    expect(toMajor(null, 'EUR')).toBeNull();
  });

  it('keeps the date of dates and instants', () => {
    expect(isoDate('2026-12-07')).toBe('2026-12-07');
    expect(isoDate('2026-12-07T14:30:00.000Z')).toBe('2026-12-07');
    expect(isoDate(null)).toBeNull();
  });

  it('names the file after the list and the day', () => {
    expect(exportFileName('projects', new Date('2026-12-07T10:00:00Z'))).toBe('projects-2026-12-07');
  });
});
