import { randomUUID } from 'node:crypto';
import http from 'node:http';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Principal, Role } from '../auth/principal.ts';
import { AppError, type ErrorDetail } from './errors.ts';
import { validationDetails, validatorCompiler } from './validation.ts';

/**
 * Who may call a route. Every route that changes anything must declare it (start-up fails
 * otherwise), so no mutating route can be left open by accident.
 */
export type Access = 'public' | 'authenticated' | 'citizen' | readonly Role[];

/** The citizen behind a portal session, as the identity module resolves it. */
export interface CitizenSession {
  readonly citizen: {
    readonly id: number;
    readonly nik: string;
    readonly name: string;
    readonly email: string;
  };
  readonly stage: 'enrol' | 'totp' | 'active';
  csrfMatches(token: string): boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
    /** The logged-in citizen on routes with access 'citizen'. */
    citizen: CitizenSession['citizen'] | undefined;
  }
}

/** The Fastify instance with TypeBox types, as modules' route plugins receive it. */
export type HttpApp = ReturnType<typeof createHttpServer>['app'];

export const SESSION_COOKIE = 'padu_session';
/** The citizens' portal session (HttpOnly) and its CSRF token (readable by the portal's script). */
export const CITIZEN_COOKIE = 'padu_citizen';
export const CSRF_COOKIE = 'padu_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface HttpServerOptions {
  readonly logLevel: string;
  /** Resolves the caller from a bearer token or a session cookie value. */
  readonly resolvePrincipal: (credential: {
    token?: string;
    session?: string;
  }) => Promise<Principal | undefined>;
  /** Resolves a citizens' portal session cookie value. */
  readonly resolveCitizen?: (session: string) => Promise<CitizenSession | undefined>;
  readonly raw?: readonly RawHandler[];
}

/**
 * Requests under path prefixes served on the bare HTTP server, before Fastify's routing and hooks:
 * the exchange gateway's data plane, and the OpenID Connect provider (a Koa application). They get
 * the same request id rule.
 */
export interface RawHandler {
  readonly prefixes: readonly string[];
  handle(request: http.IncomingMessage, response: http.ServerResponse, requestId: string): void;
}

/** The caller's X-Request-Id when it is a sensible one, else a new UUID. */
export function requestIdOf(request: http.IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly access: Access | undefined;
}

function errorBody(
  request: FastifyRequest,
  code: string,
  message: string,
  details: readonly ErrorDetail[],
) {
  return {
    error: { code, message, ...(details.length > 0 ? { details } : {}), requestId: request.id },
  };
}

