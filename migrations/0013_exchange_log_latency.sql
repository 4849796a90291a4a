-- The exchange log's latency as a column (issue 5), like the other columns copied out of each
-- entry in 0012: statistics per service and consumer then read columns over the time index instead
-- of decoding every entry's JSON.

alter table exchange_log add column latency_ms integer;

update exchange_log set latency_ms = (convert_from(entry, 'UTF8')::jsonb ->> 'latencyMs')::integer;

alter table exchange_log alter column latency_ms set not null;
