import { describe, expect, it } from 'vitest';
import { isGenericWord, placeWords, rootOf, textTokens } from './catalog.text.ts';
import { pairwiseScores } from './cluster-quality.ts';
import {
  clusterApplications,
  type ClusterApplication,
  type ClusterDecision,
  type ClusterFunction,
  isInitialsOf,
} from './clustering.ts';
import { GOVERNMENT_FUNCTIONS } from './taxonomy.data.ts';

const FUNCTIONS: ClusterFunction[] = GOVERNMENT_FUNCTIONS.map((f) => ({
  code: f.code,
  name: f.name,
  sharedApplication: f.sharedApplication,
  keywords: f.keywords,
}));

let nextId = 1;
function app(
  name: string,
  description: string | null,
  unit: string | null = null,
  agencyName = 'Kabupaten Sleman',
  acronym: string | null = null,
): ClusterApplication {
  return {
    id: nextId++,
    name,
    acronym,
    description,
    unit,
    agencyName,
    central: !/^(Kabupaten|Kota|Provinsi) /.test(agencyName),
  };
}

function functionOf(
  apps: readonly ClusterApplication[],
  decisions: readonly ClusterDecision[] = [],
  functions: readonly ClusterFunction[] = FUNCTIONS,
) {
  const result = clusterApplications(apps, functions, decisions);
  const byId = new Map(result.assignments.map((a) => [a.applicationId, a]));
  return { result, of: (a: ClusterApplication) => byId.get(a.id) };
}

describe('text normalisation', () => {
  it('decodes prefixes and acronyms, fixes misspellings, drops versions and the place', () => {
    expect(textTokens('SIMPEG Kab. Sleman v2.0', new Set(['sleman']))).toEqual([
      'simpeg',
      'manajemen',
      'kepegawaian',
      'kab',
    ]);
    expect(isGenericWord('manajemen')).toBe(true);
    expect(placeWords('Pemerintah Kabupaten Sleman')).toEqual(new Set(['sleman']));
    expect(placeWords('Kementerian Koperasi')).toEqual(new Set());
    expect(placeWords('Pemerintah Provinsi Sulawesi Selatan')).toEqual(
      new Set(['sulawesi', 'selatan', 'sulsel']),
    );
    expect(textTokens('e-Perijinan Online 2023')).toEqual(['perizinan', 'online']);
    expect(textTokens('SiCantik Cloud')).toContain('perizinan');
    expect(textTokens('SIPEG')).toContain('kepegawaian');
    expect(textTokens('Aplikasi Absensi Pegawai')).toEqual(['aplikasi', 'presensi', 'pegawai']);
    expect(textTokens(null)).toEqual([]);
  });

  it('finds the roots of derived words that the inventory knows', () => {
    const known = new Set(['izin', 'pegawai', 'aduan', 'pustaka', 'rencana']);
    expect(rootOf('perizinan', known)).toBe('izin');
    expect(rootOf('kepegawaian', known)).toBe('pegawai');
    expect(rootOf('pengaduan', known)).toBe('aduan');
    expect(rootOf('perpustakaan', known)).toBe('pustaka');
    expect(rootOf('perencanaan', known)).toBe('rencana');
    expect(rootOf('kesehatan', known)).toBe('kesehatan');
  });
});

