import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { AppError } from '../platform/http/errors.ts';
import { normalizeSearchText } from '../platform/text.ts';
import { REGION_CODE_HINT, toDottedRegionCode, type RegionLevel } from './region-code.ts';
import { regionsRepository, type RegionRow } from './regions.repository.ts';

export interface RegionDetail extends RegionRow {
  readonly ancestors: { code: string; name: string; level: RegionLevel }[];
  readonly childCount: number;
}

export interface RegionPage {
  readonly items: RegionRow[];
  readonly total: number;
}

// Words that name a level rather than a place. Regency and city names carry "Kabupaten"/"Kota"
// themselves, so those are expanded; the others are not part of any name and become a level filter.
const LEVEL_WORDS: Readonly<Record<string, RegionLevel>> = {
  provinsi: 1,
  prov: 1,
  propinsi: 1,
  kecamatan: 3,
  kec: 3,
  distrik: 3,
  desa: 4,
  kelurahan: 4,
  kel: 4,
};
const EXPANSIONS: Readonly<Record<string, string>> = {
  kab: 'kabupaten',
  kabupaten: 'kabupaten',
  kep: 'kepulauan',
};

/** Turns a person's query ("Kab. Bandung", "kec sleman") into search text and an implied level. */
export function parseRegionSearch(query: string): { text: string; level: RegionLevel | undefined } {
  let level: RegionLevel | undefined;
  const words: string[] = [];
  for (const word of normalizeSearchText(query).split(' ')) {
    if (word === '') continue;
    const impliedLevel = LEVEL_WORDS[word];
    if (impliedLevel !== undefined && words.length === 0) {
      level = impliedLevel;
      continue;
    }
    words.push(EXPANSIONS[word] ?? word);
  }
  if (words[0] === 'kabupaten' || words[0] === 'kota') level ??= 2;
  return { text: words.join(' '), level };
}

export function parseRegionCode(input: string): string {
  const code = toDottedRegionCode(input);
  if (code === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${input}" is not a region code. ${REGION_CODE_HINT}`,
      [{ field: '/path/code', message: REGION_CODE_HINT }],
    );
  }
  return code;
}

export interface RegionsService {
  getRegion(code: string): Promise<RegionDetail>;
  listChildren(code: string, page: { limit: number; offset: number }): Promise<RegionPage>;
  listRegions(query: {
    level?: RegionLevel | undefined;
    parent?: string | undefined;
    search?: string | undefined;
    limit: number;
    offset: number;
  }): Promise<RegionPage>;
  /** Which of the given dotted codes exist (for other modules validating references). */
  existingCodes(codes: readonly string[]): Promise<Set<string>>;
  countByLevel(): Promise<Record<RegionLevel, number>>;
  /** Every code at one level (e.g. all 83,762 villages), for validating references in bulk. */
  codesAtLevel(level: RegionLevel): Promise<string[]>;
}

export function regionsService(db: Kysely<Database>): RegionsService {
  const repository = regionsRepository(db);

  async function requireRegion(input: string): Promise<RegionRow> {
    const code = parseRegionCode(input);
    const region = await repository.findRegion(code);
    if (!region) {
      throw new AppError(
        'NOT_FOUND',
        `No region has code ${code} in the Kemendagri 2025 reference. Check the code, or find the region with GET /api/v1/regions?search=<name>.`,
      );
    }
    return region;
  }

  return {
    async getRegion(input) {
      const region = await requireRegion(input);
      const [ancestors, childCount] = await Promise.all([
        repository.findAncestors(region.code),
        repository.countChildren(region.code),
      ]);
      return {
        ...region,
        ancestors: ancestors.map(({ code, name, level }) => ({ code, name, level })),
        childCount,
      };
    },

    async listChildren(input, page) {
      const region = await requireRegion(input);
      return repository.listRegions({ parentCode: region.code, ...page });
    },

    async listRegions(query) {
      let parentCode: string | undefined;
      if (query.parent !== undefined) {
        parentCode = toDottedRegionCode(query.parent);
        if (parentCode === undefined) {
          throw new AppError(
            'VALIDATION_FAILED',
            `parent "${query.parent}" is not a region code. ${REGION_CODE_HINT}`,
            [{ field: '/query/parent', message: REGION_CODE_HINT }],
          );
        }
      }
      // A code typed into the search box ("32.04", "3204") finds that region.
      const searchedCode =
        query.search !== undefined ? toDottedRegionCode(query.search) : undefined;
      if (searchedCode !== undefined) {
        const region = await repository.findRegion(searchedCode);
        const matches =
          region !== undefined &&
          (query.level === undefined || region.level === query.level) &&
          (parentCode === undefined || region.parentCode === parentCode);
        return { items: matches && query.offset === 0 ? [region] : [], total: matches ? 1 : 0 };
      }
      const parsed = query.search !== undefined ? parseRegionSearch(query.search) : undefined;
      // A level word in the query ("kecamatan sleman") narrows the search unless a level was given.
      const level = query.level ?? (parsed?.text !== '' ? parsed?.level : undefined);
      return repository.listRegions({
        level,
        parentCode,
        search: parsed?.text ?? '',
        limit: query.limit,
        offset: query.offset,
      });
    },

    existingCodes: (codes) => repository.existingCodes(codes),
    countByLevel: () => repository.countByLevel(),
    codesAtLevel: (level) => repository.codesAtLevel(level),
  };
}
