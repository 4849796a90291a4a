import type pg from 'pg';
import { auditInTransaction, inTransaction } from '../platform/db/transaction.ts';

/** SQL of the exchange registry, credentials, grants and signing keys. */

export interface SystemRow {
  id: number;
  agencyCode: string;
  name: string;
  slug: string;
  applicationId: number | null;
  clientId: string;
  createdAt: string;
}

interface SystemSql {
  id: string;
  agency_code: string;
  name: string;
  slug: string;
  application_id: string | null;
  client_id: string;
  created_at: Date;
}

const systemOf = (r: SystemSql): SystemRow => ({
  id: Number(r.id),
  agencyCode: r.agency_code,
  name: r.name,
  slug: r.slug,
  applicationId: r.application_id === null ? null : Number(r.application_id),
  clientId: r.client_id,
  createdAt: r.created_at.toISOString(),
});

export interface ServiceRow {
  id: number;
  systemId: number;
  agencyCode: string;
  systemSlug: string;
  systemName: string;
  name: string;
  slug: string;
  description: string | null;
  version: string | null;
  upstreamUrl: string;
  openapi: unknown;
  status: 'active' | 'inactive';
  /** Calls must state a subject (NIK) and a purpose. */
  personalData: boolean;
}

interface ServiceSql {
  id: string;
  system_id: string;
  agency_code: string;
  system_slug: string;
  system_name: string;
  name: string;
  slug: string;
  description: string | null;
  version: string | null;
  upstream_url: string;
  openapi: unknown;
  status: 'active' | 'inactive';
  personal_data: boolean;
}

const serviceOf = (r: ServiceSql): ServiceRow => ({
  id: Number(r.id),
  systemId: Number(r.system_id),
  agencyCode: r.agency_code,
  systemSlug: r.system_slug,
  systemName: r.system_name,
  name: r.name,
  slug: r.slug,
  description: r.description,
  version: r.version,
  upstreamUrl: r.upstream_url,
  openapi: r.openapi,
  status: r.status,
  personalData: r.personal_data,
});

const SERVICE_SELECT = `
  select v.*, s.agency_code, s.slug as system_slug, s.name as system_name
  from exchange_services v join exchange_systems s on s.id = v.system_id`;

/** What a provider limits a grant to: methods and path prefixes (null: all), calls per second, expiry. */
export interface GrantTerms {
  methods: string[] | null;
  pathPrefixes: string[] | null;
  rateLimit: number;
  expiresAt: string | null;
}

export type GrantStatus = 'requested' | 'granted' | 'refused' | 'revoked';

export interface GrantRow {
  id: number;
  serviceId: number;
  consumerSystemId: number;
  status: GrantStatus;
  methods: string[] | null;
  pathPrefixes: string[] | null;
  rateLimit: number;
  expiresAt: string | null;
}

interface GrantSql {
  id: string;
  service_id: string;
  consumer_system_id: string;
  status: GrantStatus;
  methods: string[] | null;
  path_prefixes: string[] | null;
  rate_limit: number;
  expires_at: Date | null;
}

const grantOf = (r: GrantSql): GrantRow => ({
  id: Number(r.id),
  serviceId: Number(r.service_id),
  consumerSystemId: Number(r.consumer_system_id),
  status: r.status,
  methods: r.methods,
  pathPrefixes: r.path_prefixes,
  rateLimit: r.rate_limit,
  expiresAt: r.expires_at?.toISOString() ?? null,
});

