import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateRegister,
  PEOPLE_CSV_HEADER,
  personCsvLine,
} from '../../src/population/synthetic.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

const exec = promisify(execFile);
const PADU = path.resolve('bin/padu.js');
const ROWS = 200_000;

let database: TestDatabase;
let dir: string;
let file: string;
let env: NodeJS.ProcessEnv;

async function countPeople(): Promise<number> {
  const row = await database.handle.db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-import-process-'));
  file = path.join(dir, 'people.csv');
  const villages = (
    await database.services.regions.listChildren('34.04.13', { limit: 100, offset: 0 })
  ).items.map((v) => v.code);
  const lines = [PEOPLE_CSV_HEADER];
  for (const { person: p } of generateRegister({
    count: ROWS,
    seed: 3,
    villages,
    today: '2025-06-30',
  })) {
    lines.push(personCsvLine(p));
  }
  await fs.writeFile(file, lines.join(''));
  env = { ...process.env, PADU_DATABASE_URL: database.url, PADU_LOG_LEVEL: 'warn' };
});

afterAll(async () => {
  await database?.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('npx padu people import', () => {
  it('leaves nothing behind when killed with SIGKILL mid-import, and can be run again', async () => {
    const child = spawn(process.execPath, [PADU, 'people', 'import', file], {
      env,
      stdio: 'ignore',
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(
      child.exitCode,
      'the import finished before it could be interrupted; use a larger file',
    ).toBeNull();
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await countPeople()).toBe(0);

    const started = Date.now();
    const { stdout } = await exec(process.execPath, [PADU, 'people', 'import', file], { env });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `people import of ${ROWS} rows through the CLI: ${seconds.toFixed(1)} s (${Math.round(ROWS / seconds)} rows/s, start-up included)`,
    );
    expect(stdout).toMatch(
      new RegExp(
        `${ROWS} rows in [\\d.]+ s: (\\d+) inserted, 0 updated, (\\d+) unchanged, 0 rejected`,
      ),
    );
    const inserted = await countPeople();
    expect(inserted).toBeGreaterThan(ROWS * 0.99);

    const again = await exec(process.execPath, [PADU, 'people', 'import', file], { env });
    expect(again.stdout).toMatch(/0 inserted, 0 updated, \d+ unchanged, 0 rejected/);
    expect(await countPeople()).toBe(inserted);
  }, 180_000);

  it('names a missing column and writes nothing', async () => {
    const bad = path.join(dir, 'bad.csv');
    await fs.writeFile(bad, 'nik,name,sex,village_code\n');
    const failure = await exec(process.execPath, [PADU, 'people', 'import', bad], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect('code' in failure && failure.code).toBe(2);
    expect('stderr' in failure && failure.stderr).toMatch(/required column birth_date/);
  });
});
