import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedWindowLimiter } from './rate-limit.ts';

describe('fixedWindowLimiter', () => {
  afterEach(() => vi.useRealTimers());

  it('allows the budget per key and window, then says how long to wait', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const limiter = fixedWindowLimiter({ limit: 3, windowMs: 60_000 });
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([undefined, undefined, undefined]);
    expect(limiter.take('b')).toBeUndefined();
    vi.advanceTimersByTime(20_000);
    expect(limiter.take('a')).toBe(40);
    vi.advanceTimersByTime(40_000);
    expect(limiter.take('a')).toBeUndefined();
  });
});
