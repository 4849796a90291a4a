import http from 'node:http';
import net from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  UpstreamError,
  UpstreamPool,
  type UpstreamPoolOptions,
  type UpstreamRequest,
} from './upstream-client.ts';

/**
 * The gateway's upstream client against raw TCP servers that answer byte for byte what each case
 * needs (split heads, chunked bodies with extensions and trailers, interim answers, malformed
 * answers, connections closed under a call), and against Node's HTTP server for request bodies.
 */

interface RawServer {
  origin: string;
  /** Connections accepted so far. */
  connections: () => number;
  close: () => Promise<void>;
}

/** A TCP server; `onRequest` gets each request head (up to the blank line) and its socket. */
function rawServer(onRequest: (head: string, socket: net.Socket, n: number) => void) {
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = '';
    let n = 0;
    socket.on('data', (data) => {
      buffered += data.toString('latin1');
      let end = buffered.indexOf('\r\n\r\n');
      while (end !== -1) {
        const head = buffered.slice(0, end);
        buffered = buffered.slice(end + 4);
        n += 1;
        onRequest(head, socket, n);
        end = buffered.indexOf('\r\n\r\n');
      }
    });
  });
  return new Promise<RawServer>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
        connections: () => accepted,
        close: () =>
          new Promise((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      }),
    ),
  );
}

/** Writes pieces one after another, each in its own packet. */
async function writeSlowly(socket: net.Socket, pieces: string[]): Promise<void> {
  for (const piece of pieces) {
    socket.write(piece, 'latin1');
    await new Promise((r) => setTimeout(r, 5));
  }
}

interface Answer {
  status: number;
  headers: string[];
  body: string;
}

const pools: UpstreamPool[] = [];
const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function poolFor(origin: string, options: Partial<UpstreamPoolOptions> = {}): UpstreamPool {
  const pool = new UpstreamPool(origin, {
    connections: 8,
    headersTimeoutMs: 1_000,
    bodyTimeoutMs: 1_000,
    ...options,
  });
  pools.push(pool);
  return pool;
}

