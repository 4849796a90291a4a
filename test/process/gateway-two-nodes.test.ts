import { execFile, spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { accessToken, publishTestService } from '../helpers/exchange.ts';
import { freePort, PADU, waitForHealthy } from '../helpers/process.ts';

/**
 * Issue 5's multi-node target: two gateway processes on one PostgreSQL. A grant revoked through one
 * node is refused by the other within a second, and calls through both land in one log whose leaf
 * indexes have no gaps and which verifies.
 */
const exec = promisify(execFile);

let database: TestDatabase;
let upstream: http.Server;
let path: string;
let grantId: number;
let clientId: string;
let clientSecret: string;
const nodes: { url: string; env: NodeJS.ProcessEnv; child: ChildProcess }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  upstream = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end(JSON.stringify({ client: req.headers['x-padu-client'] })));
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  ({ path, grantId, clientId, clientSecret } = await publishTestService(
    database.services.exchange,
    `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
  ));
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const env = {
      ...process.env,
      PADU_DATABASE_URL: database.url,
      PADU_PORT: String(port),
      PADU_DEMO: '0',
      PADU_LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, [PADU, 'start'], { env, stdio: 'ignore' });
    nodes.push({ url: `http://127.0.0.1:${port}`, env, child });
  }
  for (const node of nodes) await waitForHealthy(node.url, node.child, 60_000);
});

afterAll(async () => {
  const running = nodes.map(({ child }) => child).filter((child) => child.exitCode === null);
  for (const child of running) child.kill('SIGTERM');
  await Promise.all(running.map((child) => new Promise((r) => child.once('exit', r))));
  await new Promise((r) => upstream?.close(r));
  await database?.drop();
});

describe('two gateway nodes on one database', () => {
  it('share one gapless log, and a revocation on one is refused by the other within a second', async () => {
    const [a, b] = nodes as [(typeof nodes)[number], (typeof nodes)[number]];
    // A token from node A works on node B: both verify with the keys in the database.
    const token = await accessToken(a.url, clientId, clientSecret);
    const call = async (node: { url: string }, i: number) => {
      const response = await fetch(`${node.url}${path}/penduduk/${i}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.text();
      return response.status;
    };
    // Calls through both nodes at once, so that their log batches interleave.
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => call(i % 2 === 0 ? a : b, i)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    const { rows } = await database.handle.pool.query<{ n: number; max: number }>(
      'select count(*) as n, max(leaf_index) as max from exchange_log',
    );
    expect(rows[0]).toEqual({ n: 200, max: 199 });

    // Revoked through node A's API; node B has the grant in its cache from the calls above.
    const admin = (
      await database.services.accounts.createApiToken(
        { name: 'test-admin', role: 'platform_admin', agencyCode: null },
        'test',
      )
    ).token;
    expect(await call(b, 1000)).toBe(200);
    const revoked = await fetch(`${a.url}/api/v1/exchange/grants/${grantId}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(revoked.status).toBe(204);
    const at = Date.now();
    let refusedAfter = -1;
    let servedMeanwhile = 0;
    while (Date.now() - at < 3_000) {
      const status = await call(b, 1001);
      if (status === 403) {
        refusedAfter = Date.now() - at;
        break;
      }
      expect(status).toBe(200);
      servedMeanwhile++;
      await new Promise((r) => setTimeout(r, 20));
    }
    console.log(`revoked on node A: node B refused the grant after ${refusedAfter} ms`);
    expect(refusedAfter).toBeGreaterThanOrEqual(0);
    expect(refusedAfter).toBeLessThan(1_000);
    // On the node that revoked it, at once.
    expect(await call(a, 1002)).toBe(403);

    const { stdout } = await exec(process.execPath, [PADU, 'exchange', 'verify'], { env: b.env });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      ok: boolean;
      entries: number;
    };
    // Every forwarded call is in it: the 200, the one before the revocation, those served meanwhile.
    expect(report).toMatchObject({ ok: true, entries: 201 + servedMeanwhile });
  });
});
