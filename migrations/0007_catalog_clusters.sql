-- Finding duplicate applications (issue 4): the latest clustering run's assignment of every
-- application to a cluster (a government function, a split made by officials, or a group found by
-- similarity), the officials' decisions that steer later runs, and the record of runs.

-- Reference rows that admins changed are no longer refreshed from the seed data.
alter table government_functions add column edited boolean not null default false;
alter table shared_applications add column edited boolean not null default false;

create table clustering_runs (
  id             bigint generated always as identity primary key,
  started_at     timestamptz not null default now(),
  seconds        real not null,
  applications   integer not null,
  clusters       integer not null,
  by_function    integer not null,
  by_similarity  integer not null,
  decided        integer not null,
  triggered_by   text not null
);

create table application_clusters (
  application_id           bigint primary key references applications (id) on delete cascade,
  cluster_id               text not null,
  function_code            text references government_functions (code) on delete set null,
  shared_application_code  text references shared_applications (code) on delete set null,
  confidence               real not null check (confidence >= 0 and confidence <= 1),
  decided                  boolean not null,
  evidence                 jsonb not null,
  run_id                   bigint not null references clustering_runs (id)
);
create index application_clusters_cluster_idx on application_clusters (cluster_id);

-- Append-only: the latest decision on an application is the one in force.
create table catalog_decisions (
  id              bigint generated always as identity primary key,
  application_id  bigint not null references applications (id) on delete cascade,
  kind            text not null check (kind in ('confirm', 'move', 'split', 'reset')),
  function_code   text references government_functions (code),
  split_group     text,
  note            text,
  decided_by      text not null,
  decided_at      timestamptz not null default now(),
  check ((kind in ('confirm', 'move')) = (function_code is not null) or kind = 'split'),
  check ((kind = 'split') = (split_group is not null))
);
create index catalog_decisions_application_idx on catalog_decisions (application_id, id desc);
