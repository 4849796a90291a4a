import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { CsvSyntaxError } from '../platform/csv.ts';
import { IMMUNIZATIONS_IMPORT, importCsv, PEOPLE_IMPORT } from './population.import.ts';
import { writeRegisterCsv } from './synthetic.ts';

// The same files imported on the calling thread and by worker threads, cut into many small pieces,
// into two databases: everything must come out the same.
let single: TestDatabase;
let parallel: TestDatabase;
let dir: string;

beforeAll(async () => {
  [single, parallel] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-import-workers-'));
});
afterAll(async () => {
  await Promise.all([single?.drop(), parallel?.drop()]);
  await fs.rm(dir, { recursive: true, force: true });
});

// Bad rows, quoted fields with commas, quotes and line breaks, CRLF and a repeated NIK, appended to
// a synthetic register.
const EXTRA_PEOPLE = [
  '3404135505150001,"Siti ""Ami"" Aminah",P,2015-05-15,34.04.13.2001,,"Sri\nLestari",\r',
  '34041301019000,Pendek,L,1990-01-01,34.04.13.2001,,,',
  '3404130101900004,Desa Hilang,L,1990-01-01,99.99.99.9999,,,',
  '3404130101900005,"Koma, Dalam Nama",L,1990-01-01,3404132001,,,\r',
  '3404130101900006,Kolom Kurang,L,1990-01-01',
  '3404130101900005,"Koma, Dalam Nama",L,1990-01-01,34.04.13.2002,,,',
  '',
  '3404130202900011,Tanggal Beda,P,1991-03-03,34.04.13.2001,,,',
].join('\n');

async function importBoth(kind: typeof PEOPLE_IMPORT | typeof IMMUNIZATIONS_IMPORT, file: string) {
  const run = async (database: TestDatabase, workers: number) => {
    const context = await database.services.population.validationContext();
    const rejectsFile = `${file}.${workers}.rejects.csv`;
    const summary = await importCsv(database.handle.pool, kind as typeof PEOPLE_IMPORT, file, {
      context,
      rejectsFile,
      workers,
      pieceBytes: 4096,
    });
    return {
      summary: { ...summary, rejectsFile: '', warningsFile: '' },
      rejects: await fs.readFile(rejectsFile, 'utf8'),
    };
  };
  return { single: await run(single, 0), parallel: await run(parallel, 3) };
}

describe('importing with worker threads', () => {
  it('gives the same summary, rejects, register and statistics as importing on one thread', async () => {
    const villages = (await single.services.regions.codesAtLevel(4)).slice(0, 400);
    const peopleFile = path.join(dir, 'people.csv');
    const dosesFile = path.join(dir, 'immunizations.csv');
    await writeRegisterCsv({
      count: 3000,
      seed: 7,
      villages,
      today: '2025-06-30',
      vaccines: ['COVID-19', 'MR'],
      peopleFile,
      immunizationsFile: dosesFile,
    });
    await fs.appendFile(peopleFile, EXTRA_PEOPLE);
    await fs.appendFile(
      dosesFile,
      '3404135505150001,mr,1,2016-01-01,\n1111111111111111,MR,1,2016-01-01,\n',
    );

    const people = await importBoth(PEOPLE_IMPORT, peopleFile);
    expect(people.parallel).toEqual(people.single);
    expect(people.single.summary).toMatchObject({ rows: 3007, rejected: 4, inserted: 3003 });
    // Lines of the file (the quoted line break counts): the header, 3,000 people, then the extras.
    const lines = people.single.rejects.split('\n').map((l) => l.split(',')[0]);
    expect(lines.filter((l) => /^[0-9]+$/.test(l ?? ''))).toEqual(['3004', '3005', '3007', '3008']);
    const doses = await importBoth(IMMUNIZATIONS_IMPORT, dosesFile);
    expect(doses.parallel).toEqual(doses.single);
    expect(doses.single.summary.rejected).toBe(1);

    const register = async (database: TestDatabase) =>
      (
        await database.handle.pool.query<{ nik: string; mother_name: string | null }>(
          'select nik, name, village_code, mother_name from people order by nik',
        )
      ).rows;
    expect(await register(parallel)).toEqual(await register(single));
    for (const asOf of ['2020-01-01', '2025-06-30']) {
      const query = { region: villages[0]?.slice(0, 2), asOf, vaccine: 'MR' };
      expect(await parallel.services.population.childrenStats(query)).toEqual(
        await single.services.population.childrenStats(query),
      );
    }
  });

  it('reports a CSV syntax error in a later piece with its line, and writes nothing', async () => {
    const file = path.join(dir, 'broken.csv');
    const good = '3404130101900002,Budi Santoso,L,1990-01-01,34.04.13.2001,,,\n';
    await fs.writeFile(
      file,
      'nik,name,sex,birth_date,village_code,family_card_number,mother_name,death_date\n' +
        good.repeat(500) +
        '3404130101900003,Bro"ken,L,1990-01-01,34.04.13.2001,,,\n' +
        good.repeat(10),
    );
    const context = await parallel.services.population.validationContext();
    const before = await parallel.handle.pool.query('select count(*)::int as n from people');
    const error = await importCsv(parallel.handle.pool, PEOPLE_IMPORT, file, {
      context,
      workers: 2,
      pieceBytes: 2048,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(502);
    const after = await parallel.handle.pool.query('select count(*)::int as n from people');
    expect(after.rows).toEqual(before.rows);
  });
});
