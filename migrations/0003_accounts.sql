-- Operator accounts, console sessions and API tokens.
create table accounts (
  id             bigint generated always as identity primary key,
  username       text not null unique check (username ~ '^[a-z0-9._-]{3,64}$'),
  password_hash  text not null,             -- argon2id
  role           text not null check (role in ('platform_admin', 'agency_operator')),
  agency_code    text references agencies (code),
  created_at     timestamptz not null default now(),
  disabled_at    timestamptz,
  check ((role = 'agency_operator') = (agency_code is not null))
);

create table sessions (
  token_hash   text primary key,            -- SHA-256 of the cookie value; the value itself is never stored
  account_id   bigint not null references accounts (id) on delete cascade,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null
);
create index sessions_expires_at_idx on sessions (expires_at);

create table api_tokens (
  id           bigint generated always as identity primary key,
  token_hash   text not null unique,        -- SHA-256 of the token; shown once at creation
  name         text not null,
  role         text not null check (role in ('platform_admin', 'agency_operator')),
  agency_code  text references agencies (code),
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at   timestamptz,
  check ((role = 'agency_operator') = (agency_code is not null))
);
