/**
 * Seed catalogue of public services (layanan publik) for the citizens' portal: real services of
 * Indonesian government agencies, each with its provider agency, requirements (persyaratan), cost,
 * service-level time, channels and an application form (a JSON Schema with Indonesian and English
 * titles) whose fields may be prefilled from the population register after the citizen consents.
 *
 * Maintained by hand. Only facts that are certain are included: `slaDays` is null where no
 * national service-level time is set, and `legalBasis` is left out where the basis is not certain.
 * Costs are in rupiah; 0 means no fee is charged for the service itself (a contribution it starts,
 * such as JKN's, is described in `cost.note`); null means the fee is set case by case (a regional
 * levy, a per-product tariff, a tax assessed), as `cost.note` says, starting with "Dikenai". Population documents (Dukcapil) are free under
 * Pasal 79A of UU 23/2006 as amended by UU 24/2013.
 */

export type ServiceCategory =
  | 'kependudukan'
  | 'kesehatan'
  | 'pendidikan'
  | 'usaha'
  | 'sosial'
  | 'ketenagakerjaan'
  | 'hukum'
  | 'keimigrasian'
  | 'pajak'
  | 'pertanahan'
  | 'transportasi'
  | 'keagamaan'
  | 'pengaduan';
export type LifeEvent =
  | 'kelahiran'
  | 'memulai-usaha'
  | 'pindah-rumah'
  | 'menikah'
  | 'kematian'
  | 'mencari-kerja'
  | 'masuk-sekolah'
  | 'sakit';
/** Facts the population register holds about the logged-in citizen that a form field may be prefilled from after consent. */
export type PrefillSource =
  | 'nik'
  | 'name'
  | 'sex'
  | 'birthDate'
  | 'motherName'
  | 'familyCardNumber'
  | 'villageCode'
  | 'address'
  | 'familyMembers';
/** Who works an application: the provider itself, or the citizen's province or regency/city government (by residence). */
export type DeliveredBy = 'national' | 'province' | 'regency';
export type Channel = 'online' | 'counter' | 'app';
export interface PublicServiceSeed {
  readonly slug: string; // lower-case ascii + hyphens, unique, e.g. 'akta-kelahiran'
  readonly name: string; // Bahasa Indonesia
  readonly nameEn: string;
  readonly summary: string; // one sentence, Indonesian
  readonly summaryEn: string;
  readonly description: string; // 2–4 sentences, Indonesian
  readonly providerAgencyCode: string;
  readonly providerUnit: string; // e.g. 'Direktorat Jenderal Kependudukan dan Pencatatan Sipil'
  readonly deliveredBy: DeliveredBy;
  readonly handlingUnit?: string; // required when deliveredBy is province/regency, e.g. 'Dinas Kependudukan dan Pencatatan Sipil'
  readonly category: ServiceCategory;
  readonly lifeEvents: readonly LifeEvent[];
  readonly requirements: readonly string[];
  /** Rupiah; 0 = free; null = set case by case (a regional levy, a per-product tariff), as `note` says. */
  readonly cost: { readonly amount: number | null; readonly note?: string };
  readonly slaDays: number | null; // working days
  readonly channels: readonly Channel[];
  readonly officialChannel?: string; // e.g. 'OSS RBA (oss.go.id)'
  readonly legalBasis?: string;
  readonly keywords: readonly string[]; // synonyms incl. colloquial/misspelt and English: 'akte lahir', 'birth certificate'
  readonly form: FormSchema;
  readonly prefill: Readonly<Record<string, PrefillSource>>; // form property -> register fact
}
export interface FormSchema {
  readonly type: 'object';
  readonly required: readonly string[];
  readonly properties: Readonly<Record<string, FormField>>;
  readonly additionalProperties: false;
}
export type FormField =
  | {
      readonly type: 'string';
      readonly title: string;
      readonly 'x-title-en': string;
      readonly description?: string;
      readonly minLength?: number;
      readonly maxLength: number;
      readonly pattern?: string;
      readonly format?: 'date' | 'email';
      readonly enum?: readonly string[];
      readonly 'x-enum-labels'?: readonly string[];
      readonly 'x-widget'?: 'textarea';
    }
  | {
      readonly type: 'integer';
      readonly title: string;
      readonly 'x-title-en': string;
      readonly description?: string;
      readonly minimum?: number;
      readonly maximum?: number;
    }
  | {
      readonly type: 'boolean';
      readonly title: string;
      readonly 'x-title-en': string;
      readonly description?: string;
    }
  | {
      readonly type: 'array';
      readonly title: string;
      readonly 'x-title-en': string;
      readonly description?: string;
      readonly maxItems: number;
      readonly items: {
        readonly type: 'object';
        readonly required: readonly string[];
        readonly additionalProperties: false;
        readonly properties: Readonly<
          Record<
            string,
            {
              readonly type: 'string';
              readonly title: string;
              readonly 'x-title-en': string;
              readonly maxLength: number;
              readonly pattern?: string;
              readonly format?: 'date';
            }
          >
        >;
      };
    };

// ---------------------------------------------------------------------------------------------
// Form building blocks. Optional keywords are only set when given: a key holding `undefined`
// would fail Ajv's meta-schema check.

type StringField = Extract<FormField, { type: 'string' }>;
type ArrayField = Extract<FormField, { type: 'array' }>;

/** NIK and family-card number (nomor KK): 16 digits. */
export const NIK_PATTERN = '^[0-9]{16}$';
/** Dotted Kemendagri village code, PP.RR.DD.VVVV. */
export const VILLAGE_CODE_PATTERN = '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$';
/** Indonesian phone number, digits only: 08xx or 62xx. */
export const PHONE_PATTERN = '^(08|628)[0-9]{7,12}$';

interface TextOptions {
  readonly description?: string;
  readonly minLength?: number;
  readonly textarea?: boolean;
}

function text(
  title: string,
  titleEn: string,
  maxLength: number,
  options: TextOptions = {},
): StringField {
  return {
    type: 'string',
    title,
    'x-title-en': titleEn,
    ...(options.description === undefined ? {} : { description: options.description }),
    minLength: options.minLength ?? 1,
    maxLength,
    ...(options.textarea === true ? { 'x-widget': 'textarea' as const } : {}),
  };
}

function digits(title: string, titleEn: string, pattern: string, length: number): StringField {
  return {
    type: 'string',
    title,
    'x-title-en': titleEn,
    minLength: length,
    maxLength: length,
    pattern,
  };
}

const nikField = (title: string, titleEn: string): StringField =>
  digits(title, titleEn, NIK_PATTERN, 16);

function dateField(title: string, titleEn: string): StringField {
  return { type: 'string', title, 'x-title-en': titleEn, format: 'date', maxLength: 10 };
}

function choice(
  title: string,
  titleEn: string,
  values: readonly string[],
  labels: readonly string[],
): StringField {
  return {
    type: 'string',
    title,
    'x-title-en': titleEn,
    maxLength: Math.max(...values.map((value) => value.length)),
    enum: values,
    'x-enum-labels': labels,
  };
}

function flag(title: string, titleEn: string, description?: string): FormField {
  return {
    type: 'boolean',
    title,
    'x-title-en': titleEn,
    ...(description === undefined ? {} : { description }),
  };
}

function count(title: string, titleEn: string, minimum: number, maximum: number): FormField {
  return { type: 'integer', title, 'x-title-en': titleEn, minimum, maximum };
}

const nik = (): StringField => nikField('NIK', 'NIK (national identity number)');
const nama = (): StringField => text('Nama Lengkap', 'Full name', 100);
const nomorKK = (): StringField =>
  digits('Nomor Kartu Keluarga', 'Family card number', NIK_PATTERN, 16);
const tanggalLahir = (): StringField => dateField('Tanggal Lahir', 'Date of birth');
const tempatLahir = (): StringField => text('Tempat Lahir', 'Place of birth', 100);
const jenisKelamin = (): StringField =>
  choice('Jenis Kelamin', 'Sex', ['L', 'P'], ['Laki-laki', 'Perempuan']);
const alamat = (): StringField => text('Alamat', 'Address', 255, { textarea: true });
const namaIbu = (): StringField => text('Nama Ibu Kandung', "Mother's maiden name", 100);
const kodeDesa = (): StringField => ({
  type: 'string',
  title: 'Kode Wilayah Desa/Kelurahan',
  'x-title-en': 'Village code',
  minLength: 13,
  maxLength: 13,
  pattern: VILLAGE_CODE_PATTERN,
});
const telepon = (): StringField => ({
  type: 'string',
  title: 'Nomor Telepon/WhatsApp',
  'x-title-en': 'Phone/WhatsApp number',
  minLength: 9,
  maxLength: 15,
  pattern: PHONE_PATTERN,
});
const email = (): StringField => ({
  type: 'string',
  title: 'Alamat Email',
  'x-title-en': 'Email address',
  format: 'email',
  maxLength: 254,
});

/** The family members the register holds: exactly NIK, name, sex and date of birth. */
function anggotaKeluarga(title: string, titleEn: string, description?: string): ArrayField {
  return {
    type: 'array',
    title,
    'x-title-en': titleEn,
    ...(description === undefined ? {} : { description }),
    maxItems: 20,
    items: {
      type: 'object',
      required: ['nik', 'name', 'sex', 'birthDate'],
      additionalProperties: false,
      properties: {
        nik: {
          type: 'string',
          title: 'NIK',
          'x-title-en': 'NIK',
          maxLength: 16,
          pattern: NIK_PATTERN,
        },
        name: { type: 'string', title: 'Nama', 'x-title-en': 'Name', maxLength: 100 },
        sex: {
          type: 'string',
          title: 'Jenis Kelamin',
          'x-title-en': 'Sex',
          maxLength: 1,
          pattern: '^[LP]$',
        },
        birthDate: {
          type: 'string',
          title: 'Tanggal Lahir',
          'x-title-en': 'Date of birth',
          maxLength: 10,
          format: 'date',
        },
      },
    },
  };
}

function form(
  required: readonly string[],
  properties: Readonly<Record<string, FormField>>,
): FormSchema {
  return { type: 'object', required, properties, additionalProperties: false };
}

// ---------------------------------------------------------------------------------------------
// Shared provider facts.

const DUKCAPIL = 'Direktorat Jenderal Kependudukan dan Pencatatan Sipil';
const DISDUKCAPIL = 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten/Kota';
const ADMINDUK_BASIS =
  'Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah diubah dengan Undang-Undang Nomor 24 Tahun 2013; Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil';
const FREE_ADMINDUK = {
  amount: 0,
  note: 'Tidak dipungut biaya (Pasal 79A UU 23/2006 sebagaimana diubah dengan UU 24/2013).',
} as const;
const KORLANTAS = 'Korps Lalu Lintas (Korlantas) Polri';
const SATPAS = 'Satuan Penyelenggara Administrasi SIM (Satpas) Polres';

const SIM_BASIS =
  'Undang-Undang Nomor 22 Tahun 2009 tentang Lalu Lintas dan Angkutan Jalan; Peraturan Kepolisian Nomor 5 Tahun 2021 tentang Penerbitan dan Penandaan Surat Izin Mengemudi; Peraturan Pemerintah Nomor 76 Tahun 2020 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kepolisian Negara Republik Indonesia';
const PASPOR_BASIS =
  'Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian; Peraturan Pemerintah Nomor 28 Tahun 2019 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kementerian Hukum dan Hak Asasi Manusia';
const PASPOR_REQUIREMENTS = [
  'KTP-el yang masih berlaku',
  'Kartu Keluarga',
  'Akta kelahiran, akta perkawinan atau buku nikah, ijazah, atau surat baptis (salah satu)',
  'Surat penetapan ganti nama dari pejabat berwenang, bila pernah berganti nama',
  'Paspor lama, bila permohonan penggantian',
] as const;

function pasporForm(): FormSchema {
  return form(
    [
      'nik',
      'nama',
      'tempatLahir',
      'tanggalLahir',
      'jenisKelamin',
      'namaIbu',
      'alamat',
      'tujuanPerjalanan',
    ],
    {
      nik: nik(),
      nama: nama(),
      tempatLahir: tempatLahir(),
      tanggalLahir: tanggalLahir(),
      jenisKelamin: jenisKelamin(),
      namaIbu: namaIbu(),
      alamat: alamat(),
      tujuanPerjalanan: choice(
        'Tujuan Perjalanan',
        'Purpose of travel',
        ['WISATA', 'IBADAH', 'BEKERJA', 'BELAJAR', 'KUNJUNGAN_KELUARGA', 'LAINNYA'],
        ['Wisata', 'Ibadah', 'Bekerja', 'Belajar', 'Kunjungan keluarga', 'Lainnya'],
      ),
      kantorImigrasi: text('Kantor Imigrasi Tujuan', 'Immigration office', 100),
      nomorTelepon: telepon(),
    },
  );
}
const PASPOR_PREFILL = {
  nik: 'nik',
  nama: 'name',
  tanggalLahir: 'birthDate',
  jenisKelamin: 'sex',
  namaIbu: 'motherName',
  alamat: 'address',
} as const;

function simBaruForm(): FormSchema {
  return form(['nik', 'nama', 'tempatLahir', 'tanggalLahir', 'jenisKelamin', 'alamat', 'satpas'], {
    nik: nik(),
    nama: nama(),
    tempatLahir: tempatLahir(),
    tanggalLahir: tanggalLahir(),
    jenisKelamin: jenisKelamin(),
    alamat: alamat(),
    satpas: text('Satpas Polres Tujuan', 'Driving licence office (Satpas)', 100),
    nomorTelepon: telepon(),
  });
}

function perpanjanganSimForm(): FormSchema {
  return form(['nik', 'nama', 'tanggalLahir', 'nomorSIM', 'masaBerlakuSIM', 'alamat'], {
    nik: nik(),
    nama: nama(),
    tanggalLahir: tanggalLahir(),
    nomorSIM: text('Nomor SIM', 'Driving licence number', 20),
    masaBerlakuSIM: dateField('Tanggal Berakhir SIM', 'Licence expiry date'),
    alamat: alamat(),
    nomorTelepon: telepon(),
  });
}
const SIM_PREFILL = {
  nik: 'nik',
  nama: 'name',
  tanggalLahir: 'birthDate',
  jenisKelamin: 'sex',
  alamat: 'address',
} as const;
const PERPANJANGAN_SIM_PREFILL = {
  nik: 'nik',
  nama: 'name',
  tanggalLahir: 'birthDate',
  alamat: 'address',
} as const;
const SIM_BARU_REQUIREMENTS = [
  'Berusia paling rendah 17 tahun',
  'KTP-el',
  'Surat keterangan sehat jasmani dari dokter',
  'Surat keterangan lulus tes psikologi',
  'Lulus ujian teori dan ujian praktik di Satpas',
] as const;
const PERPANJANGAN_SIM_REQUIREMENTS = [
  'KTP-el',
  'SIM lama yang masih berlaku',
  'Surat keterangan sehat jasmani dari dokter',
  'Surat keterangan lulus tes psikologi',
] as const;
const PERPANJANGAN_SIM_DESCRIPTION =
  'SIM berlaku 5 tahun dan perpanjangan diajukan sebelum masa berlakunya habis; SIM yang sudah habis masa berlakunya harus diajukan sebagai SIM baru. Perpanjangan dapat diajukan di Satpas, gerai SIM, atau secara daring melalui aplikasi SINAR (SIM Nasional Presisi), termasuk tes kesehatan dan psikologi daring.';

const OSS_CHANNEL = 'OSS RBA (oss.go.id)';
const DJP = 'Direktorat Jenderal Pajak';
const CORETAX = 'Coretax DJP (pajak.go.id)';
/** Nomor Induk Berusaha: 13 digits. */
export const NIB_PATTERN = '^[0-9]{13}$';
const nibField = (): StringField =>
  digits('Nomor Induk Berusaha (NIB)', 'Business identification number (NIB)', NIB_PATTERN, 13);
const tahunPajak = (): StringField => digits('Tahun Pajak', 'Tax year', '^[0-9]{4}$', 4);

const pendidikanTerakhir = (): StringField =>
  choice(
    'Pendidikan Terakhir',
    'Highest education',
    ['SD', 'SMP', 'SMA_SMK', 'D1_D3', 'D4_S1', 'S2_S3'],
    [
      'SD/sederajat',
      'SMP/sederajat',
      'SMA/SMK/sederajat',
      'Diploma I–III',
      'Diploma IV/Sarjana',
      'Magister/Doktor',
    ],
  );
const KEMENSOS_LINJAMSOS = 'Direktorat Jenderal Perlindungan dan Jaminan Sosial';

const SPMB_BASIS =
  'Peraturan Menteri Pendidikan Dasar dan Menengah Nomor 3 Tahun 2025 tentang Sistem Penerimaan Murid Baru';
const DIKDASMEN =
  'Direktorat Jenderal Pendidikan Anak Usia Dini, Pendidikan Dasar, dan Pendidikan Menengah';

function spmbForm(levels: readonly string[], labels: readonly string[]): FormSchema {
  return form(
    [
      'nikOrangTua',
      'namaOrangTua',
      'nomorKK',
      'alamat',
      'nikAnak',
      'namaAnak',
      'tanggalLahirAnak',
      'jenjang',
      'jalur',
    ],
    {
      nikOrangTua: nikField('NIK Orang Tua/Wali', "Parent's or guardian's NIK"),
      namaOrangTua: text('Nama Orang Tua/Wali', "Parent's or guardian's name", 100),
      nomorKK: nomorKK(),
      alamat: alamat(),
      kodeDesa: kodeDesa(),
      nikAnak: nikField('NIK Calon Murid', "Pupil's NIK"),
      namaAnak: text('Nama Calon Murid', "Pupil's name", 100),
      tanggalLahirAnak: dateField('Tanggal Lahir Calon Murid', "Pupil's date of birth"),
      jenjang: choice('Jenjang', 'School level', levels, labels),
      jalur: choice(
        'Jalur Pendaftaran',
        'Admission route',
        ['DOMISILI', 'AFIRMASI', 'MUTASI', 'PRESTASI'],
        ['Domisili', 'Afirmasi', 'Mutasi (perpindahan tugas orang tua/wali)', 'Prestasi'],
      ),
    },
  );
}
const SPMB_PREFILL = {
  nikOrangTua: 'nik',
  namaOrangTua: 'name',
  nomorKK: 'familyCardNumber',
  alamat: 'address',
  kodeDesa: 'villageCode',
} as const;

