import type { Kysely } from 'kysely';
import type { AgencyLevel, Database } from '../platform/db/schema.ts';
import { normalizeSearchText } from '../platform/text.ts';
import { agenciesRepository, type AgencyInsert, type AgencyRow } from './agencies.repository.ts';
import { CENTRAL_AGENCIES } from './central-agencies.data.ts';

export interface AgenciesService {
  /** Seeds every regional government from the regions and the central agencies; idempotent. */
  seedAgencies(): Promise<{ changed: number; byLevel: Record<AgencyLevel, number> }>;
  listAgencies(query: {
    level?: AgencyLevel | undefined;
    search?: string | undefined;
    limit: number;
    offset: number;
  }): Promise<{
    items: AgencyRow[];
    total: number;
  }>;
  findAgency(code: string): Promise<AgencyRow | undefined>;
  /**
   * Adds an agency that an imported inventory names but the seed lacks, coded 'X.' and its
   * normalised name; the same name gives the same agency again.
   */
  createImportedAgency(name: string, level: AgencyLevel): Promise<AgencyRow>;
  agencyExists(code: string): Promise<boolean>;
}

function searchTextOf(parts: readonly (string | null)[]): string {
  return parts
    .filter((p): p is string => p !== null && p !== '')
    .map(normalizeSearchText)
    .join(' | ');
}

/** The government of a province, regency or city, named as agencies write it. */
export function regionalGovernment(region: {
  code: string;
  name: string;
  level: number;
}): AgencyInsert {
  const isCity = region.name.startsWith('Kota ');
  const level: AgencyLevel = region.level === 1 ? 'provinsi' : isCity ? 'kota' : 'kabupaten';
  const place = region.name.replace(/^(Kabupaten|Kota) /, '');
  const name =
    region.level === 1 ? `Pemerintah Provinsi ${region.name}` : `Pemerintah ${region.name}`;
  const abbreviation = `${level === 'provinsi' ? 'Pemprov' : level === 'kota' ? 'Pemkot' : 'Pemkab'} ${place}`;
  const aliases =
    level === 'kabupaten'
      ? [`Pemda ${place}`, `Kab. ${place}`]
      : level === 'kota'
        ? [`Pemda Kota ${place}`]
        : [`Pemda Provinsi ${region.name}`];
  return {
    code: region.code,
    name,
    nameEn: null,
    level,
    kind: null,
    abbreviation,
    aliases,
    formerNames: [],
    regionCode: region.code,
    searchText: searchTextOf([name, abbreviation, region.name, ...aliases]),
  };
}

export function agenciesService(db: Kysely<Database>): AgenciesService {
  const repository = agenciesRepository(db);
  return {
    async seedAgencies() {
      const regional = (await repository.listRegionalGovernments()).map(regionalGovernment);
      const central: AgencyInsert[] = CENTRAL_AGENCIES.map((a) => ({
        code: a.code,
        name: a.name,
        nameEn: a.nameEn,
        level: 'pusat',
        kind: a.kind,
        abbreviation: a.abbreviation,
        aliases: [...a.aliases],
        formerNames: [...a.formerNames],
        regionCode: null,
        searchText: searchTextOf([
          a.name,
          a.abbreviation,
          a.nameEn,
          ...a.aliases,
          ...a.formerNames,
        ]),
      }));
      const changed = await db.transaction().execute(async (trx) => {
        const r = agenciesRepository(trx);
        return (await r.upsertAgencies(regional)) + (await r.upsertAgencies(central));
      });
      return { changed, byLevel: await repository.countByLevel() };
    },

    listAgencies: (query) =>
      repository.listAgencies({
        level: query.level,
        search: query.search === undefined ? '' : normalizeSearchText(query.search),
        limit: query.limit,
        offset: query.offset,
      }),

    findAgency: (code) => repository.findAgency(code),

    async createImportedAgency(name, level) {
      const slug = normalizeSearchText(name).toUpperCase().replace(/ /g, '-').slice(0, 60);
      const code = `X.${slug}`;
      await repository.insertImportedAgency({
        code,
        name: name.trim(),
        nameEn: null,
        level,
        kind: null,
        abbreviation: null,
        aliases: [],
        formerNames: [],
        regionCode: null,
        searchText: searchTextOf([name]),
      });
      const created = await repository.findAgency(code);
      if (!created) throw new Error(`agency ${code} was not created`);
      return created;
    },
    agencyExists: async (code) => (await repository.findAgency(code)) !== undefined,
  };
}
