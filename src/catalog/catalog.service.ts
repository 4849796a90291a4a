import type pg from 'pg';
import type { AgenciesService } from '../agencies/agencies.service.ts';
import { AgencyResolver } from './agency-resolver.ts';
import { listFunctions, seedTaxonomy, type GovernmentFunctionRow } from './catalog.repository.ts';
import { GOVERNMENT_FUNCTIONS, SHARED_APPLICATIONS } from './taxonomy.data.ts';
import {
  importCatalogCsv,
  type CatalogImportOptions,
  type CatalogImportSummary,
} from './catalog.import.ts';

/** The application catalog: inventory, import and (later) clustering and the rationalisation plan. */
export interface CatalogService {
  /** Adds the reference functions and shared applications that are missing (admins' edits stay). */
  seedTaxonomy(): Promise<{ sharedApplications: number; functions: number }>;
  /** The government functions, with the shared application each consolidates onto. */
  listFunctions(): Promise<GovernmentFunctionRow[]>;
  /** Imports an agency application inventory from CSV (see catalog.import.ts). */
  importCsv(file: string, options?: CatalogImportOptions): Promise<CatalogImportSummary>;
}

export function catalogService(pool: pg.Pool, agencies: AgenciesService): CatalogService {
  return {
    seedTaxonomy: () => seedTaxonomy(pool, SHARED_APPLICATIONS, GOVERNMENT_FUNCTIONS),
    listFunctions: () => listFunctions(pool),

    async importCsv(file, options = {}) {
      // Every agency, read once per import: a few hundred rows.
      const { items } = await agencies.listAgencies({ limit: 100_000, offset: 0 });
      const resolver = new AgencyResolver(items);
      return importCatalogCsv(
        pool,
        file,
        resolver,
        (name, level) => agencies.createImportedAgency(name, level),
        options,
      );
    },
  };
}
