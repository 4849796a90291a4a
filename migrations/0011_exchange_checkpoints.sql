-- Signed tree heads of the exchange log (issue 5): C2SP checkpoints, signed notes with an Ed25519
-- key of their own, kept so that anyone can check any later head against an earlier one.

create table exchange_note_keys (
  name         text primary key,   -- the note key name: the log's origin
  private_key  text not null,      -- PKCS#8 PEM
  public_key   bytea not null,     -- the 32-byte Ed25519 public key
  created_at   timestamptz not null default now()
);

create table exchange_checkpoints (
  tree_size   bigint primary key check (tree_size >= 0),
  root_hash   bytea not null,
  note        text not null,       -- the signed checkpoint exactly as published
  created_at  timestamptz not null default now()
);
