import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { countDirectly, countsByRegion } from './population.repository.ts';
import {
  generateRegister,
  IMMUNIZATIONS_CSV_HEADER,
  immunizationCsvLine,
  PEOPLE_CSV_HEADER,
  personCsvLine,
  randomGenerator,
  type SyntheticImmunization,
  type SyntheticPerson,
} from './synthetic.ts';

const TODAY = '2025-06-30';
let database: TestDatabase;
let dir: string;
let people: SyntheticPerson[] = [];

function peopleCsv(rows: SyntheticPerson[]): string {
  return PEOPLE_CSV_HEADER + rows.map(personCsvLine).join('');
}

function immunizationsCsv(rows: SyntheticImmunization[]): string {
  return IMMUNIZATIONS_CSV_HEADER + rows.map(immunizationCsvLine).join('');
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-population-'));
  const { regions, population } = database.services;
  const villages: string[] = [];
  for (const district of ['34.04.13', '32.04.11', '11.01.01', '91.05.01']) {
    villages.push(
      ...(await regions.listChildren(district, { limit: 1000, offset: 0 })).items.map(
        (v) => v.code,
      ),
    );
  }
  // 3,000 people come first; 3,000 more arrive later, mixed with changes to registered people.
  const immunizations: SyntheticImmunization[] = [];
  const laterPeople: SyntheticPerson[] = [];
  const laterImmunizations: SyntheticImmunization[] = [];
  for (const { person, immunizations: doses } of generateRegister({
    count: 6000,
    seed: 7,
    villages,
    today: TODAY,
  })) {
    (people.length < 3000 ? immunizations : laterImmunizations).push(...doses);
    (people.length < 3000 ? people : laterPeople).push(person);
  }
  await fs.writeFile(path.join(dir, 'people.csv'), peopleCsv(people));
  await fs.writeFile(path.join(dir, 'immunizations.csv'), immunizationsCsv(immunizations));
  const first = await population.importPeople(path.join(dir, 'people.csv'), {});
  expect(first).toMatchObject({ inserted: 3000, rejected: 0 });
  const doses = await population.importImmunizations(path.join(dir, 'immunizations.csv'), {});
  expect(doses.rejected).toBe(0);

  // Then life goes on: people move, die, have their birth dates corrected, and doses are re-reported earlier.
  const random = randomGenerator(11);
  const changed = people.slice(0, 600).map((p, i): SyntheticPerson => {
    if (i % 3 === 0)
      return {
        ...p,
        villageCode: villages[Math.floor(random() * villages.length)] ?? p.villageCode,
      };
    if (i % 3 === 1) {
      const death = shiftDays(p.birthDate, Math.floor(random() * 4000));
      return { ...p, deathDate: p.deathDate ?? (death > TODAY ? TODAY : death) };
    }
    return {
      ...p,
      birthDate: shiftDays(p.birthDate, -Math.floor(random() * 400)),
      deathDate: null,
    };
  });
  people = [...changed, ...people.slice(600)];
  await fs.writeFile(path.join(dir, 'people-update.csv'), peopleCsv(changed));
  const update = await population.importPeople(path.join(dir, 'people-update.csv'), {});
  expect(update.inserted).toBe(0);
  expect(update.updated + update.unchanged).toBe(600);
  expect(update.updated).toBeGreaterThan(500);
  const earlier = immunizations.slice(0, 200).map((i) => ({ ...i, date: shiftDays(i.date, -3) }));
  const byBirth = new Map(people.map((p) => [p.nik, p.birthDate]));
  const valid = earlier.filter((i) => i.date >= (byBirth.get(i.nik) ?? ''));
  await fs.writeFile(path.join(dir, 'immunizations-earlier.csv'), immunizationsCsv(valid));
  const redo = await population.importImmunizations(
    path.join(dir, 'immunizations-earlier.csv'),
    {},
  );
  expect(redo.rejected).toBe(0);
  expect(redo.updated).toBeGreaterThan(0);

  // A file of mostly new people with moves among those registered: the importer's other path
  // (counts taken while streaming, old versions read back for the registered ones).
  const moved = people.slice(600, 900).map((p) => ({
    ...p,
    villageCode: villages[Math.floor(random() * villages.length)] ?? p.villageCode,
  }));
  const mixed = laterPeople.flatMap((p, i) => (i % 10 === 0 ? [p, moved[i / 10] ?? p] : [p]));
  await fs.writeFile(path.join(dir, 'people-mixed.csv'), peopleCsv(mixed));
  const arrivals = await population.importPeople(path.join(dir, 'people-mixed.csv'), {});
  expect(arrivals).toMatchObject({ inserted: 3000, rejected: 0 });
  expect(arrivals.updated).toBeGreaterThan(250);
  people = [...people.slice(0, 600), ...moved, ...people.slice(900), ...laterPeople];
  await fs.writeFile(
    path.join(dir, 'immunizations-later.csv'),
    immunizationsCsv(laterImmunizations),
  );
  const laterDoses = await population.importImmunizations(
    path.join(dir, 'immunizations-later.csv'),
    {},
  );
  expect(laterDoses.rejected).toBe(0);
}, 120_000);

