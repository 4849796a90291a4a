import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from '../platform/db/schema.ts';

/**
 * All SQL of the population module. Writes are set-based over a staging table filled by COPY (see
 * population.import.ts): one merge updates the register and, in the same transaction, the delta
 * tables behind the statistics.
 */

// Every population write takes this transaction-scoped lock: a person's move and a new
// immunisation of that person must not compute their deltas from each other's stale state.
const POPULATION_WRITE_LOCK = 7_404_202_613;

export const PEOPLE_STAGING_COLUMNS = [
  'line',
  'raw',
  'nik',
  'name',
  'sex',
  'birth_date',
  'village_code',
  'family_card_number',
  'mother_name',
  'death_date',
] as const;

export const IMMUNIZATION_STAGING_COLUMNS = [
  'line',
  'raw',
  'nik',
  'vaccine',
  'dose',
  'date',
  'facility_village_code',
] as const;

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A row the database step refused, with the line, column and reason for the rejects file. */
export interface DatabaseReject {
  readonly line: number;
  readonly raw: string;
  readonly column: string;
  readonly reason: string;
}

// Expands per-village deltas (a relation `ev` with village_code, day and the count columns) to every
// level and the time tiers that level keeps (see tierWindow): Indonesia, provinces and regencies keep
// year, month and day deltas; districts and villages, whose events are spread thin over the days,
// years and days (at most ~100 + 366 rows to read, and a third fewer rows to write).
function expandToRegionsAndTiers(countColumns: string): string {
  return `
    from ev
    cross join lateral (values (ev.village_code, 4), (left(ev.village_code, 8), 3), (left(ev.village_code, 5), 2),
                               (left(ev.village_code, 2), 1), ('', 0)) as r(code, level)
    cross join lateral (values (1::smallint, date_trunc('year', ev.day)::date),
                               (2::smallint, date_trunc('month', ev.day)::date),
                               (3::smallint, ev.day)) as t(tier, bucket)
    where t.tier <> 2 or r.level <= 2
    group by r.code, t.tier, t.bucket${countColumns === '' ? '' : `, ${countColumns}`}`;
}

const POPULATION_DELTAS_FROM_VERSIONS = `
  , ev as (
    select v.village_code, e.day, sum(e.population)::int as population, sum(e.children)::int as children
    from versions v
    cross join lateral (values
      (v.birth_date, v.sign, v.sign),
      (v.death_date, -v.sign, 0),
      (padu_child_until(v.birth_date, v.death_date), 0, -v.sign)) as e(day, population, children)
    where e.day is not null
    group by v.village_code, e.day)
  insert into population_deltas (region_code, tier, bucket, population, children)
  select r.code, t.tier, t.bucket, sum(ev.population), sum(ev.children)
  ${expandToRegionsAndTiers('')}
  having sum(ev.population) <> 0 or sum(ev.children) <> 0
  on conflict (region_code, tier, bucket) do update
    set population = population_deltas.population + excluded.population,
        children = population_deltas.children + excluded.children`;

// A dose counts while its child is under 12 and alive: from the dose date to padu_child_until.
const IMMUNIZATION_DELTAS_FROM_VERSIONS = `
  , ev as (
    select iv.village_code, iv.vaccine, iv.dose, e.day, sum(e.delta)::int as children
    from iv
    cross join lateral (select padu_child_until(iv.birth_date, iv.death_date) as until) as u
    cross join lateral (values (iv.date, iv.sign), (u.until, -iv.sign)) as e(day, delta)
    where iv.dose in (1, 2) and iv.date < u.until
    group by iv.village_code, iv.vaccine, iv.dose, e.day)
  insert into immunization_deltas (region_code, vaccine, dose, tier, bucket, children)
  select r.code, ev.vaccine, ev.dose, t.tier, t.bucket, sum(ev.children)
  ${expandToRegionsAndTiers('ev.vaccine, ev.dose')}
  having sum(ev.children) <> 0
  on conflict (region_code, vaccine, dose, tier, bucket) do update
    set children = immunization_deltas.children + excluded.children`;

async function lockPopulationWrites(client: pg.PoolClient): Promise<void> {
  await client.query('select pg_advisory_xact_lock($1)', [POPULATION_WRITE_LOCK]);
  // The merges group millions of delta rows; enough memory keeps them in hash tables, not on disk.
  await client.query("set local work_mem = '256MB'");
}

