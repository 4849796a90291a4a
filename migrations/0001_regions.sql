-- Administrative regions (wilayah) from Kemendagri: province (1) > regency/city (2) > district (3) > village (4).
create extension if not exists pg_trgm;

create table regions (
  code         text primary key,            -- dotted Kemendagri code: 32, 32.04, 32.04.11, 32.04.11.2001
  name         text not null,
  level        smallint not null check (level between 1 and 4),
  parent_code  text references regions (code),
  search_name  text not null,               -- normalised name: lower case, single spaces, no punctuation
  check ((level = 1) = (parent_code is null))
);
create index regions_parent_code_idx on regions (parent_code, name);
create index regions_level_idx on regions (level, code);
create index regions_search_name_trgm_idx on regions using gin (search_name gin_trgm_ops);

-- One row per reference data set loaded from a file, so that start-up can skip an unchanged import.
create table reference_imports (
  name         text primary key,
  checksum     text not null,
  row_count    integer not null,
  imported_at  timestamptz not null default now()
);

-- Who did what, when: every mutation that matters writes a row.
create table audit_log (
  id          bigint generated always as identity primary key,
  at          timestamptz not null default now(),
  actor       text not null,
  action      text not null,
  subject     text,
  details     jsonb not null default '{}'::jsonb
);
create index audit_log_at_idx on audit_log (at);
