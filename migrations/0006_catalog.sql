-- The application catalog (issue 4): shared national applications, the government functions that
-- applications serve (reference data that admins may edit; seeded from src/catalog/taxonomy.data.ts),
-- and the inventory of agency applications.

create table shared_applications (
  code               text primary key,
  name               text not null,
  full_name          text not null,
  description_en     text not null,
  owner_agency_code  text references agencies (code),
  updated_at         timestamptz not null default now()
);

create table government_functions (
  code                     text primary key,
  name                     text not null,
  name_en                  text not null,
  shared_application_code  text references shared_applications (code),
  keywords                 text[] not null default '{}',
  updated_at               timestamptz not null default now()
);

create table applications (
  id             bigint generated always as identity primary key,
  agency_code    text not null references agencies (code),
  -- The id the agency's own inventory gives it: with the agency, what a re-import matches on.
  source_id      text not null,
  name           text not null,
  acronym        text,
  description    text,
  unit           text,
  status         text not null default 'active' check (status in ('active', 'development', 'retired')),
  users          text,
  hosting        text,
  technology     text,
  personal_data  boolean,
  annual_cost    numeric(16, 0) check (annual_cost >= 0),  -- rupiah per year
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  unique (agency_code, source_id)
);
create index applications_agency_idx on applications (agency_code, name);

-- Agencies that an inventory names but the seed lacks (`padu catalog import --create-missing-agencies`):
-- kept apart from the seed, and a regional one may lack its region (the import cannot know it).
alter table agencies add column origin text not null default 'seed' check (origin in ('seed', 'import'));
alter table agencies drop constraint agencies_check;
alter table agencies add constraint agencies_level_region_check
  check ((level = 'pusat') = (region_code is null) or (origin = 'import' and region_code is null));