const PERSON_FIELDS =
  'name, sex, birth_date, village_code, family_card_number, mother_name, death_date';

export async function createPeopleStaging(client: pg.PoolClient): Promise<void> {
  await client.query(`create temporary table people_staging (
      line integer not null, raw text not null, nik text not null, name text not null, sex text not null,
      birth_date date not null, village_code text not null, family_card_number text, mother_name text,
      death_date date) on commit drop`);
}

export async function createImmunizationStaging(client: pg.PoolClient): Promise<void> {
  await client.query(`create temporary table immunization_staging (
      line integer not null, raw text not null, nik text not null, vaccine text not null, dose smallint not null,
      date date not null, facility_village_code text) on commit drop`);
}

/**
 * Merges `people_staging` into the register. A NIK repeated in the batch with different data is
 * rejected (the first occurrence wins); an identical repeat counts as unchanged.
 */
export async function mergePeople(
  client: pg.PoolClient,
): Promise<MergeCounts & { rejects: DatabaseReject[] }> {
  await lockPopulationWrites(client);
  const duplicates = await client.query<{
    line: number;
    raw: string;
    first_line: number;
    is_same: boolean;
  }>(`
    with ranked as (
      select s.*, first_value(line) over w as first_line, row_number() over w as position
      from people_staging s window w as (partition by nik order by line))
    select d.line, d.raw, d.first_line,
           (f.${PERSON_FIELDS.split(', ').join(', f.')}) is not distinct from
           (d.${PERSON_FIELDS.split(', ').join(', d.')}) as is_same
    from ranked d join people_staging f on f.line = d.first_line
    where d.position > 1`);
  if (duplicates.rows.length > 0) {
    await client.query('delete from people_staging where line = any($1::int[])', [
      duplicates.rows.map((d) => d.line),
    ]);
  }
  const staged = await client.query<{ n: number }>('select count(*)::int as n from people_staging');

  // Lock the existing rows first: the deltas below subtract their current values.
  await client.query(
    'select 1 from people p join people_staging s using (nik) order by p.nik for update of p',
  );
  await client.query(`
    create temporary table people_changes on commit drop as
    select s.nik, s.${PERSON_FIELDS.split(', ').join(', s.')},
           p.nik is not null as existed,
           p.village_code as old_village_code, p.birth_date as old_birth_date, p.death_date as old_death_date,
           p.nik is not null and (p.village_code, p.birth_date, p.death_date)
             is distinct from (s.village_code, s.birth_date, s.death_date) as is_moved
    from people_staging s left join people p on p.nik = s.nik
    where p.nik is null
       or (p.${PERSON_FIELDS.split(', ').join(', p.')}) is distinct from (s.${PERSON_FIELDS.split(', ').join(', s.')})`);

  await client.query(`
    with versions as (
      select village_code, birth_date, death_date, 1 as sign from people_changes where not existed or is_moved
      union all
      select old_village_code, old_birth_date, old_death_date, -1 from people_changes where is_moved)
    ${POPULATION_DELTAS_FROM_VERSIONS}`);

  // A person who moved, was born on another date or died carries their doses along.
  await client.query(`
    with iv as (
      select c.village_code, i.vaccine, i.dose, i.date, c.birth_date, c.death_date, 1 as sign
      from people_changes c join immunizations i on i.nik = c.nik and i.dose in (1, 2) where c.is_moved
      union all
      select c.old_village_code, i.vaccine, i.dose, i.date, c.old_birth_date, c.old_death_date, -1
      from people_changes c join immunizations i on i.nik = c.nik and i.dose in (1, 2) where c.is_moved)
    ${IMMUNIZATION_DELTAS_FROM_VERSIONS}`);

  const counts = await client.query<{ inserted: number; updated: number }>(`
    with written as (
      insert into people (nik, ${PERSON_FIELDS})
      select nik, ${PERSON_FIELDS} from people_changes
      on conflict (nik) do update set
        ${PERSON_FIELDS.split(', ')
          .map((f) => `${f} = excluded.${f}`)
          .join(', ')}, updated_at = now()
      returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
    from written`);
  const { inserted = 0, updated = 0 } = counts.rows[0] ?? {};
  const identicalRepeats = duplicates.rows.filter((d) => d.is_same).length;
  return {
    inserted,
    updated,
    unchanged: (staged.rows[0]?.n ?? 0) - inserted - updated + identicalRepeats,
    rejects: duplicates.rows
      .filter((d) => !d.is_same)
      .map((d) => ({
        line: d.line,
        raw: d.raw,
        column: 'nik',
        reason: `this NIK is already on line ${d.first_line} of this file with different data; send one row per person`,
      })),
  };
}

