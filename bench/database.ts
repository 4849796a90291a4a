/**
 * A fresh database for a benchmark: database padu_bench on the server PADU_DATABASE_URL names
 * (postgres://…/postgres), or on an embedded PostgreSQL in the system's temporary folder.
 */
import os from 'node:os';
import path from 'node:path';
import { connect, type DatabaseHandle } from '../src/platform/db/database.ts';
import { openEmbeddedPostgres } from '../src/platform/db/embedded.ts';

export async function openBenchDatabase(
  embeddedFolder: string,
): Promise<{ handle: DatabaseHandle; url: string; done: () => Promise<void> }> {
  const external = process.env.PADU_DATABASE_URL;
  const server =
    external === undefined
      ? await openEmbeddedPostgres(path.join(os.tmpdir(), embeddedFolder), 'command')
      : undefined;
  const adminUrl = new URL(external ?? server?.url ?? '');
  adminUrl.pathname = '/postgres';
  const admin = connect(adminUrl.toString(), { max: 1 });
  await admin.pool.query('drop database if exists padu_bench with (force)');
  await admin.pool.query('create database padu_bench');
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = '/padu_bench';
  const handle = connect(url.toString());
  return {
    handle,
    url: url.toString(),
    done: async () => {
      await handle.close();
      await server?.release();
    },
  };
}
