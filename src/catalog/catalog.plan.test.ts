import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createTempFolder, type TempFolder } from '../../test/helpers/files.ts';
import { parseCsv } from '../platform/csv.ts';
import { readXlsxRecords, writeXlsx } from '../platform/xlsx.ts';

let database: TestDatabase;
let folder: TempFolder;

const HEADER = [
  'id',
  'name',
  'acronym',
  'description',
  'agency',
  'agency_level',
  'unit',
  'annual_cost',
];
const ROWS = [
  [
    'H1',
    'SIMPEG',
    'SIMPEG',
    'Data kepegawaian ASN',
    'Pemerintah Kabupaten Sleman',
    'kabupaten',
    'BKPSDM',
    100_000_000,
  ],
  [
    'H2',
    'e-Kepegawaian',
    '',
    'Kenaikan pangkat dan mutasi pegawai',
    'Pemkot Bandung',
    'kota',
    'BKPSDM',
    50_000_000,
  ],
  [
    'C1',
    'Sambat Online',
    '',
    'Kanal pengaduan masyarakat',
    'Pemkot Malang',
    'kota',
    'Diskominfo',
    20_000_000,
  ],
  [
    'T1',
    'Pariwisata Sleman',
    '',
    'Promosi destinasi wisata',
    'Pemkab Sleman',
    'kabupaten',
    'Dinas Pariwisata',
    10_000_000,
  ],
];

beforeAll(async () => {
  database = await createTestDatabase();
  folder = await createTempFolder('padu-plan-');
  // The inventory arrives as XLSX: the import reads its first worksheet like a CSV file.
  const file = path.join(folder.path, 'inventory.xlsx');
  await writeXlsx(file, 'Aplikasi', HEADER, ROWS);
  const summary = await database.services.catalog.importCsv(file);
  expect(summary).toMatchObject({ rows: 4, inserted: 4, rejected: 0 });
  await database.services.catalog.cluster('test');
});
afterAll(async () => {
  await database?.drop();
  await folder?.remove();
});

async function idOf(sourceId: string): Promise<number> {
  const { rows } = await database.handle.pool.query<{ id: string }>(
    'select id from applications where source_id = $1',
    [sourceId],
  );
  return Number(rows[0]?.id);
}

describe('rationalisation plan', () => {
  it('drafts migrations to the clusters’ shared applications and counts progress', async () => {
    const catalog = database.services.catalog;
    expect(await catalog.draftPlan('2027-12-31', 'test')).toBe(4);
    expect(await catalog.draftPlan('2027-12-31', 'test')).toBe(0);
    const [national] = await catalog.planProgress('national');
    expect(national).toMatchObject({
      key: 'ID',
      applications: 4,
      remaining: 4,
      migrated: 0,
      retired: 0,
      planned: { tolerate: 1, invest: 0, migrate: 3, eliminate: 0 },
      unplanned: 0,
      // H1 and H2 -> SIASN, C1 -> SP4N-LAPOR!, T1 kept: 4 applications become 3
      targetApplications: 3,
      annualCost: 180_000_000,
      costSaved: 0,
      costSavedWhenDone: 170_000_000,
    });
  });

  it('retires a completed migration and counts the cost saved, per agency and function', async () => {
    const catalog = database.services.catalog;
    const h1 = await idOf('H1');
    await catalog.setPlan(
      {
        applicationId: h1,
        decision: 'migrate',
        targetSharedApplication: 'siasn',
        deadline: '2027-06-30',
        completedOn: '2026-11-01',
        note: null,
      },
      'admin',
      null,
    );
    expect((await catalog.getApplication(h1)).status).toBe('retired');
    const [national] = await catalog.planProgress('national');
    expect(national).toMatchObject({ remaining: 3, migrated: 1, costSaved: 100_000_000 });
    const byFunction = await catalog.planProgress('function');
    expect(byFunction.find((r) => r.key === 'hr-personnel')).toMatchObject({
      applications: 2,
      migrated: 1,
      targetApplications: 1,
    });
    const byAgency = await catalog.planProgress('agency');
    expect(byAgency.find((r) => r.key === '34.04')).toMatchObject({ applications: 2, migrated: 1 });
  });

  it('refuses entries it cannot keep, and operators outside their agency', async () => {
    const catalog = database.services.catalog;
    const c1 = await idOf('C1');
    const entry = {
      applicationId: c1,
      decision: 'migrate' as const,
      targetSharedApplication: null,
      deadline: null,
      completedOn: null,
      note: null,
    };
    await expect(catalog.setPlan(entry, 'admin', null)).rejects.toThrow(
      /needs the shared application/,
    );
    await expect(
      catalog.setPlan({ ...entry, targetSharedApplication: 'no-such-app' }, 'admin', null),
    ).rejects.toThrow(/not a shared application/);
    await expect(
      catalog.setPlan({ ...entry, decision: 'tolerate', completedOn: '2026-01-01' }, 'admin', null),
    ).rejects.toThrow(/has no completedOn/);
    await expect(
      catalog.setPlan({ ...entry, targetSharedApplication: 'sp4n-lapor' }, 'op', '34.04'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      catalog.setPlan({ ...entry, applicationId: 999_999, decision: 'tolerate' }, 'admin', null),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('exports the plan as CSV and XLSX', async () => {
    const csv = path.join(folder.path, 'plan.csv');
    const xlsx = path.join(folder.path, 'plan.xlsx');
    expect(await database.services.catalog.exportPlan(csv)).toBe(4);
    expect(await database.services.catalog.exportPlan(xlsx)).toBe(4);
    const csvRecords = [];
    for await (const { fields } of parseCsv([await fs.readFile(csv, 'utf8')]))
      csvRecords.push(fields);
    const xlsxRecords = [];
    for await (const { fields } of readXlsxRecords(xlsx)) xlsxRecords.push(fields);
    expect(csvRecords[0]?.slice(0, 3)).toEqual(['external_id', 'name', 'agency_code']);
    expect(xlsxRecords).toEqual(csvRecords);
    const h1 = csvRecords.find((r) => r[0] === 'H1');
    expect(h1?.slice(6, 11)).toEqual(['retired', 'migrate', 'siasn', '2027-06-30', '2026-11-01']);
  });
});
