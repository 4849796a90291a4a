import { isCalendarDate } from '../platform/dates.ts';
import { toDottedRegionCode } from '../regions/region-code.ts';
import { nikMatchesBirthDate, parseNik, type Sex } from './nik.ts';
import { regionId } from './population.counts.ts';

/** What record validation needs to know: the reference codes and today's date. */
export interface ValidationContext {
  readonly provinceCodes: ReadonlySet<string>;
  readonly villageCodes: ReadonlySet<string>;
  readonly today: string;
}

export interface FieldProblem {
  readonly column: string;
  readonly reason: string;
}

export interface PersonRecord {
  readonly nik: string;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly villageCode: string;
  readonly familyCardNumber: string | null;
  readonly motherName: string | null;
  readonly deathDate: string | null;
}

export interface ImmunizationRecord {
  readonly nik: string;
  readonly vaccine: string;
  readonly dose: number;
  readonly date: string;
  readonly facilityVillageCode: string | null;
}

export type Validated<T> =
  | { readonly ok: true; readonly record: T; readonly warnings: readonly FieldProblem[] }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/** Raw input: CSV cells or JSON values, by column name. Missing optional columns are undefined. */
export type RawRecord = Readonly<Record<string, string | undefined>>;

export const PERSON_COLUMNS = {
  required: ['nik', 'name', 'sex', 'birth_date', 'village_code'],
  optional: ['family_card_number', 'mother_name', 'death_date'],
} as const;

export const IMMUNIZATION_COLUMNS = {
  required: ['nik', 'vaccine', 'dose', 'date'],
  optional: ['facility_village_code'],
} as const;

const VACCINE_PATTERN = /^[A-Z0-9][A-Z0-9 ._/+-]{0,39}$/;

