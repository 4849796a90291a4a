import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AgenciesService } from '../agencies/agencies.service.ts';
import type { CatalogImportSummary } from './catalog.import.ts';
import type { CatalogService, ClusteringReport } from './catalog.service.ts';
import { writeInventoryCsv, type SyntheticAgency } from './catalog.synthetic.ts';

export interface CatalogSeedReport {
  import: CatalogImportSummary;
  importSeconds: number;
  clustering: ClusteringReport;
}

/**
 * Seeds a deterministic synthetic inventory (catalog.synthetic.ts) across the seeded agencies
 * through the same CSV import an agency would use, then clusters it.
 */
export async function seedCatalog(
  services: { catalog: CatalogService; agencies: AgenciesService },
  options: { applications: number; seed: number },
): Promise<CatalogSeedReport> {
  const { items } = await services.agencies.listAgencies({ limit: 100_000, offset: 0 });
  // The seeded agencies only: not those an earlier import added.
  const agencies: SyntheticAgency[] = items
    .filter((a) => !a.code.startsWith('X.'))
    .map((a) => ({
      // The generator writes regional governments its own ways (Pemkab X, Kab. X …).
      name: a.level === 'pusat' ? a.name : a.name.replace(/^Pemerintah\s+/, ''),
      level: a.level,
    }));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-catalog-seed-'));
  try {
    const file = path.join(dir, 'inventory.csv');
    await writeInventoryCsv(file, { count: options.applications, seed: options.seed, agencies });
    const started = performance.now();
    const summary = await services.catalog.importCsv(file, {
      rejectsFile: path.join(dir, 'rejects.csv'),
    });
    const importSeconds = (performance.now() - started) / 1000;
    const clustering = await services.catalog.cluster('seed');
    return { import: summary, importSeconds, clustering };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
