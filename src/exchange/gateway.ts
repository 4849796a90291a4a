import { createHash, type Hash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CODES, type ErrorCode } from '../platform/http/errors.ts';
import type { HttpApp } from '../platform/http/server.ts';
import type { GrantRow, ServiceRow } from './exchange.repository.ts';
import type { ExchangeService } from './exchange.service.ts';
import type { LogEntry } from './log-entry.ts';
import type { LogWriter } from './log-writer.ts';
import { GatewayMetrics } from './metrics.ts';

/**
 * The gateway: ANY /x/{agency}/{system}/{service}/{rest} with a Bearer access token. It checks the
 * token, the consumer's grant on the service and the grant's rate limit, forwards to the upstream
 * with the consumer's identity, and streams both bodies without buffering them. Every call that
 * reaches the upstream is logged; the last bytes of the response are released only once its log
 * entry is committed, so a response a client received in full always has its entry. If the log
 * cannot be written the gateway refuses to forward (503).
 */

export interface GatewayOptions {
  /** Largest request body forwarded (bytes). */
  maxBodyBytes: number;
  /** How long the upstream may take to answer (to its response headers), in ms. */
  upstreamTimeoutMs: number;
  /** How long a grant looked up stays cached; revocations take effect within it (ms). */
  grantCacheMs: number;
}

export const DEFAULT_GATEWAY_OPTIONS: GatewayOptions = {
  maxBodyBytes: 10 * 1024 * 1024,
  upstreamTimeoutMs: 30_000,
  grantCacheMs: 500,
};

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'authorization',
  'content-length',
]);

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 256 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

/** Counts and hashes what passes; optionally refuses more than a limit. */
class Meter extends Transform {
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  constructor(private readonly limit = Infinity) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      done(
        new AppError('PAYLOAD_TOO_LARGE', `the request body is larger than ${this.limit} bytes.`),
      );
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * Passes a response through but holds back its last chunk until `release` says the log entry is
 * committed (or fails, and the response is cut short: not delivered).
 */
class HoldBack extends Transform {
  bytes = 0;
  private held: Buffer | null = null;
  private readonly hash: Hash = createHash('sha256');
  constructor(private readonly release: (bytes: number, sha256: string) => Promise<void>) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    const previous = this.held;
    this.held = chunk;
    done(null, previous ?? undefined);
  }
  override _flush(done: TransformCallback): void {
    this.release(this.bytes, this.hash.digest('hex')).then(
      () => done(null, this.held ?? undefined),
      (error: unknown) => done(error as Error),
    );
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

function errorBody(code: ErrorCode, message: string, requestId: string): string {
  return JSON.stringify({ error: { code, message, requestId } });
}

/** Writes an error on a hijacked reply, if nothing was sent yet. */
function writeError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  const res = reply.raw;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(ERROR_CODES[code], {
    'content-type': 'application/json; charset=utf-8',
    'x-padu-request-id': reply.request.id,
    ...headers,
  });
  res.end(errorBody(code, message, reply.request.id));
}

export function gatewayRoutes(
  app: HttpApp,
  exchange: ExchangeService,
  log: LogWriter,
  options: GatewayOptions = DEFAULT_GATEWAY_OPTIONS,
): void {
  const metrics = new GatewayMetrics();
  /** Logs a finished call (and counts it); resolves once the entry is committed. */
  const logCall = async (entry: LogEntry): Promise<void> => {
    await log.append(entry);
    metrics.record(
      `${entry.providerAgency}/${entry.providerSystem}/${entry.service}`,
      `${entry.consumerAgency}/${entry.consumerSystem}`,
      entry.status,
      entry.latencyMs / 1000,
    );
  };
  const grants = new Map<string, { grant: GrantRow | undefined; at: number }>();
  const buckets = new Map<number, { rate: number; bucket: TokenBucket }>();
  const services = new Map<string, { service: ServiceRow | undefined; at: number }>();

  // A system's slug never changes: looked up once per node.
  const slugs = new Map<number, string>();
  async function slugOf(systemId: number): Promise<string> {
    let slug = slugs.get(systemId);
    if (slug === undefined) {
      slug = (await exchange.findSystem(systemId))?.slug ?? String(systemId);
      slugs.set(systemId, slug);
    }
    return slug;
  }

  async function serviceAt(agency: string, system: string, name: string) {
    const key = `${agency}/${system}/${name}`;
    const cached = services.get(key);
    if (cached !== undefined && Date.now() - cached.at < 5_000) return cached.service;
    const service = await exchange.findServiceByPath(agency, system, name);
    services.set(key, { service, at: Date.now() });
    return service;
  }

  async function grantOf(serviceId: number, consumer: number) {
    const key = `${serviceId}:${consumer}`;
    const cached = grants.get(key);
    if (cached !== undefined && Date.now() - cached.at < options.grantCacheMs) return cached.grant;
    const grant = await exchange.liveGrant(serviceId, consumer);
    grants.set(key, { grant, at: Date.now() });
    return grant;
  }

  function rateWait(grant: GrantRow): number {
    let entry = buckets.get(grant.id);
    if (entry === undefined || entry.rate !== grant.rateLimit) {
      entry = { rate: grant.rateLimit, bucket: new TokenBucket(grant.rateLimit) };
      buckets.set(grant.id, entry);
    }
    return entry.bucket.take();
  }

  async function handle(
    request: FastifyRequest<{
      Params: { agency: string; system: string; service: string; '*'?: string };
    }>,
    reply: FastifyReply,
  ): Promise<void> {
    const timeIn = new Date();
    const { agency, system, service: serviceSlug } = request.params;
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
    const rest = `/${request.params['*'] ?? ''}`;
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    if (grant === undefined)
      throw new AppError(
        'FORBIDDEN',
        `System ${claims.padu_system} (${claims.padu_agency}/${await slugOf(claims.padu_system)}) ` +
          `has no grant on service "${service.name}" ` +
          `(${service.agencyCode}/${service.systemSlug}/${service.slug}); request access from its provider.`,
      );
    if (grant.methods !== null && !grant.methods.includes(request.method))
      throw new AppError(
        'FORBIDDEN',
        `The grant on "${service.name}" does not allow ${request.method}.`,
      );
    if (grant.pathPrefixes !== null && !grant.pathPrefixes.some((p) => rest.startsWith(p)))
      throw new AppError('FORBIDDEN', `The grant on "${service.name}" does not cover ${rest}.`);
    const wait = rateWait(grant);
    if (wait > 0) {
      void reply.header('retry-after', String(wait));
      throw new AppError(
        'RATE_LIMITED',
        `More than ${grant.rateLimit} calls per second on "${service.name}"; retry after ${wait} s.`,
      );
    }
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

    // From here the reply is written by hand: the bodies stream both ways.
    reply.hijack();
    const consumerSystem = await slugOf(claims.padu_system);
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : null;
    };
    const target = new URL(service.upstreamUrl + rest + query);
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(request.headers))
      if (value !== undefined && !HOP_BY_HOP.has(name) && !name.startsWith('x-padu-'))
        headers[name] = value;
    headers['x-padu-client'] = `${claims.padu_agency}/${consumerSystem}`;
    headers['x-padu-request-id'] = request.id;
    const purpose = header('x-padu-purpose');
    const subject = header('x-padu-subject');
    if (purpose !== null) headers['x-padu-purpose'] = purpose;
    if (subject !== null) headers['x-padu-subject'] = subject;

