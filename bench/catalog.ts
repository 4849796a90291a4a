/**
 * Catalog benchmark: a synthetic inventory (src/catalog/catalog.synthetic.ts) across the seeded
 * agencies, imported through the same code as `padu catalog import`, clustered as by
 * `padu catalog cluster`, then re-clustered after single officials' decisions as the console does;
 * quality as pairwise precision and recall against the generator's labels and against the
 * hand-labelled fixture. Prints figures; asserts nothing.
 *
 *   npx tsx bench/catalog.ts [applications=27400] [seed=7] [decisions=10]
 *   (on an external server: PADU_DATABASE_URL=postgres://…/postgres — it creates database padu_bench there)
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices } from '../src/app.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { pairwiseScores } from '../src/catalog/cluster-quality.ts';
import { writeInventoryCsv } from '../src/catalog/catalog.synthetic.ts';
import { readCsvObjects } from '../src/platform/csv.ts';
import { openBenchDatabase } from './database.ts';

const count = Number(process.argv[2] ?? 27_400);
const seed = Number(process.argv[3] ?? 7);
const decisionRuns = Number(process.argv[4] ?? 10);
const FIXTURE = path.resolve('test/fixtures/catalog/labelled-inventory.csv');

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function labelsOf(file: string): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for await (const { row } of readCsvObjects(file)) labels.set(row.id ?? '', row.function ?? '');
  return labels;
}

async function scoreExport(
  services: ReturnType<typeof createServices>,
  labels: Map<string, string>,
  out: string,
) {
  await services.catalog.exportClusters(out);
  const items: { label: string; cluster: string }[] = [];
  for await (const { row } of readCsvObjects(out)) {
    const label = labels.get(row.external_id ?? '');
    if (label !== undefined) items.push({ label, cluster: row.cluster_id ?? '' });
  }
  return { scores: pairwiseScores(items), items: items.length };
}

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-bench-catalog-'));
const { handle, done } = await openBenchDatabase('padu-bench-catalog');
try {
  const services = createServices(handle);
  await prepareDatabase(handle, services);
  const { items } = await services.agencies.listAgencies({ limit: 100_000, offset: 0 });
  const agencies = items.map((a) => ({
    name: a.level === 'pusat' ? a.name : a.name.replace(/^Pemerintah\s+/, ''),
    level: a.level,
  }));
  const file = path.join(dir, 'inventory.csv');
  let t = performance.now();
  await writeInventoryCsv(file, { count, seed, agencies });
  console.log(
    `generated ${count} applications in ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );

  t = performance.now();
  const imported = await services.catalog.importCsv(file, {
    rejectsFile: path.join(dir, 'rejects.csv'),
  });
  const importSeconds = (performance.now() - t) / 1000;
  console.log(
    `import: ${imported.rows} rows in ${importSeconds.toFixed(2)} s (${Math.round(imported.rows / importSeconds)} rows/s): ` +
      `${imported.inserted} inserted, ${imported.rejected} rejected`,
  );
  t = performance.now();
  const again = await services.catalog.importCsv(file, {
    rejectsFile: path.join(dir, 'rejects.csv'),
  });
  console.log(
    `re-import of the same file: ${((performance.now() - t) / 1000).toFixed(2)} s, ${again.unchanged} unchanged`,
  );

  const first = await services.catalog.cluster('bench');
  console.log(
    `cluster (first run, cold): ${first.seconds.toFixed(2)} s (${first.computeSeconds.toFixed(2)} s computing): ` +
      `${first.clusters} clusters, ${first.byFunction} by function, ${first.bySimilarity} by similarity`,
  );
  const second = await services.catalog.cluster('bench');
  console.log(`cluster (again, nothing changed): ${second.seconds.toFixed(2)} s`);

  // Officials' decisions, one at a time, each followed by the re-clustering the console waits for.
  const { rows } = await handle.pool.query<{ id: string; function_code: string | null }>(
    'select application_id as id, function_code from application_clusters order by application_id limit $1',
    [decisionRuns],
  );
  const times: number[] = [];
  for (const [k, row] of rows.entries()) {
    t = performance.now();
    await services.catalog.decide(
      k % 2 === 0
        ? { applicationIds: [Number(row.id)], kind: 'move', functionCode: 'complaints' }
        : { applicationIds: [Number(row.id)], kind: 'split' },
      'bench',
    );
    times.push((performance.now() - t) / 1000);
  }
  console.log(
    `re-cluster after one decision (${times.length} decisions): median ${median(times).toFixed(3)} s, ` +
      `max ${Math.max(...times).toFixed(3)} s`,
  );

  const synthetic = await scoreExport(
    services,
    await labelsOf(file),
    path.join(dir, 'clusters.csv'),
  );
  console.log(
    `quality on the synthetic inventory (${synthetic.items} applications): pairwise precision ` +
      `${synthetic.scores.precision.toFixed(3)}, recall ${synthetic.scores.recall.toFixed(3)}`,
  );

  // The hand-labelled fixture on its own, imported as `padu catalog import --create-missing-agencies` would.
  await handle.pool.query('truncate applications cascade');
  await services.catalog.importCsv(FIXTURE, {
    rejectsFile: path.join(dir, 'fixture-rejects.csv'),
    createMissingAgencies: true,
  });
  await services.catalog.cluster('bench');
  const fixture = await scoreExport(
    services,
    await labelsOf(FIXTURE),
    path.join(dir, 'fixture.csv'),
  );
  console.log(
    `quality on the hand-labelled fixture (${fixture.items} applications): pairwise precision ` +
      `${fixture.scores.precision.toFixed(3)}, recall ${fixture.scores.recall.toFixed(3)}`,
  );
} finally {
  await done();
  await fs.rm(dir, { recursive: true, force: true });
}
