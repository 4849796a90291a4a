import { randomBytes, type KeyObject } from 'node:crypto';
import type pg from 'pg';
import { hashSecret, newSecret } from '../platform/auth/secrets.ts';
import { AppError } from '../platform/http/errors.ts';
import { isSlug, slugify as slugOf } from '../platform/text.ts';
import {
  exchangeRepository,
  type ExchangeRepository,
  type GrantTerms,
  type GrantRow,
  type ServiceRow,
  type SystemRow,
} from './exchange.repository.ts';
import { exchangeLog, type ExchangeLog } from './exchange.log.ts';
import { exchangeLogQuery, type ExchangeLogQuery } from './log-query.ts';
import { LogWriter } from './log-writer.ts';
import {
  generateSigningKey,
  privateKeyOf,
  publicKeyOf,
  signAccessToken,
  verifyAccessToken,
  type AccessClaims,
  type PublicJwk,
  type TokenCheck,
} from './tokens.ts';

/** How long an access token lives. */
export const TOKEN_LIFETIME_SECONDS = 300;
/** How often a node reads the signing keys again (a rotation elsewhere reaches it within this). */
const KEY_RELOAD_MS = 30_000;
/** The least time between two reads forced by an unknown key id. */
const KEY_RELOAD_MIN_MS = 5_000;
/** How long an old client secret keeps working after a rotation. */
export const SECRET_GRACE_SECONDS = 24 * 3600;
export const TOKEN_AUDIENCE = 'padu-exchange';
const DEFAULT_RATE_LIMIT = 100;
/** How long a verified token's signature is trusted without checking it again, and how many. */
const VERIFIED_FOR_MS = 60_000;
const VERIFIED_TOKENS = 10_000;

/** Checks what an OpenAPI 3 document must have; returns its problems (none: it is usable). */
export function openApiProblems(doc: unknown): string[] {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return ['is not a JSON object'];
  const d = doc as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof d.openapi !== 'string' || !/^3\.\d+(\.\d+)?$/.test(d.openapi))
    problems.push('"openapi" must name a 3.x version, e.g. "3.1.0"');
  const info = d.info as Record<string, unknown> | undefined;
  if (typeof info !== 'object' || info === null) problems.push('"info" is missing');
  else {
    if (typeof info.title !== 'string') problems.push('"info.title" is missing');
    if (typeof info.version !== 'string') problems.push('"info.version" is missing');
  }
  if (d.paths !== undefined && (typeof d.paths !== 'object' || d.paths === null))
    problems.push('"paths" must be an object');
  for (const [path, item] of Object.entries((d.paths ?? {}) as Record<string, unknown>)) {
    if (!path.startsWith('/')) problems.push(`path "${path}" must start with /`);
    if (typeof item !== 'object' || item === null)
      problems.push(`path "${path}" must be an object`);
  }
  return problems;
}

/** The operations an OpenAPI document lists: method, path, summary. */
export function openApiOperations(
  doc: unknown,
): { method: string; path: string; summary: string | null }[] {
  const paths =
    (doc as { paths?: Record<string, Record<string, { summary?: unknown }>> } | null)?.paths ?? {};
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  // By path, then in HTTP method order (jsonb does not keep the document's key order).
  return Object.entries(paths)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([path, item]) =>
      methods
        .filter((m) => typeof item[m] === 'object')
        .map((m) => ({
          method: m.toUpperCase(),
          path,
          summary: typeof item[m]?.summary === 'string' ? item[m].summary : null,
        })),
    );
}

