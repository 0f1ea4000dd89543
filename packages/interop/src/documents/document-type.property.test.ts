import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUpload, DOCUMENT_EXTENSIONS, sniffContent } from './document-type.ts';

const SIGNATURES: Record<string, readonly number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
  gif: [0x47, 0x49, 0x46, 0x38],
  docx: [0x50, 0x4b, 0x03, 0x04],
  xlsx: [0x50, 0x4b, 0x03, 0x04],
  pptx: [0x50, 0x4b, 0x03, 0x04],
  odt: [0x50, 0x4b, 0x03, 0x04],
  ods: [0x50, 0x4b, 0x03, 0x04],
  odp: [0x50, 0x4b, 0x03, 0x04],
};

/** C0 controls: a text file holds none but tab, LF, FF and CR. */
const isControl = (code: number) => code < 0x20;
const carries = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** Random case for each letter of a word. */
const anyCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((flags) => [...word].map((c, i) => (flags[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
const space = fc.stringMatching(/^[ \t\n\r\f]{0,6}$/);
const space1 = fc.stringMatching(/^[ \t\n\r\f]{1,4}$/);

/** An HTML document's opening in any case, spacing and choice of first tag, after optional BOM. */
const htmlOpening = fc.oneof(
  fc.tuple(anyCase('!doctype'), space1, anyCase('html')).map(([d, s, h]) => `<${d}${s}${h}>`),
  fc
    .tuple(anyCase('html'), fc.constantFrom('>', ' ', '\n', '\t', '/>', ' lang="en">'))
    .map(([h, t]) => `<${h}${t}`),
  fc.tuple(anyCase('script'), fc.constantFrom('>', ' ', '\n')).map(([s, t]) => `<${s}${t}alert(1)</script>`),
  fc.tuple(anyCase('body'), fc.constantFrom('>', ' onload="x()">')).map(([b, t]) => `<${b}${t}`),
  fc.tuple(anyCase('iframe'), fc.constantFrom(' src=x>', '>')).map(([f, t]) => `<${f}${t}`),
);

describe('document type sniffing (properties)', () => {
  it('random bytes are never taken for a PDF, image or Office file unless they carry its signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (b) => {
        const r = sniffContent(b);
        if (r.kind === 'binary') expect(carries(b, SIGNATURES[r.type] ?? [0x100])).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('random bytes after a ZIP signature are never taken for an Office file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (tail) => {
        const b = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
        expect(sniffContent(b).kind).toBe('refused');
      }),
      { numRuns: 1000 },
    );
  });

  it('HTML in any case and spacing, at the start or later, is refused whatever the file is named', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        space,
        htmlOpening,
        fc.string({ maxLength: 200 }),
        fc.string({ maxLength: 80 }).map((s) => s.replace(/</g, '')),
        fc.constantFrom(...DOCUMENT_EXTENSIONS),
        (bom, lead, opening, rest, before, ext) => {
          const atStart = `${bom ? '\ufeff' : ''}${lead}${opening}${rest}`;
          const later = `${before}\n${opening}${rest}`;
          for (const text of [atStart, later]) {
            const bytes = new TextEncoder().encode(text);
            const sniffed = sniffContent(bytes);
            expect(sniffed.kind, text).toBe('refused');
            const check = checkUpload(`upload${ext}`, bytes);
            expect(check.ok, text).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('text without markup is text, and a .txt of it is kept', () => {
    fc.assert(
      fc.property(
        fc
          .string({ maxLength: 500 })
          .filter(
            (s) =>
              ![...s].some((c) => c === '<' || (isControl(c.charCodeAt(0)) && !'\t\n\f\r'.includes(c))) &&
              !s.startsWith('#!') &&
              !s.startsWith('{\\rtf'),
          ),
        (s) => {
          const bytes = new TextEncoder().encode(s);
          if (bytes.length === 0) return;
          // a text that happens to start with a printable signature ("MZ", "BZh") is still text
          expect(sniffContent(bytes).kind).toBe('text');
          expect(checkUpload('notes.txt', bytes).ok).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
