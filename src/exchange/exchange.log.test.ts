import { createHash, createPublicKey, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { exchangeLog } from './exchange.log.ts';
import { verifyConsistency, verifyInclusion } from './merkle.ts';

let server: TestServer;
let upstream: http.Server;
const requestIds: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  upstream = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  const { exchange } = server.database.services;
  const provider = await exchange.addSystem({ agencyCode: '34.04', name: 'SIAK Sleman' }, 'test');
  const consumer = await exchange.addSystem(
    { agencyCode: 'P.KEMENKES', name: 'SATUSEHAT' },
    'test',
  );
  const { service, path } = await exchange.addService(
    {
      systemId: provider.system.id,
      name: 'Data Penduduk',
      upstreamUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    },
    'test',
  );
  await exchange.addGrant(
    { serviceId: service.id, consumerSystemId: consumer.system.id, status: 'granted' },
    'test',
  );
  const issued = await exchange.issueToken(
    consumer.system.clientId,
    consumer.clientSecret,
    'http://test',
  );
  for (let i = 0; i < 13; i++) {
    const response = await fetch(`${server.url}${path}/penduduk/${i}`, {
      headers: {
        authorization: `Bearer ${issued?.token ?? ''}`,
        'x-padu-subject': '3404014101900001',
      },
    });
    await response.text();
    requestIds.push(response.headers.get('x-padu-request-id') ?? '');
    if (i === 5) await exchange.tree.publishCheckpoint();
  }
  await exchange.tree.publishCheckpoint();
});
afterAll(async () => {
  await server?.close();
  await new Promise((r) => upstream?.close(r));
});

const sha = (...parts: Buffer[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** A C2SP checkpoint checked with node:crypto and the spec alone. */
function openIndependently(note: string, verifierKey: string) {
  const [, name = '', hash = '', key = ''] =
    /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(verifierKey.trim()) ?? [];
  const [body = '', signatures = ''] = note.split('\n\n');
  const [, sigName, sigB64] = /^— (\S+) (\S+)$/m.exec(signatures) ?? [];
  const blob = Buffer.from(sigB64 ?? '', 'base64');
  const raw = Buffer.from(key, 'base64');
  expect(
    sha(Buffer.from(`${name}\n`), raw)
      .subarray(0, 4)
      .toString('hex'),
  ).toBe(hash);
  expect(blob.subarray(0, 4).toString('hex')).toBe(hash);
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.subarray(1).toString('base64url') },
    format: 'jwk',
  });
  const valid = verify(null, Buffer.from(`${body}\n`), publicKey, blob.subarray(4));
  const [origin, size, root] = body.split('\n');
  return { valid, sigName, origin, size: Number(size), root: Buffer.from(root ?? '', 'base64') };
}