    const requestMeter = new Meter(options.maxBodyBytes);
    const entryOf = (status: number, responseBytes: number, responseSha256: string): LogEntry => {
      const timeOut = new Date();
      return {
        requestId: request.id,
        timeIn: timeIn.toISOString(),
        timeOut: timeOut.toISOString(),
        consumerAgency: claims.padu_agency,
        consumerSystem,
        consumerSystemId: claims.padu_system,
        providerAgency: service.agencyCode,
        providerSystem: service.systemSlug,
        service: service.slug,
        serviceId: service.id,
        method: request.method,
        path: rest + query,
        status,
        latencyMs: timeOut.getTime() - timeIn.getTime(),
        requestBytes: requestMeter.bytes,
        responseBytes,
        requestSha256: requestMeter.digest(),
        responseSha256,
        purpose,
        subject,
      };
    };

    const upstream = (target.protocol === 'https:' ? https : http).request(target, {
      method: request.method,
      headers,
      agent: target.protocol === 'https:' ? agents.https : agents.http,
    });
    let answered = false;
    upstream.setTimeout(options.upstreamTimeoutMs, () => {
      if (answered) return;
      upstream.destroy();
      writeError(
        reply,
        'GATEWAY_TIMEOUT',
        `"${service.name}" did not answer within ${options.upstreamTimeoutMs} ms.`,
      );
    });
    upstream.on('error', (error: Error & { code?: string }) => {
      if (answered || reply.raw.headersSent) return;
      answered = true;
      writeError(
        reply,
        'BAD_GATEWAY',
        `"${service.name}" could not be reached (${error.code ?? error.message}).`,
      );
    });
    requestMeter.on('error', (error: unknown) => {
      upstream.destroy();
      if (answered) return;
      answered = true;
      if (error instanceof AppError) writeError(reply, error.code, error.message);
      else writeError(reply, 'BAD_GATEWAY', 'The request body could not be read.');
    });
    request.raw.pipe(requestMeter).pipe(upstream);

    upstream.on('response', (response) => {
      if (answered) {
        response.resume();
        return;
      }
      answered = true;
      const status = response.statusCode ?? 502;
      const out: Record<string, string | string[]> = { 'x-padu-request-id': request.id };
      for (const [name, value] of Object.entries(response.headers))
        if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'x-padu-request-id')
          out[name] = value;
      const length = response.headers['content-length'];
      if (length !== undefined) out['content-length'] = length;
      const empty = request.method === 'HEAD' || status === 204 || status === 304 || length === '0';
      if (empty) {
        // Nothing to hold back: the entry is committed before the headers leave.
        response.resume();
        logCall(entryOf(status, 0, createHash('sha256').digest('hex'))).then(
          () => {
            reply.raw.writeHead(status, out);
            reply.raw.end();
          },
          () =>
            writeError(
              reply,
              'LOG_UNAVAILABLE',
              'The exchange log cannot be written; the answer is withheld.',
            ),
        );
        return;
      }
      reply.raw.writeHead(status, out);
      const holdBack = new HoldBack(async (bytes, sha256) => {
        await logCall(entryOf(status, bytes, sha256));
      });
      response.pipe(holdBack).pipe(reply.raw);
      holdBack.on('error', () => reply.raw.destroy());
      response.on('error', () => reply.raw.destroy());
    });
  }

  void app.register((scope, _options, done) => {
    // Bodies are not parsed: they stream to the upstream as they arrive.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, next) => next(null));
    const route = {
      method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      config: { access: 'public' as const },
      schema: { hide: true },
      handler: handle,
    };
    scope.get(
      '/metrics',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Exchange'],
          summary: 'Prometheus metrics of this gateway node',
          hide: false,
        },
      },
      (_request, reply) =>
        reply.type('text/plain; version=0.0.4; charset=utf-8').send(metrics.text()),
    );
    scope.route({ ...route, url: '/x/:agency/:system/:service' });
    scope.route({ ...route, url: '/x/:agency/:system/:service/*' });
    done();
  });
}
