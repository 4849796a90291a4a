import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './dates.ts';

/** The oracle: JavaScript's own calendar (setUTCFullYear avoids Date.UTC's 1900 + year for 0–99). */
function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isCalendarDate', () => {
  it('agrees with the JavaScript calendar for YYYY-MM-DD texts, leap years included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isCalendarDate(text)).toBe(isRealDate(year, month, day));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it.each(['2024-02-29', '2000-02-29', '1900-02-28'])('accepts %s', (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });

  it.each(['2023-02-29', '1900-02-29', '2025-04-31', '2025-1-01', '2025-06-30x', 'abcd-ef-gh', ''])(
    'rejects %j',
    (text) => {
      expect(isCalendarDate(text)).toBe(false);
    },
  );
});
