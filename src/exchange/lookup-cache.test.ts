import { describe, expect, it } from 'vitest';
import { LookupCache } from './lookup-cache.ts';

describe('LookupCache', () => {
  it('shares one read among the calls that need it at once, and reads again once it is stale', async () => {
    const cache = new LookupCache<number>(500, 10);
    let reads = 0;
    let release: (v: number) => void = () => {};
    const read = () => {
      reads += 1;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const waiting = [
      cache.get('g', read, 1_000),
      cache.get('g', read, 1_001),
      cache.get('g', read, 1_400),
    ];
    expect(reads).toBe(1);
    release(7);
    expect(await Promise.all(waiting)).toEqual([7, 7, 7]);
    // Fresh for 500 ms from when its read began, not from when it ended.
    await cache.get('g', read, 1_499);
    expect(reads).toBe(1);
    const again = cache.get('g', read, 1_500);
    expect(reads).toBe(2);
    release(8);
    expect(await again).toBe(8);
  });

  it('forgets a failed read, so the next call tries again', async () => {
    const cache = new LookupCache<number>(500, 10);
    await expect(cache.get('g', () => Promise.reject(new Error('down')), 0)).rejects.toThrow(
      'down',
    );
    expect(await cache.get('g', () => Promise.resolve(3), 1)).toBe(3);
  });

  it('forgets a deleted key at once, and a read begun before the delete does not put it back', async () => {
    const cache = new LookupCache<string>(60_000, 10);
    let release: (v: string) => void = () => {};
    const before = cache.get('g', () => new Promise<string>((resolve) => (release = resolve)), 0);
    cache.delete('g');
    release('granted');
    expect(await before).toBe('granted');
    expect(await cache.get('g', () => Promise.resolve('revoked'), 1)).toBe('revoked');
  });

  it('starts afresh when full, so made-up keys cannot grow it', async () => {
    const cache = new LookupCache<number>(60_000, 2);
    let reads = 0;
    const read = () => Promise.resolve((reads += 1));
    await cache.get('a', read, 0);
    await cache.get('b', read, 0);
    await cache.get('c', read, 0);
    await cache.get('a', read, 0);
    expect(reads).toBe(4);
  });
});
