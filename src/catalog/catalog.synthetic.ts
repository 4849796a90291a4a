import fs from 'node:fs/promises';
import { toCsvLine } from '../platform/csv.ts';
import { randomGenerator } from '../platform/random.ts';
import {
  CENTRAL_COMMON_FUNCTIONS,
  CENTRAL_SECTORS,
  OUT_OF_LIST_VOCABULARY,
  VOCABULARY,
  type FunctionVocabulary,
} from './catalog.synthetic.data.ts';

/**
 * A deterministic synthetic application inventory, written the way agencies report theirs to
 * SPBE: full Indonesian names, acronyms and e-/Si- names, brand names, region suffixes, versions,
 * misspellings, English words, vague descriptions, units that built an application for others,
 * agencies written in several ways. Each row keeps its true function (column `function`, which the
 * importer ignores) so that clustering can be measured on it. The vocabulary
 * (catalog.synthetic.data.ts) is written apart from the classifier's, so that figures on it are
 * not circular.
 */

export interface SyntheticAgency {
  name: string;
  level: 'pusat' | 'provinsi' | 'kabupaten' | 'kota';
}

export interface SyntheticApplication {
  id: string;
  name: string;
  acronym: string;
  description: string;
  agency: string;
  agencyLevel: SyntheticAgency['level'];
  unit: string;
  function: string;
}

/** Share of applications held by provinces, regencies and cities (the rest: central agencies). */
const REGIONAL_SHARE = 0.85;
/** Share of applications whose function is outside the list (OUT_OF_LIST_VOCABULARY). */
const OUT_OF_LIST_SHARE = 0.03;
/** Share of a central agency's applications that serve its own sector rather than common functions. */
const CENTRAL_SECTOR_SHARE = 0.5;
const EMPTY_ACRONYM_SHARE = 0.25;
const VAGUE_DESCRIPTION_SHARE = 0.08;
/** With units moved into the agency column (AGENCY_WITH_UNIT_SHARE), ~15% of units are empty. */
const EMPTY_UNIT_SHARE = 0.11;
/** Share of units that are the builder (Diskominfo, Bagian Umum) rather than the owner. */
const BUILDER_UNIT_SHARE = 0.2;
/** Share of rows whose agency column ends in " - <unit>"; 40% of those leave the unit column empty. */
const AGENCY_WITH_UNIT_SHARE = 0.12;

