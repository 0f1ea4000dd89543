import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.ts';

describe('ReadCache', () => {
  it('serves what was stored until something changes', () => {
    const c = new ReadCache<string>(true);
    c.set('a', c.current, 'one');
    expect(c.get('a')).toBe('one');
    c.invalidate();
    expect(c.get('a')).toBeUndefined();
  });

  it('drops a value read before a change, even if stored after it', () => {
    const c = new ReadCache<string>(true);
    const seen = c.current;
    c.invalidate();
    c.set('a', seen, 'stale');
    expect(c.get('a')).toBeUndefined();
  });

  it('never caches once disabled, and evicts the oldest entry when full', () => {
    const c = new ReadCache<number>(true, 2);
    c.set('a', c.current, 1);
    c.set('b', c.current, 2);
    c.set('c', c.current, 3);
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([undefined, 2, 3]);
    c.disable();
    c.set('d', c.current, 4);
    expect(c.get('d')).toBeUndefined();
    expect(c.get('b')).toBeUndefined();
  });

  it('expires entries after the TTL', async () => {
    const c = new ReadCache<number>(true, 10, 5);
    c.set('a', c.current, 1);
    await new Promise((r) => setTimeout(r, 15));
    expect(c.get('a')).toBeUndefined();
  });
});
