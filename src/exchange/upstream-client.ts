import net from 'node:net';
import type { Readable } from 'node:stream';
import tls from 'node:tls';

/**
 * The gateway's HTTP/1.1 client to upstreams: keep-alive connections per origin, the request head
 * written in one piece, and the response read by a small parser of its own (status line, header
 * fields, then the body framed as RFC 9112 §6.3 says: none for HEAD, 1xx, 204 and 304; chunked
 * transfer coding; Content-Length; or the connection's end). It does only what the gateway needs,
 * and takes about half the CPU per call of undici's Pool here: see
 * docs/decisions/0008-gateway-data-plane.md.
 *
 * What it refuses (a protocol error, the connection closed): a malformed status line or header
 * field, folded header lines, differing Content-Length values, both Transfer-Encoding and
 * Content-Length, a chunk size that is not hex, a head or chunk line larger than the limits, a 101
 * Switching Protocols, a reset before the end of an answer framed by the connection's end. A connection is used again only
 * after a complete HTTP/1.1 response without "Connection: close", with the request body fully sent
 * and nothing after the response.
 */

export type UpstreamFailure =
  'connect' | 'headers-timeout' | 'body-timeout' | 'protocol' | 'closed' | 'aborted';

/** Methods that are sent again after a kept-alive connection closed before any answer. */
const RETRYABLE = new Set(['GET', 'HEAD', 'OPTIONS']);

