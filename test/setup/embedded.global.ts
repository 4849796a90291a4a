import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openEmbeddedPostgres } from '../../src/platform/db/embedded.ts';
import { adminQuery, createTemplate, databaseUrl } from './template.ts';

/** Starts a throw-away embedded PostgreSQL for this run and prepares the template database. */
export default async function setup(project: TestProject) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-test-'));
  await fs.chmod(dir, 0o755);
  const server = await openEmbeddedPostgres(dir, 'command');
  const adminUrl = databaseUrl(server.url, 'postgres');
  const template = 'padu_template';
  await createTemplate(adminUrl, template);
  project.provide('padu', { adminUrl, template });
  return async () => {
    await adminQuery(adminUrl, `drop database if exists ${template}`).catch(() => undefined);
    await server.release();
    await fs.rm(dir, { recursive: true, force: true });
  };
}
