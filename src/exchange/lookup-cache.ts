/**
 * A bounded cache of look-ups that each stay fresh for a fixed time, shared by the calls that need
 * them at once: when an entry expires under load, the calls arriving meanwhile wait for the one
 * read that replaces it instead of each sending their own (fifty connections meant up to fifty
 * identical queries every time a grant's 500 ms ran out). An entry's age counts from when its read
 * began, so it is never trusted for longer than `freshMs` after the data was read. A read that
 * fails is forgotten, and the next call tries again.
 */
export class LookupCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; at: number }>();

  constructor(
    private readonly freshMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string, read: () => Promise<V>, now = Date.now()): Promise<V> {
    const cached = this.entries.get(key);
    if (cached !== undefined && now - cached.at < this.freshMs) return cached.value;
    const value = read();
    // Bounded, so that probing with made-up keys cannot grow it.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const entry = { value, at: now };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets a key (a change made through this process takes effect at once). */
  delete(key: string): void {
    this.entries.delete(key);
  }
}