export function exchangeRepository(pool: pg.Pool) {
  return {
    /** Adds a system with its first secret; undefined if the agency already has that slug. */
    insertSystem(
      system: {
        agencyCode: string;
        name: string;
        slug: string;
        applicationId: number | null;
        clientId: string;
      },
      secretHash: string,
      actor: string,
    ): Promise<SystemRow | undefined> {
      return inTransaction(pool, async (client) => {
        const { rows } = await client.query<SystemSql>(
          `insert into exchange_systems (agency_code, name, slug, application_id, client_id)
           values ($1, $2, $3, $4, $5) on conflict (agency_code, slug) do nothing returning *`,
          [system.agencyCode, system.name, system.slug, system.applicationId, system.clientId],
        );
        const row = rows[0];
        if (row === undefined) return undefined;
        await client.query(
          'insert into exchange_client_secrets (system_id, secret_hash) values ($1, $2)',
          [row.id, secretHash],
        );
        await auditInTransaction(
          client,
          actor,
          'exchange.system.create',
          `system:${row.id}`,
          system,
        );
        return systemOf(row);
      });
    },

    async findSystem(id: number): Promise<SystemRow | undefined> {
      const { rows } = await pool.query<SystemSql>('select * from exchange_systems where id = $1', [
        id,
      ]);
      return rows[0] === undefined ? undefined : systemOf(rows[0]);
    },

    async listSystems(agencyCode: string | null): Promise<SystemRow[]> {
      const { rows } = await pool.query<SystemSql>(
        `select * from exchange_systems where $1::text is null or agency_code = $1 order by agency_code, slug`,
        [agencyCode],
      );
      return rows.map(systemOf);
    },

    /** The systems linked to an application of the catalog. */
    async systemsOfApplication(applicationId: number): Promise<SystemRow[]> {
      const { rows } = await pool.query<SystemSql>(
        'select * from exchange_systems where application_id = $1 order by agency_code, slug',
        [applicationId],
      );
      return rows.map(systemOf);
    },

    /** The services the given systems publish. */
    async servicesOfSystems(systemIds: readonly number[]): Promise<ServiceRow[]> {
      const { rows } = await pool.query<ServiceSql>(
        `${SERVICE_SELECT}
         where v.system_id = any($1::bigint[])
         order by s.agency_code, s.slug, v.slug`,
        [systemIds],
      );
      return rows.map(serviceOf);
    },

    /** The system whose client id and (valid) secret hash these are. */
    async authenticateClient(clientId: string, secretHash: string): Promise<SystemRow | undefined> {
      const { rows } = await pool.query<SystemSql>(
        `select s.* from exchange_systems s join exchange_client_secrets c on c.system_id = s.id
         where s.client_id = $1 and c.secret_hash = $2 and (c.expires_at is null or c.expires_at > now())`,
        [clientId, secretHash],
      );
      return rows[0] === undefined ? undefined : systemOf(rows[0]);
    },

    /**
     * Adds a new secret; secrets that were valid stay valid for `graceSeconds` (so that the system
     * can switch without downtime), and expired ones are deleted: at most two are valid at once.
     */
    rotateSecret(
      systemId: number,
      secretHash: string,
      graceSeconds: number,
      actor: string,
    ): Promise<void> {
      return inTransaction(pool, async (client) => {
        await client.query(
          'delete from exchange_client_secrets where system_id = $1 and expires_at <= now()',
          [systemId],
        );
        // Of the secrets still valid only the newest keeps working, for the grace period.
        await client.query(
          `delete from exchange_client_secrets where system_id = $1 and id not in (
             select id from exchange_client_secrets where system_id = $1 order by id desc limit 1)`,
          [systemId],
        );
        await client.query(
          `update exchange_client_secrets set expires_at = least(coalesce(expires_at, 'infinity'),
             now() + make_interval(secs => $2)) where system_id = $1`,
          [systemId, graceSeconds],
        );
        await client.query(
          'insert into exchange_client_secrets (system_id, secret_hash) values ($1, $2)',
          [systemId, secretHash],
        );
        await auditInTransaction(client, actor, 'exchange.secret.rotate', `system:${systemId}`, {
          graceSeconds,
        });
      });
    },

    insertService(
      service: {
        systemId: number;
        name: string;
        slug: string;
        description: string | null;
        version: string | null;
        upstreamUrl: string;
        openapi: unknown;
        personalData: boolean;
      },
      actor: string,
    ): Promise<ServiceRow | undefined> {
      return inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ id: string }>(
          `insert into exchange_services (system_id, name, slug, description, version, upstream_url, openapi,
                                          personal_data)
           values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (system_id, slug) do nothing returning id`,
          [
            service.systemId,
            service.name,
            service.slug,
            service.description,
            service.version,
            service.upstreamUrl,
            service.openapi === null ? null : JSON.stringify(service.openapi),
            service.personalData,
          ],
        );
        const id = rows[0]?.id;
        if (id === undefined) return undefined;
        await auditInTransaction(client, actor, 'exchange.service.create', `service:${id}`, {
          ...service,
          openapi: service.openapi === null ? null : '(document)',
        });
        const { rows: found } = await client.query<ServiceSql>(
          `${SERVICE_SELECT} where v.id = $1`,
          [id],
        );
        return found[0] === undefined ? undefined : serviceOf(found[0]);
      });
    },

    async findService(id: number): Promise<ServiceRow | undefined> {
      const { rows } = await pool.query<ServiceSql>(`${SERVICE_SELECT} where v.id = $1`, [id]);
      return rows[0] === undefined ? undefined : serviceOf(rows[0]);
    },

    /** The service a gateway path names: /x/{agency}/{system}/{service}. */
    async findServiceByPath(
      agencyCode: string,
      systemSlug: string,
      serviceSlug: string,
    ): Promise<ServiceRow | undefined> {
      const { rows } = await pool.query<ServiceSql>(
        `${SERVICE_SELECT} where s.agency_code = $1 and s.slug = $2 and v.slug = $3`,
        [agencyCode, systemSlug, serviceSlug],
      );
      return rows[0] === undefined ? undefined : serviceOf(rows[0]);
    },

    async listServices(search: string | null): Promise<ServiceRow[]> {
      const { rows } = await pool.query<ServiceSql>(
        `${SERVICE_SELECT}
         where $1::text is null or (v.name || ' ' || coalesce(v.description, '') || ' ' || s.name) ilike $1
         order by s.agency_code, s.slug, v.slug`,
        [search === null ? null : `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
      );
      return rows.map(serviceOf);
    },

    /** Adds a grant (or an access request); undefined if one is already open for the pair. */
    insertGrant(
      grant: {
        serviceId: number;
        consumerSystemId: number;
        status: 'requested' | 'granted';
        methods: string[] | null;
        pathPrefixes: string[] | null;
        rateLimit: number;
        expiresAt: string | null;
      },
      actor: string,
    ): Promise<GrantRow | undefined> {
      return inTransaction(pool, async (client) => {
        // A grant that has expired is over: it is closed (as revoked at its expiry) so that the
        // consumer can ask again.
        await client.query(
          `update exchange_grants set status = 'revoked', revoked_at = expires_at
           where service_id = $1 and consumer_system_id = $2 and status = 'granted'
             and expires_at <= now()`,
          [grant.serviceId, grant.consumerSystemId],
        );
        const { rows } = await client.query<GrantSql>(
          `insert into exchange_grants (service_id, consumer_system_id, status, methods, path_prefixes,
             rate_limit, expires_at, decided_at, decided_by)
           values ($1, $2, $3, $4, $5, $6, $7,
             case when $3 = 'granted' then now() end, case when $3 = 'granted' then $8 end)
           on conflict do nothing returning *`,
          [
            grant.serviceId,
            grant.consumerSystemId,
            grant.status,
            grant.methods,
            grant.pathPrefixes,
            grant.rateLimit,
            grant.expiresAt,
            actor,
          ],
        );
        const row = rows[0];
        if (row === undefined) return undefined;
        await auditInTransaction(
          client,
          actor,
          `exchange.grant.${grant.status === 'granted' ? 'create' : 'request'}`,
          `grant:${row.id}`,
          grant,
        );
        return grantOf(row);
      });
    },

    async findGrant(id: number): Promise<GrantRow | undefined> {
      const { rows } = await pool.query<GrantSql>('select * from exchange_grants where id = $1', [
        id,
      ]);
      return rows[0] === undefined ? undefined : grantOf(rows[0]);
    },

    /** Moves a grant from one status to another; false if it was not in `from`. */
    setGrantStatus(
      id: number,
      from: GrantStatus,
      to: 'granted' | 'refused' | 'revoked',
      actor: string,
      terms?: GrantTerms,
    ): Promise<boolean> {
      return inTransaction(pool, async (client) => {
        const { rowCount } = await client.query(
          `update exchange_grants set status = $3,
             decided_at = case when $3 in ('granted', 'refused') then now() else decided_at end,
             decided_by = case when $3 in ('granted', 'refused') then $4 else decided_by end,
             revoked_at = case when $3 = 'revoked' then now() else revoked_at end,
             methods = coalesce($5, methods), path_prefixes = coalesce($6, path_prefixes),
             rate_limit = coalesce($7, rate_limit), expires_at = coalesce($8, expires_at)
           where id = $1 and status = $2`,
          [
            id,
            from,
            to,
            actor,
            terms?.methods ?? null,
            terms?.pathPrefixes ?? null,
            terms?.rateLimit ?? null,
            terms?.expiresAt ?? null,
          ],
        );
        if ((rowCount ?? 0) === 0) return false;
        await auditInTransaction(client, actor, `exchange.grant.${to}`, `grant:${id}`, terms ?? {});
        if (to === 'revoked')
          await client.query(`select pg_notify('padu_exchange_grants', $1)`, [String(id)]);
        return true;
      });
    },

    /** The live grant of a consumer on a service, if any. */
    async liveGrant(serviceId: number, consumerSystemId: number): Promise<GrantRow | undefined> {
      const { rows } = await pool.query<GrantSql>(
        `select * from exchange_grants where service_id = $1 and consumer_system_id = $2
           and status = 'granted' and (expires_at is null or expires_at > now())`,
        [serviceId, consumerSystemId],
      );
      return rows[0] === undefined ? undefined : grantOf(rows[0]);
    },

    /** Grants and requests where the agency is the provider or the consumer (all: null). */
    async listGrants(agencyCode: string | null): Promise<
      (GrantRow & {
        serviceName: string;
        providerAgency: string;
        consumerAgency: string;
        consumerName: string;
      })[]
    > {
      const { rows } = await pool.query<
        GrantSql & {
          service_name: string;
          provider_agency: string;
          consumer_agency: string;
          consumer_name: string;
        }
      >(
        `select g.*, v.name as service_name, p.agency_code as provider_agency,
                c.agency_code as consumer_agency, c.name as consumer_name
         from exchange_grants g
           join exchange_services v on v.id = g.service_id
           join exchange_systems p on p.id = v.system_id
           join exchange_systems c on c.id = g.consumer_system_id
         where $1::text is null or p.agency_code = $1 or c.agency_code = $1
         order by g.id desc`,
        [agencyCode],
      );
      return rows.map((r) => ({
        ...grantOf(r),
        serviceName: r.service_name,
        providerAgency: r.provider_agency,
        consumerAgency: r.consumer_agency,
        consumerName: r.consumer_name,
      }));
    },

    /** The agency that owns a catalog application, or undefined if there is none. */
    async applicationAgency(id: number): Promise<string | undefined> {
      const { rows } = await pool.query<{ agency_code: string }>(
        'select agency_code from applications where id = $1',
        [id],
      );
      return rows[0]?.agency_code;
    },

    async signingKeys(): Promise<
      { kid: string; privatePem: string; publicJwk: unknown; retiredAt: Date | null }[]
    > {
      const { rows } = await pool.query<{
        kid: string;
        private_key: string;
        public_jwk: unknown;
        retired_at: Date | null;
      }>(
        'select kid, private_key, public_jwk, retired_at from exchange_signing_keys order by created_at desc, kid',
      );
      return rows.map((r) => ({
        kid: r.kid,
        privatePem: r.private_key,
        publicJwk: r.public_jwk,
        retiredAt: r.retired_at,
      }));
    },

    /** A new active key; every other key is retired now, in one transaction. */
    async rotateSigningKey(
      kid: string,
      privatePem: string,
      publicJwk: unknown,
      actor: string,
    ): Promise<void> {
      await inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ kid: string }>(
          'update exchange_signing_keys set retired_at = now() where retired_at is null returning kid',
        );
        await client.query(
          'insert into exchange_signing_keys (kid, private_key, public_jwk) values ($1, $2, $3)',
          [kid, privatePem, JSON.stringify(publicJwk)],
        );
        await auditInTransaction(client, actor, 'exchange.signing_key.rotate', kid, {
          retired: rows.map((r) => r.kid),
        });
      });
    },

    async insertSigningKey(kid: string, privatePem: string, publicJwk: unknown): Promise<void> {
      await pool.query(
        'insert into exchange_signing_keys (kid, private_key, public_jwk) values ($1, $2, $3) on conflict do nothing',
        [kid, privatePem, JSON.stringify(publicJwk)],
      );
    },
  };
}

export type ExchangeRepository = ReturnType<typeof exchangeRepository>;