const VERSIONS = [' v2', ' 2.0', ' 2023', ' v3', ' 2024', ' Versi 2', ' V.1.2', ' 2019'];
const ENGLISH_SUFFIXES = [' Online', ' Mobile', ' Dashboard', ' Apps', ' Android', ' Web'];
const ENGLISH_PREFIXES = ['Smart ', 'Dashboard ', 'Mobile '];
const VAGUE_DESCRIPTIONS = [
  '',
  '-',
  'Aplikasi internal',
  'Aplikasi pendukung tugas pokok dan fungsi',
  'Sudah tidak digunakan',
  'Dalam tahap pengembangan',
  'Aplikasi berbasis web',
  'Lihat lampiran',
  'Aplikasi dari pusat',
  'N/A',
];
const DESCRIPTION_PREFIXES = [
  'Aplikasi ini digunakan untuk ',
  'Digunakan untuk ',
  'Merupakan aplikasi untuk ',
  'Sistem yang mendukung ',
];
const DESCRIPTION_SUFFIXES = [
  ' Berbasis web dan Android.',
  ' Dikembangkan oleh Diskominfo.',
  ' Terintegrasi dengan aplikasi kementerian.',
  ' Dibangun tahun 2019 dengan dana APBD.',
  ' Diakses melalui jaringan intranet pemda.',
  ' Server berada di pusat data daerah.',
];
const BUILDER_UNITS = [
  'Diskominfo',
  'Diskominfo',
  'Dinas Komunikasi dan Informatika',
  'Diskominfotik',
  'Bagian Umum',
  'Bagian Umum',
  'Bagian Umum dan Perlengkapan',
];
const CENTRAL_BUILDER_UNITS = ['Pusat Data dan Informasi', 'Pusdatin', 'Biro Umum'];
const CENTRAL_UNITS = [
  'Pusat Data dan Informasi',
  'Sekretariat Jenderal',
  'Biro Perencanaan',
  'Biro Hubungan Masyarakat',
];
/** The unit of a ministry that owns an application of a function, where it is not Pusdatin. */
const CENTRAL_UNITS_BY_FUNCTION: ReadonlyMap<string, readonly string[]> = new Map([
  ['hr-personnel', ['Biro Sumber Daya Manusia', 'Biro Kepegawaian']],
  ['attendance', ['Biro Sumber Daya Manusia', 'Biro Umum']],
  ['employee-performance', ['Biro Sumber Daya Manusia', 'Biro Organisasi dan Tata Laksana']],
  ['payroll', ['Biro Keuangan', 'Biro Sumber Daya Manusia']],
  ['training', ['Pusat Pengembangan SDM', 'Badan Pengembangan SDM']],
  ['organisational-performance', ['Biro Perencanaan', 'Biro Organisasi dan Tata Laksana']],
  ['planning-budgeting', ['Biro Perencanaan', 'Biro Perencanaan dan Anggaran']],
  ['regional-finance', ['Biro Keuangan', 'Biro Keuangan dan BMN']],
  ['assets', ['Biro Keuangan dan BMN', 'Biro Umum']],
  ['procurement', ['Biro Pengadaan', 'Biro Umum']],
  ['e-office', ['Biro Umum', 'Biro Tata Usaha']],
  ['archives', ['Biro Umum', 'Biro Tata Usaha']],
  ['legal-documents', ['Biro Hukum', 'Biro Hukum dan Organisasi']],
  ['website-portal', ['Biro Hubungan Masyarakat', 'Biro Komunikasi dan Informasi Publik']],
  ['public-information', ['Biro Hubungan Masyarakat', 'Biro Komunikasi dan Informasi Publik']],
  ['complaints', ['Biro Hubungan Masyarakat', 'Inspektorat Jenderal']],
  ['internal-audit', ['Inspektorat Jenderal', 'Inspektorat Utama']],
]);

/** Misspellings and variants seen in real inventories, applied case-preservingly. */
const MISSPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/perizinan/gi, 'perijinan'],
  [/izin/gi, 'ijin'],
  [/kepegawaian/gi, 'kepegawain'],
  [/presensi/gi, 'absensi'],
  [/sistem/gi, 'sistim'],
  [/informasi/gi, 'infomasi'],
  [/manajemen/gi, 'managemen'],
  [/elektronik/gi, 'elektronic'],
  [/penatausahaan/gi, 'penata usahaan'],
  [/kependudukan/gi, 'kependudukkan'],
  [/website/gi, 'web site'],
  [/pengaduan/gi, 'pengaduaan'],
];

/** Items with cumulative weights, picked by binary search. */
class WeightedList<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weightOf: (item: T) => number,
  ) {
    let sum = 0;
    for (const item of items) this.cumulative.push((sum += weightOf(item)));
    this.total = sum;
  }

  pick(random: () => number): T {
    const x = random() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (x < (this.cumulative[mid] ?? 0)) high = mid;
      else low = mid + 1;
    }
    return itemAt(this.items, low);
  }
}