/**
 * Merges `immunization_staging`: rows whose NIK is not registered or whose date is before the
 * birth date are rejected; repeats of a (NIK, vaccine, dose) keep the earliest date.
 */
export async function mergeImmunizations(
  client: pg.PoolClient,
): Promise<MergeCounts & { rejects: DatabaseReject[] }> {
  await lockPopulationWrites(client);
  const rejected = await client.query<DatabaseReject>(`
    delete from immunization_staging s
    using (
      select s2.line, p.nik is null as is_unregistered, p.birth_date
      from immunization_staging s2 left join people p on p.nik = s2.nik
      where p.nik is null or s2.date < p.birth_date) as bad
    where s.line = bad.line
    returning s.line, s.raw,
      case when bad.is_unregistered then 'nik' else 'date' end as column,
      case when bad.is_unregistered
        then 'NIK ' || s.nik || ' is not in the person register; import the person first (npx padu people import)'
        else 'date ' || s.date || ' is before the birth date ' || bad.birth_date || ' of this person' end as reason`);
  const staged = await client.query<{ n: number }>(
    'select count(*)::int as n from immunization_staging',
  );

  await client.query(`
    create temporary table immunization_batch on commit drop as
    select distinct on (nik, vaccine, dose) nik, vaccine, dose, date, facility_village_code
    from immunization_staging order by nik, vaccine, dose, date, line`);
  await client.query(`
    select 1 from immunizations i join immunization_batch b using (nik, vaccine, dose)
    order by i.nik, i.vaccine, i.dose for update of i`);
  await client.query(`
    create temporary table immunization_changes on commit drop as
    select b.*, i.nik is not null as existed, i.date as old_date
    from immunization_batch b left join immunizations i using (nik, vaccine, dose)
    where i.nik is null or b.date < i.date
       or (b.date = i.date and i.facility_village_code is null and b.facility_village_code is not null)`);

  await client.query(`
    with iv as (
      select p.village_code, c.vaccine, c.dose, c.date, p.birth_date, p.death_date, 1 as sign
      from immunization_changes c join people p using (nik)
      union all
      select p.village_code, c.vaccine, c.dose, c.old_date, p.birth_date, p.death_date, -1
      from immunization_changes c join people p using (nik) where c.existed)
    ${IMMUNIZATION_DELTAS_FROM_VERSIONS}`);

  const counts = await client.query<{ inserted: number; updated: number }>(`
    with written as (
      insert into immunizations (nik, vaccine, dose, date, facility_village_code)
      select nik, vaccine, dose, date, facility_village_code from immunization_changes
      on conflict (nik, vaccine, dose) do update set
        date = excluded.date, facility_village_code = excluded.facility_village_code, updated_at = now()
      returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
    from written`);
  const { inserted = 0, updated = 0 } = counts.rows[0] ?? {};
  return {
    inserted,
    updated,
    unchanged: (staged.rows[0]?.n ?? 0) - inserted - updated,
    rejects: rejected.rows.sort((a, b) => a.line - b.line),
  };
}

export interface RegionCounts {
  population: number;
  childrenUnder12: number;
  childrenUnder12Vaccinated: number;
  childrenUnder12FullyVaccinated: number;
}

const EMPTY_COUNTS: RegionCounts = {
  population: 0,
  childrenUnder12: 0,
  childrenUnder12Vaccinated: 0,
  childrenUnder12FullyVaccinated: 0,
};

/**
 * The delta rows that make up the value on `asOf`: for each group of regions, one plain range of
 * the primary key per time tier that its level keeps (see expandToRegionsAndTiers), joined with
 * UNION ALL so that the planner never falls back to scanning a region's every day. Indonesia,
 * provinces and regencies (codes shorter than 8) keep months; districts and villages do not.
 */
