import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanXml, XmlScanError } from './xml-scan.ts';

describe('scanXml', () => {
  it('builds objects, arrays for repeats, text for leaves', () => {
    const xml = `<?xml version="1.0"?>\n<!-- c --><p:Project xmlns:p="x"><Name a='1'>A &amp; B &#x263A;</Name><Task><UID>1</UID></Task><Task><UID>2</UID></Task><Empty/><Data><![CDATA[<raw>]]></Data></p:Project>`;
    expect(scanXml(xml, new Set(['Item']))).toEqual({
      Project: { Name: 'A & B ☺', Task: [{ UID: '1' }, { UID: '2' }], Empty: '', Data: '<raw>' },
    });
    expect(scanXml('<R><Item>1</Item></R>', new Set(['Item']))).toEqual({ R: { Item: ['1'] } });
  });

  it.each([
    ['<R><A></B></R>', 1, 'expected </A> but found </B>'],
    ['<R>\n  <A>\n</R>', 3, 'expected </A> but found </R>'],
    ['<R/><S/>', 1, 'a second root element'],
    ['<R>&nbsp;</R>', 1, 'an & must start an entity such as &amp;'],
    ['<!DOCTYPE x [<!ENTITY a "b">]><R/>', 1, 'a DOCTYPE is not allowed in an MSPDI file'],
    ['<R a=1/>', 1, 'an attribute value in <R> must be quoted'],
    ['<R><!-- x </R>', 1, 'a comment is not closed'],
    ['text', 1, 'text outside the root element'],
    ['', 1, 'there is no root element'],
    ['<R><A>', 1, 'the element <A> is not closed'],
  ])('rejects %j at line %i: %s', (xml, line, reason) => {
    let error: unknown;
    try {
      scanXml(xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlScanError);
    expect(error).toMatchObject({ line, reason });
  });

  it('only ever throws XmlScanError (property)', () => {
    const parts = fc.constantFrom(
      '<',
      '>',
      '/',
      'A',
      'B',
      '="',
      "'",
      '&',
      'amp;',
      '#65;',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '<?',
      '?>',
      ' ',
      '\n',
      'é',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(parts, { maxLength: 40 }).map((p) => p.join('')),
        ),
        (xml) => {
          try {
            scanXml(xml);
          } catch (e) {
            if (!(e instanceof XmlScanError)) throw e;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
