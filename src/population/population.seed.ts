import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { todayInIndonesia } from '../platform/dates.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { ImportSummary } from './population.import.ts';
import type { PopulationService } from './population.service.ts';
import { writeRegisterCsv } from './synthetic.ts';

export interface SeedReport {
  people: ImportSummary;
  immunizations: ImportSummary;
  seconds: number;
}

/**
 * Seeds a deterministic synthetic register (src/population/synthetic.ts) through the same CSV
 * imports an agency would use, so that the statistics are kept exactly as for real data.
 */
export async function seedPopulation(
  services: { population: PopulationService; regions: RegionsService },
  options: {
    people: number;
    seed: number;
    today?: string;
    onProgress?: (step: 'people' | 'immunizations', done: number, total: number) => void;
  },
): Promise<SeedReport> {
  const started = performance.now();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-seed-'));
  try {
    const peopleFile = path.join(dir, 'people.csv');
    const immunizationsFile = path.join(dir, 'immunizations.csv');
    await writeRegisterCsv({
      count: options.people,
      seed: options.seed,
      villages: await services.regions.codesAtLevel(4),
      today: options.today ?? todayInIndonesia(),
      peopleFile,
      immunizationsFile,
    });
    const people = await services.population.importPeople(peopleFile, {
      onProgress: (done, total) => options.onProgress?.('people', done, total),
    });
    const immunizations = await services.population.importImmunizations(immunizationsFile, {
      onProgress: (done, total) => options.onProgress?.('immunizations', done, total),
    });
    return { people, immunizations, seconds: (performance.now() - started) / 1000 };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
