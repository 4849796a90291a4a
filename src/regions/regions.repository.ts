import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { RegionLevel } from './region-code.ts';

export interface RegionRow {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
}

export interface RegionListQuery {
  readonly level?: RegionLevel | undefined;
  readonly parentCode?: string | undefined;
  /** Normalised search text (see normalizeSearchText); empty means no text filter. */
  readonly search?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** How close a fuzzy match must be (pg_trgm word similarity) to count: low enough for one typo in a short name. */
const FUZZY_THRESHOLD = 0.45;

/** A substring match, or a fuzzy one: `<%` is pg_trgm's word similarity above the threshold (index-assisted). */
function matchesSearch(search: string) {
  return sql<boolean>`(search_name like ${`%${search}%`} or ${search} <% search_name)`;
}

function toRegion(row: {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
}): RegionRow {
  return {
    code: row.code,
    name: row.name,
    level: row.level as RegionLevel,
    parentCode: row.parent_code,
  };
}

export function regionsRepository(db: Kysely<Database>) {
  return {
    async findRegion(code: string): Promise<RegionRow | undefined> {
      const row = await db
        .selectFrom('regions')
        .select(['code', 'name', 'level', 'parent_code'])
        .where('code', '=', code)
        .executeTakeFirst();
      return row && toRegion(row);
    },

    /** The region's ancestors, province first, found by the prefixes of its code. */
    async findAncestors(code: string): Promise<RegionRow[]> {
      const parts = code.split('.');
      const prefixes = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
      if (prefixes.length === 0) return [];
      const rows = await db
        .selectFrom('regions')
        .select(['code', 'name', 'level', 'parent_code'])
        .where('code', 'in', prefixes)
        .orderBy('level')
        .execute();
      return rows.map(toRegion);
    },

    async countChildren(code: string): Promise<number> {
      const row = await db
        .selectFrom('regions')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('parent_code', '=', code)
        .executeTakeFirstOrThrow();
      return row.count;
    },

    async existingCodes(codes: readonly string[]): Promise<Set<string>> {
      if (codes.length === 0) return new Set();
      const rows = await db
        .selectFrom('regions')
        .select('code')
        .where('code', 'in', codes)
        .execute();
      return new Set(rows.map((r) => r.code));
    },

    /**
     * Lists regions by level and parent, optionally matching a search text: exact and prefix
     * matches first (also ignoring a leading "kabupaten"/"kota"), then substrings, then fuzzy
     * (trigram) matches that tolerate typos; within a tier, higher levels (provinces) first.
     */
    async listRegions(query: RegionListQuery): Promise<{ items: RegionRow[]; total: number }> {
      const search = query.search ?? '';
      return db.transaction().execute(async (trx) => {
        if (search !== '') {
          await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`.execute(
            trx,
          );
        }
        // One filter for the page and for the count. The count is its own query: a window
        // count(*) over () would make PostgreSQL read every matching row for every page.
        const filtered = trx
          .selectFrom('regions')
          .$if(query.level !== undefined, (q) => q.where('level', '=', query.level ?? 0))
          .$if(query.parentCode !== undefined, (q) =>
            q.where('parent_code', '=', query.parentCode ?? ''),
          )
          .$if(search !== '', (q) => q.where(matchesSearch(search)));
        let page = filtered.select(['code', 'name', 'level', 'parent_code']);
        if (search === '') {
          page = page.orderBy('code');
        } else {
          const core = sql`regexp_replace(search_name, '^(kabupaten|kota|kepulauan) ', '')`;
          page = page
            .orderBy(
              sql`case
                when search_name = ${search} or ${core} = ${search} then 0
                when search_name like ${search + '%'} or ${core} like ${search + '%'} then 1
                when search_name like ${`%${search}%`} then 2
                else 3 end`,
            )
            .orderBy(sql`word_similarity(${search}, search_name)`, 'desc')
            .orderBy('level')
            .orderBy('name');
        }
        const rows = await page.limit(query.limit).offset(query.offset).execute();
        const { total } = await filtered
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow();
        return { items: rows.map(toRegion), total };
      });
    },

    async codesAtLevel(level: RegionLevel): Promise<string[]> {
      const rows = await db
        .selectFrom('regions')
        .select('code')
        .where('level', '=', level)
        .execute();
      return rows.map((r) => r.code);
    },

    async countByLevel(): Promise<Record<RegionLevel, number>> {
      const rows = await db
        .selectFrom('regions')
        .select(['level', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('level')
        .execute();
      const counts: Record<RegionLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
      for (const row of rows) counts[row.level as RegionLevel] = row.count;
      return counts;
    },
  };
}

export type RegionsRepository = ReturnType<typeof regionsRepository>;
