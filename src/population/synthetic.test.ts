import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { toCsvLine } from '../platform/csv.ts';
import { regionDataDir } from '../regions/regions.import.ts';
import { CENSUS_2020_PROVINCE_POPULATION, CENSUS_2020_TOTAL } from './census.data.ts';
import { formatNik } from './nik.ts';
import {
  validateImmunization,
  validatePerson,
  type ValidationContext,
} from './population.records.ts';
import {
  generateRegister,
  IMMUNIZATIONS_CSV_HEADER,
  immunizationCsvLine,
  PEOPLE_CSV_HEADER,
  personCsvLine,
  SYNTHETIC_VACCINES,
  writeRegisterCsv,
  type RegisterOptions,
  type SyntheticImmunization,
  type SyntheticPerson,
} from './synthetic.ts';

const TODAY = '2025-06-30';
const NATIONAL_COUNT = 200_000;
let villages: string[] = [];
let context: ValidationContext;
let people: SyntheticPerson[] = [];
let dosesByNik = new Map<string, SyntheticImmunization[]>();

/** The codes in the first column of one of idn-area-data's CSV files. */
async function referenceCodes(file: string): Promise<string[]> {
  const text = await fs.readFile(path.join(regionDataDir(), file), 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(0, line.indexOf(',')));
}

function generate(options: Partial<RegisterOptions> & { count: number }) {
  const persons: SyntheticPerson[] = [];
  const doses: SyntheticImmunization[] = [];
  for (const row of generateRegister({ seed: 1, villages, today: TODAY, ...options })) {
    persons.push(row.person);
    doses.push(...row.immunizations);
  }
  return { persons, doses };
}

function ageInYears(birthDate: string, on: string = TODAY): number {
  return (Date.parse(on) - Date.parse(birthDate)) / 86_400_000 / 365.2425;
}

function share(count: number, of: number): number {
  return of === 0 ? 0 : count / of;
}

/** Each person's doses: the earliest report of each (vaccine, dose), as the register keeps it. */
function earliestDoses(doses: readonly SyntheticImmunization[]): Map<string, string> {
  const earliest = new Map<string, string>();
  for (const dose of doses) {
    const key = `${dose.vaccine}#${dose.dose}`;
    const known = earliest.get(key);
    if (known === undefined || dose.date < known) earliest.set(key, dose.date);
  }
  return earliest;
}

function problemsOf(
  persons: readonly SyntheticPerson[],
  doses: readonly SyntheticImmunization[],
  validation: ValidationContext,
): string[] {
  const problems: string[] = [];
  const byNik = new Map(persons.map((p) => [p.nik, p]));
  for (const p of persons) {
    const result = validatePerson(
      {
        nik: p.nik,
        name: p.name,
        sex: p.sex,
        birth_date: p.birthDate,
        village_code: p.villageCode,
        family_card_number: p.familyCardNumber ?? '',
        mother_name: p.motherName ?? '',
        death_date: p.deathDate ?? '',
      },
      validation,
    );
    const nikAgain = formatNik({
      districtCode: p.nik.slice(0, 6),
      sex: p.sex,
      birthDate: p.birthDate,
      serial: Number(p.nik.slice(12)),
    });
    if (!result.ok || result.warnings.length > 0 || nikAgain !== p.nik) {
      problems.push(JSON.stringify({ p, result, nikAgain }));
    }
  }
  for (const dose of doses) {
    const result = validateImmunization(
      {
        nik: dose.nik,
        vaccine: dose.vaccine,
        dose: String(dose.dose),
        date: dose.date,
        facility_village_code: dose.facilityVillageCode ?? '',
      },
      validation,
    );
    const person = byNik.get(dose.nik);
    // The importer rejects a dose before birth; one after death would be a synthetic-data bug.
    if (
      !result.ok ||
      person === undefined ||
      dose.date < person.birthDate ||
      (person.deathDate !== null && dose.date > person.deathDate)
    ) {
      problems.push(JSON.stringify({ dose, person, result }));
    }
  }
  return problems;
}

beforeAll(async () => {
  villages = await referenceCodes('villages.csv');
  context = {
    provinceCodes: new Set(await referenceCodes('provinces.csv')),
    villageCodes: new Set(villages),
    today: TODAY,
  };
  const national = generate({ count: NATIONAL_COUNT });
  people = national.persons;
  dosesByNik = new Map();
  for (const dose of national.doses) {
    const list = dosesByNik.get(dose.nik);
    if (list === undefined) dosesByNik.set(dose.nik, [dose]);
    else list.push(dose);
  }
}, 60_000);

