import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNik, nikMatchesBirthDate, parseNik, type NikProblem } from './nik.ts';

// The 38 Kemendagri province codes (as in the region reference).
const PROVINCES = new Set(
  '11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 91 92 93 94 95 96'.split(
    ' ',
  ),
);

function problemOf(nik: string): NikProblem | 'OK' {
  const result = parseNik(nik, PROVINCES);
  return result.ok ? 'OK' : result.problem;
}

/** An independent oracle for the date rule, through the JavaScript Date calendar. */
function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

describe('parseNik: hand-written vectors', () => {
  it.each([
    ['3204110101900001', 'OK'], // man born 01-01-(19)90 in Kab. Bandung
    ['3204114101900001', 'OK'], // woman: day 01 + 40
    ['3471017112990123', 'OK'], // woman born 31-12-(19)99: day 71
    ['3204112902000001', 'OK'], // 29-02-00: 2000 is a leap year
    ['3204112902960001', 'OK'], // 29-02-96: 1996 is a leap year
    ['3204116902040001', 'OK'], // woman, 29-02-04
    ['3204112902970001', 'NIK_DATE_INVALID'], // neither 1997 nor 2097 is a leap year
    ['3204113002000001', 'NIK_DATE_INVALID'], // 30 February
    ['3204113104900001', 'NIK_DATE_INVALID'], // 31 April
    ['3204117104900001', 'NIK_DATE_INVALID'], // woman, 31 April
    ['3204110001900001', 'NIK_DAY_INVALID'],
    ['3204113201900001', 'NIK_DAY_INVALID'], // 32 is neither a man's nor a woman's day
    ['3204114001900001', 'NIK_DAY_INVALID'], // 40 = woman's day 0
    ['3204117201900001', 'NIK_DAY_INVALID'],
    ['3204110100900001', 'NIK_MONTH_INVALID'],
    ['3204110113900001', 'NIK_MONTH_INVALID'],
    ['3204110101900000', 'NIK_SERIAL_ZERO'],
    ['9904110101900001', 'NIK_PROVINCE_UNKNOWN'],
    ['2004110101900001', 'NIK_PROVINCE_UNKNOWN'],
    ['5404110101900001', 'NIK_PROVINCE_UNKNOWN'], // Timor Timur's old code is not a province today
    ['320411010190000', 'NIK_LENGTH'],
    ['32041101019000011', 'NIK_LENGTH'],
    ['', 'NIK_LENGTH'],
    ['32041101019O0001', 'NIK_NOT_DIGITS'],
    ['３２04110101900001', 'NIK_NOT_DIGITS'], // full-width digits are not ASCII
    ['3204 10101900001', 'NIK_NOT_DIGITS'],
  ])('%s -> %s', (nik, expected) => expect(problemOf(nik)).toBe(expected));

  it('accepts a district code that no longer exists (issued before a region split)', () => {
    // 91.99.xx is not a district today, but the NIK stays valid.
    expect(problemOf('9199010101900001')).toBe('OK');
  });

  it('yields sex, encoded birth date and district of first issue', () => {
    const result = parseNik('3471017112990123', PROVINCES);
    expect(result).toEqual({
      ok: true,
      value: {
        nik: '3471017112990123',
        provinceCode: '34',
        issuedInDistrict: '34.71.01',
        sex: 'P',
        birthDay: 31,
        birthMonth: 12,
        birthYearTwoDigits: 99,
        serial: 123,
      },
    });
  });

  it('every rejection says what is wrong', () => {
    const result = parseNik('3204112902970001', PROVINCES);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/29-02-97.*not a calendar date/);
  });
});

describe('parseNik: properties', () => {
  const date = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const district = fc
    .tuple(
      fc.constantFrom(...PROVINCES),
      fc.integer({ min: 1, max: 99 }),
      fc.integer({ min: 1, max: 99 }),
    )
    .map(([p, r, d]) => `${p}.${String(r).padStart(2, '0')}.${String(d).padStart(2, '0')}`);

  it('a NIK built from a real person parses back to the same sex and birth date', () => {
    fc.assert(
      fc.property(
        district,
        fc.constantFrom('L' as const, 'P' as const),
        date,
        fc.integer({ min: 1, max: 9999 }),
        (d, sex, birthDate, serial) => {
          const result = parseNik(
            formatNik({ districtCode: d, sex, birthDate, serial }),
            PROVINCES,
          );
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.value.sex).toBe(sex);
          expect(result.value.issuedInDistrict).toBe(d);
          expect(result.value.serial).toBe(serial);
          expect(nikMatchesBirthDate(result.value, birthDate)).toBe(true);
        },
      ),
    );
  });

  it('accepts exactly the 16-digit strings that satisfy the rules, by an independent oracle', () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const candidate = fc.oneof(
      digits(16),
      fc
        .tuple(
          fc.constantFrom(...PROVINCES),
          digits(4),
          fc.integer({ min: 0, max: 79 }),
          fc.integer({ min: 0, max: 13 }),
          digits(2),
          digits(4),
        )
        .map(
          ([p, rd, day, month, yy, serial]) =>
            `${p}${rd}${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${yy}${serial}`,
        ),
    );
    fc.assert(
      fc.property(candidate, (nik) => {
        const day = Number(nik.slice(6, 8));
        const month = Number(nik.slice(8, 10));
        const yy = Number(nik.slice(10, 12));
        const realDay = day > 40 ? day - 40 : day;
        const expected =
          PROVINCES.has(nik.slice(0, 2)) &&
          ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) &&
          (isRealDate(1900 + yy, month, realDay) || isRealDate(2000 + yy, month, realDay)) &&
          nik.slice(12) !== '0000';
        expect(parseNik(nik, PROVINCES).ok).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects every string that is not 16 ASCII digits', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }).filter((s) => !/^[0-9]{16}$/.test(s)),
        (s) => {
          const result = parseNik(s, PROVINCES);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(['NIK_LENGTH', 'NIK_NOT_DIGITS']).toContain(result.problem);
        },
      ),
    );
  });
});
