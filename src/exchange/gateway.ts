import { createHash, type Hash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError, ERROR_CODES, type ErrorCode } from '../platform/http/errors.ts';
import type { GrantRow, ServiceRow } from './exchange.repository.ts';
import type { ExchangeService } from './exchange.service.ts';
import type { LogEntry } from './log-entry.ts';
import type { LogWriter } from './log-writer.ts';
import { LookupCache } from './lookup-cache.ts';
import { GatewayMetrics } from './metrics.ts';
import { UpstreamError, UpstreamPool } from './upstream-client.ts';

/**
 * The gateway: ANY /x/{agency}/{system}/{service}/{rest} with a Bearer access token. It checks the
 * token, the consumer's grant on the service and the grant's rate limit, forwards to the upstream
 * with the consumer's identity, and streams both bodies without buffering them. Every call that
 * reaches the upstream is logged, also one that ends in an error or whose client goes away (see
 * LogEntry.status); the last bytes of the response, or the error answer, are released only once
 * its log entry is committed, so a response a client received in full always has its entry. If
 * the log cannot be written the gateway refuses to forward (503). Paths are checked decoded: no
 * dot segments however written, no encoded "/" or "\\", and a grant's path prefixes cover whole
 * segments.
 *
 * It is the data plane, so it runs on the bare Node HTTP server rather than through Fastify's
 * routing and hooks (sessions, security headers for pages, body parsing), and forwards through a
 * keep-alive connection pool of its own per upstream (upstream-client.ts): see
 * docs/decisions/0008-gateway-data-plane.md.
 */

export interface GatewayOptions {
  /** Largest request body forwarded (bytes). */
  maxBodyBytes: number;
  /** How long the upstream may take to answer (to its response headers), in ms. */
  upstreamTimeoutMs: number;
  /** How long a grant looked up stays cached; revocations take effect within it (ms). */
  grantCacheMs: number;
  /** Most connections open to one upstream; further calls wait for one in a queue. */
  upstreamConnections: number;
}

export const DEFAULT_GATEWAY_OPTIONS: GatewayOptions = {
  maxBodyBytes: 10 * 1024 * 1024,
  upstreamTimeoutMs: 30_000,
  grantCacheMs: 500,
  upstreamConnections: 256,
};

/** Most entries a gateway cache holds before it starts afresh. */
const CACHE_ENTRIES = 10_000;

/** How long a node trusts a service's look-up (a new or changed service is seen within it). */
const SERVICE_CACHE_MS = 5_000;

/** The status logged for a call whose client went away before its answer ended (nginx's 499). */
const CLIENT_CLOSED = 499;

const withheld = () =>
  new AppError('LOG_UNAVAILABLE', 'The exchange log cannot be written; the answer is withheld.');

/** The path prefix the gateway serves. */
export const GATEWAY_PREFIX = '/x/';

/** Headers that belong to one hop, or that the gateway sets itself. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'host',
  'authorization',
]);

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const EMPTY_SHA256 = createHash('sha256').digest('hex');

/**
 * Counts and hashes what passes; optionally refuses more than a limit. Once its digest is taken it
 * lets nothing more through: a client may still be sending a body the call no longer wants.
 */