export interface ExchangeService {
  /** This node's writer of the exchange log (group commit). */
  readonly log: LogWriter;
  /** Signed tree heads, proofs and verification of the exchange log. */
  readonly tree: ExchangeLog;
  /** Pages of the exchange log with filters, and calls per second, for the console. */
  readonly query: ExchangeLogQuery;
  addSystem(
    input: { agencyCode: string; name: string; slug?: string; applicationId?: number | null },
    actor: string,
  ): Promise<{ system: SystemRow; clientSecret: string }>;
  listSystems(agencyCode: string | null): Promise<SystemRow[]>;
  /** The systems linked to a catalog application, each with the services it publishes. */
  applicationLinks(applicationId: number): Promise<{ system: SystemRow; services: ServiceRow[] }[]>;
  findSystem(id: number): Promise<SystemRow | undefined>;
  /** A new client secret; the previous one keeps working for SECRET_GRACE_SECONDS. */
  rotateSecret(systemId: number, actor: string): Promise<string>;
  addService(
    input: {
      systemId: number;
      name: string;
      slug?: string;
      upstreamUrl: string;
      description?: string | null;
      version?: string | null;
      openapi?: unknown;
      /** Its answers hold personal data: every call must state a subject (NIK) and a purpose. */
      personalData?: boolean;
    },
    actor: string,
  ): Promise<{ service: ServiceRow; path: string }>;
  findService(id: number): Promise<ServiceRow | undefined>;
  findServiceByPath(
    agency: string,
    system: string,
    service: string,
  ): Promise<ServiceRow | undefined>;
  listServices(search: string | null): Promise<ServiceRow[]>;
  /** A grant made by the provider (CLI, provider's operator); or a consumer's request. */
  addGrant(
    input: {
      serviceId: number;
      consumerSystemId: number;
      status: 'requested' | 'granted';
      methods?: string[] | null;
      pathPrefixes?: string[] | null;
      rateLimit?: number;
      expiresAt?: string | null;
    },
    actor: string,
  ): Promise<GrantRow>;
  decideGrant(
    id: number,
    decision: 'granted' | 'refused',
    actor: string,
    terms?: GrantTerms,
  ): Promise<void>;
  revokeGrant(id: number, actor: string): Promise<void>;
  /**
   * Called after a grant changes through this process (granted, refused, revoked), so that this
   * node's gateway drops what it cached at once; other nodes see it when their cache expires.
   */
  onGrantChange(listener: (serviceId: number, consumerSystemId: number) => void): void;
  liveGrant(serviceId: number, consumerSystemId: number): Promise<GrantRow | undefined>;
  findGrant(id: number): Promise<GrantRow | undefined>;
  listGrants(agencyCode: string | null): ReturnType<ExchangeRepository['listGrants']>;
  /** OAuth 2.0 client credentials: a signed access token for a system's client id and secret. */
  issueToken(
    clientId: string,
    clientSecret: string,
    issuer: string,
  ): Promise<{ token: string; expiresIn: number } | undefined>;
  verifyToken(token: string): Promise<TokenCheck>;
  /**
   * Makes a new signing key the active one and retires the others; tokens they signed stay valid
   * until they expire, and every node signs with the new key within KEY_RELOAD_MS.
   */
  rotateSigningKey(actor: string): Promise<{ kid: string }>;
  /** The public keys that verify access tokens (JWKS). */
  jwks(): Promise<{ keys: PublicJwk[] }>;
}

