import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createTempFolder, type TempFolder } from '../../test/helpers/files.ts';
import { parseCsv } from '../platform/csv.ts';

let database: TestDatabase;
let folder: TempFolder;

beforeAll(async () => {
  database = await createTestDatabase();
  folder = await createTempFolder('padu-catalog-');
});
afterAll(async () => {
  await database?.drop();
  await folder?.remove();
});

function write(name: string, text: string): Promise<string> {
  return folder.write(name, text);
}

async function rejectsOf(file: string): Promise<string[][]> {
  const records = [];
  for await (const { fields } of parseCsv([await fs.readFile(file, 'utf8')])) records.push(fields);
  return records.slice(1);
}

const INVENTORY = `id,name,acronym,description,agency,agency_level,status,annual_cost,source_system
A1,Sistem Informasi Manajemen Kepegawaian,SIMPEG,"Data pegawai, riwayat jabatan dan kenaikan pangkat ASN",Pemerintah Kabupaten Sleman - BKPSDM,kabupaten,aktif,150.000.000,x
A2,e-Office Sleman,,Naskah dinas elektronik,Pemkab Sleman,kabupaten,,,x
A3,Aplikasi Presensi,,Presensi pegawai,Dinas Kesehatan Kab. Sleman,kabupaten,pengembangan,Rp 25.000.000,x
K1,SATUSEHAT,,Platform data kesehatan,Kementerian Kesehatan - Pusat Data dan Teknologi Informasi,pusat,aktif,,x
B1,Aplikasi Pengaduan,,Pengaduan masyarakat,Pemerintah Kabupaten Slemann,kabupaten,aktif,,x
B2,Aplikasi Salah Level,,Level tidak cocok,Pemkot Bandung,kabupaten,aktif,,x
B3,Status Aneh,,,Pemkab Sleman,kabupaten,rusak,,x
B4,Biaya Aneh,,,Pemkab Sleman,kabupaten,aktif,seratus juta,x
A1,SIMPEG ganda,,,Pemerintah Kabupaten Sleman,kabupaten,aktif,,x
,Tanpa Id,,,Pemkab Sleman,kabupaten,aktif,,x
`;

