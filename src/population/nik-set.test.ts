import { describe, expect, it } from 'vitest';
import { NikSet } from './nik-set.ts';
import { randomGenerator } from './synthetic.ts';

describe('NikSet', () => {
  it('agrees with a Set of strings through many growths, including NIKs with leading zeros in the second half', () => {
    const random = randomGenerator(42);
    const niks = new NikSet();
    const oracle = new Set<string>();
    for (let i = 0; i < 300_000; i++) {
      // Few distinct first halves and a small range of second halves, so that repeats are common.
      const nik =
        String(11_000_000 + Math.floor(random() * 50)).padStart(8, '0') +
        String(Math.floor(random() * 20_000)).padStart(8, '0');
      expect(niks.add(nik)).toBe(!oracle.has(nik));
      oracle.add(nik);
    }
    expect(oracle.size).toBeGreaterThan(100_000);
    expect(oracle.size).toBeLessThan(300_000);
  });
});
