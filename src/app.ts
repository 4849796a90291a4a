import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { accountsRoutes } from './accounts/accounts.routes.ts';
import { accountsService, type AccountsService } from './accounts/accounts.service.ts';
import { agenciesRoutes } from './agencies/agencies.routes.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { exchangeRoutes } from './exchange/exchange.routes.ts';
import {
  createGateway,
  DEFAULT_GATEWAY_OPTIONS,
  GATEWAY_PREFIX,
  type GatewayOptions,
} from './exchange/gateway.ts';
import { exchangeService, type ExchangeService } from './exchange/exchange.service.ts';
import { agenciesService, type AgenciesService } from './agencies/agencies.service.ts';
import { catalogService, type CatalogService } from './catalog/catalog.service.ts';
import type { DatabaseHandle, Db } from './platform/db/database.ts';
import { AppError } from './platform/http/errors.ts';
import { errorResponses } from './platform/http/schemas.ts';
import {
  createHttpServer,
  registerHttpPlugins,
  sendError,
  type RouteInfo,
} from './platform/http/server.ts';
import { populationRoutes } from './population/population.routes.ts';
import { populationService, type PopulationService } from './population/population.service.ts';
import { regionsRoutes } from './regions/regions.routes.ts';
import { identityRoutes, type IdentityRouteOptions } from './identity/identity.routes.ts';
import { identityService, type IdentityService } from './identity/identity.service.ts';
import { createOidcProvider } from './identity/oidc.ts';
import { outboxNotifier } from './platform/notifier.ts';
import { populationRegister } from './population/register.ts';
import { accessesAbout } from './exchange/subject-access.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import { portalService, type PortalService } from './portal/portal.service.ts';
import { regionsService, type RegionsService } from './regions/regions.service.ts';

export const VERSION = '0.1.0';
export const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

/** The modules' services, wired to one database. */
export interface Services {
  readonly regions: RegionsService;
  readonly agencies: AgenciesService;
  readonly accounts: AccountsService;
  readonly population: PopulationService;
  readonly catalog: CatalogService;
  readonly exchange: ExchangeService;
  readonly identity: IdentityService;
  readonly portal: PortalService;
}

export interface ServiceSettings {
  /** Where citizens reach Padu: links in messages (Config.publicUrl). */
  readonly publicUrl: string;
}

export function createServices(
  handle: Pick<DatabaseHandle, 'db' | 'pool'>,
  settings: ServiceSettings = { publicUrl: 'http://localhost:8080' },
): Services {
  const { db, pool } = handle;
  const agencies = agenciesService(db);
  const regions = regionsService(db);
  const register = populationRegister(pool);
  const identity = identityService(db, register, outboxNotifier, settings.publicUrl);
  const exchange = exchangeService(pool, (code) => agencies.agencyExists(code));
  return {
    identity,
    portal: portalService(db, {
      register,
      agencyName: async (code) => (await agencies.findAgency(code))?.name,
      contact: (citizenId) => identity.contact(citizenId),
      accessesAbout: (nik, limit) => accessesAbout(exchange.tree, exchange.query, nik, limit),
      notifier: outboxNotifier,
    }),
    regions,
    agencies,
    accounts: accountsService(db, (code) => agencies.agencyExists(code)),
    population: populationService(pool, regions),
    catalog: catalogService(pool, agencies),
    exchange,
  };
}

/** Builds the HTTP application: API, health checks, OpenAPI, and the web app from web/dist. */
export async function buildApp(options: {
  db: Db;
  services: Services;
  logLevel: string;
  webDist?: string;
  /** The gateway's limits (tests shorten the upstream time-out). */
  gateway?: Partial<GatewayOptions>;
  /** Where citizens and applications reach Padu: the OpenID Connect issuer (Config.publicUrl). */
  publicUrl?: string;
  /** The citizens' login limits (tests raise the per-address budget). */
  identity?: Partial<IdentityRouteOptions>;
}) {
  const { services } = options;
  const gateway = createGateway(services.exchange, services.exchange.log, {
    ...DEFAULT_GATEWAY_OPTIONS,
    ...options.gateway,
  });
  let logError: (error: unknown) => void = () => undefined;
  const oidc = await createOidcProvider(
    options.db,
    services.identity,
    options.publicUrl ?? 'http://localhost:8080',
    (error) => logError(error),
  );
  const { app, routes } = createHttpServer({
    logLevel: options.logLevel,
    raw: [
      { prefixes: [GATEWAY_PREFIX], handle: (req, res, id) => gateway.handle(req, res, id) },
      oidc.raw,
    ],
    resolvePrincipal: async ({ token, session }) =>
      token !== undefined
        ? services.accounts.principalForToken(token)
        : session !== undefined
          ? services.accounts.principalForSession(session)
          : undefined,
    resolveCitizen: (session) => services.identity.session(session),
  });
  await registerHttpPlugins(app, VERSION);
  logError = (error) => app.log.error({ err: error }, 'OpenID Connect interaction failed');

  const health = {
    tags: ['Health'],
    response: { 200: Type.Object({ status: Type.String() }), ...errorResponses(503) },
  };
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: { ...health, summary: 'Liveness: the process answers' },
    },
    () => ({
      status: 'ok',
    }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: { ...health, summary: 'Readiness: the database answers' },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(options.db);
        return { status: 'ready' };
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
        return sendError(
          request,
          reply,
          new AppError('DATABASE_UNAVAILABLE', 'The database does not answer; see the server log.'),
        );
      }
    },
  );

  regionsRoutes(app, services.regions);
  agenciesRoutes(app, services.agencies);
  accountsRoutes(app, services.accounts);
  populationRoutes(app, services.population);
  catalogRoutes(app, services.catalog);
  exchangeRoutes(app, services.exchange);
  identityRoutes(app, services.identity, options.db, {
    attemptsPerMinute: 30,
    ...options.identity,
  });
  portalRoutes(app, services.portal);
  app.get(
    '/metrics',
    {
      config: { access: 'public' },
      schema: { tags: ['Exchange'], summary: 'Prometheus metrics of this gateway node' },
    },
    (_request, reply) =>
      reply.type('text/plain; version=0.0.4; charset=utf-8').send(gateway.metrics()),
  );
  app.addHook('onClose', () => gateway.close());

  const webDist = options.webDist ?? WEB_DIST;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // Hashed assets never change under their name; everything else (the pages, the service
      // worker, the manifest) is checked again each time, or an update would not reach an
      // installed app.
      cacheControl: false,
      setHeaders: (response, file) => {
        response.setHeader(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (isPage && hasWeb) {
      // Pages under /portal/ are the citizens' portal; the rest the console.
      const portal = request.url.startsWith('/portal/');
      return reply.type('text/html').sendFile(portal ? 'portal/index.html' : 'index.html');
    }
    return sendError(
      request,
      reply,
      new AppError(
        'NOT_FOUND',
        `No route ${request.method} ${request.url.split('?')[0]}; the API is described at /api/openapi.json and /docs.`,
      ),
    );
  });

  return { app, routes: routes as readonly RouteInfo[] };
}
