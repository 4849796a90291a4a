import { createHash } from 'node:crypto';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessToken } from '../../test/helpers/exchange.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { createGateway, DEFAULT_GATEWAY_OPTIONS } from './gateway.ts';

/** A real upstream: echoes what it receives, or is slow, or answers 204. */
function startUpstream(): Promise<{
  url: string;
  seen: http.IncomingHttpHeaders[];
  close: () => Promise<void>;
}> {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url?.startsWith('/api/slow')) {
        setTimeout(() => res.end('late'), 2_000);
        return;
      }
      if (req.url?.startsWith('/api/empty')) {
        res.writeHead(204);
        res.end();
        return;
      }
      if (req.url?.startsWith('/api/rows')) {
        // An answer in pieces, with no length: the gateway forwards all but the last at once.
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.write('nik,nama\n');
        setTimeout(() => res.write('3404014101900001,Siti\n'), 20);
        setTimeout(() => res.end('3404014101900002,Budi\n'), 40);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
        seen,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

let server: TestServer;
let upstream: Awaited<ReturnType<typeof startUpstream>>;
let token: string;
let strangerToken: string;
let grantId: number;
let prefix: string;

function call(path: string, init: RequestInit & { token?: string | null } = {}) {
  const { token: bearer = token, ...rest } = init;
  return fetch(`${server.url}${prefix}${path}`, {
    ...rest,
    headers: {
      ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
      ...(rest.headers ?? {}),
    },
  });
}

beforeAll(async () => {
  server = await startTestServer({
    gateway: { maxBodyBytes: 1024, upstreamTimeoutMs: 300, grantCacheMs: 200 },
  });
  upstream = await startUpstream();
  const { exchange } = server.database.services;
  const provider = await exchange.addSystem({ agencyCode: '34.04', name: 'SIAK Sleman' }, 'test');
  const consumer = await exchange.addSystem(
    { agencyCode: 'P.KEMENKES', name: 'SATUSEHAT' },
    'test',
  );
  const stranger = await exchange.addSystem({ agencyCode: '32.73', name: 'Sistem Lain' }, 'test');
  const { service, path } = await exchange.addService(
    { systemId: provider.system.id, name: 'Data Penduduk', upstreamUrl: upstream.url },
    'test',
  );
  prefix = path;
  grantId = (
    await exchange.addGrant(
      {
        serviceId: service.id,
        consumerSystemId: consumer.system.id,
        status: 'granted',
        rateLimit: 1000,
      },
      'test',
    )
  ).id;
  token = await accessToken(server.url, consumer.system.clientId, consumer.clientSecret);
  strangerToken = await accessToken(server.url, stranger.system.clientId, stranger.clientSecret);
});
afterAll(async () => {
  await server?.close();
  await upstream?.close();
});

/** A call sent raw with node:http: fetch would resolve dot segments and drop hop headers itself. */
function raw(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}${prefix}${path}`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
    request.path = `${prefix}${path}`;
    request.on('response', (response) => {
      let body = '';
      response.on('data', (c: Buffer) => (body += c.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('gateway', () => {
  it('forwards with the consumer’s identity and streams the answer back, logging the call', async () => {
    const response = await call('/penduduk/3404?x=1', {
      method: 'POST',
      body: '{"nama":"Siti"}',
      headers: {
        'content-type': 'application/json',
        'x-padu-purpose': 'verifikasi bansos',
        'x-padu-subject': '3404014101900001',
      },
    });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-padu-request-id') ?? '';
    expect(requestId).not.toBe('');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      method: 'POST',
      url: '/api/penduduk/3404?x=1',
      body: '{"nama":"Siti"}',
    });
    const seen = upstream.seen.at(-1) ?? {};
    expect(seen['x-padu-client']).toBe('P.KEMENKES/satusehat');
    expect(seen['x-padu-request-id']).toBe(requestId);
    expect(seen['x-padu-purpose']).toBe('verifikasi bansos');
    expect(seen['x-padu-subject']).toBe('3404014101900001');
    expect(seen.authorization).toBeUndefined();

    const { rows } = await server.database.handle.pool.query<{
      leaf_index: string;
      entry: Buffer;
      leaf_hash: Buffer;
    }>('select leaf_index, entry, leaf_hash from exchange_log where request_id = $1', [requestId]);
    // A checkpoint asked for after a call covers it (signed on demand, at most every 100 ms).
    const treeSize = async () =>
      Number(
        (await (await fetch(`${server.url}/api/v1/exchange/checkpoint`)).text()).split('\n')[1],
      );
    expect(await treeSize()).toBeGreaterThan(Number(rows[0]?.leaf_index));
    const again = await call('/penduduk/again');
    await again.text();
    await new Promise((r) => setTimeout(r, 150));
    expect(await treeSize()).toBeGreaterThan(Number(rows[0]?.leaf_index) + 1);
    const row = rows[0];
    expect(row).toBeDefined();
    const entry = JSON.parse(row?.entry.toString() ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({
      requestId,
      consumerAgency: 'P.KEMENKES',
      consumerSystem: 'satusehat',
      providerAgency: '34.04',
      service: 'data-penduduk',
      method: 'POST',
      path: '/penduduk/3404?x=1',
      status: 200,
      requestBytes: 15,
      responseBytes: Buffer.byteLength(text),
      requestSha256: createHash('sha256').update('{"nama":"Siti"}').digest('hex'),
      responseSha256: createHash('sha256').update(text).digest('hex'),
      purpose: 'verifikasi bansos',
      subject: '3404014101900001',
    });
    // The keys are in canonical (sorted) order, and the leaf hash is RFC 6962's.
    expect(Object.keys(entry)).toEqual([...Object.keys(entry)].sort());
    expect(row?.leaf_hash).toEqual(
      createHash('sha256')
        .update(Buffer.from([0]))
        .update(row?.entry ?? Buffer.alloc(0))
        .digest(),
    );
  });

  it('answers 204 only once its entry is logged, and keeps leaf indexes contiguous', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, () => call('/empty')));
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 204));
    const { rows } = await server.database.handle.pool.query<{ n: number; max: string }>(
      'select count(*)::int as n, max(leaf_index) as max from exchange_log',
    );
    expect(Number(rows[0]?.max)).toBe((rows[0]?.n ?? 0) - 1);
    for (const r of responses) {
      const { rowCount } = await server.database.handle.pool.query(
        'select 1 from exchange_log where request_id = $1',
        [r.headers.get('x-padu-request-id')],
      );
      expect(rowCount).toBe(1);
    }
  });

  it('refuses without a token, with a bad one, and without a grant, in one error shape', async () => {
    const anonymous = await call('/penduduk', { token: null });
    expect(anonymous.status).toBe(401);
    const body = (await anonymous.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('UNAUTHENTICATED');
    expect(body.error.requestId).toBe(anonymous.headers.get('x-request-id'));
    expect((await call('/penduduk', { token: `${token}x` })).status).toBe(401);
    const stranger = await call('/penduduk', { token: strangerToken });
    expect(stranger.status).toBe(403);
    expect(((await stranger.json()) as { error: { message: string } }).error.message).toMatch(
      /^System \d+ \(32\.73\/sistem-lain\) has no grant on service "Data Penduduk" \(34\.04\/siak-sleman\/data-penduduk\)/,
    );
    expect(
      (
        await fetch(`${server.url}/x/34.04/siak-sleman/tidak-ada/a`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status,
    ).toBe(404);
  });

  it('refuses dot segments, written or percent-encoded, before they reach the upstream', async () => {
    const seen = upstream.seen.length;
    for (const path of [
      '/penduduk/../admin',
      '/penduduk/%2e%2e/admin',
      '/./penduduk',
      '/a/%2E/b',
    ]) {
      const answer = await raw(path);
      expect(answer.status, path).toBe(400);
      expect((JSON.parse(answer.body) as { error: { message: string } }).error.message).toContain(
        '"." or ".." segments',
      );
    }
    expect(upstream.seen.length).toBe(seen);
    // Dots inside a segment are a name, not a step.
    expect((await raw('/penduduk/berkas..v2.json')).status).toBe(200);
  });

  it('drops the headers a Connection header names: they belong to the hop, not the upstream', async () => {
    const answer = await raw('/penduduk', {
      connection: 'keep-alive, x-hop-secret',
      'x-hop-secret': 's',
    });
    expect(answer.status).toBe(200);
    expect(upstream.seen.at(-1)?.['x-hop-secret']).toBeUndefined();
  });

  it('maps upstream failures: too large 413, too slow 504', async () => {
    const large = await call('/penduduk', { method: 'POST', body: 'x'.repeat(2048) });
    expect(large.status).toBe(413);
    expect(((await large.json()) as { error: { code: string } }).error.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    const slow = await call('/slow');
    expect(slow.status).toBe(504);
    expect(((await slow.json()) as { error: { code: string } }).error.code).toBe('GATEWAY_TIMEOUT');
  });

  it('rate-limits per grant with Retry-After, and a revocation takes effect within a second', async () => {
    const { exchange } = server.database.services;
    // Revoked through this process: its gateway refuses at once (other nodes within 0.5 s).
    await exchange.revokeGrant(grantId, 'test');
    expect((await call('/penduduk')).status).toBe(403);
    const service = (await exchange.listServices('Data Penduduk'))[0];
    const consumer = (await exchange.listSystems('P.KEMENKES'))[0];
    await exchange.addGrant(
      {
        serviceId: service?.id ?? 0,
        consumerSystemId: consumer?.id ?? 0,
        status: 'granted',
        rateLimit: 2,
      },
      'test',
    );
    await new Promise((r) => setTimeout(r, 300));
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const r = await call('/penduduk');
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get('retry-after');
      await r.arrayBuffer();
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});

describe('gateway with an unreachable upstream', () => {
  it('answers 502 when the upstream cannot be reached or answers what is not HTTP/1.1', async () => {
    const { exchange } = server.database.services;
    const provider = (await exchange.listSystems('34.04'))[0];
    const consumer = (await exchange.listSystems('P.KEMENKES'))[0];
    // An upstream that answers with a control character in a header field.
    const broken = net.createServer((socket) =>
      socket.once('data', () =>
        socket.end('HTTP/1.1 200 OK\r\nX-Rusak: a\x01b\r\nContent-Length: 2\r\n\r\nok'),
      ),
    );
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}/`;
    try {
      for (const [name, upstreamUrl, says] of [
        ['Mati', 'http://127.0.0.1:9/', 'could not be reached'],
        ['Rusak', brokenUrl, 'not valid HTTP/1.1'],
      ] as const) {
        const { service, path } = await exchange.addService(
          { systemId: provider?.id ?? 0, name, upstreamUrl },
          'test',
        );
        await exchange.addGrant(
          { serviceId: service.id, consumerSystemId: consumer?.id ?? 0, status: 'granted' },
          'test',
        );
        const response = await fetch(`${server.url}${path}/apa`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status, name).toBe(502);
        const { error } = (await response.json()) as { error: { code: string; message: string } };
        expect(error.code).toBe('BAD_GATEWAY');
        expect(error.message).toContain(says);
      }
    } finally {
      await new Promise((resolve) => broken.close(resolve));
    }
  });
});

