/**
 * A per-key request budget in fixed windows, kept in this process's memory (so, per node: with N
 * nodes behind a load balancer a client gets up to N times the budget). It is a brake on brute
 * force from one address; the per-account lock-out in the database is the rule that holds across
 * nodes.
 */
export interface RateLimiter {
  /** Counts one request; returns the seconds to wait if the key is over its budget, else undefined. */
  take(key: string): number | undefined;
}

export function fixedWindowLimiter(options: { limit: number; windowMs: number }): RateLimiter {
  let windowStart = Date.now();
  let counts = new Map<string, number>();
  return {
    take(key) {
      const now = Date.now();
      if (now - windowStart >= options.windowMs) {
        // A new window forgets every key at once, so memory stays bounded by one window's callers.
        windowStart = now;
        counts = new Map();
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count <= options.limit) return undefined;
      return Math.max(1, Math.ceil((windowStart + options.windowMs - now) / 1000));
    },
  };
}
