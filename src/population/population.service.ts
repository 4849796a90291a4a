import type pg from 'pg';
import { inTransaction } from '../platform/db/transaction.ts';
import { isCalendarDate, todayInIndonesia } from '../platform/dates.ts';
import { AppError } from '../platform/http/errors.ts';
import type { RegionLevel } from '../regions/region-code.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import {
  importCsv,
  IMMUNIZATIONS_IMPORT,
  PEOPLE_IMPORT,
  submitBatch,
  type BatchResult,
  type ImportSummary,
} from './population.import.ts';
import type { RawRecord, ValidationContext } from './population.records.ts';
import {
  countsByRegion,
  countsMissing,
  rebuildCounts,
  type RegionCounts,
} from './population.repository.ts';

export interface RegionRef {
  code: string;
  name: string;
  level: 0 | RegionLevel;
}

export interface RegionStats extends RegionCounts {
  region: RegionRef;
  /** Vaccinated children / children under 12; null where there are no children. */
  coverage: number | null;
}

export interface ChildrenStats extends RegionStats {
  asOf: string;
  vaccine: string;
  children: RegionStats[];
}

export const INDONESIA: RegionRef = { code: '', name: 'Indonesia', level: 0 };
export const DEFAULT_VACCINE = 'COVID-19';

/** Options of a CSV import: the rejects file, progress, and (for benchmarks) the end of each step. */
export interface ImportOptions {
  rejectsFile?: string;
  onProgress?: (done: number, total: number) => void;
  onPhase?: (phase: string) => void;
}

export interface PopulationService {
  validationContext(): Promise<ValidationContext>;
  importPeople(file: string, options: ImportOptions): Promise<ImportSummary>;
  importImmunizations(file: string, options: ImportOptions): Promise<ImportSummary>;
  /** A batch of person records from an agency system, merged in one transaction. */
  submitPeople(records: readonly RawRecord[], actor: string): Promise<BatchResult>;
  /** A batch of immunisation records, merged in one transaction. */
  submitImmunizations(records: readonly RawRecord[], actor: string): Promise<BatchResult>;
  /** The statistics of every region at one level, for a CSV export. */
  levelStats(query: {
    level: RegionLevel;
    asOf?: string | undefined;
    vaccine?: string | undefined;
  }): Promise<{ asOf: string; vaccine: string; regions: RegionStats[] }>;
  /** Whether nobody is registered yet. */
  isEmpty(): Promise<boolean>;
  /** Rebuilds the statistics' count series from the register if people exist and series do not. */
  ensureCounts(): Promise<boolean>;
  /** Children under 12 and their vaccination for a region (undefined = Indonesia) and each region below it. */
  childrenStats(query: {
    region?: string | undefined;
    asOf?: string | undefined;
    vaccine?: string | undefined;
  }): Promise<ChildrenStats>;
}

function withCoverage(region: RegionRef, counts: RegionCounts | undefined): RegionStats {
  const c = counts ?? {
    population: 0,
    childrenUnder12: 0,
    childrenUnder12Vaccinated: 0,
    childrenUnder12FullyVaccinated: 0,
  };
  return {
    region,
    ...c,
    coverage: c.childrenUnder12 === 0 ? null : c.childrenUnder12Vaccinated / c.childrenUnder12,
  };
}

/** asOf (default today in WIB, must be a real date) and vaccine (default COVID-19, upper-cased). */
function statsParameters(query: { asOf?: string | undefined; vaccine?: string | undefined }): {
  asOf: string;
  vaccine: string;
} {
  const asOf = query.asOf ?? todayInIndonesia();
  if (!isCalendarDate(asOf)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `asOf "${asOf}" is not a date; write it as YYYY-MM-DD.`,
      [{ field: '/query/asOf', message: 'must be a real date, YYYY-MM-DD' }],
    );
  }
  return { asOf, vaccine: (query.vaccine ?? DEFAULT_VACCINE).trim().toUpperCase() };
}

export function populationService(pool: pg.Pool, regions: RegionsService): PopulationService {
  let context: Promise<Omit<ValidationContext, 'today'>> | undefined;
  const service: PopulationService = {
    async validationContext() {
      // The region reference changes only on import, so the codes are read once per process.
      context ??= (async () => {
        const [provinces, villages] = await Promise.all([
          regions.codesAtLevel(1),
          regions.codesAtLevel(4),
        ]);
        return { provinceCodes: new Set(provinces), villageCodes: new Set(villages) };
      })();
      return { ...(await context), today: todayInIndonesia() };
    },

    async importPeople(file, options) {
      return importCsv(pool, PEOPLE_IMPORT, file, {
        ...options,
        context: await service.validationContext(),
      });
    },

    async importImmunizations(file, options) {
      return importCsv(pool, IMMUNIZATIONS_IMPORT, file, {
        ...options,
        context: await service.validationContext(),
      });
    },

    async submitPeople(records, actor) {
      return submitBatch(pool, PEOPLE_IMPORT, records, {
        context: await service.validationContext(),
        actor,
      });
    },

    async submitImmunizations(records, actor) {
      return submitBatch(pool, IMMUNIZATIONS_IMPORT, records, {
        context: await service.validationContext(),
        actor,
      });
    },

    async levelStats(query) {
      const { asOf, vaccine } = statsParameters(query);
      const { items } = await regions.listRegions({
        level: query.level,
        limit: 1_000_000,
        offset: 0,
      });
      const stats: RegionStats[] = [];
      // In slices, so that one query never carries hundreds of thousands of lookups.
      for (let i = 0; i < items.length; i += 10_000) {
        const slice = items.slice(i, i + 10_000);
        const counts = await countsByRegion(
          pool,
          slice.map((r) => r.code),
          asOf,
          vaccine,
        );
        for (const { code, name, level } of slice)
          stats.push(withCoverage({ code, name, level }, counts.get(code)));
      }
      return { asOf, vaccine, regions: stats };
    },

    async isEmpty() {
      const { rows } = await pool.query<{ empty: boolean }>(
        'select not exists (select 1 from people) as empty',
      );
      return rows[0]?.empty ?? true;
    },

    async ensureCounts() {
      if (!(await countsMissing(pool))) return false;
      await inTransaction(pool, (client) => rebuildCounts(client));
      return true;
    },

    async childrenStats(query) {
      const { asOf, vaccine } = statsParameters(query);
      let region: RegionRef = INDONESIA;
      let below: RegionRef[];
      if (query.region === undefined || query.region === '') {
        below = (await regions.listRegions({ level: 1, limit: 100, offset: 0 })).items;
      } else {
        const detail = await regions.getRegion(query.region);
        region = { code: detail.code, name: detail.name, level: detail.level };
        below =
          detail.level === 4
            ? []
            : (await regions.listChildren(detail.code, { limit: 100_000, offset: 0 })).items;
      }
      const childRefs = below.map(({ code, name, level }) => ({ code, name, level }));
      const counts = await countsByRegion(
        pool,
        [region.code, ...childRefs.map((c) => c.code)],
        asOf,
        vaccine,
      );
      return {
        ...withCoverage(region, counts.get(region.code)),
        asOf,
        vaccine,
        children: childRefs.map((child) => withCoverage(child, counts.get(child.code))),
      };
    },
  };
  return service;
}