/** Sends a request as raw bytes and gives what came back, once the server closes or `wait` ms pass. */
function rawExchange(text: string | Buffer[], wait = 1_000): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    socket.on('error', () => undefined);
    const timer = setTimeout(() => socket.destroy(), wait);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('connect', () => {
      void (async () => {
        for (const piece of typeof text === 'string' ? [text] : text) {
          socket.write(piece);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
    });
  });
}

describe('gateway under awkward clients and upstreams', () => {
  let early: net.Server;
  let earlyPath = '';
  let limitedPath = '';
  // Its own service and grant: the tests above leave the first grant at 2 calls a second.
  let openPath = '';
  const open = async (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${openPath}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
    });
  beforeAll(async () => {
    const { exchange } = server.database.services;
    const provider = (await exchange.listSystems('34.04'))[0];
    const consumer = (await exchange.listSystems('P.KEMENKES'))[0];
    // An upstream that refuses at once, without reading the request body (as many do with 401).
    early = net.createServer((socket) =>
      socket.once('data', () =>
        socket.write('HTTP/1.1 401 Unauthorized\r\nContent-Length: 4\r\n\r\nnope'),
      ),
    );
    await new Promise<void>((resolve) => early.listen(0, '127.0.0.1', resolve));
    const earlyService = await exchange.addService(
      {
        systemId: provider?.id ?? 0,
        name: 'Cepat Menolak',
        upstreamUrl: `http://127.0.0.1:${(early.address() as AddressInfo).port}/`,
      },
      'test',
    );
    earlyPath = earlyService.path;
    const limited = await exchange.addService(
      { systemId: provider?.id ?? 0, name: 'Data Terbatas', upstreamUrl: upstream.url },
      'test',
    );
    limitedPath = limited.path;
    const openService = await exchange.addService(
      { systemId: provider?.id ?? 0, name: 'Data Terbuka', upstreamUrl: upstream.url },
      'test',
    );
    openPath = openService.path;
    for (const [service, pathPrefixes] of [
      [earlyService.service, null],
      [limited.service, ['/public']],
      [openService.service, null],
    ] as const)
      await exchange.addGrant(
        {
          serviceId: service.id,
          consumerSystemId: consumer?.id ?? 0,
          status: 'granted',
          pathPrefixes: pathPrefixes === null ? null : [...pathPrefixes],
        },
        'test',
      );
  });
  afterAll(async () => {
    await new Promise((resolve) => early?.close(resolve));
  });

  it('stays up when a request body goes on arriving after the upstream has answered', async () => {
    const head = (length: number) =>
      `POST ${earlyPath}/unggah HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Length: ${length}\r\n\r\n`;
    // The upstream answers after the first 10 bytes; 90 more follow, then a second call.
    const answer = await rawExchange([
      Buffer.from(head(100) + 'x'.repeat(10)),
      Buffer.from('y'.repeat(90)),
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    // Over the body limit after the answer: still no crash.
    const chunked =
      `POST ${earlyPath}/unggah HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
      'Transfer-Encoding: chunked\r\n\r\n';
    const big = `${(2000).toString(16)}\r\n${'z'.repeat(2000)}\r\n`;
    await rawExchange([
      Buffer.from(chunked + '5\r\nhello\r\n'),
      Buffer.from(big),
      Buffer.from(big),
    ]);
    expect((await open('/penduduk/masih-hidup')).status).toBe(200);
  });

  it('refuses encoded slashes, "..;" and double encoding, and matches grant prefixes by segment', async () => {
    const seen = upstream.seen.length;
    for (const path of [
      '/public%2F..%2Fsecret',
      '/public%2f%2e%2e%2fsecret',
      '/public/..;/secret',
      '/public/..%3B/secret',
      '/public%5C..%5Csecret',
      '/public/%252e%252e/secret',
      '/public/a%00b',
      '/public/%zz',
    ]) {
      const answer = await rawExchange(
        `GET ${limitedPath}${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer, path).toMatch(/^HTTP\/1\.1 400/);
    }
    expect(upstream.seen.length).toBe(seen);
    const status = async (path: string) => {
      const response = await fetch(`${server.url}${limitedPath}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      return response.status;
    };
    expect(await status('/public')).toBe(200);
    expect(await status('/public/berkas%20a.pdf')).toBe(200);
    expect(await status('/public-internal/admin')).toBe(403);
    expect(await status('/publicadmin')).toBe(403);
  });

  it('logs calls that reached the upstream but ended in an error or with the client gone', async () => {
    const slow = await open('/slow?run=504');
    expect(slow.status).toBe(504);
    const { error } = (await slow.json()) as { error: { requestId: string } };
    const statusOf = async (where: string, value: string) =>
      (
        await server.database.handle.pool.query<{ status: number }>(
          `select status from exchange_log where ${where} = $1`,
          [value],
        )
      ).rows.map((r) => r.status);
    expect(await statusOf('request_id', error.requestId)).toEqual([504]);
    // A client that leaves before the answer: logged as 499, as nginx does.
    const request = http.request(`${server.url}${openPath}/slow?run=499`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'pergi-sebelum-jawaban' },
    });
    request.on('error', () => undefined);
    request.end();
    // Gone once the upstream has the call.
    for (
      let i = 0;
      i < 40 && !upstream.seen.some((h) => h['x-padu-request-id'] === 'pergi-sebelum-jawaban');
      i++
    )
      await new Promise((r) => setTimeout(r, 25));
    request.destroy();
    for (
      let i = 0;
      i < 20 && (await statusOf('request_id', 'pergi-sebelum-jawaban')).length === 0;
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    expect(await statusOf('request_id', 'pergi-sebelum-jawaban')).toEqual([499]);
  });

  it('fails closed with 503 when the log cannot be written, and cuts a started answer with a reset', async () => {
    const { pool } = server.database.handle;
    // Every insert into the log now fails (the constraint is checked on new rows only).
    await pool.query(
      'alter table exchange_log add constraint test_log_broken check (leaf_index < 0) not valid',
    );
    try {
      const refused = await open('/penduduk/tanpa-log');
      expect(refused.status).toBe(503);
      const { error } = (await refused.json()) as { error: { code: string; requestId: string } };
      expect(error.code).toBe('LOG_UNAVAILABLE');
      expect(error.requestId).toBe(refused.headers.get('x-padu-request-id'));

      // An HTTP/1.0 client reads to the connection's end: the first rows reach it before the log
      // fails, and the end it then sees must be a reset, not a clean close.
      const { port } = new URL(server.url);
      const outcome = await new Promise<{ received: string; ending: string }>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1', () =>
          socket.write(`GET ${openPath}/rows HTTP/1.0\r\nAuthorization: Bearer ${token}\r\n\r\n`),
        );
        let received = '';
        let ending = 'close';
        socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
        socket.on('end', () => (ending = 'end'));
        socket.on('error', (e: NodeJS.ErrnoException) => (ending = e.code ?? 'error'));
        socket.on('close', () => resolve({ received, ending }));
      });
      expect(outcome.received).toContain('nik,nama');
      expect(outcome.received).not.toContain('Budi');
      expect(outcome.ending).toBe('ECONNRESET');
    } finally {
      await pool.query('alter table exchange_log drop constraint test_log_broken');
    }
    expect((await open('/penduduk/dengan-log')).status).toBe(200);
  });

  it('drops the headers named by every Connection line, not only the first', async () => {
    const answer = await rawExchange(
      `GET ${openPath}/penduduk/hop HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
        'Connection: x-first-hop\r\nConnection: x-second-hop, close\r\n' +
        'X-First-Hop: a\r\nX-Second-Hop: b\r\nX-End-To-End: c\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    const seen = upstream.seen.at(-1);
    expect(seen?.['x-end-to-end']).toBe('c');
    expect(seen?.['x-first-hop']).toBeUndefined();
    expect(seen?.['x-second-hop']).toBeUndefined();
  });

  it('refuses a purpose or a subject sent twice rather than joining them', async () => {
    const answer = await rawExchange(
      `GET ${openPath}/penduduk HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
        'X-Padu-Subject: 3404014101900001\r\nX-Padu-Subject: 3404014101900002\r\nConnection: close\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toContain('x-padu-subject was sent 2 times');
  });
});

describe('gateway with one connection to its upstream', () => {
  it('neither sends nor logs a call whose client left while it waited for a connection', async () => {
    const { exchange } = server.database.services;
    const provider = (await exchange.listSystems('34.04'))[0];
    const consumer = (await exchange.listSystems('P.KEMENKES'))[0];
    // An upstream that holds /tahan until told to answer, and answers anything else at once.
    const seen: string[] = [];
    let release: () => void = () => undefined;
    const holding = net.createServer((socket) => {
      let buffered = '';
      socket.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('latin1');
        let end: number;
        while ((end = buffered.indexOf('\r\n\r\n')) !== -1) {
          const requestLine = buffered.slice(0, buffered.indexOf('\r\n'));
          buffered = buffered.slice(end + 4);
          seen.push(requestLine);
          const answer = () => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
          if (requestLine.includes('/tahan')) release = answer;
          else answer();
        }
      });
    });
    await new Promise<void>((resolve) => holding.listen(0, '127.0.0.1', resolve));
    const { service, path } = await exchange.addService(
      {
        systemId: provider?.id ?? 0,
        name: 'Satu Sambungan',
        upstreamUrl: `http://127.0.0.1:${(holding.address() as AddressInfo).port}/`,
      },
      'test',
    );
    await exchange.addGrant(
      { serviceId: service.id, consumerSystemId: consumer?.id ?? 0, status: 'granted' },
      'test',
    );
    const gateway = createGateway(exchange, exchange.log, {
      ...DEFAULT_GATEWAY_OPTIONS,
      upstreamConnections: 1,
    });
    let ids = 0;
    const front = http.createServer((req, res) => gateway.handle(req, res, `antri-${(ids += 1)}`));
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const call = (rest: string) =>
      http.get(`http://127.0.0.1:${(front.address() as AddressInfo).port}${path}${rest}`, {
        headers: { authorization: `Bearer ${token}` },
        agent: false,
      });
    /** The status of a call's answer, once it has been read to its end. */
    const statusOf = (request: http.ClientRequest) =>
      new Promise<number>((resolve) =>
        request.on('response', (r) => {
          r.resume();
          r.on('end', () => resolve(r.statusCode ?? 0));
        }),
      );
    try {
      // The first call takes the one connection and is held there.
      const firstAnswer = statusOf(call('/tahan'));
      await expect.poll(() => seen.length).toBe(1);
      // The second waits for it in the queue, and its client gives up.
      const second = call('/antre');
      second.on('error', () => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
      second.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      // The connection comes free: the second is not sent on it, and a third is.
      release();
      expect(await firstAnswer).toBe(200);
      expect(await statusOf(call('/ketiga'))).toBe(200);
      expect(seen.map((line) => line.split(' ')[1])).toEqual(['/tahan', '/ketiga']);
      const { rows } = await server.database.handle.pool.query<{ request_id: string }>(
        `select request_id from exchange_log where request_id like 'antri-%' order by leaf_index`,
      );
      expect(rows.map((r) => r.request_id)).toEqual(['antri-1', 'antri-3']);
    } finally {
      await gateway.close();
      await new Promise((resolve) => front.close(resolve));
      await new Promise((resolve) => holding.close(resolve));
    }
  });
});
