/**
 * Exchange log benchmark (issue 5): how long a gateway node takes to catch up on a long log, with
 * and without the stored tile hashes, and how long an inclusion proof takes in it. The entries are
 * made in SQL (generate_series) with stand-in leaf hashes: what is measured is reading and hashing
 * the tree, not the gateway. Prints figures; asserts nothing.
 *
 *   npx tsx bench/exchange-log.ts [entries=1000000]
 *   PADU_DATABASE_URL as for bench/population.ts (default: an embedded PostgreSQL in the temp folder)
 */
import { createServices } from '../src/app.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { exchangeLog } from '../src/exchange/exchange.log.ts';
import { openBenchDatabase } from './database.ts';

const entries = Number(process.argv[2] ?? 1_000_000);
const { handle, done } = await openBenchDatabase('padu-bench-exchange-log');
try {
  const services = createServices(handle);
  await prepareDatabase(handle, services);
  await handle.pool.query(
    `insert into exchange_log
       (leaf_index, request_id, entry, leaf_hash, service_id, consumer_system_id, status, latency_ms)
     select i, 'r' || i, 'x'::bytea, sha256(int8send(i)), 1, 1, 200, 1
     from generate_series(0, $1::bigint - 1) i`,
    [entries],
  );
  await handle.pool.query('update exchange_log_head set size = $1', [entries]);

  let started = performance.now();
  await exchangeLog(handle.pool).publishCheckpoint();
  console.log(
    `first node, no tiles stored yet: caught up on ${entries} entries in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  const { rows } = await handle.pool.query<{ n: number }>(
    'select count(*)::int as n from exchange_log_tiles',
  );
  started = performance.now();
  const next = exchangeLog(handle.pool);
  await next.inclusion(12_345 % entries, entries);
  console.log(
    `next node, ${rows[0]?.n} tiles stored: caught up in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  started = performance.now();
  await next.inclusion(777_777 % entries, entries);
  console.log(
    `an inclusion proof in a tree of ${entries}: ${(performance.now() - started).toFixed(1)} ms`,
  );
} finally {
  await done();
}