export class UpstreamError extends Error {
  constructor(
    readonly failure: UpstreamFailure,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface UpstreamRequest {
  method: string;
  /** The path and query to send, as the request line carries them. */
  path: string;
  /** Header fields to send (names lower-case); Host is the pool's. */
  headers: Record<string, string | string[]>;
  /** The request body, streamed (chunked unless headers give its Content-Length), or null. */
  body: Readable | null;
}

export interface UpstreamHandler {
  /** Called first; abort() cuts the call (the client went away): onError follows. */
  onConnect(abort: () => void): void;
  /** The final status and header fields, flat [name, value, …] with names lower-case. */
  onHeaders(status: number, headers: string[], resume: () => void): void;
  /** A piece of the body; false pauses reading until resume() is called. */
  onData(chunk: Buffer): boolean;
  onComplete(): void;
  /** The call failed; nothing more is called. */
  onError(error: Error): void;
}

export interface UpstreamPoolOptions {
  /** Most connections open to the origin at once; further calls wait for one. */
  connections: number;
  /** How long the upstream may take to send its response head (ms). */
  headersTimeoutMs: number;
  /** How long the response body may pause (ms). */
  bodyTimeoutMs: number;
  /** An idle connection is closed after this long (ms): under the 5 s servers usually keep them. */
  idleTimeoutMs?: number;
  /** Largest response head, and largest chunk-size or trailer section (bytes). */
  maxHeadBytes?: number;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?: [^\r\n]*)?$/;
const DIGITS = /^\d+$/;
const HEX = /^[0-9A-Fa-f]+$/;
/** Bytes a request target may not hold. */
const FORBIDDEN = /[\r\n\0]/;
/** Bytes a header field value may not hold: controls other than HTAB (RFC 9110 §5.5). */
const BAD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
const CRLF_CRLF = Buffer.from('\r\n\r\n', 'latin1');

type State =
  | 'head'
  | 'length'
  | 'until-close'
  | 'chunk-size'
  | 'chunk-data'
  | 'chunk-end'
  | 'trailers'
  | 'done';

/** One request and its response on a connection. */
class Call {
  state: State = 'head';
  /** Bytes of a head (or chunk line) not yet complete. */
  private partial: Buffer | null = null;
  private line = '';
  private trailerBytes = 0;
  private remaining = 0;
  private chunkEndLeft = 0;
  private keepAlive = false;
  private headRequest: boolean;
  /** Whether the request body has been sent in full. */
  private sent: boolean;
  /** Whether any response byte arrived. */
  received = false;
  /** Whether reading is paused until the gateway's client takes more. */
  private paused = false;
  private timer: NodeJS.Timeout;

  constructor(
    readonly connection: Connection,
    readonly request: UpstreamRequest,
    readonly handler: UpstreamHandler,
    readonly retried: boolean,
  ) {
    this.headRequest = request.method === 'HEAD';
    this.sent = request.body === null;
    const options = connection.pool.options;
    this.timer = setTimeout(
      () =>
        this.fail(
          new UpstreamError(
            'headers-timeout',
            `no response head within ${options.headersTimeoutMs} ms`,
          ),
        ),
      options.headersTimeoutMs,
    );
  }

  start(): void {
    const { request, connection } = this;
    this.handler.onConnect(() => this.fail(new UpstreamError('aborted', 'the call was aborted')));
    if (this.state === 'done') return;
    if (FORBIDDEN.test(request.path) || request.path.includes(' ')) {
      this.fail(new UpstreamError('protocol', 'the request target holds a space, CR, LF or NUL'));
      return;
    }
    const body = request.body;
    const chunked = body !== null && request.headers['content-length'] === undefined;
    let head = `${request.method} ${request.path} HTTP/1.1\r\nhost: ${connection.pool.hostHeader}\r\n`;
    for (const name in request.headers) {
      const value = request.headers[name];
      if (Array.isArray(value)) for (const v of value) head += `${name}: ${v}\r\n`;
      else head += `${name}: ${value}\r\n`;
    }
    head += chunked ? 'transfer-encoding: chunked\r\n\r\n' : '\r\n';
    const socket = connection.socket;
    socket.write(head, 'latin1');
    if (body === null) return;
    const onData = (chunk: Buffer) => {
      if (this.state === 'done') return;
      // The wait for the answer's head counts from the last byte sent: a slow upload is the
      // client's, not the upstream's.
      if (!this.received) this.timer.refresh();
      // A chunk's size line, data and CRLF leave in one write.
      socket.cork();
      if (chunked) socket.write(`${chunk.length.toString(16)}\r\n`, 'latin1');
      const flushed = socket.write(chunk);
      if (chunked) socket.write('\r\n', 'latin1');
      socket.uncork();
      if (!flushed) {
        body.pause();
        socket.once('drain', () => body.resume());
      }
    };
    const onEnd = () => {
      if (this.state === 'done') return;
      if (chunked) socket.write('0\r\n\r\n', 'latin1');
      this.sent = true;
      if (!this.received) this.timer.refresh();
    };
    const onError = (error: Error) => this.fail(error);
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
    this.detachBody = () => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
    };
  }

  private detachBody: () => void = () => undefined;

  /** Bytes from the upstream. */
  receive(data: Buffer): void {
    this.received = true;
    let at = 0;
    while (at < data.length) {
      switch (this.state) {
        case 'head': {
          if (this.partial !== null) {
            data = Buffer.concat([this.partial, data.subarray(at)]);
            at = 0;
            this.partial = null;
          }
          const end = data.indexOf(CRLF_CRLF, at);
          if (end === -1) {
            if (data.length - at > this.connection.pool.maxHeadBytes) {
              this.fail(new UpstreamError('protocol', 'the response head is too large'));
              return;
            }
            this.partial = data.subarray(at);
            return;
          }
          if (end - at > this.connection.pool.maxHeadBytes) {
            this.fail(new UpstreamError('protocol', 'the response head is too large'));
            return;
          }
          const head = data.toString('latin1', at, end);
          at = end + 4;
          const next = this.readHead(head);
          if (next === 'ended') return;
          if (next === 'complete') {
            this.finish(at < data.length);
            return;
          }
          break;
        }
        case 'length':
        case 'chunk-data': {
          const n = Math.min(this.remaining, data.length - at);
          this.remaining -= n;
          const piece = data.subarray(at, at + n);
          at += n;
          if (this.state === 'length' && this.remaining === 0) {
            this.emit(piece);
            this.finish(at < data.length);
            return;
          }
          if (this.remaining === 0) {
            this.state = 'chunk-end';
            this.chunkEndLeft = 2;
          }
          this.emit(piece);
          break;
        }
        case 'until-close':
          this.emit(data.subarray(at));
          return;
        case 'chunk-end': {
          // The CRLF after a chunk's data, possibly split between reads.
          const expected = this.chunkEndLeft === 2 ? 13 : 10;
          if (data[at] !== expected) {
            this.fail(new UpstreamError('protocol', 'a chunk does not end with CRLF'));
            return;
          }
          at += 1;
          this.chunkEndLeft -= 1;
          if (this.chunkEndLeft === 0) this.state = 'chunk-size';
          break;
        }
        case 'chunk-size':
        case 'trailers': {
          const newline = data.indexOf(10, at);
          const limit = this.connection.pool.maxHeadBytes;
          if (newline === -1) {
            this.line += data.toString('latin1', at, data.length);
            this.trailerBytes += data.length - at;
            if (this.line.length > limit || this.trailerBytes > limit) {
              this.fail(
                new UpstreamError('protocol', 'a chunk line or the trailers are too large'),
              );
              return;
            }
            return;
          }
          this.trailerBytes += newline + 1 - at;
          let line = this.line + data.toString('latin1', at, newline);
          this.line = '';
          at = newline + 1;
          if (line.endsWith('\r')) line = line.slice(0, -1);
          if (this.trailerBytes > limit) {
            this.fail(new UpstreamError('protocol', 'a chunk line or the trailers are too large'));
            return;
          }
          if (this.state === 'trailers') {
            // Trailer fields are not passed on; an empty line ends the message.
            if (line === '') {
              this.finish(at < data.length);
              return;
            }
            break;
          }
          this.trailerBytes = 0;
          const semicolon = line.indexOf(';');
          const size = (semicolon === -1 ? line : line.slice(0, semicolon)).trim();
          if (!HEX.test(size) || size.length > 12) {
            this.fail(new UpstreamError('protocol', `the chunk size "${size}" is not hexadecimal`));
            return;
          }
          this.remaining = parseInt(size, 16);
          this.state = this.remaining === 0 ? 'trailers' : 'chunk-data';
          break;
        }
        case 'done':
          // Bytes after a complete response: the connection is not used again.
          this.connection.socket.destroy();
          return;
      }
    }
  }

  /**
   * Reads a response head: 'interim' (a 1xx; the final head follows), 'body' (read it next),
   * 'complete' (a response without a body) or 'ended' (the call failed or was aborted).
   */
  private readHead(head: string): 'interim' | 'body' | 'complete' | 'ended' {
    const lines = head.split('\r\n');
    const match = STATUS_LINE.exec(lines[0] ?? '');
    if (match === null) {
      this.fail(
        new UpstreamError('protocol', 'the response does not start with an HTTP/1.x status line'),
      );
      return 'ended';
    }
    const status = Number(match[2]);
    const fields: string[] = [];
    let length: string | undefined;
    let transferEncoding: string | undefined;
    let lengthPassed = false;
    let close = match[1] === '0';
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const colon = line.indexOf(':');
      const name = colon > 0 ? line.slice(0, colon).toLowerCase() : '';
      if (!TOKEN.test(name) || BAD_VALUE.test(line)) {
        this.fail(
          new UpstreamError('protocol', `the header line "${line.slice(0, 80)}" is malformed`),
        );
        return 'ended';
      }
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') {
        for (const part of value.split(',')) {
          const v = part.trim();
          if (!DIGITS.test(v) || (length !== undefined && length !== v)) {
            this.fail(
              new UpstreamError('protocol', `the Content-Length "${value}" is not one number`),
            );
            return 'ended';
          }
          length = v;
        }
        // Passed on once, as one number: "5, 5" or two equal lines are refused by HTTP clients.
        if (!lengthPassed) fields.push('content-length', length ?? value);
        lengthPassed = true;
        continue;
      } else if (name === 'transfer-encoding')
        transferEncoding = transferEncoding === undefined ? value : `${transferEncoding}, ${value}`;
      else if (name === 'connection' && /(?:^|,)\s*close\s*(?:,|$)/i.test(value)) close = true;
      else if (name === 'keep-alive') this.connection.keepAliveHint(value);
      fields.push(name, value);
    }
    if (status < 200) {
      if (status === 101) {
        this.fail(new UpstreamError('protocol', 'the upstream switched protocols'));
        return 'ended';
      }
      // An interim answer (100 Continue, 103 Early Hints): the final one follows.
      return 'interim';
    }
    // Both framings in one answer: which one the upstream meant cannot be known, and whatever is
    // passed on would frame the body differently for someone (RFC 9112 §6.1 allows refusing it).
    const bodyless = this.headRequest || status === 204 || status === 304;
    if (transferEncoding !== undefined && length !== undefined && !bodyless) {
      this.fail(
        new UpstreamError('protocol', 'the response has both Transfer-Encoding and Content-Length'),
      );
      return 'ended';
    }
    clearTimeout(this.timer);
    this.keepAlive = !close;
    // While the gateway's client is slow to read, the socket is paused and the body's time-out
    // with it: that stall is the client's, not the upstream's.
    const resume = () => {
      if (this.paused && this.state !== 'done') {
        clearTimeout(this.timer);
        this.armBodyTimer();
      }
      this.paused = false;
      this.connection.socket.resume();
    };
    this.handler.onHeaders(status, fields, resume);
    if (this.state === 'done') return 'ended';
    if (bodyless) return 'complete';
    if (transferEncoding !== undefined) {
      const codings = transferEncoding.toLowerCase().split(',');
      if (codings[codings.length - 1]?.trim() === 'chunked') this.state = 'chunk-size';
      else {
        this.state = 'until-close';
        this.keepAlive = false;
      }
    } else if (length !== undefined) {
      this.remaining = Number(length);
      if (this.remaining === 0) return 'complete';
      this.state = 'length';
    } else {
      this.state = 'until-close';
      this.keepAlive = false;
    }
    this.armBodyTimer();
    return 'body';
  }

  private armBodyTimer(): void {
    const ms = this.connection.pool.options.bodyTimeoutMs;
    this.timer = setTimeout(
      () => this.fail(new UpstreamError('body-timeout', `the response body paused for ${ms} ms`)),
      ms,
    );
  }

  private emit(piece: Buffer): void {
    if (piece.length === 0) return;
    if (!this.paused) this.timer.refresh();
    if (!this.handler.onData(piece) && this.state !== 'done') {
      this.connection.socket.pause();
      clearTimeout(this.timer);
      this.paused = true;
    }
  }

  /** The response is complete; `extra` when more bytes followed it. */
  private finish(extra: boolean): void {
    if (this.state === 'done') return;
    this.state = 'done';
    clearTimeout(this.timer);
    this.detachBody();
    const reusable = this.keepAlive && this.sent && !extra;
    this.connection.release(reusable);
    this.handler.onComplete();
  }

  fail(error: Error): void {
    if (this.state === 'done') return;
    this.state = 'done';
    clearTimeout(this.timer);
    this.detachBody();
    this.connection.release(false);
    this.handler.onError(error);
  }

  /** The connection closed under this call. */
  closed(error: (Error & { code?: string }) | undefined, connected: boolean): void {
    // An answer framed by the connection's end is complete only if the upstream ended it, not
    // if the connection was reset under it.
    if (this.state === 'until-close' && error === undefined) {
      this.finish(false);
      return;
    }
    if (this.state === 'done') return;
    // A kept-alive connection the upstream had just closed: a GET, HEAD or OPTIONS call that sent
    // no body and got no answer yet goes again on a new connection, once. Other methods are not
    // sent twice: the upstream may have acted on the first before the connection dropped.
    if (
      !this.received &&
      this.connection.reused &&
      !this.retried &&
      this.request.body === null &&
      RETRYABLE.has(this.request.method) &&
      connected
    ) {
      this.state = 'done';
      clearTimeout(this.timer);
      this.connection.release(false);
      this.connection.pool.dispatch(this.request, this.handler, true);
      return;
    }
    const code = error?.code;
    this.fail(
      connected
        ? new UpstreamError('closed', `the upstream closed the connection (${code ?? 'EOF'})`, code)
        : new UpstreamError('connect', error?.message ?? 'cannot connect', code),
    );
  }
}

