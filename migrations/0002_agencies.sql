-- Central agencies (instansi pusat) and regional governments (pemerintah daerah).
create table agencies (
  code          text primary key,           -- regional: the region code (32, 32.04); central: P.<ABBREVIATION>
  name          text not null,
  name_en       text,
  level         text not null check (level in ('pusat', 'provinsi', 'kabupaten', 'kota')),
  kind          text,                       -- central only: kementerian_koordinator, kementerian, lembaga
  abbreviation  text,
  aliases       text[] not null default '{}',
  former_names  text[] not null default '{}',
  region_code   text references regions (code),
  search_text   text not null,              -- normalised name, abbreviation, aliases and former names
  check ((level = 'pusat') = (region_code is null))
);
create index agencies_level_idx on agencies (level, name);
create index agencies_search_text_trgm_idx on agencies using gin (search_text gin_trgm_ops);