export const PUBLIC_SERVICES: readonly PublicServiceSeed[] = [
  // ---- Kependudukan (Dukcapil) -------------------------------------------------------------
  {
    slug: 'akta-kelahiran',
    name: 'Akta Kelahiran',
    nameEn: 'Birth Certificate',
    summary: 'Pencatatan kelahiran anak dan penerbitan kutipan akta kelahiran oleh Disdukcapil.',
    summaryEn:
      "Registration of a child's birth and issue of the birth certificate by the civil registry office.",
    description:
      'Setiap kelahiran wajib dilaporkan kepada Dinas Kependudukan dan Pencatatan Sipil paling lambat 60 hari sejak kelahiran. Akta kelahiran diterbitkan bersama Kartu Keluarga yang memuat anak sebagai anggota keluarga. Bila tidak ada surat keterangan kelahiran atau bukti perkawinan, orang tua dapat membuat Surat Pernyataan Tanggung Jawab Mutlak (SPTJM).',
    providerAgencyCode: 'P.KEMENDAGRI',
    providerUnit: DUKCAPIL,
    deliveredBy: 'regency',
    handlingUnit: DISDUKCAPIL,
    category: 'kependudukan',
    lifeEvents: ['kelahiran'],
    requirements: [
      'Surat keterangan kelahiran dari rumah sakit, puskesmas, fasilitas kesehatan, dokter, bidan, atau kepala desa/lurah',
      'Buku nikah atau kutipan akta perkawinan orang tua, atau bukti lain yang sah',
      'Kartu Keluarga tempat anak akan didaftarkan sebagai anggota keluarga',
      'KTP-el orang tua',
      'SPTJM kebenaran data kelahiran (bila tidak ada surat keterangan kelahiran) atau SPTJM kebenaran sebagai pasangan suami istri (bila tidak ada bukti perkawinan)',
    ],
    cost: FREE_ADMINDUK,
    slaDays: null,
    channels: ['counter', 'online'],
    legalBasis: ADMINDUK_BASIS,
    keywords: [
      'akte lahir',
      'akte kelahiran',
      'akta lahir',
      'surat lahir',
      'bayi baru lahir',
      'birth certificate',
      'birth registration',
    ],
    form: form(
      [
        'nikPelapor',
        'namaPelapor',
        'nomorKK',
        'namaAnak',
        'jenisKelaminAnak',
        'tempatLahirAnak',
        'tanggalLahirAnak',
        'nikIbu',
      ],
      {
        nikPelapor: nikField('NIK Pelapor', "Informant's NIK"),
        namaPelapor: text('Nama Pelapor', "Informant's name", 100),
        nomorKK: nomorKK(),
        namaAnak: text('Nama Anak', "Child's name", 100),
        jenisKelaminAnak: choice(
          'Jenis Kelamin Anak',
          "Child's sex",
          ['L', 'P'],
          ['Laki-laki', 'Perempuan'],
        ),
        tempatLahirAnak: text('Tempat Lahir Anak', "Child's place of birth", 100),
        tanggalLahirAnak: dateField('Tanggal Lahir Anak', "Child's date of birth"),
        nikIbu: nikField('NIK Ibu', "Mother's NIK"),
        nikAyah: nikField('NIK Ayah', "Father's NIK"),
      },
    ),
    prefill: { nikPelapor: 'nik', namaPelapor: 'name', nomorKK: 'familyCardNumber' },
  },
  {
    slug: 'akta-kematian',
    name: 'Akta Kematian',
    nameEn: 'Death Certificate',
    summary: 'Pencatatan kematian penduduk dan penerbitan kutipan akta kematian oleh Disdukcapil.',
    summaryEn:
      'Registration of a death and issue of the death certificate by the civil registry office.',
    description:
      'Kematian wajib dilaporkan kepada Dinas Kependudukan dan Pencatatan Sipil paling lambat 30 hari sejak tanggal kematian. Setelah dicatat, data almarhum dikeluarkan dari Kartu Keluarga dan Kartu Keluarga baru diterbitkan. Akta kematian diperlukan antara lain untuk pengurusan waris, pensiun, dan klaim asuransi.',
    providerAgencyCode: 'P.KEMENDAGRI',
    providerUnit: DUKCAPIL,
    deliveredBy: 'regency',
    handlingUnit: DISDUKCAPIL,
    category: 'kependudukan',
    lifeEvents: ['kematian'],
    requirements: [
      'Surat kematian dari dokter/rumah sakit atau dari kepala desa/lurah',
      'Kartu Keluarga dan KTP-el almarhum/almarhumah',
      'KTP-el pelapor',
      'SPTJM kebenaran data kematian bila tidak ada surat kematian',
    ],
    cost: FREE_ADMINDUK,
    slaDays: null,
    channels: ['counter', 'online'],
    legalBasis: ADMINDUK_BASIS,
    keywords: [
      'akte kematian',
      'akte mati',
      'surat kematian',
      'meninggal dunia',
      'wafat',
      'death certificate',
    ],
    form: form(
      [
        'nikPelapor',
        'namaPelapor',
        'hubunganPelapor',
        'nikAlmarhum',
        'namaAlmarhum',
        'tanggalKematian',
        'tempatKematian',
      ],
      {
        nikPelapor: nikField('NIK Pelapor', "Informant's NIK"),
        namaPelapor: text('Nama Pelapor', "Informant's name", 100),
        hubunganPelapor: choice(
          'Hubungan Pelapor dengan Almarhum',
          'Relationship to the deceased',
          ['SUAMI_ISTRI', 'ANAK', 'ORANG_TUA', 'SAUDARA', 'LAINNYA'],
          ['Suami/Istri', 'Anak', 'Orang tua', 'Saudara', 'Lainnya'],
        ),
        nikAlmarhum: nikField('NIK Almarhum/Almarhumah', "Deceased's NIK"),
        namaAlmarhum: text('Nama Almarhum/Almarhumah', "Deceased's name", 100),
        tanggalKematian: dateField('Tanggal Kematian', 'Date of death'),
        tempatKematian: text('Tempat Kematian', 'Place of death', 100),
        sebabKematian: text('Sebab Kematian', 'Cause of death', 200),
      },
    ),
    prefill: { nikPelapor: 'nik', namaPelapor: 'name' },
  },
  {
    slug: 'kartu-keluarga-perubahan',
    name: 'Perubahan Kartu Keluarga',
    nameEn: 'Family Card Update',
    summary:
      'Penerbitan Kartu Keluarga baru karena perubahan susunan atau data anggota keluarga, atau karena hilang/rusak.',
    summaryEn:
      'Issue of a new family card after a change of members or data, or when it is lost or damaged.',
    description:
      'Kartu Keluarga (KK) diperbarui bila ada anggota keluarga yang lahir, menikah, meninggal, pindah, atau bila data anggota berubah. KK baru diterbitkan oleh Dinas Kependudukan dan Pencatatan Sipil dan KK lama ditarik. Untuk KK yang hilang atau rusak, lampirkan surat keterangan kehilangan dari kepolisian atau KK yang rusak.',
    providerAgencyCode: 'P.KEMENDAGRI',
    providerUnit: DUKCAPIL,
    deliveredBy: 'regency',
    handlingUnit: DISDUKCAPIL,
    category: 'kependudukan',
    lifeEvents: ['kelahiran', 'menikah', 'kematian', 'pindah-rumah'],
    requirements: [
      'Kartu Keluarga lama',
      'Surat keterangan atau bukti perubahan peristiwa kependudukan dan peristiwa penting (misalnya akta kelahiran, buku nikah/akta perkawinan, akta kematian)',
      'Surat keterangan kehilangan dari kepolisian atau KK yang rusak, bila KK hilang atau rusak',
    ],
    cost: FREE_ADMINDUK,
    slaDays: null,
    channels: ['counter', 'online'],
    legalBasis: ADMINDUK_BASIS,
    keywords: [
      'kk',
      'kartu keluarga',
      'ubah kk',
      'update kk',
      'tambah anggota kk',
      'kk hilang',
      'family card',
      'family register',
    ],
    form: form(['nik', 'nama', 'nomorKK', 'alasanPerubahan', 'anggotaKeluarga'], {
      nik: nik(),
      nama: nama(),
      nomorKK: nomorKK(),
      alasanPerubahan: choice(
        'Alasan Perubahan',
        'Reason for the update',
        ['PENAMBAHAN_ANGGOTA', 'PENGURANGAN_ANGGOTA', 'PERUBAHAN_DATA', 'HILANG_RUSAK'],
        [
          'Penambahan anggota keluarga',
          'Pengurangan anggota keluarga',
          'Perubahan data anggota',
          'KK hilang atau rusak',
        ],
      ),
      anggotaKeluarga: anggotaKeluarga(
        'Anggota Keluarga',
        'Family members',
        'Susunan anggota keluarga setelah perubahan.',
      ),
      alamat: alamat(),
      keterangan: text('Keterangan Perubahan', 'Details of the change', 500, { textarea: true }),
    }),
    prefill: {
      nik: 'nik',
      nama: 'name',
      nomorKK: 'familyCardNumber',
      anggotaKeluarga: 'familyMembers',
      alamat: 'address',
    },
  },
  {
    slug: 'ktp-el',
    name: 'KTP Elektronik (Baru atau Penggantian)',
    nameEn: 'Electronic Identity Card (New or Replacement)',
    summary:
      'Perekaman dan pencetakan KTP-el bagi penduduk yang berusia 17 tahun atau sudah/pernah kawin, serta penggantian KTP-el yang rusak, hilang, atau berubah datanya.',
    summaryEn:
      'Recording and printing of the electronic ID card for residents aged 17 or married, and replacement of a damaged, lost or outdated card.',
    description:
      'KTP-el wajib dimiliki Warga Negara Indonesia yang telah berusia 17 tahun atau sudah kawin atau pernah kawin, dan berlaku seumur hidup. Perekaman sidik jari, iris mata, foto, dan tanda tangan dilakukan langsung di Dinas Kependudukan dan Pencatatan Sipil atau tempat perekaman yang ditunjuk. KTP-el yang rusak, hilang, atau datanya berubah dapat diganti dengan yang baru.',
    providerAgencyCode: 'P.KEMENDAGRI',
    providerUnit: DUKCAPIL,
    deliveredBy: 'regency',
    handlingUnit: DISDUKCAPIL,
    category: 'kependudukan',
    lifeEvents: ['pindah-rumah', 'menikah'],
    requirements: [
      'Berusia 17 tahun atau sudah kawin atau pernah kawin',
      'Kartu Keluarga',
      'KTP-el yang rusak, atau surat keterangan kehilangan dari kepolisian bila KTP-el hilang',
      'Bukti perubahan data (misalnya akta atau buku nikah) bila penggantian karena perubahan data',
    ],
    cost: FREE_ADMINDUK,
    slaDays: null,
    channels: ['counter'],
    legalBasis: ADMINDUK_BASIS,
    keywords: [
      'ktp',
      'e-ktp',
      'ektp',
      'ktp el',
      'ktp hilang',
      'ktp rusak',
      'rekam ktp',
      'identity card',
      'id card',
    ],
    form: form(['nik', 'nama', 'tanggalLahir', 'nomorKK', 'jenisPermohonan'], {
      nik: nik(),
      nama: nama(),
      tanggalLahir: tanggalLahir(),
      nomorKK: nomorKK(),
      jenisPermohonan: choice(
        'Jenis Permohonan',
        'Type of application',
        ['BARU', 'RUSAK', 'HILANG', 'PERUBAHAN_DATA'],
        [
          'KTP-el baru',
          'Penggantian karena rusak',
          'Penggantian karena hilang',
          'Penggantian karena perubahan data',
        ],
      ),
      alamat: alamat(),
      nomorTelepon: telepon(),
    }),
    prefill: {
      nik: 'nik',
      nama: 'name',
      tanggalLahir: 'birthDate',
      nomorKK: 'familyCardNumber',
      alamat: 'address',
    },
  },
  {
    slug: 'surat-pindah',
    name: 'Surat Keterangan Pindah (SKPWNI)',
    nameEn: 'Certificate of Change of Residence (Moving House)',
    summary:
      'Penerbitan Surat Keterangan Pindah Warga Negara Indonesia untuk penduduk yang pindah alamat ke desa/kelurahan, kecamatan, kabupaten/kota, atau provinsi lain.',
    summaryEn:
      'Issue of the certificate of change of residence for citizens moving to another village, district, regency/city or province.',
    description:
      'Penduduk yang pindah tempat tinggal melapor ke Dinas Kependudukan dan Pencatatan Sipil daerah asal untuk mendapatkan Surat Keterangan Pindah (SKPWNI). SKPWNI kemudian dipakai untuk pencatatan kedatangan di daerah tujuan, yang menerbitkan Kartu Keluarga dan KTP-el dengan alamat baru. Anggota keluarga yang ikut pindah dicantumkan dalam satu permohonan.',
    providerAgencyCode: 'P.KEMENDAGRI',
    providerUnit: DUKCAPIL,
    deliveredBy: 'regency',
    handlingUnit: DISDUKCAPIL,
    category: 'kependudukan',
    lifeEvents: ['pindah-rumah'],
    requirements: [
      'Kartu Keluarga',
      'Formulir permohonan pindah (F-1.03) yang diisi pemohon',
      'Data anggota keluarga yang ikut pindah',
    ],
    cost: FREE_ADMINDUK,
    slaDays: null,
    channels: ['counter', 'online'],
    legalBasis: ADMINDUK_BASIS,
    keywords: [
      'surat pindah',
      'pindah domisili',
      'pindah alamat',
      'skpwni',
      'pindah datang',
      'mutasi penduduk',
      'moving house',
      'change of address',
      'relocation',
    ],
    form: form(
      [
        'nik',
        'nama',
        'nomorKK',
        'kodeDesaAsal',
        'alamatAsal',
        'alamatTujuan',
        'alasanPindah',
        'anggotaKeluargaPindah',
      ],
      {
        nik: nik(),
        nama: nama(),
        nomorKK: nomorKK(),
        kodeDesaAsal: kodeDesa(),
        alamatAsal: text('Alamat Asal', 'Current address', 255, { textarea: true }),
        alamatTujuan: text('Alamat Tujuan', 'New address', 255, { textarea: true }),
        alasanPindah: choice(
          'Alasan Pindah',
          'Reason for moving',
          ['PEKERJAAN', 'PENDIDIKAN', 'KEAMANAN', 'KESEHATAN', 'PERUMAHAN', 'KELUARGA', 'LAINNYA'],
          ['Pekerjaan', 'Pendidikan', 'Keamanan', 'Kesehatan', 'Perumahan', 'Keluarga', 'Lainnya'],
        ),
        anggotaKeluargaPindah: anggotaKeluarga(
          'Anggota Keluarga yang Pindah',
          'Family members moving',
          'Hapus anggota keluarga yang tidak ikut pindah.',
        ),
        tanggalPindah: dateField('Rencana Tanggal Pindah', 'Planned moving date'),
      },
    ),
    prefill: {
      nik: 'nik',
      nama: 'name',
      nomorKK: 'familyCardNumber',
      kodeDesaAsal: 'villageCode',
      alamatAsal: 'address',
      anggotaKeluargaPindah: 'familyMembers',
    },
  },
  {
    slug: 'akta-perkawinan',
    name: 'Akta Perkawinan (Non-Muslim)',
    nameEn: 'Marriage Certificate (Non-Muslim)',
    summary:
      'Pencatatan perkawinan bagi pemeluk agama selain Islam dan penghayat kepercayaan, dengan penerbitan kutipan akta perkawinan oleh Disdukcapil.',
    summaryEn:
      'Registration of marriages of non-Muslims and followers of indigenous faiths, with issue of the marriage certificate by the civil registry office.',
    description:
      'Perkawinan yang sah menurut agama selain Islam atau menurut kepercayaan wajib dilaporkan kepada Dinas Kependudukan dan Pencatatan Sipil paling lambat 60 hari sejak perkawinan. Kutipan akta perkawinan diterbitkan untuk suami dan istri, dan Kartu Keluarga diperbarui. Perkawinan pasangan beragama Islam dicatat oleh KUA Kecamatan, bukan Disdukcapil.',
    providerAgencyCode: 'P.KEMENDAGRI',
    providerUnit: DUKCAPIL,
    deliveredBy: 'regency',
    handlingUnit: DISDUKCAPIL,
    category: 'kependudukan',
    lifeEvents: ['menikah'],
    requirements: [
      'Surat keterangan telah terjadinya perkawinan dari pemuka agama atau pemuka penghayat kepercayaan',
      'Pas foto berdampingan suami dan istri',
      'KTP-el suami dan istri',
      'Kartu Keluarga suami dan istri',
      'Paspor bagi suami atau istri warga negara asing',
    ],
    cost: FREE_ADMINDUK,
    slaDays: null,
    channels: ['counter', 'online'],
    legalBasis: ADMINDUK_BASIS,
    keywords: [
      'akte nikah',
      'akta nikah',
      'catatan sipil',
      'pencatatan perkawinan',
      'nikah kristen',
      'nikah katolik',
      'marriage certificate',
    ],
    form: form(
      [
        'nikPemohon',
        'namaPemohon',
        'nikPasangan',
        'namaPasangan',
        'tanggalPerkawinan',
        'tempatPerkawinan',
        'agama',
        'namaPemukaAgama',
      ],
      {
        nikPemohon: nikField('NIK Pemohon', "Applicant's NIK"),
        namaPemohon: text('Nama Pemohon', "Applicant's name", 100),
        nikPasangan: nikField('NIK Pasangan', "Spouse's NIK"),
        namaPasangan: text('Nama Pasangan', "Spouse's name", 100),
        tanggalPerkawinan: dateField('Tanggal Perkawinan', 'Date of marriage'),
        tempatPerkawinan: text('Tempat Perkawinan', 'Place of marriage', 150),
        agama: choice(
          'Agama/Kepercayaan',
          'Religion or faith',
          ['KRISTEN', 'KATOLIK', 'HINDU', 'BUDDHA', 'KONGHUCU', 'KEPERCAYAAN'],
          ['Kristen', 'Katolik', 'Hindu', 'Buddha', 'Konghucu', 'Kepercayaan terhadap Tuhan YME'],
        ),
        namaPemukaAgama: text(
          'Nama Pemuka Agama/Kepercayaan',
          'Name of the officiating minister',
          100,
        ),
        nomorTelepon: telepon(),
      },
    ),
    prefill: { nikPemohon: 'nik', namaPemohon: 'name' },
  },
  {
    slug: 'pencatatan-nikah-kua',
    name: 'Pendaftaran dan Pencatatan Nikah di KUA',
    nameEn: 'Muslim Marriage Registration at the KUA',
    summary:
      'Pendaftaran kehendak nikah dan pencatatan pernikahan pasangan beragama Islam di Kantor Urusan Agama (KUA) Kecamatan.',
    summaryEn:
      'Notice of intended marriage and registration of Muslim marriages at the district religious affairs office (KUA).',
    description:
      'Calon pengantin beragama Islam mendaftarkan kehendak nikah di KUA Kecamatan tempat akad akan dilangsungkan, paling lambat 10 hari kerja sebelum akad. Setelah pemeriksaan berkas dan akad nikah, KUA mencatat pernikahan dan menerbitkan buku nikah. Nikah di KUA pada jam kerja tidak dipungut biaya.',
    providerAgencyCode: 'P.KEMENAG',
    providerUnit: 'Direktorat Jenderal Bimbingan Masyarakat Islam',
    deliveredBy: 'national',
    handlingUnit: 'Kantor Urusan Agama (KUA) Kecamatan',
    category: 'keagamaan',
    lifeEvents: ['menikah'],
    requirements: [
      'Surat pengantar nikah dari desa/kelurahan tempat tinggal',
      'KTP-el dan Kartu Keluarga calon pengantin',
      'Akta kelahiran calon pengantin',
      'Pas foto calon pengantin',
      'Izin tertulis orang tua bagi calon pengantin yang belum berusia 21 tahun, dan dispensasi pengadilan bagi yang belum berusia 19 tahun',
      'Akta cerai atau surat keterangan kematian pasangan bagi duda/janda',
      'Izin komandan/atasan bagi anggota TNI/Polri',
      'Surat rekomendasi nikah dari KUA tempat tinggal bila akad dilangsungkan di luar kecamatan tempat tinggal',
    ],
    cost: {
      amount: 0,
      note: 'Gratis bila akad nikah di KUA pada hari dan jam kerja; Rp600.000 bila dilaksanakan di luar KUA atau di luar hari dan jam kerja (PP 48/2014).',
    },
    slaDays: null,
    channels: ['counter', 'online'],
    officialChannel: 'SIMKAH Kementerian Agama (pendaftaran nikah online)',
    legalBasis:
      'Undang-Undang Nomor 1 Tahun 1974 tentang Perkawinan sebagaimana telah diubah dengan Undang-Undang Nomor 16 Tahun 2019; Peraturan Pemerintah Nomor 48 Tahun 2014 tentang Perubahan atas Peraturan Pemerintah Nomor 47 Tahun 2004 tentang Tarif atas Jenis PNBP yang Berlaku pada Departemen Agama',
    keywords: [
      'nikah',
      'daftar nikah',
      'kua',
      'buku nikah',
      'akad nikah',
      'surat nikah',
      'kawin',
      'islamic marriage',
      'wedding registration',
    ],
    form: form(
      [
        'nikCalonSuami',
        'namaCalonSuami',
        'nikCalonIstri',
        'namaCalonIstri',
        'tanggalAkad',
        'tempatAkad',
        'namaWali',
      ],
      {
        nikCalonSuami: nikField('NIK Calon Suami', "Groom's NIK"),
        namaCalonSuami: text('Nama Calon Suami', "Groom's name", 100),
        nikCalonIstri: nikField('NIK Calon Istri', "Bride's NIK"),
        namaCalonIstri: text('Nama Calon Istri', "Bride's name", 100),
        tanggalAkad: dateField('Rencana Tanggal Akad', 'Planned date of the ceremony'),
        tempatAkad: choice(
          'Tempat Akad',
          'Place of the ceremony',
          ['KUA', 'LUAR_KUA'],
          ['Di KUA', 'Di luar KUA'],
        ),
        namaWali: text('Nama Wali Nikah', "Bride's guardian (wali)", 100),
        nomorTelepon: telepon(),
      },
    ),
    prefill: {},
  },
  {
    slug: 'akta-perceraian',
    name: 'Akta Perceraian (Non-Muslim)',
    nameEn: 'Divorce Certificate (Non-Muslim)',
    summary:
      'Pencatatan perceraian berdasarkan putusan pengadilan negeri dan penerbitan kutipan akta perceraian oleh Disdukcapil.',
    summaryEn:
      'Registration of a divorce decreed by a district court and issue of the divorce certificate by the civil registry office.',
    description:
      'Perceraian pasangan yang perkawinannya dicatat di Disdukcapil wajib dilaporkan paling lambat 60 hari setelah putusan pengadilan berkekuatan hukum tetap. Disdukcapil menerbitkan kutipan akta perceraian dan memperbarui Kartu Keluarga. Bagi pasangan beragama Islam, akta cerai diterbitkan oleh Pengadilan Agama.',
    providerAgencyCode: 'P.KEMENDAGRI',
    providerUnit: DUKCAPIL,
    deliveredBy: 'regency',
    handlingUnit: DISDUKCAPIL,
    category: 'kependudukan',
    lifeEvents: [],
    requirements: [
      'Salinan putusan pengadilan yang telah berkekuatan hukum tetap',
      'Kutipan akta perkawinan',
      'KTP-el',
      'Kartu Keluarga',
    ],
    cost: FREE_ADMINDUK,
    slaDays: null,
    channels: ['counter', 'online'],
    legalBasis: ADMINDUK_BASIS,
    keywords: ['akte cerai', 'akta cerai', 'cerai', 'perceraian', 'divorce certificate'],
    form: form(
      [
        'nik',
        'nama',
        'nomorKK',
        'nomorAktaPerkawinan',
        'nomorPutusan',
        'tanggalPutusan',
        'namaPengadilan',
      ],
      {
        nik: nik(),
        nama: nama(),
        nomorKK: nomorKK(),
        nomorAktaPerkawinan: text('Nomor Akta Perkawinan', 'Marriage certificate number', 50),
        nomorPutusan: text('Nomor Putusan Pengadilan', 'Court decision number', 100),
        tanggalPutusan: dateField(
          'Tanggal Putusan Berkekuatan Hukum Tetap',
          'Date the decision became final',
        ),
        namaPengadilan: text('Nama Pengadilan Negeri', 'District court', 100),
      },
    ),
    prefill: { nik: 'nik', nama: 'name', nomorKK: 'familyCardNumber' },
  },
  {
    slug: 'kartu-identitas-anak',
    name: 'Kartu Identitas Anak (KIA)',
    nameEn: 'Child Identity Card (KIA)',
    summary:
      'Penerbitan Kartu Identitas Anak bagi anak Warga Negara Indonesia yang berusia kurang dari 17 tahun dan belum kawin.',
    summaryEn: 'Issue of the identity card for Indonesian children under 17 who are not married.',
    description:
      'Kartu Identitas Anak (KIA) adalah identitas resmi anak yang diterbitkan Dinas Kependudukan dan Pencatatan Sipil. KIA untuk anak di bawah 5 tahun diterbitkan tanpa foto, sedangkan untuk anak usia 5 sampai 17 tahun memakai foto. Permohonan diajukan oleh orang tua atau wali.',
    providerAgencyCode: 'P.KEMENDAGRI',
    providerUnit: DUKCAPIL,
    deliveredBy: 'regency',
    handlingUnit: DISDUKCAPIL,
    category: 'kependudukan',
    lifeEvents: ['kelahiran', 'masuk-sekolah'],
    requirements: [
      'Fotokopi kutipan akta kelahiran anak dengan menunjukkan aslinya',
      'Kartu Keluarga asli orang tua/wali',
      'KTP-el asli kedua orang tua/wali',
      'Pas foto anak berwarna ukuran 2x3 sebanyak 2 lembar bagi anak usia 5 tahun ke atas',
    ],
    cost: FREE_ADMINDUK,
    slaDays: null,
    channels: ['counter', 'online'],
    legalBasis: 'Peraturan Menteri Dalam Negeri Nomor 2 Tahun 2016 tentang Kartu Identitas Anak',
    keywords: ['kia', 'ktp anak', 'kartu anak', 'identitas anak', 'child id card'],
    form: form(
      [
        'nikOrangTua',
        'namaOrangTua',
        'nomorKK',
        'nikAnak',
        'namaAnak',
        'tanggalLahirAnak',
        'nomorAktaKelahiran',
      ],
      {
        nikOrangTua: nikField('NIK Orang Tua/Wali', "Parent's or guardian's NIK"),
        namaOrangTua: text('Nama Orang Tua/Wali', "Parent's or guardian's name", 100),
        nomorKK: nomorKK(),
        nikAnak: nikField('NIK Anak', "Child's NIK"),
        namaAnak: text('Nama Anak', "Child's name", 100),
        tanggalLahirAnak: dateField('Tanggal Lahir Anak', "Child's date of birth"),
        nomorAktaKelahiran: text(
          'Nomor Akta Kelahiran Anak',
          "Child's birth certificate number",
          50,
        ),
      },
    ),
    prefill: { nikOrangTua: 'nik', namaOrangTua: 'name', nomorKK: 'familyCardNumber' },
  },
  // ---- Kepolisian ------------------------------------------------------------------------------
  {
    slug: 'skck',
    name: 'Surat Keterangan Catatan Kepolisian (SKCK)',
    nameEn: 'Police Clearance Certificate (SKCK)',
    summary:
      'Penerbitan surat keterangan dari Polri tentang ada atau tidaknya catatan kriminal pemohon.',
    summaryEn:
      'Issue of the police certificate stating whether the applicant has a criminal record.',
    description:
      'SKCK diterbitkan oleh Polri untuk keperluan seperti melamar pekerjaan, pendaftaran CPNS, atau perjalanan ke luar negeri. Permohonan dapat didaftarkan secara daring lalu diselesaikan di Polsek, Polres, atau Polda sesuai keperluan, termasuk pengambilan sidik jari. SKCK berlaku 6 bulan.',
    providerAgencyCode: 'P.POLRI',
    providerUnit: 'Badan Intelijen Keamanan (Baintelkam) Polri',
    deliveredBy: 'national',
    handlingUnit: 'Satuan Intelijen Keamanan Polres/Polsek',
    category: 'hukum',
    lifeEvents: ['mencari-kerja'],
    requirements: [
      'Fotokopi KTP-el',
      'Fotokopi Kartu Keluarga',
      'Fotokopi akta kelahiran, surat kenal lahir, atau ijazah terakhir',
      'Kartu sidik jari (dibuat di Polres bila belum punya)',
      'Pas foto berwarna ukuran 4x6 berlatar belakang merah',
      'Fotokopi paspor bagi pemohon yang akan ke luar negeri',
    ],
    cost: { amount: 30_000, note: 'Tarif PNBP penerbitan SKCK (PP 76/2020).' },
    slaDays: null,
    channels: ['online', 'app', 'counter'],
    officialChannel: 'SKCK Online (skck.polri.go.id) dan Super App Polri (Presisi)',
    legalBasis:
      'Peraturan Kapolri Nomor 18 Tahun 2014 tentang Tata Cara Penerbitan Surat Keterangan Catatan Kepolisian; Peraturan Pemerintah Nomor 76 Tahun 2020 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kepolisian Negara Republik Indonesia',
    keywords: [
      'skck',
      'surat kelakuan baik',
      'catatan kepolisian',
      'berkelakuan baik',
      'police clearance',
      'good conduct certificate',
      'police certificate',
    ],
    form: form(
      ['nik', 'nama', 'tempatLahir', 'tanggalLahir', 'jenisKelamin', 'alamat', 'keperluan'],
      {
        nik: nik(),
        nama: nama(),
        tempatLahir: tempatLahir(),
        tanggalLahir: tanggalLahir(),
        jenisKelamin: jenisKelamin(),
        alamat: alamat(),
        keperluan: text('Keperluan', 'Purpose', 200),
        nomorTelepon: telepon(),
      },
    ),
    prefill: {
      nik: 'nik',
      nama: 'name',
      tanggalLahir: 'birthDate',
      jenisKelamin: 'sex',
      alamat: 'address',
    },
  },
  // ---- Keimigrasian ------------------------------------------------------------------------------
  {
    slug: 'paspor',
    name: 'Paspor Biasa (Non-Elektronik)',
    nameEn: 'Ordinary Passport (Non-Electronic)',
    summary:
      'Penerbitan paspor biasa non-elektronik 48 halaman bagi Warga Negara Indonesia di Kantor Imigrasi.',
    summaryEn:
      'Issue of the ordinary 48-page non-electronic passport for Indonesian citizens at an immigration office.',
    description:
      'Paspor biasa diterbitkan oleh Direktorat Jenderal Imigrasi melalui Kantor Imigrasi. Pemohon mendaftar dan membayar melalui aplikasi M-Paspor, lalu datang ke Kantor Imigrasi pada jadwal yang dipilih untuk verifikasi dokumen, wawancara, foto, dan sidik jari. Paspor untuk pemohon dewasa berlaku paling lama 10 tahun.',
    providerAgencyCode: 'P.KEMENIMIPAS',
    providerUnit: 'Direktorat Jenderal Imigrasi',
    deliveredBy: 'national',
    handlingUnit: 'Kantor Imigrasi',
    category: 'keimigrasian',
    lifeEvents: ['mencari-kerja'],
    requirements: [...PASPOR_REQUIREMENTS],
    cost: {
      amount: 350_000,
      note: 'Tarif PNBP paspor biasa non-elektronik 48 halaman (PP 28/2019).',
    },
    slaDays: null,
    channels: ['app', 'counter'],
    officialChannel: 'Aplikasi M-Paspor',
    legalBasis: PASPOR_BASIS,
    keywords: [
      'paspor',
      'pasport',
      'passport',
      'bikin paspor',
      'paspor baru',
      'perpanjang paspor',
      'imigrasi',
      'm-paspor',
    ],
    form: pasporForm(),
    prefill: PASPOR_PREFILL,
  },
  {
    slug: 'e-paspor',
    name: 'Paspor Elektronik (E-Paspor)',
    nameEn: 'Electronic Passport (E-Passport)',
    summary:
      'Penerbitan paspor elektronik 48 halaman yang dilengkapi cip berisi data biometrik pemegang.',
    summaryEn:
      'Issue of the 48-page electronic passport with a chip holding the bearer’s biometric data.',
    description:
      'E-paspor memuat cip yang menyimpan data dan biometrik pemegang paspor. Permohonan didaftarkan dan dibayar melalui aplikasi M-Paspor, lalu diselesaikan di Kantor Imigrasi yang melayani penerbitan e-paspor. Persyaratannya sama dengan paspor biasa.',
    providerAgencyCode: 'P.KEMENIMIPAS',
    providerUnit: 'Direktorat Jenderal Imigrasi',
    deliveredBy: 'national',
    handlingUnit: 'Kantor Imigrasi',
    category: 'keimigrasian',
    lifeEvents: ['mencari-kerja'],
    requirements: [...PASPOR_REQUIREMENTS],
    cost: { amount: 650_000, note: 'Tarif PNBP paspor elektronik 48 halaman (PP 28/2019).' },
    slaDays: null,
    channels: ['app', 'counter'],
    officialChannel: 'Aplikasi M-Paspor',
    legalBasis: PASPOR_BASIS,
    keywords: [
      'e-paspor',
      'epaspor',
      'paspor elektronik',
      'paspor chip',
      'e-passport',
      'electronic passport',
    ],
    form: pasporForm(),
    prefill: PASPOR_PREFILL,
  },
  // ---- Lalu lintas (Polri) -------------------------------------------------------------------------
  {
    slug: 'sim-a-baru',
    name: 'SIM A Baru',
    nameEn: 'New Car Driving Licence (SIM A)',
    summary:
      'Penerbitan Surat Izin Mengemudi golongan A untuk mobil penumpang dan barang perseorangan.',
    summaryEn: 'Issue of the class A driving licence for private cars and light goods vehicles.',
    description:
      'SIM A diterbitkan oleh Polri melalui Satpas Polres setelah pemohon lulus pemeriksaan kesehatan, tes psikologi, ujian teori, dan ujian praktik. Pemohon harus berusia paling rendah 17 tahun. SIM berlaku 5 tahun.',
    providerAgencyCode: 'P.POLRI',
    providerUnit: KORLANTAS,
    deliveredBy: 'national',
    handlingUnit: SATPAS,
    category: 'transportasi',
    lifeEvents: ['mencari-kerja'],
    requirements: [...SIM_BARU_REQUIREMENTS],
    cost: {
      amount: 120_000,
      note: 'Tarif PNBP penerbitan SIM A baru (PP 76/2020); belum termasuk biaya pemeriksaan kesehatan dan tes psikologi.',
    },
    slaDays: null,
    channels: ['counter'],
    legalBasis: SIM_BASIS,
    keywords: [
      'sim a',
      'sim mobil',
      'bikin sim',
      'buat sim',
      'sim baru',
      'driving licence',
      "driver's license",
      'car licence',
    ],
    form: simBaruForm(),
    prefill: SIM_PREFILL,
  },
  {
    slug: 'sim-c-baru',
    name: 'SIM C Baru',
    nameEn: 'New Motorcycle Driving Licence (SIM C)',
    summary: 'Penerbitan Surat Izin Mengemudi golongan C untuk sepeda motor.',
    summaryEn: 'Issue of the class C driving licence for motorcycles.',
    description:
      'SIM C diterbitkan oleh Polri melalui Satpas Polres setelah pemohon lulus pemeriksaan kesehatan, tes psikologi, ujian teori, dan ujian praktik. Pemohon harus berusia paling rendah 17 tahun. SIM berlaku 5 tahun.',
    providerAgencyCode: 'P.POLRI',
    providerUnit: KORLANTAS,
    deliveredBy: 'national',
    handlingUnit: SATPAS,
    category: 'transportasi',
    lifeEvents: ['mencari-kerja'],
    requirements: [...SIM_BARU_REQUIREMENTS],
    cost: {
      amount: 100_000,
      note: 'Tarif PNBP penerbitan SIM C baru (PP 76/2020); belum termasuk biaya pemeriksaan kesehatan dan tes psikologi.',
    },
    slaDays: null,
    channels: ['counter'],
    legalBasis: SIM_BASIS,
    keywords: [
      'sim c',
      'sim motor',
      'bikin sim motor',
      'buat sim',
      'sim baru',
      'motorcycle licence',
      "driver's license",
    ],
    form: simBaruForm(),
    prefill: SIM_PREFILL,
  },
  {
    slug: 'perpanjangan-sim-a',
    name: 'Perpanjangan SIM A',
    nameEn: 'Car Driving Licence Renewal (SIM A)',
    summary: 'Perpanjangan masa berlaku SIM A sebelum masa berlakunya habis.',
    summaryEn: 'Renewal of the class A driving licence before it expires.',
    description: PERPANJANGAN_SIM_DESCRIPTION,
    providerAgencyCode: 'P.POLRI',
    providerUnit: KORLANTAS,
    deliveredBy: 'national',
    handlingUnit: SATPAS,
    category: 'transportasi',
    lifeEvents: [],
    requirements: [...PERPANJANGAN_SIM_REQUIREMENTS],
    cost: {
      amount: 80_000,
      note: 'Tarif PNBP perpanjangan SIM A (PP 76/2020); belum termasuk biaya pemeriksaan kesehatan dan tes psikologi.',
    },
    slaDays: null,
    channels: ['app', 'counter'],
    officialChannel: 'Aplikasi SINAR (SIM Nasional Presisi)',
    legalBasis: SIM_BASIS,
    keywords: [
      'perpanjang sim',
      'perpanjangan sim a',
      'sim mati',
      'sim online',
      'sinar',
      'renew driving licence',
      'licence renewal',
    ],
    form: perpanjanganSimForm(),
    prefill: PERPANJANGAN_SIM_PREFILL,
  },
  {
    slug: 'perpanjangan-sim-c',
    name: 'Perpanjangan SIM C',
    nameEn: 'Motorcycle Driving Licence Renewal (SIM C)',
    summary: 'Perpanjangan masa berlaku SIM C sebelum masa berlakunya habis.',
    summaryEn: 'Renewal of the class C driving licence before it expires.',
    description: PERPANJANGAN_SIM_DESCRIPTION,
    providerAgencyCode: 'P.POLRI',
    providerUnit: KORLANTAS,
    deliveredBy: 'national',
    handlingUnit: SATPAS,
    category: 'transportasi',
    lifeEvents: [],
    requirements: [...PERPANJANGAN_SIM_REQUIREMENTS],
    cost: {
      amount: 75_000,
      note: 'Tarif PNBP perpanjangan SIM C (PP 76/2020); belum termasuk biaya pemeriksaan kesehatan dan tes psikologi.',
    },
    slaDays: null,
    channels: ['app', 'counter'],
    officialChannel: 'Aplikasi SINAR (SIM Nasional Presisi)',
    legalBasis: SIM_BASIS,
    keywords: [
      'perpanjang sim',
      'perpanjangan sim c',
      'sim motor mati',
      'sim online',
      'sinar',
      'renew motorcycle licence',
    ],
    form: perpanjanganSimForm(),
    prefill: PERPANJANGAN_SIM_PREFILL,
  },
  {
    slug: 'perpanjangan-stnk',
    name: 'Perpanjangan STNK Lima Tahunan (Ganti STNK dan Pelat Nomor)',
    nameEn: 'Five-Yearly Vehicle Registration Renewal (New STNK and Number Plates)',
    summary:
      'Penerbitan STNK dan Tanda Nomor Kendaraan Bermotor baru setiap 5 tahun di Kantor Bersama Samsat, bersama pembayaran Pajak Kendaraan Bermotor.',
    summaryEn:
      'Issue of a new vehicle registration certificate and number plates every 5 years at the Samsat one-stop office, together with payment of the vehicle tax.',
    description:
      'STNK berlaku 5 tahun dan harus dimintakan pengesahan setiap tahun. Perpanjangan lima tahunan dilakukan di Kantor Bersama Samsat dengan cek fisik kendaraan, pembayaran Pajak Kendaraan Bermotor (PKB) kepada pemerintah provinsi, dan Sumbangan Wajib Dana Kecelakaan Lalu Lintas Jalan (SWDKLLJ). Pengesahan tahunan dapat dibayar secara daring melalui aplikasi SIGNAL (Samsat Digital Nasional).',
    providerAgencyCode: 'P.POLRI',
    providerUnit: KORLANTAS,
    deliveredBy: 'province',
    handlingUnit:
      'Kantor Bersama Samsat (Ditlantas Polda, Badan Pendapatan Daerah Provinsi, dan PT Jasa Raharja)',
    category: 'transportasi',
    lifeEvents: [],
    requirements: [
      'KTP-el pemilik kendaraan sesuai nama di STNK',
      'STNK asli',
      'BPKB asli',
      'Kendaraan dibawa untuk cek fisik (gesek nomor rangka dan nomor mesin)',
    ],
    cost: {
      amount: 100_000,
      note: 'PNBP penerbitan STNK Rp100.000 untuk roda dua/tiga atau Rp200.000 untuk roda empat atau lebih, ditambah TNKB Rp60.000 atau Rp100.000 (PP 76/2020); belum termasuk PKB dan SWDKLLJ yang besarnya tergantung kendaraan.',
    },
    slaDays: null,
    channels: ['counter'],
    legalBasis:
      'Peraturan Presiden Nomor 5 Tahun 2015 tentang Penyelenggaraan Sistem Administrasi Manunggal Satu Atap Kendaraan Bermotor; Peraturan Pemerintah Nomor 76 Tahun 2020 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kepolisian Negara Republik Indonesia',
    keywords: [
      'stnk',
      'perpanjang stnk',
      'stnk 5 tahun',
      'ganti plat',
      'pajak motor',
      'pajak mobil',
      'samsat',
      'pkb',
      'vehicle registration',
      'vehicle tax',
    ],
    form: form(['nik', 'nama', 'alamat', 'nomorPolisi', 'jenisKendaraan', 'nomorRangka'], {
      nik: nik(),
      nama: nama(),
      alamat: alamat(),
      nomorPolisi: text('Nomor Polisi', 'Registration (plate) number', 12),
      jenisKendaraan: choice(
        'Jenis Kendaraan',
        'Vehicle type',
        ['RODA_DUA', 'RODA_TIGA', 'RODA_EMPAT_ATAU_LEBIH'],
        ['Roda dua', 'Roda tiga', 'Roda empat atau lebih'],
      ),
      nomorRangka: text('Nomor Rangka', 'Chassis number (VIN)', 30),
      nomorTelepon: telepon(),
    }),
    prefill: { nik: 'nik', nama: 'name', alamat: 'address' },
  },
  {
    slug: 'laporan-kehilangan',
    name: 'Surat Keterangan Tanda Lapor Kehilangan',
    nameEn: 'Police Report of Lost Items',
    summary:
      'Pelaporan kehilangan barang atau dokumen ke kepolisian dan penerbitan surat keterangan tanda lapor kehilangan.',
    summaryEn:
      'Reporting lost items or documents to the police and issue of the certificate of the loss report.',
    description:
      'Surat keterangan tanda lapor kehilangan diterbitkan oleh Sentra Pelayanan Kepolisian Terpadu (SPKT) di Polsek, Polres, atau Polda. Surat ini diperlukan antara lain untuk mengurus penggantian KTP-el, Kartu Keluarga, SIM, STNK, buku tabungan, atau ijazah yang hilang. Layanan tidak dipungut biaya.',
    providerAgencyCode: 'P.POLRI',
    providerUnit: 'Sentra Pelayanan Kepolisian Terpadu (SPKT)',
    deliveredBy: 'national',
    handlingUnit: 'SPKT Polsek/Polres',
    category: 'hukum',
    lifeEvents: [],
    requirements: [
      'KTP-el pelapor',
      'Fotokopi dokumen atau bukti kepemilikan barang yang hilang, bila ada',
      'Keterangan waktu, tempat, dan kronologi kehilangan',
    ],
    cost: { amount: 0, note: 'Tidak dipungut biaya.' },
    slaDays: null,
    channels: ['counter'],
    officialChannel: 'SPKT Polsek/Polres/Polda',
    keywords: [
      'surat kehilangan',
      'lapor hilang',
      'laporan polisi',
      'ktp hilang',
      'dompet hilang',
      'kehilangan',
      'lost report',
      'police report',
    ],
    form: form(
      ['nik', 'nama', 'alamat', 'barangHilang', 'tanggalKejadian', 'lokasiKejadian', 'kronologi'],
      {
        nik: nik(),
        nama: nama(),
        alamat: alamat(),
        nomorTelepon: telepon(),
        barangHilang: text('Barang/Dokumen yang Hilang', 'Lost items or documents', 255, {
          textarea: true,
        }),
        tanggalKejadian: dateField('Tanggal Kehilangan', 'Date of loss'),
        lokasiKejadian: text('Perkiraan Lokasi Kehilangan', 'Where the loss happened', 200),
        kronologi: text('Kronologi', 'What happened', 2000, { textarea: true }),
      },
    ),
    prefill: { nik: 'nik', nama: 'name', alamat: 'address' },
  },
  {
    slug: 'izin-keramaian',
    name: 'Izin Keramaian',
    nameEn: 'Public Event Permit',
    summary:
      'Penerbitan surat izin kepolisian untuk kegiatan keramaian umum, tontonan untuk umum, atau arak-arakan di jalan umum.',
    summaryEn: 'Police permit for public gatherings, public shows, or processions on public roads.',
    description:
      'Kegiatan keramaian umum seperti pesta, festival, bazar, pameran, konser, kontes, pawai, jalan sehat, atau karnaval memerlukan izin Polri. Izin diterbitkan oleh Polsek, Polres, Polda, atau Mabes Polri sesuai skala dan lokasi kegiatan. Permohonan diajukan oleh penyelenggara sebelum kegiatan dengan melampirkan dokumen persyaratan.',
    providerAgencyCode: 'P.POLRI',
    providerUnit: 'Badan Intelijen Keamanan (Baintelkam) Polri',
    deliveredBy: 'national',
    handlingUnit: 'Satuan Intelijen Keamanan Polsek/Polres/Polda',
    category: 'hukum',
    lifeEvents: [],
    requirements: [
      'Surat permohonan yang memuat maksud, tempat, waktu, dan perkiraan jumlah peserta',
      'Daftar susunan panitia penyelenggara',
      'Persetujuan dari penanggung jawab tempat kegiatan',
      'Rekomendasi dari instansi atau organisasi terkait',
      'Pernyataan tertulis penyelenggara bahwa kegiatan tidak bertentangan dengan norma agama, kesusilaan, dan peraturan perundang-undangan',
      'Fotokopi anggaran dasar dan anggaran rumah tangga, bila penyelenggara berupa organisasi',
      'Fotokopi paspor dan/atau visa, bila kegiatan melibatkan orang asing',
      'Surat kuasa bermeterai, bila permohonan dikuasakan',
    ],
    cost: { amount: 0 },
    slaDays: null,
    channels: ['counter'],
    legalBasis:
      'Peraturan Pemerintah Nomor 60 Tahun 2017 tentang Tata Cara Perizinan dan Pengawasan Kegiatan Keramaian Umum, Kegiatan Masyarakat Lainnya, dan Pemberitahuan Kegiatan Politik; Peraturan Kepolisian Nomor 7 Tahun 2023',
    keywords: [
      'izin keramaian',
      'ijin keramaian',
      'izin acara',
      'izin hajatan',
      'izin konser',
      'izin pawai',
      'event permit',
      'crowd permit',
    ],
    form: form(
      [
        'nik',
        'nama',
        'alamat',
        'namaKegiatan',
        'jenisKegiatan',
        'tanggalMulai',
        'tanggalSelesai',
        'lokasiKegiatan',
        'perkiraanPeserta',
      ],
      {
        nik: nikField('NIK Penanggung Jawab', "Organiser's NIK"),
        nama: text('Nama Penanggung Jawab', "Organiser's name", 100),
        alamat: alamat(),
        namaKegiatan: text('Nama Kegiatan', 'Event name', 200),
        jenisKegiatan: choice(
          'Jenis Kegiatan',
          'Type of event',
          ['KERAMAIAN', 'TONTONAN_UMUM', 'ARAK_ARAKAN'],
          [
            'Keramaian (pesta, festival, bazar, pameran, olahraga)',
            'Tontonan untuk umum (konser, kontes)',
            'Arak-arakan di jalan umum (pawai, karnaval, konvoi)',
          ],
        ),
        tanggalMulai: dateField('Tanggal Mulai', 'Start date'),
        tanggalSelesai: dateField('Tanggal Selesai', 'End date'),
        lokasiKegiatan: text('Lokasi Kegiatan', 'Venue', 255),
        perkiraanPeserta: count(
          'Perkiraan Jumlah Peserta',
          'Expected number of participants',
          1,
          10_000_000,
        ),
        nomorTelepon: telepon(),
      },
    ),
    prefill: { nik: 'nik', nama: 'name', alamat: 'address' },
  },
  // ---- Hukum (Kementerian Hukum) ------------------------------------------------------------------
  {
    slug: 'apostille',
    name: 'Legalisasi Apostille',
    nameEn: 'Apostille',
    summary:
      'Pengesahan dokumen publik Indonesia dengan sertifikat Apostille agar diakui di negara pihak Konvensi Apostille tanpa legalisasi kedutaan.',
    summaryEn:
      'Certification of Indonesian public documents with an apostille so they are recognised in countries party to the Apostille Convention without embassy legalisation.',
    description:
      'Apostille menggantikan rantai legalisasi di Kementerian Luar Negeri dan kedutaan untuk dokumen yang dipakai di negara pihak Konvensi Apostille. Permohonan diajukan secara daring oleh pemilik dokumen atau kuasanya, dan sertifikat Apostille diterbitkan secara elektronik oleh Direktorat Jenderal Administrasi Hukum Umum. Dokumen yang dapat diapostille adalah dokumen publik yang ditandatangani pejabat yang spesimen tanda tangannya terdaftar.',
    providerAgencyCode: 'P.KEMENKUM',
    providerUnit: 'Direktorat Jenderal Administrasi Hukum Umum',
    deliveredBy: 'national',
    category: 'hukum',
    lifeEvents: ['mencari-kerja'],
    requirements: [
      'Akun layanan Apostille AHU Online',
      'Pindaian dokumen publik asli yang akan diapostille (misalnya ijazah, akta kelahiran, akta perkawinan, SKCK)',
      'Dokumen telah ditandatangani pejabat yang spesimen tanda tangannya terdaftar',
      'Pembayaran PNBP per dokumen',
    ],
    cost: { amount: 150_000, note: 'Tarif PNBP per dokumen.' },
    slaDays: null,
    channels: ['online'],
    officialChannel: 'Layanan Apostille AHU Online (apostille.ahu.go.id)',
    legalBasis:
      'Peraturan Presiden Nomor 2 Tahun 2021 tentang Pengesahan Convention Abolishing the Requirement of Legalisation for Foreign Public Documents; Peraturan Menteri Hukum dan HAM Nomor 6 Tahun 2022 tentang Layanan Legalisasi Apostille pada Dokumen Publik',
    keywords: [
      'apostille',
      'apostil',
      'legalisir dokumen luar negeri',
      'legalisasi kemenkumham',
      'legalisasi ahu',
      'document legalisation',
    ],
    form: form(['nik', 'nama', 'email', 'jenisDokumen', 'jumlahDokumen', 'negaraTujuan'], {
      nik: nik(),
      nama: nama(),
      email: email(),
      nomorTelepon: telepon(),
      jenisDokumen: text('Jenis Dokumen', 'Type of document', 150),
      jumlahDokumen: count('Jumlah Dokumen', 'Number of documents', 1, 100),
      negaraTujuan: text('Negara Tujuan', 'Destination country', 100),
    }),
    prefill: { nik: 'nik', nama: 'name' },
  },
  // ---- Usaha -------------------------------------------------------------------------------------
  {
    slug: 'nib-oss',
    name: 'Nomor Induk Berusaha (NIB) melalui OSS',
    nameEn: 'Business Identification Number (NIB) via OSS',
    summary:
      'Pendaftaran usaha dan penerbitan Nomor Induk Berusaha secara daring melalui sistem Online Single Submission berbasis risiko.',
    summaryEn:
      'Online business registration and issue of the business identification number through the risk-based Online Single Submission system.',
    description:
      'NIB adalah identitas pelaku usaha yang diterbitkan melalui sistem OSS berbasis risiko. Bagi kegiatan usaha berisiko rendah, NIB sekaligus berlaku sebagai perizinan berusaha; kegiatan berisiko lebih tinggi memerlukan sertifikat standar atau izin tambahan. NIB menggantikan Izin Usaha Mikro Kecil (IUMK) bagi usaha mikro dan kecil.',
    providerAgencyCode: 'P.BKPM',
    providerUnit: 'Kementerian Investasi dan Hilirisasi/BKPM (Lembaga OSS)',
    deliveredBy: 'national',
    category: 'usaha',
    lifeEvents: ['memulai-usaha'],
    requirements: [
      'NIK pada KTP-el bagi usaha perseorangan, atau akta pendirian dan pengesahan badan hukum bagi badan usaha',
      'Akun OSS dengan alamat email dan nomor telepon aktif',
      'Data usaha: nama dan alamat usaha, bidang usaha (KBLI), modal usaha, dan jumlah tenaga kerja',
    ],
    cost: { amount: 0, note: 'Tidak dipungut biaya.' },
    slaDays: 0,
    channels: ['online', 'counter'],
    officialChannel: OSS_CHANNEL,
    legalBasis:
      'Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang',
    keywords: [
      'nib',
      'oss',
      'izin usaha',
      'ijin usaha',
      'iumk',
      'daftar usaha',
      'izin umkm',
      'business licence',
      'business registration',
    ],
    form: form(
      [
        'nik',
        'nama',
        'email',
        'namaUsaha',
        'alamatUsaha',
        'kbli',
        'modalUsaha',
        'jumlahTenagaKerja',
      ],
      {
        nik: nik(),
        nama: nama(),
        email: email(),
        nomorTelepon: telepon(),
        namaUsaha: text('Nama Usaha', 'Business name', 150),
        alamatUsaha: text('Alamat Usaha', 'Business address', 255, { textarea: true }),
        kbli: digits('Kode KBLI', 'Business classification code (KBLI)', '^[0-9]{5}$', 5),
        modalUsaha: count('Modal Usaha (Rp)', 'Business capital (IDR)', 0, 100_000_000_000_000),
        jumlahTenagaKerja: count('Jumlah Tenaga Kerja', 'Number of workers', 0, 1_000_000),
      },
    ),
    prefill: { nik: 'nik', nama: 'name' },
  },
  {
    slug: 'sertifikat-halal-self-declare',
    name: 'Sertifikat Halal Jalur Pernyataan Pelaku Usaha (Self-Declare)',
    nameEn: 'Halal Certificate, Self-Declaration Route',
    summary:
      'Sertifikasi halal bagi usaha mikro dan kecil berdasarkan pernyataan pelaku usaha yang didampingi Pendamping Proses Produk Halal.',
    summaryEn:
      'Halal certification for micro and small businesses based on the business’s own declaration, verified by a halal process assistant.',
    description:
      'Usaha mikro dan kecil dengan produk yang tidak berisiko dan bahan yang sudah dipastikan kehalalannya dapat mengajukan sertifikat halal melalui jalur pernyataan pelaku usaha (self-declare). Permohonan diajukan melalui SIHALAL dan diverifikasi oleh Pendamping Proses Produk Halal (P3H), lalu ditetapkan kehalalannya dan sertifikat diterbitkan oleh BPJPH. Produk atau usaha yang tidak memenuhi kriteria ini menempuh jalur reguler dengan pemeriksaan oleh Lembaga Pemeriksa Halal.',
    providerAgencyCode: 'P.BPJPH',
    providerUnit: 'Badan Penyelenggara Jaminan Produk Halal',
    deliveredBy: 'national',
    category: 'usaha',
    lifeEvents: ['memulai-usaha'],
    requirements: [
      'Nomor Induk Berusaha (NIB)',
      'Usaha mikro atau kecil dengan hasil penjualan tahunan paling banyak Rp500 juta',
      'Produk tidak berisiko dan bahan yang digunakan sudah dipastikan kehalalannya',
      'Proses produksi sederhana',
      'Didampingi Pendamping Proses Produk Halal (P3H)',
      'Pernyataan pelaku usaha tentang kehalalan produk dan bahan yang digunakan',
    ],
    cost: {
      amount: 0,
      note: 'Tidak dipungut biaya dari pelaku usaha selama kuota program Sertifikasi Halal Gratis (SEHATI) tersedia; jalur reguler dikenai tarif layanan BPJPH dan biaya pemeriksaan Lembaga Pemeriksa Halal.',
    },
    slaDays: null,
    channels: ['online'],
    officialChannel: 'SIHALAL (ptsp.halal.go.id)',
    legalBasis:
      'Undang-Undang Nomor 33 Tahun 2014 tentang Jaminan Produk Halal; Peraturan Pemerintah Nomor 39 Tahun 2021 tentang Penyelenggaraan Bidang Jaminan Produk Halal',
    keywords: [
      'sertifikat halal',
      'sertipikat halal',
      'label halal',
      'halal gratis',
      'sehati',
      'self declare',
      'sihalal',
      'halal certificate',
    ],
    form: form(['nik', 'nama', 'nib', 'namaUsaha', 'alamatUsaha', 'daftarProduk'], {
      nik: nik(),
      nama: nama(),
      nomorTelepon: telepon(),
      nib: nibField(),
      namaUsaha: text('Nama Usaha', 'Business name', 150),
      alamatUsaha: text('Alamat Usaha', 'Business address', 255, { textarea: true }),
      daftarProduk: text('Daftar Produk', 'Products to certify', 1000, { textarea: true }),
    }),
    prefill: { nik: 'nik', nama: 'name' },
  },
  {
    slug: 'spp-irt',
    name: 'Sertifikat Produksi Pangan Industri Rumah Tangga (SPP-IRT)',
    nameEn: 'Home-Industry Food Production Certificate (SPP-IRT/PIRT)',
    summary:
      'Penerbitan SPP-IRT (nomor PIRT) bagi usaha rumah tangga yang memproduksi pangan olahan tertentu.',
    summaryEn:
      'Issue of the home-industry food production certificate (PIRT number) for household businesses producing certain processed foods.',
    description:
      'Industri rumah tangga pangan yang memproduksi jenis pangan olahan yang diizinkan wajib memiliki SPP-IRT sebelum mengedarkan produknya. Permohonan diajukan melalui OSS dan diproses oleh pemerintah kabupaten/kota melalui Dinas Kesehatan, yang menyelenggarakan penyuluhan keamanan pangan dan memeriksa sarana produksi. Nomor PIRT dicantumkan pada label produk.',
    providerAgencyCode: 'P.BPOM',
    providerUnit: 'Deputi Bidang Pengawasan Pangan Olahan',
    deliveredBy: 'regency',
    handlingUnit: 'Dinas Kesehatan Kabupaten/Kota (diterbitkan melalui OSS oleh DPMPTSP)',
    category: 'usaha',
    lifeEvents: ['memulai-usaha'],
    requirements: [
      'Nomor Induk Berusaha (NIB)',
      'Sertifikat Penyuluhan Keamanan Pangan (PKP) pemilik atau penanggung jawab',
      'Rancangan label produk pangan',
      'Hasil pemeriksaan sarana produksi yang memenuhi Cara Produksi Pangan yang Baik untuk Industri Rumah Tangga (CPPB-IRT)',
      'Jenis pangan termasuk yang boleh diproduksi industri rumah tangga',
    ],
    cost: { amount: 0 },
    slaDays: null,
    channels: ['online', 'counter'],
    officialChannel: OSS_CHANNEL,
    legalBasis:
      'Peraturan Badan Pengawas Obat dan Makanan Nomor 22 Tahun 2018 tentang Pedoman Pemberian Sertifikat Produksi Pangan Industri Rumah Tangga',
    keywords: [
      'pirt',
      'p-irt',
      'spp irt',
      'izin pirt',
      'izin makanan rumahan',
      'izin produksi rumahan',
      'home industry food permit',
    ],
    form: form(
      ['nik', 'nama', 'nib', 'namaUsaha', 'alamatUsaha', 'jenisPangan', 'nomorSertifikatPKP'],
      {
        nik: nik(),
        nama: nama(),
        nib: nibField(),
        namaUsaha: text('Nama Usaha', 'Business name', 150),
        alamatUsaha: text('Alamat Sarana Produksi', 'Production site address', 255, {
          textarea: true,
        }),
        jenisPangan: text('Jenis dan Nama Produk Pangan', 'Food products', 500, { textarea: true }),
        nomorSertifikatPKP: text(
          'Nomor Sertifikat Penyuluhan Keamanan Pangan',
          'Food safety training certificate number',
          50,
        ),
        nomorTelepon: telepon(),
      },
    ),
    prefill: { nik: 'nik', nama: 'name' },
  },
  {
    slug: 'izin-edar-bpom-pangan-olahan',
    name: 'Izin Edar Pangan Olahan BPOM (MD/ML)',
    nameEn: 'BPOM Marketing Authorisation for Processed Food (MD/ML)',
    summary:
      'Pendaftaran pangan olahan produksi dalam negeri (MD) atau impor (ML) untuk memperoleh nomor izin edar BPOM.',
    summaryEn:
      'Registration of domestically produced (MD) or imported (ML) processed food to obtain a BPOM marketing authorisation number.',
    description:
      'Pangan olahan yang diproduksi atau diimpor untuk diperdagangkan dalam kemasan eceran wajib memiliki izin edar. Pendaftaran dilakukan secara elektronik ke BPOM, yang menilai keamanan, mutu, gizi, dan label produk. Pangan olahan industri rumah tangga yang memenuhi ketentuan cukup memiliki SPP-IRT dari pemerintah kabupaten/kota.',
    providerAgencyCode: 'P.BPOM',
    providerUnit: 'Direktorat Registrasi Pangan Olahan',
    deliveredBy: 'national',
    category: 'usaha',
    lifeEvents: ['memulai-usaha'],
    requirements: [
      'Nomor Induk Berusaha (NIB)',
      'Akun pelaku usaha pada sistem registrasi pangan olahan BPOM',
      'Hasil pemeriksaan sarana produksi atau bukti penerapan Cara Produksi Pangan Olahan yang Baik (CPPOB)',
      'Data produk: komposisi, proses produksi, masa simpan, dan hasil uji laboratorium',
      'Rancangan label',
    ],
    cost: {
      amount: null,
      note: 'Dikenai PNBP BPOM per produk sesuai jenis dan kategori pangan; usaha mikro dan kecil dapat dikenai tarif lebih rendah.',
    },
    slaDays: null,
    channels: ['online'],
    officialChannel: 'Sistem registrasi pangan olahan BPOM (e-registration)',
    legalBasis: 'Undang-Undang Nomor 18 Tahun 2012 tentang Pangan',
    keywords: [
      'bpom',
      'izin bpom',
      'ijin bpom',
      'md bpom',
      'izin edar',
      'daftar bpom',
      'registrasi pangan',
      'food registration',
      'bpom registration',
    ],
    form: form(['nik', 'nama', 'nib', 'namaPerusahaan', 'namaProduk', 'jenisPangan'], {
      nik: nikField('NIK Penanggung Jawab', "Responsible person's NIK"),
      nama: text('Nama Penanggung Jawab', "Responsible person's name", 100),
      nib: nibField(),
      namaPerusahaan: text('Nama Perusahaan', 'Company name', 150),
      namaProduk: text('Nama Produk', 'Product name', 150),
      merek: text('Merek', 'Brand', 100),
      jenisPangan: text('Jenis Pangan', 'Food category', 150),
      nomorTelepon: telepon(),
    }),
    prefill: { nik: 'nik', nama: 'name' },
  },
  {
    slug: 'pendaftaran-merek',
    name: 'Pendaftaran Merek',
    nameEn: 'Trademark Registration',
    summary:
      'Permohonan pendaftaran merek dagang atau jasa secara daring ke Direktorat Jenderal Kekayaan Intelektual.',
    summaryEn:
      'Online application to register a trade or service mark with the Directorate General of Intellectual Property.',
    description:
      'Merek didaftarkan agar pemiliknya memperoleh hak eksklusif atas merek untuk barang atau jasa dalam kelas yang dimohonkan. Permohonan diajukan secara daring, diumumkan untuk memberi kesempatan keberatan, lalu diperiksa secara substantif sebelum sertifikat merek diterbitkan. Perlindungan merek terdaftar berlaku 10 tahun dan dapat diperpanjang.',
    providerAgencyCode: 'P.KEMENKUM',
    providerUnit: 'Direktorat Jenderal Kekayaan Intelektual',
    deliveredBy: 'national',
    category: 'usaha',
    lifeEvents: ['memulai-usaha'],
    requirements: [
      'Label atau etiket merek',
      'Data pemohon (KTP-el bagi pemohon perseorangan)',
      'Daftar barang dan/atau jasa serta kelasnya',
      'Surat pernyataan kepemilikan merek yang ditandatangani pemohon',
      'Bukti sebagai usaha mikro atau kecil, bila memakai tarif UMK',
    ],
    cost: {
      amount: 500_000,
      note: 'Per kelas, permohonan daring oleh usaha mikro dan kecil; pemohon umum Rp1.800.000 per kelas (PP 28/2019).',
    },
    slaDays: null,
    channels: ['online'],
    officialChannel: 'Merek DJKI (merek.dgip.go.id)',
    legalBasis:
      'Undang-Undang Nomor 20 Tahun 2016 tentang Merek dan Indikasi Geografis; Peraturan Pemerintah Nomor 28 Tahun 2019 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kementerian Hukum dan Hak Asasi Manusia',
    keywords: ['merek', 'merk', 'daftar merek', 'hak merek', 'haki', 'djki', 'brand', 'trademark'],
    form: form(
      ['nik', 'nama', 'email', 'alamat', 'jenisPemohon', 'namaMerek', 'kelas', 'uraianBarangJasa'],
      {
        nik: nik(),
        nama: nama(),
        email: email(),
        alamat: alamat(),
        jenisPemohon: choice(
          'Jenis Pemohon',
          'Applicant type',
          ['UMK', 'UMUM'],
          ['Usaha mikro dan kecil', 'Umum'],
        ),
        namaMerek: text('Nama Merek', 'Mark', 100),
        kelas: count('Kelas Barang/Jasa', 'Nice class', 1, 45),
        uraianBarangJasa: text('Uraian Barang/Jasa', 'Goods or services', 2000, { textarea: true }),
      },
    ),
    prefill: { nik: 'nik', nama: 'name', alamat: 'address' },
  },
  {
    slug: 'pt-perorangan',
    name: 'Pendirian PT Perorangan',
    nameEn: 'Single-Founder Limited Company (PT Perorangan) Registration',
    summary:
      'Pendaftaran pendirian perseroan perorangan bagi usaha mikro dan kecil secara daring tanpa akta notaris.',
    summaryEn:
      'Online registration of a single-founder limited company for micro and small businesses, without a notarial deed.',
    description:
      'Perseroan perorangan didirikan oleh satu orang Warga Negara Indonesia dengan mengisi pernyataan pendirian secara elektronik, tanpa akta notaris. Setelah pernyataan pendirian didaftarkan dan PNBP dibayar, perseroan memperoleh status badan hukum dengan sertifikat pendaftaran elektronik. Seseorang hanya dapat mendirikan satu perseroan perorangan dalam satu tahun.',
    providerAgencyCode: 'P.KEMENKUM',
    providerUnit: 'Direktorat Jenderal Administrasi Hukum Umum',
    deliveredBy: 'national',
    category: 'usaha',
    lifeEvents: ['memulai-usaha'],
    requirements: [
      'Warga Negara Indonesia berusia paling rendah 17 tahun dan cakap hukum',
      'KTP-el dan NPWP pendiri',
      'Usaha memenuhi kriteria usaha mikro dan kecil',
      'Pernyataan pendirian yang diisi secara elektronik (nama perseroan, tempat kedudukan, maksud dan tujuan, modal dasar)',
    ],
    cost: { amount: 50_000, note: 'PNBP pendaftaran pernyataan pendirian perseroan perorangan.' },
    slaDays: null,
    channels: ['online'],
    officialChannel: 'AHU Online (ahu.go.id)',
    legalBasis:
      'Peraturan Pemerintah Nomor 8 Tahun 2021 tentang Modal Dasar Perseroan serta Pendaftaran Pendirian, Perubahan, dan Pembubaran Perseroan yang Memenuhi Kriteria untuk Usaha Mikro dan Kecil',
    keywords: [
      'pt perorangan',
      'pt perseorangan',
      'pt umk',
      'pt tanpa notaris',
      'badan hukum umkm',
      'sole proprietor company',
    ],
    form: form(
      [
        'nik',
        'nama',
        'tanggalLahir',
        'alamat',
        'namaPerseroan',
        'tempatKedudukan',
        'kbli',
        'modalDasar',
      ],
      {
        nik: nik(),
        nama: nama(),
        tanggalLahir: tanggalLahir(),
        alamat: alamat(),
        namaPerseroan: text('Nama Perseroan', 'Company name', 150),
        tempatKedudukan: text(
          'Tempat Kedudukan (Kabupaten/Kota)',
          'Registered seat (regency/city)',
          100,
        ),
        kbli: digits('Kode KBLI', 'Business classification code (KBLI)', '^[0-9]{5}$', 5),
        modalDasar: count('Modal Dasar (Rp)', 'Authorised capital (IDR)', 1, 100_000_000_000_000),
        email: email(),
      },
    ),
    prefill: { nik: 'nik', nama: 'name', tanggalLahir: 'birthDate', alamat: 'address' },
  },
  // ---- Pajak ---------------------------------------------------------------------------------------
  {
    slug: 'npwp',
    name: 'Pendaftaran NPWP dan Aktivasi NIK sebagai NPWP',
    nameEn: 'Taxpayer Registration (NPWP) and Activating the NIK as Tax Number',
    summary:
      'Pendaftaran wajib pajak orang pribadi sehingga NIK dapat digunakan sebagai Nomor Pokok Wajib Pajak.',
    summaryEn:
      'Registration as an individual taxpayer so that the NIK serves as the taxpayer identification number.',
    description:
      'Bagi penduduk, NIK digunakan sebagai Nomor Pokok Wajib Pajak (NPWP) setelah didaftarkan dan diaktivasi pada sistem Direktorat Jenderal Pajak. Pendaftaran dapat dilakukan secara daring atau di Kantor Pelayanan Pajak. NPWP diperlukan antara lain untuk melamar kerja, membuka usaha, dan melaporkan SPT Tahunan.',
    providerAgencyCode: 'P.KEMENKEU',
    providerUnit: DJP,
    deliveredBy: 'national',
    handlingUnit: 'Kantor Pelayanan Pajak (KPP)',
    category: 'pajak',
    lifeEvents: ['mencari-kerja', 'memulai-usaha'],
    requirements: [
      'KTP-el (NIK) bagi Warga Negara Indonesia',
      'Alamat email dan nomor telepon aktif',
      'Data usaha (nama, alamat, dan jenis usaha) bagi orang pribadi yang menjalankan usaha',
    ],
    cost: { amount: 0, note: 'Tidak dipungut biaya.' },
    slaDays: null,
    channels: ['online', 'counter'],
    officialChannel: CORETAX,
    legalBasis: 'Undang-Undang Nomor 7 Tahun 2021 tentang Harmonisasi Peraturan Perpajakan',
    keywords: [
      'npwp',
      'nik jadi npwp',
      'daftar npwp',
      'bikin npwp',
      'validasi nik npwp',
      'tax number',
      'tax registration',
      'tin',
    ],
    form: form(['nik', 'nama', 'tanggalLahir', 'alamat', 'email', 'statusPekerjaan'], {
      nik: nik(),
      nama: nama(),
      tanggalLahir: tanggalLahir(),
      alamat: alamat(),
      email: email(),
      nomorTelepon: telepon(),
      statusPekerjaan: choice(
        'Sumber Penghasilan',
        'Source of income',
        ['PEKERJAAN', 'USAHA', 'LAINNYA'],
        ['Pekerjaan (karyawan)', 'Usaha atau pekerjaan bebas', 'Lainnya'],
      ),
    }),
    prefill: { nik: 'nik', nama: 'name', tanggalLahir: 'birthDate', alamat: 'address' },
  },
  {
    slug: 'spt-tahunan',
    name: 'Pelaporan SPT Tahunan PPh Orang Pribadi',
    nameEn: 'Annual Individual Income Tax Return (SPT Tahunan)',
    summary:
      'Penyampaian Surat Pemberitahuan Tahunan Pajak Penghasilan orang pribadi secara elektronik.',
    summaryEn: 'Electronic filing of the annual individual income tax return.',
    description:
      'Wajib pajak orang pribadi menyampaikan SPT Tahunan paling lambat 3 bulan setelah akhir tahun pajak, yaitu 31 Maret. SPT disampaikan secara elektronik dengan melampirkan bukti potong dari pemberi kerja, daftar harta dan utang, serta tanggungan keluarga. Keterlambatan penyampaian dikenai denda administrasi Rp100.000.',
    providerAgencyCode: 'P.KEMENKEU',
    providerUnit: DJP,
    deliveredBy: 'national',
    handlingUnit: 'Kantor Pelayanan Pajak (KPP)',
    category: 'pajak',
    lifeEvents: [],
    requirements: [
      'NIK/NPWP yang sudah aktif dan akun pada sistem DJP',
      'Bukti potong PPh dari pemberi kerja (formulir 1721-A1 atau 1721-A2), bila karyawan',
      'Daftar harta dan utang pada akhir tahun pajak',
      'Daftar tanggungan keluarga',
      'Catatan atau pembukuan penghasilan, bila menjalankan usaha atau pekerjaan bebas',
    ],
    cost: {
      amount: 0,
      note: 'Penyampaian SPT tidak dipungut biaya; keterlambatan dikenai denda administrasi Rp100.000 untuk orang pribadi.',
    },
    slaDays: null,
    channels: ['online', 'counter'],
    officialChannel: CORETAX,
    legalBasis:
      'Undang-Undang Nomor 6 Tahun 1983 tentang Ketentuan Umum dan Tata Cara Perpajakan sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023',
    keywords: [
      'spt',
      'spt tahunan',
      'lapor pajak',
      'lapor spt',
      'e-filing',
      'efiling',
      'pajak penghasilan',
      'tax return',
      'income tax',
    ],
    form: form(['nik', 'nama', 'tahunPajak', 'sumberPenghasilan', 'statusSPT', 'penghasilanNeto'], {
      nik: nik(),
      nama: nama(),
      tahunPajak: tahunPajak(),
      sumberPenghasilan: choice(
        'Sumber Penghasilan',
        'Source of income',
        ['PEKERJAAN', 'USAHA', 'PEKERJAAN_DAN_USAHA', 'LAINNYA'],
        ['Pekerjaan (karyawan)', 'Usaha atau pekerjaan bebas', 'Pekerjaan dan usaha', 'Lainnya'],
      ),
      statusSPT: choice(
        'Status SPT',
        'Return status',
        ['NIHIL', 'KURANG_BAYAR', 'LEBIH_BAYAR'],
        ['Nihil', 'Kurang bayar', 'Lebih bayar'],
      ),
      penghasilanNeto: count(
        'Penghasilan Neto Setahun (Rp)',
        'Annual net income (IDR)',
        0,
        100_000_000_000_000,
      ),
      email: email(),
    }),
    prefill: { nik: 'nik', nama: 'name' },
  },
  {
    slug: 'pbb-p2',
    name: 'Pembayaran Pajak Bumi dan Bangunan Perdesaan dan Perkotaan (PBB-P2)',
    nameEn: 'Rural and Urban Land and Building Tax (PBB-P2) Payment',
    summary:
      'Pembayaran PBB-P2 tahunan atas tanah dan bangunan berdasarkan SPPT yang diterbitkan pemerintah kabupaten/kota.',
    summaryEn:
      'Payment of the annual land and building tax on the basis of the tax assessment issued by the regency or city.',
    description:
      'PBB-P2 adalah pajak daerah kabupaten/kota atas tanah dan bangunan, dengan tarif paling tinggi 0,5% dari dasar pengenaan. Setiap tahun pemerintah kabupaten/kota menerbitkan Surat Pemberitahuan Pajak Terutang (SPPT) yang memuat Nomor Objek Pajak (NOP) dan jumlah pajak. Pembayaran dapat dilakukan melalui bank, kantor pos, atau kanal pembayaran daring yang ditunjuk pemerintah daerah, sebelum jatuh tempo yang tercantum pada SPPT.',
    providerAgencyCode: 'P.KEMENKEU',
    providerUnit: 'Direktorat Jenderal Perimbangan Keuangan',
    deliveredBy: 'regency',
    handlingUnit: 'Badan Pendapatan Daerah Kabupaten/Kota',
    category: 'pajak',
    lifeEvents: ['pindah-rumah'],
    requirements: ['SPPT PBB-P2 tahun berjalan atau Nomor Objek Pajak (NOP)'],
    cost: {
      amount: null,
      note: 'Dikenai PBB-P2 sebesar yang tercantum pada SPPT; tidak ada biaya layanan.',
    },
    slaDays: null,
    channels: ['online', 'app', 'counter'],
    legalBasis:
      'Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah',
    keywords: [
      'pbb',
      'pbb p2',
      'pajak bumi dan bangunan',
      'pajak rumah',
      'pajak tanah',
      'sppt',
      'bayar pbb',
      'property tax',
      'land tax',
    ],
    form: form(['nik', 'nama', 'nop', 'tahunPajak', 'alamatObjekPajak'], {
      nik: nikField('NIK Wajib Pajak', "Taxpayer's NIK"),
      nama: text('Nama Wajib Pajak', "Taxpayer's name", 100),
      nop: digits('Nomor Objek Pajak (NOP)', 'Tax object number (NOP)', '^[0-9]{18}$', 18),
      tahunPajak: tahunPajak(),
      alamatObjekPajak: text('Letak Objek Pajak', 'Property location', 255, { textarea: true }),
      nomorTelepon: telepon(),
    }),
    prefill: { nik: 'nik', nama: 'name' },
  },
  // ---- Bangunan ------------------------------------------------------------------------------------
  {
    slug: 'persetujuan-bangunan-gedung',
    name: 'Persetujuan Bangunan Gedung (PBG)',
    nameEn: 'Building Approval (PBG)',
    summary:
      'Permohonan persetujuan untuk membangun baru, mengubah, memperluas, atau merawat bangunan gedung melalui SIMBG.',
    summaryEn:
      'Application for approval to build, alter, extend or maintain a building through SIMBG.',
    description:
      'Persetujuan Bangunan Gedung (PBG) menggantikan Izin Mendirikan Bangunan (IMB) dan wajib dimiliki sebelum membangun. Permohonan diajukan melalui Sistem Informasi Manajemen Bangunan Gedung (SIMBG), rencana teknisnya diperiksa oleh pemerintah kabupaten/kota, lalu PBG diterbitkan setelah retribusi dibayar. Setelah bangunan selesai, pemilik mengajukan Sertifikat Laik Fungsi (SLF).',
    providerAgencyCode: 'P.KEMENTERIAN-PU',
    providerUnit: 'Direktorat Jenderal Cipta Karya',
    deliveredBy: 'regency',
    handlingUnit: 'Dinas teknis penyelenggara bangunan gedung dan DPMPTSP Kabupaten/Kota',
    category: 'pertanahan',
    lifeEvents: [],
    requirements: [
      'Data pemohon atau pemilik bangunan (KTP-el)',
      'Bukti kepemilikan hak atas tanah atau perjanjian pemanfaatan tanah',
      'Dokumen rencana teknis: arsitektur, struktur, dan mekanikal-elektrikal-plumbing',
      'Data bangunan: fungsi, luas, jumlah lantai, dan lokasi',
    ],
    cost: {
      amount: null,
      note: 'Dikenai retribusi PBG yang besarnya ditetapkan peraturan daerah kabupaten/kota berdasarkan luas, fungsi, dan kompleksitas bangunan.',
    },
    slaDays: null,
    channels: ['online', 'counter'],
    officialChannel: 'SIMBG (simbg.pu.go.id)',
    legalBasis:
      'Peraturan Pemerintah Nomor 16 Tahun 2021 tentang Peraturan Pelaksanaan Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung',
    keywords: [
      'pbg',
      'imb',
      'izin mendirikan bangunan',
      'ijin bangun rumah',
      'izin bangunan',
      'simbg',
      'building permit',
    ],
    form: form(
      [
        'nik',
        'nama',
        'alamat',
        'lokasiBangunan',
        'fungsiBangunan',
        'luasBangunan',
        'jumlahLantai',
        'nomorBuktiTanah',
      ],
      {
        nik: nik(),
        nama: nama(),
        alamat: alamat(),
        lokasiBangunan: text('Lokasi Bangunan', 'Building location', 255, { textarea: true }),
        fungsiBangunan: choice(
          'Fungsi Bangunan',
          'Building function',
          ['HUNIAN', 'KEAGAMAAN', 'USAHA', 'SOSIAL_BUDAYA', 'KHUSUS'],
          ['Hunian', 'Keagamaan', 'Usaha', 'Sosial dan budaya', 'Khusus'],
        ),
        luasBangunan: count('Luas Total Bangunan (m²)', 'Total floor area (m²)', 1, 10_000_000),
        jumlahLantai: count('Jumlah Lantai', 'Number of floors', 1, 200),
        nomorBuktiTanah: text('Nomor Sertifikat/Bukti Hak atas Tanah', 'Land title number', 50),
        nomorTelepon: telepon(),
      },
    ),
    prefill: { nik: 'nik', nama: 'name', alamat: 'address' },
  },
  // ---- Sosial ------------------------------------------------------------------------------------
  {
    slug: 'usulan-data-bansos',
    name: 'Usulan Masuk Data Penerima Bantuan Sosial (DTKS/DTSEN)',
    nameEn: 'Proposal to Enter the Social Assistance Register (DTKS/DTSEN)',
    summary:
      'Pengusulan keluarga kurang mampu agar tercatat dalam data kesejahteraan sosial yang menjadi dasar penyaluran bantuan sosial.',
    summaryEn:
      'Proposing a low-income family for inclusion in the social welfare register on which social assistance is based.',
    description:
      'Bantuan sosial seperti PKH, bantuan sembako, dan Penerima Bantuan Iuran Jaminan Kesehatan disalurkan kepada keluarga yang tercatat dalam data kesejahteraan sosial (DTKS, kini dipadukan dalam Data Tunggal Sosial dan Ekonomi Nasional/DTSEN). Warga dapat mengusulkan diri atau keluarganya melalui desa/kelurahan atau fitur usulan pada aplikasi Cek Bansos. Usulan diverifikasi dan divalidasi oleh Dinas Sosial kabupaten/kota sebelum ditetapkan.',
    providerAgencyCode: 'P.KEMENSOS',
    providerUnit: 'Pusat Data dan Informasi Kesejahteraan Sosial',
    deliveredBy: 'regency',
    handlingUnit: 'Dinas Sosial Kabupaten/Kota melalui Pemerintah Desa/Kelurahan',
    category: 'sosial',
    lifeEvents: ['sakit'],
    requirements: [
      'NIK dan Kartu Keluarga yang terdaftar di Dukcapil',
      'Data kondisi sosial ekonomi keluarga (pekerjaan, penghasilan, kondisi tempat tinggal)',
      'Usulan melalui desa/kelurahan atau aplikasi Cek Bansos',
    ],
    cost: { amount: 0, note: 'Tidak dipungut biaya.' },
    slaDays: null,
    channels: ['app', 'counter'],
    officialChannel: 'Aplikasi Cek Bansos Kementerian Sosial (cekbansos.kemensos.go.id)',
    legalBasis: 'Undang-Undang Nomor 13 Tahun 2011 tentang Penanganan Fakir Miskin',
    keywords: [
      'dtks',
      'dtsen',
      'bansos',
      'daftar bansos',
      'cek bansos',
      'bantuan sosial',
      'keluarga miskin',
      'social assistance',
      'welfare',
    ],
    form: form(
      [
        'nik',
        'nama',
        'nomorKK',
        'kodeDesa',
        'alamat',
        'anggotaKeluarga',
        'pekerjaan',
        'penghasilanBulanan',
      ],
      {
        nik: nik(),
        nama: nama(),
        nomorKK: nomorKK(),
        kodeDesa: kodeDesa(),
        alamat: alamat(),
        anggotaKeluarga: anggotaKeluarga('Anggota Keluarga', 'Family members'),
        pekerjaan: text('Pekerjaan Kepala Keluarga', 'Occupation of the head of family', 100),
        penghasilanBulanan: count(
          'Penghasilan Keluarga per Bulan (Rp)',
          'Monthly family income (IDR)',
          0,
          1_000_000_000,
        ),
        kondisiRumah: text('Kondisi Tempat Tinggal', 'Housing conditions', 500, { textarea: true }),
      },
    ),
    prefill: {
      nik: 'nik',
      nama: 'name',
      nomorKK: 'familyCardNumber',
      kodeDesa: 'villageCode',
      alamat: 'address',
      anggotaKeluarga: 'familyMembers',
    },
  },
  {
    slug: 'program-keluarga-harapan',
    name: 'Program Keluarga Harapan (PKH)',
    nameEn: 'Family Hope Programme (PKH) Conditional Cash Transfer',
    summary:
      'Bantuan sosial bersyarat bagi keluarga miskin yang memiliki ibu hamil, anak usia dini, anak sekolah, lanjut usia, atau penyandang disabilitas berat.',
    summaryEn:
      'Conditional cash transfer for poor families with a pregnant mother, young children, school children, elderly people or people with severe disabilities.',
    description:
      'PKH diberikan kepada keluarga yang tercatat dalam data kesejahteraan sosial dan memiliki komponen kesehatan, pendidikan, atau kesejahteraan sosial. Penerima wajib memenuhi komitmen seperti memeriksakan kehamilan dan balita ke fasilitas kesehatan serta menyekolahkan anak. Pendaftaran tidak dilakukan langsung; keluarga lebih dahulu diusulkan masuk data kesejahteraan sosial, lalu ditetapkan oleh Kementerian Sosial.',
    providerAgencyCode: 'P.KEMENSOS',
    providerUnit: KEMENSOS_LINJAMSOS,
    deliveredBy: 'national',
    handlingUnit: 'Pendamping PKH dan Dinas Sosial Kabupaten/Kota',
    category: 'sosial',
    lifeEvents: ['kelahiran', 'masuk-sekolah'],
    requirements: [
      'Keluarga tercatat dalam data kesejahteraan sosial (DTKS/DTSEN)',
      'Memiliki sedikitnya satu komponen: ibu hamil/nifas, anak usia dini, anak sekolah, lanjut usia, atau penyandang disabilitas berat',
      'KTP-el dan Kartu Keluarga',
    ],
    cost: { amount: 0, note: 'Tidak dipungut biaya.' },
    slaDays: null,
    channels: ['app', 'counter'],
    officialChannel: 'Aplikasi Cek Bansos Kementerian Sosial (cekbansos.kemensos.go.id)',
    legalBasis: 'Peraturan Menteri Sosial Nomor 1 Tahun 2018 tentang Program Keluarga Harapan',
    keywords: [
      'pkh',
      'program keluarga harapan',
      'bansos pkh',
      'bantuan tunai',
      'cek pkh',
      'conditional cash transfer',
    ],
    form: form(['nik', 'nama', 'nomorKK', 'kodeDesa'], {
      nik: nik(),
      nama: nama(),
      nomorKK: nomorKK(),
      kodeDesa: kodeDesa(),
      adaIbuHamil: flag('Ada Ibu Hamil/Nifas', 'Pregnant or postpartum mother in the family'),
      adaAnakUsiaDini: flag('Ada Anak Usia Dini (0–6 Tahun)', 'Young child (0–6) in the family'),
      adaAnakSekolah: flag('Ada Anak Sekolah', 'School-age child in the family'),
      adaLansia: flag('Ada Anggota Lanjut Usia', 'Elderly member in the family'),
      adaDisabilitasBerat: flag(
        'Ada Penyandang Disabilitas Berat',
        'Member with a severe disability',
      ),
    }),
    prefill: { nik: 'nik', nama: 'name', nomorKK: 'familyCardNumber', kodeDesa: 'villageCode' },
  },
  {
    slug: 'surat-keterangan-tidak-mampu',
    name: 'Surat Keterangan Tidak Mampu (SKTM)',
    nameEn: 'Certificate of Low Income (SKTM)',
    summary:
      'Penerbitan surat keterangan dari desa/kelurahan bahwa pemohon berasal dari keluarga tidak mampu.',
    summaryEn:
      'Certificate from the village or urban ward that the applicant comes from a low-income family.',
    description:
      'SKTM diterbitkan oleh kepala desa atau lurah tempat tinggal pemohon berdasarkan pengantar RT/RW. Surat ini dipakai antara lain untuk keringanan biaya pendidikan, layanan kesehatan, atau permohonan bantuan hukum cuma-cuma. Beberapa layanan kini memeriksa data kesejahteraan sosial secara langsung sehingga SKTM tidak selalu diperlukan.',
    providerAgencyCode: 'P.KEMENDAGRI',
    providerUnit: 'Direktorat Jenderal Bina Pemerintahan Desa',
    deliveredBy: 'regency',
    handlingUnit: 'Pemerintah Desa/Kelurahan',
    category: 'sosial',
    lifeEvents: ['sakit', 'masuk-sekolah'],
    requirements: [
      'Surat pengantar RT/RW',
      'KTP-el dan Kartu Keluarga',
      'Keterangan keperluan penggunaan SKTM',
    ],
    cost: { amount: 0 },
    slaDays: null,
    channels: ['counter'],
    keywords: [
      'sktm',
      'surat miskin',
      'keterangan tidak mampu',
      'surat keterangan miskin',
      'certificate of poverty',
      'low income certificate',
    ],
    form: form(['nik', 'nama', 'nomorKK', 'kodeDesa', 'alamat', 'keperluan'], {
      nik: nik(),
      nama: nama(),
      nomorKK: nomorKK(),
      kodeDesa: kodeDesa(),
      alamat: alamat(),
      keperluan: choice(
        'Keperluan',
        'Purpose',
        ['PENDIDIKAN', 'KESEHATAN', 'BANTUAN_SOSIAL', 'BANTUAN_HUKUM', 'LAINNYA'],
        ['Pendidikan', 'Kesehatan', 'Bantuan sosial', 'Bantuan hukum', 'Lainnya'],
      ),
      pekerjaan: text('Pekerjaan', 'Occupation', 100),
      penghasilanBulanan: count(
        'Penghasilan Keluarga per Bulan (Rp)',
        'Monthly family income (IDR)',
        0,
        1_000_000_000,
      ),
    }),
    prefill: {
      nik: 'nik',
      nama: 'name',
      nomorKK: 'familyCardNumber',
      kodeDesa: 'villageCode',
      alamat: 'address',
    },
  },
  // ---- Ketenagakerjaan -------------------------------------------------------------------------------
  {
    slug: 'kartu-prakerja',
    name: 'Kartu Prakerja',
    nameEn: 'Pre-Employment Card (Kartu Prakerja)',
    summary:
      'Pendaftaran program bantuan biaya pelatihan untuk pengembangan kompetensi kerja bagi pencari kerja, pekerja, dan pelaku usaha.',
    summaryEn:
      'Registration for the training-voucher programme that develops the skills of job seekers, workers and small business owners.',
    description:
      'Kartu Prakerja memberikan bantuan biaya pelatihan dan insentif kepada peserta yang lolos seleksi pada gelombang yang dibuka. Pendaftaran dilakukan secara daring di laman resmi Prakerja dengan verifikasi NIK dan tes kemampuan dasar. Program dikelola Manajemen Pelaksana Program Kartu Prakerja di bawah Kementerian Koordinator Bidang Perekonomian.',
    providerAgencyCode: 'P.KEMENKO-PEREKONOMIAN',
    providerUnit: 'Manajemen Pelaksana Program Kartu Prakerja',
    deliveredBy: 'national',
    category: 'ketenagakerjaan',
    lifeEvents: ['mencari-kerja'],
    requirements: [
      'Warga Negara Indonesia berusia paling rendah 18 tahun',
      'Tidak sedang mengikuti pendidikan formal',
      'Bukan pejabat negara, anggota DPR/DPRD, ASN, prajurit TNI, anggota Polri, kepala desa atau perangkat desa, atau direksi/komisaris/dewan pengawas BUMN atau BUMD',
      'NIK, alamat email, dan nomor telepon aktif',
    ],
    cost: { amount: 0, note: 'Tidak dipungut biaya.' },
    slaDays: null,
    channels: ['online'],
    officialChannel: 'Laman resmi Kartu Prakerja (prakerja.go.id)',
    legalBasis:
      'Peraturan Presiden Nomor 36 Tahun 2020 tentang Pengembangan Kompetensi Kerja melalui Program Kartu Prakerja sebagaimana telah beberapa kali diubah',
    keywords: [
      'prakerja',
      'kartu prakerja',
      'daftar prakerja',
      'pelatihan kerja',
      'insentif prakerja',
      'pre-employment card',
      'job training',
    ],
    form: form(
      [
        'nik',
        'nama',
        'tanggalLahir',
        'nomorKK',
        'email',
        'nomorTelepon',
        'pendidikanTerakhir',
        'statusPekerjaan',
      ],
      {
        nik: nik(),
        nama: nama(),
        tanggalLahir: tanggalLahir(),
        nomorKK: nomorKK(),
        email: email(),
        nomorTelepon: telepon(),
        pendidikanTerakhir: pendidikanTerakhir(),
        statusPekerjaan: choice(
          'Status Pekerjaan',
          'Employment status',
          ['MENCARI_KERJA', 'BEKERJA', 'WIRAUSAHA'],
          ['Mencari kerja', 'Bekerja', 'Wirausaha'],
        ),
      },
    ),
    prefill: { nik: 'nik', nama: 'name', tanggalLahir: 'birthDate', nomorKK: 'familyCardNumber' },
  },
  {
    slug: 'kartu-pencari-kerja',
    name: 'Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/I, Kartu Kuning)',
    nameEn: 'Job Seeker Registration Card (AK/I, "Yellow Card")',
    summary:
      'Pendaftaran sebagai pencari kerja dan penerbitan kartu AK/I oleh dinas ketenagakerjaan kabupaten/kota.',
    summaryEn:
      'Registration as a job seeker and issue of the AK/I card by the regency or city manpower office.',
    description:
      'Kartu AK/I, yang dikenal sebagai kartu kuning, adalah bukti bahwa seseorang terdaftar sebagai pencari kerja dan sering diminta dalam lamaran kerja. Pendaftaran dapat dilakukan secara daring melalui SIAPkerja Kementerian Ketenagakerjaan atau langsung di dinas ketenagakerjaan kabupaten/kota. Data pencari kerja juga dipakai untuk mempertemukan pencari kerja dengan lowongan.',
    providerAgencyCode: 'P.KEMNAKER',
    providerUnit:
      'Direktorat Jenderal Pembinaan Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja',
    deliveredBy: 'regency',
    handlingUnit: 'Dinas yang membidangi ketenagakerjaan Kabupaten/Kota',
    category: 'ketenagakerjaan',
    lifeEvents: ['mencari-kerja'],
    requirements: [
      'KTP-el',
      'Pas foto terbaru',
      'Ijazah pendidikan terakhir',
      'Sertifikat pelatihan atau kompetensi, bila ada',
    ],
    cost: { amount: 0 },
    slaDays: null,
    channels: ['online', 'counter'],
    officialChannel: 'SIAPkerja Kementerian Ketenagakerjaan (siapkerja.kemnaker.go.id)',
    keywords: [
      'kartu kuning',
      'ak1',
      'ak/i',
      'ak 1',
      'kartu pencari kerja',
      'disnaker',
      'job seeker card',
      'yellow card',
    ],
    form: form(
      [
        'nik',
        'nama',
        'tanggalLahir',
        'jenisKelamin',
        'alamat',
        'pendidikanTerakhir',
        'nomorTelepon',
      ],
      {
        nik: nik(),
        nama: nama(),
        tanggalLahir: tanggalLahir(),
        jenisKelamin: jenisKelamin(),
        alamat: alamat(),
        pendidikanTerakhir: pendidikanTerakhir(),
        jurusan: text('Jurusan/Program Studi', 'Field of study', 100),
        keahlian: text('Keahlian dan Pengalaman Kerja', 'Skills and work experience', 1000, {
          textarea: true,
        }),
        nomorTelepon: telepon(),
        email: email(),
      },
    ),
    prefill: {
      nik: 'nik',
      nama: 'name',
      tanggalLahir: 'birthDate',
      jenisKelamin: 'sex',
      alamat: 'address',
    },
  },
  {
    slug: 'bpjs-ketenagakerjaan-bpu',
    name: 'Pendaftaran BPJS Ketenagakerjaan Pekerja Bukan Penerima Upah',
    nameEn: 'Social Security Registration for Self-Employed Workers (BPJS Ketenagakerjaan BPU)',
    summary:
      'Pendaftaran pekerja mandiri atau informal sebagai peserta jaminan sosial ketenagakerjaan.',
    summaryEn: 'Registration of self-employed and informal workers for employment social security.',
    description:
      'Pekerja bukan penerima upah, seperti pedagang, petani, nelayan, ojek daring, dan pekerja lepas, dapat menjadi peserta Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM), serta dapat memilih ikut Jaminan Hari Tua (JHT). Pendaftaran dapat dilakukan sendiri melalui aplikasi JMO, laman resmi, atau kantor cabang BPJS Ketenagakerjaan. Iuran dibayar setiap bulan berdasarkan penghasilan yang dilaporkan.',
    providerAgencyCode: 'P.BPJS-KETENAGAKERJAAN',
    providerUnit: 'BPJS Ketenagakerjaan',
    deliveredBy: 'national',
    handlingUnit: 'Kantor Cabang BPJS Ketenagakerjaan',
    category: 'ketenagakerjaan',
    lifeEvents: ['memulai-usaha', 'mencari-kerja'],
    requirements: [
      'KTP-el (NIK)',
      'Jenis pekerjaan atau usaha dan lokasinya',
      'Penghasilan per bulan untuk penetapan iuran',
      'Nomor telepon dan alamat email aktif',
    ],
    cost: {
      amount: 0,
      note: 'Dikenai iuran bulanan: JKK 1% dari penghasilan yang dilaporkan dan JKM Rp6.800 (paling rendah Rp16.800 per bulan untuk penghasilan Rp1 juta); JHT 2% bila dipilih. Pendaftaran tidak dipungut biaya.',
    },
    slaDays: null,
    channels: ['app', 'online', 'counter'],
    officialChannel: 'Aplikasi JMO (Jamsostek Mobile)',
    legalBasis:
      'Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial; Peraturan Pemerintah Nomor 44 Tahun 2015 tentang Penyelenggaraan Program Jaminan Kecelakaan Kerja dan Jaminan Kematian',
    keywords: [
      'bpjs ketenagakerjaan',
      'bpjstk',
      'jamsostek',
      'bpu',
      'pekerja mandiri',
      'jmo',
      'jkk',
      'jkm',
      'jht',
      'employment insurance',
      'social security',
    ],
    form: form(
      [
        'nik',
        'nama',
        'tanggalLahir',
        'alamat',
        'jenisPekerjaan',
        'penghasilanBulanan',
        'ikutJHT',
        'nomorTelepon',
      ],
      {
        nik: nik(),
        nama: nama(),
        tanggalLahir: tanggalLahir(),
        alamat: alamat(),
        jenisPekerjaan: text('Jenis Pekerjaan/Usaha', 'Occupation or business', 100),
        penghasilanBulanan: count(
          'Penghasilan per Bulan (Rp)',
          'Monthly income (IDR)',
          0,
          1_000_000_000,
        ),
        ikutJHT: flag('Ikut Jaminan Hari Tua (JHT)', 'Join the old-age savings programme (JHT)'),
        nomorTelepon: telepon(),
        email: email(),
      },
    ),
    prefill: { nik: 'nik', nama: 'name', tanggalLahir: 'birthDate', alamat: 'address' },
  },
  {
    slug: 'pendaftaran-cpns',
    name: 'Pendaftaran Seleksi CPNS melalui SSCASN',
    nameEn: 'Civil Servant Candidate (CPNS) Application via SSCASN',
    summary:
      'Pendaftaran seleksi calon pegawai negeri sipil secara daring melalui Sistem Seleksi Calon ASN (SSCASN).',
    summaryEn:
      'Online application for civil servant candidate selection through the national ASN selection system (SSCASN).',
    description:
      'Pendaftaran seleksi CPNS pada semua instansi pusat dan daerah dilakukan secara daring melalui SSCASN yang dikelola Badan Kepegawaian Negara, pada periode yang diumumkan pemerintah. Pelamar membuat akun dengan NIK dan nomor Kartu Keluarga, memilih satu formasi, dan mengunggah dokumen. Seleksi terdiri atas seleksi administrasi, seleksi kompetensi dasar, dan seleksi kompetensi bidang.',
    providerAgencyCode: 'P.BKN',
    providerUnit: 'Badan Kepegawaian Negara',
    deliveredBy: 'national',
    category: 'ketenagakerjaan',
    lifeEvents: ['mencari-kerja'],
    requirements: [
      'Warga Negara Indonesia berusia paling rendah 18 tahun dan paling tinggi 35 tahun saat melamar (paling tinggi 40 tahun untuk jabatan tertentu)',
      'Tidak pernah dipidana penjara 2 tahun atau lebih berdasarkan putusan berkekuatan hukum tetap',
      'Tidak pernah diberhentikan tidak dengan hormat sebagai PNS, PPPK, prajurit TNI, anggota Polri, atau pegawai swasta',
      'Tidak berkedudukan sebagai calon PNS, PNS, prajurit TNI, atau anggota Polri, dan bukan anggota atau pengurus partai politik',
      'Kualifikasi pendidikan sesuai formasi, serta sehat jasmani dan rohani',
      'Pindaian KTP-el, ijazah, transkrip nilai, pas foto, dan dokumen lain yang diminta instansi',
    ],
    cost: { amount: 0, note: 'Tidak dipungut biaya.' },
    slaDays: null,
    channels: ['online'],
    officialChannel: 'SSCASN (sscasn.bkn.go.id)',
    legalBasis:
      'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara; Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020',
    keywords: [
      'cpns',
      'daftar cpns',
      'sscasn',
      'lowongan pns',
      'tes cpns',
      'casn',
      'pns',
      'civil service recruitment',
    ],
    form: form(
      [
        'nik',
        'nama',
        'nomorKK',
        'tanggalLahir',
        'jenisKelamin',
        'email',
        'pendidikanTerakhir',
        'instansiTujuan',
      ],
      {
        nik: nik(),
        nama: nama(),
        nomorKK: nomorKK(),
        tanggalLahir: tanggalLahir(),
        jenisKelamin: jenisKelamin(),
        email: email(),
        nomorTelepon: telepon(),
        pendidikanTerakhir: pendidikanTerakhir(),
        instansiTujuan: text('Instansi yang Dilamar', 'Agency applied to', 150),
      },
    ),
    prefill: {
      nik: 'nik',
      nama: 'name',
      nomorKK: 'familyCardNumber',
      tanggalLahir: 'birthDate',
      jenisKelamin: 'sex',
    },
  },
  // ---- Kesehatan -----------------------------------------------------------------------------------
  {
    slug: 'pendaftaran-jkn',
    name: 'Pendaftaran Peserta JKN-KIS Mandiri',
    nameEn: 'National Health Insurance (JKN) Self-Paying Membership Registration',
    summary:
      'Pendaftaran keluarga sebagai peserta Jaminan Kesehatan Nasional segmen Pekerja Bukan Penerima Upah (mandiri).',
    summaryEn:
      'Registration of a family as self-paying members of the National Health Insurance (JKN).',
    description:
      'Peserta mandiri (Pekerja Bukan Penerima Upah) mendaftarkan diri dan seluruh anggota keluarga yang tercantum dalam Kartu Keluarga, serta memilih kelas rawat dan fasilitas kesehatan tingkat pertama. Pendaftaran dapat dilakukan melalui aplikasi Mobile JKN atau kantor cabang BPJS Kesehatan. Iuran pertama dapat dibayar paling cepat 14 hari setelah pendaftaran, dan kepesertaan aktif setelah iuran pertama dibayar.',
    providerAgencyCode: 'P.BPJS-KESEHATAN',
    providerUnit: 'BPJS Kesehatan',
    deliveredBy: 'national',
    handlingUnit: 'Kantor Cabang BPJS Kesehatan',
    category: 'kesehatan',
    lifeEvents: ['sakit', 'kelahiran'],
    requirements: [
      'Kartu Keluarga dan NIK seluruh anggota keluarga yang didaftarkan',
      'Alamat email dan nomor telepon aktif',
      'Nomor rekening bank untuk pembayaran iuran secara autodebit',
      'Pilihan kelas rawat dan fasilitas kesehatan tingkat pertama',
    ],
    cost: {
      amount: 0,
      note: 'Dikenai iuran bulanan per orang: kelas I Rp150.000, kelas II Rp100.000, kelas III Rp42.000 yang Rp7.000 di antaranya dibayar pemerintah sehingga peserta membayar Rp35.000 (Perpres 64/2020). Pendaftaran tidak dipungut biaya.',
    },
    slaDays: null,
    channels: ['app', 'counter'],
    officialChannel: 'Aplikasi Mobile JKN',
    legalBasis:
      'Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial; Peraturan Presiden Nomor 82 Tahun 2018 tentang Jaminan Kesehatan sebagaimana telah beberapa kali diubah',
    keywords: [
      'bpjs',
      'bpjs kesehatan',
      'jkn',
      'kis',
      'daftar bpjs',
      'bpjs mandiri',
      'mobile jkn',
      'asuransi kesehatan',
      'health insurance',
    ],
    form: form(
      [
        'nik',
        'nama',
        'nomorKK',
        'alamat',
        'anggotaKeluarga',
        'kelasRawat',
        'faskesTingkatPertama',
        'email',
      ],
      {
        nik: nik(),
        nama: nama(),
        nomorKK: nomorKK(),
        alamat: alamat(),
        anggotaKeluarga: anggotaKeluarga(
          'Anggota Keluarga yang Didaftarkan',
          'Family members to register',
          'Seluruh anggota keluarga dalam Kartu Keluarga didaftarkan.',
        ),
        kelasRawat: choice(
          'Kelas Rawat',
          'Ward class',
          ['1', '2', '3'],
          ['Kelas I', 'Kelas II', 'Kelas III'],
        ),
        faskesTingkatPertama: text(
          'Fasilitas Kesehatan Tingkat Pertama',
          'Primary care provider',
          150,
        ),
        email: email(),
        nomorTelepon: telepon(),
      },
    ),
    prefill: {
      nik: 'nik',
      nama: 'name',
      nomorKK: 'familyCardNumber',
      alamat: 'address',
      anggotaKeluarga: 'familyMembers',
    },
  },
  {
    slug: 'imunisasi-anak',
    name: 'Imunisasi Rutin Anak di Puskesmas',
    nameEn: 'Routine Childhood Immunisation at the Puskesmas',
    summary:
      'Pemberian imunisasi rutin program pemerintah bagi bayi dan anak di Puskesmas dan Posyandu.',
    summaryEn:
      'Routine government-programme immunisation of babies and children at community health centres and Posyandu.',
    description:
      'Imunisasi rutin lengkap diberikan kepada bayi dan anak sesuai jadwal imunisasi nasional di Puskesmas, Posyandu, dan fasilitas kesehatan lain. Riwayat imunisasi dicatat dalam Buku Kesehatan Ibu dan Anak (Buku KIA). Imunisasi program pemerintah tidak dipungut biaya.',
    providerAgencyCode: 'P.KEMENKES',
    providerUnit: 'Kementerian Kesehatan (program imunisasi nasional)',
    deliveredBy: 'regency',
    handlingUnit: 'Puskesmas (Dinas Kesehatan Kabupaten/Kota)',
    category: 'kesehatan',
    lifeEvents: ['kelahiran'],
    requirements: ['Buku Kesehatan Ibu dan Anak (Buku KIA)', 'NIK anak atau Kartu Keluarga'],
    cost: { amount: 0, note: 'Imunisasi program pemerintah tidak dipungut biaya.' },
    slaDays: null,
    channels: ['counter'],
    legalBasis: 'Peraturan Menteri Kesehatan Nomor 12 Tahun 2017 tentang Penyelenggaraan Imunisasi',
    keywords: [
      'imunisasi',
      'vaksin anak',
      'vaksinasi bayi',
      'posyandu',
      'jadwal imunisasi',
      'immunisation',
      'vaccination',
    ],
    form: form(
      ['nikOrangTua', 'namaOrangTua', 'nomorKK', 'namaAnak', 'tanggalLahirAnak', 'puskesmas'],
      {
        nikOrangTua: nikField('NIK Orang Tua/Wali', "Parent's or guardian's NIK"),
        namaOrangTua: text('Nama Orang Tua/Wali', "Parent's or guardian's name", 100),
        nomorKK: nomorKK(),
        nikAnak: nikField('NIK Anak', "Child's NIK"),
        namaAnak: text('Nama Anak', "Child's name", 100),
        tanggalLahirAnak: dateField('Tanggal Lahir Anak', "Child's date of birth"),
        puskesmas: text('Puskesmas', 'Community health centre', 150),
        tanggalKunjungan: dateField('Rencana Tanggal Kunjungan', 'Planned visit date'),
        nomorTelepon: telepon(),
      },
    ),
    prefill: { nikOrangTua: 'nik', namaOrangTua: 'name', nomorKK: 'familyCardNumber' },
  },
  // ---- Pemilu ----------------------------------------------------------------------------------------
  {
    slug: 'cek-dpt-pindah-memilih',
    name: 'Cek Daftar Pemilih Tetap dan Pindah Memilih',
    nameEn: 'Voter Roll Check and Voting-Location Transfer',
    summary:
      'Pengecekan status terdaftar sebagai pemilih dan permohonan pindah tempat memilih pada pemilu atau pemilihan.',
    summaryEn:
      'Checking voter registration and applying to vote at another polling station in an election.',
    description:
      'Warga dapat memeriksa apakah dirinya terdaftar dalam Daftar Pemilih Tetap (DPT) dengan NIK melalui layanan Cek DPT Online KPU. Pemilih yang pada hari pemungutan suara berada di tempat lain karena alasan yang diatur undang-undang, seperti tugas, rawat inap, tugas belajar, pindah domisili, atau bekerja di luar domisili, dapat mengajukan pindah memilih ke PPS atau KPU Kabupaten/Kota sebelum batas waktu yang ditetapkan. Pemilih pindahan dicatat dalam Daftar Pemilih Tambahan (DPTb).',
    providerAgencyCode: 'P.KPU',
    providerUnit: 'Komisi Pemilihan Umum',
    deliveredBy: 'national',
    handlingUnit: 'KPU Kabupaten/Kota dan Panitia Pemungutan Suara (PPS)',
    category: 'kependudukan',
    lifeEvents: ['pindah-rumah'],
    requirements: [
      'NIK untuk pengecekan DPT',
      'KTP-el untuk permohonan pindah memilih',
      'Dokumen pendukung alasan pindah memilih (misalnya surat tugas, surat keterangan rawat inap, atau bukti sebagai pelajar/mahasiswa)',
    ],
    cost: { amount: 0, note: 'Tidak dipungut biaya.' },
    slaDays: null,
    channels: ['online', 'counter'],
    officialChannel: 'Cek DPT Online KPU (cekdptonline.kpu.go.id)',
    legalBasis: 'Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum',
    keywords: [
      'cek dpt',
      'dpt',
      'daftar pemilih',
      'pindah memilih',
      'pindah tps',
      'formulir a5',
      'pemilu',
      'voter registration',
      'voter list',
    ],
    form: form(['nik', 'nama', 'kodeDesa', 'jenisPermohonan'], {
      nik: nik(),
      nama: nama(),
      kodeDesa: kodeDesa(),
      jenisPermohonan: choice(
        'Jenis Permohonan',
        'Request',
        ['CEK_DPT', 'PINDAH_MEMILIH'],
        ['Cek status DPT', 'Pindah memilih'],
      ),
      alasanPindah: choice(
        'Alasan Pindah Memilih',
        'Reason for voting elsewhere',
        [
          'TUGAS',
          'RAWAT_INAP',
          'TUGAS_BELAJAR',
          'PINDAH_DOMISILI',
          'BEKERJA',
          'BENCANA',
          'LAINNYA',
        ],
        [
          'Menjalankan tugas',
          'Rawat inap',
          'Tugas belajar/menempuh pendidikan',
          'Pindah domisili',
          'Bekerja di luar domisili',
          'Tertimpa bencana',
          'Lainnya',
        ],
      ),
      alamatTujuanMemilih: text(
        'Alamat di Tempat Tujuan Memilih',
        'Address where you will vote',
        255,
        { textarea: true },
      ),
    }),
    prefill: { nik: 'nik', nama: 'name', kodeDesa: 'villageCode' },
  },
  // ---- Pendidikan ----------------------------------------------------------------------------------
  {
    slug: 'spmb-sd-smp',
    name: 'Sistem Penerimaan Murid Baru (SPMB) SD dan SMP Negeri',
    nameEn: 'New Pupil Admission (SPMB) to State Primary and Junior Secondary Schools',
    summary:
      'Pendaftaran calon murid baru ke SD dan SMP negeri yang diselenggarakan pemerintah kabupaten/kota.',
    summaryEn:
      'Application for admission to state primary and junior secondary schools run by the regency or city.',
    description:
      'SPMB menggantikan PPDB mulai tahun ajaran 2025/2026 dengan jalur domisili, afirmasi, mutasi, dan prestasi (jalur prestasi untuk SMP). Penerimaan SD dan SMP negeri diselenggarakan oleh Dinas Pendidikan kabupaten/kota melalui laman SPMB daerah sesuai jadwal yang diumumkan. Calon murid SD berusia 7 tahun atau paling rendah 6 tahun pada 1 Juli tahun berjalan, dan calon murid SMP berusia paling tinggi 15 tahun pada 1 Juli tahun berjalan.',
    providerAgencyCode: 'P.KEMENDIKDASMEN',
    providerUnit: DIKDASMEN,
    deliveredBy: 'regency',
    handlingUnit: 'Dinas Pendidikan Kabupaten/Kota',
    category: 'pendidikan',
    lifeEvents: ['masuk-sekolah'],
    requirements: [
      'Akta kelahiran atau surat keterangan lahir calon murid',
      'Kartu Keluarga (untuk jalur domisili, diterbitkan paling singkat 1 tahun sebelum pendaftaran)',
      'Ijazah SD/sederajat atau surat keterangan lulus, bagi calon murid SMP',
      'Bukti keikutsertaan program penanganan keluarga tidak mampu, bagi jalur afirmasi',
      'Surat penugasan orang tua/wali, bagi jalur mutasi',
      'Bukti prestasi, bagi jalur prestasi',
    ],
    cost: { amount: 0, note: 'Tidak dipungut biaya.' },
    slaDays: null,
    channels: ['online', 'counter'],
    legalBasis: SPMB_BASIS,
    keywords: [
      'spmb',
      'ppdb',
      'daftar sekolah',
      'sekolah negeri',
      'zonasi',
      'domisili',
      'masuk sd',
      'masuk smp',
      'school admission',
      'school enrolment',
    ],
    form: spmbForm(['SD', 'SMP'], ['SD', 'SMP']),
    prefill: SPMB_PREFILL,
  },
  {
    slug: 'spmb-sma-smk',
    name: 'Sistem Penerimaan Murid Baru (SPMB) SMA dan SMK Negeri',
    nameEn: 'New Pupil Admission (SPMB) to State Senior Secondary and Vocational Schools',
    summary:
      'Pendaftaran calon murid baru ke SMA dan SMK negeri yang diselenggarakan pemerintah provinsi.',
    summaryEn:
      'Application for admission to state senior secondary and vocational schools run by the province.',
    description:
      'Penerimaan murid baru SMA dan SMK negeri diselenggarakan oleh Dinas Pendidikan provinsi melalui laman SPMB provinsi sesuai jadwal yang diumumkan. Jalur pendaftaran meliputi domisili, afirmasi, mutasi, dan prestasi, dengan kuota yang ditetapkan dalam petunjuk teknis SPMB provinsi. Calon murid berusia paling tinggi 21 tahun pada 1 Juli tahun berjalan dan telah lulus SMP/sederajat.',
    providerAgencyCode: 'P.KEMENDIKDASMEN',
    providerUnit: DIKDASMEN,
    deliveredBy: 'province',
    handlingUnit: 'Dinas Pendidikan Provinsi',
    category: 'pendidikan',
    lifeEvents: ['masuk-sekolah'],
    requirements: [
      'Ijazah SMP/sederajat atau surat keterangan lulus',
      'Akta kelahiran atau surat keterangan lahir',
      'Kartu Keluarga (untuk jalur domisili, diterbitkan paling singkat 1 tahun sebelum pendaftaran)',
      'Bukti keikutsertaan program penanganan keluarga tidak mampu, bagi jalur afirmasi',
      'Surat penugasan orang tua/wali, bagi jalur mutasi',
      'Bukti prestasi akademik atau nonakademik, bagi jalur prestasi',
    ],
    cost: { amount: 0, note: 'Tidak dipungut biaya.' },
    slaDays: null,
    channels: ['online', 'counter'],
    legalBasis: SPMB_BASIS,
    keywords: [
      'spmb',
      'ppdb',
      'ppdb sma',
      'daftar sma',
      'daftar smk',
      'sekolah negeri',
      'school admission',
      'high school enrolment',
    ],
    form: spmbForm(['SMA', 'SMK'], ['SMA', 'SMK']),
    prefill: SPMB_PREFILL,
  },
  {
    slug: 'program-indonesia-pintar',
    name: 'Program Indonesia Pintar (PIP/KIP)',
    nameEn: 'Smart Indonesia Programme (PIP) Student Cash Assistance',
    summary:
      'Bantuan tunai pendidikan bagi peserta didik dari keluarga miskin atau rentan miskin, termasuk pemegang Kartu Indonesia Pintar.',
    summaryEn:
      'Cash education assistance for pupils from poor or vulnerable families, including Smart Indonesia Card (KIP) holders.',
    description:
      'PIP memberikan bantuan uang tunai kepada peserta didik berusia 6 sampai 21 tahun dari keluarga miskin atau rentan miskin agar tetap bersekolah. Calon penerima diusulkan oleh sekolah melalui Dapodik, dengan prioritas pemegang KIP, anggota keluarga peserta PKH atau pemegang Kartu Keluarga Sejahtera, dan keluarga yang tercatat dalam data kesejahteraan sosial. Status penerima dapat dicek dengan NISN dan NIK, lalu dana diaktivasi dan dicairkan di bank penyalur.',
    providerAgencyCode: 'P.KEMENDIKDASMEN',
    providerUnit: 'Pusat Layanan Pembiayaan Pendidikan (Puslapdik)',
    deliveredBy: 'national',
    handlingUnit: 'Satuan pendidikan (sekolah) sebagai pengusul',
    category: 'pendidikan',
    lifeEvents: ['masuk-sekolah'],
    requirements: [
      'Peserta didik berusia 6–21 tahun yang terdaftar di Dapodik',
      'Berasal dari keluarga miskin atau rentan miskin: pemegang KIP, keluarga peserta PKH atau pemegang KKS, atau tercatat dalam data kesejahteraan sosial',
      'Diusulkan oleh sekolah',
      'Untuk pencairan: surat keterangan kepala sekolah, KTP-el orang tua, dan buku tabungan atau dokumen dari bank penyalur',
    ],
    cost: { amount: 0, note: 'Tidak dipungut biaya.' },
    slaDays: null,
    channels: ['online', 'counter'],
    legalBasis:
      'Peraturan Menteri Pendidikan dan Kebudayaan Nomor 10 Tahun 2020 tentang Program Indonesia Pintar',
    keywords: [
      'pip',
      'kip',
      'kartu indonesia pintar',
      'program indonesia pintar',
      'bantuan siswa',
      'beasiswa miskin',
      'cek pip',
      'student assistance',
    ],
    form: form(
      [
        'nikOrangTua',
        'namaOrangTua',
        'nomorKK',
        'nikSiswa',
        'namaSiswa',
        'nisn',
        'namaSekolah',
        'jenjang',
      ],
      {
        nikOrangTua: nikField('NIK Orang Tua/Wali', "Parent's or guardian's NIK"),
        namaOrangTua: text('Nama Orang Tua/Wali', "Parent's or guardian's name", 100),
        nomorKK: nomorKK(),
        nikSiswa: nikField('NIK Siswa', "Pupil's NIK"),
        namaSiswa: text('Nama Siswa', "Pupil's name", 100),
        nisn: digits('NISN', 'National student number (NISN)', '^[0-9]{10}$', 10),
        namaSekolah: text('Nama Sekolah', 'School', 150),
        jenjang: choice(
          'Jenjang',
          'School level',
          ['SD', 'SMP', 'SMA', 'SMK'],
          ['SD', 'SMP', 'SMA', 'SMK'],
        ),
        nomorKIP: text(
          'Nomor Kartu Indonesia Pintar (bila ada)',
          'Smart Indonesia Card number (if any)',
          30,
        ),
      },
    ),
    prefill: { nikOrangTua: 'nik', namaOrangTua: 'name', nomorKK: 'familyCardNumber' },
  },
  {
    slug: 'legalisasi-ijazah',
    name: 'Legalisasi (Pengesahan Fotokopi) Ijazah SD, SMP, SMA/SMK',
    nameEn: 'Certification of Copies of School Diplomas',
    summary:
      'Pengesahan fotokopi ijazah atau surat keterangan pengganti ijazah jenjang pendidikan dasar dan menengah.',
    summaryEn:
      'Certification of copies of primary and secondary school diplomas or replacement certificates.',
    description:
      'Fotokopi ijazah disahkan oleh kepala sekolah yang menerbitkan ijazah setelah dicocokkan dengan aslinya. Bila sekolah telah bergabung, berganti nama, atau tidak beroperasi lagi, pengesahan dilakukan oleh sekolah hasil penggabungan atau oleh dinas pendidikan sesuai kewenangannya. Fotokopi yang disahkan dipakai antara lain untuk melamar kerja dan mendaftar sekolah atau kuliah.',
    providerAgencyCode: 'P.KEMENDIKDASMEN',
    providerUnit: DIKDASMEN,
    deliveredBy: 'regency',
    handlingUnit:
      'Sekolah penerbit ijazah; bila sekolah tidak beroperasi lagi, Dinas Pendidikan Kabupaten/Kota (SD/SMP) atau Dinas Pendidikan Provinsi (SMA/SMK)',
    category: 'pendidikan',
    lifeEvents: ['mencari-kerja', 'masuk-sekolah'],
    requirements: [
      'Ijazah asli atau surat keterangan pengganti ijazah asli',
      'Fotokopi ijazah yang akan disahkan',
      'KTP-el pemilik ijazah, atau surat kuasa bila dikuasakan',
    ],
    cost: { amount: 0 },
    slaDays: null,
    channels: ['counter'],
    keywords: [
      'legalisir',
      'legalisir ijazah',
      'legalisasi ijazah',
      'pengesahan ijazah',
      'fotokopi ijazah',
      'diploma certification',
      'certified copy',
    ],
    form: form(
      ['nik', 'nama', 'tanggalLahir', 'namaSekolah', 'jenjang', 'tahunLulus', 'jumlahLembar'],
      {
        nik: nik(),
        nama: nama(),
        tanggalLahir: tanggalLahir(),
        namaSekolah: text('Nama Sekolah Penerbit Ijazah', 'School that issued the diploma', 150),
        jenjang: choice(
          'Jenjang',
          'School level',
          ['SD', 'SMP', 'SMA', 'SMK'],
          ['SD', 'SMP', 'SMA', 'SMK'],
        ),
        tahunLulus: digits('Tahun Lulus', 'Year of graduation', '^[0-9]{4}$', 4),
        nomorIjazah: text('Nomor Ijazah', 'Diploma number', 50),
        jumlahLembar: count('Jumlah Lembar Fotokopi', 'Number of copies', 1, 20),
      },
    ),
    prefill: { nik: 'nik', nama: 'name', tanggalLahir: 'birthDate' },
  },
  // ---- Pertanahan ------------------------------------------------------------------------------------
  {
    slug: 'peralihan-hak-tanah',
    name: 'Pendaftaran Peralihan Hak atas Tanah (Balik Nama Sertifikat)',
    nameEn: 'Registration of Land Title Transfer (Change of Name on the Certificate)',
    summary:
      'Pencatatan peralihan hak atas tanah karena jual beli, hibah, waris, atau sebab lain pada sertifikat di Kantor Pertanahan.',
    summaryEn:
      'Recording the transfer of a land title by sale, gift, inheritance or other cause on the certificate at the land office.',
    description:
      'Peralihan hak karena jual beli, hibah, atau tukar menukar dibuktikan dengan akta Pejabat Pembuat Akta Tanah (PPAT), yang wajib menyampaikan akta ke Kantor Pertanahan paling lambat 7 hari kerja sejak penandatanganan. Peralihan karena pewarisan diajukan oleh ahli waris dengan bukti kematian dan keterangan waris. Kantor Pertanahan mencatat peralihan pada buku tanah dan sertifikat atas nama pemegang hak yang baru.',
    providerAgencyCode: 'P.ATR-BPN',
    providerUnit: 'Direktorat Jenderal Penetapan Hak dan Pendaftaran Tanah',
    deliveredBy: 'national',
    handlingUnit: 'Kantor Pertanahan Kabupaten/Kota',
    category: 'pertanahan',
    lifeEvents: ['pindah-rumah', 'kematian'],
    requirements: [
      'Sertifikat hak atas tanah asli',
      'Akta PPAT (jual beli, hibah, tukar menukar) atau surat keterangan waris dan akta kematian pewaris',
      'KTP-el dan Kartu Keluarga para pihak',
      'Bukti pelunasan BPHTB dan PPh atas pengalihan hak, bila terutang',
      'SPPT PBB tahun berjalan',
    ],
    cost: {
      amount: 50_000,
      note: 'Dikenai PNBP pendaftaran peralihan hak sebesar nilai tanah dibagi 1.000 ditambah Rp50.000 (PP 128/2015); belum termasuk BPHTB, PPh, dan honorarium PPAT.',
    },
    slaDays: null,
    channels: ['counter', 'app'],
    officialChannel:
      'Loket Kantor Pertanahan; status berkas dapat dipantau melalui aplikasi Sentuh Tanahku',
    legalBasis:
      'Peraturan Pemerintah Nomor 24 Tahun 1997 tentang Pendaftaran Tanah; Peraturan Pemerintah Nomor 128 Tahun 2015 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional',
    keywords: [
      'balik nama',
      'balik nama sertifikat',
      'balik nama sertipikat',
      'jual beli tanah',
      'waris tanah',
      'bpn',
      'sertifikat tanah',
      'land title transfer',
    ],
    form: form(
      [
        'nik',
        'nama',
        'alamat',
        'nomorSertifikat',
        'jenisHak',
        'jenisPeralihan',
        'letakTanah',
        'luasTanah',
      ],
      {
        nik: nikField('NIK Penerima Hak', "Transferee's NIK"),
        nama: text('Nama Penerima Hak', "Transferee's name", 100),
        alamat: alamat(),
        nomorSertifikat: text('Nomor Sertifikat', 'Certificate number', 50),
        jenisHak: choice(
          'Jenis Hak',
          'Type of title',
          ['HM', 'HGB', 'HP', 'HMSRS'],
          ['Hak Milik', 'Hak Guna Bangunan', 'Hak Pakai', 'Hak Milik atas Satuan Rumah Susun'],
        ),
        jenisPeralihan: choice(
          'Sebab Peralihan',
          'Cause of transfer',
          ['JUAL_BELI', 'HIBAH', 'WARIS', 'TUKAR_MENUKAR', 'LAINNYA'],
          ['Jual beli', 'Hibah', 'Pewarisan', 'Tukar menukar', 'Lainnya'],
        ),
        letakTanah: text('Letak Tanah', 'Location of the land', 255, { textarea: true }),
        luasTanah: count('Luas Tanah (m²)', 'Land area (m²)', 1, 100_000_000),
        nomorTelepon: telepon(),
      },
    ),
    prefill: { nik: 'nik', nama: 'name', alamat: 'address' },
  },
  // ---- Pengaduan dan informasi ---------------------------------------------------------------------
  {
    slug: 'pengaduan-lapor',
    name: 'Pengaduan Pelayanan Publik melalui SP4N-LAPOR!',
    nameEn: 'Public Service Complaints via SP4N-LAPOR!',
    summary:
      'Penyampaian pengaduan, aspirasi, atau permintaan informasi tentang pelayanan publik kepada instansi pemerintah melalui SP4N-LAPOR!.',
    summaryEn:
      'Submitting complaints, suggestions or information requests about public services to government agencies through SP4N-LAPOR!.',
    description:
      'SP4N-LAPOR! adalah Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional yang menghubungkan instansi pusat, pemerintah daerah, BUMN, dan lembaga lain. Laporan diverifikasi lalu diteruskan kepada instansi berwenang untuk ditindaklanjuti, dan pelapor dapat memantau perkembangannya. Pelapor dapat memilih identitasnya dirahasiakan atau melapor secara anonim.',
    providerAgencyCode: 'P.KEMENPAN-RB',
    providerUnit: 'Deputi Bidang Pelayanan Publik',
    deliveredBy: 'national',
    category: 'pengaduan',
    lifeEvents: [],
    requirements: [
      'Uraian laporan yang jelas: apa, di mana, kapan, dan siapa yang terlibat',
      'Bukti pendukung seperti foto atau dokumen, bila ada',
      'Akun LAPOR! atau identitas pelapor (dapat memilih rahasia atau anonim)',
    ],
    cost: { amount: 0, note: 'Tidak dipungut biaya.' },
    slaDays: null,
    channels: ['online', 'app'],
    officialChannel: 'SP4N-LAPOR! (lapor.go.id), aplikasi LAPOR!, dan SMS 1708',
    legalBasis:
      'Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik',
    keywords: [
      'lapor',
      'sp4n lapor',
      'pengaduan',
      'komplain',
      'keluhan',
      'aduan',
      'lapor pungli',
      'complaint',
      'report a problem',
    ],
    form: form(['judulLaporan', 'isiLaporan'], {
      nik: nik(),
      nama: nama(),
      email: email(),
      judulLaporan: text('Judul Laporan', 'Subject', 150),
      isiLaporan: text('Isi Laporan', 'Report', 5000, { textarea: true, minLength: 20 }),
      tanggalKejadian: dateField('Tanggal Kejadian', 'Date of the incident'),
      lokasiKejadian: text('Lokasi Kejadian', 'Where it happened', 255),
      instansiTujuan: text('Instansi yang Dilaporkan', 'Agency concerned', 150),
      anonim: flag(
        'Kirim secara Anonim',
        'Submit anonymously',
        'Identitas pelapor tidak ditampilkan kepada siapa pun.',
      ),
      rahasia: flag(
        'Rahasiakan Identitas',
        'Keep my identity confidential',
        'Identitas hanya diketahui pengelola pengaduan.',
      ),
    }),
    prefill: { nik: 'nik', nama: 'name' },
  },
  {
    slug: 'permohonan-informasi-publik',
    name: 'Permohonan Informasi Publik kepada PPID',
    nameEn: 'Public Information Request to the Information Officer (PPID)',
    summary:
      'Permintaan informasi publik kepada Pejabat Pengelola Informasi dan Dokumentasi (PPID) pemerintah kabupaten/kota.',
    summaryEn:
      'Request for public information to the information and documentation officer (PPID) of the regency or city government.',
    description:
      'Setiap orang berhak meminta informasi publik kepada badan publik melalui PPID. PPID wajib memberikan jawaban tertulis paling lambat 10 hari kerja sejak permohonan diterima, dan dapat memperpanjangnya paling lama 7 hari kerja. Bila tidak puas, pemohon dapat mengajukan keberatan kepada atasan PPID dan selanjutnya sengketa informasi ke Komisi Informasi.',
    providerAgencyCode: 'P.KEMENDAGRI',
    providerUnit: 'Kementerian Dalam Negeri (pembina PPID pemerintah daerah)',
    deliveredBy: 'regency',
    handlingUnit: 'PPID Utama Pemerintah Kabupaten/Kota',
    category: 'pengaduan',
    lifeEvents: [],
    requirements: [
      'Identitas pemohon (KTP-el bagi perseorangan; akta pendirian bagi badan hukum)',
      'Rincian informasi yang dibutuhkan',
      'Tujuan penggunaan informasi',
      'Cara memperoleh informasi dan cara mendapatkan salinannya',
    ],
    cost: {
      amount: 0,
      note: 'Tidak dipungut biaya; biaya penggandaan atau pengiriman salinan dapat dibebankan kepada pemohon.',
    },
    slaDays: 10,
    channels: ['online', 'counter'],
    legalBasis: 'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik',
    keywords: [
      'ppid',
      'informasi publik',
      'keterbukaan informasi',
      'minta data',
      'permohonan informasi',
      'freedom of information',
      'foi request',
    ],
    form: form(
      ['nik', 'nama', 'alamat', 'email', 'rincianInformasi', 'tujuanPenggunaan', 'caraMemperoleh'],
      {
        nik: nik(),
        nama: nama(),
        alamat: alamat(),
        email: email(),
        nomorTelepon: telepon(),
        rincianInformasi: text('Rincian Informasi yang Dibutuhkan', 'Information requested', 3000, {
          textarea: true,
        }),
        tujuanPenggunaan: text('Tujuan Penggunaan Informasi', 'Purpose of use', 1000, {
          textarea: true,
        }),
        caraMemperoleh: choice(
          'Cara Memperoleh Informasi',
          'How to receive the information',
          ['MELIHAT', 'SALINAN_ELEKTRONIK', 'SALINAN_CETAK'],
          ['Melihat/membaca/mencatat', 'Salinan elektronik', 'Salinan cetak'],
        ),
      },
    ),
    prefill: { nik: 'nik', nama: 'name', alamat: 'address' },
  },
  // ---- Keagamaan -----------------------------------------------------------------------------------
  {
    slug: 'pendaftaran-haji-reguler',
    name: 'Pendaftaran Haji Reguler',
    nameEn: 'Regular Hajj Registration',
    summary:
      'Pendaftaran jemaah haji reguler untuk memperoleh nomor porsi di Kantor Kementerian Agama kabupaten/kota.',
    summaryEn:
      'Registration of regular hajj pilgrims to obtain a queue number at the regency or city office of the Ministry of Religious Affairs.',
    description:
      'Calon jemaah membuka tabungan haji dan membayar setoran awal Biaya Penyelenggaraan Ibadah Haji (BPIH) di bank penerima setoran, lalu mendaftar di Kantor Kementerian Agama kabupaten/kota sesuai domisili untuk perekaman data, foto, dan sidik jari. Setelah terdaftar, jemaah memperoleh nomor porsi yang menentukan urutan keberangkatan. Pelunasan BPIH dilakukan ketika jemaah masuk alokasi kuota keberangkatan.',
    providerAgencyCode: 'P.KEMENAG',
    providerUnit: 'Direktorat Jenderal Penyelenggaraan Haji dan Umrah',
    deliveredBy: 'national',
    handlingUnit: 'Kantor Kementerian Agama Kabupaten/Kota',
    category: 'keagamaan',
    lifeEvents: [],
    requirements: [
      'Beragama Islam',
      'Berusia paling rendah 12 tahun saat mendaftar',
      'KTP-el yang masih berlaku sesuai domisili',
      'Kartu Keluarga',
      'Akta kelahiran, surat kenal lahir, buku nikah, atau ijazah',
      'Bukti setoran awal BPIH dari bank penerima setoran',
      'Pas foto terbaru',
    ],
    cost: {
      amount: 25_000_000,
      note: 'Setoran awal BPIH, disetor melalui bank penerima setoran dan menjadi bagian dari biaya haji; pendaftaran di Kantor Kementerian Agama tidak dipungut biaya.',
    },
    slaDays: null,
    channels: ['counter'],
    legalBasis: 'Undang-Undang Nomor 8 Tahun 2019 tentang Penyelenggaraan Ibadah Haji dan Umrah',
    keywords: [
      'haji',
      'daftar haji',
      'haji reguler',
      'nomor porsi',
      'setoran awal haji',
      'tabungan haji',
      'hajj registration',
      'pilgrimage',
    ],
    form: form(
      [
        'nik',
        'nama',
        'tempatLahir',
        'tanggalLahir',
        'jenisKelamin',
        'nomorKK',
        'alamat',
        'bankPenerimaSetoran',
      ],
      {
        nik: nik(),
        nama: nama(),
        tempatLahir: tempatLahir(),
        tanggalLahir: tanggalLahir(),
        jenisKelamin: jenisKelamin(),
        nomorKK: nomorKK(),
        alamat: alamat(),
        bankPenerimaSetoran: text('Bank Penerima Setoran', 'Bank receiving the deposit', 100),
        nomorTelepon: telepon(),
      },
    ),
    prefill: {
      nik: 'nik',
      nama: 'name',
      tanggalLahir: 'birthDate',
      jenisKelamin: 'sex',
      nomorKK: 'familyCardNumber',
      alamat: 'address',
    },
  },
];