class Connection {
  readonly socket: net.Socket;
  call: Call | null = null;
  /** Calls completed on it; a reused connection may have been closed by the upstream meanwhile. */
  private completed = 0;
  reused = false;
  private connected = false;
  private error: (Error & { code?: string }) | undefined;
  idleSince = 0;
  /** When the upstream said it would close it (Keep-Alive: timeout=N), in ms since the epoch. */
  expires = Infinity;

  constructor(readonly pool: UpstreamPool) {
    const { hostname, port, secure } = pool;
    this.socket = secure
      ? tls.connect({ host: hostname, port, servername: net.isIP(hostname) ? undefined : hostname })
      : net.connect({ host: hostname, port });
    this.socket.setNoDelay(true);
    this.socket.once(secure ? 'secureConnect' : 'connect', () => (this.connected = true));
    this.socket.on('data', (data: Buffer) => {
      if (this.call === null) this.socket.destroy();
      else this.call.receive(data);
    });
    this.socket.on('error', (error) => (this.error = error));
    this.socket.on('close', () => {
      this.pool.forget(this);
      const call = this.call;
      this.call = null;
      call?.closed(this.error, this.connected);
    });
  }

  run(request: UpstreamRequest, handler: UpstreamHandler, retried: boolean): void {
    this.reused = this.completed > 0;
    const call = new Call(this, request, handler, retried);
    this.call = call;
    call.start();
  }

