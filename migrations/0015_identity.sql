-- Citizens' accounts (issue 6): registration by NIK matched against the population register,
-- argon2id passwords, a TOTP second factor, staged sessions, lock-out, password resets, and the
-- notifier's outbox.

create table citizens (
  id               bigint generated always as identity primary key,
  nik              text not null unique check (nik ~ '^[0-9]{16}$'),
  -- The name as the population register held it when the citizen registered.
  name             text not null,
  email            text not null,
  password_hash    text not null,                 -- argon2id
  totp_secret      text not null,                 -- base32 (RFC 4648)
  totp_enabled_at  timestamptz,                   -- null until the first code was confirmed
  totp_last_step   bigint,                        -- a code's 30 s step is accepted once only
  created_at       timestamptz not null default now(),
  disabled_at      timestamptz
);

-- A session passes through stages: 'enrol' (registered, second factor not yet confirmed), 'totp'
-- (password right, code still due), 'active'. Only the SHA-256 of the cookie value is stored, and
-- likewise of the CSRF token that every cookie-authenticated write must repeat in a header.
create table citizen_sessions (
  token_hash    text primary key,
  citizen_id    bigint not null references citizens (id) on delete cascade,
  stage         text not null check (stage in ('enrol', 'totp', 'active')),
  csrf_hash     text not null,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null
);
create index citizen_sessions_citizen_idx on citizen_sessions (citizen_id);
create index citizen_sessions_expires_idx on citizen_sessions (expires_at);

-- Failed logins per NIK, kept whether or not an account has that NIK, so that the lock-out answers
-- the same for every NIK and does not tell which are registered.
create table citizen_login_failures (
  nik              text primary key,
  failures         integer not null,
  first_failed_at  timestamptz not null,
  locked_until     timestamptz
);

create table citizen_password_resets (
  token_hash  text primary key,
  citizen_id  bigint not null references citizens (id) on delete cascade,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  used_at     timestamptz
);
create index citizen_password_resets_citizen_idx on citizen_password_resets (citizen_id);

-- What the local notifier "sends": messages an operator reads (GET /api/v1/outbox, `padu outbox`).
-- A deployment with a mail or SMS gateway delivers from here and sets delivered_at.
create table notification_outbox (
  id            bigint generated always as identity primary key,
  channel       text not null check (channel in ('email', 'sms')),
  recipient     text not null,
  subject       text not null,
  body          text not null,
  created_at    timestamptz not null default now(),
  delivered_at  timestamptz
);
