import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { copyRows } from '../platform/db/copy.ts';
import { parseCsv } from '../platform/csv.ts';
import { normalizeSearchText } from '../platform/text.ts';
import {
  parentRegionCode,
  regionLevelOf,
  toDottedRegionCode,
  type RegionLevel,
} from './region-code.ts';

/** The four Kemendagri lists shipped by idn-area-data, province first so parents precede children. */
const SOURCE_FILES: readonly { file: string; level: RegionLevel; parentColumn: string | null }[] = [
  { file: 'provinces.csv', level: 1, parentColumn: null },
  { file: 'regencies.csv', level: 2, parentColumn: 'province_code' },
  { file: 'districts.csv', level: 3, parentColumn: 'regency_code' },
  { file: 'villages.csv', level: 4, parentColumn: 'district_code' },
];

// Bump when the way rows are derived from the files changes, so that the next start re-imports.
const IMPORT_FORMAT = 'regions-v1';

export interface RegionSourceRow {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
}

export interface RegionImportResult {
  readonly skipped: boolean;
  readonly total: number;
  readonly inserted: number;
  readonly updated: number;
  readonly byLevel: Record<RegionLevel, number>;
}

/** The folder of idn-area-data's CSV files (its JavaScript needs Node 22, so the files are read directly). */
export function regionDataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
}

/** Hash of the four source files (and of the import format): equal hashes mean nothing to import. */
export async function regionSourceChecksum(dir: string = regionDataDir()): Promise<string> {
  const hash = createHash('sha256').update(IMPORT_FORMAT);
  for (const source of SOURCE_FILES) hash.update(await fs.readFile(path.join(dir, source.file)));
  return hash.digest('hex');
}

/** Reads and checks the four lists; a code that does not fit its level or parent is an error in the data. */
export async function readRegionSource(dir: string = regionDataDir()): Promise<RegionSourceRow[]> {
  const rows: RegionSourceRow[] = [];
  const known = new Set<string>();
  for (const source of SOURCE_FILES) {
    const text = await fs.readFile(path.join(dir, source.file), 'utf8');
    let header: string[] | undefined;
    for await (const record of parseCsv([text])) {
      if (header === undefined) {
        header = record.fields;
        continue;
      }
      const get = (column: string) => record.fields[header?.indexOf(column) ?? -1]?.trim() ?? '';
      const code = toDottedRegionCode(get('code'));
      const where = `${source.file} line ${record.line}`;
      if (code === undefined || regionLevelOf(code) !== source.level) {
        throw new Error(`${where}: "${get('code')}" is not a level-${source.level} region code`);
      }
      const parentCode = source.parentColumn === null ? null : get(source.parentColumn);
      if (
        parentCode !== parentRegionCode(code) ||
        (parentCode !== null && !known.has(parentCode))
      ) {
        throw new Error(
          `${where}: region ${code} names parent ${String(parentCode)}, which does not fit or is missing`,
        );
      }
      const name = get('name');
      if (name === '') throw new Error(`${where}: region ${code} has no name`);
      known.add(code);
      rows.push({ code, name, level: source.level, parentCode });
    }
  }
  return rows;
}

/**
 * Loads the region reference, idempotently: skipped when the same source was already imported;
 * otherwise staged with COPY and merged in one transaction (new codes inserted, changed names
 * updated; nothing is deleted, since other records may point at a code Kemendagri has retired).
 */
export async function importRegions(
  pool: pg.Pool,
  options: {
    force?: boolean;
    onProgress?: (done: number, total: number) => void;
    dir?: string;
  } = {},
): Promise<RegionImportResult> {
  const checksum = await regionSourceChecksum(options.dir);
  const client = await pool.connect();
  try {
    await client.query('begin');
    // Serialise concurrent importers (two processes starting at once on a fresh database).
    await client.query('select pg_advisory_xact_lock(7404202612)');
    const previous = await client.query<{ checksum: string }>(
      "select checksum from reference_imports where name = 'regions'",
    );
    if (!options.force && previous.rows[0]?.checksum === checksum) {
      const counts = await client.query<{ level: RegionLevel; count: number }>(
        'select level, count(*)::int as count from regions group by level',
      );
      await client.query('rollback');
      const byLevel: Record<RegionLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
      for (const row of counts.rows) byLevel[row.level] = row.count;
      const total = counts.rows.reduce((sum, row) => sum + row.count, 0);
      return { skipped: true, total, inserted: 0, updated: 0, byLevel };
    }
    const rows = await readRegionSource(options.dir);
    const byLevel: Record<RegionLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
    for (const row of rows) byLevel[row.level]++;
    await client.query(`create temporary table regions_staging
      (code text, name text, level smallint, parent_code text, search_name text) on commit drop`);
    let done = 0;
    await copyRows(
      client,
      'regions_staging',
      ['code', 'name', 'level', 'parent_code', 'search_name'],
      (function* () {
        for (const row of rows) {
          if (++done % 5000 === 0) options.onProgress?.(done, rows.length);
          yield [row.code, row.name, row.level, row.parentCode, normalizeSearchText(row.name)];
        }
      })(),
    );
    const merged = await client.query<{ inserted: boolean }>(`
      insert into regions (code, name, level, parent_code, search_name)
      select code, name, level, parent_code, search_name from regions_staging order by level, code
      on conflict (code) do update
        set name = excluded.name, parent_code = excluded.parent_code, search_name = excluded.search_name
        where (regions.name, regions.parent_code, regions.search_name)
          is distinct from (excluded.name, excluded.parent_code, excluded.search_name)
      returning (xmax = 0) as inserted`);
    const inserted = merged.rows.filter((r) => r.inserted).length;
    await client.query(
      `insert into reference_imports (name, checksum, row_count) values ('regions', $1, $2)
       on conflict (name) do update set checksum = excluded.checksum, row_count = excluded.row_count, imported_at = now()`,
      [checksum, rows.length],
    );
    await client.query(
      `insert into audit_log (actor, action, subject, details) values ('system', 'regions.import', 'regions', $1)`,
      [JSON.stringify({ total: rows.length, inserted, updated: merged.rows.length - inserted })],
    );
    await client.query('commit');
    // Fresh statistics and visibility map: plans use the indexes, counts by level scan the index only.
    await client.query('vacuum analyze regions');
    options.onProgress?.(rows.length, rows.length);
    return {
      skipped: false,
      total: rows.length,
      inserted,
      updated: merged.rows.length - inserted,
      byLevel,
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