export function exchangeService(
  pool: pg.Pool,
  agencyExists: (code: string) => Promise<boolean>,
): ExchangeService {
  const repository = exchangeRepository(pool);
  const grantListeners: ((serviceId: number, consumerSystemId: number) => void)[] = [];
  const grantChanged = (grant: { serviceId: number; consumerSystemId: number }) => {
    for (const listener of grantListeners) listener(grant.serviceId, grant.consumerSystemId);
  };
  /**
   * Tokens whose signature was checked, so that a system calling many times is verified once a
   * minute rather than on every call (an Ed25519 verification was a tenth of the gateway's time).
   * Expiry is still checked on every use.
   */
  const verified = new Map<string, { claims: AccessClaims; until: number }>();
  let keys:
    | {
        signing: { kid: string; privateKey: KeyObject };
        verifying: Map<string, KeyObject>;
        jwks: PublicJwk[];
      }
    | undefined;

  let keysLoadedAt = 0;
  /**
   * Loads the keys, creating the first one on a fresh database, and again after KEY_RELOAD_MS (a
   * rotation on another node reaches this one within it), or when asked (an unknown key id; at
   * most once per KEY_RELOAD_MIN_MS, so that made-up key ids cannot turn every call into a query).
   * A retired key still verifies, and is still published, for as long as tokens it signed can live:
   * the token lifetime plus a reload interval (a node may sign with it until it reloads).
   */
  async function loadKeys(refresh = false) {
    const now = Date.now();
    const age = now - keysLoadedAt;
    if (keys !== undefined && age < KEY_RELOAD_MS && (!refresh || age < KEY_RELOAD_MIN_MS))
      return keys;
    let rows = await repository.signingKeys();
    if (!rows.some((r) => r.retiredAt === null)) {
      const key = generateSigningKey();
      await repository.insertSigningKey(key.kid, key.privatePem, key.jwk);
      rows = await repository.signingKeys();
    }
    const active = rows.find((r) => r.retiredAt === null);
    if (active === undefined) throw new Error('no active signing key');
    const graceMs = (TOKEN_LIFETIME_SECONDS + 60) * 1000 + KEY_RELOAD_MS;
    const jwks = rows
      .filter((r) => r.retiredAt === null || r.retiredAt.getTime() + graceMs > now)
      .map((r) => r.publicJwk as PublicJwk);
    keysLoadedAt = now;
    keys = {
      signing: { kid: active.kid, privateKey: privateKeyOf(active.privatePem) },
      verifying: new Map(jwks.map((j) => [j.kid, publicKeyOf(j)])),
      jwks,
    };
    return keys;
  }

  async function requireSystem(id: number): Promise<SystemRow> {
    const system = await repository.findSystem(id);
    if (system === undefined) throw new AppError('NOT_FOUND', `there is no system ${id}.`);
    return system;
  }

  async function requireService(id: number): Promise<ServiceRow> {
    const service = await repository.findService(id);
    if (service === undefined) throw new AppError('NOT_FOUND', `there is no service ${id}.`);
    return service;
  }

  return {
    log: new LogWriter(pool),
    tree: exchangeLog(pool),
    query: exchangeLogQuery(pool),

    async addSystem(input, actor) {
      if (!(await agencyExists(input.agencyCode)))
        throw new AppError(
          'VALIDATION_FAILED',
          `there is no agency ${input.agencyCode}; GET /api/v1/agencies lists them.`,
        );
      const slug = input.slug ?? slugOf(input.name);
      if (!isSlug(slug))
        throw new AppError(
          'VALIDATION_FAILED',
          `"${slug}" is not a path segment; use lower-case words joined by hyphens.`,
        );
      if (input.applicationId !== undefined && input.applicationId !== null) {
        const owner = await repository.applicationAgency(input.applicationId);
        if (owner === undefined)
          throw new AppError(
            'VALIDATION_FAILED',
            `there is no application ${input.applicationId} in the catalog; GET /api/v1/catalog/applications lists them.`,
          );
        if (owner !== input.agencyCode)
          throw new AppError(
            'FORBIDDEN',
            `application ${input.applicationId} belongs to ${owner}; a system of ${input.agencyCode} can be linked only to its own agency's applications.`,
          );
      }
      const clientSecret = newSecret('padu_cs');
      const system = await repository
        .insertSystem(
          {
            agencyCode: input.agencyCode,
            name: input.name,
            slug,
            applicationId: input.applicationId ?? null,
            clientId: `padu_${randomBytes(12).toString('base64url')}`,
          },
          hashSecret(clientSecret),
          actor,
        )
        .catch((error: unknown) => {
          // The only foreign key a caller chooses: the catalog application.
          if ((error as { code?: string }).code === '23503')
            throw new AppError(
              'VALIDATION_FAILED',
              `there is no application ${input.applicationId} in the catalog; GET /api/v1/catalog/applications lists them.`,
            );
          throw error;
        });
      if (system === undefined)
        throw new AppError(
          'CONFLICT',
          `${input.agencyCode} already has a system "${slug}"; choose another name or slug.`,
        );
      return { system, clientSecret };
    },

    listSystems: (agencyCode) => repository.listSystems(agencyCode),

    async applicationLinks(applicationId) {
      const systems = await repository.systemsOfApplication(applicationId);
      const services = await repository.servicesOfSystems(systems.map((s) => s.id));
      return systems.map((system) => ({
        system,
        services: services.filter((v) => v.systemId === system.id),
      }));
    },
    findSystem: (id) => repository.findSystem(id),

    async rotateSecret(systemId, actor) {
      await requireSystem(systemId);
      const secret = newSecret('padu_cs');
      await repository.rotateSecret(systemId, hashSecret(secret), SECRET_GRACE_SECONDS, actor);
      return secret;
    },

    async addService(input, actor) {
      const system = await requireSystem(input.systemId);
      let upstream: URL;
      try {
        upstream = new URL(input.upstreamUrl);
      } catch {
        throw new AppError(
          'VALIDATION_FAILED',
          `"${input.upstreamUrl}" is not a URL; give the upstream as http(s)://host[:port]/path.`,
        );
      }
      if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:')
        throw new AppError(
          'VALIDATION_FAILED',
          `the upstream must be http or https, not ${upstream.protocol}`,
        );
      const openapi = input.openapi ?? null;
      if (openapi !== null) {
        const problems = openApiProblems(openapi);
        if (problems.length > 0)
          throw new AppError(
            'VALIDATION_FAILED',
            `the OpenAPI document is not usable: ${problems.join('; ')}.`,
          );
      }
      const slug = input.slug ?? slugOf(input.name);
      const service = await repository.insertService(
        {
          systemId: system.id,
          name: input.name,
          slug,
          description: input.description ?? null,
          version: input.version ?? null,
          upstreamUrl: upstream.toString().replace(/\/$/, ''),
          openapi,
          personalData: input.personalData ?? false,
        },
        actor,
      );
      if (service === undefined)
        throw new AppError(
          'CONFLICT',
          `system ${system.id} already has a service "${slug}"; choose another name.`,
        );
      return { service, path: `/x/${system.agencyCode}/${system.slug}/${service.slug}` };
    },

    findService: (id) => repository.findService(id),
    findServiceByPath: (agency, system, service) =>
      repository.findServiceByPath(agency, system, service),
    listServices: (search) => repository.listServices(search),

    async addGrant(input, actor) {
      await requireService(input.serviceId);
      await requireSystem(input.consumerSystemId);
      const grant = await repository.insertGrant(
        {
          serviceId: input.serviceId,
          consumerSystemId: input.consumerSystemId,
          status: input.status,
          methods: input.methods?.map((m) => m.toUpperCase()) ?? null,
          pathPrefixes: input.pathPrefixes ?? null,
          rateLimit: input.rateLimit ?? DEFAULT_RATE_LIMIT,
          expiresAt: input.expiresAt ?? null,
        },
        actor,
      );
      if (grant === undefined)
        throw new AppError(
          'CONFLICT',
          `system ${input.consumerSystemId} already has an open request or a grant on service ${input.serviceId}; revoke it first.`,
        );
      grantChanged(grant);
      return grant;
    },

    async decideGrant(id, decision, actor, terms) {
      if (!(await repository.setGrantStatus(id, 'requested', decision, actor, terms)))
        throw new AppError('CONFLICT', `grant ${id} is not an open request.`);
      const grant = await repository.findGrant(id);
      if (grant !== undefined) grantChanged(grant);
    },

    async revokeGrant(id, actor) {
      const grant = await repository.findGrant(id);
      if (grant === undefined) throw new AppError('NOT_FOUND', `there is no grant ${id}.`);
      if (!(await repository.setGrantStatus(id, 'granted', 'revoked', actor)))
        throw new AppError('CONFLICT', `grant ${id} is ${grant.status}, not granted.`);
      grantChanged(grant);
    },

    onGrantChange(listener) {
      grantListeners.push(listener);
    },

    liveGrant: (serviceId, consumerSystemId) => repository.liveGrant(serviceId, consumerSystemId),
    findGrant: (id) => repository.findGrant(id),
    listGrants: (agencyCode) => repository.listGrants(agencyCode),

    async issueToken(clientId, clientSecret, issuer) {
      const system = await repository.authenticateClient(clientId, hashSecret(clientSecret));
      if (system === undefined) return undefined;
      const { signing } = await loadKeys();
      const { token } = signAccessToken(
        signing,
        {
          iss: issuer,
          sub: clientId,
          aud: TOKEN_AUDIENCE,
          padu_system: system.id,
          padu_agency: system.agencyCode,
        },
        TOKEN_LIFETIME_SECONDS,
      );
      return { token, expiresIn: TOKEN_LIFETIME_SECONDS };
    },

    async verifyToken(token) {
      const now = Date.now();
      const known = verified.get(token);
      if (known !== undefined && known.until > now && known.claims.exp * 1000 > now)
        return { ok: true, claims: known.claims };
      const checkWith = async (refresh: boolean) =>
        verifyAccessToken(
          token,
          (await loadKeys(refresh)).verifying,
          TOKEN_AUDIENCE,
          now,
          TOKEN_LIFETIME_SECONDS,
        );
      let check = await checkWith(false);
      // A key another node made after this one loaded its keys: reload (at most every few seconds).
      if (!check.ok && check.reason.includes('unknown key')) check = await checkWith(true);
      if (check.ok) {
        if (verified.size >= VERIFIED_TOKENS) verified.clear();
        verified.set(token, { claims: check.claims, until: now + VERIFIED_FOR_MS });
      }
      return check;
    },

    async jwks() {
      return { keys: (await loadKeys()).jwks };
    },

    async rotateSigningKey(actor) {
      const key = generateSigningKey();
      await repository.rotateSigningKey(key.kid, key.privatePem, key.jwk, actor);
      keysLoadedAt = 0;
      await loadKeys(true);
      return { kid: key.kid };
    },
  };
}
