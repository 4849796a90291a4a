import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createTempFolder, type TempFolder } from '../../test/helpers/files.ts';
import { readCsvObjects } from '../platform/csv.ts';
import { pairwiseScores, type PairwiseScores } from './cluster-quality.ts';

/**
 * The clustering against hand-labelled inventories, through the same commands a user runs: import
 * with --create-missing-agencies, cluster, export; each inventory in a database of its own.
 *
 * - labelled-inventory.csv: 451 applications, 56 labels (three missing from the taxonomy), with
 *   confusable names. Its errors were studied while the keyword lists were written.
 * - labelled-inventory-2.csv: 384 applications, 58 labels (three missing from the taxonomy), written
 *   later by another hand as a held-out set. It scored 0.750 / 0.783 when it arrived; general fixes
 *   (an acronym and its expansion count once, ambiguous acronyms removed, bare keywords not matched
 *   by root) brought it to 0.853 / 0.867, and four functions its misses showed the taxonomy lacked
 *   (fleet management, room booking, the water utility, cemeteries) to 0.905 / 0.898. It is no
 *   longer unseen, and the bar is set lower than for the first, to guard against regressions
 *   rather than to claim a figure.
 * - labelled-inventory-3.csv: 440 applications, 59 labels (four missing from the taxonomy: cemetery
 *   and water utility now in it, parking and emergency calls not), written by a third hand that saw
 *   no keyword list. Unseen, it scored 0.753 / 0.809: the honest figure for an inventory the
 *   keywords were not written against. The cross-cutting lead rule (clustering.ts), chosen on all
 *   three, and "diklat" no longer read as schooling brought it to 0.797 / 0.838 (the first two to
 *   0.928 / 0.928 and 0.922 / 0.913). Its
 *   labeller named the judgement calls (grants for schooling as schools, SPAN and SAKTI as finance,
 *   a pollution complaint as environment); the bar guards against regressions.
 * - labelled-inventory-4.csv: 324 applications, 62 labels (three missing from the taxonomy:
 *   legislative affairs, mining and energy, corrections), mostly agencies outside Java, written by
 *   a fourth hand after the changes above and measured once: 0.793 / 0.804. It has not been used to
 *   tune anything; keep it that way, so that it stays the figure to expect of a new inventory.
 */
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/catalog/${name}`, import.meta.url));

let folder: TempFolder;
beforeAll(async () => {
  folder = await createTempFolder('padu-quality-');
});
afterAll(async () => {
  await folder?.remove();
});

async function score(
  file: string,
): Promise<{ scores: PairwiseScores; applications: number; labels: number; clusters: number }> {
  const database: TestDatabase = await createTestDatabase();
  try {
    const labels = new Map<string, string>();
    for await (const { row } of readCsvObjects(file)) labels.set(row.id ?? '', row.function ?? '');
    const name = path.basename(file, '.csv');
    const summary = await database.services.catalog.importCsv(file, {
      rejectsFile: path.join(folder.path, `${name}.rejects.csv`),
      createMissingAgencies: true,
    });
    expect(summary.rejected).toBe(0);
    expect(summary.inserted).toBe(labels.size);
    expect(summary.ignoredColumns).toEqual(['function']);

    await database.services.catalog.cluster('test');
    const out = path.join(folder.path, `${name}.clusters.csv`);
    expect(await database.services.catalog.exportClusters(out)).toBe(labels.size);
    const items: { label: string; cluster: string }[] = [];
    for await (const { row } of readCsvObjects(out)) {
      const label = labels.get(row.external_id ?? '');
      expect(label, row.external_id).toBeDefined();
      items.push({ label: label ?? '', cluster: row.cluster_id ?? '' });
    }
    expect(items).toHaveLength(labels.size);
    const scores = pairwiseScores(items);
    const result = {
      scores,
      applications: items.length,
      labels: new Set(labels.values()).size,
      clusters: new Set(items.map((i) => i.cluster)).size,
    };
    console.log(
      `${name}: ${result.applications} applications, ${result.labels} labels, ${result.clusters} clusters; ` +
        `pairwise precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}, F1 ${scores.f1.toFixed(3)}`,
    );
    return result;
  } finally {
    await database.drop();
  }
}

describe('clustering quality on hand-labelled inventories', () => {
  it('finds the labelled functions: pairwise precision and recall at least 0.9 on the first', async () => {
    const { scores } = await score(fixture('labelled-inventory.csv'));
    expect(scores.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps at least 0.85 on the second, written later by another hand', async () => {
    const { scores } = await score(fixture('labelled-inventory-2.csv'));
    expect(scores.precision).toBeGreaterThanOrEqual(0.85);
    expect(scores.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps at least 0.75 on the third, held out from the keyword lists', async () => {
    const { scores } = await score(fixture('labelled-inventory-3.csv'));
    expect(scores.precision).toBeGreaterThanOrEqual(0.75);
    expect(scores.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps at least 0.75 on the fourth, never used for tuning', async () => {
    const { scores } = await score(fixture('labelled-inventory-4.csv'));
    expect(scores.precision).toBeGreaterThanOrEqual(0.75);
    expect(scores.recall).toBeGreaterThanOrEqual(0.75);
  });
});
