import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createTempFolder, type TempFolder } from '../../test/helpers/files.ts';
import { parseCsv } from '../platform/csv.ts';

let database: TestDatabase;
let folder: TempFolder;

beforeAll(async () => {
  database = await createTestDatabase();
  folder = await createTempFolder('padu-import-');
});
afterAll(async () => {
  await database?.drop();
  await folder?.remove();
});

function write(name: string, text: string): Promise<string> {
  return folder.write(name, text);
}

async function readRejects(
  file: string,
): Promise<{ line: string; column: string; reason: string; row: string }[]> {
  const records = [];
  for await (const { fields } of parseCsv([await fs.readFile(file, 'utf8')])) records.push(fields);
  expect(records[0]).toEqual(['line', 'column', 'reason', 'row']);
  return records
    .slice(1)
    .map(([line = '', column = '', reason = '', row = '']) => ({ line, column, reason, row }));
}

const PEOPLE = `nik,name,sex,birth_date,village_code,family_card_number,mother_name,death_date
3404135505150001,Siti Aminah,P,2015-05-15,34.04.13.2001,3404130101150001,Sri Lestari,
3404130101900002,Budi Santoso,L,1990-01-01,3404132001,,,
3404130101900003,"Santoso, Agus",L,1990-01-01,34.04.13.2002,,,2020-02-02
34041301019000,Pendek,L,1990-01-01,34.04.13.2001,,,
3404130101900004,Desa Hilang,L,1990-01-01,99.99.99.9999,,,
3404130101900005,Masa Depan,L,2999-01-01,34.04.13.2001,,,
3404130101900006,,L,1990-01-01,34.04.13.2001,,,
3404130101900007,Jenis Salah,X,1990-01-01,34.04.13.2001,,,
3404130101900008,Kolom Kurang,L,1990-01-01
3404130101900009,Kartu Salah,L,1990-01-01,34.04.13.2001,12345,,
3404130101900010,Mati Dulu,L,1990-01-01,34.04.13.2001,,,1989-12-31
3404130101900002,Budi Ganda,L,1990-01-01,34.04.13.2001,,,
3404130101900003,"Santoso, Agus",L,1990-01-01,34.04.13.2002,,,2020-02-02
3404130202900011,Tanggal Beda,P,1991-03-03,34.04.13.2001,,,
`;

describe('people import', () => {
  it('lands the valid rows, rejects each bad row with line, column and reason, and warns on NIK mismatches', async () => {
    const file = await write('people.csv', PEOPLE);
    const summary = await database.services.population.importPeople(file, {});
    expect(summary).toMatchObject({
      rows: 14,
      inserted: 4,
      updated: 0,
      unchanged: 1,
      rejected: 9,
      warnings: 1,
    });
    const rejects = await readRejects(summary.rejectsFile);
    expect(rejects.map((r) => [r.line, r.column])).toEqual([
      ['5', 'nik'],
      ['6', 'village_code'],
      ['7', 'birth_date'],
      ['8', 'name'],
      ['9', 'sex'],
      ['10', ''],
      ['11', 'family_card_number'],
      ['12', 'death_date'],
      ['13', 'nik'],
    ]);
    expect(rejects[0]?.reason).toMatch(/16 digits/);
    expect(rejects[8]?.reason).toMatch(/line 3/);
    expect(rejects[5]?.row).toBe('3404130101900008,Kolom Kurang,L,1990-01-01');
    const warnings = await readRejects(summary.warningsFile ?? '');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ line: '15', column: 'sex;birth_date' });

    const budi = await database.handle.db
      .selectFrom('people')
      .selectAll()
      .where('nik', '=', '3404130101900002')
      .executeTakeFirstOrThrow();
    expect(budi).toMatchObject({
      name: 'Budi Santoso',
      village_code: '34.04.13.2001',
      birth_date: '1990-01-01',
      death_date: null,
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = await write('people.csv', PEOPLE);
    const summary = await database.services.population.importPeople(file, {});
    expect(summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 5, rejected: 9 });
  });

  it('stops before writing anything when a required column is missing or unknown', async () => {
    const before = await database.handle.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const missing = await write(
      'missing.csv',
      'nik,name,sex,birth_date\n3404130101900099,X,L,1990-01-01\n',
    );
    await expect(database.services.population.importPeople(missing, {})).rejects.toThrow(
      /village_code/,
    );
    const unknown = await write(
      'unknown.csv',
      'nik,name,sex,birth_date,village_code,deathdate\n3404130101900099,X,L,1990-01-01,34.04.13.2001,\n',
    );
    await expect(database.services.population.importPeople(unknown, {})).rejects.toThrow(
      /Unknown column deathdate/,
    );
    const after = await database.handle.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('immunisation import', () => {
  it('rejects unregistered NIKs and doses before birth, and keeps the earliest of repeated reports', async () => {
    const file = await write(
      'immunizations.csv',
      `nik,vaccine,dose,date,facility_village_code
3404135505150001,covid-19,1,2021-12-20,34.04.13.2001
3404135505150001,COVID-19,1,2021-12-14,
3404135505150001,COVID-19,2,2022-01-20,
3404130303150009,COVID-19,1,2021-12-20,
3404135505150001,MR,1,2015-01-01,
3404135505150001,MR,0,2016-01-01,
3404135505150001,MR,1.5,2016-01-01,
3404135505150001,,1,2016-01-01,
3404135505150001,BCG,1,2015-05-20,99.99.99.9999
`,
    );
    const summary = await database.services.population.importImmunizations(file, {});
    expect(summary).toMatchObject({ rows: 9, inserted: 2, updated: 0, unchanged: 1, rejected: 6 });
    const rejects = await readRejects(summary.rejectsFile);
    expect(rejects.map((r) => [r.line, r.column])).toEqual([
      ['7', 'dose'],
      ['8', 'dose'],
      ['9', 'vaccine'],
      ['10', 'facility_village_code'],
      ['5', 'nik'],
      ['6', 'date'],
    ]);
    expect(rejects.find((r) => r.line === '5')?.reason).toMatch(/not in the person register/);
    const doses = await database.handle.db
      .selectFrom('immunizations')
      .select(['vaccine', 'dose', 'date', 'facility_village_code'])
      .where('nik', '=', '3404135505150001')
      .orderBy('vaccine')
      .orderBy('dose')
      .execute();
    expect(doses).toEqual([
      { vaccine: 'COVID-19', dose: 1, date: '2021-12-14', facility_village_code: null },
      { vaccine: 'COVID-19', dose: 2, date: '2022-01-20', facility_village_code: null },
    ]);

    const again = await database.services.population.importImmunizations(file, {});
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 6 });
  });
});
