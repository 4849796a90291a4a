import { digitsAt } from '../platform/dates.ts';
/**
 * NIK (Nomor Induk Kependudukan) validation, written from the Dukcapil rules (the npm package
 * `nik-parser` gets them wrong):
 *
 *   PP KK CC DDMMYY SSSS
 *   PP KK CC  the province, regency/city and district where the NIK was FIRST issued. Only the
 *             province must be a known Kemendagri province code: district codes from before a
 *             region split stay valid, and the NIK never says where a person lives now.
 *   DDMMYY    birth date as registered when issued; women add 40 to the day (41–71).
 *             29 February is valid when 19YY or 20YY is a leap year (the century is not encoded).
 *   SSSS      serial, 0001–9999.
 */

export type Sex = 'L' | 'P';

/** Why a NIK is rejected; each has a message that says what is wrong. */
export type NikProblem =
  | 'NIK_LENGTH'
  | 'NIK_NOT_DIGITS'
  | 'NIK_PROVINCE_UNKNOWN'
  | 'NIK_DAY_INVALID'
  | 'NIK_MONTH_INVALID'
  | 'NIK_DATE_INVALID'
  | 'NIK_SERIAL_ZERO';

export interface ParsedNik {
  readonly nik: string;
  /** First two digits: province where the NIK was first issued. */
  readonly provinceCode: string;
  /** First six digits, dotted (`32.04.11`): the district of first issue; may be historical. */
  readonly issuedInDistrict: string;
  readonly sex: Sex;
  /** Day and month of birth as encoded (the day without the +40 for women). */
  readonly birthDay: number;
  readonly birthMonth: number;
  /** Two-digit year of birth; the century is not encoded. */
  readonly birthYearTwoDigits: number;
  readonly serial: number;
}

export type NikResult =
  | { readonly ok: true; readonly value: ParsedNik }
  | { readonly ok: false; readonly problem: NikProblem; readonly message: string };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function fail(problem: NikProblem, message: string): NikResult {
  return { ok: false, problem, message };
}

/**
 * Validates a NIK against the rules above. `knownProvinceCodes` are the two-digit Kemendagri
 * province codes (from the region reference).
 */
export function parseNik(input: string, knownProvinceCodes: ReadonlySet<string>): NikResult {
  if (input.length !== 16) {
    return fail(
      'NIK_LENGTH',
      `NIK must be exactly 16 digits; "${input}" has ${input.length} characters`,
    );
  }
  if (digitsAt(input, 0, 8) < 0 || digitsAt(input, 8, 8) < 0) {
    return fail(
      'NIK_NOT_DIGITS',
      `NIK must contain only the digits 0–9; "${input}" has other characters`,
    );
  }
  const provinceCode = input.slice(0, 2);
  if (!knownProvinceCodes.has(provinceCode)) {
    return fail(
      'NIK_PROVINCE_UNKNOWN',
      `NIK starts with ${provinceCode}, which is not a Kemendagri province code (11–96)`,
    );
  }
  const encodedDay = digitsAt(input, 6, 2);
  const month = digitsAt(input, 8, 2);
  const yy = digitsAt(input, 10, 2);
  const serial = digitsAt(input, 12, 4);
  const isWoman = encodedDay > 40;
  const day = isWoman ? encodedDay - 40 : encodedDay;
  if (!((encodedDay >= 1 && encodedDay <= 31) || (encodedDay >= 41 && encodedDay <= 71))) {
    return fail(
      'NIK_DAY_INVALID',
      `NIK digits 7–8 (${input.slice(6, 8)}) must be a day of birth: 01–31, or 41–71 for women`,
    );
  }
  if (month < 1 || month > 12) {
    return fail(
      'NIK_MONTH_INVALID',
      `NIK digits 9–10 (${input.slice(8, 10)}) must be a month, 01–12`,
    );
  }
  const isFebruary29 = month === 2 && day === 29;
  const maxDay = DAYS_IN_MONTH[month - 1] ?? 31;
  if (day > maxDay || (isFebruary29 && !isLeapYear(1900 + yy) && !isLeapYear(2000 + yy))) {
    return fail(
      'NIK_DATE_INVALID',
      `NIK digits 7–12 (${input.slice(6, 12)}) encode ${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${String(yy).padStart(2, '0')}, which is not a calendar date`,
    );
  }
  if (serial === 0)
    return fail('NIK_SERIAL_ZERO', 'NIK digits 13–16 (the serial) must be 0001–9999, not 0000');
  return {
    ok: true,
    value: {
      nik: input,
      provinceCode,
      issuedInDistrict: `${provinceCode}.${input.slice(2, 4)}.${input.slice(4, 6)}`,
      sex: isWoman ? 'P' : 'L',
      birthDay: day,
      birthMonth: month,
      birthYearTwoDigits: yy,
      serial,
    },
  };
}

/** Whether a registered birth date (`YYYY-MM-DD`) agrees with the NIK's encoding. */
export function nikMatchesBirthDate(nik: ParsedNik, birthDate: string): boolean {
  return (
    digitsAt(birthDate, 8, 2) === nik.birthDay &&
    digitsAt(birthDate, 5, 2) === nik.birthMonth &&
    digitsAt(birthDate, 2, 2) === nik.birthYearTwoDigits
  );
}

/** Builds the NIK for a person (used by the synthetic data generator and tests). */
export function formatNik(parts: {
  districtCode: string;
  sex: Sex;
  birthDate: string;
  serial: number;
}): string {
  const [year, month, day] = parts.birthDate.split('-');
  const encodedDay = Number(day) + (parts.sex === 'P' ? 40 : 0);
  return (
    parts.districtCode.replace(/\./g, '') +
    String(encodedDay).padStart(2, '0') +
    (month ?? '') +
    (year ?? '').slice(2) +
    String(parts.serial).padStart(4, '0')
  );
}
