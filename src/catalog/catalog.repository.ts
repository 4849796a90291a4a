import type pg from 'pg';
import type { GovernmentFunctionSeed, SharedApplicationSeed } from './taxonomy.data.ts';

/** SQL of the catalog module (the import's merge lives with the import, in catalog.import.ts). */

/**
 * Adds the reference functions and shared applications that are missing. Rows already there are
 * left as they are: the taxonomy is data that admins edit, and a start-up must not undo an edit.
 */
export async function seedTaxonomy(
  pool: pg.Pool,
  shared: readonly SharedApplicationSeed[],
  functions: readonly GovernmentFunctionSeed[],
): Promise<{ sharedApplications: number; functions: number }> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // Owners that the agency seed lacks are left empty rather than failing the start-up.
    const owners = new Set(
      (
        await client.query<{ code: string }>('select code from agencies where code = any($1)', [
          shared.map((s) => s.ownerAgencyCode).filter((c) => c !== null),
        ])
      ).rows.map((r) => r.code),
    );
    const addedShared = await client.query(
      `insert into shared_applications (code, name, full_name, description_en, owner_agency_code)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       on conflict (code) do nothing`,
      [
        shared.map((s) => s.code),
        shared.map((s) => s.name),
        shared.map((s) => s.fullName),
        shared.map((s) => s.descriptionEn),
        shared.map((s) =>
          s.ownerAgencyCode !== null && owners.has(s.ownerAgencyCode) ? s.ownerAgencyCode : null,
        ),
      ],
    );
    const addedFunctions = await client.query(
      `insert into government_functions (code, name, name_en, shared_application_code, keywords)
       select f.code, f.name, f.name_en, f.shared, string_to_array(f.keywords, '|')
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         as f (code, name, name_en, shared, keywords)
       on conflict (code) do nothing`,
      [
        functions.map((f) => f.code),
        functions.map((f) => f.name),
        functions.map((f) => f.nameEn),
        functions.map((f) => f.sharedApplication),
        functions.map((f) => f.keywords.join('|')),
      ],
    );
    await client.query('commit');
    return {
      sharedApplications: addedShared.rowCount ?? 0,
      functions: addedFunctions.rowCount ?? 0,
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface GovernmentFunctionRow {
  code: string;
  name: string;
  nameEn: string;
  sharedApplication: { code: string; name: string } | null;
  keywords: string[];
}

export async function listFunctions(pool: pg.Pool): Promise<GovernmentFunctionRow[]> {
  const { rows } = await pool.query<{
    code: string;
    name: string;
    name_en: string;
    shared_code: string | null;
    shared_name: string | null;
    keywords: string[];
  }>(`
    select f.code, f.name, f.name_en, s.code as shared_code, s.name as shared_name, f.keywords
    from government_functions f left join shared_applications s on s.code = f.shared_application_code
    order by f.name`);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    sharedApplication:
      r.shared_code === null ? null : { code: r.shared_code, name: r.shared_name ?? '' },
    keywords: r.keywords,
  }));
}
