-- Padu as an OpenID Connect provider (issue 6): government applications that log citizens in
-- with Padu, the provider library's state (sessions, grants, codes, interactions), and its keys.

create table oidc_clients (
  client_id      text primary key,
  name           text not null,
  -- Client metadata as the provider reads it (redirect_uris, client_secret, grant types…). The
  -- secret is kept as issued: the provider compares it (client_secret_basic/post), so it cannot be
  -- a hash.
  metadata       jsonb not null,
  -- Whether ID tokens and userinfo may carry the citizen's NIK (scope "nik"); off by default.
  nik_allowed    boolean not null default false,
  created_at     timestamptz not null default now(),
  disabled_at    timestamptz
);

-- One row per stored object of the provider (Session, Grant, AuthorizationCode, Interaction, …).
create table oidc_payloads (
  model        text not null,
  id           text not null,
  payload      jsonb not null,
  grant_id     text,
  uid          text,
  user_code    text,
  expires_at   timestamptz,
  consumed_at  timestamptz,
  primary key (model, id)
);
create index oidc_payloads_grant_idx on oidc_payloads (grant_id) where grant_id is not null;
create index oidc_payloads_uid_idx on oidc_payloads (uid) where uid is not null;
create index oidc_payloads_expires_idx on oidc_payloads (expires_at);

-- The provider's signing keys (private JWKs) and cookie keys, made once by the first node to start.
create table oidc_secrets (
  name        text primary key check (name in ('jwks', 'cookie_keys')),
  value       jsonb not null,
  created_at  timestamptz not null default now()
);