class Meter extends Transform {
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  private sealed: string | null = null;
  constructor(private readonly limit = Infinity) {
    super();
    // Whoever reads the body listens for its errors; after the call they must not bring the
    // process down.
    this.on('error', () => undefined);
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.sealed !== null) {
      done();
      return;
    }
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      done(
        new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${this.limit} bytes.`),
      );
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
  digest(): string {
    this.sealed ??= this.hash.digest('hex');
    return this.sealed;
  }
}

/** An error answer with headers of its own (Retry-After). */
class GatewayError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly headers: Record<string, string>,
  ) {
    super(code, message);
  }
}

class TokenBucket {
  private tokens: number;
  private last = Date.now();
  constructor(private readonly rate: number) {
    this.tokens = rate;
  }
  /** 0 if a call may go now, else the seconds to wait. */
  take(): number {
    const now = Date.now();
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.rate));
  }
}

/** Writes an error in Padu's one JSON shape, if nothing was sent yet (else cuts the answer). */
function writeError(
  res: ServerResponse,
  requestId: string,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.writableEnded) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code, message, requestId } });
  res.writeHead(ERROR_CODES[code], {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-padu-request-id': requestId,
    'x-request-id': requestId,
    ...headers,
  });
  res.end(body);
}

/** Headers a Connection header names: they belong to that hop only (RFC 9110 §7.6.1). */
function connectionListed(value: string | undefined): ReadonlySet<string> {
  if (value === undefined || value === '') return NO_NAMES;
  return new Set(value.split(',').map((name) => name.trim().toLowerCase()));
}
const NO_NAMES: ReadonlySet<string> = new Set();

/** A header's value, or null when absent; sent more than once, it is refused. */
function single(request: IncomingMessage, name: string): string | null {
  const values = request.headersDistinct[name];
  if (values === undefined) return null;
  if (values.length > 1)
    throw new AppError(
      'VALIDATION_FAILED',
      `${name} was sent ${values.length} times; send it once (one purpose, one subject per call).`,
    );
  return values[0] ?? null;
}

/** Each segment of a path below the service, decoded; null if one is not valid percent-encoding. */
function decodedSegments(segments: readonly string[]): string[] | null {
  try {
    return segments.map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

/**
 * A segment that an upstream could read as a step up or as more than one segment: ".", "..",
 * "..;x" (path parameters, as Tomcat reads them), an encoded "/" or "\\", a NUL, or a "%" escape
 * of one of those left after decoding (double encoding).
 */
function unsafeSegment(decoded: string): boolean {
  const name = decoded.split(';')[0] ?? '';
  return (
    name === '.' || name === '..' || /[/\\\0]/.test(decoded) || /%(?:2e|2f|5c|00)/i.test(decoded)
  );
}

/** Whether a path is the prefix or lies below it, segment by segment ("/a" covers "/a/b", not "/ab"). */
function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

export interface Gateway {
  /** Serves one request under GATEWAY_PREFIX on the bare HTTP server. */
  handle(request: IncomingMessage, response: ServerResponse, requestId: string): void;
  /** This node's metrics in the Prometheus text format. */
  metrics(): string;
  /** Closes the connections to the upstreams. */
  close(): Promise<void>;
}

export function createGateway(
  exchange: ExchangeService,
  log: LogWriter,
  options: GatewayOptions = DEFAULT_GATEWAY_OPTIONS,
): Gateway {
  const metrics = new GatewayMetrics();
  const grants = new LookupCache<GrantRow | undefined>(options.grantCacheMs, CACHE_ENTRIES);
  // A change made through this process takes effect here at once.
  exchange.onGrantChange((serviceId, consumer) => grants.delete(`${serviceId}:${consumer}`));
  const buckets = new Map<number, { rate: number; bucket: TokenBucket }>();
  // Paths that name no service are cached too (briefly).
  const services = new LookupCache<ServiceRow | undefined>(SERVICE_CACHE_MS, CACHE_ENTRIES);
  const pools = new Map<string, UpstreamPool>();

  /** Logs a finished call (and counts it); resolves once the entry is committed. */
  const logCall = async (entry: LogEntry): Promise<void> => {
    const started = performance.now();
    await log.append(entry);
    metrics.recordAppend((performance.now() - started) / 1000);
    metrics.record(
      `${entry.providerAgency}/${entry.providerSystem}/${entry.service}`,
      `${entry.consumerAgency}/${entry.consumerSystem}`,
      entry.status,
      entry.latencyMs / 1000,
    );
  };

  // A system's slug never changes: looked up once per node.
  const slugs = new LookupCache<string>(Infinity, CACHE_ENTRIES);
  const slugOf = (systemId: number) =>
    slugs.get(
      String(systemId),
      async () => (await exchange.findSystem(systemId))?.slug ?? String(systemId),
    );

  const serviceAt = (agency: string, system: string, name: string) =>
    services.get(`${agency}/${system}/${name}`, () =>
      exchange.findServiceByPath(agency, system, name),
    );

  const grantOf = (serviceId: number, consumer: number) =>
    grants.get(`${serviceId}:${consumer}`, () => exchange.liveGrant(serviceId, consumer));

  function rateWait(grant: GrantRow): number {
    let entry = buckets.get(grant.id);
    if (entry === undefined || entry.rate !== grant.rateLimit) {
      entry = { rate: grant.rateLimit, bucket: new TokenBucket(grant.rateLimit) };
      buckets.set(grant.id, entry);
    }
    return entry.bucket.take();
  }

  const upstreams = new Map<string, { origin: string; basePath: string }>();
  function upstreamOf(url: string) {
    let parsed = upstreams.get(url);
    if (parsed === undefined) {
      const target = new URL(url);
      parsed = { origin: target.origin, basePath: target.pathname.replace(/\/$/, '') };
      upstreams.set(url, parsed);
    }
    return parsed;
  }

  function poolFor(origin: string): UpstreamPool {
    let pool = pools.get(origin);
    if (pool === undefined) {
      pool = new UpstreamPool(origin, {
        connections: options.upstreamConnections,
        headersTimeoutMs: options.upstreamTimeoutMs,
        bodyTimeoutMs: options.upstreamTimeoutMs,
      });
      pools.set(origin, pool);
    }
    return pool;
  }

  /** Everything up to forwarding: who calls, which service, whether they may. */
  async function admit(request: IncomingMessage) {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    const query = queryAt === -1 ? '' : url.slice(queryAt);
    // /x/{agency}/{system}/{service}{rest}
    const parts = pathname.slice(GATEWAY_PREFIX.length).split('/');
    const [agency = '', system = '', serviceSlug = ''] = parts.map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
    if (agency === '' || system === '' || serviceSlug === '')
      throw new AppError(
        'NOT_FOUND',
        `Gateway paths are /x/{agency}/{system}/{service}/…; ${pathname} names no service.`,
      );
    const rest = `/${parts.slice(3).join('/')}`;
    // "/allowed/../secret" would pass a grant for /allowed and reach /secret upstream, or leave the
    // service's base path: dot segments, written or percent-encoded, with path parameters ("..;"),
    // encoded slashes and backslashes, NULs and double encodings of them are refused. What the
    // grant's prefixes are compared with is the decoded path; the upstream gets it as written.
    const segments = decodedSegments(parts.slice(3));
    if (segments === null)
      throw new AppError(
        'VALIDATION_FAILED',
        `The path ${rest} has a "%" that is not followed by two hex digits of UTF-8; encode it as %25.`,
      );
    if (parts.slice(3).some((p) => p.includes('\\')) || segments.some(unsafeSegment))
      throw new AppError(
        'VALIDATION_FAILED',
        `The path ${rest} has "." or ".." segments, an encoded "/" or "\\", a NUL, or a double-encoded one of those; send the path as the service names it.`,
      );
    const decodedRest = `/${segments.join('/')}`;
    if (!METHODS.has(request.method ?? ''))
      throw new AppError('METHOD_NOT_ALLOWED', `The gateway does not forward ${request.method}.`);

    const authorization = request.headers.authorization;
    if (!authorization?.startsWith('Bearer '))
      throw new AppError(
        'UNAUTHENTICATED',
        'Send "Authorization: Bearer <access token>"; get one at POST /oauth/token with your system’s client credentials.',
      );
    const check = await exchange.verifyToken(authorization.slice(7).trim());
    if (!check.ok)
      throw new AppError('UNAUTHENTICATED', `The access token is refused: ${check.reason}.`);
    const claims = check.claims;

    const service = await serviceAt(agency, system, serviceSlug);
    if (service === undefined || service.status !== 'active')
      throw new AppError(
        'NOT_FOUND',
        `There is no active service at /x/${agency}/${system}/${serviceSlug}.`,
      );
    const grant = await grantOf(service.id, claims.padu_system);
    const consumerSystem = await slugOf(claims.padu_system);
    if (grant === undefined)
      throw new AppError(
        'FORBIDDEN',
        `System ${claims.padu_system} (${claims.padu_agency}/${consumerSystem}) ` +
          `has no grant on service "${service.name}" ` +
          `(${service.agencyCode}/${service.systemSlug}/${service.slug}); request access from its provider.`,
      );
    const method = request.method ?? 'GET';
    if (grant.methods !== null && !grant.methods.includes(method))
      throw new AppError('FORBIDDEN', `The grant on "${service.name}" does not allow ${method}.`);
    if (grant.pathPrefixes !== null && !grant.pathPrefixes.some((p) => underPrefix(decodedRest, p)))
      throw new AppError('FORBIDDEN', `The grant on "${service.name}" does not cover ${rest}.`);
    if (service.personalData) {
      // Whose data and why, for the citizen's "who accessed my data" and for the log's readers.
      const subject = single(request, 'x-padu-subject');
      const purpose = single(request, 'x-padu-purpose');
      if (
        subject === null ||
        !/^[0-9]{16}$/.test(subject) ||
        purpose === null ||
        purpose.trim() === ''
      )
        throw new AppError(
          'VALIDATION_FAILED',
          `Service "${service.name}" answers with personal data: send X-Padu-Subject with the 16-digit NIK ` +
            'the call is about and X-Padu-Purpose with why (e.g. "Verifikasi kepesertaan JKN").',
        );
    }
    const wait = rateWait(grant);
    if (wait > 0)
      throw new GatewayError(
        'RATE_LIMITED',
        `More than ${grant.rateLimit} calls per second on "${service.name}"; retry after ${wait} s.`,
        { 'retry-after': String(wait) },
      );
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > options.maxBodyBytes)
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${options.maxBodyBytes} bytes.`,
      );
    if (!(await log.available()))
      throw new AppError(
        'LOG_UNAVAILABLE',
        'The exchange log cannot be written; nothing is forwarded until it can.',
      );
    return { claims, consumerSystem, service, method, rest, query };
  }

  async function serve(
    request: IncomingMessage,
    response: ServerResponse,
    requestId: string,
  ): Promise<void> {
    const timeIn = new Date();
    const { claims, consumerSystem, service, method, rest, query } = await admit(request);

    const headers: Record<string, string | string[]> = {};
    const listed = connectionListed(request.headers.connection);
    for (const [name, value] of Object.entries(request.headers))
      if (
        value !== undefined &&
        !HOP_BY_HOP.has(name) &&
        !listed.has(name) &&
        !name.startsWith('x-padu-')
      )
        headers[name] = value;
    headers['x-padu-client'] = `${claims.padu_agency}/${consumerSystem}`;
    headers['x-padu-request-id'] = requestId;
    const purpose = single(request, 'x-padu-purpose');
    const subject = single(request, 'x-padu-subject');
    if (purpose !== null) headers['x-padu-purpose'] = purpose;
    if (subject !== null) headers['x-padu-subject'] = subject;

    const hasBody =
      request.headers['transfer-encoding'] !== undefined ||
      Number(request.headers['content-length'] ?? 0) > 0;
    const requestMeter = hasBody ? request.pipe(new Meter(options.maxBodyBytes)) : null;
    const entryOf = (status: number, responseBytes: number, responseSha256: string): LogEntry => {
      const timeOut = new Date();
      return {
        requestId,
        timeIn: timeIn.toISOString(),
        timeOut: timeOut.toISOString(),
        consumerAgency: claims.padu_agency,
        consumerSystem,
        consumerSystemId: claims.padu_system,
        providerAgency: service.agencyCode,
        providerSystem: service.systemSlug,
        service: service.slug,
        serviceId: service.id,
        method,
        path: rest + query,
        status,
        latencyMs: timeOut.getTime() - timeIn.getTime(),
        requestBytes: requestMeter?.bytes ?? 0,
        responseBytes,
        requestSha256: requestMeter?.digest() ?? EMPTY_SHA256,
        responseSha256,
        purpose,
        subject,
      };
    };

    const { origin, basePath } = upstreamOf(service.upstreamUrl);
    // A client that left while it was being admitted has nobody to answer.
    if (response.destroyed || request.socket.destroyed) {
      requestMeter?.digest();
      request.unpipe();
      return;
    }
    try {
      await forward();
    } finally {
      // The call is over, its request body perhaps not: the rest is read and dropped, never hashed
      // into an entry already written nor counted against a limit nobody listens to.
      if (requestMeter !== null) {
        request.unpipe(requestMeter);
        requestMeter.digest();
        request.resume();
      }
    }

    function forward() {
      return new Promise<void>((resolve, reject) => {
        let abort: (() => void) | null = null;
        let status = 0;
        let out: string[] = [];
        // The last chunk is held back until the entry is committed; the status and headers go with
        // the first bytes that leave, so an answer of one chunk or none can still become an error.
        let held: Buffer | null = null;
        let started = false;
        let responseBytes = 0;
        const responseHash = createHash('sha256');
        // An answer broken off after its head went out ends with a reset, not a clean close: a
        // client reading to the connection's end (HTTP/1.0) must not take it for a whole answer.
        const cut = () => {
          try {
            if (response.socket !== null && !response.socket.destroyed)
              response.socket.resetAndDestroy();
          } catch {
            // Not a TCP socket (TLS in front): a plain close is what is left.
          }
          response.destroy();
        };
        const begin = () => {
          if (started) return;
          started = true;
          // The parser has checked the status and header fields as Node would; should Node still
          // refuse one, the answer is cut rather than the process brought down.
          try {
            response.writeHead(status, out);
          } catch {
            response.destroy();
          }
        };
        // A client that goes away takes its upstream call with it, also one still waiting for a
        // connection in the pool's queue.
        let left = false;
        let unsent = false;
        response.on('close', () => {
          if (response.writableFinished) return;
          left = true;
          abort?.();
        });
        poolFor(origin).dispatch(
          {
            path: basePath + rest + query,
            method,
            headers,
            body: requestMeter,
          },
          {
            onConnect(abortCall) {
              abort = abortCall;
              // Its client left while it waited in the pool's queue: it goes no further.
              if (left) {
                unsent = true;
                abortCall();
              }
            },
            onHeaders(statusCode, fields, resume) {
              status = statusCode;
              out = ['x-padu-request-id', requestId];
              let connection: string | undefined;
              for (let i = 0; i + 1 < fields.length; i += 2)
                if (fields[i] === 'connection')
                  connection =
                    connection === undefined ? fields[i + 1] : `${connection},${fields[i + 1]}`;
              const listedBack = connectionListed(connection);
              for (let i = 0; i + 1 < fields.length; i += 2) {
                const name = fields[i] ?? '';
                if (
                  (HOP_BY_HOP.has(name) && name !== 'content-length') ||
                  listedBack.has(name) ||
                  name === 'x-padu-request-id'
                )
                  continue;
                out.push(name, fields[i + 1] ?? '');
              }
              response.on('drain', resume);
            },
            onData(chunk) {
              responseBytes += chunk.length;
              responseHash.update(chunk);
              const previous = held;
              held = chunk;
              if (previous === null) return true;
              begin();
              return response.write(previous);
            },
            onComplete() {
              const sha256 = responseBytes === 0 ? EMPTY_SHA256 : responseHash.digest('hex');
              logCall(entryOf(status, responseBytes, sha256)).then(
                () => {
                  begin();
                  if (held === null) response.end();
                  else response.end(held);
                  resolve();
                },
                () => {
                  if (started) {
                    cut();
                    resolve();
                  } else reject(withheld());
                },
              );
            },
            onError(error) {
              const failure = upstreamError(error, service.name);
              // A call that never reached the upstream is not an exchange: nothing to log.
              if (unsent || (error instanceof UpstreamError && error.failure === 'connect')) {
                reject(failure);
                return;
              }
              // One that did is logged whatever became of it: the client went away (499, as nginx
              // writes it), the body was too large (413), the upstream timed out (504) or broke
              // off (502). The error answer, if the client is still there, follows the entry.
              const gone = error instanceof UpstreamError && error.failure === 'aborted';
              const sha256 = responseBytes === 0 ? EMPTY_SHA256 : responseHash.digest('hex');
              const settle = (answer: AppError) => {
                if (started || gone) {
                  cut();
                  resolve();
                } else reject(answer);
              };
              logCall(entryOf(gone ? CLIENT_CLOSED : failure.status, responseBytes, sha256)).then(
                () => settle(failure),
                () => settle(withheld()),
              );
            },
          },
        );
      });
    }
  }

  function upstreamError(error: unknown, name: string): AppError {
    // The request body refused on its way (the Meter's limit).
    if (error instanceof AppError) return error;
    if (
      error instanceof UpstreamError &&
      (error.failure === 'headers-timeout' || error.failure === 'body-timeout')
    )
      return new AppError(
        'GATEWAY_TIMEOUT',
        `"${name}" did not answer within ${options.upstreamTimeoutMs} ms.`,
      );
    if (error instanceof UpstreamError && error.failure === 'protocol')
      return new AppError(
        'BAD_GATEWAY',
        `"${name}" sent an answer that is not valid HTTP/1.1: ${error.message}.`,
      );
    const code = (error as { code?: string }).code;
    return new AppError(
      'BAD_GATEWAY',
      `"${name}" could not be reached (${code ?? (error as Error).message}).`,
    );
  }

  return {
    handle(request, response, requestId) {
      serve(request, response, requestId).catch((error: unknown) => {
        request.resume();
        if (response.destroyed) return;
        if (error instanceof AppError) {
          const headers = error instanceof GatewayError ? error.headers : {};
          writeError(response, requestId, error.code, error.message, headers);
          return;
        }
        writeError(response, requestId, 'BAD_GATEWAY', 'The call could not be forwarded.');
      });
    },
    metrics: () => metrics.text(),
    async close() {
      metrics.close();
      await Promise.all([...pools.values()].map((p) => p.close()));
      pools.clear();
    },
  };
}
