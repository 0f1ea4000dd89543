import { describe, expect, it } from 'vitest';
import { bytesToBase64, importFormatOf } from './file-encoding.ts';

describe('import file helpers', () => {
  it('tells CSV from XLSX by the name', () => {
    expect(importFormatOf('pool.CSV')).toBe('csv');
    expect(importFormatOf('pool.xlsx')).toBe('xlsx');
    expect(importFormatOf('pool.xls')).toBeNull();
  });

  it('encodes bytes as the standard base64, large files included', () => {
    expect(bytesToBase64(new TextEncoder().encode('Baton ✓'))).toBe(
      btoa(unescape(encodeURIComponent('Baton ✓'))),
    );
    const big = new Uint8Array(200_000).map((_, i) => i % 256);
    const decoded = Uint8Array.from(atob(bytesToBase64(big)), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(big);
  });
});