function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index} of ${items.length}`);
  return item;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return itemAt(items, Math.floor(random() * items.length));
}

/** The place in an agency's name: "Kabupaten Sleman" -> "Sleman". */
function placeOf(agency: SyntheticAgency): string {
  return agency.name.replace(/^Pemerintah\s+/i, '').replace(/^(Kabupaten|Kota|Provinsi)\s+/i, '');
}

/** How inventories write a government: Pemkab Sleman, Kab. Sleman …; ministries by their name. */
function agencyForms(agency: SyntheticAgency): readonly string[] {
  const place = placeOf(agency);
  switch (agency.level) {
    case 'pusat':
      return [agency.name];
    case 'provinsi':
      return [
        `Pemerintah Provinsi ${place}`,
        `Pemerintah Provinsi ${place}`,
        `Pemprov ${place}`,
        `Pemprov ${place}`,
        `Provinsi ${place}`,
        `Prov. ${place}`,
      ];
    case 'kabupaten':
      return [
        `Pemerintah Kabupaten ${place}`,
        `Pemerintah Kabupaten ${place}`,
        `Pemkab ${place}`,
        `Pemkab ${place}`,
        `Kab. ${place}`,
        `Kabupaten ${place}`,
        `Pemerintah Kab. ${place}`,
      ];
    case 'kota':
      return [
        `Pemerintah Kota ${place}`,
        `Pemerintah Kota ${place}`,
        `Pemkot ${place}`,
        `Pemkot ${place}`,
        `Kota ${place}`,
        `PEMKOT ${place.toUpperCase()}`,
      ];
  }
}

/** Suffixes naming the region in an application's name: "SIMPEG Kab. Sleman". */
function regionSuffixes(agency: SyntheticAgency): readonly string[] {
  const place = placeOf(agency);
  switch (agency.level) {
    case 'pusat':
      return [];
    case 'provinsi':
      return [` Provinsi ${place}`, ` Prov. ${place}`, ` ${place}`];
    case 'kabupaten':
      return [` Kab. ${place}`, ` Kabupaten ${place}`, ` ${place}`];
    case 'kota':
      return [` Kota ${place}`, ` ${place}`];
  }
}

interface PreparedAgency {
  agency: SyntheticAgency;
  forms: readonly string[];
  suffixes: readonly string[];
  /** A central agency's own functions (Kementerian Kesehatan: puskesmas, hospitals). */
  sector: readonly FunctionVocabulary[];
}

const VOCABULARY_BY_CODE: ReadonlyMap<string, FunctionVocabulary> = new Map(
  VOCABULARY.map((v) => [v.code, v]),
);

function vocabularyOf(code: string): FunctionVocabulary {
  const vocabulary = VOCABULARY_BY_CODE.get(code);
  if (vocabulary === undefined) throw new Error(`no vocabulary for function ${code}`);
  return vocabulary;
}

function sectorOf(agency: SyntheticAgency): FunctionVocabulary[] {
  if (agency.level !== 'pusat') return [];
  const name = agency.name.toLowerCase();
  const codes = new Set<string>();
  for (const sector of CENTRAL_SECTORS)
    if (sector.words.some((word) => name.includes(word.toLowerCase())))
      for (const code of sector.codes) codes.add(code);
  return [...codes].map(vocabularyOf);
}

function prepareAgencies(
  agencies: readonly SyntheticAgency[],
  random: () => number,
): WeightedList<PreparedAgency> | undefined {
  if (agencies.length === 0) return undefined;
  // Agencies differ in size: some report five applications, others fifty.
  const prepared = agencies.map((agency) => ({
    agency,
    forms: agencyForms(agency),
    suffixes: regionSuffixes(agency),
    sector: sectorOf(agency),
    weight: 0.3 + 1.7 * random() * random(),
  }));
  return new WeightedList(prepared, (a) => a.weight);
}

function matchCase(original: string, replacement: string): string {
  if (original === original.toUpperCase() && original !== original.toLowerCase())
    return replacement.toUpperCase();
  const first = original.charAt(0);
  if (first !== first.toLowerCase())
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/** Applies one of the misspellings that fit the text, if any does. */
function misspell(text: string, random: () => number): string {
  const fitting = MISSPELLINGS.filter(([pattern]) => text.search(pattern) !== -1);
  if (fitting.length === 0) return text;
  const [pattern, replacement] = pick(fitting, random);
  return text.replace(pattern, (found) => matchCase(found, replacement));
}

/** "Sistem Informasi Manajemen Kepegawaian" -> "SIMK". */
function initials(name: string): string {
  let result = '';
  for (const word of name.split(/[\s-]+/)) if (/^[A-Z]/.test(word)) result += word.charAt(0);
  return result;
}

/** The acronym an agency would write for a short name: "SIMDA Keuangan" -> "SIMDA". */
function acronymOf(short: string): string {
  if (!short.includes(' ')) return short;
  const first = short.split(' ')[0] ?? '';
  if (/^[A-Z]{3,}$/.test(first)) return first;
  const joined = short.replace(/[^A-Za-z0-9]/g, '');
  return joined.length <= 12 ? joined.toUpperCase() : initials(short);
}

/** "Sapa Warga" -> "SAPAWARGA"; a longer brand by its initials: "Jelajah Nusantara" -> "JN". */
function brandAcronym(brand: string): string {
  const joined = brand.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return joined.length <= 10 ? joined : initials(brand).toUpperCase();
}

function lowerFirstWord(text: string): string {
  // Keep acronyms (PPDB, KTP-el) as written.
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

interface Names {
  name: string;
  acronym: string;
}

function applicationNames(
  vocabulary: FunctionVocabulary,
  agency: PreparedAgency,
  random: () => number,
): Names {
  const style = random();
  let name: string;
  let acronym: string;
  let decorate = true;
  if (style < 0.32 || vocabulary.short.length === 0) {
    name = pick(vocabulary.full, random);
    const variant = random();
    if (variant < 0.08) name = name.replace(/^Sistem Informasi /, 'SI ');
    else if (variant < 0.16) name = name.replace(/^(Sistem Informasi|Sistem) /, 'Aplikasi ');
    acronym =
      vocabulary.short.length > 0 && random() < 0.6
        ? acronymOf(pick(vocabulary.short, random))
        : initials(name);
  } else if (style < 0.7 || vocabulary.brands.length === 0) {
    const short = pick(vocabulary.short, random);
    name = short;
    acronym = acronymOf(short);
  } else if (style < 0.84) {
    const brand = pick(vocabulary.brands, random);
    const variant = random();
    name = variant < 0.6 ? brand : variant < 0.8 ? `Aplikasi ${brand}` : brand.toUpperCase();
    acronym =
      random() < 0.5 && vocabulary.short.length > 0
        ? acronymOf(pick(vocabulary.short, random))
        : brandAcronym(brand);
  } else {
    const short = pick(vocabulary.short, random);
    const full = pick(vocabulary.full, random);
    const variant = random();
    name =
      variant < 0.4
        ? `${short} - ${full}`
        : variant < 0.75
          ? `${full} (${short})`
          : `${short} (${full})`;
    acronym = acronymOf(short);
    decorate = false;
  }
  // A ministry's application is not a region's: "Sistem Informasi Kepegawaian Daerah" loses "Daerah".
  if (agency.agency.level === 'pusat')
    name = name.replace(/ (Pemerintah |Perangkat )?Daerah\b/g, '');
  if (decorate) {
    if (agency.suffixes.length > 0 && random() < 0.18) name += pick(agency.suffixes, random);
    if (random() < 0.1) name += pick(VERSIONS, random);
    if (random() < 0.12) {
      const english =
        random() < 0.7 ? pick(ENGLISH_SUFFIXES, random) : pick(ENGLISH_PREFIXES, random);
      if (!name.toLowerCase().includes(english.trim().toLowerCase()))
        name = english.startsWith(' ') ? name + english : english + name;
    }
  }
  if (random() < 0.12) name = misspell(name, random);
  const casing = random();
  if (casing < 0.04) name = name.toUpperCase();
  else if (casing < 0.055) name = name.toLowerCase();
  if (random() < EMPTY_ACRONYM_SHARE) acronym = '';
  return { name, acronym };
}

function applicationDescription(
  vocabulary: FunctionVocabulary,
  name: string,
  random: () => number,
): string {
  const kind = random();
  if (kind < VAGUE_DESCRIPTION_SHARE) return pick(VAGUE_DESCRIPTIONS, random);
  // The name again, as agencies often write: "Aplikasi SIMPEG".
  if (kind < VAGUE_DESCRIPTION_SHARE + 0.04)
    return /^aplikasi /i.test(name) ? name : `Aplikasi ${name}`;
  let description = pick(vocabulary.descriptions, random);
  if (random() < 0.15) {
    const second = pick(vocabulary.descriptions, random);
    if (second !== description) description += ` ${second}`;
  }
  if (random() < 0.15)
    description = pick(DESCRIPTION_PREFIXES, random) + lowerFirstWord(description);
  if (random() < 0.1) description += pick(DESCRIPTION_SUFFIXES, random);
  if (random() < 0.08) description = misspell(description, random);
  return description;
}

function owningUnit(
  vocabulary: FunctionVocabulary,
  agency: SyntheticAgency,
  random: () => number,
): string {
  const kind = random();
  if (kind < EMPTY_UNIT_SHARE) return '';
  const isBuilder = kind < EMPTY_UNIT_SHARE + BUILDER_UNIT_SHARE;
  if (agency.level === 'pusat')
    return isBuilder
      ? pick(CENTRAL_BUILDER_UNITS, random)
      : pick(CENTRAL_UNITS_BY_FUNCTION.get(vocabulary.code) ?? CENTRAL_UNITS, random);
  const unit = isBuilder ? pick(BUILDER_UNITS, random) : pick(vocabulary.units, random);
  // A province's secretariat has bureaus where a regency's has sections (Biro Umum, Bagian Umum).
  return agency.level === 'provinsi' ? unit.replace(/^Bagian /, 'Biro ') : unit;
}

/** Deterministic: the same (count, seed, agencies) gives the same rows. */
export function generateInventory(options: {
  count: number;
  seed: number;
  agencies: readonly SyntheticAgency[];
}): SyntheticApplication[] {
  const { count, seed, agencies } = options;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number ≥ 0, not ${count}`);
  if (count === 0) return [];
  const random = randomGenerator(seed);
  const regional = prepareAgencies(
    agencies.filter((a) => a.level !== 'pusat'),
    random,
  );
  const central = prepareAgencies(
    agencies.filter((a) => a.level === 'pusat'),
    random,
  );
  if (regional === undefined && central === undefined)
    throw new Error('generateInventory needs at least one agency');
  const listed = new WeightedList(VOCABULARY, (v) => v.weight);
  const centralCommon = new WeightedList(
    CENTRAL_COMMON_FUNCTIONS.map(vocabularyOf),
    (v) => v.weight,
  );
  const outOfList = new WeightedList(OUT_OF_LIST_VOCABULARY, (v) => v.weight);
  // A fixed width below 100,000 rows, so that a larger count extends a smaller one.
  const width = Math.max(5, String(count).length);

  const rows: SyntheticApplication[] = [];
  for (let i = 0; i < count; i++) {
    const isRegional = random() < REGIONAL_SHARE;
    const pool = (isRegional ? regional : central) ?? regional ?? central;
    if (pool === undefined) throw new Error('unreachable: no agencies');
    const agency = pool.pick(random);
    const vocabulary =
      random() < OUT_OF_LIST_SHARE
        ? outOfList.pick(random)
        : agency.agency.level !== 'pusat'
          ? listed.pick(random)
          : agency.sector.length > 0 && random() < CENTRAL_SECTOR_SHARE
            ? pick(agency.sector, random)
            : centralCommon.pick(random);
    const { name, acronym } = applicationNames(vocabulary, agency, random);
    const description = applicationDescription(vocabulary, name, random);
    let unit = owningUnit(vocabulary, agency.agency, random);
    let agencyText = pick(agency.forms, random);
    if (unit !== '' && random() < AGENCY_WITH_UNIT_SHARE) {
      agencyText += ` - ${unit}`;
      if (random() < 0.4) unit = '';
    }
    rows.push({
      // SYN-: never mistaken for an agency's own ids when both are in one export.
      id: `SYN-${String(i + 1).padStart(width, '0')}`,
      name,
      acronym,
      description,
      agency: agencyText,
      agencyLevel: agency.agency.level,
      unit,
      function: vocabulary.code,
    });
  }
  return rows;
}

const CSV_HEADER = [
  'id',
  'name',
  'acronym',
  'description',
  'agency',
  'agency_level',
  'unit',
  'function',
] as const;

/** Writes generateInventory's rows as CSV with the header above; returns the row count. */
export async function writeInventoryCsv(
  file: string,
  options: { count: number; seed: number; agencies: readonly SyntheticAgency[] },
): Promise<number> {
  const rows = generateInventory(options);
  const lines: string[] = [toCsvLine(CSV_HEADER)];
  for (const row of rows)
    lines.push(
      toCsvLine([
        row.id,
        row.name,
        row.acronym,
        row.description,
        row.agency,
        row.agencyLevel,
        row.unit,
        row.function,
      ]),
    );
  await fs.writeFile(file, lines.join(''), 'utf8');
  return rows.length;
}
