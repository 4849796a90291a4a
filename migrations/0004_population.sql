-- Person register (by NIK), immunisations, and the pre-aggregated counts behind the region statistics.
create table people (
  nik                 text primary key check (nik ~ '^[0-9]{16}$'),
  name                text not null,
  sex                 text not null check (sex in ('L', 'P')),
  birth_date          date not null,
  village_code        text not null references regions (code),  -- residence; never derived from the NIK
  family_card_number  text check (family_card_number ~ '^[0-9]{16}$'),
  mother_name         text,
  death_date          date check (death_date >= birth_date),
  updated_at          timestamptz not null default now()
);

-- One immunisation per (NIK, vaccine, dose), however often and by whomever it is reported; the
-- earliest reported date is kept (a dose counts from the first report that it was given).
create table immunizations (
  nik                    text not null references people (nik),
  vaccine                text not null check (vaccine ~ '^[A-Z0-9][A-Z0-9 ._/+-]{0,39}$'),
  dose                   smallint not null check (dose between 1 and 99),
  date                   date not null,
  facility_village_code  text references regions (code),
  updated_at             timestamptz not null default now(),
  primary key (nik, vaccine, dose)
);

-- The last day a person born on `birth` is "under 12" is the day before this date: the first day d
-- with d - 12 years >= birth (a 29 February birth turns 12 on 28 February or 1 March, as the
-- calendar of d - 12 years decides). Death ends childhood for counting too.
create function padu_child_until(birth date, death date) returns date
language sql immutable parallel safe as $$
  select least(
    case when ((birth + interval '12 years')::date - interval '12 years')::date >= birth
         then (birth + interval '12 years')::date
         else (birth + interval '12 years')::date + 1 end,
    death)
$$;

-- Counts kept as +1/-1 deltas at the day a person enters or leaves a count, per region at every
-- level ('' = Indonesia) and per time tier: 1 = whole year (bucket = 1 January), 2 = month (bucket =
-- first of the month), 3 = day. Indonesia, provinces and regencies keep all three tiers; districts
-- and villages years and days. The value on a date D is the sum of year deltas before D's
-- year, month deltas of D's year before D's month (or, without months, day deltas of D's year), and
-- day deltas up to D: a few hundred rows per region, however many people it has.
create table population_deltas (
  region_code  text not null,
  tier         smallint not null check (tier in (1, 2, 3)),
  bucket       date not null,
  population   integer not null,  -- alive: born on or before D, not dead on or before D
  children     integer not null,  -- alive and under 12 on D
  primary key (region_code, tier, bucket)
);

create table immunization_deltas (
  region_code  text not null,
  vaccine      text not null,
  dose         smallint not null check (dose in (1, 2)),
  tier         smallint not null check (tier in (1, 2, 3)),
  bucket       date not null,
  children     integer not null,  -- children under 12 on D with this dose dated on or before D
  primary key (region_code, vaccine, dose, tier, bucket)
);
