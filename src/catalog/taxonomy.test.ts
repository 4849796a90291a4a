import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { GOVERNMENT_FUNCTIONS, SHARED_APPLICATIONS } from './taxonomy.data.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('reference taxonomy', () => {
  it('is consistent: unique codes, known shared applications, keywords in lower case', () => {
    const shared = new Set(SHARED_APPLICATIONS.map((s) => s.code));
    expect(shared.size).toBe(SHARED_APPLICATIONS.length);
    expect(new Set(GOVERNMENT_FUNCTIONS.map((f) => f.code)).size).toBe(GOVERNMENT_FUNCTIONS.length);
    expect(GOVERNMENT_FUNCTIONS.length).toBeGreaterThanOrEqual(30);
    for (const f of GOVERNMENT_FUNCTIONS) {
      if (f.sharedApplication !== null) expect(shared, f.code).toContain(f.sharedApplication);
      for (const keyword of f.keywords) expect(keyword).toBe(keyword.toLowerCase());
    }
  });

  it('is seeded at start-up, and a second seeding keeps what admins changed', async () => {
    const functions = await database.services.catalog.listFunctions();
    expect(functions).toHaveLength(GOVERNMENT_FUNCTIONS.length);
    const withShared = functions.find((f) => f.sharedApplication !== null);
    expect(withShared?.sharedApplication?.name).toBeTruthy();
    await database.handle.pool.query(
      "update government_functions set name = 'Diubah oleh admin', edited = true where code = $1",
      [functions[0]?.code],
    );
    expect(await database.services.catalog.seedTaxonomy()).toEqual({
      sharedApplications: 0,
      functions: 0,
    });
    const again = await database.services.catalog.listFunctions();
    expect(again.find((f) => f.code === functions[0]?.code)?.name).toBe('Diubah oleh admin');
  });

  it('removes a function the seed data no longer holds, unless an admin edited it or an official decided on it', async () => {
    const pool = database.handle.pool;
    await pool.query(
      `insert into government_functions (code, name, name_en, keywords, edited)
       values ('old-unused', 'Lama', 'Old', '{parkir}', false),
              ('old-edited', 'Lama diubah', 'Old, edited', '{parkir}', true),
              ('old-decided', 'Lama diputuskan', 'Old, decided', '{parkir}', false)`,
    );
    const agency = (await pool.query<{ code: string }>('select code from agencies limit 1')).rows[0]
      ?.code;
    const app = await pool.query<{ id: string }>(
      `insert into applications (agency_code, source_id, name) values ($1, 'old-1', 'e-Parkir') returning id`,
      [agency],
    );
    await pool.query(
      `insert into catalog_decisions (application_id, kind, function_code, decided_by)
       values ($1, 'confirm', 'old-decided', 'test')`,
      [app.rows[0]?.id],
    );
    expect((await database.services.catalog.seedTaxonomy()).functions).toBe(1);
    const codes = (await database.services.catalog.listFunctions()).map((f) => f.code);
    expect(codes).not.toContain('old-unused');
    expect(codes).toContain('old-edited');
    expect(codes).toContain('old-decided');
  });
});
