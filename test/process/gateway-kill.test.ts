import { execFile, spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { accessToken, publishTestService } from '../helpers/exchange.ts';
import { freePort, PADU, waitForHealthy } from '../helpers/process.ts';

/**
 * Issue 5's durability target: kill the gateway with SIGKILL under load; every response a client
 * received in full has its log entry, and `padu exchange verify` passes after a restart.
 */
const exec = promisify(execFile);

let database: TestDatabase;
let upstream: http.Server;
let env: NodeJS.ProcessEnv;
let url: string;
let path: string;
let clientId: string;
let clientSecret: string;
const children: ChildProcess[] = [];

function start(): ChildProcess {
  const child = spawn(process.execPath, [PADU, 'start'], { env, stdio: 'ignore' });
  children.push(child);
  return child;
}

beforeAll(async () => {
  database = await createTestDatabase();
  upstream = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end(JSON.stringify({ ok: true, at: Date.now() })));
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  ({ path, clientId, clientSecret } = await publishTestService(
    database.services.exchange,
    `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
  ));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    PADU_DATABASE_URL: database.url,
    PADU_PORT: String(port),
    PADU_DEMO: '0',
    PADU_LOG_LEVEL: 'warn',
  };
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await new Promise((r) => upstream?.close(r));
  await database?.drop();
});

describe('gateway killed with SIGKILL under load', () => {
  it('loses no entry of a delivered response, and the log verifies after a restart', async () => {
    const server = start();
    await waitForHealthy(url, server, 60_000);
    const token = await accessToken(url, clientId, clientSecret);

    const delivered: string[] = [];
    let failed = 0;
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await fetch(`${url}${path}/penduduk/${w}-${i}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ w, i }),
          });
          const body = await response.text(); // delivered only when the whole body arrived
          if (response.status === 200 && JSON.parse(body) !== null)
            delivered.push(response.headers.get('x-padu-request-id') ?? '');
        } catch {
          failed++;
        }
      }
    };
    const workers = Array.from({ length: 16 }, (_, w) => worker(w));
    await new Promise((r) => setTimeout(r, 2_000));
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    stop = true;
    await Promise.all(workers);
    console.log(
      `gateway SIGKILL under load: ${delivered.length} responses delivered, ${failed} calls cut off`,
    );
    expect(delivered.length).toBeGreaterThan(50);
    expect(failed).toBeGreaterThan(0);

    const { rows } = await database.handle.pool.query<{ request_id: string }>(
      'select request_id from exchange_log where request_id = any($1)',
      [delivered],
    );
    const logged = new Set(rows.map((r) => r.request_id));
    expect(delivered.filter((id) => !logged.has(id))).toEqual([]);

    const again = start();
    await waitForHealthy(url, again, 60_000);
    const { stdout } = await exec(process.execPath, [PADU, 'exchange', 'verify'], { env });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      ok: boolean;
      entries: number;
    };
    expect(report.ok).toBe(true);
    expect(report.entries).toBeGreaterThanOrEqual(delivered.length);
    again.kill('SIGTERM');
    await new Promise((r) => again.once('exit', r));
  });
});