function call(pool: UpstreamPool, request: Partial<UpstreamRequest> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let status = 0;
    let headers: string[] = [];
    const chunks: Buffer[] = [];
    pool.dispatch(
      { method: 'GET', path: '/data', headers: {}, body: null, ...request },
      {
        onConnect() {},
        onHeaders(s, h) {
          status = s;
          headers = h;
        },
        onData(chunk) {
          chunks.push(Buffer.from(chunk));
          return true;
        },
        onComplete() {
          resolve({ status, headers, body: Buffer.concat(chunks).toString('latin1') });
        },
        onError: reject,
      },
    );
  });
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('upstream client', () => {
  it('reads a Content-Length body split over many packets, and keeps the connection', async () => {
    const server = await rawServer((_head, socket) => {
      void writeSlowly(socket, [
        'HTTP/1.1 200 OK\r\nContent-Le',
        'ngth: 11\r\nX-A: 1\r\n',
        '\r\nhello',
        ' world',
      ]);
    });
    servers.push(server);
    const pool = poolFor(server.origin);
    const first = await call(pool);
    expect(first).toEqual({
      status: 200,
      headers: ['content-length', '11', 'x-a', '1'],
      body: 'hello world',
    });
    const second = await call(pool);
    expect(second.body).toBe('hello world');
    expect(server.connections()).toBe(1);
  });

  it('decodes chunked bodies with extensions and trailers, whatever the packet boundaries', async () => {
    const message =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' +
      '5;name=value\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: yes\r\n\r\n';
    const server = await rawServer((_head, socket, n) => {
      // The first answer one byte at a time; the second in one piece.
      if (n === 1) void writeSlowly(socket, [...message]);
      else socket.write(message, 'latin1');
    });
    servers.push(server);
    const pool = poolFor(server.origin);
    expect((await call(pool)).body).toBe('hello 0123456789');
    expect((await call(pool)).body).toBe('hello 0123456789');
    expect(server.connections()).toBe(1);
  });

  it('reads to the end of the connection when no length is given, and then opens a new one', async () => {
    const server = await rawServer((_head, socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end', 'latin1');
    });
    servers.push(server);
    const pool = poolFor(server.origin);
    expect((await call(pool)).body).toBe('until the end');
    expect((await call(pool)).body).toBe('until the end');
    expect(server.connections()).toBe(2);
  });

  it('expects no body after HEAD, 204 or 304, and skips interim 1xx answers', async () => {
    const server = await rawServer((head, socket) => {
      if (head.startsWith('HEAD')) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n');
      else if (head.includes('/none')) socket.write('HTTP/1.1 204 No Content\r\n\r\n');
      else if (head.includes('/same'))
        socket.write('HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n');
      else
        socket.write(
          'HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok',
        );
    });
    servers.push(server);
    const pool = poolFor(server.origin);
    expect(await call(pool, { method: 'HEAD' })).toMatchObject({ status: 200, body: '' });
    expect(await call(pool, { path: '/none' })).toMatchObject({ status: 204, body: '' });
    expect(await call(pool, { path: '/same' })).toMatchObject({ status: 304, body: '' });
    expect(await call(pool)).toMatchObject({
      status: 201,
      body: 'ok',
      headers: ['content-length', '2'],
    });
    expect(server.connections()).toBe(1);
  });

  it('refuses malformed answers as protocol errors', async () => {
    const answers: Record<string, string> = {
      '/status': 'HTTP/2 200 OK\r\n\r\n',
      '/fold': 'HTTP/1.1 200 OK\r\nX-A: 1\r\n  folded\r\nContent-Length: 0\r\n\r\n',
      '/lengths': 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!',
      '/chunk': 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n',
      '/crlf': 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhello\r\n0\r\n\r\n',
      '/switch': 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n',
      '/control': 'HTTP/1.1 200 OK\r\nX-A: a\x01b\r\nContent-Length: 0\r\n\r\n',
      '/code': 'HTTP/1.1 099 Odd\r\nContent-Length: 0\r\n\r\n',
      '/huge': `HTTP/1.1 200 OK\r\nX-Big: ${'x'.repeat(70_000)}\r\n\r\n`,
      // Two framings: whichever is passed on would frame the body wrongly for someone.
      '/both':
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 100\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
    };
    const server = await rawServer((head, socket) => {
      const path = head.split(' ')[1] ?? '';
      socket.write(answers[path] ?? '', 'latin1');
    });
    servers.push(server);
    const pool = poolFor(server.origin);
    for (const path of Object.keys(answers)) {
      const error = await failure(call(pool, { path }));
      expect(error.failure, path).toBe('protocol');
    }
  });

  it('sends a GET again on a new connection when the upstream closed the kept-alive one', async () => {
    const server = await rawServer((_head, socket, n) => {
      // The second request on each connection finds it closed, as after a keep-alive time-out.
      if (n === 1) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      else socket.destroy();
    });
    servers.push(server);
    const pool = poolFor(server.origin);
    expect((await call(pool)).body).toBe('ok');
    expect((await call(pool)).body).toBe('ok');
    expect(server.connections()).toBe(2);
    // A call with a body is not sent twice.
    const error = await failure(
      call(pool, { method: 'POST', body: Readable.from([Buffer.from('x')]) }),
    );
    expect(error.failure).toBe('closed');
  });

  it('never sends a POST, PUT, PATCH or DELETE twice, even without a body', async () => {
    const seen: string[] = [];
    const server = await rawServer((head, socket, n) => {
      seen.push(head.split('\r\n')[0] ?? '');
      if (n === 1) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      else socket.destroy();
    });
    servers.push(server);
    const pool = poolFor(server.origin, { connections: 1 });
    expect((await call(pool)).body).toBe('ok');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      // Each goes on the connection kept from the call before, which the upstream then drops.
      const error = await failure(call(pool, { method, path: `/act-${method}` }));
      expect(error.failure, method).toBe('closed');
      expect((await call(pool)).body).toBe('ok');
    }
    expect(seen.filter((line) => line.startsWith('POST'))).toEqual(['POST /act-POST HTTP/1.1']);
    expect(seen.filter((line) => line.startsWith('DELETE'))).toEqual([
      'DELETE /act-DELETE HTTP/1.1',
    ]);
  });

  it('passes on one Content-Length however the upstream repeats it', async () => {
    const server = await rawServer((_head, socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\nContent-Length: 5\r\n\r\nhello');
    });
    servers.push(server);
    const answer = await call(poolFor(server.origin));
    expect(answer).toEqual({ status: 200, headers: ['content-length', '5'], body: 'hello' });
  });

  it('reports an answer framed by the connection as broken when the connection is reset', async () => {
    const server = await rawServer((_head, socket) => {
      socket.write('HTTP/1.1 200 OK\r\n\r\n[{"nik":"1"},', 'latin1');
      // A reset, not a FIN, once the first part has arrived.
      setTimeout(() => socket.resetAndDestroy(), 50);
    });
    servers.push(server);
    const error = await failure(call(poolFor(server.origin)));
    expect(error.failure).toBe('closed');
  });

  it('counts the wait for an answer from the last byte sent, and not while the reader is slow', async () => {
    const server = await rawServer((head, socket) => {
      if (head.includes('/upload')) {
        // Answers once the whole body (5 chunks, one every 60 ms) is in.
        let body = '';
        socket.on('data', (d: Buffer) => {
          body += d.toString('latin1');
          if (body.endsWith('0\r\n\r\n'))
            socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
        });
      } else if (head.startsWith('GET /read')) {
        socket.write(`HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\na`);
        setTimeout(() => socket.write('bcdef'), 50);
      }
    });
    servers.push(server);
    const pool = poolFor(server.origin, { headersTimeoutMs: 150, bodyTimeoutMs: 150 });
    // 300 ms of upload in all, never 150 ms without a byte: not a time-out.
    const body = Readable.from(
      (async function* () {
        for (let i = 0; i < 5; i++) {
          await new Promise((r) => setTimeout(r, 60));
          yield Buffer.from(`part${i}`);
        }
      })(),
    );
    expect((await call(pool, { method: 'POST', path: '/upload', body })).body).toBe('ok');

    // A reader that takes 400 ms before it wants more: the upstream is not blamed for that.
    const slowReader = await new Promise<{ error: unknown; received: string }>((resolve) => {
      let received = '';
      let resumeLater: (() => void) | undefined;
      pool.dispatch(
        { method: 'GET', path: '/read', headers: {}, body: null },
        {
          onConnect() {},
          onHeaders(_status, _fields, resume) {
            resumeLater = resume;
          },
          onData(chunk) {
            received += chunk.toString();
            if (received.length > 1) return true;
            // The first byte: wait 400 ms before taking more.
            setTimeout(() => resumeLater?.(), 400);
            return false;
          },
          onComplete() {
            resolve({ error: undefined, received });
          },
          onError(error) {
            resolve({ error, received });
          },
        },
      );
    });
    expect(slowReader).toEqual({ error: undefined, received: 'abcdef' });
  });

  it('times out a slow head and a stalled body, and names a refused connection', async () => {
    const server = await rawServer((head, socket) => {
      if (head.includes('/stall')) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc');
      // /slow: never answers
    });
    servers.push(server);
    const pool = poolFor(server.origin, { headersTimeoutMs: 100, bodyTimeoutMs: 100 });
    expect((await failure(call(pool, { path: '/slow' }))).failure).toBe('headers-timeout');
    const stalled = new Promise<{ error: unknown; received: string }>((resolve) => {
      let received = '';
      pool.dispatch(
        { method: 'GET', path: '/stall', headers: {}, body: null },
        {
          onConnect() {},
          onHeaders() {},
          onData(chunk) {
            received += chunk.toString();
            return true;
          },
          onComplete() {
            resolve({ error: undefined, received });
          },
          onError(error) {
            resolve({ error, received });
          },
        },
      );
    });
    const { error, received } = await stalled;
    expect(received).toBe('abc');
    expect((error as UpstreamError).failure).toBe('body-timeout');

    const closed = net.createServer();
    const port = await new Promise<number>((resolve) =>
      closed.listen(0, '127.0.0.1', () => resolve((closed.address() as net.AddressInfo).port)),
    );
    await new Promise((r) => closed.close(r));
    const refused = await failure(call(poolFor(`http://127.0.0.1:${port}`)));
    expect(refused.failure).toBe('connect');
    expect(refused.code).toBe('ECONNREFUSED');
  });

  it('streams request bodies: chunked when their length is unknown, as they are otherwise', async () => {
    const seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        res.end('done');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push({ close: () => new Promise((r) => server.close(() => r())) });
    const pool = poolFor(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}`);
    const parts = ['{"nik":', '"3404014101900001"', '}'].map((p) => Buffer.from(p));
    expect(
      (
        await call(pool, {
          method: 'POST',
          headers: { 'x-padu-purpose': 'uji' },
          body: Readable.from(parts),
        })
      ).body,
    ).toBe('done');
    expect(
      (
        await call(pool, {
          method: 'PUT',
          headers: { 'content-length': '9' },
          body: Readable.from([Buffer.from('123'), Buffer.from('456789')]),
        })
      ).body,
    ).toBe('done');
    expect(seen[0]?.headers['transfer-encoding']).toBe('chunked');
    expect(seen[0]?.headers['x-padu-purpose']).toBe('uji');
    expect(seen[0]?.body).toBe('{"nik":"3404014101900001"}');
    expect(seen[1]?.headers['content-length']).toBe('9');
    expect(seen[1]?.headers['transfer-encoding']).toBeUndefined();
    expect(seen[1]?.body).toBe('123456789');
  });

  it('opens no more connections than allowed; the other calls wait their turn', async () => {
    const server = await rawServer((_head, socket) => {
      setTimeout(() => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'), 20);
    });
    servers.push(server);
    const pool = poolFor(server.origin, { connections: 2 });
    const answers = await Promise.all(Array.from({ length: 7 }, () => call(pool)));
    expect(answers.map((a) => a.body)).toEqual(Array(7).fill('ok'));
    expect(server.connections()).toBe(2);
  });

  it('does not use a connection again after bytes that follow a complete answer', async () => {
    const server = await rawServer((_head, socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA');
    });
    servers.push(server);
    const pool = poolFor(server.origin);
    expect((await call(pool)).body).toBe('ok');
    expect((await call(pool)).body).toBe('ok');
    expect(server.connections()).toBe(2);
  });
});
