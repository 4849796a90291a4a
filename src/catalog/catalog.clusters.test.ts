import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createTempFolder, type TempFolder } from '../../test/helpers/files.ts';
import { parseCsv } from '../platform/csv.ts';
import { AppError } from '../platform/http/errors.ts';

let database: TestDatabase;
let folder: TempFolder;

const INVENTORY = `id,name,acronym,description,agency,agency_level,unit
H1,SIMPEG,SIMPEG,Data kepegawaian dan riwayat jabatan ASN,Pemerintah Kabupaten Sleman,kabupaten,BKPSDM
H2,e-Kepegawaian,,Layanan kenaikan pangkat dan mutasi pegawai,Pemkot Bandung,kota,BKPSDM
H3,Aplikasi Data Pegawai,,,Pemkab Banyumas,kabupaten,BKD
C1,Sambat Online,,Kanal pengaduan masyarakat,Pemkot Malang,kota,Diskominfo
C2,Lapor Bupati,,Pengaduan dan aspirasi warga,Pemkab Sleman,kabupaten,
P1,SIMPUS,SIMPUS,Pendaftaran pasien dan rekam medis puskesmas,Pemkab Banyumas,kabupaten,Dinas Kesehatan
L1,SIMPUS,SIMPUS,Katalog koleksi dan peminjaman buku perpustakaan daerah,Pemkab Bantul,kabupaten,Dinas Perpustakaan dan Kearsipan
X1,Gandeng Gendong,,Layanan warga Gandeng Gendong,Pemkot Yogyakarta,kota,
`;

beforeAll(async () => {
  database = await createTestDatabase();
  folder = await createTempFolder('padu-clusters-');
  const file = await folder.write('inventory.csv', INVENTORY);
  const summary = await database.services.catalog.importCsv(file);
  expect(summary.inserted).toBe(8);
});
afterAll(async () => {
  await database?.drop();
  await folder?.remove();
});

async function readCsv(file: string): Promise<string[][]> {
  const records = [];
  for await (const { fields } of parseCsv([await fs.readFile(file, 'utf8')])) records.push(fields);
  return records;
}

async function applicationId(sourceId: string): Promise<number> {
  const { rows } = await database.handle.pool.query<{ id: string }>(
    'select id from applications where source_id = $1',
    [sourceId],
  );
  return Number(rows[0]?.id);
}

async function exported(): Promise<Map<string, string[]>> {
  const file = path.join(folder.path, `clusters-${Date.now()}.csv`);
  await database.services.catalog.exportClusters(file);
  const [header, ...rows] = await readCsv(file);
  expect(header).toEqual([
    'external_id',
    'cluster_id',
    'function',
    'shared_application',
    'confidence',
  ]);
  return new Map(rows.map((r) => [r[0] ?? '', r]));
}

describe('catalog clusters', () => {
  it('exports every application, clustering first when nothing is clustered yet', async () => {
    const rows = await exported();
    expect(rows.size).toBe(8);
    expect(rows.get('H1')?.slice(1, 4)).toEqual(['hr-personnel', 'hr-personnel', 'siasn']);
    expect(rows.get('H3')?.[1]).toBe('hr-personnel');
    expect(rows.get('C1')?.slice(1, 4)).toEqual(['complaints', 'complaints', 'sp4n-lapor']);
    expect(rows.get('P1')?.[2]).toBe('primary-health-care');
    expect(rows.get('L1')?.[2]).toBe('libraries');
    const confidence = Number(rows.get('H1')?.[4]);
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThanOrEqual(1);
  });

  it('summarises clusters, largest first, and records the run', async () => {
    const report = await database.services.catalog.cluster('test');
    expect(report).toMatchObject({ applications: 8, decided: 0, triggeredBy: 'test' });
    expect(report.byFunction + report.bySimilarity).toBe(8);
    const clusters = await database.services.catalog.listClusters();
    expect(clusters[0]).toMatchObject({ clusterId: 'hr-personnel', applications: 3, agencies: 3 });
    expect(clusters.reduce((s, c) => s + c.applications, 0)).toBe(8);
    const runs = await database.handle.pool.query('select * from clustering_runs');
    expect(runs.rowCount).toBeGreaterThanOrEqual(2);
  });

  it("keeps an official's move, audits it, and a reset hands the application back", async () => {
    const x1 = await applicationId('X1');
    const report = await database.services.catalog.decide(
      { applicationIds: [x1], kind: 'move', functionCode: 'complaints', note: 'kanal aduan' },
      'admin',
    );
    expect(report.decided).toBe(1);
    expect((await exported()).get('X1')?.slice(1, 5)).toEqual([
      'complaints',
      'complaints',
      'sp4n-lapor',
      '1.000',
    ]);
    const audit = await database.handle.pool.query(
      "select actor from audit_log where action = 'catalog.decision.move'",
    );
    expect(audit.rows).toEqual([{ actor: 'admin' }]);

    await database.services.catalog.decide({ applicationIds: [x1], kind: 'reset' }, 'admin');
    expect((await exported()).get('X1')?.[4]).not.toBe('1.000');
  });

  it('splits applications into a cluster of their own', async () => {
    const h3 = await applicationId('H3');
    await database.services.catalog.decide({ applicationIds: [h3], kind: 'split' }, 'admin');
    const rows = await exported();
    expect(rows.get('H3')?.[1]).toMatch(/^split-/);
    expect(rows.get('H1')?.[1]).toBe('hr-personnel');
  });

  it('refuses decisions it cannot apply, recording nothing', async () => {
    const h1 = await applicationId('H1');
    const before = await database.handle.pool.query(
      'select count(*)::int as n from catalog_decisions',
    );
    await expect(
      database.services.catalog.decide({ applicationIds: [h1], kind: 'confirm' }, 'admin'),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      database.services.catalog.decide(
        { applicationIds: [h1], kind: 'move', functionCode: 'no-such-function' },
        'admin',
      ),
    ).rejects.toThrow(/not a government function/);
    const error = await database.services.catalog
      .decide(
        { applicationIds: [h1, 999_999], kind: 'confirm', functionCode: 'hr-personnel' },
        'admin',
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NOT_FOUND');
    const after = await database.handle.pool.query(
      'select count(*)::int as n from catalog_decisions',
    );
    expect(after.rows).toEqual(before.rows);
  });
});
