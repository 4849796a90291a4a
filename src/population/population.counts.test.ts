import { describe, expect, it } from 'vitest';
import { childCutoff, childUntil, dayToDate, epochDay, regionId } from './population.counts.ts';

describe('count series calendar helpers', () => {
  it('epochDay is the inverse of dayToDate for every day from 1800 to 2200', () => {
    for (let day = epochDay('1800-01-01'); day <= epochDay('2200-12-31'); day++) {
      expect(epochDay(dayToDate(day))).toBe(day);
    }
    expect(epochDay('1970-01-01')).toBe(0);
    expect(epochDay('2000-03-01')).toBe(11_017);
  });

  it('cuts off children at asOf - 12 years as PostgreSQL does (29 February becomes the 28th)', () => {
    expect(dayToDate(childCutoff(epochDay('2024-02-29')))).toBe('2012-02-29');
    expect(dayToDate(childCutoff(epochDay('2025-02-28')))).toBe('2013-02-28');
    expect(dayToDate(childCutoff(epochDay('2100-02-28')))).toBe('2088-02-28');
    // Someone born on 29 February 2088 is still a child on 28 February 2100 and not on 1 March.
    expect(dayToDate(childUntil(epochDay('2088-02-29')))).toBe('2100-03-01');
    expect(dayToDate(childUntil(epochDay('2012-02-29')))).toBe('2024-02-29');
    expect(dayToDate(childUntil(epochDay('2013-06-15')))).toBe('2025-06-15');
  });

  it('region ids are the code digits; Indonesia is 0', () => {
    expect(regionId('32.04.05.2001')).toBe(3_204_052_001);
    expect(regionId('3204052001')).toBe(3_204_052_001);
    expect(regionId('34')).toBe(34);
    expect(regionId('')).toBe(0);
  });
});
