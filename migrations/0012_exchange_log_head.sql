-- The exchange log, ready for heavy traffic and for the console (issue 5).
--
-- Its size is kept in one row. A gateway appends a batch in one statement: it moves the head
-- forward, which locks the row until the commit, and numbers its entries from the old size. Appends
-- from every node stay contiguous without an advisory lock or a max() per batch, in one round trip.
--
-- The columns the console and the citizen's data-access view filter on are copied out of the entry
-- when it is written (the entry's bytes stay the record; these are only for finding it).

create table exchange_log_head (
  only_row  boolean primary key default true check (only_row),
  size      bigint not null check (size >= 0)
);

insert into exchange_log_head (size) select coalesce(max(leaf_index) + 1, 0) from exchange_log;

alter table exchange_log
  add column service_id         integer,
  add column consumer_system_id integer,
  add column status             smallint,
  add column subject            text;

update exchange_log l
set service_id = (e->>'serviceId')::integer,
    consumer_system_id = (e->>'consumerSystemId')::integer,
    status = (e->>'status')::smallint,
    subject = e->>'subject'
from (select leaf_index, convert_from(entry, 'UTF8')::jsonb as e from exchange_log) x
where x.leaf_index = l.leaf_index;

alter table exchange_log
  alter column service_id set not null,
  alter column consumer_system_id set not null,
  alter column status set not null;

create index exchange_log_service on exchange_log (service_id, leaf_index);
create index exchange_log_consumer on exchange_log (consumer_system_id, leaf_index);
create index exchange_log_subject on exchange_log (subject, leaf_index) where subject is not null;
create index exchange_log_logged_at on exchange_log (logged_at);
