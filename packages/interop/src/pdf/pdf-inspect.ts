/**
 * Reading back what Baton's PDFs hold, for tests and checks: the page count (any PDF pdfkit wrote)
 * and the text (only of a PDF written with compression off, whose content streams are plain).
 */

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

// windows-1252 differs from Latin-1 only in 0x80–0x9F (Node's TextDecoder may lack it without full ICU).
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = (hex: string) =>
  [...Buffer.from(hex, 'hex')]
    .map((b) => (b >= 0x80 && b <= 0x9f ? (CP1252[b - 0x80] as string) : String.fromCharCode(b)))
    .join('');

/** True when the bytes start like a PDF file. */
export function isPdf(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(0, 5)) === '%PDF-';
}

/** Number of page objects (/Type /Page, not /Pages). */
export function pdfPageCount(bytes: Uint8Array): number {
  return (latin1(bytes).match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/**
 * The text shown, one string per text object, from an uncompressed PDF: pdfkit writes standard-font
 * text as hex strings in TJ arrays, in the WinAnsi (windows-1252) encoding.
 */
export function pdfTextOf(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (const m of latin1(bytes).matchAll(/\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)) {
    const hex = [...(m[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? '').join('');
    out.push(winAnsi(hex));
  }
  return out;
}