describe('generateRegister', () => {
  it('is the same for the same seed, differs for another, and a larger register extends a smaller one', () => {
    const first = generate({ count: 2000, seed: 5 });
    expect(generate({ count: 2000, seed: 5 })).toEqual(first);
    const other = generate({ count: 2000, seed: 6 });
    const otherNiks = new Set(other.persons.map((p) => p.nik));
    expect(first.persons.filter((p) => otherNiks.has(p.nik)).length).toBeLessThan(20);
    const smaller = generate({ count: 500, seed: 5 });
    expect(smaller.persons).toEqual(first.persons.slice(0, 500));
    // The order of the villages given does not matter.
    expect(generate({ count: 2000, seed: 5, villages: [...villages].reverse() })).toEqual(first);
  });

  it('emits only the vaccines asked for, leaving people and the other vaccines unchanged', () => {
    const all = generate({ count: 3000 });
    const some = generate({ count: 3000, vaccines: ['mr', 'COVID-19'] });
    expect(some.persons).toEqual(all.persons);
    expect(new Set(some.doses.map((d) => d.vaccine))).toEqual(new Set(['MR', 'COVID-19']));
    expect(some.doses).toEqual(
      all.doses.filter((d) => d.vaccine === 'MR' || d.vaccine === 'COVID-19'),
    );
    expect(generate({ count: 100, vaccines: [] }).doses).toEqual([]);
    expect(() => generate({ count: 1, vaccines: ['HPV'] })).toThrow(/no vaccine "HPV"/);
  });

  it('emits only rows the importer accepts: valid, NIKs matching sex and birth date, doses between birth and death', () => {
    const sample = people.slice(0, 40_000);
    const doses = sample.flatMap((p) => dosesByNik.get(p.nik) ?? []);
    expect(doses.length).toBeGreaterThan(100_000);
    expect(problemsOf(sample, doses, context).slice(0, 5)).toEqual([]);
  });

  it('emits valid rows for any seed, date of today, few villages and choice of vaccines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        fc.uniqueArray(fc.integer({ min: 0, max: 83_000 }), { minLength: 1, maxLength: 12 }),
        fc.subarray([...SYNTHETIC_VACCINES]),
        (seed, day, picks, vaccines) => {
          const today = day.toISOString().slice(0, 10);
          const chosen = picks.map((i) => villages[i] ?? '11.01.01.2001');
          const { persons, doses } = generate({
            count: 400,
            seed,
            today,
            villages: chosen,
            vaccines,
          });
          expect(new Set(persons.map((p) => p.nik)).size).toBe(400);
          expect(problemsOf(persons, doses, { ...context, today }).slice(0, 3)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives every person a unique NIK, also when many share one district', () => {
    expect(new Set(people.map((p) => p.nik)).size).toBe(NATIONAL_COUNT);
    const crowded = generate({ count: 50_000, villages: ['34.04.13.2001'], vaccines: [] });
    expect(new Set(crowded.persons.map((p) => p.nik)).size).toBe(50_000);
  });

  it('spreads people over the 38 provinces in their SP2020 proportions, cities and kelurahan denser', async () => {
    expect([...CENSUS_2020_PROVINCE_POPULATION.keys()].sort()).toEqual(
      (await referenceCodes('provinces.csv')).sort(),
    );
    expect([...CENSUS_2020_PROVINCE_POPULATION.values()].reduce((a, b) => a + b, 0)).toBe(
      CENSUS_2020_TOTAL,
    );
    const byProvince = new Map<string, number>();
    for (const p of people) {
      const code = p.villageCode.slice(0, 2);
      byProvince.set(code, (byProvince.get(code) ?? 0) + 1);
    }
    for (const [code, population] of CENSUS_2020_PROVINCE_POPULATION) {
      const expected = population / CENSUS_2020_TOTAL;
      const sigma = Math.sqrt((expected * (1 - expected)) / NATIONAL_COUNT);
      const observed = share(byProvince.get(code) ?? 0, NATIONAL_COUNT);
      expect(Math.abs(observed - expected), `province ${code}`).toBeLessThan(5 * sigma);
    }
    // People per village: urban kelurahan (1xxx) against rural desa (2xxx).
    const isUrban = (code: string) => code[9] === '1';
    const urbanVillages = villages.filter(isUrban).length;
    const urbanPeople = people.filter((p) => isUrban(p.villageCode)).length;
    const urbanDensity = share(urbanPeople, urbanVillages);
    const ruralDensity = share(NATIONAL_COUNT - urbanPeople, villages.length - urbanVillages);
    expect(urbanDensity).toBeGreaterThan(1.5 * ruralDensity);
  });

  it('has about half women and an age pyramid like SP2020, with births up to today', () => {
    const women = people.filter((p) => p.sex === 'P').length;
    expect(share(women, NATIONAL_COUNT)).toBeGreaterThan(0.48);
    expect(share(women, NATIONAL_COUNT)).toBeLessThan(0.51);
    const ages = people.map((p) => ageInYears(p.birthDate));
    expect(share(ages.filter((a) => a < 15).length, NATIONAL_COUNT)).toBeCloseTo(0.233, 1);
    expect(share(ages.filter((a) => a >= 15 && a < 65).length, NATIONAL_COUNT)).toBeCloseTo(
      0.707,
      1,
    );
    expect(share(ages.filter((a) => a >= 65).length, NATIONAL_COUNT)).toBeGreaterThan(0.05);
    expect(share(ages.filter((a) => a >= 65).length, NATIONAL_COUNT)).toBeLessThan(0.07);
    expect(people.every((p) => p.birthDate <= TODAY)).toBe(true);
    expect(people.filter((p) => p.birthDate >= '2025-06-01').length).toBeGreaterThan(100);
  });

  it('issues about one NIK in ten in another district, mostly of the same province', () => {
    const elsewhere = people.filter(
      (p) => p.nik.slice(0, 6) !== p.villageCode.slice(0, 8).replace(/\./g, ''),
    );
    expect(share(elsewhere.length, NATIONAL_COUNT)).toBeGreaterThan(0.07);
    expect(share(elsewhere.length, NATIONAL_COUNT)).toBeLessThan(0.13);
    const sameProvince = elsewhere.filter((p) => p.nik.slice(0, 2) === p.villageCode.slice(0, 2));
    expect(share(sameProvince.length, elsewhere.length)).toBeGreaterThan(0.6);
  });

  it('records 1–3% deaths between birth and today, a few of them children', () => {
    const dead = people.filter((p) => p.deathDate !== null);
    expect(share(dead.length, NATIONAL_COUNT)).toBeGreaterThan(0.01);
    expect(share(dead.length, NATIONAL_COUNT)).toBeLessThan(0.03);
    const children = dead.filter((p) => ageInYears(p.birthDate, p.deathDate ?? TODAY) < 15);
    expect(children.length).toBeGreaterThan(50);
    expect(share(children.length, dead.length)).toBeLessThan(0.3);
  });

  it('gives childhood vaccines at their ages and COVID-19 to ages 6+ in 2021–2023', () => {
    const offSchedule: string[] = [];
    let covidPeople = 0;
    const sample = people.slice(0, 50_000);
    for (const p of sample) {
      const doses = earliestDoses(dosesByNik.get(p.nik) ?? []);
      const ageAt = (key: string) => {
        const date = doses.get(key);
        return date === undefined ? undefined : ageInYears(p.birthDate, date);
      };
      const daysBetween = (from: string, to: string) =>
        (Date.parse(doses.get(to) ?? '') - Date.parse(doses.get(from) ?? '')) / 86_400_000;
      const covid = doses.get('COVID-19#1');
      if (covid !== undefined) covidPeople++;
      const checks: [string, boolean][] = [
        ['BCG in the first weeks', (ageAt('BCG#1') ?? 0) < 0.15],
        ['MR from 9 months', (ageAt('MR#1') ?? 1) > 0.73],
        [
          'POLIO doses a month apart',
          !doses.has('POLIO#2') || daysBetween('POLIO#1', 'POLIO#2') >= 14,
        ],
        ['COVID-19 from age 6', (ageAt('COVID-19#1') ?? 6) >= 6],
        [
          'COVID-19 in 2021–2023',
          covid === undefined || (covid >= '2021-01-13' && covid <= '2023-06-30'),
        ],
        [
          'COVID-19 dose 2 three weeks on',
          !doses.has('COVID-19#2') || daysBetween('COVID-19#1', 'COVID-19#2') >= 21,
        ],
      ];
      for (const [rule, holds] of checks) if (!holds) offSchedule.push(`${rule}: ${p.nik}`);
    }
    expect(offSchedule.slice(0, 5)).toEqual([]);
    expect(share(covidPeople, sample.length)).toBeGreaterThan(0.6);
  });

  it('covers provinces and regencies differently', () => {
    const adults = new Map<string, [number, number]>();
    for (const p of people) {
      if (p.deathDate !== null || ageInYears(p.birthDate) < 18) continue;
      const vaccinated = (dosesByNik.get(p.nik) ?? []).some(
        (d) => d.vaccine === 'COVID-19' && d.dose === 1,
      );
      for (const region of [p.villageCode.slice(0, 2), p.villageCode.slice(0, 5)]) {
        const counts = adults.get(region) ?? [0, 0];
        counts[0]++;
        if (vaccinated) counts[1]++;
        adults.set(region, counts);
      }
    }
    const coverage = (region: string) =>
      share(adults.get(region)?.[1] ?? 0, adults.get(region)?.[0] ?? 0);
    expect(coverage('31')).toBeGreaterThan(0.9); // DKI Jakarta
    expect(coverage('95')).toBeLessThan(0.6); // Papua Pegunungan
    expect(coverage('33') - coverage('11')).toBeGreaterThan(0.15); // Jawa Tengah, Aceh
    const westJavaRegencies = [...adults]
      .filter(([code, [n]]) => code.length === 5 && code.startsWith('32') && n > 400)
      .map(([code]) => coverage(code));
    expect(Math.max(...westJavaRegencies) - Math.min(...westJavaRegencies)).toBeGreaterThan(0.08);
  });

  it('reports 2–5% of doses twice, some with a later date', () => {
    let doses = 0;
    let repeats = 0;
    let later = 0;
    for (const list of dosesByNik.values()) {
      const first = new Map<string, string>();
      for (const dose of list) {
        doses++;
        const key = `${dose.vaccine}#${dose.dose}`;
        const known = first.get(key);
        if (known === undefined) first.set(key, dose.date);
        else {
          repeats++;
          if (dose.date > known) later++;
        }
      }
    }
    expect(share(repeats, doses)).toBeGreaterThan(0.02);
    expect(share(repeats, doses)).toBeLessThan(0.05);
    expect(share(later, repeats)).toBeGreaterThan(0.2);
  });
});

describe('personCsvLine and immunizationCsvLine', () => {
  it('write what toCsvLine writes, quoting where a field needs it', () => {
    const text = fc.oneof(
      fc.constantFrom('', ' ', 'a,b', 'say "hi"', ' lead', 'trail '),
      fc.string(),
    );
    fc.assert(
      fc.property(
        text,
        text,
        text,
        fc.integer({ min: 1, max: 99 }),
        (name, mother, village, dose) => {
          const person: SyntheticPerson = {
            nik: '3404135208150001',
            name,
            sex: 'P',
            birthDate: '2015-08-12',
            villageCode: village,
            familyCardNumber: null,
            motherName: mother,
            deathDate: null,
          };
          expect(personCsvLine(person)).toBe(
            toCsvLine([person.nik, name, 'P', '2015-08-12', village, '', mother, '']),
          );
          const immunization = {
            nik: name,
            vaccine: 'MR',
            dose,
            date: mother,
            facilityVillageCode: village,
          };
          expect(immunizationCsvLine(immunization)).toBe(
            toCsvLine([name, 'MR', dose, mother, village]),
          );
        },
      ),
    );
  });
});

describe('writeRegisterCsv', () => {
  it('writes the generated register as the two CSV files the importers read', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-synthetic-'));
    try {
      const options = { count: 3000, seed: 9, villages: villages.slice(0, 5000), today: TODAY };
      const progress: number[] = [];
      const written = await writeRegisterCsv({
        ...options,
        peopleFile: path.join(dir, 'people.csv'),
        immunizationsFile: path.join(dir, 'immunizations.csv'),
        onProgress: (done, total) => {
          expect(total).toBe(3000);
          progress.push(done);
        },
      });
      expect(progress.length).toBeGreaterThan(2);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(3000);
      const expected = generate(options);
      expect(written).toEqual({ people: 3000, immunizations: expected.doses.length });
      expect(await fs.readFile(path.join(dir, 'people.csv'), 'utf8')).toBe(
        PEOPLE_CSV_HEADER + expected.persons.map(personCsvLine).join(''),
      );
      expect(await fs.readFile(path.join(dir, 'immunizations.csv'), 'utf8')).toBe(
        IMMUNIZATIONS_CSV_HEADER + expected.doses.map(immunizationCsvLine).join(''),
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
