import { toCsvLine } from '../platform/csv.ts';
import { formatNik, type Sex } from './nik.ts';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same register everywhere. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticPerson {
  nik: string;
  name: string;
  sex: Sex;
  birthDate: string;
  villageCode: string;
  familyCardNumber: string | null;
  motherName: string | null;
  deathDate: string | null;
}

export interface SyntheticImmunization {
  nik: string;
  vaccine: string;
  dose: number;
  date: string;
  facilityVillageCode: string | null;
}

const GIVEN = [
  'Budi',
  'Siti',
  'Agus',
  'Dewi',
  'Eko',
  'Sri',
  'Rina',
  'Andi',
  'Putri',
  'Made',
  'Wayan',
  'Nur',
  'Ahmad',
  'Fitri',
  'Yohanes',
  'Maria',
];
const FAMILY = [
  'Santoso',
  'Wijaya',
  'Saputra',
  'Lestari',
  'Hidayat',
  'Kurniawan',
  'Pratama',
  'Siregar',
  'Nasution',
  'Sihombing',
  'Rahman',
  'Susanti',
];
const DAY_MS = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Generates a deterministic register: an age pyramid weighted to the young, about half women,
 * NIKs consistent with sex and birth date (issued mostly in the district of residence, sometimes
 * elsewhere), a few deaths, and immunisations whose coverage varies by village, with repeated
 * reports of the same dose. `villages` are dotted village codes; `today` bounds every date.
 */
export function* generateRegister(options: {
  count: number;
  seed: number;
  villages: readonly string[];
  today: string;
  vaccines?: readonly string[];
}): Generator<{ person: SyntheticPerson; immunizations: SyntheticImmunization[] }> {
  const random = randomGenerator(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const vaccines = options.vaccines ?? ['COVID-19', 'MR'];
  const todayMs = Date.parse(`${options.today}T00:00:00Z`);
  const serials = new Map<string, number>();
  // Coverage differs by village: a stable per-village rate from the village code.
  const coverageOf = (village: string) =>
    0.35 + 0.6 * ((Number(village.replace(/\D/g, '')) % 97) / 96);
  for (let i = 0; i < options.count; i++) {
    const villageCode = pick(options.villages);
    // Age: weighted towards the young (about a quarter under 15), up to ~95 years.
    const ageYears = Math.min(95, -Math.log(1 - random() * 0.98) * 28);
    let birthMs = todayMs - Math.floor(ageYears * 365.25 * DAY_MS);
    if (random() < 0.002)
      birthMs = Date.parse(`${2000 + 4 * Math.floor(random() * 6)}-02-29T00:00:00Z`); // leap-day births
    const birthDate = isoDate(Math.min(birthMs, todayMs));
    const sex: Sex = random() < 0.5 ? 'P' : 'L';
    const issuedIn = random() < 0.85 ? villageCode.slice(0, 8) : pick(options.villages).slice(0, 8);
    const serialKey = `${issuedIn}|${birthDate}|${sex}`;
    const serial = (serials.get(serialKey) ?? 0) + 1;
    serials.set(serialKey, serial);
    const nik = formatNik({ districtCode: issuedIn, sex, birthDate, serial });
    const deathDate =
      random() < 0.03
        ? isoDate(
            Date.parse(`${birthDate}T00:00:00Z`) +
              Math.floor(random() * (todayMs - Date.parse(`${birthDate}T00:00:00Z`) + DAY_MS)),
          )
        : null;
    const person: SyntheticPerson = {
      nik,
      name: `${pick(GIVEN)} ${pick(FAMILY)}`,
      sex,
      birthDate,
      villageCode,
      familyCardNumber:
        random() < 0.8
          ? nik.slice(0, 6) + String(Math.floor(random() * 1e10)).padStart(10, '0')
          : null,
      motherName: random() < 0.6 ? `${pick(GIVEN)} ${pick(FAMILY)}` : null,
      deathDate,
    };
    const immunizations: SyntheticImmunization[] = [];
    const birth = Date.parse(`${birthDate}T00:00:00Z`);
    for (const vaccine of vaccines) {
      if (random() > coverageOf(villageCode)) continue;
      const firstDose = birth + Math.floor(random() * (todayMs - birth + DAY_MS));
      immunizations.push({
        nik,
        vaccine,
        dose: 1,
        date: isoDate(firstDose),
        facilityVillageCode: random() < 0.5 ? villageCode : null,
      });
      if (random() < 0.7) {
        const secondDose = firstDose + Math.floor(random() * (todayMs - firstDose + DAY_MS));
        immunizations.push({
          nik,
          vaccine,
          dose: 2,
          date: isoDate(secondDose),
          facilityVillageCode: null,
        });
        // Another system reports the same dose again, sometimes with a later date.
        if (random() < 0.1) {
          immunizations.push({
            nik,
            vaccine,
            dose: 2,
            date: isoDate(Math.min(todayMs, secondDose + Math.floor(random() * 3) * DAY_MS)),
            facilityVillageCode: null,
          });
        }
      }
    }
    yield { person, immunizations };
  }
}

export const PEOPLE_CSV_HEADER =
  'nik,name,sex,birth_date,village_code,family_card_number,mother_name,death_date\n';
export const IMMUNIZATIONS_CSV_HEADER = 'nik,vaccine,dose,date,facility_village_code\n';

/** A person as a line of people.csv (the format `padu people import` reads). */
export function personCsvLine(p: SyntheticPerson): string {
  return toCsvLine([
    p.nik,
    p.name,
    p.sex,
    p.birthDate,
    p.villageCode,
    p.familyCardNumber ?? '',
    p.motherName ?? '',
    p.deathDate ?? '',
  ]);
}

/** An immunisation as a line of immunizations.csv. */
export function immunizationCsvLine(i: SyntheticImmunization): string {
  return toCsvLine([i.nik, i.vaccine, i.dose, i.date, i.facilityVillageCode ?? '']);
}
