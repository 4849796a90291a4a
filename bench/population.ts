/**
 * Population benchmark: generates a synthetic register over all villages, imports it through the
 * same code as `padu people import` / `padu immunizations import`, then measures the statistics
 * per level and the same question answered by a GROUP BY over people. Prints figures; asserts nothing.
 *
 *   npx tsx bench/population.ts [people=200000] [seed=1] [vaccines=COVID-19,MR]
 *   (on an external server: PADU_DATABASE_URL=postgres://…/postgres — it creates database padu_bench there)
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices } from '../src/app.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { countDirectly } from '../src/population/population.repository.ts';
import { randomGenerator, writeRegisterCsv } from '../src/population/synthetic.ts';
import { openBenchDatabase } from './database.ts';

const count = Number(process.argv[2] ?? 200_000);
const seed = Number(process.argv[3] ?? 1);
const vaccines = (process.argv[4] ?? 'COVID-19,MR').split(',');
const TODAY = '2025-06-30';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const { handle, done } = await openBenchDatabase('padu-bench-population');
const services = createServices(handle);
await prepareDatabase(handle, services);
const villages = await services.regions.codesAtLevel(4);
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-bench-'));
const peopleFile = path.join(dir, 'people.csv');
const dosesFile = path.join(dir, 'immunizations.csv');
let t = performance.now();
const written = await writeRegisterCsv({
  count,
  seed,
  villages,
  today: TODAY,
  vaccines,
  peopleFile,
  immunizationsFile: dosesFile,
});
const generateSeconds = (performance.now() - t) / 1000;
const doseRows = written.immunizations;
console.log(
  `database: ${handle.description}; ${count} people, ${doseRows} immunisation rows over ${villages.length} villages (seed ${seed})\n`,
);
console.log(
  `generated the CSV files in ${generateSeconds.toFixed(1)} s (vaccines ${vaccines.join(', ')})\n`,
);
/** Prints how long each step of an import took, as the import reports its steps. */
function phaseTimer(name: string): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    console.log(`  ${name}: ${phase} in ${((now - last) / 1000).toFixed(1)} s`);
    last = now;
  };
}

console.log('steps of the imports:');
t = performance.now();
const importedPeople = await services.population.importPeople(peopleFile, {
  onPhase: phaseTimer('people'),
});
const peopleSeconds = (performance.now() - t) / 1000;
t = performance.now();
const importedDoses = await services.population.importImmunizations(dosesFile, {
  onPhase: phaseTimer('immunizations'),
});
const dosesSeconds = (performance.now() - t) / 1000;
console.log();
console.log('| import | rows | seconds | rows/s |\n|---|---:|---:|---:|');
console.log(
  `| people | ${importedPeople.rows} | ${peopleSeconds.toFixed(1)} | ${Math.round(importedPeople.rows / peopleSeconds)} |`,
);
console.log(
  `| immunizations | ${importedDoses.rows} | ${dosesSeconds.toFixed(1)} | ${Math.round(importedDoses.rows / dosesSeconds)} |`,
);

const random = randomGenerator(seed + 1);
const sample = (codes: string[], n: number) =>
  Array.from({ length: n }, () => codes[Math.floor(random() * codes.length)] ?? '');
const levels: [string, (string | undefined)[]][] = [
  ['Indonesia (+38 provinces)', [undefined]],
  ['province (+ regencies)', sample(await services.regions.codesAtLevel(1), 20)],
  ['regency (+ districts)', sample(await services.regions.codesAtLevel(2), 20)],
  ['district (+ villages)', sample(await services.regions.codesAtLevel(3), 20)],
  ['village', sample(villages, 20)],
];
console.log('\n| statistics for | p50 ms | p95 ms |\n|---|---:|---:|');
let nationalP50 = NaN;
for (const [name, regions] of levels) {
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const region = regions[i % regions.length];
    const started = performance.now();
    await services.population.childrenStats({ region, asOf: TODAY });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  if (name.startsWith('Indonesia')) nationalP50 = percentile(times, 50);
  console.log(
    `| ${name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`,
  );
}
t = performance.now();
await countDirectly(handle.db, 1, TODAY, 'COVID-19');
const scanMs = performance.now() - t;
console.log(
  `\nthe national question by GROUP BY over people: ${scanMs.toFixed(0)} ms, ${(scanMs / nationalP50).toFixed(0)}× the p50 above`,
);
console.log(
  `peak memory (RSS) of this process, generation and imports included: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
);
await fs.rm(dir, { recursive: true, force: true });
await done();