function optional(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** A required cell: its trimmed value, or `null` after noting that it is empty. */
function required(raw: RawRecord, column: string, problems: FieldProblem[]): string | null {
  const value = optional(raw[column]);
  if (value === null) problems.push({ column, reason: 'is empty' });
  return value;
}

function checkDate(
  column: string,
  value: string | null,
  context: ValidationContext,
  problems: FieldProblem[],
): string | null {
  if (value === null) return null;
  if (!isCalendarDate(value)) {
    problems.push({
      column,
      reason: `"${value}" is not a date; write it as YYYY-MM-DD, e.g. 2015-07-31`,
    });
    return null;
  }
  if (value > context.today)
    problems.push({ column, reason: `${value} is in the future (today is ${context.today})` });
  else if (value < '1900-01-01')
    problems.push({ column, reason: `${value} is before 1900; check the year` });
  return value;
}

const villageIdCache = new WeakMap<ReadonlySet<string>, Set<number>>();

function villageIds(codes: ReadonlySet<string>): Set<number> {
  let ids = villageIdCache.get(codes);
  if (!ids) {
    ids = new Set([...codes].map(regionId));
    villageIdCache.set(codes, ids);
  }
  return ids;
}

/** `PP.RR.DD.VVVV`: dots where they belong and digits elsewhere. */
function isDottedVillageCode(value: string): boolean {
  if (value.length !== 13) return false;
  for (let i = 0; i < 13; i++) {
    const c = value.charCodeAt(i);
    if (i === 2 || i === 5 || i === 8 ? c !== 46 : c < 48 || c > 57) return false;
  }
  return true;
}

function checkVillage(
  column: string,
  value: string | null,
  context: ValidationContext,
  problems: FieldProblem[],
): string | null {
  if (value === null) return null;
  // The usual case, a known dotted code, is looked up as a number: faster than hashing the string.
  if (isDottedVillageCode(value) && villageIds(context.villageCodes).has(regionId(value)))
    return value;
  const code = toDottedRegionCode(value);
  if (code === undefined || code.split('.').length !== 4) {
    problems.push({
      column,
      reason: `"${value}" is not a village code; use 10 digits, dotted or not: 32.04.11.2001`,
    });
    return null;
  }
  if (!context.villageCodes.has(code)) {
    problems.push({ column, reason: `village ${code} is not in the Kemendagri 2025 reference` });
    return null;
  }
  return code;
}

function checkNik(value: string | null, context: ValidationContext, problems: FieldProblem[]) {
  if (value === null) {
    problems.push({ column: 'nik', reason: 'is empty; every record needs its 16-digit NIK' });
    return undefined;
  }
  const result = parseNik(value, context.provinceCodes);
  if (!result.ok) {
    problems.push({ column: 'nik', reason: result.message });
    return undefined;
  }
  return result.value;
}

/** Validates one person record; every problem is listed, not just the first. */
export function validatePerson(
  raw: RawRecord,
  context: ValidationContext,
): Validated<PersonRecord> {
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const nik = checkNik(optional(raw.nik), context, problems);
  const name = required(raw, 'name', problems);
  if (name !== null && name.length > 200)
    problems.push({ column: 'name', reason: `is ${name.length} characters; at most 200` });
  const sexText = optional(raw.sex)?.toUpperCase() ?? null;
  if (sexText !== 'L' && sexText !== 'P') {
    problems.push({
      column: 'sex',
      reason: `"${raw.sex ?? ''}" is not a sex; use L (laki-laki) or P (perempuan)`,
    });
  }
  const birthDate = checkDate(
    'birth_date',
    required(raw, 'birth_date', problems),
    context,
    problems,
  );
  const villageCode = checkVillage(
    'village_code',
    required(raw, 'village_code', problems),
    context,
    problems,
  );
  const familyCardNumber = optional(raw.family_card_number);
  if (familyCardNumber !== null && !/^[0-9]{16}$/.test(familyCardNumber)) {
    problems.push({
      column: 'family_card_number',
      reason: `"${familyCardNumber}" is not a family card number (16 digits)`,
    });
  }
  const motherName = optional(raw.mother_name);
  const deathDate = checkDate('death_date', optional(raw.death_date), context, problems);
  if (birthDate !== null && deathDate !== null && deathDate < birthDate) {
    problems.push({
      column: 'death_date',
      reason: `${deathDate} is before the birth date ${birthDate}`,
    });
  }
  if (
    problems.length > 0 ||
    nik === undefined ||
    name === null ||
    birthDate === null ||
    villageCode === null
  ) {
    return { ok: false, problems };
  }
  const sex = sexText === 'P' ? 'P' : 'L';
  // NIKs are not reissued when a birth date is corrected, so a mismatch is a warning, not an error.
  if (nik.sex !== sex) {
    warnings.push({
      column: 'sex',
      reason: `registered sex ${sex} differs from the NIK's encoding (${nik.sex})`,
    });
  }
  if (!nikMatchesBirthDate(nik, birthDate)) {
    warnings.push({
      column: 'birth_date',
      reason: `registered birth date ${birthDate} differs from the NIK's encoding`,
    });
  }
  return {
    ok: true,
    warnings,
    record: {
      nik: nik.nik,
      name,
      sex,
      birthDate,
      villageCode,
      familyCardNumber,
      motherName,
      deathDate,
    },
  };
}

/** Validates one immunisation record (that the NIK is registered is checked against the database). */
export function validateImmunization(
  raw: RawRecord,
  context: ValidationContext,
): Validated<ImmunizationRecord> {
  const problems: FieldProblem[] = [];
  const nik = checkNik(optional(raw.nik), context, problems);
  const vaccine = optional(raw.vaccine)?.toUpperCase() ?? null;
  if (vaccine === null)
    problems.push({
      column: 'vaccine',
      reason: 'is empty; give the vaccine code, e.g. COVID-19, MR, BCG',
    });
  else if (!VACCINE_PATTERN.test(vaccine)) {
    problems.push({
      column: 'vaccine',
      reason: `"${raw.vaccine ?? ''}" is not a vaccine code (letters, digits, - . / +; at most 40)`,
    });
  }
  const doseText = optional(raw.dose);
  const dose = doseText !== null && /^[0-9]{1,2}$/.test(doseText) ? Number(doseText) : NaN;
  if (!(dose >= 1))
    problems.push({
      column: 'dose',
      reason: `"${raw.dose ?? ''}" is not a dose number; use a whole number from 1 to 99`,
    });
  const date = checkDate('date', required(raw, 'date', problems), context, problems);
  const facilityVillageCode = checkVillage(
    'facility_village_code',
    optional(raw.facility_village_code),
    context,
    problems,
  );
  if (problems.length > 0 || nik === undefined || vaccine === null || date === null)
    return { ok: false, problems };
  return {
    ok: true,
    warnings: [],
    record: { nik: nik.nik, vaccine, dose, date, facilityVillageCode },
  };
}
