import { describe, expect, it } from 'vitest';
import { excerptOf } from './lessons.service.ts';
import { MATCH_START, MATCH_STOP } from './quality.repository.ts';

const mark = (w: string) => `${MATCH_START}${w}${MATCH_STOP}`;

describe('search excerpts', () => {
  it('splits a headline into plain and matching runs', () => {
    expect(excerptOf(`The vendor ${mark('delayed')} the ${mark('servers')}`)).toEqual([
      { text: 'The vendor ', match: false },
      { text: 'delayed', match: true },
      { text: ' the ', match: false },
      { text: 'servers', match: true },
    ]);
    expect(excerptOf(`${mark('Delays')}`)).toEqual([{ text: 'Delays', match: true }]);
    expect(excerptOf('no match at all')).toEqual([{ text: 'no match at all', match: false }]);
  });
});
