import type { DatabaseHandle } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import type { Services } from './app.ts';
import { importRegions, type RegionImportResult } from './regions/regions.import.ts';

export interface PrepareReport {
  readonly migrationsApplied: readonly string[];
  readonly regions: RegionImportResult;
  readonly agenciesChanged: number;
}

/**
 * Brings a database up to date before any command uses it: migrations, the region reference and
 * the agencies seeded from it. Every step is idempotent and safe when two processes run it at once.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  services: Services,
  options: {
    onRegionProgress?: (done: number, total: number) => void;
    forceRegions?: boolean;
  } = {},
): Promise<PrepareReport> {
  const applied = await migrate(handle.pool);
  const regions = await importRegions(handle.pool, {
    ...(options.onRegionProgress ? { onProgress: options.onRegionProgress } : {}),
    ...(options.forceRegions ? { force: true } : {}),
  });
  const agencies = await services.agencies.seedAgencies();
  await services.catalog.seedTaxonomy();
  await services.portal.seedServices();
  await services.population.ensureCounts();
  return {
    migrationsApplied: applied.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`),
    regions,
    agenciesChanged: agencies.changed,
  };
}