afterAll(async () => {
  await database?.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('region statistics from the delta tables', () => {
  it('equal a direct count over the register for every region at every level, on many dates', async () => {
    // Dates around 12th birthdays, leap days, month and year ends, and the last import.
    const boundaries = people.slice(0, 12).flatMap((p) => {
      const twelfth = `${Number(p.birthDate.slice(0, 4)) + 12}${p.birthDate.slice(4)}`;
      return twelfth <= TODAY && !twelfth.endsWith('02-29')
        ? [shiftDays(twelfth, -1), twelfth, shiftDays(twelfth, 1)]
        : [];
    });
    const dates = [
      TODAY,
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2023-12-31',
      '2024-01-01',
      '2013-02-28',
      '2000-06-15',
      ...boundaries,
    ];
    let compared = 0;
    for (const asOf of dates) {
      for (const vaccine of ['COVID-19', 'MR']) {
        for (const level of [0, 1, 2, 3, 4] as const) {
          const direct = await countDirectly(database.handle.db, level, asOf, vaccine);
          const fast = await countsByRegion(
            database.handle.pool,
            [...direct.keys()],
            asOf,
            vaccine,
          );
          for (const [code, counts] of direct) {
            expect(fast.get(code), `${code} on ${asOf} (${vaccine})`).toEqual(counts);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('answers GET /api/v1/stats/children for Indonesia and drills down to villages', async () => {
    const { population } = database.services;
    const national = await population.childrenStats({ asOf: TODAY, vaccine: 'covid-19' });
    expect(national.region).toEqual({ code: '', name: 'Indonesia', level: 0 });
    expect(national.vaccine).toBe('COVID-19');
    expect(national.children).toHaveLength(38);
    expect(national.population).toBe(national.children.reduce((sum, c) => sum + c.population, 0));
    expect(national.childrenUnder12).toBeGreaterThan(0);
    const district = await population
      .childrenStats({ region: '3404130', asOf: TODAY })
      .catch(() => undefined);
    expect(district).toBeUndefined(); // not a region code: 7 digits
    const sleman = await population.childrenStats({ region: '340413', asOf: TODAY });
    expect(sleman.region).toEqual({ code: '34.04.13', name: 'Sleman', level: 3 });
    expect(sleman.children.every((c) => c.region.level === 4)).toBe(true);
    expect(sleman.childrenUnder12).toBe(
      sleman.children.reduce((sum, c) => sum + c.childrenUnder12, 0),
    );
    const village = await population.childrenStats({
      region: sleman.children[0]?.region.code ?? '',
      asOf: TODAY,
    });
    expect(village.children).toEqual([]);
  });
});
