import { sql, type Kysely, type Selectable } from 'kysely';
import type { AgenciesTable, AgencyLevel, Database } from '../platform/db/schema.ts';

export interface AgencyRow {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly level: AgencyLevel;
  readonly kind: string | null;
  readonly abbreviation: string | null;
  readonly aliases: string[];
  readonly formerNames: string[];
  readonly regionCode: string | null;
}

export interface AgencyInsert extends AgencyRow {
  readonly searchText: string;
}

const COLUMNS = [
  'code',
  'name',
  'name_en',
  'level',
  'kind',
  'abbreviation',
  'aliases',
  'former_names',
  'region_code',
] as const;

function toAgency(row: Omit<Selectable<AgenciesTable>, 'search_text'>): AgencyRow {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    level: row.level,
    kind: row.kind,
    abbreviation: row.abbreviation,
    aliases: row.aliases,
    formerNames: row.former_names,
    regionCode: row.region_code,
  };
}

const FUZZY_THRESHOLD = 0.5;

export function agenciesRepository(db: Kysely<Database>) {
  return {
    /** The provinces, regencies and cities of the region reference, as the rows of their governments. */
    async listRegionalGovernments(): Promise<{ code: string; name: string; level: number }[]> {
      return db
        .selectFrom('regions')
        .select(['code', 'name', 'level'])
        .where('level', '<=', 2)
        .orderBy('code')
        .execute();
    },

    /** Inserts or refreshes agencies by code in one statement; returns how many rows changed. */
    /** Adds an agency named by an imported inventory (origin 'import'); an existing code is kept. */
    async insertImportedAgency(agency: AgencyInsert): Promise<void> {
      await sql`
        insert into agencies (code, name, level, aliases, former_names, search_text, origin)
        values (${agency.code}, ${agency.name}, ${agency.level}, '{}', '{}', ${agency.searchText}, 'import')
        on conflict (code) do nothing`.execute(db);
    },

    async upsertAgencies(agencies: readonly AgencyInsert[]): Promise<number> {
      if (agencies.length === 0) return 0;
      const result = await db
        .insertInto('agencies')
        .values(
          agencies.map((a) => ({
            code: a.code,
            name: a.name,
            name_en: a.nameEn,
            level: a.level,
            kind: a.kind,
            abbreviation: a.abbreviation,
            aliases: a.aliases,
            former_names: a.formerNames,
            region_code: a.regionCode,
            search_text: a.searchText,
          })),
        )
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            name_en: eb.ref('excluded.name_en'),
            level: eb.ref('excluded.level'),
            kind: eb.ref('excluded.kind'),
            abbreviation: eb.ref('excluded.abbreviation'),
            aliases: eb.ref('excluded.aliases'),
            former_names: eb.ref('excluded.former_names'),
            region_code: eb.ref('excluded.region_code'),
            search_text: eb.ref('excluded.search_text'),
          }))
            .where(sql<boolean>`(agencies.name, agencies.name_en, agencies.level, agencies.kind, agencies.abbreviation,
              agencies.aliases, agencies.former_names, agencies.region_code, agencies.search_text)
            is distinct from (excluded.name, excluded.name_en, excluded.level, excluded.kind, excluded.abbreviation,
              excluded.aliases, excluded.former_names, excluded.region_code, excluded.search_text)`),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n);
    },

    async findAgency(code: string): Promise<AgencyRow | undefined> {
      const row = await db
        .selectFrom('agencies')
        .select(COLUMNS)
        .where('code', '=', code)
        .executeTakeFirst();
      return row && toAgency(row);
    },

    /**
     * Lists agencies, optionally by level and matching normalised search text: an exact
     * abbreviation or name first, then prefixes, substrings and fuzzy (trigram) matches.
     */
    async listAgencies(query: {
      level?: AgencyLevel | undefined;
      search: string;
      limit: number;
      offset: number;
    }): Promise<{ items: AgencyRow[]; total: number }> {
      const { search } = query;
      return db.transaction().execute(async (trx) => {
        if (search !== '') {
          await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`.execute(
            trx,
          );
        }
        // One filter for the page and for the exact total (a separate count, as for regions).
        const filtered = trx
          .selectFrom('agencies')
          .$if(query.level !== undefined, (q) => q.where('level', '=', query.level ?? 'pusat'))
          .$if(search !== '', (q) =>
            q.where(sql<boolean>`(search_text like ${`%${search}%`} or ${search} <% search_text)`),
          );
        let page = filtered.select(COLUMNS);
        if (search === '') {
          page = page
            .orderBy(sql`case level when 'pusat' then 0 when 'provinsi' then 1 else 2 end`)
            .orderBy('code');
        } else {
          page = page
            .orderBy(
              sql`case
                when lower(abbreviation) = ${search} or lower(name) = ${search} then 0
                when search_text like ${`${search}%`} or search_text like ${`% ${search}%`} then 1
                when search_text like ${`%${search}%`} then 2
                else 3 end`,
            )
            .orderBy(sql`word_similarity(${search}, search_text)`, 'desc')
            .orderBy('name');
        }
        const rows = await page.limit(query.limit).offset(query.offset).execute();
        const { total } = await filtered
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow();
        return { items: rows.map(toAgency), total };
      });
    },

    async countByLevel(): Promise<Record<AgencyLevel, number>> {
      const rows = await db
        .selectFrom('agencies')
        .select(['level', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('level')
        .execute();
      const counts: Record<AgencyLevel, number> = { pusat: 0, provinsi: 0, kabupaten: 0, kota: 0 };
      for (const row of rows) counts[row.level] = row.count;
      return counts;
    },
  };
}
