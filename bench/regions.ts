/**
 * Region API latency: starts Padu's HTTP app over the configured database (embedded by default,
 * PADU_DATABASE_URL otherwise), then sends each kind of request many times from a few concurrent
 * clients over real HTTP, and prints throughput and latency percentiles. It asserts nothing.
 *
 *   node bin/padu.js … is not needed: run   npx tsx bench/regions.ts [requestsPerKind] [concurrency]
 */
import { performance } from 'node:perf_hooks';
import { buildApp, createServices } from '../src/app.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';

const requests = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 8);
const config = loadConfig();
const handle = await openDatabase(config, 'command');
const services = createServices(handle);
const importStarted = performance.now();
const report = await prepareDatabase(handle, services, { forceRegions: true });
const importMs = performance.now() - importStarted;
const { app } = await buildApp({ db: handle.db, services, logLevel: 'silent' });
const base = await app.listen({ port: 0, host: '127.0.0.1' });

const villages = (
  (await (await fetch(`${base}/api/v1/regions/32.04.11/children`)).json()) as {
    items: { code: string }[];
  }
).items.map((v) => v.code);
const kinds: Record<string, (i: number) => string> = {
  'GET /regions/{village}': (i) => `/api/v1/regions/${villages[i % villages.length] ?? ''}`,
  'GET /regions/{regency}/children': () => '/api/v1/regions/32.04/children',
  'GET /regions?level=4&limit=1 (count)': () => '/api/v1/regions?level=4&limit=1',
  'GET /regions?search=<exact>': (i) =>
    `/api/v1/regions?search=${['sleman', 'kota bandung', 'kab bandung', 'jawa barat'][i % 4]}&limit=10`,
  'GET /regions?search=<typo>': (i) =>
    `/api/v1/regions?search=${['slemna', 'bandunng', 'surabya', 'yogyakrta'][i % 4]}&limit=10`,
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

console.log(
  `database: ${handle.description}; region import (forced, ${report.regions.total} rows): ${importMs.toFixed(0)} ms`,
);
console.log(
  `${requests} requests per kind, ${concurrency} concurrent clients, real HTTP on loopback\n`,
);
console.log('| request | req/s | p50 ms | p99 ms |');
console.log('|---|---:|---:|---:|');
for (const [name, pathOf] of Object.entries(kinds)) {
  for (let i = 0; i < 50; i++) await (await fetch(base + pathOf(i))).arrayBuffer(); // warm-up
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        const t = performance.now();
        const response = await fetch(base + pathOf(i));
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${pathOf(i)} answered ${response.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `| ${name} | ${(requests / seconds).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} |`,
  );
}
await app.close();
await handle.close();
