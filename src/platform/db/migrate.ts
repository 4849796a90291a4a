import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

// Any fixed 64-bit number: every Padu process that migrates takes this advisory lock first, so two
// processes starting at once apply each migration exactly once.
const MIGRATION_LOCK = 7_404_202_611;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Reads `migrations/NNNN_name.sql`, in order; versions must be unique. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new Error(`Migration file name ${file} must look like 0001_name.sql`);
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version)) {
      throw new Error(`Two migrations share version ${version}`);
    }
    migrations.push({
      version,
      name: match[2] ?? '',
      sql: await fs.readFile(path.join(dir, file), 'utf8'),
    });
  }
  return migrations;
}

/**
 * Applies pending forward-only migrations, each in its own transaction, under an advisory lock.
 * Returns the migrations it applied.
 */
export async function migrate(pool: pg.Pool, migrations?: Migration[]): Promise<Migration[]> {
  const all = migrations ?? (await readMigrations());
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`create table if not exists schema_migrations (
      version    integer primary key,
      name       text not null,
      applied_at timestamptz not null default now())`);
    const done = await client.query<{ version: number }>('select version from schema_migrations');
    const applied = new Set(done.rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    const latestKnown = Math.max(0, ...all.map((m) => m.version));
    if (newest > latestKnown) {
      throw new Error(
        `The database has migration ${newest}, newer than this Padu knows (${latestKnown}); upgrade Padu.`,
      );
    }
    const ran: Migration[] = [];
    for (const migration of all) {
      if (applied.has(migration.version)) continue;
      await client.query('begin');
      try {
        await client.query(migration.sql);
        await client.query('insert into schema_migrations (version, name) values ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(
          `Migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      ran.push(migration);
    }
    return ran;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