describe('catalog import', () => {
  it('resolves agencies as written, keeps the unit, and rejects what it cannot use with reasons', async () => {
    const file = await write('inventory.csv', INVENTORY);
    const summary = await database.services.catalog.importCsv(file);
    expect(summary).toMatchObject({
      rows: 10,
      inserted: 4,
      updated: 0,
      unchanged: 0,
      rejected: 6,
      agenciesCreated: [],
      ignoredColumns: ['source_system'],
    });
    const rejects = await rejectsOf(summary.rejectsFile);
    expect(rejects.map((r) => [r[0], r[1]])).toEqual([
      ['6', 'agency'],
      ['7', 'agency_level'],
      ['8', 'status'],
      ['9', 'annual_cost'],
      ['10', 'id'],
      ['11', 'id'],
    ]);
    expect(rejects[0]?.[2]).toMatch(/Pemerintah Kabupaten Sleman/);
    expect(rejects[0]?.[2]).toMatch(/--create-missing-agencies/);
    expect(rejects[4]?.[2]).toMatch(/line 2/);
    const { rows } = await database.handle.pool.query<{
      source_id: string;
      agency_code: string;
      unit: string | null;
      status: string;
      annual_cost: number | null;
    }>(
      'select source_id, agency_code, unit, status, annual_cost from applications order by source_id',
    );
    expect(rows).toEqual([
      {
        source_id: 'A1',
        agency_code: '34.04',
        unit: 'BKPSDM',
        status: 'active',
        annual_cost: 150000000,
      },
      { source_id: 'A2', agency_code: '34.04', unit: null, status: 'active', annual_cost: null },
      {
        source_id: 'A3',
        agency_code: '34.04',
        unit: 'Dinas Kesehatan',
        status: 'development',
        annual_cost: 25000000,
      },
      {
        source_id: 'K1',
        agency_code: 'P.KEMENKES',
        unit: 'Pusat Data dan Teknologi Informasi',
        status: 'active',
        annual_cost: null,
      },
    ]);
  });

  it('changes nothing on a re-import, and only what differs on an edited one', async () => {
    const again = await database.services.catalog.importCsv(await write('again.csv', INVENTORY));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, rejected: 6 });
    const edited = INVENTORY.replace('Naskah dinas elektronik', 'Naskah dinas elektronik (TTE)');
    const changed = await database.services.catalog.importCsv(await write('edited.csv', edited));
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
  });

  it('adds the agencies it cannot resolve when asked to, once per name', async () => {
    const file = await write(
      'missing.csv',
      `id,name,acronym,description,agency,agency_level
C1,Aplikasi Desa,,,Badan Otorita Contoh,pusat
C2,Aplikasi Kedua,,,Badan Otorita Contoh,pusat
C3,Tanpa Level,,,Lembaga Tanpa Level,
C4,Sentuh Tanahku Medan,,,Kantor Pertanahan Kota Medan,pusat
C5,Salah Level,,,Pemko Medan,pusat
`,
    );
    const rejectsFile = `${folder.path}/missing.rejects.csv`;
    const summary = await database.services.catalog.importCsv(file, {
      createMissingAgencies: true,
      rejectsFile,
    });
    // A central office named after its city is a central agency Padu does not know; a city
    // government at pusat is an error in the file.
    expect(summary).toMatchObject({
      inserted: 3,
      rejected: 2,
      agenciesCreated: ['X.BADAN-OTORITA-CONTOH', 'X.KANTOR-PERTANAHAN-KOTA-MEDAN'],
    });
    const agency = await database.services.agencies.findAgency('X.BADAN-OTORITA-CONTOH');
    expect(agency).toMatchObject({ name: 'Badan Otorita Contoh', level: 'pusat' });
    const office = await database.services.agencies.findAgency('X.KANTOR-PERTANAHAN-KOTA-MEDAN');
    expect(office).toMatchObject({ level: 'pusat' });
    const rejects = await rejectsOf(rejectsFile);
    expect(rejects.map((r) => r[1])).toEqual(['agency_level', 'agency_level']);
    expect(rejects[1]?.[2]).toMatch(/Pemerintah Kota Medan \(kota\), but agency_level says pusat/);
  });

  it('reads levels and statuses as inventories write them', async () => {
    const file = await write(
      'wording.csv',
      `id,name,acronym,description,agency,agency_level,status
W1,SIMPEG,,,Pemkab Sleman,Kabupaten/Kota,Aktif digunakan
W2,SIAK,,,Kementerian Dalam Negeri,Pemerintah Pusat,Tidak digunakan
W3,e-Office,,,Pemprov Jawa Barat,Pemerintah Daerah,Uji coba
W4,Portal Kota,,,Pemkot Contohkarta,daerah,
W5,Salah,,,Kementerian Kesehatan,daerah,
W6,SIMPEG BRIN,,,Badan Riset dan Inovasi Nasional,LPNK,
W7,Sistem Informasi Desa,,,"Desa Sardonoharjo, Kabupaten Sleman",desa,
`,
    );
    const summary = await database.services.catalog.importCsv(file, {
      createMissingAgencies: true,
    });
    expect(summary).toMatchObject({ inserted: 6, rejected: 1 });
    expect((await rejectsOf(summary.rejectsFile))[0]?.[2]).toMatch(/central agency/);
    const { rows } = await database.handle.pool.query<{
      source_id: string;
      status: string;
      level: string;
    }>(
      `select a.source_id, a.status, g.level from applications a join agencies g on g.code = a.agency_code
       where a.source_id like 'W%' order by a.source_id`,
    );
    expect(rows).toEqual([
      { source_id: 'W1', status: 'active', level: 'kabupaten' },
      { source_id: 'W2', status: 'retired', level: 'pusat' },
      { source_id: 'W3', status: 'development', level: 'provinsi' },
      // Created from its name: "Pemkot" says a city.
      { source_id: 'W4', status: 'active', level: 'kota' },
      { source_id: 'W6', status: 'active', level: 'pusat' },
      // A village's application belongs to its regency.
      { source_id: 'W7', status: 'active', level: 'kabupaten' },
    ]);
  });

  it('reads the semicolon-separated CSV that spreadsheets in Indonesian write', async () => {
    const file = await write(
      'semicolon.csv',
      '\uFEFFid;name;acronym;description;agency;agency_level\r\n' +
        'S1;SiCantik Cloud;SiCantik;Cepat, akurat, nyaman;Pemkab Sleman;kabupaten\r\n' +
        'S2;"Aplikasi ""Lapor""; versi 2";;;Kementerian Kesehatan;pusat\r\n',
    );
    const summary = await database.services.catalog.importCsv(file);
    expect(summary).toMatchObject({ inserted: 2, rejected: 0, encoding: 'utf-8' });
    const { rows } = await database.handle.pool.query<{ source_id: string; name: string }>(
      `select source_id, name from applications where source_id like 'S_' order by source_id`,
    );
    expect(rows).toEqual([
      { source_id: 'S1', name: 'SiCantik Cloud' },
      { source_id: 'S2', name: 'Aplikasi "Lapor"; versi 2' },
    ]);
  });

  it('reads a CSV saved as Windows-1252 without replacing its accents and dashes', async () => {
    const header = 'id,name,acronym,description,agency,agency_level\r\n';
    const row =
      'E1,Sistem Informasi Caf\u00e9 \u2013 UMKM,,Pendataan \u201cUMKM\u201d,Pemkab Sleman,kabupaten\r\n';
    // In Windows-1252, é is 0xE9, the en dash 0x96 and the curly quotes 0x93 and 0x94.
    const bytes = Buffer.from(
      (header + row).replace('\u2013', '\x96').replace('\u201c', '\x93').replace('\u201d', '\x94'),
      'latin1',
    );
    const file = await write('windows-1252.csv', '');
    await fs.writeFile(file, bytes);
    const summary = await database.services.catalog.importCsv(file);
    expect(summary).toMatchObject({ inserted: 1, rejected: 0, encoding: 'windows-1252' });
    const { rows } = await database.handle.pool.query<{ name: string; description: string }>(
      `select name, description from applications where source_id = 'E1'`,
    );
    expect(rows).toEqual([
      { name: 'Sistem Informasi Caf\u00e9 \u2013 UMKM', description: 'Pendataan \u201cUMKM\u201d' },
    ]);
  });

  it('stops before writing anything when a required column is missing', async () => {
    const file = await write(
      'bad-header.csv',
      'id,name,description,agency,agency_level\nZ1,X,,Pemkab Sleman,kabupaten\n',
    );
    await expect(database.services.catalog.importCsv(file)).rejects.toThrow(/acronym/);
    const { rows } = await database.handle.pool.query(
      "select count(*)::int as n from applications where source_id = 'Z1'",
    );
    expect(rows[0]).toEqual({ n: 0 });
  });
});
