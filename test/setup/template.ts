import pg from 'pg';
import { agenciesService } from '../../src/agencies/agencies.service.ts';
import { catalogService } from '../../src/catalog/catalog.service.ts';
import { connect } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { importRegions } from '../../src/regions/regions.import.ts';
import { seedPublicServices } from '../../src/portal/portal.service.ts';

/** What the global setup hands to every test file: a server and a prepared template database. */
export interface TestDatabaseServer {
  /** URL of a database on the server used for CREATE/DROP DATABASE. */
  readonly adminUrl: string;
  /** A database with migrations, regions and agencies, copied for each test file. */
  readonly template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    padu: TestDatabaseServer;
  }
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Creates the template once per run: migrations, the full region reference, the agencies, the
 * catalog taxonomy and the portal's public services.
 */
export async function createTemplate(adminUrl: string, template: string): Promise<void> {
  await adminQuery(adminUrl, `drop database if exists ${template}`);
  await adminQuery(adminUrl, `create database ${template}`);
  const handle = connect(databaseUrl(adminUrl, template), { max: 2 });
  try {
    await migrate(handle.pool);
    await importRegions(handle.pool);
    const agencies = agenciesService(handle.db);
    await agencies.seedAgencies();
    await catalogService(handle.pool, agencies).seedTaxonomy();
    await seedPublicServices(handle.db);
  } finally {
    await handle.close();
  }
}
