import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminQuery, databaseUrl } from '../../../test/setup/template.ts';
import { connect } from './database.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { copyRows } from './copy.ts';
import { migrate, readMigrations } from './migrate.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('the data layer', () => {
  it('returns counts as numbers and calendar dates as YYYY-MM-DD strings', async () => {
    const { rows } = await sql<{ n: unknown; d: unknown; total: unknown }>`
      select count(*) as n, date '2024-02-29' as d, sum(level)::numeric as total from regions where level = 1`.execute(
      database.handle.db,
    );
    expect(rows[0]).toEqual({ n: 38, d: '2024-02-29', total: 38 });
  });

  it('bulk-loads rows with COPY, escaping tabs, newlines, backslashes and nulls', async () => {
    const client = await database.handle.pool.connect();
    try {
      await client.query('create temporary table copy_probe (a text, b integer)');
      const rows: [string | null, number | null][] = [
        ['tab\there', 1],
        ['line\nbreak\\slash', null],
        [null, 3],
      ];
      await copyRows(client, 'copy_probe', ['a', 'b'], rows);
      const result = await client.query<{ a: string | null; b: number | null }>(
        'select a, b from copy_probe order by b nulls last',
      );
      expect(result.rows.map((r) => [r.a, r.b])).toEqual([rows[0], rows[2], rows[1]]);
    } finally {
      client.release();
    }
  });

  it('applies each migration once when two processes migrate an empty database at once', async () => {
    const { adminUrl } = inject('padu');
    const name = `padu_empty_${Date.now()}`;
    await adminQuery(adminUrl, `create database ${name}`);
    const one = connect(databaseUrl(adminUrl, name));
    const two = connect(databaseUrl(adminUrl, name));
    try {
      const [first, second] = await Promise.all([migrate(one.pool), migrate(two.pool)]);
      const all = (await readMigrations()).map((m) => m.version);
      expect([...first, ...second].map((m) => m.version).sort((a, b) => a - b)).toEqual(all);
      const applied = await one.db
        .selectFrom('schema_migrations')
        .select('version')
        .orderBy('version')
        .execute();
      expect(applied.map((r) => r.version)).toEqual(all);
      expect(await migrate(one.pool)).toEqual([]);
    } finally {
      await one.close();
      await two.close();
      await adminQuery(adminUrl, `drop database ${name} with (force)`);
    }
  });

  it('refuses a database migrated by a newer Padu', async () => {
    await expect(
      migrate(database.handle.pool, [{ version: 1, name: 'regions', sql: 'select 1' }]),
    ).rejects.toThrow(/newer than this Padu/);
  });
});
