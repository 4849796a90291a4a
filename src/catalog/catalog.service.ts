import type pg from 'pg';
import type { AgenciesService } from '../agencies/agencies.service.ts';
import { AgencyResolver } from './agency-resolver.ts';
import {
  importCatalogCsv,
  type CatalogImportOptions,
  type CatalogImportSummary,
} from './catalog.import.ts';

/** The application catalog: inventory, import and (later) clustering and the rationalisation plan. */
export interface CatalogService {
  /** Imports an agency application inventory from CSV (see catalog.import.ts). */
  importCsv(file: string, options?: CatalogImportOptions): Promise<CatalogImportSummary>;
}

export function catalogService(pool: pg.Pool, agencies: AgenciesService): CatalogService {
  return {
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
