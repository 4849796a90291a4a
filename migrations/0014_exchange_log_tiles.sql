-- Hashes of complete tiles of the exchange log (issue 5): tile t is the RFC 6962 subtree hash of
-- leaves 256·t to 256·t + 255, as C2SP tlog-tiles cuts them. Entries never change once written,
-- so a tile's hash is final; a node starting on a long log reads one row per 256 entries instead
-- of every leaf hash. `padu exchange verify` recomputes each from the entries.

create table exchange_log_tiles (
  tile  bigint primary key check (tile >= 0),
  hash  bytea not null check (length(hash) = 32)
);