  keepAliveHint(value: string): void {
    const timeout = /timeout\s*=\s*(\d+)/i.exec(value);
    if (timeout !== null) this.expires = Date.now() + Number(timeout[1]) * 1000 - 1000;
  }

  /** The current call ended; the connection goes back to the pool or is closed. */
  release(reusable: boolean): void {
    this.call = null;
    this.completed += 1;
    if (reusable && !this.socket.destroyed) {
      this.socket.resume();
      this.pool.idle(this);
    } else this.socket.destroy();
  }
}

/** Keep-alive connections to one origin (http: or https:). */
export class UpstreamPool {
  readonly hostname: string;
  readonly port: number;
  readonly secure: boolean;
  readonly hostHeader: string;
  readonly maxHeadBytes: number;
  private readonly idleConnections: Connection[] = [];
  private readonly waiting: (() => void)[] = [];
  private open = new Set<Connection>();
  private readonly sweeper: NodeJS.Timeout;
  private closing = false;

  constructor(
    origin: string,
    readonly options: UpstreamPoolOptions,
  ) {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`an upstream must be http: or https:, not ${url.protocol}`);
    this.secure = url.protocol === 'https:';
    this.hostname = url.hostname.replace(/^\[|\]$/g, '');
    this.port = Number(url.port || (this.secure ? 443 : 80));
    this.hostHeader = url.host;
    this.maxHeadBytes = options.maxHeadBytes ?? 64 * 1024;
    const idleMs = options.idleTimeoutMs ?? 4_000;
    this.sweeper = setInterval(() => {
      const now = Date.now();
      for (const c of [...this.idleConnections])
        if (now - c.idleSince > idleMs || now > c.expires) c.socket.destroy();
    }, 1_000);
    this.sweeper.unref();
  }

  dispatch(request: UpstreamRequest, handler: UpstreamHandler, retried = false): void {
    if (this.closing) {
      handler.onError(new UpstreamError('aborted', 'the gateway is closing'));
      return;
    }
    const now = Date.now();
    let connection = this.idleConnections.pop();
    while (connection !== undefined && (connection.socket.destroyed || now > connection.expires)) {
      connection.socket.destroy();
      connection = this.idleConnections.pop();
    }
    if (connection === undefined && (retried || this.open.size < this.options.connections)) {
      connection = new Connection(this);
      this.open.add(connection);
    }
    if (connection === undefined) {
      this.waiting.push(() => this.dispatch(request, handler, retried));
      return;
    }
    connection.run(request, handler, retried);
  }

  /** A connection free for the next call. */
  idle(connection: Connection): void {
    const next = this.waiting.shift();
    connection.idleSince = Date.now();
    this.idleConnections.push(connection);
    next?.();
  }

  /** A connection closed. */
  forget(connection: Connection): void {
    this.open.delete(connection);
    const at = this.idleConnections.indexOf(connection);
    if (at !== -1) this.idleConnections.splice(at, 1);
    const next = this.waiting.shift();
    next?.();
  }

  /** Closes every connection; calls under way fail. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.sweeper);
    for (const waiting of this.waiting.splice(0)) waiting();
    const closed = [...this.open].map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.socket.destroyed) resolve();
          else c.socket.once('close', () => resolve());
        }),
    );
    for (const c of this.open) c.socket.destroy();
    await Promise.all(closed);
  }
}