function deltaRows(
  table: 'population_deltas' | 'immunization_deltas',
  columns: string,
  regionCodes: readonly string[],
  asOf: string,
  vaccine: string,
) {
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  const monthStart = `${asOf.slice(0, 7)}-01`;
  const withMonths = regionCodes.filter((code) => code.length < 8);
  const withoutMonths = regionCodes.filter((code) => code.length >= 8);
  const key =
    table === 'immunization_deltas'
      ? sql`and vaccine = ${vaccine} and dose = any('{1,2}'::smallint[])`
      : sql``;
  const from = (codes: string[], window: ReturnType<typeof sql>) =>
    sql`select region_code, ${sql.raw(columns)} from ${sql.table(table)} where region_code = any(${codes}::text[]) ${key} and ${window}`;
  return sql`${from(withMonths, sql`tier = 1 and bucket < ${yearStart}::date`)}
    union all ${from(withMonths, sql`tier = 2 and bucket >= ${yearStart}::date and bucket < ${monthStart}::date`)}
    union all ${from(withMonths, sql`tier = 3 and bucket >= ${monthStart}::date and bucket <= ${asOf}::date`)}
    union all ${from(withoutMonths, sql`tier = 1 and bucket < ${yearStart}::date`)}
    union all ${from(withoutMonths, sql`tier = 3 and bucket >= ${yearStart}::date and bucket <= ${asOf}::date`)}`;
}

/**
 * Counts on `asOf` for each region code ('' = Indonesia), read from the delta tables: a few hundred
 * rows per region, independent of how many people live there.
 */
export async function countsByRegion(
  db: Kysely<Database>,
  regionCodes: readonly string[],
  asOf: string,
  vaccine: string,
): Promise<Map<string, RegionCounts>> {
  const result = new Map<string, RegionCounts>(
    regionCodes.map((code) => [code, { ...EMPTY_COUNTS }]),
  );
  if (regionCodes.length === 0) return result;
  const [people, doses] = await Promise.all([
    sql<{ region_code: string; population: number; children: number }>`
      select region_code, sum(population)::int as population, sum(children)::int as children
      from (${deltaRows('population_deltas', 'population, children', regionCodes, asOf, vaccine)}) as d
      group by region_code`.execute(db),
    sql<{ region_code: string; dose: number; children: number }>`
      select region_code, dose, sum(children)::int as children
      from (${deltaRows('immunization_deltas', 'dose, children', regionCodes, asOf, vaccine)}) as d
      group by region_code, dose`.execute(db),
  ]);
  for (const row of people.rows) {
    const counts = result.get(row.region_code);
    if (counts) {
      counts.population = row.population;
      counts.childrenUnder12 = row.children;
    }
  }
  for (const row of doses.rows) {
    const counts = result.get(row.region_code);
    if (!counts) continue;
    if (row.dose === 1) counts.childrenUnder12Vaccinated = row.children;
    else counts.childrenUnder12FullyVaccinated = row.children;
  }
  return result;
}

/**
 * The same counts straight from the register (scanning people), grouped by the region code of the
 * given level (1–4, or 0 for Indonesia). For verification and benchmarks, never for serving.
 */
export async function countDirectly(
  db: Kysely<Database>,
  level: 0 | 1 | 2 | 3 | 4,
  asOf: string,
  vaccine: string,
): Promise<Map<string, RegionCounts>> {
  const width = [0, 2, 5, 8, 13][level] ?? 13;
  const { rows } = await sql<{ region_code: string } & RegionCounts>`
    with alive as (
      select p.nik, left(p.village_code, ${width}) as region_code,
             p.birth_date > (${asOf}::date - interval '12 years')::date as is_child
      from people p
      where p.birth_date <= ${asOf}::date and (p.death_date is null or p.death_date > ${asOf}::date))
    select a.region_code,
           count(*)::int as population,
           count(*) filter (where a.is_child)::int as "childrenUnder12",
           count(*) filter (where a.is_child and exists (
             select 1 from immunizations i where i.nik = a.nik and i.vaccine = ${vaccine} and i.dose = 1 and i.date <= ${asOf}::date
           ))::int as "childrenUnder12Vaccinated",
           count(*) filter (where a.is_child and exists (
             select 1 from immunizations i where i.nik = a.nik and i.vaccine = ${vaccine} and i.dose = 2 and i.date <= ${asOf}::date
           ))::int as "childrenUnder12FullyVaccinated"
    from alive a group by a.region_code`.execute(db);
  return new Map(rows.map(({ region_code, ...counts }) => [region_code, counts]));
}
