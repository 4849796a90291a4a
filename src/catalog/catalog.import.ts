import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import type { AgencyRow } from '../agencies/agencies.repository.ts';
import type { AgencyLevel } from '../platform/db/schema.ts';
import { decodeText, parseCsv, toCsvLine, type TextEncodingName } from '../platform/csv.ts';
import { isXlsxFile, readXlsxRecords } from '../platform/xlsx.ts';
import { copyRows } from '../platform/db/copy.ts';
import { AppError } from '../platform/http/errors.ts';
import type { AgencyResolver } from './agency-resolver.ts';

/**
 * `padu catalog import`: an agency application inventory from CSV, in one transaction. Each row's
 * free-text agency is resolved to a seeded agency (AgencyResolver) and the rest kept as the unit;
 * rows that cannot be used go to a rejects file with line, column and reason; a re-import matches
 * applications on (agency, source id) and changes only what differs.
 */

export const CATALOG_COLUMNS = {
  required: ['id', 'name', 'acronym', 'description', 'agency', 'agency_level'],
  optional: ['unit', 'status', 'users', 'hosting', 'technology', 'personal_data', 'annual_cost'],
} as const;

export interface CatalogImportSummary {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Agencies added because the inventory named them and --create-missing-agencies was given. */
  agenciesCreated: string[];
  /** Columns the import does not know, left out (named here so that nothing is dropped unseen). */
  ignoredColumns: string[];
  rejectsFile: string;
  /** How a CSV's bytes were read (Windows-1252 when they are not UTF-8); null for XLSX. */
  encoding: TextEncodingName | null;
}

interface ApplicationRow {
  line: number;
  agencyCode: string;
  sourceId: string;
  name: string;
  acronym: string | null;
  description: string | null;
  unit: string | null;
  status: 'active' | 'development' | 'retired';
  users: string | null;
  hosting: string | null;
  technology: string | null;
  personalData: boolean | null;
  annualCost: number | null;
}

/** agency_level as inventories write it (lower case, punctuation as spaces). */
const LEVELS: Record<string, AgencyLevel> = {
  pusat: 'pusat',
  central: 'pusat',
  'pemerintah pusat': 'pusat',
  'instansi pusat': 'pusat',
  nasional: 'pusat',
  national: 'pusat',
  kementerian: 'pusat',
  lembaga: 'pusat',
  'kementerian lembaga': 'pusat',
  'k l': 'pusat',
  lpnk: 'pusat',
  'lembaga non kementerian': 'pusat',
  'lembaga pemerintah non kementerian': 'pusat',
  lns: 'pusat',
  'lembaga non struktural': 'pusat',
  'instansi vertikal': 'pusat',
  provinsi: 'provinsi',
  prov: 'provinsi',
  province: 'provinsi',
  provincial: 'provinsi',
  pemprov: 'provinsi',
  'pemerintah provinsi': 'provinsi',
  kabupaten: 'kabupaten',
  kab: 'kabupaten',
  regency: 'kabupaten',
  pemkab: 'kabupaten',
  'pemerintah kabupaten': 'kabupaten',
  kota: 'kota',
  city: 'kota',
  kotamadya: 'kota',
  municipality: 'kota',
  pemkot: 'kota',
  'pemerintah kota': 'kota',
};

/**
 * Levels that say "regional" without saying which: the agency column decides (a regional
 * government is named with its level word); accepted rather than rejected.
 */
const REGIONAL_LEVELS = new Set([
  'kabupaten kota',
  'kab kota',
  'daerah',
  'pemda',
  'pemerintah daerah',
  'regional',
  'local',
  // Villages and districts belong to their regency or city: the agency column says which.
  'kecamatan',
  'kelurahan',
  'desa',
  'pemerintah desa',
  'pemdes',
]);
const SUB_REGIONAL = new Set(['kecamatan', 'kelurahan', 'desa', 'pemerintah desa', 'pemdes']);