// A NUL is exactly what this looks for.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The JSON pointer of the first string (or key) PostgreSQL cannot store, or null. */
export function unstorableText(value: unknown, at: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? at : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableText(value[i], `${at}/${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const pointer = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (UNSTORABLE.test(key)) return pointer;
      const found = unstorableText(item, pointer);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A cookie's value; read here because the access hook runs before @fastify/cookie's. */
export function cookieValue(header: string | undefined, cookie: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookie) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * A cookie-authenticated write must repeat the session's CSRF token in a header: another site can
 * make the browser send the cookie, but cannot read the token to send with it.
 */
export function checkCsrf(request: FastifyRequest, session: CitizenSession): void {
  const token = request.headers[CSRF_HEADER];
  if (typeof token !== 'string' || !session.csrfMatches(token)) {
    throw new AppError(
      'CSRF_FAILED',
      `This write needs the header X-CSRF-Token with the value of the ${CSRF_COOKIE} cookie; reload the page and try again.`,
    );
  }
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.retryAfterSeconds !== undefined)
    void reply.header('retry-after', String(error.retryAfterSeconds));
  return reply
    .status(error.status)
    .send(errorBody(request, error.code, error.message, error.details));
}

/** Builds the Fastify instance with Padu's validation, errors, security headers, logging and access control. */
export function createHttpServer(options: HttpServerOptions) {
  const routes: RouteInfo[] = [];
  const raw = options.raw;
  const app = Fastify({
    logger: { level: options.logLevel },
    genReqId: requestIdOf,
    ...(raw === undefined || raw.length === 0
      ? {}
      : {
          serverFactory: (handler: http.RequestListener) =>
            http.createServer((request, response) => {
              const url = request.url ?? '/';
              const own = raw.find((r) => r.prefixes.some((prefix) => url.startsWith(prefix)));
              if (own !== undefined) own.handle(request, response, requestIdOf(request));
              else handler(request, response);
            }),
        }),
    requestIdHeader: false,
    bodyLimit: 1_048_576,
    // Path parameters may be long (a passkey's credential id is up to 1,023 characters).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
    // Errors Fastify meets before routing (a malformed percent-encoding) answer in Padu's shape.
    frameworkErrors: (error, request, reply) => {
      void (reply as FastifyReply)
        .status(error.statusCode ?? 400)
        .send(
          errorBody(
            request,
            'VALIDATION_FAILED',
            `The address is not valid (${error.message}); percent-encode it correctly.`,
            [],
          ),
        );
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);

  // JSON as Fastify parses it (prototype poisoning refused), and then refused if a string holds a
  // NUL or half of a surrogate pair: PostgreSQL cannot store either in text or jsonb, and no form
  // field needs them.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    void parseJson(request, body as string, (error: Error | null, value?: unknown) => {
      if (error !== null) return done(error, undefined);
      const field = unstorableText(value, '/body');
      if (field === null) return done(null, value);
      done(
        new AppError(
          'VALIDATION_FAILED',
          `${field} holds a NUL character or a lone surrogate; remove it.`,
          [{ field, message: 'must not hold a NUL character (\\u0000) or a lone surrogate' }],
        ),
        undefined,
      );
    });
  });
  app.decorateRequest('principal', undefined);
  app.decorateRequest('citizen', undefined);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const access = route.config?.access;
    for (const method of methods) {
      if (MUTATING.has(method) && access === undefined) {
        throw new Error(`${method} ${route.url} changes data but declares no config.access`);
      }
      if (method !== 'HEAD') routes.push({ method, url: route.url, access });
    }
  });

  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  // Authentication and authorisation run first, before the body is even parsed: an anonymous caller
  // learns only that it must log in (401), never what a valid body looks like.
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url))
      throw new AppError(
        'VALIDATION_FAILED',
        'The address holds a NUL character (%00); no path or query value may contain one.',
      );
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    if (access === 'citizen') {
      const secret = cookieValue(request.headers.cookie, CITIZEN_COOKIE);
      const session =
        secret === undefined || options.resolveCitizen === undefined
          ? undefined
          : await options.resolveCitizen(secret);
      if (session?.stage !== 'active') {
        throw new AppError(
          'UNAUTHENTICATED',
          'This needs a citizen login: log in at /portal/ with your NIK, password and authenticator code.',
        );
      }
      if (MUTATING.has(request.method)) checkCsrf(request, session);
      request.citizen = session.citizen;
      return;
    }
    const authorization = request.headers.authorization;
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
    const session = cookieValue(request.headers.cookie, SESSION_COOKIE);
    request.principal =
      token !== undefined || session !== undefined
        ? await options.resolvePrincipal({
            ...(token !== undefined ? { token } : {}),
            ...(session !== undefined ? { session } : {}),
          })
        : undefined;
    if (request.principal === undefined) {
      throw new AppError(
        'UNAUTHENTICATED',
        token !== undefined || session !== undefined
          ? 'The API token or session is unknown, revoked or expired; log in again or create a new token (npx padu tokens create).'
          : 'This needs a login: send "Authorization: Bearer <token>" (npx padu tokens create --admin) or log in to the console.',
      );
    }
    if (access !== 'authenticated' && !access.includes(request.principal.role)) {
      throw new AppError(
        'FORBIDDEN',
        `This needs the role ${access.join(' or ')}; you are ${request.principal.role}.`,
      );
    }
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error);
    if (error.validation) {
      const details = validationDetails(
        error.validation as never,
        error.validationContext ?? 'body',
      );
      return sendError(
        request,
        reply,
        new AppError(
          'VALIDATION_FAILED',
          `The request is not valid (${details.length} problem${details.length === 1 ? '' : 's'}): ${details
            .map((d) => `${d.field} ${d.message}`)
            .join('; ')}.`,
          details,
        ),
      );
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(
          request,
          reply,
          new AppError('MALFORMED_JSON', `The body is not valid JSON: ${error.message}`),
        );
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(
          request,
          reply,
          new AppError('PAYLOAD_TOO_LARGE', 'The body is larger than 1 MiB; send less at once.'),
        );
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(
          request,
          reply,
          new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            `Content-Type ${String(request.headers['content-type'])} is not accepted; send application/json.`,
          ),
        );
      default:
        break;
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send(
          errorBody(
            request,
            error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED',
            error.message,
            [],
          ),
        );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(
      request,
      reply,
      new AppError(
        'INTERNAL',
        `An unexpected error occurred; quote request id ${request.id} to an operator.`,
      ),
    );
  });

  return { app, routes };
}

/** Registers cookies, security headers and the OpenAPI document with its interactive reference. */
export async function registerHttpPlugins(app: FastifyInstance, version: string): Promise<void> {
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Padu API',
        version,
        description:
          "Padu, an open platform for Indonesia's SPBE. Errors share one shape: " +
          '`{ "error": { "code", "message", "details"?, "requestId" } }`.',
      },
      components: {
        securitySchemes: {
          bearerToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'API token from `npx padu tokens create`',
          },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          citizenSession: {
            type: 'apiKey',
            in: 'cookie',
            name: CITIZEN_COOKIE,
            description: `Citizens' portal session; writes also send the ${CSRF_COOKIE} cookie's value in X-CSRF-Token`,
          },
        },
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list' },
    staticCSP: false,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}

/** The standard security requirement for routes that need a token or session. */
export const AUTHENTICATED_SECURITY: { [scheme: string]: readonly string[] }[] = [
  { bearerToken: [] },
  { session: [] },
];

/** The security requirement of citizens' portal routes. */
export const CITIZEN_SECURITY: { [scheme: string]: readonly string[] }[] = [{ citizenSession: [] }];
