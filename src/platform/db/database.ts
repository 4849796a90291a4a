import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { openEmbeddedPostgres, type EmbeddedRole } from './embedded.ts';
import type { Database } from './schema.ts';

// Type parsers, set once for the process: counts (int8) and numerics become numbers, and calendar
// dates stay 'YYYY-MM-DD' strings instead of becoming local-midnight Date objects.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const DATE_OID = 1082;
pg.types.setTypeParser(INT8_OID, (value) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} is beyond 2^53`);
  return n;
});
pg.types.setTypeParser(NUMERIC_OID, (value) => Number(value));
pg.types.setTypeParser(DATE_OID, (value) => value);

export type Db = Kysely<Database>;

/** An open database: Kysely for queries, the pool for COPY, and a close that releases everything. */
export interface DatabaseHandle {
  readonly db: Db;
  readonly pool: pg.Pool;
  /** Where it runs, for logs: 'embedded' or the external host (never the password). */
  readonly description: string;
  close(): Promise<void>;
}

/** Opens Kysely over a pg pool for an existing PostgreSQL URL. */
export function connect(url: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // Connections stay open while idle (pg closes them after 10 s by default): reopening them when
    // traffic resumes cost the gateway ~100 ms of p99 (docs/BENCHMARKS.md). Idle ones do not keep a
    // command's process alive.
    idleTimeoutMillis: 0,
    allowExitOnIdle: true,
  });
  // An idle client that loses its server (a restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const host = new URL(url).host;
  return {
    db,
    pool,
    description: host,
    async close() {
      await db.destroy();
    },
  };
}

/**
 * Opens Padu's database: the external server of PADU_DATABASE_URL, or the embedded PostgreSQL
 * over PADU_DATA_DIR (started, reused or taken over as {@link openEmbeddedPostgres} describes).
 */
export async function openDatabase(
  config: Config,
  role: EmbeddedRole,
  log: (message: string) => void = () => undefined,
): Promise<DatabaseHandle> {
  if (config.databaseUrl !== undefined) return connect(config.databaseUrl);
  const embedded = await openEmbeddedPostgres(config.dataDir, role, log);
  const handle = connect(embedded.url);
  return {
    ...handle,
    description: `embedded PostgreSQL in ${config.dataDir}`,
    async close() {
      await handle.close();
      await embedded.release();
    },
  };
}