describe('clustering by function', () => {
  it('tells the two SIMPUS apart by their description and unit', () => {
    const clinic = app(
      'SIMPUS',
      'Pendaftaran pasien dan rekam medis di puskesmas',
      'Dinas Kesehatan',
      'Kabupaten Banyumas',
      'SIMPUS',
    );
    const library = app(
      'SIMPUS',
      'Katalog koleksi dan peminjaman buku',
      'Dinas Perpustakaan dan Kearsipan',
      'Kabupaten Bantul',
      'SIMPUS',
    );
    const { of } = functionOf([clinic, library]);
    expect(of(clinic)?.functionCode).toBe('primary-health-care');
    expect(of(library)?.functionCode).toBe('libraries');
    expect(of(clinic)?.sharedApplication).toBe('satusehat');
    expect(of(clinic)?.evidence.terms.map((t) => t.term)).toContain('puskesmas');
  });

  it('tells employee performance from organisational performance', () => {
    const employee = app('e-Kinerja', 'Pencatatan aktivitas harian pegawai sebagai dasar TPP');
    const organisation = app(
      'e-Kinerja',
      'Pengukuran capaian indikator kinerja utama perangkat daerah dan penyusunan LKjIP',
      'Bagian Organisasi',
    );
    const { of } = functionOf([employee, organisation]);
    expect(of(employee)?.functionCode).toBe('employee-performance');
    expect(of(organisation)?.functionCode).toBe('organisational-performance');
  });

  it("files finance by the owner's level: central agencies onto SAKTI, regional governments onto SIPD", () => {
    const ministry = app(
      'Aplikasi Keuangan',
      'Penatausahaan keuangan dan laporan keuangan satker',
      'Biro Keuangan',
      'Kementerian Pertanian',
    );
    const regency = app(
      'Aplikasi Keuangan',
      'Penatausahaan keuangan dan laporan keuangan',
      'BPKAD',
      'Kabupaten Sleman',
    );
    // A ministry's system for regional budgets is regional finance.
    const forRegions = app(
      'SIKD',
      'Pengumpulan laporan keuangan daerah dan APBD pemerintah daerah',
      'Ditjen Perimbangan Keuangan',
      'Kementerian Keuangan',
    );
    const { of } = functionOf([ministry, regency, forRegions]);
    expect(of(ministry)?.functionCode).toBe('state-finance');
    expect(of(ministry)?.sharedApplication).toBe('sakti');
    expect(of(regency)?.functionCode).toBe('regional-finance');
    expect(of(forRegions)?.functionCode).toBe('regional-finance');
  });

  it('groups applications of a function missing from the taxonomy among themselves', () => {
    // Telecommunication towers: a real regional function that the taxonomy does not list.
    const towers = [
      app(
        'Sistem Informasi Menara Telekomunikasi',
        'Pendataan menara telekomunikasi dan pemiliknya',
        null,
        'Kota Yogyakarta',
      ),
      app('e-Menara', 'Data menara BTS dan titik lokasi menara', null, 'Kota Semarang'),
      app('SIMANTEL', 'Pendataan menara telekomunikasi bersama', null, 'Kota Malang'),
    ];
    const staff = app('SIMPEG', 'Data kepegawaian', 'BKPSDM');
    const { of } = functionOf([...towers, staff]);
    const clusters = new Set(towers.map((g) => of(g)?.clusterId));
    expect(clusters.size).toBe(1);
    expect(of(towers[0] as ClusterApplication)?.functionCode).toBeNull();
    expect([...clusters][0]).not.toBe(of(staff)?.clusterId);
  });

  it("keeps officials' decisions and lets them steer similar applications", () => {
    // An app whose words say nothing a keyword knows.
    const a = app('Jogja Istimewa Hati', 'Layanan warga satu pintu Gandeng Gendong', null);
    const b = app('Gandeng Gendong Mobile', 'Layanan warga Gandeng Gendong', null, 'Kota Magelang');
    const before = functionOf([a, b]);
    expect(before.of(b)?.functionCode).toBeNull();
    const decision: ClusterDecision = {
      applicationId: a.id,
      kind: 'move',
      functionCode: 'complaints',
      group: null,
    };
    const after = functionOf([a, b], [decision]);
    expect(after.of(a)).toMatchObject({ functionCode: 'complaints', decided: true, confidence: 1 });
    expect(after.of(b)?.functionCode).toBe('complaints');
    expect(after.of(b)?.evidence.neighbours[0]).toMatchObject({
      applicationId: a.id,
      functionCode: 'complaints',
    });
    expect(after.result.decided).toBe(1);
  });

  it('makes a separate cluster of applications split off by officials', () => {
    const apps = [
      app('SIMPEG', 'Data kepegawaian', 'BKPSDM'),
      app('e-Kepegawaian', 'Riwayat jabatan dan pangkat pegawai', 'BKD', 'Kota Bandung'),
      app('SIMPEG Guru', 'Data kepegawaian guru', 'Dinas Pendidikan', 'Kota Malang'),
    ];
    const before = functionOf(apps);
    expect(new Set(apps.map((x) => before.of(x)?.clusterId)).size).toBe(1);
    const third = apps[2] as ClusterApplication;
    const after = functionOf(apps, [
      { applicationId: third.id, kind: 'split', functionCode: null, group: 'g1' },
    ]);
    expect(after.of(third)?.clusterId).toBe('split-g1');
    expect(after.of(apps[0] as ClusterApplication)?.clusterId).toBe('hr-personnel');
  });

  it('reads an acronym that only abbreviates the name as nothing more', () => {
    expect(isInitialsOf('SIPD', 'Sistem Informasi Pajak Daerah')).toBe(true);
    expect(isInitialsOf('SIPD', 'Aplikasi Perencanaan')).toBe(false);
    const tax = app('Sistem Informasi Pajak Daerah', null, null, 'Kota Bandung', 'SIPD');
    const planning = app('Aplikasi Perencanaan Kota', null, null, 'Kota Bandung', 'SIPD');
    const { of } = functionOf([tax, planning]);
    expect(of(tax)?.functionCode).toBe('regional-tax');
    expect(of(planning)?.functionCode).toBe('planning-budgeting');
  });

  it('is deterministic', () => {
    const apps = [
      app('SIMPEG', 'Data kepegawaian', 'BKPSDM'),
      app('Lapor Bupati', 'Pengaduan masyarakat', null),
      app('Aplikasi X', null, null),
    ];
    expect(clusterApplications(apps, FUNCTIONS, [])).toEqual(
      clusterApplications(apps, FUNCTIONS, []),
    );
  });
});

describe('pairwise precision and recall', () => {
  it('counts pairs from the label-cluster table', () => {
    // labels: a a a b b; clusters: 1 1 2 2 2
    const scores = pairwiseScores([
      { label: 'a', cluster: '1' },
      { label: 'a', cluster: '1' },
      { label: 'a', cluster: '2' },
      { label: 'b', cluster: '2' },
      { label: 'b', cluster: '2' },
    ]);
    // same cluster: 1 + 3 = 4 pairs, of which same label: 1 (a,a in 1) + 1 (b,b in 2) = 2
    // same label: 3 + 1 = 4 pairs
    expect(scores).toMatchObject({ pairsSameCluster: 4, pairsSameLabel: 4, pairsBoth: 2 });
    expect(scores.precision).toBe(0.5);
    expect(scores.recall).toBe(0.5);
  });
});