describe('verifiable exchange log', () => {
  it('publishes signed checkpoints and proofs that independent code verifies', async () => {
    const note = await (await fetch(`${server.url}/api/v1/exchange/checkpoint`)).text();
    const key = await (await fetch(`${server.url}/api/v1/exchange/verifier-key`)).text();
    expect(key).toMatch(/^padu\/exchange-log\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*\n$/);
    const checkpoint = openIndependently(note, key);
    expect(checkpoint).toMatchObject({
      valid: true,
      sigName: 'padu/exchange-log',
      origin: 'padu/exchange-log',
      size: 13,
    });

    const admin = await server.adminToken();
    const entry = (await (
      await fetch(`${server.url}/api/v1/exchange/log/${requestIds[7]}`, {
        headers: { authorization: `Bearer ${admin}` },
      })
    ).json()) as { leafIndex: number; leaf: string; entry: { subject: string } };
    expect(entry.leafIndex).toBe(7);
    expect(entry.entry.subject).toBe('3404014101900001');
    const leaf = sha(Buffer.from([0]), Buffer.from(entry.leaf, 'base64'));
    const proof = (await (
      await fetch(`${server.url}/api/v1/exchange/proof/inclusion?leafIndex=7&treeSize=13`)
    ).json()) as { hashes: string[] };
    expect(
      verifyInclusion(
        leaf,
        7,
        13,
        proof.hashes.map((h) => Buffer.from(h, 'base64')),
        checkpoint.root,
      ),
    ).toBe(true);

    const consistency = (await (
      await fetch(`${server.url}/api/v1/exchange/proof/consistency?from=6&to=13`)
    ).json()) as { hashes: string[] };
    const { rows } = await server.database.handle.pool.query<{ root_hash: Buffer }>(
      'select root_hash from exchange_checkpoints where tree_size = 6',
    );
    expect(
      verifyConsistency(
        6,
        13,
        rows[0]?.root_hash ?? Buffer.alloc(0),
        checkpoint.root,
        consistency.hashes.map((h) => Buffer.from(h, 'base64')),
      ),
    ).toBe(true);

    // An operator of a third agency may not read the entry (it names a citizen's NIK), nor learn
    // that it exists: the same 404 as for an id never logged.
    const stranger = await server.operatorToken('32.73');
    const asStranger = (id: string) =>
      fetch(`${server.url}/api/v1/exchange/log/${id}`, {
        headers: { authorization: `Bearer ${stranger}` },
      });
    const hidden = await asStranger(requestIds[7] ?? '');
    const missing = await asStranger('tidak-pernah-ada');
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(((await hidden.json()) as { error: { message: string } }).error.message).toBe(
      `no exchange was logged with request id ${requestIds[7] ?? ''}.`,
    );
    // An id that no gateway would give is refused before any look-up.
    expect((await asStranger('a%00b')).status).toBe(400);
    expect(
      (await fetch(`${server.url}/api/v1/exchange/proof/inclusion?leafIndex=20&treeSize=13`))
        .status,
    ).toBe(400);
    expect(
      (await fetch(`${server.url}/api/v1/exchange/proof/inclusion?leafIndex=1&treeSize=99`)).status,
    ).toBe(400);
  });

  it('counts calls per service and consumer, in the API and in /metrics', async () => {
    const admin = await server.adminToken();
    const stats = (await (
      await fetch(`${server.url}/api/v1/exchange/stats`, {
        headers: { authorization: `Bearer ${admin}` },
      })
    ).json()) as {
      service: string;
      consumer: string;
      calls: number;
      errorRate: number;
      latencyMs: { p50: number };
    }[];
    expect(stats).toEqual([
      expect.objectContaining({
        service: '34.04/siak-sleman/data-penduduk',
        consumer: 'P.KEMENKES/satusehat',
        calls: 13,
        errorRate: 0,
      }) as unknown,
    ]);
    expect(stats[0]?.latencyMs.p50).toBeGreaterThanOrEqual(0);
    // A time PostgreSQL cannot hold is the caller's mistake, named as such.
    const yearZero = await fetch(`${server.url}/api/v1/exchange/stats?since=0000-06-01T00:00:00Z`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(yearZero.status).toBe(400);
    expect(((await yearZero.json()) as { error: { message: string } }).error.message).toContain(
      'before year 1',
    );
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain(
      'padu_exchange_calls_total{service="34.04/siak-sleman/data-penduduk",consumer="P.KEMENKES/satusehat",code="2xx"} 13',
    );
    expect(metrics).toMatch(/padu_exchange_call_duration_seconds_count\{[^}]+\} 13/);
    // Every call's log append is timed, in one series for the node.
    expect(metrics).toMatch(/^padu_exchange_log_append_seconds_count 13$/m);
    expect(metrics).toMatch(/^padu_exchange_log_append_seconds_bucket\{le="\+Inf"\} 13$/m);
    // The node's event-loop delay since the last scrape: the server runs in this process, so
    // blocking it for 150 ms shows as the longest delay of the next scrape, and not the one after.
    const longest = (text: string) =>
      Number(/padu_event_loop_delay_seconds\{quantile="1"\} (\S+)/.exec(text)?.[1]);
    const until = Date.now() + 150;
    while (Date.now() < until);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(longest(await (await fetch(`${server.url}/metrics`)).text())).toBeGreaterThanOrEqual(
      0.1,
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(longest(await (await fetch(`${server.url}/metrics`)).text())).toBeLessThan(0.1);
  });

  it('verifies, and names the entry that was altered, removed or rewritten with its hash', async () => {
    const { exchange } = server.database.services;
    const pool = server.database.handle.pool;
    expect(await exchange.tree.verify()).toMatchObject({
      ok: true,
      entries: 13,
      checkpoints: 2,
      problem: null,
    });

    const original = (
      await pool.query<{ entry: Buffer; leaf_hash: Buffer }>(
        'select entry, leaf_hash from exchange_log where leaf_index = 9',
      )
    ).rows[0];
    const altered = Buffer.from(
      (original?.entry.toString() ?? '').replace('"status":200', '"status":500'),
    );
    await pool.query('update exchange_log set entry = $1 where leaf_index = 9', [altered]);
    const report = await exchange.tree.verify();
    expect(report.ok).toBe(false);
    expect(report.problem).toMatch(
      new RegExp(`^entry 9 \\(request ${requestIds[9]}\\) was altered`),
    );

    // Rewritten together with its leaf hash: the signed checkpoint still catches it.
    await pool.query('update exchange_log set leaf_hash = $2 where leaf_index = $1::bigint', [
      9,
      sha(Buffer.from([0]), altered),
    ]);
    expect((await exchange.tree.verify()).problem).toMatch(
      /entries 6–12 do not match the signed checkpoint of size 13/,
    );

    await pool.query('update exchange_log set entry = $1, leaf_hash = $2 where leaf_index = 9', [
      original?.entry,
      original?.leaf_hash,
    ]);
    expect((await exchange.tree.verify()).ok).toBe(true);
    const removed = await pool.query('delete from exchange_log where leaf_index = 4 returning *');
    expect((await exchange.tree.verify()).problem).toMatch(/^entry 4 is missing/);
    const row = removed.rows[0] as Record<string, unknown>;
    const columns = Object.keys(row);
    await pool.query(
      `insert into exchange_log (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => row[c]),
    );
    expect((await exchange.tree.verify()).ok).toBe(true);
  });

  it('proves old entries of a log grown past several tiles, and a fresh node gives the same proofs', async () => {
    const { exchange } = server.database.services;
    // 700 more entries through the log writer: leaves 13–712, so tiles 0 and 1 (256 leaves each)
    // are complete and only their subtree hashes stay in memory.
    const entries = Array.from({ length: 700 }, (_, i) => ({
      requestId: `bulk-${i}`,
      timeIn: '2026-11-29T00:00:00.000Z',
      timeOut: '2026-11-29T00:00:00.001Z',
      consumerAgency: 'P.KEMENKES',
      consumerSystem: 'satusehat',
      consumerSystemId: 2,
      providerAgency: '34.04',
      providerSystem: 'siak-sleman',
      service: 'data-penduduk',
      serviceId: 1,
      method: 'GET',
      path: `/penduduk/${i}`,
      status: 200,
      latencyMs: 1,
      requestBytes: 0,
      responseBytes: 2,
      requestSha256: sha().toString('hex'),
      responseSha256: sha(Buffer.from('ok')).toString('hex'),
      purpose: null,
      subject: null,
    }));
    const indexes = await Promise.all(entries.map((e) => exchange.log.append(e)));
    expect([...indexes].sort((a, b) => a - b)).toEqual(entries.map((_, i) => 13 + i));
    await exchange.tree.publishCheckpoint();
    const key = await (await fetch(`${server.url}/api/v1/exchange/verifier-key`)).text();
    const head = openIndependently(
      await (await fetch(`${server.url}/api/v1/exchange/checkpoint`)).text(),
      key,
    );
    expect(head).toMatchObject({ valid: true, size: 713 });

    const { rows } = await server.database.handle.pool.query<{ leaf_hash: Buffer }>(
      'select leaf_hash from exchange_log where leaf_index in (7, 300, 712) order by leaf_index',
    );
    for (const [i, index] of [7, 300, 712].entries()) {
      const proof = (await (
        await fetch(`${server.url}/api/v1/exchange/proof/inclusion?leafIndex=${index}&treeSize=713`)
      ).json()) as { hashes: string[] };
      const path = proof.hashes.map((h) => Buffer.from(h, 'base64'));
      expect(verifyInclusion(rows[i]?.leaf_hash as Buffer, index, 713, path, head.root)).toBe(true);
    }
    const consistency = (await (
      await fetch(`${server.url}/api/v1/exchange/proof/consistency?from=13&to=713`)
    ).json()) as { hashes: string[] };
    const { rows: first } = await server.database.handle.pool.query<{ root_hash: Buffer }>(
      'select root_hash from exchange_checkpoints where tree_size = 13',
    );
    expect(
      verifyConsistency(
        13,
        713,
        first[0]?.root_hash as Buffer,
        head.root,
        consistency.hashes.map((h) => Buffer.from(h, 'base64')),
      ),
    ).toBe(true);

    // Another node starting now reads the whole log and gives the same proofs.
    const fresh = exchangeLog(server.database.handle.pool);
    expect(await fresh.inclusion(300, 713)).toEqual(await exchange.tree.inclusion(300, 713));
    expect(await fresh.consistency(13, 713)).toEqual(await exchange.tree.consistency(13, 713));
    expect(await exchange.tree.verify()).toMatchObject({ ok: true, entries: 713 });

    // Complete tiles are kept, one hash per 256 entries; a node starting now reads those.
    const pool = server.database.handle.pool;
    const { rows: tiles } = await pool.query<{ tile: number; hash: Buffer }>(
      'select tile, hash from exchange_log_tiles order by tile',
    );
    expect(tiles.map((t) => Number(t.tile))).toEqual([0, 1]);
    // A stored tile hash that no longer matches its entries is named by verify.
    await pool.query('update exchange_log_tiles set hash = $1 where tile = 1', [Buffer.alloc(32)]);
    expect((await exchange.tree.verify()).problem).toMatch(
      /^the stored hash of tile 1 \(entries 256–511\) does not match those entries/,
    );
    await pool.query('update exchange_log_tiles set hash = $1 where tile = 1', [tiles[1]?.hash]);
    expect((await exchange.tree.verify()).ok).toBe(true);
  });
});
