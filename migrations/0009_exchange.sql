-- The exchange (issue 5), first part: the registry of agency systems and the services they
-- publish, consumers' access grants, OAuth 2.0 client credentials, and the keys that sign
-- access tokens.

create table exchange_systems (
  id              bigint generated always as identity primary key,
  agency_code     text not null references agencies (code),
  name            text not null,
  -- The system's segment in gateway paths: /x/{agency}/{slug}/{service}/…
  slug            text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  application_id  bigint references applications (id) on delete set null,
  client_id       text not null unique,
  created_at      timestamptz not null default now(),
  unique (agency_code, slug)
);

-- At most two secrets are valid at once (during a rotation); only their SHA-256 is kept.
create table exchange_client_secrets (
  id           bigint generated always as identity primary key,
  system_id    bigint not null references exchange_systems (id) on delete cascade,
  secret_hash  text not null unique,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz
);
create index exchange_client_secrets_system_idx on exchange_client_secrets (system_id);

create table exchange_services (
  id            bigint generated always as identity primary key,
  system_id     bigint not null references exchange_systems (id) on delete cascade,
  name          text not null,
  slug          text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  description   text,
  version       text,
  upstream_url  text not null,
  openapi       jsonb,
  status        text not null default 'active' check (status in ('active', 'inactive')),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  unique (system_id, slug)
);

create table exchange_grants (
  id                  bigint generated always as identity primary key,
  service_id          bigint not null references exchange_services (id) on delete cascade,
  consumer_system_id  bigint not null references exchange_systems (id) on delete cascade,
  status              text not null check (status in ('requested', 'granted', 'refused', 'revoked')),
  -- null: any method / any path under the service
  methods             text[],
  path_prefixes       text[],
  rate_limit          integer not null default 100 check (rate_limit > 0),  -- calls per second
  expires_at          timestamptz,
  requested_at        timestamptz not null default now(),
  decided_at          timestamptz,
  decided_by          text,
  revoked_at          timestamptz
);
-- One open request or live grant per consumer and service.
create unique index exchange_grants_open_idx on exchange_grants (service_id, consumer_system_id)
  where status in ('requested', 'granted');

-- Ed25519 keys that sign access tokens; retired keys stay published until their tokens expire.
create table exchange_signing_keys (
  kid          text primary key,
  private_key  text not null,  -- PKCS#8 PEM
  public_jwk   jsonb not null,
  created_at   timestamptz not null default now(),
  retired_at   timestamptz
);
