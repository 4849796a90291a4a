import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { adminQuery, createTemplate } from './template.ts';

/** Prepares a template database on the server of PADU_TEST_DATABASE_URL, dropped after the run. */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.PADU_TEST_DATABASE_URL;
  if (adminUrl === undefined) throw new Error('PADU_TEST_DATABASE_URL is not set');
  const template = `padu_tpl_${randomBytes(4).toString('hex')}`;
  await createTemplate(adminUrl, template);
  project.provide('padu', { adminUrl, template });
  return async () => {
    await adminQuery(adminUrl, `drop database if exists ${template}`);
  };
}
