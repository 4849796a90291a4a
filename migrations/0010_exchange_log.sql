-- The exchange log (issue 5): one entry per call through the gateway, in the order the log
-- accepted them. Leaves are numbered without gaps from 0 (the Merkle tree over them is RFC 6962's);
-- the exact bytes that were hashed are kept, so that anyone can recompute every hash.

create table exchange_log (
  leaf_index  bigint primary key check (leaf_index >= 0),
  request_id  text not null unique,
  entry       bytea not null,   -- canonical encoding (src/exchange/log-entry.ts)
  leaf_hash   bytea not null,   -- SHA-256(0x00 || entry)
  logged_at   timestamptz not null default now()
);
