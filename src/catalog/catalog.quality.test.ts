import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createTempFolder, type TempFolder } from '../../test/helpers/files.ts';
import { readCsvObjects } from '../platform/csv.ts';
import { pairwiseScores } from './cluster-quality.ts';

/**
 * The clustering against a hand-labelled inventory (test/fixtures/catalog/labelled-inventory.csv:
 * 451 applications, 56 functions, three of them missing from the taxonomy, with confusable names),
 * through the same commands a user runs: import with --create-missing-agencies, cluster, export.
 */
const FIXTURE = fileURLToPath(
  new URL('../../test/fixtures/catalog/labelled-inventory.csv', import.meta.url),
);

let database: TestDatabase;
let folder: TempFolder;

beforeAll(async () => {
  database = await createTestDatabase();
  folder = await createTempFolder('padu-quality-');
});
afterAll(async () => {
  await database?.drop();
  await folder?.remove();
});

describe('clustering quality on the labelled inventory', () => {
  it('finds the same clusters as the labels: pairwise precision and recall at least 0.9', async () => {
    const labels = new Map<string, string>();
    for await (const { row } of readCsvObjects(FIXTURE))
      labels.set(row.id ?? '', row.function ?? '');

    const summary = await database.services.catalog.importCsv(FIXTURE, {
      rejectsFile: path.join(folder.path, 'rejects.csv'),
      createMissingAgencies: true,
    });
    expect(summary.rejected).toBe(0);
    expect(summary.inserted).toBe(labels.size);
    expect(summary.ignoredColumns).toEqual(['function']);

    await database.services.catalog.cluster('test');
    const out = path.join(folder.path, 'clusters.csv');
    expect(await database.services.catalog.exportClusters(out)).toBe(labels.size);
    const items: { label: string; cluster: string }[] = [];
    for await (const { row } of readCsvObjects(out)) {
      const label = labels.get(row.external_id ?? '');
      expect(label, row.external_id).toBeDefined();
      items.push({ label: label ?? '', cluster: row.cluster_id ?? '' });
    }
    expect(items).toHaveLength(labels.size);

    const scores = pairwiseScores(items);
    console.log(
      `labelled inventory: ${items.length} applications, ${new Set(labels.values()).size} labels, ` +
        `${new Set(items.map((i) => i.cluster)).size} clusters; pairwise precision ${scores.precision.toFixed(3)}, ` +
        `recall ${scores.recall.toFixed(3)}, F1 ${scores.f1.toFixed(3)}`,
    );
    expect(scores.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);
    await fs.rm(out);
  });
});
