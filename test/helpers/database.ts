import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createServices, type Services } from '../../src/app.ts';
import { connect, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { adminQuery, databaseUrl } from '../setup/template.ts';

export interface TestDatabase {
  readonly handle: DatabaseHandle;
  readonly services: Services;
  readonly url: string;
  /** Which server: 'embedded' or the external host, for test names. */
  readonly server: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, copied from the prepared template (migrations, all regions,
 * agencies), on the embedded or the external server depending on the vitest project.
 */
export async function createTestDatabase(
  settings: { publicUrl?: string } = {},
): Promise<TestDatabase> {
  const { adminUrl, template } = inject('padu');
  const name = `padu_t_${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(adminUrl, `create database ${name} template ${template}`);
      break;
    } catch (error) {
      // Two files copying the template at the same instant can collide; try again shortly.
      if (attempt >= 10 || !/being accessed by other users/.test((error as Error).message))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 300));
    }
  }
  const url = databaseUrl(adminUrl, name);
  const handle = connect(url, { max: 5 });
  return {
    handle,
    services: createServices(handle, { publicUrl: settings.publicUrl ?? 'http://localhost:8080' }),
    url,
    server: new URL(adminUrl).host,
    async drop() {
      await handle.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
