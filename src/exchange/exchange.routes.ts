import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, type Principal } from '../platform/auth/principal.ts';
import { AppError } from '../platform/http/errors.ts';
import { AUTHENTICATED_SECURITY, type HttpApp } from '../platform/http/server.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import { StrictObject } from '../platform/http/validation.ts';
import { openApiOperations, type ExchangeService } from './exchange.service.ts';
import type { ServiceRow } from './exchange.repository.ts';
import type { StatusFilter } from './log-query.ts';

const TAG = 'Exchange';

/** The RFC 6749 error shape, which OAuth clients expect from a token endpoint. */
function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .send({ error, error_description: description });
}

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1: form-urlencoded parts) or the form. */
function clientCredentials(
  request: FastifyRequest,
  form: Record<string, string>,
): { clientId: string; clientSecret: string; basic: boolean } | undefined {
  const header = request.headers.authorization;
  if (header !== undefined && /^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString();
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    try {
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
        basic: true,
      };
    } catch {
      return undefined;
    }
  }
  if (form.client_id !== undefined && form.client_secret !== undefined)
    return { clientId: form.client_id, clientSecret: form.client_secret, basic: false };
  return undefined;
}

function presentService(s: ServiceRow) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    version: s.version,
    status: s.status,
    agencyCode: s.agencyCode,
    system: { id: s.systemId, name: s.systemName, slug: s.systemSlug },
    path: `/x/${s.agencyCode}/${s.systemSlug}/${s.slug}`,
    personalData: s.personalData,
    operations: openApiOperations(s.openapi),
  };
}

const ServiceSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    version: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    agencyCode: Type.String(),
    system: Type.Object({ id: Type.Integer(), name: Type.String(), slug: Type.String() }),
    path: Type.String({ description: 'The gateway path prefix' }),
    personalData: Type.Boolean({
      description:
        'Answers hold personal data: calls must send X-Padu-Subject (a NIK) and X-Padu-Purpose',
    }),
    operations: Type.Array(
      Type.Object({
        method: Type.String(),
        path: Type.String(),
        summary: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  },
  { title: 'ExchangeService' },
);

function requirePrincipal(principal: Principal | undefined): Principal {
  if (principal === undefined) throw new AppError('UNAUTHENTICATED', 'This needs a login.');
  return principal;
}

/**
 * The one rule for what an official sees of the exchange: a platform admin everything (null), anyone
 * else what concerns their own agency (exchanges where it is the provider or the consumer, its
 * systems, its grants).
 */
function agencyScope(principal: Principal | undefined): string | null {
  const { role, agencyCode } = requirePrincipal(principal);
  if (role === 'platform_admin') return null;
  if (agencyCode === null)
    throw new AppError('FORBIDDEN', 'this needs an account that acts for an agency.');
  return agencyCode;
}

/** Whether an exchange between these agencies is visible in a scope from agencyScope(). */
function isVisibleIn(
  scope: string | null,
  entry: { consumerAgency?: unknown; providerAgency?: unknown },
): boolean {
  return scope === null || entry.consumerAgency === scope || entry.providerAgency === scope;
}

/** An exchange log entry as the gateway wrote it (src/exchange/log-entry.ts). */
const LogEntrySchema = Type.Object(
  {
    requestId: Type.String(),
    timeIn: Type.String({ format: 'date-time' }),
    timeOut: Type.String({ format: 'date-time' }),
    consumerAgency: Type.String(),
    consumerSystem: Type.String(),
    consumerSystemId: Type.Integer(),
    providerAgency: Type.String(),
    providerSystem: Type.String(),
    service: Type.String(),
    serviceId: Type.Integer(),
    method: Type.String(),
    path: Type.String({ description: 'Below the service prefix, with the query string' }),
    status: Type.Integer(),
    latencyMs: Type.Number(),
    requestBytes: Type.Integer(),
    responseBytes: Type.Integer(),
    requestSha256: Type.String(),
    responseSha256: Type.String(),
    purpose: Type.Union([Type.String(), Type.Null()]),
    subject: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'ExchangeLogEntry' },
);

export function exchangeRoutes(app: HttpApp, exchange: ExchangeService): void {
  // The token endpoint reads form bodies: only here, in its own plugin scope.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16_384 },
      (_request, body, done) => {
        // RFC 6749 §3.2: a parameter must not be sent twice; the route refuses if one was.
        const form: Record<string, string> = {};
        const repeated: string[] = [];
        for (const [name, value] of new URLSearchParams(String(body))) {
          if (Object.hasOwn(form, name)) repeated.push(name);
          form[name] = value;
        }
        done(null, { form, repeated });
      },
    );
    scope.post(
      '/oauth/token',
      {
        config: { access: 'public' },
        schema: {
          tags: [TAG],
          summary: 'OAuth 2.0 client credentials: an access token for an agency system',
          description:
            'Form-encoded `grant_type=client_credentials`; the client authenticates with HTTP Basic or with ' +
            '`client_id` and `client_secret` in the form. The token is a JWT signed with EdDSA; its keys are at ' +
            '/.well-known/jwks.json. Errors follow RFC 6749.',
          consumes: ['application/x-www-form-urlencoded'],
        },
      },
      async (request, reply) => {
        const body = request.body as { form?: Record<string, string>; repeated?: string[] } | null;
        if (
          !/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '') ||
          body?.form === undefined
        )
          return oauthError(
            reply,
            400,
            'invalid_request',
            'send the parameters form-encoded (application/x-www-form-urlencoded)',
          );
        const { form, repeated = [] } = body;
        if (repeated.length > 0)
          return oauthError(
            reply,
            400,
            'invalid_request',
            `${[...new Set(repeated)].join(', ')} sent more than once; send each parameter once`,
          );
        if (
          request.headers.authorization !== undefined &&
          (form.client_id !== undefined || form.client_secret !== undefined)
        )
          return oauthError(
            reply,
            400,
            'invalid_request',
            'authenticate with HTTP Basic or with client_id and client_secret in the form, not both',
          );
        if (form.grant_type !== 'client_credentials')
          return oauthError(
            reply,
            400,
            form.grant_type === undefined ? 'invalid_request' : 'unsupported_grant_type',
            'send grant_type=client_credentials (form-encoded)',
          );
        const credentials = clientCredentials(request, form);
        if (credentials === undefined)
          return oauthError(
            reply,
            401,
            'invalid_client',
            'authenticate with HTTP Basic or client_id and client_secret',
          );
        const issuer = `${request.protocol}://${request.host}`;
        const issued = await exchange.issueToken(
          credentials.clientId,
          credentials.clientSecret,
          issuer,
        );
        if (issued === undefined) {
          if (credentials.basic) void reply.header('www-authenticate', 'Basic realm="padu"');
          return oauthError(reply, 401, 'invalid_client', 'unknown client or wrong secret');
        }
        return reply
          .header('cache-control', 'no-store')
          .send({ access_token: issued.token, token_type: 'Bearer', expires_in: issued.expiresIn });
      },
    );
    done();
  });

  app.get(
    '/.well-known/jwks.json',
    {
      config: { access: 'public' },
      schema: {
        tags: [TAG],
        summary: 'The public keys that verify exchange access tokens (JWKS)',
      },
    },
    () => exchange.jwks(),
  );

  app.get(
    '/api/v1/exchange/services',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: [TAG],
        summary: 'The service catalog: every agency’s published services',
        security: AUTHENTICATED_SECURITY,
        querystring: StrictObject({
          search: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        }),
        response: { 200: Type.Array(ServiceSchema), ...errorResponses(400, 401) },
      },
    },
    async (request) =>
      (await exchange.listServices(request.query.search ?? null)).map(presentService),
  );

  app.get(
    '/api/v1/exchange/services/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: [TAG],
        summary: 'One service with the operations of its OpenAPI document',
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: ServiceSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const service = await exchange.findService(request.params.id);
      if (service === undefined)
        throw new AppError('NOT_FOUND', `there is no service ${request.params.id}.`);
      return presentService(service);
    },
  );

  app.get(
    '/api/v1/exchange/applications/:applicationId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: [TAG],
        summary: 'The exchange systems of a catalog application, with the services they publish',
        description:
          'What the catalog shows on an application page: the systems registered for it (POST /api/v1/exchange/systems with applicationId, or `padu exchange systems add --application ID`). An empty list when none is.',
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({ applicationId: Type.Integer({ minimum: 1 }) }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              name: Type.String(),
              agencyCode: Type.String(),
              slug: Type.String(),
              services: Type.Array(ServiceSchema),
            }),
          ),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) =>
      (await exchange.applicationLinks(request.params.applicationId)).map(
        ({ system, services }) => ({
          id: system.id,
          name: system.name,
          agencyCode: system.agencyCode,
          slug: system.slug,
          services: services.map(presentService),
        }),
      ),
  );

  app.post(
    '/api/v1/exchange/systems',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary: 'Register an agency system; the answer holds its client secret, shown only once',
        security: AUTHENTICATED_SECURITY,
        body: StrictObject({
          agencyCode: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          slug: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
          applicationId: Type.Optional(
            Type.Integer({ minimum: 1, description: 'Its application in the catalog' }),
          ),
        }),
        response: {
          201: Type.Object({
            id: Type.Integer(),
            clientId: Type.String(),
            clientSecret: Type.String(),
          }),
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request.principal);
      const agencyCode = request.body.agencyCode ?? principal.agencyCode;
      if (agencyCode === null)
        throw new AppError('VALIDATION_FAILED', 'say which agency owns the system (agencyCode).');
      if (principal.role !== 'platform_admin' && agencyCode !== principal.agencyCode)
        throw new AppError(
          'FORBIDDEN',
          `operators register systems only for their own agency (${principal.agencyCode ?? '-'}).`,
        );
      const { system, clientSecret } = await exchange.addSystem(
        {
          agencyCode,
          name: request.body.name,
          ...(request.body.slug === undefined ? {} : { slug: request.body.slug }),
          applicationId: request.body.applicationId ?? null,
        },
        actorOf(principal),
      );
      return reply.status(201).send({ id: system.id, clientId: system.clientId, clientSecret });
    },
  );

  app.get(
    '/api/v1/exchange/checkpoint',
    {
      config: { access: 'public' },
      schema: {
        tags: [TAG],
        summary: 'The latest signed tree head of the exchange log (a C2SP checkpoint, signed note)',
        produces: ['text/plain'],
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send(await exchange.tree.latestCheckpoint()),
  );

  app.get(
    '/api/v1/exchange/verifier-key',
    {
      config: { access: 'public' },
      schema: {
        tags: [TAG],
        summary:
          'The note verifier key of the checkpoints: <name>+<hex key hash>+<base64(0x01 || Ed25519 public key)>',
        produces: ['text/plain'],
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send(`${await exchange.tree.verifierKey()}\n`),
  );

  app.get(
    '/api/v1/exchange/log/:requestId',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary: 'One exchange log entry and the exact bytes hashed as its leaf',
        description:
          'Platform admins see every entry; an agency operator those where the agency is the consumer or the provider. ' +
          '`leaf` is base64 of the entry bytes; the leaf hash is SHA-256(0x00 || leaf).',
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({
          requestId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[\\w.-]+$' }),
        }),
        response: {
          200: Type.Object({
            leafIndex: Type.Integer(),
            entry: Type.Record(Type.String(), Type.Unknown()),
            leaf: Type.String(),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const scope = agencyScope(request.principal);
      const found = await exchange.tree.entry(request.params.requestId);
      if (found === undefined)
        throw new AppError(
          'NOT_FOUND',
          `no exchange was logged with request id ${request.params.requestId}.`,
        );
      const entry = JSON.parse(found.entry.toString('utf8')) as Record<string, unknown>;
      // Another agency's exchange is answered as unknown: whether it happened is not this
      // operator's to learn.
      if (!isVisibleIn(scope, entry))
        throw new AppError(
          'NOT_FOUND',
          `no exchange was logged with request id ${request.params.requestId}.`,
        );
      return { leafIndex: found.leafIndex, entry, leaf: found.entry.toString('base64') };
    },
  );

  const size = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
  app.get(
    '/api/v1/exchange/proof/inclusion',
    {
      config: { access: 'public' },
      schema: {
        tags: [TAG],
        summary: 'RFC 6962 audit path of a leaf in the tree of a given size',
        querystring: StrictObject({ leafIndex: size, treeSize: Type.Integer({ minimum: 1 }) }),
        response: {
          200: Type.Object({
            leafIndex: Type.Integer(),
            treeSize: Type.Integer(),
            hashes: Type.Array(Type.String()),
          }),
          ...errorResponses(400),
        },
      },
    },
    async (request) => {
      const { leafIndex, treeSize } = request.query;
      const hashes = await exchange.tree.inclusion(leafIndex, treeSize);
      return { leafIndex, treeSize, hashes: hashes.map((h) => h.toString('base64')) };
    },
  );

  app.get(
    '/api/v1/exchange/proof/consistency',
    {
      config: { access: 'public' },
      schema: {
        tags: [TAG],
        summary: 'RFC 6962 consistency proof between two tree sizes',
        querystring: StrictObject({ from: size, to: size }),
        response: {
          200: Type.Object({
            from: Type.Integer(),
            to: Type.Integer(),
            hashes: Type.Array(Type.String()),
          }),
          ...errorResponses(400),
        },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const hashes = await exchange.tree.consistency(from, to);
      return { from, to, hashes: hashes.map((h) => h.toString('base64')) };
    },
  );

  /** Operators act for their own agency's systems; platform admins for any. */
  async function ownSystem(principal: Principal, systemId: number, verb: string) {
    const system = await exchange.findSystem(systemId);
    if (system === undefined) throw new AppError('NOT_FOUND', `there is no system ${systemId}.`);
    if (principal.role !== 'platform_admin' && system.agencyCode !== principal.agencyCode)
      throw new AppError(
        'FORBIDDEN',
        `system ${systemId} belongs to ${system.agencyCode}; operators ${verb} only their own agency's systems.`,
      );
    return system;
  }

  /** The grant, if the caller is the provider's operator (or an admin). */
  async function providerOf(principal: Principal, grantId: number) {
    const grant = await exchange.findGrant(grantId);
    if (grant === undefined) throw new AppError('NOT_FOUND', `there is no grant ${grantId}.`);
    const service = await exchange.findService(grant.serviceId);
    if (principal.role !== 'platform_admin' && service?.agencyCode !== principal.agencyCode)
      throw new AppError(
        'FORBIDDEN',
        `only the provider (${service?.agencyCode ?? '?'}) decides on grant ${grantId}.`,
      );
    return grant;
  }

  const GrantSchema = Type.Object(
    {
      id: Type.Integer(),
      serviceId: Type.Integer(),
      serviceName: Type.String(),
      providerAgency: Type.String(),
      consumerSystemId: Type.Integer(),
      consumerName: Type.String(),
      consumerAgency: Type.String(),
      status: Type.String(),
      methods: Type.Union([Type.Array(Type.String()), Type.Null()]),
      pathPrefixes: Type.Union([Type.Array(Type.String()), Type.Null()]),
      rateLimit: Type.Integer(),
      expiresAt: Type.Union([Type.String(), Type.Null()]),
    },
    { title: 'ExchangeGrant' },
  );

  app.get(
    '/api/v1/exchange/systems',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary: 'My agency’s systems (platform admins: every system)',
        security: AUTHENTICATED_SECURITY,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              agencyCode: Type.String(),
              name: Type.String(),
              slug: Type.String(),
              clientId: Type.String(),
              applicationId: Type.Union([Type.Integer(), Type.Null()]),
            }),
          ),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const systems = await exchange.listSystems(agencyScope(request.principal));
      return systems.map((s) => ({
        id: s.id,
        agencyCode: s.agencyCode,
        name: s.name,
        slug: s.slug,
        clientId: s.clientId,
        applicationId: s.applicationId,
      }));
    },
  );

  app.post(
    '/api/v1/exchange/systems/:id/secrets',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary: 'Rotate a system’s client secret; the previous one keeps working for 24 hours',
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({ id: Type.Integer({ minimum: 1 }) }),
        response: {
          201: Type.Object({ clientSecret: Type.String() }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request.principal);
      await ownSystem(principal, request.params.id, 'rotate secrets of');
      const clientSecret = await exchange.rotateSecret(request.params.id, actorOf(principal));
      return reply.status(201).send({ clientSecret });
    },
  );

  app.get(
    '/api/v1/exchange/grants',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary: 'Access requests and grants where my agency is the provider or the consumer',
        security: AUTHENTICATED_SECURITY,
        response: { 200: Type.Array(GrantSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      return exchange.listGrants(agencyScope(request.principal));
    },
  );

  app.post(
    '/api/v1/exchange/grants',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary:
          'Request access to a service for one of my systems (the provider grants or refuses)',
        security: AUTHENTICATED_SECURITY,
        body: StrictObject({
          serviceId: Type.Integer({ minimum: 1 }),
          consumerSystemId: Type.Integer({ minimum: 1 }),
        }),
        response: {
          201: Type.Object({ id: Type.Integer(), status: Type.String() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request.principal);
      await ownSystem(principal, request.body.consumerSystemId, 'request access for');
      const grant = await exchange.addGrant(
        {
          serviceId: request.body.serviceId,
          consumerSystemId: request.body.consumerSystemId,
          status: 'requested',
        },
        actorOf(principal),
      );
      return reply.status(201).send({ id: grant.id, status: grant.status });
    },
  );

  app.post(
    '/api/v1/exchange/grants/:id/decision',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary:
          'Grant or refuse an access request (the provider), optionally limited to methods and paths, with an expiry',
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({ id: Type.Integer({ minimum: 1 }) }),
        body: StrictObject({
          decision: Type.Union([Type.Literal('granted'), Type.Literal('refused')]),
          methods: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]+$' }), { minItems: 1 })),
          pathPrefixes: Type.Optional(Type.Array(Type.String({ pattern: '^/' }), { minItems: 1 })),
          rateLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
          expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
        }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request.principal);
      const grant = await providerOf(principal, request.params.id);
      const b = request.body;
      // A grant that has expired before it is given could never be used (and a year 0 would be
      // refused by PostgreSQL with a 500).
      if (b.expiresAt !== undefined && !(Date.parse(b.expiresAt) > Date.now()))
        throw new AppError(
          'VALIDATION_FAILED',
          `expiresAt ${b.expiresAt} is not in the future; give a later time, or none.`,
        );
      await exchange.decideGrant(grant.id, b.decision, actorOf(principal), {
        methods: b.methods ?? null,
        pathPrefixes: b.pathPrefixes ?? null,
        rateLimit: b.rateLimit ?? grant.rateLimit,
        expiresAt: b.expiresAt ?? null,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/exchange/grants/:id/revoke',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary: 'Revoke a grant (the provider); every gateway node refuses it within a second',
        security: AUTHENTICATED_SECURITY,
        params: StrictObject({ id: Type.Integer({ minimum: 1 }) }),
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request.principal);
      const grant = await providerOf(principal, request.params.id);
      await exchange.revokeGrant(grant.id, actorOf(principal));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/exchange/stats',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary:
          'Calls per service and consumer, error rates and latency percentiles, from the exchange log',
        description:
          'Operators see the exchanges where their agency is provider or consumer. Calls refused before forwarding ' +
          '(401, 403, 429) are not logged and not counted here; /metrics counts per node.',
        security: AUTHENTICATED_SECURITY,
        querystring: StrictObject({
          since: Type.Optional(
            Type.String({ format: 'date-time', description: 'Default: the last hour' }),
          ),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              service: Type.String(),
              consumer: Type.String(),
              calls: Type.Integer(),
              clientErrors: Type.Integer(),
              serverErrors: Type.Integer(),
              errorRate: Type.Number(),
              latencyMs: Type.Object({
                p50: Type.Union([Type.Number(), Type.Null()]),
                p95: Type.Union([Type.Number(), Type.Null()]),
                p99: Type.Union([Type.Number(), Type.Null()]),
              }),
            }),
          ),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const since = request.query.since ?? new Date(Date.now() - 3_600_000).toISOString();
      // The schema checks the shape; PostgreSQL would refuse a year 0 with a 500.
      if (new Date(since).getUTCFullYear() < 1)
        throw new AppError('VALIDATION_FAILED', `since ${since} is before year 1.`);
      return exchange.tree.stats(since, agencyScope(request.principal));
    },
  );

  const id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
  app.get(
    '/api/v1/exchange/log',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary: 'Exchange log entries, newest first, with filters; paged by leaf index',
        description:
          'Platform admins see every entry; an agency operator those where the agency is the consumer or the provider. ' +
          'Pass `next` of a page as `before` to get the next, older page (`next` is null on the last page). ' +
          '`status` is one code (404) or a class (4xx). `entry` is the logged entry; ' +
          'GET /api/v1/exchange/log/{requestId} gives the exact bytes hashed as its leaf.',
        security: AUTHENTICATED_SECURITY,
        querystring: StrictObject({
          serviceId: Type.Optional(id),
          consumerSystemId: Type.Optional(id),
          status: Type.Optional(
            Type.Union([
              Type.Integer({ minimum: 100, maximum: 599 }),
              Type.String({ pattern: '^[1-5]xx$' }),
            ]),
          ),
          subject: Type.Optional(
            Type.String({ minLength: 1, maxLength: 200, description: 'As in X-Padu-Subject' }),
          ),
          before: Type.Optional(
            Type.Integer({
              minimum: 0,
              maximum: Number.MAX_SAFE_INTEGER,
              description: 'Only entries with a smaller leaf index',
            }),
          ),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: {
          200: Type.Object({
            entries: Type.Array(
              Type.Object({
                leafIndex: Type.Integer(),
                requestId: Type.String(),
                loggedAt: Type.String({ format: 'date-time' }),
                entry: LogEntrySchema,
              }),
            ),
            next: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { status, ...rest } = request.query;
      return exchange.query.page(
        { ...rest, ...(status === undefined ? {} : { status: status as StatusFilter }) },
        agencyScope(request.principal),
      );
    },
  );

  app.get(
    '/api/v1/exchange/traffic',
    {
      config: { access: ['platform_admin', 'agency_operator'] },
      schema: {
        tags: [TAG],
        summary: 'Calls per second over the last minutes, with error counts, from the exchange log',
        description:
          'Every second of the window is listed, oldest first, the last one still filling. Operators see the ' +
          'exchanges where their agency is provider or consumer. Calls refused before forwarding are not logged.',
        security: AUTHENTICATED_SECURITY,
        querystring: StrictObject({
          minutes: Type.Integer({ minimum: 1, maximum: 60, default: 5 }),
        }),
        response: {
          200: Type.Object({
            seconds: Type.Array(
              Type.Object({
                at: Type.String({ format: 'date-time' }),
                calls: Type.Integer(),
                clientErrors: Type.Integer({ description: 'Answers 400–499' }),
                serverErrors: Type.Integer({ description: 'Answers 500 and above' }),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => ({
      seconds: await exchange.query.traffic(request.query.minutes, agencyScope(request.principal)),
    }),
  );
}