/** Lower case, with hyphens, slashes and repeated spaces as single spaces. */
function normalisedTerm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const STATUSES: Record<string, ApplicationRow['status']> = {
  aktif: 'active',
  active: 'active',
  digunakan: 'active',
  'aktif digunakan': 'active',
  'masih digunakan': 'active',
  dipakai: 'active',
  berjalan: 'active',
  operasional: 'active',
  beroperasi: 'active',
  produksi: 'active',
  production: 'active',
  live: 'active',
  pengembangan: 'development',
  'dalam pengembangan': 'development',
  'tahap pengembangan': 'development',
  'sedang dikembangkan': 'development',
  dikembangkan: 'development',
  'uji coba': 'development',
  ujicoba: 'development',
  pilot: 'development',
  development: 'development',
  'in development': 'development',
  'under development': 'development',
  'tidak aktif': 'retired',
  nonaktif: 'retired',
  'non aktif': 'retired',
  inactive: 'retired',
  retired: 'retired',
  dihentikan: 'retired',
  'tidak digunakan': 'retired',
  'tidak dipakai': 'retired',
  'sudah tidak digunakan': 'retired',
  decommissioned: 'retired',
  deprecated: 'retired',
};

const YES = new Set(['ya', 'yes', 'true', '1', 'y']);
const NO = new Set(['tidak', 'no', 'false', '0', 't', 'n']);

/** The level a regional agency's name gives ("Pemkot X", "Kabupaten X", "Prov. X"), if any. */
function regionalLevelIn(agencyText: string): AgencyLevel | undefined {
  const text = ` ${normalisedTerm(agencyText)} `;
  if (/ (kota|pemkot|kotamadya) /.test(text)) return 'kota';
  if (/ (kabupaten|kab|pemkab) /.test(text)) return 'kabupaten';
  if (/ (provinsi|prov|pemprov) /.test(text)) return 'provinsi';
  return undefined;
}

function cell(row: Record<string, string>, column: string): string | null {
  const value = (row[column] ?? '').trim();
  return value === '' ? null : value;
}

/** Rupiah as written: "1500000", "1.500.000", "Rp 1.500.000,00", "1,500,000". */
function parseRupiah(text: string): number | undefined {
  const cleaned = text.replace(/^rp\.?\s*/i, '').replace(/,00$|\.00$/, '');
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(cleaned)) return undefined;
  return Number(cleaned.replace(/[.,]/g, ''));
}

export interface CatalogImportOptions {
  rejectsFile?: string;
  createMissingAgencies?: boolean;
}

