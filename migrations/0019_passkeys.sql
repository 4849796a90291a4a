-- WebAuthn passkeys as a citizen's second factor, where the browser offers them (issue 6).

create table citizen_passkeys (
  id            text primary key,                 -- the credential id, base64url
  citizen_id    bigint not null references citizens (id) on delete cascade,
  public_key    bytea not null,                   -- COSE_Key
  counter       bigint not null default 0,        -- signature counter (0 for authenticators without one)
  transports    text[] not null default '{}',
  name          text not null,
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz
);
create index citizen_passkeys_citizen_idx on citizen_passkeys (citizen_id);

-- The challenge of the WebAuthn ceremony a session has under way (registration or login); used once.
alter table citizen_sessions add column webauthn_challenge text;
