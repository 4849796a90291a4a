-- The region statistics move from +1/-1 delta rows per time tier (0004) to one row of cumulative
-- totals per region, measure and (for Indonesia, provinces and regencies) year: see
-- src/population/population.counts.ts and docs/decisions/0004. The series are rebuilt from the
-- register when Padu starts (prepareDatabase) if people exist and no series do.
drop table population_deltas;
drop table immunization_deltas;

create table count_series (
  region_id  bigint not null,    -- the region code's digits; 0 = Indonesia
  series     text not null,      -- born, died, child_death, dose1:<VACCINE>, dose2:<VACCINE>
  bucket     smallint not null,  -- a year, or 0: the whole history (districts, villages) or the per-year summary
  days       integer[] not null, -- days since 1970-01-01, ascending
  totals     integer[] not null, -- cumulative count on each of those days
  -- One number per (region, bucket), so that a write finds its rows with `key = any($keys)`: an
  -- index condition whatever the planner's statistics say (a join with unnest() was planned as a
  -- nested loop over the whole series when the statistics did not know it yet).
  key        bigint generated always as (region_id * 10000 + bucket) stored,
  primary key (key, series)
);
-- Integer arrays hardly compress; skip the attempt.
alter table count_series alter column days set storage external, alter column totals set storage external;

-- Village codes are checked against the region reference (which never loses a code) before any
-- write; a per-row foreign-key check cost 6 s per million people (docs/decisions/0004).
alter table people drop constraint people_village_code_fkey;
alter table immunizations drop constraint immunizations_facility_village_code_fkey;

-- NIKs and family card numbers are checked (far more than this regular expression could) before
-- any write; each check cost a second per million people.
alter table people drop constraint people_nik_check;
alter table people drop constraint people_family_card_number_check;

-- NIKs are digits: byte order ("C") compares them several times faster than the database locale.
alter table immunizations drop constraint immunizations_nik_fkey;
alter table people alter column nik type text collate "C";
alter table immunizations alter column nik type text collate "C";
-- An immunisation's NIK must be registered: the merge rejects the others while it holds the
-- population write lock, and people are never deleted. The foreign key it replaces checked each
-- row again, one index probe through the trigger machinery per dose (12 s of a 2-million-dose import).