export async function importCatalogCsv(
  pool: pg.Pool,
  file: string,
  resolver: AgencyResolver,
  createAgency: (name: string, level: AgencyLevel) => Promise<AgencyRow>,
  options: CatalogImportOptions = {},
): Promise<CatalogImportSummary> {
  const rejectsFile = options.rejectsFile ?? `${file}.rejects.csv`;
  let header: string[] | undefined;
  const rows: ApplicationRow[] = [];
  const rejects: (string | number)[][] = [];
  const seen = new Map<string, number>();
  const created = new Map<string, AgencyRow>();
  let count = 0;
  // An inventory is small (27,400 rows are ~5 MB): read whole, so that its encoding can be told.
  const decoded = isXlsxFile(file) ? null : decodeText(await readFile(file));
  const records =
    decoded === null ? readXlsxRecords(file) : parseCsv([decoded.text], { delimiter: 'auto' });
  for await (const record of records) {
    if (header === undefined) {
      header = record.fields.map((h) => h.trim().toLowerCase());
      const missing = CATALOG_COLUMNS.required.filter((c) => !header?.includes(c));
      if (missing.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          `The header lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ` +
            `it must name ${CATALOG_COLUMNS.required.join(',')} (optional: ${CATALOG_COLUMNS.optional.join(',')}). Nothing was imported.`,
        );
      }
      continue;
    }
    count++;
    const raw = toCsvLine(record.fields).slice(0, -1);
    const reject = (column: string, reason: string) =>
      rejects.push([record.line, column, reason, raw]);
    if (record.fields.length !== header.length) {
      reject('', `has ${record.fields.length} fields; the header has ${header.length}`);
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((column, i) => (row[column] = record.fields[i] ?? ''));

    const sourceId = cell(row, 'id');
    const name = cell(row, 'name');
    const agencyText = cell(row, 'agency');
    const levelText = cell(row, 'agency_level');
    const levelTerm = levelText === null ? null : normalisedTerm(levelText);
    const regionalOnly = levelTerm !== null && REGIONAL_LEVELS.has(levelTerm);
    const level = levelTerm === null || regionalOnly ? undefined : LEVELS[levelTerm];
    const statusText = cell(row, 'status');
    const status = statusText === null ? 'active' : STATUSES[normalisedTerm(statusText)];
    const personalText = cell(row, 'personal_data')?.toLowerCase() ?? null;
    const costText = cell(row, 'annual_cost');
    const annualCost = costText === null ? null : parseRupiah(costText);
    const problems: [string, string][] = [];
    if (sourceId === null)
      problems.push(['id', "is empty; give the application's id in your inventory"]);
    if (name === null) problems.push(['name', 'is empty']);
    if (agencyText === null) problems.push(['agency', 'is empty; name the owning agency']);
    if (levelText !== null && level === undefined && !regionalOnly)
      problems.push([
        'agency_level',
        `"${levelText}" is not a level; use pusat, provinsi, kabupaten or kota`,
      ]);
    if (status === undefined)
      problems.push([
        'status',
        `"${statusText ?? ''}" is not a status; use aktif, pengembangan or tidak aktif`,
      ]);
    if (personalText !== null && !YES.has(personalText) && !NO.has(personalText))
      problems.push(['personal_data', `"${personalText}" is not yes or no; use ya or tidak`]);
    if (annualCost === undefined)
      problems.push([
        'annual_cost',
        `"${costText ?? ''}" is not an amount in rupiah, e.g. 150000000 or 150.000.000`,
      ]);
    if (
      problems.length > 0 ||
      sourceId === null ||
      name === null ||
      agencyText === null ||
      status === undefined ||
      annualCost === undefined
    ) {
      reject(
        problems.map((p) => p[0]).join(';'),
        problems.map((p) => `${p[0]}: ${p[1]}`).join('; '),
      );
      continue;
    }

    let agency: { code: string; unit: string | null } | undefined;
    const resolved = resolver.resolve(agencyText, level);
    if (resolved.ok) {
      const resolvedLevel = resolver.levelOf(resolved.code);
      // A central agency's office named after its place ("Kantor Pertanahan Kota Medan" at
      // pusat): Padu does not know that agency; with --create-missing-agencies it is created at
      // the level the row gives. A bare regional government at pusat is still an error.
      const centralOffice =
        options.createMissingAgencies === true &&
        level === 'pusat' &&
        resolvedLevel !== 'pusat' &&
        resolved.unit !== null;
      if (
        !centralOffice &&
        level !== undefined &&
        resolvedLevel !== level &&
        !resolved.code.startsWith('X.')
      ) {
        reject(
          'agency_level',
          `"${agencyText}" is ${resolved.name} (${resolvedLevel ?? '?'}), but agency_level says ${level}; correct one of them`,
        );
        continue;
      }
      if (regionalOnly && resolvedLevel === 'pusat') {
        reject(
          'agency_level',
          `"${agencyText}" is ${resolved.name}, a central agency, but agency_level says "${levelText ?? ''}"; use pusat`,
        );
        continue;
      }
      if (!centralOffice) agency = { code: resolved.code, unit: resolved.unit };
    } else if (!options.createMissingAgencies) {
      reject(
        'agency',
        `agency "${agencyText}" is not known; did you mean ${resolved.suggestions.map((s) => `"${s.name}"`).join(', ')}? ` +
          'Write it as the agency is named, or import with --create-missing-agencies',
      );
      continue;
    }
    if (agency === undefined) {
      const createLevel = level ?? (regionalOnly ? regionalLevelIn(agencyText) : undefined);
      if (createLevel === undefined) {
        reject(
          'agency_level',
          levelTerm !== null && SUB_REGIONAL.has(levelTerm)
            ? `agency "${agencyText}" is not known: a ${levelTerm}'s application belongs to its regency or city; name it in the agency column, e.g. "${agencyText}, Kabupaten …"`
            : `agency "${agencyText}" is not known and can only be created with its level (pusat, provinsi, kabupaten or kota)`,
        );
        continue;
      }
      const key = `${createLevel}|${agencyText.toLowerCase()}`;
      let row = created.get(key);
      if (!row) {
        row = await createAgency(agencyText, createLevel);
        created.set(key, row);
      }
      agency = { code: row.code, unit: null };
    }
    const key = `${agency.code}|${sourceId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      reject(
        'id',
        `application ${sourceId} of this agency is already on line ${earlier}; send one row per application`,
      );
      continue;
    }
    seen.set(key, record.line);
    rows.push({
      line: record.line,
      agencyCode: agency.code,
      sourceId,
      name,
      acronym: cell(row, 'acronym'),
      description: cell(row, 'description'),
      unit: cell(row, 'unit') ?? agency.unit,
      status,
      users: cell(row, 'users'),
      hosting: cell(row, 'hosting'),
      technology: cell(row, 'technology'),
      personalData: personalText === null ? null : YES.has(personalText),
      annualCost,
    });
  }
  if (header === undefined)
    throw new AppError(
      'VALIDATION_FAILED',
      `${file} is empty; it needs a header row. Nothing was imported.`,
    );
  const known = new Set<string>([...CATALOG_COLUMNS.required, ...CATALOG_COLUMNS.optional]);

  // Every reject is known before anything is written.
  const out = createWriteStream(rejectsFile);
  out.write(toCsvLine(['line', 'column', 'reason', 'row']));
  for (const reject of rejects) if (!out.write(toCsvLine(reject))) await once(out, 'drain');
  out.end();
  await finished(out);

  const client = await pool.connect();
  let merged: { inserted: number; updated: number };
  try {
    await client.query('begin');
    await client.query(`create temporary table application_staging (
        line int not null, agency_code text not null, source_id text not null, name text not null,
        acronym text, description text, unit text, status text not null, users text, hosting text,
        technology text, personal_data boolean, annual_cost numeric) on commit drop`);
    await copyRows(
      client,
      'application_staging',
      [
        'line',
        'agency_code',
        'source_id',
        'name',
        'acronym',
        'description',
        'unit',
        'status',
        'users',
        'hosting',
        'technology',
        'personal_data',
        'annual_cost',
      ],
      rows.map((r) => [
        r.line,
        r.agencyCode,
        r.sourceId,
        r.name,
        r.acronym,
        r.description,
        r.unit,
        r.status,
        r.users,
        r.hosting,
        r.technology,
        r.personalData,
        r.annualCost,
      ]),
    );
    const fields =
      'name, acronym, description, unit, status, users, hosting, technology, personal_data, annual_cost';
    const updated = await client.query(`
      update applications a set ${fields
        .split(', ')
        .map((f) => `${f} = s.${f}`)
        .join(', ')}, updated_at = now()
      from application_staging s
      where a.agency_code = s.agency_code and a.source_id = s.source_id
        and (a.${fields.split(', ').join(', a.')}) is distinct from (s.${fields.split(', ').join(', s.')})`);
    const inserted = await client.query(`
      insert into applications (agency_code, source_id, ${fields})
      select agency_code, source_id, ${fields} from application_staging s
      where not exists (select from applications a where a.agency_code = s.agency_code and a.source_id = s.source_id)
      order by line`);
    await client.query('commit');
    merged = { inserted: inserted.rowCount ?? 0, updated: updated.rowCount ?? 0 };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }

  return {
    rows: count,
    ...merged,
    unchanged: rows.length - merged.inserted - merged.updated,
    rejected: rejects.length,
    agenciesCreated: [...created.values()].map((a) => a.code),
    ignoredColumns: header.filter((c) => !known.has(c)),
    rejectsFile,
    encoding: decoded?.encoding ?? null,
  };
}
